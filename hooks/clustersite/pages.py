"""What each page is, decided once: its kind, template, title, description
and the context its template needs.

`resolve` tries one small function per kind, each returning None unless the
page is its kind, in a fixed order; the first match wins. The adapter calls
`resolve` once per page (when MkDocs reads its Markdown) and asks the
result for metadata and template context later.
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from typing import Any, Callable, Mapping

from . import cluster_groups, county_map, data_page, directory, portal, statistics, structured_data, urls
from .badges import badge_for
from .dates import format_date
from .script_json import script_json
from .similar import similar
from .site_data import SiteData

ENTRY_TEMPLATES = {"news": "news-post.html", "story": "story.html", "event": "event.html"}
# Material's left sidebar holds one link on every page (the menu is a row of
# tabs), so no page shows it; pages laid out by their own template also drop
# the table of contents. A page's own `hide:` front matter wins.
HIDE_NAVIGATION = ("navigation",)
HIDE_SIDEBARS = ("navigation", "toc")
SEARCH_STRINGS = ("loading", "none", "found", "unavailable")
# A sector's or a county's page: (title, description) wording.
GROUP_STRINGS = {
    "sector": ("group.sector_title", "group.sector_description"),
    "county": ("group.county_title", "group.county_description"),
}


class PageError(Exception):
    """A page names something the data does not have (a stub left behind)."""


@dataclass(frozen=True)
class PageInfo:
    """What the adapter needs to render one page in one language."""

    lang: str
    t: Callable[..., str]
    canonical_url: str | None
    site_name: str
    social_image: str


@dataclass(frozen=True)
class View:
    kind: str
    template: str | None = None
    subject: Any = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    def title(self, site: SiteData, lang: str, t: Callable[..., str]) -> str | None:
        if self.kind == "cluster":
            return self.subject.name.pick(lang).text
        if self.kind == "news-list" and "news_year" in self.meta:
            return t("news.year_title", year=format_date(self.meta["news_year"], lang))
        if self.kind == "news-list" and "news_tag" in self.meta:
            return t("news.tag_title", tag=site.vocabularies["tags"][self.meta["news_tag"]].label.pick(lang).text)
        if self.kind == "news-list" and "news_page" in self.meta:
            return t("news.page_title", page=self.meta["news_page"])
        if self.kind in cluster_groups.KINDS:
            return t(GROUP_STRINGS[self.kind][0], name=self.subject.label.pick(lang).text)
        return None

    @property
    def hide(self) -> tuple[str, ...]:
        return HIDE_NAVIGATION if self.kind == "page" and self.template in (None, "statement.html") else HIDE_SIDEBARS

    def description(self, lang: str, t: Callable[..., str] | None = None) -> str | None:
        if self.kind == "cluster":
            return self.subject.summary.pick(lang).text
        if self.kind in cluster_groups.KINDS and t is not None:
            return t(GROUP_STRINGS[self.kind][1], name=self.subject.label.pick(lang).text)
        if self.kind in ENTRY_TEMPLATES and self.subject.summary:
            return self.subject.summary.pick(lang).text
        return None

    def context(self, site: SiteData, page: PageInfo) -> dict[str, Any]:
        build = CONTEXTS.get(self.kind)
        return build(self, site, page) if build else {}


# --- which kind a page is --------------------------------------------------

def _cluster(meta, src_uri, site):
    if not meta.get("cluster"):
        return None
    cluster = site.by_slug.get(meta["cluster"])
    if cluster is None:
        raise PageError(f"{src_uri}: no data/clusters/{meta['cluster']}.yml for this page")
    return View("cluster", "cluster.html", cluster, meta)


def _news_list(meta, src_uri, site):
    if meta.get("template") != "news-list.html":
        return None
    return View("news-list", "news-list.html", None, meta)


def _directory(meta, src_uri, site):
    return View("directory", meta["template"]) if meta.get("template") == "cluster-directory.html" else None


def _search(meta, src_uri, site):
    return View("search", meta["template"]) if meta.get("template") == "search.html" else None


def _home(meta, src_uri, site):
    return View("home", meta["template"]) if meta.get("template") == "home.html" else None


def _statistics(meta, src_uri, site):
    return View("statistics", meta["template"]) if meta.get("template") == "stats.html" else None


def _cluster_group(meta, src_uri, site):
    """A sector's or a county's page (stubs from generated_pages.group_stubs)."""
    kind = next((kind for kind in cluster_groups.KINDS if meta.get(kind)), None)
    if kind is None or meta.get("template") != "cluster-group.html":
        return None
    vocabulary = cluster_groups.KINDS[kind][0]
    term = site.vocabularies.get(vocabulary, {}).get(meta[kind])
    if term is None or cluster_groups.group(site, kind, term.key, "lt") is None:
        raise PageError(f"{src_uri}: no cluster has {kind} {meta[kind]!r} (a stub left behind)")
    return View(kind, "cluster-group.html", term, meta)


def _open_data(meta, src_uri, site):
    return View("open-data", meta["template"]) if meta.get("template") == "open-data.html" else None


def _entry(meta, src_uri, site):
    entry = site.entry_at(src_uri)
    return View(entry.kind, ENTRY_TEMPLATES[entry.kind], entry, meta) if entry else None


MATCHERS = (_cluster, _news_list, _directory, _search, _home, _open_data, _statistics, _cluster_group, _entry)


def resolve(meta: Mapping[str, Any], src_uri: str, site: SiteData) -> View:
    for match in MATCHERS:
        view = match(meta, src_uri, site)
        if view is not None:
            return view
    return View("page", meta.get("template"), None, meta)


# --- what each kind's template gets ----------------------------------------

def _cluster_context(view, site, page):
    cluster = view.subject
    return {
        "cluster": cluster,
        "member_groups": portal.member_groups(cluster),
        "location_map": portal.cluster_location(cluster, page.lang),
        "related": site.related(cluster.slug),
        "structured_data": script_json(structured_data.organization(cluster, site, page.lang, page.canonical_url)),
        "badge": badge_for(cluster),  # partials/reuse-snippets.html
        "similar_clusters": similar(site, cluster.slug),  # partials/similar-clusters.html
    }


def _home_context(view, site, page):
    return {
        "sector_tiles": portal.sector_tiles(site),
        "overview": portal.county_overview(site, page.lang),
        "latest_news": site.news[:portal.NEWS_ON_HOME],
        "home_events": portal.home_events(site),
        "featured_story": site.stories[0] if site.stories else None,
    }


def _news_list_context(view, site, page):
    meta = view.meta
    return {"listing": site.news_listing(page=meta.get("news_page", 1), year=meta.get("news_year"), tag=meta.get("news_tag"))}


def _directory_context(view, site, page):
    return {
        "directory_facets": directory.facets(site),
        "directory_rows": directory.rows_json(site, page.lang),
        "directory_sorts": directory.SORTS,
    }


def _search_context(view, site, page):
    strings = {key: page.t(f"search.{key}") for key in SEARCH_STRINGS}
    return {"search_strings": json.dumps(strings, ensure_ascii=False)}


def _statistics_context(view, site, page):
    return {"stats": statistics.compute(site.clusters, site.vocabularies)}


def _cluster_group_context(view, site, page):
    found = cluster_groups.group(site, view.kind, view.subject.key, page.lang)
    context: dict[str, Any] = {"group": found}
    if view.kind == "county":  # the county map, its clusters as dots, every county's count
        shapes = county_map.build_county_map()
        items = [county_map.DotInput(c.slug, c.name.pick(page.lang).text, urls.cluster(c.slug), c.county, c.city) for c in found.clusters]
        context.update(
            county_map=shapes,
            county_dots=county_map.place_dots(shapes, items),
            county_counts=county_map.county_counts(c.county for c in site.clusters),
        )
    return context
def _open_data_context(view, site, page):
    found = data_page.context(site, page.lang, page.canonical_url, page.t)
    dataset = found.pop("dataset")
    return {**found, "structured_data": script_json(dataset)}


def _news_context(view, site, page):
    article = structured_data.news_article(view.subject, page.lang, page.canonical_url, page.site_name, page.social_image)
    return {"entry": view.subject, "structured_data": script_json(article)}


def _story_context(view, site, page):
    return {"entry": view.subject}


def _event_context(view, site, page):
    entry = view.subject
    editions = [e for e in site.series(entry.series) if e is not entry] if entry.series else []
    return {
        "entry": entry,
        "editions": editions,
        "structured_data": script_json(structured_data.event(entry, page.lang, page.canonical_url)),
    }


CONTEXTS = {
    "cluster": _cluster_context,
    "home": _home_context,
    "news-list": _news_list_context,
    "directory": _directory_context,
    "search": _search_context,
    "statistics": _statistics_context,
    "sector": _cluster_group_context,
    "county": _cluster_group_context,
    "open-data": _open_data_context,
    "news": _news_context,
    "story": _story_context,
    "event": _event_context,
}
