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

from pathlib import Path
from typing import Callable

from babel import Locale

from .localized import DEFAULT_LANGUAGE, LANGUAGES
from .problems import ContentError, Problems
from .yaml_source import load_yaml


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
    return Locale.parse(lang).plural_form(count)


def translator(own: dict[str, str], default: dict[str, str], lang: str) -> Callable[..., str]:
    def translate(key: str, **values: object) -> str:
        if "count" in values:
            form_key = f"{key}.{plural_form(lang, values['count'])}"
            if form_key in own or form_key in default:
                key = form_key
        text = own.get(key) or default.get(key) or key
        return text.format(**values) if values else text

    return translate


def translators(folder: Path) -> dict[str, Callable[..., str]]:
    """Each language's lookup, from files read once (per build, not per string)."""
    strings = {lang: load_strings(folder, lang) for lang in LANGUAGES}
    return {lang: translator(strings[lang], strings[DEFAULT_LANGUAGE], lang) for lang in LANGUAGES}
