"""Everything the site shows, loaded and validated once per build."""

from __future__ import annotations

import dataclasses
import datetime as dt
import functools
import math
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

from clustersite.model.body_citations import check_entry_citations
from clustersite.model.cluster_model import Cluster, Member, load_clusters
from clustersite.model.entries import Entry, Event, News, Story, load_entries
from clustersite.model.fields import Context
from clustersite.model.handwritten_pages import check_handwritten_pages
from clustersite.model.load_cache import LoadCache, file_bytes
from clustersite.model.vocabularies import VOCABULARY_FILES, Term, load_vocabularies
from clustersite.source.git_dates import last_commit_dates
from clustersite.source.site_paths import SiteLink
from clustersite.source.working_notes import report_working_notes
from clustersite.text import urls
from clustersite.text.collation import lithuanian_key, organisation_key
from clustersite.text.dates import latest_allowed
from clustersite.text.errors import ContentError
from clustersite.text.messages import Message, say
from clustersite.text.problems import Problem, Problems

PER_PAGE = 10  # news posts per list page
CLUSTERS_DIR = "data/clusters"


@dataclass(frozen=True)
class Figures:
    clusters: int
    members: int  # organisations named in the clusters' member lists, each counted once
    clusters_with_member_data: int  # clusters with a member list
    valid_labels: int
    labels_awarded: int = 0  # every label ever awarded to a listed cluster, valid or not
    label_years: tuple[int, int] | None = None  # the first and the latest year an award is dated to


@dataclass(frozen=True)
class NewsListing:
    """One page of the news list, a year's archive, or a tag's page."""

    items: Sequence[Entry]
    page: int = 1
    pages: int = 1
    year: int | None = None
    tag: str | None = None

    @staticmethod
    def page_path(number: int) -> str:
        return urls.news_page(number)


@dataclass(frozen=True)
class Related:
    news: Sequence[News] = field(default_factory=list)
    stories: Sequence[Story] = field(default_factory=list)
    events: Sequence[Event] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.news or self.stories or self.events)


@dataclass(frozen=True)
class SiteData:
    build_date: dt.date
    vocabularies: dict[str, dict[str, Term]]
    clusters: tuple[Cluster, ...]
    entries: tuple[Entry, ...] = ()
    warnings: tuple[Problem, ...] = ()  # safe to build with; see Problems
    repo_root: Path | None = None  # where the files were read: git knows when each was last committed
    site_links: tuple[SiteLink, ...] = ()  # checked against every page by pages.site_links

    @cached_property
    def by_slug(self) -> dict[str, Cluster]:
        return {cluster.slug: cluster for cluster in self.clusters}

    def sorted_clusters(self, lang: str) -> list[Cluster]:
        """Clusters in Lithuanian alphabetical order of their name in `lang`
        (sorted once per language: directory, sector and county pages ask)."""
        if lang not in self._sorted_clusters:
            self._sorted_clusters[lang] = sorted(self.clusters, key=lambda c: (lithuanian_key(c.name.pick(lang).text), c.slug))
        return list(self._sorted_clusters[lang])

    @cached_property
    def _commit_dates(self) -> dict[str, dt.date]:
        return last_commit_dates(self.repo_root, CLUSTERS_DIR) if self.repo_root else {}

    def checked_on(self, cluster: Cluster) -> dt.date:
        """When the profile was last checked: its file's last commit (one `git
        log` per build answers for every file), or the build date
        (SOURCE_DATE_EPOCH) for a file git does not know; an editor's later
        `updated` date wins."""
        day = self._commit_dates.get(cluster.path, self.build_date)
        return max(day, cluster.updated) if cluster.updated else day

    @cached_property
    def _sorted_clusters(self) -> dict[str, list[Cluster]]:
        return {}

    def untranslated(self) -> list[Message]:
        """One line per text that has no English version yet (not an error)."""
        notes = []
        for cluster in self.clusters:
            for name in ("name", "summary", "description", "join"):
                text = getattr(cluster, name)
                if text is not None and not text.en:
                    notes.append(say("untranslated", path=cluster.path, field=name))
        return notes

    def figures(self) -> Figures:
        return Figures(
            clusters=len(self.clusters),
            members=len(known_organisations(self.clusters)),
            clusters_with_member_data=sum(1 for c in self.clusters if c.members),
            valid_labels=sum(1 for c in self.clusters if c.current_label and c.current_label.status == "valid"),
            labels_awarded=sum(len(c.labels) for c in self.clusters),
            # the years awards are known in (a label known only from a later list, or undated, has none)
            label_years=(years[0], years[-1]) if (years := sorted(y for c in self.clusters for label in c.labels if (y := label.year) is not None)) else None,
        )

    # --- news, stories, events: each list sorted once per build ----------

    @cached_property
    def news(self) -> list[News]:
        """Newest first; same-day posts by slug so the order is stable."""
        return sorted((e for e in self.entries if isinstance(e, News)), key=lambda e: (-e.date.toordinal(), e.slug))

    @cached_property
    def stories(self) -> list[Story]:
        return sorted((e for e in self.entries if isinstance(e, Story)), key=lambda e: (-e.date.toordinal(), e.slug))

    @property
    def _events(self) -> list[Event]:
        return [e for e in self.entries if isinstance(e, Event)]

    @cached_property
    def upcoming_events(self) -> list[Event]:
        """Events not yet over on the build date, soonest first."""
        events = [e for e in self._events if e.start and (e.last_day or e.start) >= self.build_date]
        return sorted(events, key=lambda e: (e.sort_moment, e.slug))

    @cached_property
    def past_events(self) -> list[Event]:
        events = [e for e in self._events if e.start and (e.last_day or e.start) < self.build_date]
        return sorted(events, key=lambda e: (e.sort_moment, e.slug), reverse=True)

    @cached_property
    def undated_events(self) -> list[Event]:
        """Events whose dates no source gives yet."""
        return sorted((e for e in self._events if not e.start), key=lambda e: e.slug)

    @cached_property
    def events(self) -> list[Event]:
        """Upcoming, then undated, then past: the order profiles list them in."""
        return self.upcoming_events + self.undated_events + self.past_events

    @property
    def news_pages(self) -> int:
        return max(1, math.ceil(len(self.news) / PER_PAGE))

    @cached_property
    def news_by_year(self) -> dict[int, list[Entry]]:
        return _group(self.news, lambda e: (e.date.year,))

    @cached_property
    def news_by_tag(self) -> dict[str, list[Entry]]:
        return _group(self.news, lambda e: e.tags)

    @cached_property
    def news_years(self) -> list[int]:
        return sorted(self.news_by_year, reverse=True)

    @cached_property
    def news_tags(self) -> list[str]:
        return [tag for tag in self.vocabularies.get("tags", {}) if tag in self.news_by_tag]

    def news_listing(self, page: int = 1, year: int | None = None, tag: str | None = None) -> NewsListing:
        if year is not None:
            return NewsListing(self.news_by_year.get(year, []), year=year)
        if tag is not None:
            return NewsListing(self.news_by_tag.get(tag, []), tag=tag)
        return NewsListing(self.news[(page - 1) * PER_PAGE : page * PER_PAGE], page=page, pages=self.news_pages)

    @cached_property
    def _entries_by_file(self) -> dict[str, Entry]:
        files = {}
        for entry in self.entries:
            for suffix in (".md", ".lt.md", ".en.md"):
                files[f"{entry.section}/{entry.slug}{suffix}"] = entry
        return files

    def entry_at(self, src_uri: str) -> Entry | None:
        """The entry whose Lithuanian or English file is `src_uri` (relative to the docs folder)."""
        return self._entries_by_file.get(src_uri)

    @cached_property
    def _by_cluster(self) -> dict[str, Related]:
        news, stories, events = (_group(entries, lambda e: e.clusters) for entries in (self.news, self.stories, self.events))
        return {slug: Related(news.get(slug, []), stories.get(slug, []), events.get(slug, [])) for slug in {*news, *stories, *events}}

    def related(self, slug: str) -> Related:
        return self._by_cluster.get(slug, Related())

    def series(self, key: str) -> list[Event]:
        """The editions of a recurring event, newest first."""
        return sorted((e for e in self._events if e.series == key), key=lambda e: (e.sort_moment, e.slug), reverse=True)


def known_organisations(clusters: Iterable[Cluster]) -> dict[str, Member]:
    """The organisations the clusters' member lists name, each once (the first
    listing wins), by `organisation_key`: what the home page and the
    statistics count. Sources' member counts are per cluster and dated; they
    are never added up, since one organisation can belong to several clusters."""
    found: dict[str, Member] = {}
    for cluster in clusters:
        for member in cluster.members:
            found.setdefault(organisation_key(member.name), member)
    return found


def _group(entries: Sequence[Entry], keys: Callable[[Any], Iterable[Any]]) -> dict[Any, list[Any]]:
    """Entries grouped under each of their keys, keeping the list's order."""
    groups: dict = {}
    for entry in entries:
        for key in keys(entry):
            groups.setdefault(key, []).append(entry)
    return groups


def load_site(
    repo_root: Path,
    build_date: dt.date,
    docs_dir: Path | None = None,
    latest: dt.date | None = None,
    checks: Sequence[Callable[[SiteData, Problems], None]] = (),
    cache: LoadCache | None = None,
) -> SiteData:
    """Load vocabularies, clusters and entries; raise ContentError listing every problem.

    `build_date` decides what pages show; dates in content are checked
    against `latest` (default: the real today plus a day's grace). `checks`
    are rules a layer above knows (links against every page, which needs
    the generated pages): they see what loaded and add to the same list,
    so one run reports everything. `cache` (the preview's, model/load_cache.py)
    keeps each cluster's and entry's result between builds."""
    problems = Problems()
    ctx = Context(problems, build_date, repo_root, {}, latest or latest_allowed())
    if cache is not None:
        cache.start((ctx.build_date, ctx.latest))
    if cache is None:
        vocabularies = load_vocabularies(repo_root, ctx)
    else:  # the same object while the files are the same: what is made from them can be kept too (derived/same_inputs.py)
        files = tuple(file_bytes(repo_root / "data" / f"{name}.yml") for name in VOCABULARY_FILES)
        vocabularies = cache.load(("vocabularies", files), ctx, functools.partial(load_vocabularies, repo_root, ctx))
    ctx.vocabularies = vocabularies
    clusters = load_clusters(repo_root, ctx, cache)
    # Entries name clusters by slug; a slug is known if its file exists, even
    # if the file has problems of its own (those are reported separately).
    ctx.vocabularies = {**vocabularies, "clusters": {p.stem: None for p in sorted((repo_root / "data" / "clusters").glob("*.yml"))}}
    entries = load_entries(repo_root, docs_dir or repo_root / "content", ctx, cache)
    if cache is not None:
        cache.finish()
    check_entry_citations(entries, repo_root, problems)
    check_handwritten_pages(repo_root, docs_dir or repo_root / "content", problems, ctx.site_links)
    report_working_notes(repo_root, docs_dir or repo_root / "content", problems)
    site = SiteData(build_date, vocabularies, tuple(clusters), tuple(entries), repo_root=repo_root, site_links=tuple(ctx.site_links))
    for check in checks:
        check(site, problems)
    if problems:
        raise ContentError(problems)
    return dataclasses.replace(site, warnings=tuple(sorted(problems.warnings)))
