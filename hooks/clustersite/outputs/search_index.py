"""The Pagefind search index, built over the finished site.

Pagefind (PyPI `pagefind[bin]`, which ships its binary) reads every page's
`<html lang>` and writes one index per language, with a Lithuanian stemmer
and diacritic folding. Only elements marked `data-pagefind-body` are
indexed (overrides/main.html marks the page content, not the chrome).
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import threading
from pathlib import Path

from clustersite.text.errors import SearchIndexError


def build_search_index(site_dir: Path, yielding: bool = False) -> None:
    finish_search_index(start_search_index(site_dir, yielding))


def start_search_index(site_dir: Path, yielding: bool = False) -> Indexing:
    """Start Pagefind over the pages written so far; it runs beside the rest
    of the build (the files written after the pages carry no
    `data-pagefind-body`, so they are not indexed) until `finish_search_index`.
    `yielding` (the preview's background index): at the lowest CPU priority,
    so that it never slows the rebuild after the next save; at 1,000 clusters
    it indexes for seconds."""
    lowest = ["nice", "-n", "19"] if yielding and shutil.which("nice") else []
    command = [
        *lowest,
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
    process = subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
    return Indexing(site_dir, process)


class Indexing:
    def __init__(self, site_dir: Path, process: subprocess.Popen[str]) -> None:
        self.site_dir, self.process = site_dir, process


def finish_search_index(indexing: Indexing) -> None:
    """Wait for Pagefind; raise SearchIndexError if it failed."""
    output, _ = indexing.process.communicate()
    if indexing.process.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {indexing.site_dir}: {output}".strip())
    # Pagefind writes its languages in hash-map order, which changes between
    # runs; sorted keys keep builds byte-identical (the content is the same).
    entry = indexing.site_dir / "pagefind" / "pagefind-entry.json"
    entry.write_text(json.dumps(json.loads(entry.read_text(encoding="utf-8")), sort_keys=True, separators=(",", ":")), encoding="utf-8")


class BackgroundIndex:
    """Under `mkdocs serve`: Pagefind after each build, without holding the
    preview's reload; a build that ends while it runs has it run once more.
    Search in the preview is current a few seconds after the page is."""

    def __init__(self) -> None:
        self._lock = threading.Lock()
        self._wanted: Path | None = None
        self._thread: threading.Thread | None = None

    def request(self, site_dir: Path) -> None:
        with self._lock:
            self._wanted = site_dir
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="pagefind", daemon=True)
                self._thread.start()

    def _run(self) -> None:
        while True:
            with self._lock:
                site_dir, self._wanted = self._wanted, None
                if site_dir is None:
                    self._thread = None
                    return
            try:
                build_search_index(site_dir, yielding=True)
            except (SearchIndexError, OSError, ValueError):
                pass  # the preview goes on without search; `mkdocs build` reports it

    def wait(self) -> None:
        """For tests and benchmarks: until the last requested index is written."""
        while (thread := self._thread) is not None and thread.is_alive():
            thread.join()
