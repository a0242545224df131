"""The Pagefind search index, built over the finished site.

Pagefind (PyPI `pagefind[bin]`, which ships its binary) reads every page's
`<html lang>` and writes one index per language, with a Lithuanian stemmer
and diacritic folding. Only elements marked `data-pagefind-body` are
indexed (overrides/main.html marks the page content, not the chrome).
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from clustersite.text.errors import SearchIndexError


def build_search_index(site_dir: Path) -> None:
    command = [
        sys.executable,
        "-m",
        "pagefind",
        "--site",
        str(site_dir),
        "--output-subdir",
        "pagefind",
        "--silent",
        # Field names ("Sectors", "Published") would run into their values in
        # excerpts, and heading permalinks add a stray "¶".
        "--exclude-selectors",
        "dt",
        "--exclude-selectors",
        ".headerlink",
    ]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {site_dir}: {result.stdout}{result.stderr}".strip())
    # Pagefind writes its languages in hash-map order, which changes between
    # runs; sorted keys keep builds byte-identical (the content is the same).
    entry = site_dir / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True, separators=(",", ":")), encoding="utf-8")
