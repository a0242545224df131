"""Counts for the statistics page, computed from the cluster data at build time.

Each breakdown is a `Tally`: rows of (key, count) plus what the rows cover,
so the page can say what it counts ("clusters whose sources give a founding
year: 11 of 27") instead of implying the data is complete. Everything is
deterministic: ties are broken by the vocabulary's order, or by key.

Nothing here knows about languages or HTML; `overrides/stats.html` names the
keys (vocabulary terms, UI strings) and `overrides/partials/charts.html`
draws the bars.
"""

from __future__ import annotations

import functools
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from typing import Any

from clustersite.derived.same_inputs import SameInputs
from clustersite.model.cluster_model import MEMBER_TYPES
from clustersite.model.site_data import known_organisations

LABEL_LEVELS = ("gold", "silver", "bronze")  # table columns, highest first
UNTYPED = ""  # the row key for members listed without a type


@dataclass(frozen=True)
class Row:
    key: Any  # a sector or county key, a year, a member type ("" when not given), or (year, level)
    count: int
    parts: tuple[int, ...] = ()  # per column of Tally.columns, when the table has columns


@dataclass(frozen=True)
class Tally:
    """One breakdown. `items` is how many things the rows describe without
    double counting (clusters with a sector, labels, named members);
    `clusters` how many clusters contributed; `all_clusters` the whole set."""

    rows: tuple[Row, ...]
    items: int
    clusters: int
    all_clusters: int
    columns: tuple[str, ...] = ()

    @property
    def row_sum(self) -> int:
        """The sum of the rows: equals `items` unless one item can sit in several rows (sectors)."""
        return sum(row.count for row in self.rows)

    @property
    def column_sums(self) -> tuple[int, ...]:
        return tuple(sum(row.parts[i] for row in self.rows) for i in range(len(self.columns)))

    @property
    def max_count(self) -> int:
        return max((row.count for row in self.rows), default=0)

    def __bool__(self) -> bool:
        return bool(self.rows)


@dataclass(frozen=True)
class Statistics:
    sectors: Tally
    counties: Tally
    founded: Tally
    labels: Tally
    label_bars: tuple[Row, ...]  # one bar per (year, level) that has labels, for the chart
    member_types: Tally


def _by_count(counts: Counter, order: Sequence[Any]) -> tuple[Row, ...]:
    """Most first; ties in `order` (a vocabulary's order), unknown keys last by key."""
    position = {key: index for index, key in enumerate(order)}
    keys = sorted(counts, key=lambda key: (-counts[key], position.get(key, len(order)), str(key)))
    return tuple(Row(key, counts[key]) for key in keys)


def by_sector(clusters: Sequence[Any], sector_order: Sequence[str]) -> Tally:
    """Clusters per sector; a cluster in two sectors counts in both rows."""
    counts = Counter(key for cluster in clusters for key in cluster.sectors)
    with_sector = sum(1 for cluster in clusters if cluster.sectors)
    return Tally(_by_count(counts, sector_order), with_sector, with_sector, len(clusters))


def by_county(clusters: Sequence[Any], county_order: Sequence[str]) -> Tally:
    counts = Counter(cluster.county for cluster in clusters if cluster.county)
    known = sum(counts.values())
    return Tally(_by_count(counts, county_order), known, known, len(clusters))


def by_founding_year(clusters: Sequence[Any]) -> Tally:
    """Clusters per founding year, oldest first; only years that occur."""
    counts = Counter(cluster.founded for cluster in clusters if cluster.founded)
    known = sum(counts.values())
    return Tally(tuple(Row(year, counts[year]) for year in sorted(counts)), known, known, len(clusters))


YEAR_UNKNOWN = "unknown"
"""The row key of labels whose award year no source gives (always last)."""


def _award_year(label: Any) -> int | str:
    """The award's year (a date, a month and a year all have one), or YEAR_UNKNOWN."""
    awarded = label.awarded
    if awarded is None:
        return YEAR_UNKNOWN
    return awarded if isinstance(awarded, int) else int(awarded.year)


def labels_by_year(clusters: Sequence[Any]) -> tuple[Tally, tuple[Row, ...]]:
    """Labels per award year, split by level (columns gold, silver, bronze),
    and one row per (year, level) that occurs, for a chart. A label whose
    year no source gives (listed among the holders, or undated) has the row
    `YEAR_UNKNOWN`, last, so every label record is counted."""
    labels = [label for cluster in clusters for label in cluster.labels]
    pairs = Counter((_award_year(label), label.level) for label in labels)
    known = sorted({year for year, _ in pairs if isinstance(year, int)})
    years: list[int | str] = [*known, *([YEAR_UNKNOWN] if any(year == YEAR_UNKNOWN for year, _ in pairs) else [])]
    rows = tuple(Row(year, sum(pairs[(year, level)] for level in LABEL_LEVELS), tuple(pairs[(year, level)] for level in LABEL_LEVELS)) for year in years)
    bars = tuple(Row((year, level), pairs[(year, level)]) for year in years for level in LABEL_LEVELS if pairs[(year, level)])
    holders = sum(1 for cluster in clusters if cluster.labels)
    return Tally(rows, len(labels), holders, len(clusters), LABEL_LEVELS), bars


def members_by_type(clusters: Sequence[Any]) -> Tally:
    """Named member organisations per type, from the member lists (not from
    `member_count`, which gives no types), each organisation once, as the
    home page counts them (site_data.known_organisations)."""
    members = list(known_organisations(clusters).values())
    counts = Counter(member.type or UNTYPED for member in members)
    typed = Counter({key: count for key, count in counts.items() if key != UNTYPED})
    rows = _by_count(typed, MEMBER_TYPES)
    if counts[UNTYPED]:
        rows += (Row(UNTYPED, counts[UNTYPED]),)  # always last: it is not a type
    listing = sum(1 for cluster in clusters if cluster.members)
    return Tally(rows, len(members), listing, len(clusters))


def compute(clusters: Iterable[Any], vocabularies: dict[str, dict[str, Any]]) -> Statistics:
    """All breakdowns for the statistics page, from the validated clusters;
    the last ones again while they are the same objects (derived/same_inputs.py)."""
    clusters = list(clusters)
    return _LAST.get((*clusters, vocabularies), (), functools.partial(_compute, clusters, vocabularies))


_LAST: SameInputs[Statistics] = SameInputs()


def _compute(clusters: list[Any], vocabularies: dict[str, dict[str, Any]]) -> Statistics:
    labels, label_bars = labels_by_year(clusters)
    return Statistics(
        sectors=by_sector(clusters, list(vocabularies.get("sectors", {}))),
        counties=by_county(clusters, list(vocabularies.get("counties", {}))),
        founded=by_founding_year(clusters),
        labels=labels,
        label_bars=label_bars,
        member_types=members_by_type(clusters),
    )
