"""The open data set at /data/: the same facts the profiles show, as files
that reusers can download, validate and cite.

    clusters.csv      one row per cluster (multi-valued fields ";"-joined)
    members.csv       long tables, the cluster's slug as foreign key
    labels.csv
    sources.csv
    clusters.json     the same, nested, vocabularies named in both languages
    counts.json       totals by sector, county, label and maturity
    clusters.geojson  RFC 7946 points of the clusters a source places (city or county precision)
    datapackage.json  Frictionless Data Package v2 with Table Schemas
    dsa.csv           the data structure description data.gov.lt reads

Every file is built in memory once per build (`bundle`) so the data page can
show sizes before the files are written; the post-build step writes the same
bytes. Output is deterministic: rows in slug order, keys sorted, and the only
date is the build date the label statuses depend on.

Columns are declared once below. A column that holds a model field names
its path (`members.name`), and its description is read from the model's
`Field.description`, so the data set documents itself from the same
definition editors see; only derived columns (addresses, ISO codes, label
status) carry their own words.
"""

from __future__ import annotations

import csv
import datetime as dt
import hashlib
import io
import json
from collections.abc import Callable, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import urljoin

from pydantic import BaseModel

from clustersite.derived import county_map
from clustersite.derived.same_inputs import SameInputs
from clustersite.model.cluster_model import LAT_RANGE, LON_RANGE, MEMBER_TYPES, Cluster, Maturity
from clustersite.model.fields import SLUG, Choice, Text
from clustersite.model.labels import LEVEL_RANK, PRECISIONS, STATUSES, Label
from clustersite.model.records import field_model, help_of, spec_of
from clustersite.model.site_data import SiteData
from clustersite.text import urls
from clustersite.text.dates import Month
from clustersite.text.localized import DEFAULT_LANGUAGE, LANGUAGES, LocalizedText

# ISO 3166-2:LT codes of the counties, by their key in data/counties.yml.
COUNTY_ISO = {
    "alytus": "LT-AL",
    "kaunas": "LT-KU",
    "klaipeda": "LT-KL",
    "marijampole": "LT-MR",
    "panevezys": "LT-PN",
    "siauliai": "LT-SA",
    "taurage": "LT-TA",
    "telsiai": "LT-TE",
    "utena": "LT-UT",
    "vilnius": "LT-VL",
}
LICENCE = {
    "name": "CC-BY-4.0",
    "path": "https://creativecommons.org/licenses/by/4.0/",
    "title": "Creative Commons Attribution 4.0",
}
PACKAGE_PROFILE = "https://datapackage.org/profiles/2.0/datapackage.json"
# data.gov.lt names a data set datasets/<form>/<organisation>/<set>. The
# publishing institution is not chosen yet: "todo" marks the placeholder, to
# be replaced by the institution's code when it registers the data set.
DSA_PLACEHOLDER = "todo"
DSA_ORGANISATION = DSA_PLACEHOLDER
DSA_DATASET = f"datasets/gov/{DSA_ORGANISATION}/klasteriai"
DSA_HEADER = ("id", "dataset", "resource", "base", "model", "property", "type", "ref", "source", "prepare", "level", "access", "uri", "title", "description")
DSA_LEVEL = 4  # typed, with primary and foreign keys (data.gov.lt's maturity scale 0-5)
# The site itself, in its default language (the files are language-neutral);
# the institution that takes the site over replaces it, as in DSA_ORGANISATION.
PUBLISHER = "Lietuvos klasteriai"
YEAR_OR_DATE = r"^[0-9]{4}(-[0-9]{2}(-[0-9]{2})?)?$"  # a year, a month or a day, as precisely as the source
TITLE = Text("Lithuania's business clusters", "Lietuvos verslo klasteriai")
DESCRIPTION = Text(
    "Lithuania's business clusters as the site Lietuvos klasteriai shows them: names, sectors, county and "
    "location, founding year, coordinator, members and their number, excellence labels (ESCA) with their "
    "validity, maturity level and the public sources every fact comes from. One row per cluster, with "
    "long tables of members, labels and sources; updated with every build of the site.",
    "Lietuvos verslo klasteriai, kaip juos rodo svetainė: pavadinimai, sektoriai, apskritis ir vieta, "
    "įkūrimo metai, koordinatorius, nariai ir jų skaičius, kokybės ženklai (ESCA) ir jų galiojimas, "
    "brandos lygis ir vieši šaltiniai, iš kurių paimtas kiekvienas faktas. Po eilutę kiekvienam "
    "klasteriui ir atskiros narių, ženklų bei šaltinių lentelės; atnaujinama su kiekvienu svetainės leidimu.",
)


# --- columns -----------------------------------------------------------------


@dataclass(frozen=True)
class Column:
    """One column of a CSV table: its value, Table Schema type, DSA type and words.

    `path` names the model field it holds (its description comes from
    there); `note` is prepended (for a derived reading of a field, such as
    the current label's level) or stands alone when there is no path.
    """

    name: str
    type: str  # Table Schema type
    value: Callable[[Any], Any]
    title: Text
    path: str = ""
    note: Text | None = None
    dsa_type: str = ""  # when it differs from `type`
    constraints: dict[str, Any] = field(default_factory=dict)
    extra: dict[str, Any] = field(default_factory=dict)  # more Table Schema properties (format, delimiter)
    uri: str = ""  # a schema.org property, for data.gov.lt
    ref: str = ""  # foreign key: the resource whose primary key this is

    def description(self) -> Text:
        from_model = model_descriptions(self.path)
        if self.note:  # a reading of one field: the note says which, the field says what
            from_model = from_model[-1:]
        parts = ([self.note] if self.note else []) + from_model
        return Text(" ".join(p.en for p in parts), " ".join(p.lt for p in parts))


def model_descriptions(path: str) -> list[Text]:
    """Descriptions of the fields along a dotted path of the cluster model:
    'members.name' -> [members' description, name's description]."""
    found: list[Text] = []
    model: Any = Cluster
    for name in filter(None, path.split(".")):
        field = model.model_fields[name]
        if (help := help_of(field)) is not None:
            found.append(help.for_data)
        model = field_model(field)
    return found


@dataclass(frozen=True)
class Table:
    name: str  # the resource's name and file stem
    title: Text
    model: str  # the DSA model name
    model_uri: str
    columns: tuple[Column, ...]
    primary_key: tuple[str, ...]
    rows: Callable[[SiteData, str], Iterable[Any]]

    @property
    def file(self) -> str:
        return f"{self.name}.csv"


def _label(pick: Callable[[Any], Any]) -> Callable[[Cluster], Any]:
    return lambda c: pick(c.current_label) if c.current_label else None


CURRENT = Text(
    "The current label (the highest valid one, else the latest expired one):",
    "Dabartinis ženklas (aukščiausias galiojantis, jei tokio nėra – vėliausias nebegaliojantis):",
)
STATUS = Text(
    "Whether the label is valid on the build date: valid, expired, or unknown (the source gives no date).",
    "Ar ženklas galioja leidimo dieną: valid (galioja), expired (nebegalioja) arba unknown (šaltinis datos nenurodo).",
)
ENDS = Text(
    "Last day of validity by the issuer's rule (two years from the interview month): valid_until if given, else two years from the "
    "interview, else from the award (end of the month or year when only those are known), else the end of the second year after a "
    "year the label was listed; empty when nothing dates the label.",
    "Paskutinė galiojimo diena pagal suteikėjo taisyklę (dveji metai nuo vertinimo pokalbio mėnesio): valid_until, jei nurodyta, kitaip – "
    "dveji metai nuo pokalbio, o jei jis nežinomas – nuo suteikimo (mėnesio ar metų pabaiga, kai žinomi tik jie), kitaip – antrųjų metų "
    "po metų, kuriais ženklas nurodytas, pabaiga; tuščia, kai ženklo niekas nedatuoja.",
)
SLUG_NOTE = Text(
    "The cluster's identifier, also the last part of its page's address.",
    "Klasterio identifikatorius, kartu ir paskutinė jo puslapio adreso dalis.",
)
CLUSTER_REF = Text("The cluster (slug in clusters.csv).", "Klasteris (slug iš clusters.csv).")
POSITION = Text("Order in the cluster's list, from 1.", "Eilės numeris klasterio sąraše, nuo 1.")
PROFILE = {
    lang: Text(f"Address of the cluster's profile in {name}.", f"Klasterio profilio adresas {vardas}.")
    for lang, name, vardas in (("lt", "Lithuanian", "lietuviškai"), ("en", "English", "angliškai"))
}
ISO = Text("County as its ISO 3166-2:LT code (LT-VL is Vilnius County).", "Apskritis ISO 3166-2:LT kodu (LT-VL – Vilniaus apskritis).")


def _cluster_columns(site_url: str, vocabularies: Mapping[str, Mapping[str, Any]]) -> tuple[Column, ...]:
    def profile(lang: str) -> Callable[[Cluster], str]:
        root = "" if lang == DEFAULT_LANGUAGE else f"{lang}/"
        return lambda c: urljoin(site_url, root + urls.cluster(c.slug))

    return (
        Column(
            "slug",
            "string",
            lambda c: c.slug,
            Text("Identifier", "Identifikatorius"),
            note=SLUG_NOTE,
            constraints={"required": True, "unique": True, "pattern": f"^{SLUG}$"},
            uri="schema:identifier",
        ),
        Column(
            "name_lt",
            "string",
            lambda c: c.name.lt,
            Text("Name in Lithuanian", "Pavadinimas lietuviškai"),
            "name.lt",
            constraints={"required": True},
            uri="schema:name",
        ),
        Column("name_en", "string", lambda c: c.name.en, Text("Name in English", "Pavadinimas angliškai"), "name.en", uri="schema:alternateName"),
        Column(
            "sectors", "list", lambda c: c.sectors, Text("Sectors", "Sektoriai"), "sectors", dsa_type="string", extra={"delimiter": ";", "itemType": "string"}
        ),
        Column(
            "county",
            "string",
            lambda c: COUNTY_ISO.get(c.county),
            Text("County", "Apskritis"),
            note=ISO,
            constraints={"enum": sorted(COUNTY_ISO.values())},
            uri="schema:addressRegion",
        ),
        Column("city", "string", lambda c: c.city, Text("City", "Miestas"), "city", uri="schema:addressLocality"),
        Column(
            "lat",
            "number",
            lambda c: c.location.lat if c.location else None,
            Text("Latitude", "Platuma"),
            "location.lat",
            constraints={"minimum": LAT_RANGE[0], "maximum": LAT_RANGE[1]},
            uri="schema:latitude",
        ),
        Column(
            "lon",
            "number",
            lambda c: c.location.lon if c.location else None,
            Text("Longitude", "Ilguma"),
            "location.lon",
            constraints={"minimum": LON_RANGE[0], "maximum": LON_RANGE[1]},
            uri="schema:longitude",
        ),
        Column(
            "founded",
            "year",
            lambda c: c.founded,
            Text("Founded", "Įkurtas"),
            "founded",
            dsa_type="integer",
            constraints={"minimum": 1900},
            uri="schema:foundingDate",
        ),
        Column("website", "string", lambda c: c.website, Text("Website", "Svetainė"), "website", dsa_type="url", extra={"format": "uri"}, uri="schema:url"),
        Column(
            "coordinator",
            "string",
            lambda c: c.coordinator.name.lt if c.coordinator else None,
            Text("Coordinator", "Koordinatorius"),
            "coordinator.name.lt",
            uri="schema:parentOrganization",
        ),
        Column(
            "member_count",
            "integer",
            lambda c: c.member_count.value if c.member_count else None,
            Text("Number of members", "Narių skaičius"),
            "member_count.value",
            constraints={"minimum": 1},
        ),
        Column(
            "member_count_as_of",
            "string",
            lambda c: c.member_count.as_of if c.member_count else None,
            Text("Number of members: as of", "Narių skaičius: kada"),
            "member_count.as_of",
            dsa_type="string",
            constraints={"pattern": YEAR_OR_DATE},
        ),
        Column(
            "label_level",
            "string",
            _label(lambda label: label.level),
            Text("Label level", "Ženklo lygis"),
            "labels.level",
            note=CURRENT,
            constraints={"enum": list(LEVEL_RANK)},
        ),
        Column("label_issuer", "string", _label(lambda label: label.issuer), Text("Label issuer", "Ženklą suteikė"), "labels.issuer", note=CURRENT),
        Column(
            "label_status",
            "string",
            _label(lambda label: label.status),
            Text("Label status", "Ženklo būsena"),
            note=Text(f"{CURRENT.en} {STATUS.en}", f"{CURRENT.lt} {STATUS.lt}"),
            constraints={"enum": ["valid", "expired", "unknown"]},
        ),
        Column(
            "label_valid_until",
            "date",
            _label(lambda label: label.ends),
            Text("Label valid until", "Ženklas galioja iki"),
            note=Text(f"{CURRENT.en} {ENDS.en}", f"{CURRENT.lt} {ENDS.lt}"),
        ),
        Column(
            "maturity",
            "string",
            lambda c: c.maturity.level if c.maturity else None,
            Text("Maturity level", "Brandos lygis"),
            "maturity.level",
            constraints={"enum": list(vocabularies["maturity"])},
        ),
        Column("open_to_members", "boolean", lambda c: c.open_to_members, Text("Open to new members", "Priima naujus narius"), "open_to_members"),
        Column(
            "url_lt",
            "string",
            profile("lt"),
            Text("Profile (LT)", "Profilis (LT)"),
            note=PROFILE["lt"],
            dsa_type="url",
            constraints={"required": True},
            extra={"format": "uri"},
            uri="schema:mainEntityOfPage",
        ),
        Column(
            "url_en",
            "string",
            profile("en"),
            Text("Profile (EN)", "Profilis (EN)"),
            note=PROFILE["en"],
            dsa_type="url",
            constraints={"required": True},
            extra={"format": "uri"},
        ),
        Column("updated", "date", lambda c: c.updated, Text("Profile checked", "Profilis tikrintas"), "updated", uri="schema:dateModified"),
    )


def _cluster_key() -> Column:
    return Column(
        "cluster",
        "string",
        lambda row: row[0].slug,
        Text("Cluster", "Klasteris"),
        note=CLUSTER_REF,
        dsa_type="ref",
        constraints={"required": True},
        ref="clusters",
    )


def _position() -> Column:
    return Column("position", "integer", lambda row: row[1], Text("Position", "Eilės numeris"), note=POSITION, constraints={"required": True, "minimum": 1})


def _items(attribute: str) -> Callable[[SiteData, str], list]:
    """(cluster, position, item) rows of a list field, clusters in slug order."""

    def rows(site: SiteData, site_url: str) -> list:
        return [(c, i, item) for c in _by_slug(site) for i, item in enumerate(getattr(c, attribute), 1)]

    return rows


def tables(site_url: str, vocabularies: Mapping[str, Mapping[str, Any]]) -> tuple[Table, ...]:
    """The CSV tables; enumerations come from the model and the vocabularies, as the checks read them."""
    return (
        Table(
            "clusters",
            Text("Clusters", "Klasteriai"),
            "Klasteris",
            "schema:Organization",
            _cluster_columns(site_url, vocabularies),
            ("slug",),
            lambda site, url: _by_slug(site),
        ),
        Table(
            "members",
            Text("Members", "Nariai"),
            "Narys",
            "schema:Organization",
            (
                _cluster_key(),
                _position(),
                Column("name", "string", lambda r: r[2].name, Text("Name", "Pavadinimas"), "members.name", constraints={"required": True}, uri="schema:name"),
                Column("name_en", "string", lambda r: r[2].en, Text("Name in English", "Pavadinimas anglų kalba"), "members.en"),
                Column(
                    "website",
                    "string",
                    lambda r: r[2].website,
                    Text("Website", "Svetainė"),
                    "members.website",
                    dsa_type="url",
                    extra={"format": "uri"},
                    uri="schema:url",
                ),
                Column("type", "string", lambda r: r[2].type, Text("Type", "Rūšis"), "members.type", constraints={"enum": list(MEMBER_TYPES)}),
            ),
            ("cluster", "position"),
            _items("members"),
        ),
        Table(
            "labels",
            Text("Excellence labels", "Kokybės ženklai"),
            "Zenklas",
            "",
            (
                _cluster_key(),
                _position(),
                Column(
                    "level",
                    "string",
                    lambda r: r[2].level,
                    Text("Level", "Lygis"),
                    "labels.level",
                    constraints={"required": True, "enum": list(LEVEL_RANK)},
                ),
                Column("issuer", "string", lambda r: r[2].issuer, Text("Issuer", "Suteikė"), "labels.issuer", constraints={"required": True}),
                Column(
                    "awarded",
                    "string",
                    lambda r: r[2].awarded,
                    Text("Awarded", "Suteiktas"),
                    "labels.awarded",
                    constraints={"pattern": YEAR_OR_DATE},
                ),
                Column(
                    "precision",
                    "string",
                    lambda r: r[2].precision,
                    Text("Award known to", "Suteikimas žinomas"),
                    note=Text(
                        "How precisely a source dates the award: day, month, year, listed (only a year it was held) or none.",
                        "Kiek tiksliai šaltinis datuoja suteikimą: day (diena), month (mėnuo), year (metai), listed (žinomi tik metai, kai ženklas turėtas) arba none (nedatuota).",
                    ),
                    constraints={"required": True, "enum": list(PRECISIONS)},
                ),
                Column("interviewed", "string", lambda r: r[2].interviewed, Text("Interview", "Vertinimo pokalbis"), "labels.interviewed"),
                Column("listed_in", "integer", lambda r: r[2].listed_in, Text("Listed as holder in", "Nurodytas tarp turėtojų"), "labels.listed_in"),
                Column(
                    "valid_until",
                    "string",
                    lambda r: r[2].valid_until,
                    Text("Valid until (as given)", "Galioja iki (kaip nurodyta)"),
                    "labels.valid_until",
                    constraints={"pattern": YEAR_OR_DATE},
                ),
                Column("ends", "date", lambda r: r[2].ends, Text("Last valid day", "Paskutinė galiojimo diena"), note=ENDS),
                Column(
                    "status",
                    "string",
                    lambda r: r[2].status,
                    Text("Status", "Būsena"),
                    note=STATUS,
                    constraints={"required": True, "enum": list(STATUSES)},
                ),
                Column("url", "string", lambda r: r[2].url, Text("Confirmation", "Patvirtinimas"), "labels.url", dsa_type="url", extra={"format": "uri"}),
            ),
            ("cluster", "position"),
            _items("labels"),
        ),
        Table(
            "sources",
            Text("Sources", "Šaltiniai"),
            "Saltinis",
            "schema:WebPage",
            (
                _cluster_key(),
                _position(),
                Column(
                    "url",
                    "string",
                    lambda r: r[2].url,
                    Text("Address", "Adresas"),
                    "sources.url",
                    dsa_type="url",
                    constraints={"required": True},
                    extra={"format": "uri"},
                    uri="schema:url",
                ),
                Column("title", "string", lambda r: _one_title(r[2].title), Text("Title", "Pavadinimas"), "sources.title", uri="schema:name"),
                Column("accessed", "date", lambda r: r[2].accessed, Text("Read on", "Žiūrėta"), "sources.accessed"),
            ),
            ("cluster", "position"),
            _items("sources"),
        ),
    )


def _one_title(title: str | LocalizedText | None) -> str | None:
    """A source's title for one CSV cell: the Lithuanian one where it has both."""
    return title.lt if isinstance(title, LocalizedText) else title


def _by_slug(site: SiteData) -> list[Cluster]:
    return sorted(site.clusters, key=lambda c: c.slug)


# --- writing -----------------------------------------------------------------


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, Month):
        return str(value)
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    if isinstance(value, (tuple, list)):
        return ";".join(value)
    return str(value)


def csv_bytes(header: Iterable[str], rows: Iterable[Iterable[Any]]) -> bytes:
    """RFC 4180: UTF-8 without BOM, CRLF line ends, quotes only where needed."""
    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)  # the default dialect is RFC 4180's
    writer.writerow(header)
    writer.writerows([_cell(v) for v in row] for row in rows)
    return buffer.getvalue().encode("utf-8")


def json_bytes(value: Any) -> bytes:
    return (json.dumps(value, ensure_ascii=False, indent=2, sort_keys=True, default=_json_default) + "\n").encode("utf-8")


def _json_default(value: Any) -> Any:
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    raise TypeError(f"not JSON: {value!r}")


def _table_csv(table: Table, site: SiteData, site_url: str) -> bytes:
    rows = table.rows(site, site_url)
    return csv_bytes([c.name for c in table.columns], ([c.value(row) for c in table.columns] for row in rows))


def _term(site: SiteData, vocabulary: str, key: str | None) -> dict[str, str | None] | None:
    if key is None:
        return None
    label = site.vocabularies[vocabulary][key].label
    return {"key": key, "lt": label.lt, "en": label.en}


def _localized(text) -> dict[str, str | None] | None:
    return {"lt": text.lt, "en": text.en} if text else None


def _label_json(label) -> dict[str, Any]:
    return {
        "level": label.level,
        "issuer": label.issuer,
        "awarded": str(label.awarded) if isinstance(label.awarded, Month) else label.awarded,
        "interviewed": str(label.interviewed) if isinstance(label.interviewed, Month) else label.interviewed,
        "listed_in": label.listed_in,
        "precision": label.precision,
        "valid_until": label.valid_until,
        "ends": label.ends,
        "status": label.status,
        "url": label.url,
    }


def cluster_json(cluster: Cluster, site: SiteData, site_url: str) -> dict[str, Any]:
    """One cluster, nested as its model is, vocabulary keys named in both
    languages; a field added to the model appears here by itself."""
    found = {"slug": cluster.slug, **_record_json(cluster, site)}
    if found["county"]:
        found["county"]["iso"] = COUNTY_ISO[found["county"]["key"]]
    del found["logo"]  # an organisation's mark, not data: not under the data set's licence
    found["current_label"] = _label_json(cluster.current_label) if cluster.current_label else None
    found["profile"] = {lang: urljoin(site_url, ("" if lang == DEFAULT_LANGUAGE else f"{lang}/") + urls.cluster(cluster.slug)) for lang in LANGUAGES}
    return found


def _record_json(record: BaseModel, site: SiteData) -> dict[str, Any]:
    if isinstance(record, Label):  # with what the label derives: its end and its status on the build date
        return _label_json(record)
    values = {name: _field_json(getattr(record, name), field, site) for name, field in type(record).model_fields.items()}
    if isinstance(record, Maturity):  # the level's names, and when it was assessed
        return {**values.pop("level"), **values}
    return values


def _field_json(value: Any, field: Any, site: SiteData) -> Any:
    spec = spec_of(field)
    vocabulary = spec.vocabulary if isinstance(spec, Choice) else ""

    def one(item: Any) -> Any:
        if isinstance(item, BaseModel):
            return _record_json(item, site)
        if isinstance(item, LocalizedText):
            return _localized(item)
        return _term(site, vocabulary, item) if vocabulary else item

    if isinstance(value, tuple):
        return [one(item) for item in value]
    return None if value is None else one(value)


def counts(site: SiteData) -> dict[str, Any]:
    """Totals by sector, county, current label and maturity; every key of
    each vocabulary is listed (with 0), so the shape never changes."""
    clusters = site.clusters

    def by(vocabulary: str, has: Callable[[Cluster, str], bool]) -> list[dict[str, Any]]:
        return [{**(_term(site, vocabulary, key) or {}), "clusters": sum(1 for c in clusters if has(c, key))} for key in site.vocabularies[vocabulary]]

    def label_kind(cluster: Cluster) -> str:
        label = cluster.current_label
        return "none" if label is None else label.level if label.status == "valid" else label.status

    by_county = by("counties", lambda c, key: c.county == key)
    for row in by_county:
        row["iso"] = COUNTY_ISO[row["key"]]
    figures = site.figures()
    return {
        "as_of": site.build_date,
        "clusters": figures.clusters,
        # Organisations named in the member lists, each once (sources' dated counts are per cluster, in clusters.json).
        "members": {"named_organisations": figures.members, "clusters_with_member_list": figures.clusters_with_member_data},
        "by_sector": by("sectors", lambda c, key: key in c.sectors),
        "without_sector": sum(1 for c in clusters if not c.sectors),
        "by_county": by_county,
        "without_county": sum(1 for c in clusters if not c.county),
        "by_label": {kind: sum(1 for c in clusters if label_kind(c) == kind) for kind in ("gold", "silver", "bronze", "expired", "unknown", "none")},
        "by_maturity": by("maturity", lambda c, key: c.maturity is not None and c.maturity.level == key),
        "without_maturity": sum(1 for c in clusters if not c.maturity),
    }


def place(cluster: Cluster) -> tuple[float, float, str] | None:
    """(lat, lon, precision) of a cluster's point: its own `location`
    ("location"), its city from the city table ("city"), or a point inside
    its county ("county"); None when no source places it."""
    if cluster.location:
        return (cluster.location.lat, cluster.location.lon, "location")
    if cluster.city and cluster.city in county_map.load_cities():
        lat, lon = county_map.load_cities()[cluster.city]
        return (lat, lon, "city")
    centre = county_map.county_centre(cluster.county) if cluster.county else None
    return (*centre, "county") if centre else None


def geojson(site: SiteData, site_url: str) -> dict[str, Any]:
    """RFC 7946: a FeatureCollection of Points, [longitude, latitude] in WGS 84,
    one per cluster a source places, with how precisely (`precision`: location,
    city or county; a county's point is only a point inside it)."""
    features = []
    for cluster in _by_slug(site):
        placed = place(cluster)
        if placed is None:
            continue
        lat, lon, precision = placed
        label = cluster.current_label
        features.append(
            {
                "type": "Feature",
                "id": cluster.slug,
                "geometry": {"type": "Point", "coordinates": [lon, lat]},
                "properties": {
                    "slug": cluster.slug,
                    "name_lt": cluster.name.lt,
                    "name_en": cluster.name.en,
                    "county": COUNTY_ISO.get(cluster.county) if cluster.county else None,
                    "city": cluster.city,
                    "city_en": county_map.city_name(cluster.city, "en") if cluster.city else None,
                    "precision": precision,
                    "label_level": label.level if label else None,
                    "label_status": label.status if label else None,
                    "url_lt": urljoin(site_url, urls.cluster(cluster.slug)),
                    "url_en": urljoin(site_url, "en/" + urls.cluster(cluster.slug)),
                },
            }
        )
    return {"type": "FeatureCollection", "features": features}


# --- the package descriptions ------------------------------------------------


def table_schema(table: Table) -> dict[str, Any]:
    fields = []
    for column in table.columns:
        description = column.description()
        spec: dict[str, Any] = {
            "name": column.name,
            "type": column.type,
            "title": column.title.en,
            "description": f"{description.en}\n\n{description.lt}",
            **column.extra,
        }
        if column.type == "boolean":
            spec |= {"trueValues": ["true"], "falseValues": ["false"]}
        if column.constraints:
            spec["constraints"] = column.constraints
        fields.append(spec)
    schema: dict[str, Any] = {"fields": fields, "primaryKey": list(table.primary_key), "missingValues": [""]}
    references = [c for c in table.columns if c.ref]
    if references:
        schema["foreignKeys"] = [{"fields": [c.name], "reference": {"resource": c.ref, "fields": ["slug"]}} for c in references]
    return schema


@dataclass(frozen=True)
class DataFile:
    name: str  # the file name in /data/
    media_type: str
    format: str
    description: Text


FILES = (
    DataFile(
        "clusters.csv",
        "text/csv",
        "csv",
        Text(
            "One row per cluster: names, sectors, county, location, founding year, coordinator, members, current label, maturity, profile addresses.",
            "Po eilutę kiekvienam klasteriui: pavadinimai, sektoriai, apskritis, vieta, įkūrimo metai, koordinatorius, nariai, dabartinis ženklas, branda, profilio adresai.",
        ),
    ),
    DataFile(
        "members.csv", "text/csv", "csv", Text("Member organisations listed by the sources, one row each.", "Šaltinių nurodyti nariai, po eilutę kiekvienam.")
    ),
    DataFile(
        "labels.csv",
        "text/csv",
        "csv",
        Text("Every excellence label, with its validity on the build date.", "Visi kokybės ženklai ir jų galiojimas leidimo dieną."),
    ),
    DataFile("sources.csv", "text/csv", "csv", Text("The public sources each profile cites.", "Vieši šaltiniai, kuriuos cituoja kiekvienas profilis.")),
    DataFile(
        "clusters.json",
        "application/json",
        "json",
        Text(
            "Everything above, nested per cluster, vocabularies named in Lithuanian and English.",
            "Visa tai, sugrupuota pagal klasterį, žodynų reikšmės lietuviškai ir angliškai.",
        ),
    ),
    DataFile(
        "counts.json",
        "application/json",
        "json",
        Text("Totals by sector, county, label and maturity.", "Suvestinės pagal sektorių, apskritį, ženklą ir brandą."),
    ),
    DataFile(
        "clusters.geojson",
        "application/geo+json",
        "geojson",
        Text(
            "Map points of the clusters whose place a source gives, each with its precision: city or county (GeoJSON, WGS 84).",
            "Klasterių, kurių vietą nurodo šaltinis, taškai žemėlapiui su tikslumu: miestas ar apskritis (GeoJSON, WGS 84).",
        ),
    ),
    DataFile(
        "datapackage.json",
        "application/json",
        "json",
        Text(
            "The description of the set (Frictionless Data Package v2): table schemas, keys, licence.",
            "Rinkinio aprašas (Frictionless Data Package v2): lentelių schemos, raktai, licencija.",
        ),
    ),
    DataFile(
        "dsa.csv", "text/csv", "csv", Text("The data structure description (DSA) for data.gov.lt.", "Duomenų struktūros aprašas (DSA) data.gov.lt portalui.")
    ),
)
FILE_BY_NAME = {f.name: f for f in FILES}


def _resource(name: str, data: bytes) -> dict[str, Any]:
    file = FILE_BY_NAME[name]
    return {
        "name": name.replace(".", "-") if not name.endswith(".csv") else name.removesuffix(".csv"),
        "path": name,  # relative: the package validates wherever it is downloaded
        "format": file.format,
        "mediatype": file.media_type,
        "encoding": "utf-8",
        "bytes": len(data),
        "hash": f"sha256:{hashlib.sha256(data).hexdigest()}",
        "title": file.description.en,
        "description": f"{file.description.en}\n\n{file.description.lt}",
    }


def datapackage(files: dict[str, bytes], site: SiteData, site_url: str) -> dict[str, Any]:
    resources = []
    for table in tables(site_url, site.vocabularies):
        resources.append(
            _resource(table.file, files[table.file]) | {"type": "table", "dialect": {"header": True, "delimiter": ","}, "schema": table_schema(table)}
        )
    for name in ("clusters.json", "counts.json", "clusters.geojson"):
        resources.append(_resource(name, files[name]))
    return {
        "$schema": PACKAGE_PROFILE,
        "name": "lietuvos-klasteriai",
        "title": TITLE.en,
        "description": f"{DESCRIPTION.en}\n\n{DESCRIPTION.lt}",
        "homepage": urljoin(site_url, urls.page("open_data")),
        "created": f"{site.build_date.isoformat()}T00:00:00Z",
        "keywords": ["clusters", "klasteriai", "Lithuania", "Lietuva", "business", "ESCA"],
        "licenses": [LICENCE],
        "sources": [{"title": "Public sources cited on each profile (sources.csv)", "path": urljoin(site_url, urls.data_file("sources.csv"))}],
        "contributors": [{"title": PUBLISHER, "path": site_url, "roles": ["publisher"]}],
        "resources": resources,
    }


def dsa_manifest(site_url: str, vocabularies: Mapping[str, Mapping[str, Any]]) -> bytes:
    """data.gov.lt's DSA: dataset, then per CSV a resource, its model and the model's properties.
    Every row is `access=open` (an empty access means private)."""
    rows: list[dict[str, Any]] = [
        {"dataset": DSA_DATASET, "title": TITLE.lt, "description": DESCRIPTION.lt},
        {"type": "prefix", "ref": "schema", "uri": "https://schema.org/"},
    ]
    for table in tables(site_url, vocabularies):
        rows.append(
            {
                "resource": table.name,
                "type": "csv",
                "source": urljoin(site_url, urls.data_file(table.file)),
                "title": table.title.lt,
                "description": FILE_BY_NAME[table.file].description.lt,
            }
        )
        rows.append({"model": table.model, "ref": ", ".join(table.primary_key), "level": DSA_LEVEL, "uri": table.model_uri, "title": table.title.lt})
        for column in table.columns:
            rows.append(
                {
                    "property": column.name,
                    "type": column.dsa_type or column.type,
                    "ref": "Klasteris" if column.ref else "",
                    "source": column.name,
                    "level": DSA_LEVEL,
                    "uri": column.uri,
                    "title": column.title.lt,
                    "description": column.description().lt,
                }
            )
    return csv_bytes(DSA_HEADER, ([row.get(name, "") for name in DSA_HEADER] for row in ({**row, "access": "open"} for row in rows)))


# --- once per build ----------------------------------------------------------


@dataclass(frozen=True)
class OpenData:
    """The /data/ files of one build, in memory: {file name: bytes}."""

    files: dict[str, bytes]
    site_url: str

    def published(self) -> Published:
        return Published({name: len(data) for name, data in self.files.items()}, self.site_url)


@dataclass(frozen=True)
class Published:
    """What the data page says of the files, without their bytes: each one's
    size, and where it is published."""

    sizes: dict[str, int]
    site_url: str

    def size(self, name: str) -> int:
        return self.sizes[name]

    def url(self, name: str) -> str:
        return urljoin(self.site_url, urls.data_file(name))


def build_open_data(site: SiteData, site_url: str) -> OpenData:
    files: dict[str, bytes] = {}
    for table in tables(site_url, site.vocabularies):
        files[table.file] = _table_csv(table, site, site_url)
    files["clusters.json"] = json_bytes(
        {
            "as_of": site.build_date,
            "licence": LICENCE,
            "clusters": [cluster_json(c, site, site_url) for c in _by_slug(site)],
        }
    )
    files["counts.json"] = json_bytes(counts(site))
    files["clusters.geojson"] = json_bytes(geojson(site, site_url))
    files["datapackage.json"] = json_bytes(datapackage(files, site, site_url))
    files["dsa.csv"] = dsa_manifest(site_url, site.vocabularies)
    return OpenData({name: files[name] for name in (f.name for f in FILES)}, site_url)


_built: SameInputs[OpenData] = SameInputs()


def bundle(site: SiteData, site_url: str) -> OpenData:
    """This build's files, made once: the data page (for sizes) and the
    post-build step (to write them) ask for the same object. Only the
    latest is kept; under `make serve` it serves the next build too while
    the clusters and vocabularies are the same objects (derived/same_inputs.py)."""
    return _built.get((*site.clusters, site.vocabularies), (site.build_date, site_url), lambda: build_open_data(site, site_url))


_published: SameInputs[Published] = SameInputs()


def published(site: SiteData, site_url: str) -> Published:
    """What the data page shows of this build's files: from `bundle`, or as
    given (`give_published`) by the process that makes the files."""
    return _published.get((*site.clusters, site.vocabularies), (site.build_date, site_url), lambda: bundle(site, site_url).published())


def give_published(site: SiteData, given: Published) -> None:
    """`given` is what `published(site, given.site_url)` answers from now on,
    without making the files: another process made them from the same
    content (outputs/language_process.py), and this one only shows them."""
    _published.get((*site.clusters, site.vocabularies), (site.build_date, given.site_url), lambda: given)
