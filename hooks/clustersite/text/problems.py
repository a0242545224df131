"""Problems found in content, collected so editors see all of them at once.

Every problem names the file (relative to the repository), the line, the field
and what to do about it, and renders as one line:

    data/clusters/litek.yml:14: members[2].website: not a web address (got "litek"); ...
"""

from __future__ import annotations

from dataclasses import dataclass, field

from clustersite.text.messages import Message, in_lang, say


@dataclass(frozen=True, order=True)
class Problem:
    path: str
    line: int
    field: str
    message: Message  # from the catalogue (`say`), so it reads in either language; mypy refuses plain text

    def __str__(self) -> str:
        return self.in_lang("en")

    def in_lang(self, lang: str) -> str:
        """The line in `lang` (catalogued messages only; others stay English)."""
        message, field_name = in_lang(self.message, lang), in_lang(self.field, lang)  # a field is a key, or a word such as "translation"
        where = f"{self.path}:{self.line}" if self.line else self.path
        return f"{where}: {field_name}: {message}" if field_name else f"{where}: {message}"


@dataclass
class Problems:
    """An append-only list of problems; sorted by file and line when read.

    Warnings are problems the site can still be built with, safely: raw
    HTML in Markdown is published as text. `make check` fails on them, so
    they never reach the main branch; a build logs them as warnings, fatal
    under `mkdocs build --strict`, while `mkdocs serve` shows the page."""

    items: list[Problem] = field(default_factory=list)
    warnings: list[Problem] = field(default_factory=list)

    def add(self, path: str, line: int, field_name: str, message: Message) -> None:
        self.items.append(Problem(path, line, field_name, message))

    def warn(self, path: str, line: int, field_name: str, message: Message) -> None:
        self.warnings.append(Problem(path, line, field_name, message))

    def extend(self, other: Problems) -> None:
        self.items.extend(other.items)
        self.warnings.extend(other.warnings)

    def sorted(self) -> list[Problem]:
        """Errors and warnings together, as an editor fixes them."""
        return sorted(self.items + self.warnings)

    def __bool__(self) -> bool:
        return bool(self.items)

    def __len__(self) -> int:
        return len(self.items)


def describe(value: object) -> str:
    """A short, quoted rendering of an editor's value for `(got ...)`."""
    if isinstance(value, str):
        text = value if len(value) <= 60 else value[:57] + "..."
        return '"' + text.replace("\n", " ") + '"'
    if isinstance(value, bool):
        return "true" if value else "false"
    if value is None:
        return say("got-nothing")
    if isinstance(value, dict):
        return say("got-mapping")
    if isinstance(value, list):
        return say("got-list")
    return str(value)
