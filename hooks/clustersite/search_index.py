"""The Pagefind search index, built over the finished site.

Pagefind (PyPI `pagefind[bin]`, which ships its binary) reads every page's
`<html lang>` and writes one index per language, with a Lithuanian stemmer
and diacritic folding. Only elements marked `data-pagefind-body` are
indexed (overrides/main.html marks the page content, not the chrome).
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path


class SearchIndexError(RuntimeError):
    pass


def build_search_index(site_dir: Path) -> None:
    command = [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--output-subdir", "pagefind", "--silent"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {result.stdout}{result.stderr}".strip())
