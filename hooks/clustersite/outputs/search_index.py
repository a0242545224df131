"""The Pagefind search index.

Pagefind (PyPI `pagefind[bin]`, which ships its binary) reads every page's
`<html lang>` and writes one index per language, with a Lithuanian stemmer
and diacritic folding. Only elements marked `data-pagefind-body` are
indexed (overrides/main.html marks the page content, not the chrome).

`mkdocs build` indexes each language on its own, as soon as that
language's pages are written, beside the rest of the build (the next
language's pages, the feeds and badges): an index of one language is the
same files as that language's part of an index of the whole site (the
files have the language in their names), so `merge_index` puts them
together in the site's `pagefind/` and joins the list of languages in
`pagefind-entry.json`. Under `mkdocs serve` the whole site is indexed in the
background after each build (`BackgroundIndex`).
"""

from __future__ import annotations

import functools
import json
import os
import re
import shutil
import subprocess
import sys
import threading
from collections.abc import Iterable
from pathlib import Path

from clustersite.outputs.language_process import merge_into
from clustersite.text.errors import SearchIndexError

OUTPUT = "pagefind"
"""The index's folder in the site."""
ENTRY = "pagefind-entry.json"
"""The index's list of languages, which every other file is named after."""
OPTIONS = [
    "--silent",
    # Field names ("Sectors", "Published") would run into their values in
    # excerpts, and heading permalinks add a stray "¶".
    "--exclude-selectors",
    "dt",
    "--exclude-selectors",
    ".headerlink",
]


def build_search_index(site_dir: Path, yielding: bool = False) -> None:
    finish_search_index(start_search_index(site_dir, yielding))


class Indexing:
    def __init__(self, site_dir: Path, output: Path, process: subprocess.Popen[str]) -> None:
        self.site_dir, self.output, self.process = site_dir, output, process


@functools.cache
def _pagefind_command() -> list[str]:
    """Pagefind's binary, found as `python -m pagefind` finds it (the
    PAGEFIND_BINARY_PATH variable, else the pinned `pagefind_bin`'s) and
    run directly: that command only starts Python to find and run it, a
    tenth of a second each time."""
    if given := os.environ.get("PAGEFIND_BINARY_PATH"):
        return [given]
    try:
        from pagefind_bin import get_executable
    except ImportError:  # not installed: `python -m pagefind` looks further, or says what is missing
        return [sys.executable, "-m", "pagefind"]
    return [str(get_executable())]


def _pagefind(site_dir: Path, output: Path, options: list[str], yielding: bool = False) -> Indexing:
    lowest = ["nice", "-n", "19"] if yielding and shutil.which("nice") else []
    command = [*lowest, *_pagefind_command(), "--site", str(site_dir), "--output-path", str(output), *OPTIONS, *options]
    return Indexing(site_dir, output, subprocess.Popen(command, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True))


def start_search_index(site_dir: Path, yielding: bool = False) -> Indexing:
    """Pagefind over every page of the site, into its `pagefind/`.
    `yielding` (the preview's background index): at the lowest CPU priority,
    so that it never slows the rebuild after the next save; at 1,000 clusters
    it indexes for seconds."""
    return _pagefind(site_dir, site_dir / OUTPUT, [], yielding)


def language_index_dir(site_dir: Path, lang_root: str) -> Path:
    """Where one language's index is written while the build goes on: the
    default language's (`lang_root` "") in the site's `pagefind/`, another's
    beside the site's folder, until `merge_index` moves it in."""
    return site_dir / OUTPUT if not lang_root else site_dir.with_name(f".{site_dir.name}.search-{lang_root.strip('/')}")


def start_language_index(site_dir: Path, lang_root: str, other_roots: Iterable[str], output: Path) -> Indexing | None:
    """Pagefind over the pages of one language written so far: the HTML
    files under `lang_root` of `site_dir` and its folders there now, except
    the other languages' roots (`other_roots`, under the default language's),
    the index and 404.html. Folders and files made later (embeds, the CMS)
    are not pages to find. None when the language has no page."""
    skip = {root.strip("/") for root in other_roots} | {OUTPUT}
    folder = site_dir / lang_root
    if not folder.is_dir():
        return None
    parts = []
    for entry in sorted(os.scandir(folder), key=lambda e: e.name):
        if entry.name.startswith(".") or entry.name in skip:
            continue
        # A character the glob would read as its own (none in the site's slugs) becomes "?": any one character.
        name = lang_root + re.sub(r"[^\w.-]", "?", entry.name)
        if entry.is_dir():
            parts.append(f"{name}/**/*.html")
        elif entry.name.endswith(".html") and entry.name != "404.html":
            parts.append(name)
    if not parts:
        return None
    shutil.rmtree(output, ignore_errors=True)
    return _pagefind(site_dir, output, ["--glob", "{" + ",".join(parts) + "}"])


def finish_search_index(indexing: Indexing) -> None:
    """Wait for Pagefind; raise SearchIndexError if it failed."""
    output, _ = indexing.process.communicate()
    if indexing.process.returncode != 0:
        raise SearchIndexError(f"Pagefind could not index {indexing.site_dir}: {output}".strip())
    _write_entry(indexing.output, _read_entry(indexing.output))


def merge_index(target: Path, other: Path) -> None:
    """Move the index in `other` (another language's) into `target`, where
    one is already: the files each names by its language move in (the
    scripts both have are the same bytes), and the entry lists both. A
    language with no page has no index to move; the first one moves whole."""
    if not other.is_dir():
        return
    if not target.is_dir():
        os.replace(other, target)
        return
    entry = _read_entry(target)
    entry["languages"].update(_read_entry(other)["languages"])
    (other / ENTRY).unlink()
    merge_into(other, target)
    _write_entry(target, entry)
    shutil.rmtree(other)


def _read_entry(index: Path) -> dict:
    return json.loads((index / ENTRY).read_text(encoding="utf-8"))


def _write_entry(index: Path, entry: dict) -> None:
    # Pagefind writes its languages in hash-map order, which changes between
    # runs; sorted keys keep builds byte-identical (the content is the same).
    (index / ENTRY).write_text(json.dumps(entry, sort_keys=True, separators=(",", ":")), encoding="utf-8")


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
