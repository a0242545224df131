"""What one language's build is: its folders, address, language and wording.

mkdocs-static-i18n builds the whole site once per language into one folder,
the default language first; `Build` says which language this is and whether
it is the last. The adapter makes one per language; the output modules read it.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from clustersite.outputs.html_fixes import Stylesheet
from clustersite.text.localized import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class Build:
    repo_root: Path
    site_dir: Path
    site_url: str
    site_name: str
    lang: str
    languages: tuple[str, ...]  # in build order, the default first
    t: Callable[..., str]
    stylesheet: Stylesheet | None = None  # Material's, corrected (html_fixes.py)
    serving: bool = False  # `mkdocs serve`: the search index is built beside the preview (search_index.py)
    local_cms: bool = False  # /admin/ saves into the working copy (`make cms`), not through pull requests
    destination: Path | None = None  # the site's folder, when this build writes into another first (the fork's, language_process.py)

    @property
    def final_site_dir(self) -> Path:
        return self.destination or self.site_dir

    @property
    def lang_root(self) -> str:
        return language_root(self.lang)

    @property
    def is_last(self) -> bool:
        return self.lang == self.languages[-1]

    @property
    def others(self) -> tuple[str, ...]:
        return tuple(lang for lang in self.languages if lang != DEFAULT_LANGUAGE)


def base_path(site_url: str | None) -> str:
    """The site's path on its host: "/" or "/repo/"."""
    return urlsplit(site_url or "/").path or "/"


def language_root(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
