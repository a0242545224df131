"""Sector and county pages: the clusters of one sector or one county.

A group has a page only while at least one cluster is in it, so a page never
lists nothing, and addresses of unused vocabulary terms do not exist. Its
news are the news posts that name any of its clusters, newest first, found
through SiteData's per-cluster index.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from clustersite.model.site_data import SiteData
from clustersite.text import urls

# kind -> (vocabulary, the cluster's keys in it)
KINDS = {
    "sector": ("sectors", lambda cluster: cluster.sectors),
    "county": ("counties", lambda cluster: (cluster.county,) if cluster.county else ()),
}


@dataclass(frozen=True)
class ClusterGroup:
    kind: str  # "sector" or "county"
    key: str
    term: Any  # vocabularies.Term: key, label (LocalizedText)
    clusters: tuple  # in the page language's alphabetical order
    news: tuple  # newest first

    @property
    def path(self) -> str:
        return group_path(self.kind, self.key)


def group_path(kind: str, key: str) -> str:
    return urls.sector(key) if kind == "sector" else urls.county(key)


def keys_in_use(site: SiteData, kind: str) -> list[str]:
    """The vocabulary's keys that at least one cluster uses, in the vocabulary's order."""
    vocabulary, keys_of = KINDS[kind]
    used = {key for cluster in site.clusters for key in keys_of(cluster)}
    return [key for key in site.vocabularies.get(vocabulary, {}) if key in used]


def group(site: SiteData, kind: str, key: str, lang: str) -> ClusterGroup | None:
    """The group's clusters and news, or None when no cluster is in it; made
    once per site and language (each group's page, the indexes of sectors and
    counties and the home page's sector tiles ask for the same groups)."""
    if _MADE[0] is not site:
        _MADE[:] = [site, {}]
    made = _MADE[1]
    if (kind, key, lang) not in made:
        made[kind, key, lang] = _group(site, kind, key, lang)
    return made[kind, key, lang]


_MADE: list = [None, {}]  # the last site loaded, and its groups by (kind, key, language)


def _group(site: SiteData, kind: str, key: str, lang: str) -> ClusterGroup | None:
    vocabulary, keys_of = KINDS[kind]
    term = site.vocabularies.get(vocabulary, {}).get(key)
    clusters = tuple(c for c in site.sorted_clusters(lang) if key in keys_of(c))
    if term is None or not clusters:
        return None
    return ClusterGroup(kind, key, term, clusters, tuple(group_news(site, clusters)))


def counties_of(site: SiteData, clusters) -> list[tuple[str, int]]:
    """The counties `clusters` are in, in the vocabulary's order, each with how many of them."""
    counts: dict[str, int] = {}
    for cluster in clusters:
        if cluster.county:
            counts[cluster.county] = counts.get(cluster.county, 0) + 1
    return [(key, counts[key]) for key in site.vocabularies.get("counties", {}) if key in counts]


def group_news(site: SiteData, clusters) -> list:
    """News posts naming any of `clusters`, once each, in the news list's order (newest first)."""
    found = {id(entry): entry for cluster in clusters for entry in site.related(cluster.slug).news}
    order = {id(entry): index for index, entry in enumerate(site.news)}
    return sorted(found.values(), key=lambda entry: order[id(entry)])
