"""What the home page and a profile show besides the record itself: sector
tiles, the county map with its dots and counts, the newest entries, and a
profile's members grouped by type. Computed here, drawn by templates.

Addresses in the map's dots are site paths from `urls` (relative to the
language root); templates turn them into links with `href`, since only the
template knows the page's own address.
"""

from __future__ import annotations

import functools
from collections.abc import Iterable
from dataclasses import dataclass

from clustersite.derived import county_map as cm
from clustersite.derived import directory
from clustersite.derived.same_inputs import PerKey
from clustersite.model.cluster_model import MEMBER_TYPES, Cluster
from clustersite.model.entries import Event
from clustersite.model.site_data import SiteData
from clustersite.text import urls

NEWS_ON_HOME = 3
EVENTS_ON_HOME = 3
MINI_MAP_SPREAD = 14.0  # the county_map macro's advice for size="mini"
# The home map's link targets, in map units (its viewBox is 600 wide): a
# radius of 21 is 25 CSS px across on a 390 px phone, where the map is about
# 358 px wide (WCAG 2.5.8 asks 24); dots closer than that become one link.
HOME_MAP_TARGET = 21.0


@dataclass(frozen=True)
class SectorTile:
    key: str
    count: int  # clusters working in the sector (a cluster may have several)


@dataclass(frozen=True)
class CountyLine:
    key: str
    count: int


@dataclass(frozen=True)
class CountyOverview:
    """Everything the full county map and its list of counties need."""

    map: cm.CountyMap
    dots: list[cm.MapDot]
    counts: dict[str, int]
    counties: list[CountyLine]  # every county with at least one cluster, most first
    placed: int  # clusters with a dot
    total: int


@dataclass(frozen=True)
class EventPick:
    """Events for the home page: the next ones, or the latest when none is ahead."""

    events: list[Event]
    upcoming: bool


@dataclass(frozen=True)
class MemberGroup:
    type: str | None  # a key of MEMBER_TYPES, or None when the source gives no type
    members: list


def sector_tiles(site: SiteData) -> list[SectorTile]:
    """Every sector that has a cluster, in the vocabulary's order, with the
    same count the directory's sector facet shows."""
    counts = {option.value: option.count for facet in directory.facets(site) if facet.key == "sector" for option in facet.options}
    return [SectorTile(key, counts[key]) for key in site.vocabularies["sectors"] if counts.get(key)]


def _dot_inputs(clusters: Iterable[Cluster], lang: str) -> list[cm.DotInput]:
    return [cm.DotInput(c.slug, c.name.pick(lang).text, urls.cluster(c.slug), c.county, c.city) for c in clusters]


def county_overview(site: SiteData, lang: str) -> CountyOverview:
    """Made once per language while the clusters are the same objects (derived/same_inputs.py): the home page shows it after every edit."""
    return _OVERVIEWS.get(lang, (*site.clusters, site.vocabularies), (), functools.partial(_county_overview, site, lang))


_OVERVIEWS: PerKey[CountyOverview] = PerKey()


def _county_overview(site: SiteData, lang: str) -> CountyOverview:
    county_map = cm.build_county_map()
    clusters = site.sorted_clusters(lang)  # the dots' tab order follows the directory's
    inputs = [
        cm.DotInput(
            c.slug,
            c.name.pick(lang).text,
            urls.cluster(c.slug),
            c.county,
            c.city,
            site.vocabularies["counties"][c.county].label.pick(lang).text if c.county else "",
        )
        for c in clusters
    ]
    dots = cm.merge_close_dots(cm.place_dots(county_map, inputs), HOME_MAP_TARGET * 2)
    counts = cm.county_counts(c.county for c in clusters)
    lines = sorted((CountyLine(key, n) for key, n in counts.items()), key=lambda line: (-line.count, line.key))
    return CountyOverview(county_map, dots, counts, lines, sum(dot.count for dot in dots), len(clusters))


def cluster_location(cluster: Cluster, lang: str) -> tuple[cm.CountyMap, list[cm.MapDot]] | None:
    """The small map of a profile: the county highlighted and the cluster's
    dot, or None when the record names no county."""
    if not cluster.county:
        return None
    county_map = cm.build_county_map()
    return county_map, cm.place_dots(county_map, _dot_inputs([cluster], lang), spread_radius=MINI_MAP_SPREAD)


def home_events(site: SiteData) -> EventPick:
    if site.upcoming_events:
        return EventPick(site.upcoming_events[:EVENTS_ON_HOME], True)
    return EventPick(site.past_events[:EVENTS_ON_HOME], False)


def member_groups(cluster: Cluster) -> list[MemberGroup]:
    """Members by type in a fixed order, those without a type last; one
    group with type None when no member has a type (shown without headings)."""
    groups = [MemberGroup(kind, [m for m in cluster.members if m.type == kind]) for kind in MEMBER_TYPES]
    untyped = MemberGroup(None, [m for m in cluster.members if not m.type])
    return [group for group in groups + [untyped] if group.members]
