"""Interface wording, one YAML file per language in data/ui/.

Keys are dotted (`cluster.members`). Lookup falls back from the page
language to Lithuanian (which must be complete) and then to the key itself,
so a missing string shows up visibly instead of breaking the build (and a
test checks every key templates use exists in both files).

A number shown with a noun takes the noun's CLDR plural form: with
`t("count.clusters", count=n)` the string is `count.clusters.<form>`, the
form (one, few, many, other) from Babel's plural rules for the language:
1 klasteris, 2 klasteriai, 10 klasterių, 21 klasteris.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable
from pathlib import Path

from babel import Locale
from markupsafe import Markup

from clustersite.source.yaml_source import load_yaml
from clustersite.text.errors import ContentError
from clustersite.text.layout import UI_DIR
from clustersite.text.localized import DEFAULT_LANGUAGE, LANGUAGES
from clustersite.text.messages import say
from clustersite.text.problems import Problem, Problems


def load_strings(folder: Path, lang: str) -> dict[str, str]:
    """One language's strings; ContentError if the file is not plain YAML
    within the limits (it comes by pull request like any content)."""
    path = folder / f"{lang}.yml"
    if not path.is_file():
        return {}
    problems = Problems()
    data = load_yaml(path, f"{folder.parent.name}/{folder.name}/{path.name}", problems)
    if problems:
        raise ContentError(problems)
    if not isinstance(data, dict):
        data = {}
    return {str(key): str(value) for key, value in data.items()}


def plural_form(lang: str, count: float) -> str:
    return _locale(lang).plural_form(count)


@functools.cache
def _locale(lang: str) -> Locale:
    return Locale.parse(lang)


def translator(own: dict[str, str], default: dict[str, str], lang: str, markup: bool = False) -> Callable[..., str]:
    """`t(key, **values)`: plain text for feeds, calendars and titles; with
    `markup`, for templates: the wording escaped as the text it is, and each
    value escaped too unless it is Markup (a link a template made), which
    Markup.format keeps as it is."""

    plain: dict[str, str] = {}  # each key's text without values, made once: pages ask for the same labels thousands of times

    def translate(key: str, **values: object) -> str:
        if not values:
            if key not in plain:
                text = own.get(key) or default.get(key) or key
                plain[key] = Markup.escape(text) if markup else text
            return plain[key]
        if "count" in values:
            count = values["count"]
            form_key = f"{key}.{plural_form(lang, count if isinstance(count, int | float) else 0)}"
            if form_key in own or form_key in default:
                key = form_key
        text = own.get(key) or default.get(key) or key
        if markup:
            return Markup.escape(text).format(**values)
        return text.format(**values)

    return translate


def translators(folder: Path, markup: bool = False) -> dict[str, Callable[..., str]]:
    """Each language's lookup, from files read once (per build, not per string)."""
    strings = {lang: load_strings(folder, lang) for lang in LANGUAGES}
    return {lang: translator(strings[lang], strings[DEFAULT_LANGUAGE], lang, markup) for lang in LANGUAGES}


MARKUP = re.compile(r"<[a-zA-Z/!?]|&(?:[a-zA-Z][a-zA-Z0-9]*|#[0-9]+|#[xX][0-9a-fA-F]+);")
"""A tag, comment or entity: what a browser would read as markup if wording were not escaped."""


def markup_in_wording(folder: Path) -> list[Problem]:
    """Wording that looks like markup, one problem per string. The templates
    escape every string anyway (`translator(markup=True)`), so a build shows
    the characters; `make check` and a strict build reject it, so they never
    reach the main branch."""
    found = []
    for lang in LANGUAGES:
        path = folder / f"{lang}.yml"
        if not path.is_file():
            continue
        shown_as = f"{folder.parent.name}/{folder.name}/{path.name}"
        data = load_yaml(path, shown_as, Problems())  # syntax is reported by load_strings
        lines = getattr(data, "line_of", lambda key: 0)
        for key, text in data.items() if isinstance(data, dict) else ():
            if match := MARKUP.search(str(text)):
                found.append(Problem(shown_as, lines(key), str(key), say("ui-markup", found=_markup_sample(str(text), match))))
    return found


def _markup_sample(text: str, match: re.Match) -> str:
    """The tag (up to its `>`, at most 40 characters) or entity found."""
    if match[0].startswith("&"):
        return match[0]
    end = text.find(">", match.start())
    tag = text[match.start() : end + 1] if end != -1 else text[match.start() :]
    return tag if len(tag) <= 40 else tag[:39] + "…"


USED_KEY = re.compile(r"(?<![.\w])t\('([a-z_.]+)'")
"""A key templates look up literally: `t('cluster.members')` (a prefix ending in '.' is computed)."""
PLACEHOLDER = re.compile(r"\{(\w*)[^{}]*\}")
PLURAL_FORMS = {"one", "few", "many", "other", "zero", "two"}


def check_wording(root: Path, problems: Problems) -> None:
    """What only the build used to notice in data/ui/*.yml: a key a template
    uses missing from a language, and `{placeholders}` that differ between
    the languages (the English text would then fail or show a brace)."""
    folder = root / UI_DIR
    files: dict[str, dict] = {}
    for lang in LANGUAGES:
        path = folder / f"{lang}.yml"
        if path.is_file():
            data = load_yaml(path, f"{UI_DIR}/{lang}.yml", Problems())  # syntax is reported by load_strings
            files[lang] = data if isinstance(data, dict) else {}
    used: dict[str, str] = {}
    for template in sorted((root / "overrides").rglob("*.html")):
        for key in USED_KEY.findall(template.read_text(encoding="utf-8")):
            if not key.endswith("."):
                used.setdefault(key, template.relative_to(root).as_posix())
    for lang, strings in files.items():
        for key, used_in in sorted(used.items()):
            if key not in strings and not any(f"{key}.{form}" in strings for form in PLURAL_FORMS):
                problems.add(f"{UI_DIR}/{lang}.yml", 1, key, say("ui-missing", template=used_in))
    default = files.get(DEFAULT_LANGUAGE, {})
    for lang, strings in files.items():
        if lang == DEFAULT_LANGUAGE:
            continue
        lines = getattr(strings, "line_of", lambda key: 0)
        for key, text in strings.items():
            base = key.rsplit(".", 1)[0] if key.rsplit(".", 1)[-1] in PLURAL_FORMS else None
            other = default.get(key, default.get(f"{base}.other") if base else None)
            if other is None:
                continue
            theirs, ours = sorted(set(PLACEHOLDER.findall(str(other)))), sorted(set(PLACEHOLDER.findall(str(text))))
            if theirs != ours:
                problems.add(
                    f"{UI_DIR}/{lang}.yml",
                    lines(key),
                    str(key),
                    say(
                        "ui-placeholders",
                        default=f"{UI_DIR}/{DEFAULT_LANGUAGE}.yml",
                        theirs=", ".join(f"{{{p}}}" for p in theirs) or say("none"),
                        ours=", ".join(f"{{{p}}}" for p in ours) or say("none"),
                    ),
                )
