"""Clusters like a given one, for "similar clusters" on its profile.

The rule, computed once per build from the data alone:

    score = 3 x shared sectors + 2 if the same county + 1 x shared member types

Sectors weigh most because they say what a cluster does; the county says
where (partners nearby); members' types (companies, research, education...)
say how it is made up, which alone says little, so it only breaks near-ties.
Clusters scoring 0 share nothing and are never offered. Ties go to the
Lithuanian alphabetical order of the name, then the slug, so the list is the
same on every build.
"""

from __future__ import annotations

from .cluster_model import Cluster
from .collation import lithuanian_key
from .site_data import SiteData

SECTOR_WEIGHT, COUNTY_WEIGHT, MEMBER_TYPE_WEIGHT = 3, 2, 1


def _member_types(cluster: Cluster) -> set[str]:
    return {member.type for member in cluster.members if member.type}


def score(one: Cluster, other: Cluster) -> int:
    shared_sectors = len(set(one.sectors) & set(other.sectors))
    same_county = bool(one.county) and one.county == other.county
    shared_types = len(_member_types(one) & _member_types(other))
    return SECTOR_WEIGHT * shared_sectors + COUNTY_WEIGHT * same_county + MEMBER_TYPE_WEIGHT * shared_types


def similar(site: SiteData, slug: str, limit: int = 3) -> list[Cluster]:
    """Up to `limit` clusters most like `slug`'s, best first."""
    cluster = site.by_slug[slug]
    scored = [(score(cluster, other), other) for other in site.clusters if other.slug != slug]
    ranked = sorted(
        ((points, other) for points, other in scored if points > 0),
        key=lambda pair: (-pair[0], lithuanian_key(pair[1].name.lt), pair[1].slug),
    )
    return [other for _, other in ranked[:limit]]
