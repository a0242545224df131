"""What each page is, decided once: one row per page kind in `KINDS`.

A row says how a page is recognised (`match`, from its front matter and
path), its template, its title and description (when the data gives them
rather than the page), the context its template needs, and which of
Material's sidebars it hides. `resolve` tries the rows in order, the first
match wins, and the adapter asks the resulting `View` for the rest later.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from typing import Any, cast

from markupsafe import escape

from clustersite.derived import at_a_glance, cluster_groups, county_map, data_page, directory, portal, statistics, structured_data
from clustersite.derived.badges import badge_for
from clustersite.derived.similar import similar
from clustersite.model.site_data import SiteData
from clustersite.text import urls
from clustersite.text.dates import format_date
from clustersite.text.errors import PageError
from clustersite.text.messages import say
from clustersite.text.script_json import script_json

# Material's left sidebar holds one link on every page (the menu is a row of
# tabs), so no page shows it; pages laid out by their own template also drop
# the table of contents. A page's own `hide:` front matter wins.
HIDE_NAVIGATION = ("navigation",)
HIDE_SIDEBARS = ("navigation", "toc")
# The kinds of page a site search result is labelled with ("search.kind.<name>"); any other page is a "page".
SEARCH_KINDS = ("cluster", "news", "story", "event")
SEARCH_STRINGS = ("loading", "none", "found", "unavailable", *(f"kind.{name}" for name in (*SEARCH_KINDS, "page")))
Translate = Callable[..., str]


@dataclass(frozen=True)
class PageInfo:
    """What the adapter needs to render one page in one language."""

    lang: str
    t: Translate
    canonical_url: str | None
    site_name: str
    social_image: str
    logo: str = ""  # the site's mark, an absolute address when the site has one


@dataclass(frozen=True)
class View:
    """A page resolved to its kind: the row, and what the page is about."""

    kind: Kind
    template: str | None = None
    subject: Any = None
    meta: Mapping[str, Any] = field(default_factory=dict)

    @property
    def name(self) -> str:
        return self.kind.name

    def title(self, site: SiteData, lang: str, t: Translate) -> str | None:
        return self.kind.title(self, site, lang, t) if self.kind.title else None

    def description(self, lang: str, t: Translate) -> str | None:
        return self.kind.description(self, lang, t) if self.kind.description else None

    @property
    def hide(self) -> tuple[str, ...]:
        return self.kind.hide(self) if callable(self.kind.hide) else self.kind.hide

    @property
    def search_kind(self) -> str:
        """What site search calls a hit on this page (overrides/main.html gives it to Pagefind as `kind`)."""
        return self.name if self.name in SEARCH_KINDS else "page"

    def context(self, site: SiteData, page: PageInfo) -> dict[str, Any]:
        found = self.kind.context(self, site, page) if self.kind.context else {}
        return {"search_kind": self.search_kind, **found}


Match = Callable[[Mapping[str, Any], str, SiteData], Any]
"""A page's front matter, source path and the site → what the page shows,
or NOT_THIS when the page is not of the kind (a subject may be None)."""
NOT_THIS = object()


@dataclass(frozen=True)
class Kind:
    name: str
    match: Match
    template: str | None
    title: Callable[[View, SiteData, str, Translate], str | None] | None = None
    description: Callable[[View, str, Translate], str | None] | None = None
    context: Callable[[View, SiteData, PageInfo], dict[str, Any]] | None = None
    hide: tuple[str, ...] | Callable[[View], tuple[str, ...]] = HIDE_SIDEBARS


# --- how a page is recognised ----------------------------------------------


def by_template(name: str) -> Match:
    """A hand-written page that names its template in its front matter."""
    return lambda meta, src_uri, site: None if meta.get("template") == name else NOT_THIS


def _cluster(meta, src_uri, site):
    if not meta.get("cluster"):
        return NOT_THIS
    cluster = site.by_slug.get(meta["cluster"])
    if cluster is None:
        raise PageError(say("stub-no-cluster", path=src_uri, slug=meta["cluster"]))
    return cluster


def _group(kind: str) -> Match:
    """A sector's or a county's page (stubs from generated_pages.group_stubs)."""

    def match(meta, src_uri, site):
        if not meta.get(kind) or meta.get("template") != "cluster-group.html":
            return NOT_THIS
        term = site.vocabularies.get(cluster_groups.KINDS[kind][0], {}).get(meta[kind])
        if term is None or cluster_groups.group(site, kind, term.key, "lt") is None:
            raise PageError(say("stub-no-group", path=src_uri, kind=kind, key=repr(meta[kind])))
        return term

    return match


def _groups_index(meta, src_uri, site):
    """The index of the sectors' or the counties' pages (stubs from generated_pages.group_stubs)."""
    if meta.get("template") != "cluster-groups.html" or meta.get("groups") not in cluster_groups.KINDS:
        return NOT_THIS
    return meta["groups"]


def _entry(kind: str) -> Match:
    def match(meta, src_uri, site):
        entry = site.entry_at(src_uri)
        return entry if entry is not None and entry.kind == kind else NOT_THIS

    return match


def _any_page(meta, src_uri, site):
    return None


# --- titles and descriptions from the data ---------------------------------


def _cluster_title(view, site, lang, t):
    return view.subject.name.pick(lang).text


def _summary(view, lang, t):
    return view.subject.summary.pick(lang).text if view.subject.summary else None


def _news_list_title(view, site, lang, t):
    meta = view.meta
    if "news_year" in meta:
        return t("news.year_title", year=format_date(meta["news_year"], lang))
    if "news_tag" in meta:
        return t("news.tag_title", tag=site.vocabularies["tags"][meta["news_tag"]].label.pick(lang).text)
    if "news_page" in meta:
        return t("news.page_title", page=meta["news_page"])
    return None


def _group_title(view, site, lang, t):
    return t(f"group.{view.name}_title", name=view.subject.label.pick(lang).text)


def _group_description(view, lang, t):
    return t(f"group.{view.name}_description", name=view.subject.label.pick(lang).text)


def _groups_title(view, site, lang, t):
    return t(f"groups.{view.subject}_title")


def _groups_description(view, lang, t):
    return t(f"groups.{view.subject}_description")


def _groups_context(view, site, page):
    found = [cluster_groups.group(site, view.subject, key, page.lang) for key in cluster_groups.keys_in_use(site, view.subject)]
    return {"groups_kind": view.subject, "groups": [g for g in found if g is not None]}


def _page_hide(view):
    return HIDE_NAVIGATION if view.template in (None, "statement.html") else HIDE_SIDEBARS


# --- what each kind's template gets ----------------------------------------


def _cluster_context(view, site, page):
    cluster = view.subject
    return {
        "cluster": cluster,
        "member_groups": portal.member_groups(cluster),
        "location_map": portal.cluster_location(cluster, page.lang),
        "related": site.related(cluster.slug),
        "structured_data": script_json(structured_data.organization(cluster, site, page.lang, page.canonical_url)),
        "at_a_glance": at_a_glance.glance(cluster, site),  # partials/at-a-glance.html
        "similar_clusters": similar(site, cluster.slug),  # partials/similar-clusters.html
    }


def _home_context(view, site, page):
    found: dict[str, Any] = {}
    if page.canonical_url:  # JSON-LD needs absolute addresses: only with a site_url
        found["structured_data"] = script_json(structured_data.website(page.site_name, page.lang, page.canonical_url, urls.page("search")))
    return found | {
        "sector_tiles": portal.sector_tiles(site),
        "overview": portal.county_overview(site, page.lang),
        "overview_target": portal.HOME_MAP_TARGET,
        "latest_news": site.news[: portal.NEWS_ON_HOME],
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
    # A group's page is written only for a group with clusters, so it is found.
    found = cast(cluster_groups.ClusterGroup, cluster_groups.group(site, view.name, view.subject.key, page.lang))
    context: dict[str, Any] = {"group": found}
    if view.name == "sector":  # the introduction: how klaster.lt groups clusters, and where this sector's are
        context.update(sector_total=len(site.vocabularies["sectors"]), group_counties=cluster_groups.counties_of(site, found.clusters))
    if view.name == "county":  # the county map, its clusters as dots, every county's count
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
    # The badge and embed code, for webmasters, shown for the directory's first cluster (partials/reuse-snippets.html).
    example = next(iter(site.sorted_clusters(page.lang)), None)
    reuse = {"reuse_example": example, "badge": badge_for(example, page.lang)} if example else {}
    return {**found, **reuse, "structured_data": script_json(dataset)}


def _news_context(view, site, page):
    article = structured_data.news_article(view.subject, page.lang, page.canonical_url, page.site_name, page.social_image, page.logo)
    return {"entry": view.subject, "structured_data": script_json(article)}


def _story_context(view, site, page):
    return {"entry": view.subject}


def _event_context(view, site, page):
    entry = view.subject
    editions = [e for e in site.series(entry.series) if e is not entry] if entry.series else []
    return {
        "entry": entry,
        "past": entry.last_day is not None and entry.last_day < site.build_date,  # no "add to calendar" then
        "editions": editions,
        "structured_data": script_json(structured_data.event(entry, page.lang, page.canonical_url)),
    }


# --- the table ---------------------------------------------------------------

KINDS: tuple[Kind, ...] = (
    Kind("cluster", _cluster, "cluster.html", _cluster_title, _summary, _cluster_context),
    Kind("news-list", by_template("news-list.html"), "news-list.html", _news_list_title, context=_news_list_context),
    Kind("directory", by_template("cluster-directory.html"), "cluster-directory.html", context=_directory_context),
    Kind("search", by_template("search.html"), "search.html", context=_search_context),
    Kind("home", by_template("home.html"), "home.html", context=_home_context),
    Kind("open-data", by_template("open-data.html"), "open-data.html", context=_open_data_context),
    Kind("statistics", by_template("stats.html"), "stats.html", context=_statistics_context),
    Kind("sector", _group("sector"), "cluster-group.html", _group_title, _group_description, _cluster_group_context),
    Kind("county", _group("county"), "cluster-group.html", _group_title, _group_description, _cluster_group_context),
    Kind("groups", _groups_index, "cluster-groups.html", _groups_title, _groups_description, _groups_context),
    Kind("news", _entry("news"), "news-post.html", description=_summary, context=_news_context),
    Kind("story", _entry("story"), "story.html", description=_summary, context=_story_context),
    Kind("event", _entry("event"), "event.html", description=_summary, context=_event_context),
    Kind("page", _any_page, None, hide=_page_hide),  # any other hand-written page, with the template it names
)
BY_NAME = {kind.name: kind for kind in KINDS}


def resolve(meta: Mapping[str, Any], src_uri: str, site: SiteData) -> View:
    for kind in KINDS:
        subject = kind.match(meta, src_uri, site)
        if subject is not NOT_THIS:
            return View(kind, kind.template or meta.get("template"), subject, meta)
    raise AssertionError("the last row matches every page")


def page_meta(view: View, site: SiteData, lang: str, t: Translate, meta: Mapping[str, Any]) -> dict[str, Any]:
    """What the page's front matter gets from its kind: the template, the
    sidebars hidden (unless the page says), and a title and description
    from the data where it gives them, escaped (Material prints them as they are)."""
    found: dict[str, Any] = {"template": view.template} if view.template else {}
    if "hide" not in meta:
        found["hide"] = list(view.hide)
    for key, value in (("title", view.title(site, lang, t)), ("description", view.description(lang, t))):
        if value is not None:
            found[key] = value
    for key in ("title", "description"):
        value = found.get(key, meta.get(key))
        if isinstance(value, str):
            found[key] = escape(value)
    return found
