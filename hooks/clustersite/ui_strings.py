"""Interface wording, one YAML file per language in data/ui/.

Keys are dotted (`cluster.members`). Lookup falls back from the page
language to Lithuanian (which must be complete) and then to the key itself,
so a missing string shows up visibly instead of breaking the build.
"""

from __future__ import annotations

from pathlib import Path
from typing import Callable

import yaml

from .localized import DEFAULT_LANGUAGE


def load_strings(folder: Path, lang: str) -> dict[str, str]:
    path = folder / f"{lang}.yml"
    if not path.is_file():
        return {}
    data = yaml.safe_load(path.read_text(encoding="utf-8")) or {}
    return {str(key): str(value) for key, value in data.items()}


def translator(folder: Path, lang: str) -> Callable[..., str]:
    own = load_strings(folder, lang)
    default = own if lang == DEFAULT_LANGUAGE else load_strings(folder, DEFAULT_LANGUAGE)

    def translate(key: str, **values: object) -> str:
        text = own.get(key) or default.get(key) or key
        return text.format(**values) if values else text

    return translate

