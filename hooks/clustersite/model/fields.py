"""The checks of single values: text, addresses, dates, numbers, choices, files.

A check validates one value and returns it cleaned (or INVALID after
reporting why), and describes itself as JSON Schema. The records that
hold them are pydantic models (records.py and the content types); a check
is attached to a field with `Check(...)`.

Messages are written for editors: what is wrong, what was found, how to fix.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from clustersite.source.images import image_problem
from clustersite.source.raw_html import find_unsafe_markup
from clustersite.source.site_paths import SiteLink
from clustersite.text.dates import VILNIUS, Month
from clustersite.text.messages import Message, say
from clustersite.text.problems import Problems, describe

INVALID = object()
"""Returned by a spec when the value was reported as a problem."""

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""File names that become page addresses, and vocabulary keys: a-z, 0-9, single hyphens."""


@dataclass(frozen=True)
class Where:
    """Where a value sits: file, line and dotted field path."""

    path: str
    line: int
    field: str = ""

    def key(self, name: str, line: int) -> Where:
        return Where(self.path, line, f"{self.field}.{name}" if self.field else name)

    def item(self, index: int, line: int) -> Where:
        return Where(self.path, line, f"{self.field}[{index}]")


@dataclass
class Context:
    """What validation needs besides the value itself."""

    problems: Problems
    build_date: dt.date
    repo_root: Path
    vocabularies: Mapping[str, Mapping[str, Any]]
    latest: dt.date | None = None
    """The latest date content may carry (the real today, see dates.latest_allowed);
    the build date only decides what a page shows (a label valid, an event past)."""
    site_links: list[SiteLink] = field(default_factory=list)
    """Links written as site paths (`/klasteriai/litek/`), checked once every page is known."""

    @property
    def latest_date(self) -> dt.date:
        return self.latest or self.build_date

    def report(self, where: Where, message: Message) -> object:
        self.problems.add(where.path, where.line, where.field, message)
        return INVALID


@dataclass(frozen=True)
class Text:
    """A description in both languages, for JSON Schema and the docs."""

    en: str
    lt: str


class Spec:
    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        raise NotImplementedError

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError


class Str(Spec):
    def __init__(self, max_length: int | None = None, pattern: str | None = None, pattern_hint: Message | None = None):
        self.max_length = max_length
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_hint = pattern_hint

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return ctx.report(where, say("expected-text", got=describe(value)))
        value = value.strip()
        if not value:
            return ctx.report(where, say("empty-text"))
        if self.max_length and len(value) > self.max_length:
            return ctx.report(where, say("too-long", length=len(value), limit=self.max_length))
        if self.pattern and not self.pattern.fullmatch(value):
            return ctx.report(where, say("pattern", hint=self.pattern_hint, got=describe(value)))
        return value

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.max_length:
            schema["maxLength"] = self.max_length
        if self.pattern:
            schema["pattern"] = f"^(?:{self.pattern.pattern})$"
        return schema


class Url(Spec):
    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if not isinstance(value, str):
            return ctx.report(where, say("expected-url", got=describe(value)))
        text = value.strip()
        parts = urlsplit(text)
        # urlsplit drops tabs and line breaks silently; a browser does too, but an
        # iCalendar or CSV line would break, so an address holds none (nor spaces).
        if parts.scheme not in ("http", "https") or not parts.netloc or any(c.isspace() or not c.isprintable() for c in text):
            return ctx.report(where, say("not-url", got=describe(value)))
        return text

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": "^https?://[^\\s/]+"}


class Email(Spec):
    _shape = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if not isinstance(value, str) or not self._shape.fullmatch(value.strip()):
            return ctx.report(where, say("not-email", got=describe(value)))
        return value.strip()

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "email"}


class Bool(Spec):
    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if not isinstance(value, bool):
            return ctx.report(where, say("expected-bool", got=describe(value)))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Number(Spec):
    def __init__(self, minimum: float, maximum: float, integer: bool = False, unit_hint: Message | str = ""):
        self.minimum, self.maximum, self.integer, self.unit_hint = minimum, maximum, integer, unit_hint

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        kinds = (int,) if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            return ctx.report(where, say("expected-whole-number" if self.integer else "expected-number", got=describe(value)))
        if not self.minimum <= value <= self.maximum:
            return ctx.report(where, say("out-of-range", got=value, minimum=self.minimum, maximum=self.maximum, unit=self.unit_hint))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "integer" if self.integer else "number",
            "minimum": self.minimum,
            "maximum": self.maximum,
        }


class Year(Spec):
    """A year from 1900 up to the build year."""

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        value = unquoted(value)
        if isinstance(value, bool) or not isinstance(value, int):
            return ctx.report(where, say("expected-year", got=describe(value)))
        if value > ctx.latest_date.year:
            return ctx.report(where, say("future-year", got=value))
        if value < 1900:
            return ctx.report(where, say("too-early-year", got=value))
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 1900}


class Date(Spec):
    """A calendar date written YYYY-MM-DD (or a bare year where allowed)."""

    def __init__(self, allow_year: bool = False, not_future: bool = True, allow_month: bool = False):
        self.allow_year, self.not_future, self.allow_month = allow_year, not_future, allow_month

    def _expected(self) -> str:
        if self.allow_month:
            return "expected-date-month-or-year" if self.allow_year else "expected-month"
        return "expected-date-or-year" if self.allow_year else "expected-date"

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        value = unquoted(value)
        if isinstance(value, dt.datetime):
            value = value.date()
        if self.allow_month and isinstance(value, str) and (month := _ISO_MONTH.fullmatch(value.strip())):
            if not 1 <= int(month[2]) <= 12:
                return ctx.report(where, say(self._expected(), got=describe(value)))
            found = Month(int(month[1]), int(month[2]))
            if self.not_future and found.first_day > ctx.latest_date:
                return ctx.report(where, say("future-date", got=str(found)))
            return found
        if self.allow_year and isinstance(value, int) and not isinstance(value, bool):
            if not 1900 <= value <= 2100:
                return ctx.report(where, say("not-a-year", got=value))
            if self.not_future and value > ctx.latest_date.year:
                return ctx.report(where, say("future-date", got=value))
            return value
        if not isinstance(value, dt.date):
            return ctx.report(where, date_problem(value, self._expected()))
        if self.not_future and value > ctx.latest_date:
            return ctx.report(where, say("future-date", got=value.isoformat()))
        return value

    def json_schema(self) -> dict[str, Any]:
        date: dict[str, Any] = {"type": "string", "format": "date"}
        forms = [date]
        if self.allow_month:
            forms.append({"type": "string", "pattern": r"^\d{4}-(0[1-9]|1[0-2])$"})
        if self.allow_year:
            forms.append({"type": "integer", "minimum": 1900, "maximum": 2100})
        return {"anyOf": forms} if len(forms) > 1 else date


def unquoted(value: Any) -> Any:
    """A quoted ISO date or year ("2024-05-01", "2011") as YAML would read it
    unquoted: quoting is a common habit, and the meaning is plain."""
    if isinstance(value, str):
        text = value.strip()
        if re.fullmatch(r"\d{4}", text):
            return int(text)
        if re.fullmatch(r"\d{4}-\d{2}-\d{2}", text):
            try:
                return dt.date.fromisoformat(text)
            except ValueError:
                return value
    return value


class DateTime(Spec):
    """A date (all-day) or a date and time in Vilnius time: 2024-10-03 or 2024-10-03 10:00."""

    _pattern = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})")

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if isinstance(value, dt.datetime):
            return value if value.tzinfo else value.replace(tzinfo=VILNIUS)
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and (match := self._pattern.fullmatch(value.strip())):
            try:
                return dt.datetime.fromisoformat(f"{match[1]}T{int(match[2][:-3]):02d}{match[2][-3:]}").replace(tzinfo=VILNIUS)
            except ValueError:
                pass
        return ctx.report(where, date_problem(value, "expected-moment", where.field.rsplit(".", 1)[-1]))

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}$"}]}


class Choice(Spec):
    """One of a fixed set of words (or of a vocabulary's keys, looked up at check time)."""

    def __init__(self, choices: Sequence[str] = (), vocabulary: str = "", noun: str = "value", listed_in: Message | str = ""):
        self.choices, self.vocabulary, self.noun = tuple(choices), vocabulary, noun
        self.listed_in = listed_in  # where to look, for vocabularies too long to print

    def allowed(self, ctx: Context) -> list[str]:
        return list(ctx.vocabularies[self.vocabulary]) if self.vocabulary else list(self.choices)

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        allowed = self.allowed(ctx)
        if value in allowed:
            return value
        hint = did_you_mean(value, allowed, self.names(ctx))
        if self.listed_in:
            return ctx.report(where, say("unknown-choice-listed", noun=self.noun, got=describe(value), hint=hint, listed_in=self.listed_in))
        return ctx.report(where, say("unknown-choice", noun=self.noun, got=describe(value), hint=hint, allowed=", ".join(allowed)))

    def names(self, ctx: Context) -> dict[str, str]:
        """Display names by key (a vocabulary's Lithuanian and English names), for hints."""
        if not self.vocabulary:
            return {}
        names: dict[str, str] = {}
        for key, term in ctx.vocabularies[self.vocabulary].items():
            label = getattr(term, "label", None)
            for name in (getattr(label, "lt", None), getattr(label, "en", None)):
                if isinstance(name, str):
                    names.setdefault(name, key)
        return names

    def json_schema(self) -> dict[str, Any]:
        if self.vocabulary:
            return {"type": "string", "x-vocabulary": self.vocabulary}
        return {"type": "string", "enum": list(self.choices)}


class RepoFile(Spec):
    """A path to a file inside the repository, written relative to its root."""

    def __init__(self, suffixes: Sequence[str], noun: str = "image", width_hint: int = 1200, folder: str | None = None):
        self.suffixes = tuple(suffixes)
        self.noun, self.width_hint = noun, width_hint  # for the size message: "logo is 5.1 MB; ... export at 400 px"
        self.folder = folder  # the one place such files go ("data/images"), if there is one

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if not isinstance(value, str) or not value.strip():
            return ctx.report(where, say("expected-path", got=describe(value)))
        relative = Path(value.strip())
        root = ctx.repo_root.resolve()
        target = (root / relative).resolve()
        if relative.is_absolute() or not target.is_relative_to(root):
            return ctx.report(where, say("path-outside", got=describe(value)))
        if self.folder and (target.parent != root / self.folder or not re.fullmatch(f"{SLUG}\\.[a-z]+", target.name)):
            example = f"{self.folder}/{_suggest_name(target.stem)}{target.suffix.lower() or '.jpg'}"
            return ctx.report(where, say("news-image-place", got=describe(value), folder=f"{self.folder}/", example=example))
        if target.suffix.lower() not in self.suffixes:
            return ctx.report(where, say("not-image-file", got=describe(value), allowed=", ".join(self.suffixes)))
        if not target.is_file():
            return ctx.report(where, say("no-such-file", got=describe(value)))
        if problem := image_problem(target, self.noun, self.width_hint):
            return ctx.report(where, problem)
        return target.relative_to(root).as_posix()

    def json_schema(self) -> dict[str, Any]:
        folder = f"{re.escape(self.folder)}/{SLUG}" if self.folder else "[^/].*"
        return {"type": "string", "pattern": f"^{folder}\\.(" + "|".join(s[1:] for s in self.suffixes) + ")$"}


def _suggest_name(stem: str) -> str:
    """A file name in the one allowed form, from what was written: "Forum Foto" -> "forum-foto"."""
    ascii_text = unicodedata.normalize("NFKD", stem.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "image"


def did_you_mean(value: Any, choices: Sequence[str], names: Mapping[str, str] | None = None) -> str:
    """A hint for a near miss: a misspelt key, or a display name (`IRT`,
    `Vilniaus apskritis`) written where its key (`ict`) belongs."""
    if not isinstance(value, str):
        return ""
    folded = {name.casefold(): key for name, key in (names or {}).items()}
    if value.strip().casefold() in folded:
        return say("did-you-mean-name", key=folded[value.strip().casefold()], name=value.strip())
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return say("did-you-mean", close=close[0]) if close else ""


_ISO_MONTH = re.compile(r"(\d{4})-(\d{2})")
_ISO_DAY = re.compile(r"(\d{4})-(\d{1,2})-(\d{1,2})")


def date_problem(value: Any, expected: str, name: str = "") -> Message:
    """Why a value is not a date, in the editor's terms: a month or day that
    does not exist, or a time YAML read as a base-60 number (10:00 is 600)."""
    if isinstance(value, str) and (match := _ISO_DAY.match(value.strip())):
        month, day = int(match[2]), int(match[3])
        if not 1 <= month <= 12:
            return say("no-such-month", month=month, got=describe(value))
        if not 1 <= day <= 31 or _ISO_DAY.fullmatch(value.strip()):
            try:
                dt.date(int(match[1]), month, day)
            except ValueError:
                return say("no-such-day", day=day, got=describe(value))
    if name and isinstance(value, int) and not isinstance(value, bool) and 0 <= value < 24 * 60:
        return say("sexagesimal-time", number=value, name=name, example=f"2026-12-10 {value // 60:02d}:{value % 60:02d}")
    return say(expected, got=describe(value))


class MarkdownStr(Str):
    """Text in Markdown (a cluster's description, how to join): also no raw
    HTML or unsafe links. Each finding is reported at the field's line, as
    a text's own lines do not map to the file's once YAML folds them.
    Findings are warnings: the text is still rendered, safely."""

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        clean = super().check(value, where, ctx)
        if clean is not INVALID:
            for finding in find_unsafe_markup(clean):
                ctx.problems.warn(where.path, where.line, where.field, finding.message)
        return clean
