"""The incremental preview: under `mkdocs serve`, a change to one content
file re-renders only the pages it changes.

MkDocs 1.6 rebuilds the whole site on every save, and mkdocs-static-i18n
does it once per language. `make serve` runs `mkdocs serve --dirty`, under
which MkDocs skips a page whose file says it is not modified; `Preview`
decides that for every page, after each build has read and converted them
all (MkDocs' `on_env`):

- a change outside content (templates, hooks, vocabularies, interface
  wording, mkdocs.yml, anything but `data/clusters/*.yml` and the Markdown
  in `content/`), the first build and the first build after a content error
  render every page (`plan` says `full`);
- otherwise a page is rendered again only if its fingerprint changed: its
  converted Markdown, front matter and title, the context its template gets
  (`Kind.context`), and what any page may show of other records (every
  cluster's name, the news years and topics). Pages whose templates read the
  whole site (home, directory, statistics, open data, search, the lists of
  stories and events, the sector and county indexes) carry a digest of all
  content as well, so they are rendered again on every content change.

A page whose address no longer exists is deleted from the preview's folder.
Everything after the pages (feeds, embeds, open data, sitemaps) is written
as in a full build; Pagefind runs beside the preview instead of before it
reloads (`search_index.start_search_index`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clustersite.model.site_data import SiteData
from clustersite.outputs.serve_errors import page_language
from clustersite.text import urls

# Kinds (pages/kinds.py) whose template shows only its context, the page and
# the cross-record names below; every other kind is re-rendered on any change.
SELF_CONTAINED = frozenset({"cluster", "news", "story", "event", "news-list", "sector", "county"})
WATCHED = ("data", "content", "overrides", "hooks", "mkdocs.yml")
SKIPPED_FOLDERS = frozenset({"__pycache__", ".git"})


def snapshot(root: Path, watched: Iterable[str] = WATCHED) -> dict[str, tuple[int, int]]:
    """{path relative to root: (mtime in ns, size)} of every watched file,
    without the stubs the build writes itself (pages/generated_pages.py)."""
    generated = tuple(f"content/{folder}/" for folder in urls.GENERATED_FOLDERS)
    found: dict[str, tuple[int, int]] = {}
    for name in watched:
        top = root / name
        if top.is_file():
            stat = top.stat()
            found[name] = (stat.st_mtime_ns, stat.st_size)
            continue
        for folder, subfolders, files in os.walk(top):
            subfolders[:] = [sub for sub in subfolders if sub not in SKIPPED_FOLDERS]
            for file in files:
                path = Path(folder, file)
                relative = path.relative_to(root).as_posix()
                if relative.startswith(generated):
                    continue
                stat = path.stat()
                found[relative] = (stat.st_mtime_ns, stat.st_size)
    return found


def is_content(path: str) -> bool:
    """A file whose change can be followed page by page: a cluster's YAML or
    Markdown in content/ (news, stories, events, hand-written pages)."""
    parts = path.split("/")
    return (parts[0] == "data" and len(parts) == 3 and parts[1] == "clusters" and path.endswith(".yml")) or (parts[0] == "content" and path.endswith(".md"))


def changed_files(before: Mapping[str, tuple[int, int]], after: Mapping[str, tuple[int, int]]) -> set[str]:
    return {path for path in before.keys() | after.keys() if before.get(path) != after.get(path)}


def _digest(value: object) -> str:
    return hashlib.sha256(repr(value).encode("utf-8")).hexdigest()


@dataclass
class Preview:
    """What the last preview build rendered, kept across rebuilds."""

    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    fingerprints: dict[str, str] = field(default_factory=dict)  # by output path (dest_uri), both languages
    full: bool = True
    changed: set[str] = field(default_factory=set)
    content_digest: str = ""
    shared_digest: str = ""
    rendered: int = 0
    skipped: int = 0

    def plan(self, root: Path, last_build_good: bool) -> bool:
        """Before a build: compare the watched files with the last build's;
        True (`full`) when every page must be rendered."""
        now = snapshot(root)
        self.changed = changed_files(self.files, now)
        self.full = not self.files or not last_build_good or not all(is_content(path) for path in self.changed)
        self.files = now
        self.content_digest = _digest(sorted((path, stamp) for path, stamp in now.items() if is_content(path)))
        if self.full:
            self.fingerprints = {}
        self.rendered = self.skipped = 0
        return self.full

    def start_language(self, site: SiteData) -> None:
        """What every page may show of other records: cluster names (links
        from entries and lists), the news years and topics (the news lists' filters)."""
        names = [(cluster.slug, cluster.name) for cluster in site.clusters]
        self.shared_digest = _digest((names, site.news_years, site.news_tags))

    def needs_render(self, dest_uri: str, kind: str, page_parts: tuple[Any, ...], context: Mapping[str, Any]) -> bool:
        """Whether the page must be rendered again; remembers its fingerprint.
        `page_parts` is what MkDocs read and converted (Markdown, HTML, front matter, title)."""
        whole_site = "" if kind in SELF_CONTAINED else self.content_digest
        fingerprint = _digest((kind, page_parts, sorted(context.items()), self.shared_digest, whole_site))
        render = self.full or self.fingerprints.get(dest_uri) != fingerprint
        self.fingerprints[dest_uri] = fingerprint
        self.rendered += render
        self.skipped += not render
        return render

    def remove_gone(self, site_dir: Path, lang: str, present: set[str]) -> None:
        """Delete the pages in `lang` that the last build had and this one has not."""
        for dest_uri in [uri for uri in self.fingerprints if page_language(uri) == lang and uri not in present]:
            (site_dir / dest_uri).unlink(missing_ok=True)
            del self.fingerprints[dest_uri]


def empty_folder(folder: Path) -> None:
    """What `mkdocs build` does before a clean build (`--dirty` skips it)."""
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
