"""Interface wording, one YAML file per language in data/ui/.

Keys are dotted (`cluster.members`). Lookup falls back from the page
language to Lithuanian (which must be complete) and then to the key itself,
so a missing string shows up visibly instead of breaking the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

from .localized import DEFAULT_LANGUAGE
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


def translator(folder: Path, lang: str) -> Callable[..., str]:
    own = load_strings(folder, lang)
    default = own if lang == DEFAULT_LANGUAGE else load_strings(folder, DEFAULT_LANGUAGE)

    def translate(key: str, **values: object) -> str:
        text = own.get(key) or default.get(key) or key
        return text.format(**values) if values else text

    return translate

