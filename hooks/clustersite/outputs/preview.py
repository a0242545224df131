"""The incremental preview: under `mkdocs serve`, a change to one content
file re-renders only the pages it changes.

MkDocs 1.6 rebuilds the whole site on every save, and mkdocs-static-i18n
does it once per language. `make serve` runs `mkdocs serve --dirty`, under
which MkDocs neither reads nor renders a page whose file says it is not
modified; the adapter asks `Preview` for every page before MkDocs reads them
(MkDocs' `on_nav`, after every plugin's `on_files`):

- a change outside content (templates, hooks, vocabularies, interface
  wording, mkdocs.yml, anything but `data/clusters/*.yml` and the Markdown
  in `content/`), the first build and the first build after a content error
  read and render every page (`plan` says `full`);
- otherwise a page is read and rendered again only if its file changed or
  its fingerprint would: its Markdown, HTML, title and front matter with
  what its kind adds from the data (`kinds.page_meta`), the context its
  template gets (`Kind.context`), and what any page may show of other
  records (every cluster's name, the news years and topics). The fingerprint
  is predicted from what the last build read (`PageMemo`) and today's data.
  Pages whose templates read the whole site (home, directory, statistics,
  open data, search, the lists of stories and events, the sector and county
  indexes) carry a digest of all content as well, so they are rendered
  again on every content change; the menu's pages are always read (every
  page shows their titles).

A page whose address no longer exists is deleted from the preview's folder.
Before the pages, `load_site` reads and checks only the content files that
changed (`loads`, model/load_cache.py); what is made from unchanged records
is kept (derived/same_inputs.py), and a file written after the pages whose
bytes are unchanged is left alone (publish.UnchangedFiles). Pagefind runs
beside the preview instead of before it reloads (`search_index.BackgroundIndex`).
"""

from __future__ import annotations

import hashlib
import os
import shutil
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field, fields, is_dataclass
from pathlib import Path
from typing import Any

from pydantic import BaseModel

from clustersite.derived.similar import similar
from clustersite.model.load_cache import LoadCache
from clustersite.model.site_data import SiteData
from clustersite.outputs.serve_errors import page_language
from clustersite.text import urls

# Kinds (pages/kinds.py) whose template shows only its context, the page and
# the cross-record names below; every other kind is re-rendered on any change.
SELF_CONTAINED = frozenset({"cluster", "news", "story", "event", "news-list", "sector", "county"})
# Kinds whose template shows, besides those, every cluster (the directory's
# cards) and nothing else of content: re-rendered on a change to any cluster
# file, or to their context (the directory's rows hold each cluster's news
# topics), not on every edit of a news item.
EVERY_CLUSTER = frozenset({"directory"})
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


class Described:
    """Text for a page's context that says all it holds, as `repr` does, with
    each record written once per build: the same cluster appears in many
    pages' contexts (similar clusters, lists), and pydantic's `repr` of it
    was most of the preview's fingerprinting time."""

    def __init__(self) -> None:
        self.seen: dict[int, tuple[object, str]] = {}  # id -> (the object, kept alive; its text)
        self.before: dict[int, tuple[object, str]] = {}  # the last language's or build's

    def renew(self) -> None:
        """A new language or build: records it still uses keep their text (the
        load cache hands the preview the same objects for unchanged files;
        records are never changed once loaded), the others are let go."""
        self.before, self.seen = self.seen, {}

    def __call__(self, value: object) -> str:
        if isinstance(value, BaseModel) or is_dataclass(value) and not isinstance(value, type):
            found = self.seen.get(id(value))
            if found is None or found[0] is not value:
                kept = self.before.get(id(value))
                found = self.seen[id(value)] = kept if kept is not None and kept[0] is value else (value, self._record(value))
            return found[1]
        if isinstance(value, dict):
            return "{" + ", ".join(f"{self(key)}: {self(item)}" for key, item in value.items()) + "}"
        if isinstance(value, list | tuple):
            return type(value).__name__ + "[" + ", ".join(self(item) for item in value) + "]"
        return repr(value)

    def _record(self, value: object) -> str:
        if isinstance(value, BaseModel):  # every field, and where the record came from (FileRecord)
            names = [*type(value).model_fields, *(value.__pydantic_private__ or {})]
        else:
            names = [item.name for item in fields(value)]  # type: ignore[arg-type]
        return type(value).__name__ + "(" + ", ".join(f"{name}={self(getattr(value, name))}" for name in names) + ")"


@dataclass(frozen=True)
class PageMemo:
    """What the last build read of one page, to tell without reading it again
    whether it would come out the same."""

    source: str  # the file's text
    front_matter: dict[str, Any]  # as MkDocs read it, before the page's kind added to it
    markdown: str
    content: str  # the HTML Python-Markdown made
    title: str | None  # the page's title when its front matter gives none (its first heading)
    canonical_url: str | None
    fingerprint: str
    kind: str = ""  # its kind's name (pages/kinds.py)
    inputs: Inputs | None = None  # a profile's or an entry's: what its context is made from (profile_inputs, entry_inputs)


Inputs = tuple[tuple[object, ...], tuple[object, ...]]


@dataclass(frozen=True)
class Prediction:
    """A page's fingerprint as predicted in this build, and what it was made
    from: when the page is then rendered (the prediction differed from the
    last build's) from the same file, at the same address, its context is
    the one made here, and when its Markdown, HTML, title and front matter
    come out as predicted, so is its fingerprint."""

    canonical_url: str | None
    parts: tuple[Any, ...]
    context: dict[str, Any]
    fingerprint: str


def profile_inputs(cluster: Any, site: SiteData, lang: str, t: object, values: tuple[object, ...]) -> Inputs:
    """What a cluster profile's context (kinds._cluster_context), title and
    description are made from: the record, its news, stories and events, its
    similar clusters, the vocabularies and the wording (objects, compared by
    identity: the load cache hands unchanged ones over as they were), and the
    language, its checked date, the build date and `values` (the page's
    address, the site's name and address). While they are the same, so is the
    profile's fingerprint, without making its context: 2,000 profiles at 1,000
    clusters were most of the preview's prediction time."""
    related = site.related(cluster.slug)
    objects = (cluster, site.vocabularies, t, *related.news, None, *related.stories, None, *related.events, None, *similar(site, cluster.slug))
    return objects, (lang, site.checked_on(cluster), site.build_date, *values)


def entry_inputs(entry: Any, site: SiteData, lang: str, t: object, values: tuple[object, ...]) -> Inputs:
    """The same for the page of a news item, story or event (kinds._news_context,
    _story_context, _event_context and its description): the record, an
    event's editions, the vocabularies and the wording as objects, the
    language, the build date (an event past or to come) and `values`. At
    1,000 clusters, 2,000 news pages' contexts were made and described on
    every save only to find them unchanged."""
    editions = site.series(entry.series) if getattr(entry, "series", None) else []
    return (entry, site.vocabularies, t, *editions), (lang, site.build_date, *values)


def same_inputs(one: Inputs | None, other: Inputs) -> bool:
    return one is not None and one[1] == other[1] and len(one[0]) == len(other[0]) and all(a is b for a, b in zip(one[0], other[0], strict=True))


@dataclass
class Preview:
    """What the last preview build rendered, kept across rebuilds."""

    files: dict[str, tuple[int, int]] = field(default_factory=dict)
    memos: dict[str, PageMemo] = field(default_factory=dict)  # by output path (dest_uri), both languages
    full: bool = True
    changed: set[str] = field(default_factory=set)
    content_digest: str = ""
    last_content_digest: str = ""
    clusters_digest: str = ""  # the cluster files' (EVERY_CLUSTER), with the build date (labels' status)
    last_clusters_digest: str = ""
    shared_digest: str = ""
    build_date: str = ""
    menu: set[str] = field(default_factory=set)  # this language's pages in the menu, by output path
    rendered: int = 0
    skipped: int = 0
    described: Described = field(default_factory=Described)
    predicted: dict[str, Prediction] = field(default_factory=dict)  # this language's, by output path
    loads: LoadCache = field(default_factory=LoadCache)  # each content file's reading and checking (model/load_cache.py)

    def plan(self, root: Path, last_build_good: bool) -> bool:
        """Before a build: compare the watched files with the last build's;
        True (`full`) when every page must be rendered."""
        now = snapshot(root)
        self.changed = changed_files(self.files, now)
        self.full = not self.files or not last_build_good or not all(is_content(path) for path in self.changed)
        self.files = now
        self.last_content_digest = self.content_digest
        self.content_digest = _digest(sorted((path, stamp) for path, stamp in now.items() if is_content(path)))
        self.last_clusters_digest = self.clusters_digest
        self.clusters_digest = _digest(sorted((path, stamp) for path, stamp in now.items() if is_content(path) and path.startswith("data/")))
        if self.full:  # a change outside content can change what any file's checks say
            self.memos = {}
            self.loads.clear()
        self.rendered = self.skipped = 0
        return self.full

    def start_language(self, site: SiteData) -> None:
        """What every page may show of other records: cluster names (links
        from entries and lists), the news years and topics (the news lists' filters)."""
        names = [(cluster.slug, cluster.name) for cluster in site.clusters]
        self.shared_digest = _digest((names, site.news_years, site.news_tags))
        self.build_date = site.build_date.isoformat()
        self.described.renew()
        self.predicted = {}

    def fingerprint(self, kind: str, page_parts: tuple[Any, ...], context: Mapping[str, Any]) -> str:
        """`page_parts`: what MkDocs read and converted (Markdown, HTML, title, front matter with what the kind adds)."""
        whole_site = "" if kind in SELF_CONTAINED else self.clusters_digest + self.build_date if kind in EVERY_CLUSTER else self.content_digest
        context_text = self.described(dict(sorted(context.items())))
        return _digest((kind, page_parts, context_text, self.shared_digest, whole_site))

    def unchanged(self, dest_uri: str, source: str, predict: Callable[[PageMemo], str]) -> bool:
        """True when the page's file is as the last build read it and `predict`
        (its fingerprint from the memo and today's data) matches: MkDocs then
        neither reads nor renders it."""
        memo = self.memos.get(dest_uri)
        same = not self.full and memo is not None and memo.source == source and not self._whole_site_changed(memo) and predict(memo) == memo.fingerprint
        self.skipped += same
        self.rendered += not same
        return same

    def read_unchanged(self, dest_uri: str, source: str, fingerprint: str) -> bool:
        """For a page read whatever its prediction (the menu's): True when its
        file and its fingerprint, made from what was read, are the last
        build's, so MkDocs need not render it."""
        memo = self.memos.get(dest_uri)
        return not self.full and memo is not None and memo.source == source and not self._whole_site_changed(memo) and fingerprint == memo.fingerprint

    def _whole_site_changed(self, memo: PageMemo) -> bool:
        """A page whose fingerprint holds the digest of all content (or of
        every cluster) changes with any content (cluster) file: no need to
        predict it (its context can be the costliest, the open data page's)."""
        if memo.kind in SELF_CONTAINED:
            return False
        if memo.kind in EVERY_CLUSTER:
            return self.clusters_digest != self.last_clusters_digest
        return self.content_digest != self.last_content_digest

    def remember(self, dest_uri: str, memo: PageMemo) -> None:
        self.memos[dest_uri] = memo

    def remove_gone(self, site_dir: Path, lang: str, present: set[str]) -> None:
        """Delete the pages in `lang` that the last build had and this one has not."""
        for dest_uri in [uri for uri in self.memos if page_language(uri) == lang and uri not in present]:
            page = site_dir / dest_uri
            page.unlink(missing_ok=True)
            for folder in page.parents:  # its folder too, as a clean build would not make it, and any emptied above it
                if folder == site_dir or not folder.is_dir() or any(folder.iterdir()):
                    break
                folder.rmdir()
            del self.memos[dest_uri]


def empty_folder(folder: Path) -> None:
    """What `mkdocs build` does before a clean build (`--dirty` skips it)."""
    if not folder.is_dir():
        return
    for child in folder.iterdir():
        if child.is_dir() and not child.is_symlink():
            shutil.rmtree(child)
        else:
            child.unlink()
