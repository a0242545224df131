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

from itertools import islice

from clustersite.derived.same_inputs import SameInputs
from clustersite.model.cluster_model import Cluster
from clustersite.model.site_data import SiteData
from clustersite.text.collation import lithuanian_key

SECTOR_WEIGHT, COUNTY_WEIGHT, MEMBER_TYPE_WEIGHT = 3, 2, 1


def _member_types(cluster: Cluster) -> set[str]:
    return {member.type for member in cluster.members if member.type}


def score(one: Cluster, other: Cluster) -> int:
    shared_sectors = len(set(one.sectors) & set(other.sectors))
    same_county = bool(one.county) and one.county == other.county
    shared_types = len(_member_types(one) & _member_types(other))
    return SECTOR_WEIGHT * shared_sectors + COUNTY_WEIGHT * same_county + MEMBER_TYPE_WEIGHT * shared_types


# What the score reads of a cluster: clusters with the same profile score the
# same against every other, so scores are computed between profiles (a few
# hundred even at 5,000 clusters), not between every pair of clusters, and
# each profile's clusters are kept in tie-break order.
Profile = tuple[frozenset, str | None, frozenset]


def _profile(cluster: Cluster) -> Profile:
    return frozenset(cluster.sectors), cluster.county or None, frozenset(_member_types(cluster))


def _profile_score(one: Profile, other: Profile) -> int:
    return SECTOR_WEIGHT * len(one[0] & other[0]) + COUNTY_WEIGHT * (one[1] is not None and one[1] == other[1]) + MEMBER_TYPE_WEIGHT * len(one[2] & other[2])


def _order(cluster: Cluster) -> tuple:
    return lithuanian_key(cluster.name.lt), cluster.slug


class _Index:
    """Every profile's clusters in tie-break order, and each profile's other
    profiles by score; built once per SiteData, on first use."""

    def __init__(self, site: SiteData):
        self.groups: dict[Profile, list[Cluster]] = {}
        self.profiles = {cluster.slug: _profile(cluster) for cluster in site.clusters}
        for cluster in site.clusters:
            self.groups.setdefault(self.profiles[cluster.slug], []).append(cluster)
        for members in self.groups.values():
            members.sort(key=_order)
        self.levels: dict[Profile, list[tuple[int, list[Profile]]]] = {}
        self.answers: dict[tuple[str, int], list[Cluster]] = {}

    def _levels(self, own: Profile) -> list[tuple[int, list[Profile]]]:
        """Profiles scoring above 0 against `own`, grouped by score, best first."""
        if own not in self.levels:
            by_score: dict[int, list[Profile]] = {}
            for other in self.groups:
                points = _profile_score(own, other)
                if points > 0:
                    by_score.setdefault(points, []).append(other)
            self.levels[own] = sorted(by_score.items(), reverse=True)
        return self.levels[own]

    def similar(self, slug: str, limit: int) -> list[Cluster]:
        if (slug, limit) in self.answers:
            return self.answers[(slug, limit)]
        found: list[Cluster] = []
        for _, profiles in self._levels(self.profiles[slug]):
            need = limit - len(found)
            if need <= 0:
                break
            # Each profile's first `need` clusters (not this one) are all a score level can use:
            # reading no further keeps each answer short however large a profile's group grows.
            candidates = [c for profile in profiles for c in [m for m in islice(self.groups[profile], need + 1) if m.slug != slug][:need]]
            found += sorted(candidates, key=_order)[:need]
        self.answers[(slug, limit)] = found
        return found


def similar(site: SiteData, slug: str, limit: int = 3) -> list[Cluster]:
    """Up to `limit` clusters most like `slug`'s, best first: by score, then
    by Lithuanian name, then slug. Answers are kept for the build (both
    languages ask for the same list), and by the preview while the clusters are
    the same objects (derived/same_inputs.py)."""
    if slug not in site.by_slug:
        raise KeyError(slug)
    index = site.__dict__.get("_similar_index")  # SiteData is frozen; cached_property stores the same way
    if index is None:  # under `make serve`, the last build's while the clusters are the same objects
        index = site.__dict__["_similar_index"] = _INDEX.get(site.clusters, (), lambda: _Index(site))
    return index.similar(slug, limit)


_INDEX: SameInputs[_Index] = SameInputs()
