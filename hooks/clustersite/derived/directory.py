"""Data for the faceted directory: facet options, sorts and per-cluster filter rows.

The directory page is complete static HTML (every card, in Lithuanian
alphabetical order). The filter script reads the rows below from a JSON
block in the page, so it never parses the cards; facet values, the sorts
and the name order are decided here, once, in Python.
"""

from __future__ import annotations

import functools
import unicodedata
from dataclasses import dataclass

from clustersite.derived.same_inputs import PerKey, SameInputs
from clustersite.model.cluster_model import Cluster
from clustersite.model.site_data import SiteData
from clustersite.text.localized import LocalizedText
from clustersite.text.script_json import script_json

LABEL_VALUES = ("gold", "silver", "bronze", "expired", "unknown", "none")
COUNTY_UNKNOWN = "unknown"
"""The county facet's value for a cluster no source places: offered as "not known", so none drops out."""
FACET_KEYS = ("sector", "county", "label", "maturity", "open")


@dataclass(frozen=True)
class Sort:
    """One order of the cards; its label is the UI string `directory.sort.<key>`."""

    key: str  # the URL parameter's value
    field: str | None  # the row field compared, unknown values last; None: the page's own (name) order
    descending: bool = False


# The first is the page's own order and the default.
SORTS = (Sort("name", None), Sort("founded", "founded"), Sort("members", "members", descending=True))


def fold(text: str) -> str:
    """Lowercase without diacritics, so "siauliai" finds "Šiauliai"."""
    decomposed = unicodedata.normalize("NFD", text.casefold())
    return "".join(char for char in decomposed if not unicodedata.combining(char))


def label_value(cluster: Cluster) -> str:
    label = cluster.current_label
    if label is None:
        return "none"
    return label.level if label.status == "valid" else label.status


def open_value(cluster: Cluster) -> str:
    return {True: "yes", False: "no", None: "unknown"}[cluster.open_to_members]


@dataclass(frozen=True)
class FacetOption:
    value: str
    label: LocalizedText | str  # a vocabulary label, or a UI-string key
    count: int  # clusters with this value, before any filter


@dataclass(frozen=True)
class Facet:
    key: str  # the URL parameter
    legend: str  # a UI-string key
    options: list[FacetOption]


def cluster_values(cluster: Cluster) -> dict[str, list[str]]:
    """Each facet's values for one cluster (a cluster may have several sectors), keyed as FACET_KEYS."""
    return {
        "sector": list(cluster.sectors),
        "county": [cluster.county] if cluster.county else [COUNTY_UNKNOWN],
        "label": [label_value(cluster)],
        "maturity": [cluster.maturity.level] if cluster.maturity else [],
        "open": [open_value(cluster)],
    }


def facets(site: SiteData) -> list[Facet]:
    """The filters and their counts; made again only when a cluster, a
    vocabulary or the build date (a label's status) changed (derived/same_inputs.py)."""
    return _FACETS.get((*site.clusters, site.vocabularies), (site.build_date,), functools.partial(_facets, site))


_FACETS: SameInputs[list[Facet]] = SameInputs()


def _facets(site: SiteData) -> list[Facet]:
    rows = [cluster_values(cluster) for cluster in site.clusters]

    def count(key: str, value: str) -> int:
        return sum(1 for row in rows if value in row[key])

    def from_vocabulary(key: str, vocabulary: str) -> list[FacetOption]:
        terms = site.vocabularies[vocabulary].values()
        return [FacetOption(t.key, t.label, count(key, t.key)) for t in terms if count(key, t.key)]

    labels = [FacetOption(v, f"directory.label.{v}", count("label", v)) for v in LABEL_VALUES if count("label", v)]
    counties = from_vocabulary("county", "counties")
    if count("county", COUNTY_UNKNOWN):
        counties.append(FacetOption(COUNTY_UNKNOWN, "directory.county.unknown", count("county", COUNTY_UNKNOWN)))
    open_options = [FacetOption("yes", "directory.open.yes", count("open", "yes"))]
    candidates = [
        Facet("sector", "cluster.sectors", from_vocabulary("sector", "sectors")),
        Facet("county", "directory.county", counties),
        Facet("label", "cluster.labels", labels),
        Facet("maturity", "cluster.maturity", from_vocabulary("maturity", "maturity")),
        Facet("open", "cluster.new_members", open_options if open_options[0].count else []),
    ]
    return [facet for facet in candidates if facet.options]


def search_text(texts: list[str]) -> str:
    """The folded words of `texts`, each once, leaving out words inside another.

    The filter keeps a cluster when every word typed occurs somewhere in this
    text; a typed word never holds a space, so it matches inside one word and
    neither repeats nor words contained in longer ones change the result. On a
    long directory this is most of the page's weight (member names).
    """
    words = sorted(set(fold(" ".join(texts)).split()), key=lambda word: (-len(word), word))  # stable output
    kept: list[str] = []
    for word in words:
        if not any(word in longer for longer in kept):
            kept.append(word)
    return " ".join(kept)


def cluster_tags(site: SiteData) -> dict[str, list[str]]:
    """Each cluster's tags: those of the news posts that name it, in data/tags.yml's order."""
    order = list(site.vocabularies["tags"])
    tags: dict[str, set[str]] = {}
    for news in site.news:
        for slug in news.clusters:
            tags.setdefault(slug, set()).update(news.tags)
    return {slug: sorted(keys, key=order.index) for slug, keys in tags.items()}


def search_terms(site: SiteData) -> tuple[list[str], dict[tuple[str, str], int]]:
    """The words a reader may search by in either language: each sector's and
    tag's name in Lithuanian and English, folded, one text per term.

    A row lists the numbers of its terms, so "maistas" on the English page and
    "lasers" on the Lithuanian one find the clusters of a sector or tag named
    so in the other language; the terms are the vocabularies' own names, so
    there is nothing else to keep in step.
    """
    texts: list[str] = []
    numbers: dict[tuple[str, str], int] = {}
    for vocabulary in ("sectors", "tags"):
        for key, term in site.vocabularies[vocabulary].items():
            numbers[(vocabulary, key)] = len(texts)
            texts.append(fold(f"{term.label.lt} {term.label.en or ''}".strip()))
    return texts, numbers


def rows_json(site: SiteData, lang: str) -> str:
    """The filter script's data, as JSON for a <script type="application/json"> block:
    the facet keys, the sorts, the search terms and one row per cluster in the
    page's (name) order. Made once per language while the clusters are the
    same objects and the news give them the same topics (derived/same_inputs.py)."""
    topics = tuple((slug, tuple(keys)) for slug, keys in sorted(cluster_tags(site).items()))
    return _ROWS.get(lang, (*site.clusters, site.vocabularies), (topics,), functools.partial(_rows_json, site, lang))


_ROWS: PerKey[str] = PerKey()


def _rows_json(site: SiteData, lang: str) -> str:
    terms, term_numbers = search_terms(site)
    tags = cluster_tags(site)
    rows = []
    for cluster in site.sorted_clusters(lang):
        texts = [
            cluster.name.lt,
            cluster.name.en or "",
            cluster.summary.pick(lang).text,
            cluster.city or "",
            *(name for member in cluster.members for name in (member.name, member.en or "")),
            *((cluster.coordinator.name.lt, cluster.coordinator.name.en or "") if cluster.coordinator else ()),
        ]
        rows.append(
            {
                "slug": cluster.slug,
                "founded": cluster.founded,
                "members": cluster.members_total,
                "text": search_text(texts),
                "terms": [
                    *(term_numbers[("sectors", key)] for key in cluster.sectors),
                    *(term_numbers[("tags", key)] for key in tags.get(cluster.slug, ())),
                ],
                "values": {key: values for key, values in cluster_values(cluster).items() if values},
            }
        )
    sorts = [{"key": s.key, "field": s.field, "descending": s.descending} for s in SORTS]
    return script_json({"facets": list(FACET_KEYS), "sorts": sorts, "terms": terms, "clusters": rows})
