"""What the open data page (/duomenys/) shows: the files with their sizes,
each table's fields as the model describes them, how to cite, and
schema.org `Dataset` JSON-LD for dataset search engines.

The sizes are those of the bytes the post-build step writes: both come from
`open_data.bundle`, made once per build (by the default language's process
when a fork builds the other languages: `open_data.give_published`).
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any
from urllib.parse import urljoin

from babel.numbers import format_decimal

from clustersite.derived.open_data import (
    DESCRIPTION,
    DSA_DATASET,
    DSA_ORGANISATION,
    DSA_PLACEHOLDER,
    FILES,
    LICENCE,
    PUBLISHER,
    TITLE,
    Published,
    published,
    tables,
)
from clustersite.derived.structured_data import CONTEXT
from clustersite.model.site_data import SiteData
from clustersite.text import urls
from clustersite.text.localized import DEFAULT_LANGUAGE


@dataclass(frozen=True)
class FileRow:
    name: str
    path: str  # from the site root, for the `url` filter
    holds: str
    size: str
    bytes: int
    media_type: str


@dataclass(frozen=True)
class FieldRow:
    name: str
    type: str
    title: str
    description: str
    notes: list[str]


@dataclass(frozen=True)
class TableDoc:
    file: str
    title: str
    fields: list[FieldRow]
    key: str
    references: list[str]


def site_url_of(canonical_url: str | None, lang: str) -> str:
    """The site's address, from the data page's own canonical address (the
    adapter hands pages their canonical URL, not the configured site URL)."""
    own = ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + urls.page("open_data")
    if canonical_url and canonical_url.endswith(own):
        return canonical_url[: len(canonical_url) - len(own)]
    return ""


def human_size(size: int, lang: str) -> str:
    if size < 1000:
        return f"{size} B"
    return f"{format_decimal(size / 1000, format='#,##0.0', locale=lang)} kB"


def _pick(text, lang: str) -> str:
    return text.en if lang == "en" else text.lt


def files(data: Published, lang: str) -> list[FileRow]:
    return [
        FileRow(f.name, urls.data_file(f.name), _pick(f.description, lang), human_size(data.size(f.name), lang), data.size(f.name), f.media_type) for f in FILES
    ]


def table_docs(site: SiteData, site_url: str, lang: str, t: Callable[..., str]) -> list[TableDoc]:
    docs = []
    for table in tables(site_url, site.vocabularies):
        rows = []
        for column in table.columns:
            notes = [t("data.required")] if column.constraints.get("required") else []
            if column.constraints.get("unique"):
                notes.append(t("data.unique"))
            if "enum" in column.constraints:
                notes.append(t("data.values", values=", ".join(column.constraints["enum"])))
            rows.append(FieldRow(column.name, column.type, _pick(column.title, lang), _pick(column.description(), lang), notes))
        references = [t("data.foreign_key", field=c.name, table=f"{c.ref}.csv", target="slug") for c in table.columns if c.ref]
        docs.append(TableDoc(table.file, _pick(table.title, lang), rows, ", ".join(table.primary_key), references))
    return docs


def dataset(data: Published, site: SiteData, lang: str, page_url: str, t: Callable[..., str]) -> dict[str, Any]:
    """schema.org Dataset, with one DataDownload per file."""
    return {
        "@context": CONTEXT,
        "@type": "Dataset",
        "name": _pick(TITLE, lang),
        "description": _pick(DESCRIPTION, lang),
        "url": page_url,
        "license": LICENCE["path"],
        "isAccessibleForFree": True,
        "inLanguage": ["lt", "en"],
        "keywords": ["klasteriai", "clusters", "Lietuva", "Lithuania", "ESCA"],
        "dateModified": site.build_date.isoformat(),
        "spatialCoverage": {"@type": "Place", "name": t("data.spatial"), "address": {"@type": "PostalAddress", "addressCountry": "LT"}},
        "creator": {"@type": "Organization", "name": PUBLISHER, "url": data.site_url or page_url},
        "distribution": [
            {"@type": "DataDownload", "name": f.name, "encodingFormat": f.media_type, "contentUrl": data.url(f.name), "contentSize": f"{data.size(f.name)} B"}
            for f in FILES
        ],
    }


def citation(site: SiteData, lang: str, page_url: str, t: Callable[..., str]) -> str:
    return t("data.citation", publisher=PUBLISHER, title=_pick(TITLE, lang), url=page_url, year=site.build_date.year)


def context(site: SiteData, lang: str, canonical_url: str | None, t: Callable[..., str]) -> dict[str, Any]:
    """Everything open-data.html shows, and its JSON-LD (not yet serialised)."""
    site_url = site_url_of(canonical_url, lang)
    data = published(site, site_url)
    page_url = canonical_url or urljoin(site_url, urls.page("open_data"))
    return {
        "data_files": files(data, lang),
        "data_tables": table_docs(site, site_url, lang, t),
        "data_licence": LICENCE,
        "data_citation": citation(site, lang, page_url, t),
        "data_dsa": t("data.dsa", code=DSA_DATASET),
        # Shown once an institution registers the set; until then its code is a placeholder, not a fact.
        "data_dsa_registered": DSA_ORGANISATION != DSA_PLACEHOLDER,
        "dataset": dataset(data, site, lang, page_url, t),
    }
