"""The cluster profile: its schema (the contract with editors) and typed rows.

One file per cluster, `data/clusters/<slug>.yml`. The schema below is the
single definition of the fields; README.md documents it for people.
"""

from __future__ import annotations

import datetime as dt
import functools
import re
import unicodedata
from pathlib import Path
from typing import Annotated, Literal
from urllib.parse import urlsplit

from pydantic import model_validator

from clustersite.model.fields import SLUG, Bool, Choice, Context, Date, Email, Number, RepoFile, Str, Text, Url, Where, Year
from clustersite.model.labels import Label
from clustersite.model.load_cache import LoadCache, file_bytes
from clustersite.model.records import AsLocalized, Check, FileRecord, Help, Record, list_checks, markdown_warnings, refuse, refuse_all, validate
from clustersite.model.sources import FACT_FIELDS, ClusterSource
from clustersite.source.citation_markers import markers_in
from clustersite.source.yaml_source import LineDict, load_yaml
from clustersite.text.localized import LocalizedText
from clustersite.text.messages import Message, say
from clustersite.text.problems import describe

SLUG_PATTERN = re.compile(SLUG)
RESERVED_SLUGS = {"index"}  # klasteriai/index.md is the directory page
MEMBER_TYPES = ("company", "research", "education", "public", "association", "other")
MemberType = Literal["company", "research", "education", "public", "association", "other"]
# Lithuania's bounding box, generously rounded; a point outside is a typo
# (swapped lat/lon, a missing minus sign is impossible here).
LAT_RANGE, LON_RANGE = (53.85, 56.50), (20.90, 26.90)
YearOrDate = dt.date | int


class Location(Record):
    lat: Annotated[
        float,
        Check(Number(*LAT_RANGE, unit_hint=say("unit-latitude"))),
        Help("Latitude in degrees (WGS 84).", "Platuma laipsniais (WGS 84).", "54.6872"),
    ]
    lon: Annotated[
        float,
        Check(Number(*LON_RANGE, unit_hint=say("unit-longitude"))),
        Help("Longitude in degrees (WGS 84).", "Ilguma laipsniais (WGS 84).", "25.2797"),
    ]


class Contact(Record):
    email: Annotated[Annotated[str, Check(Email())] | None, Help("An organisation's e-mail (never a person's).", "Organizacijos el. paštas (ne asmens).")] = (
        None
    )
    phone: Annotated[
        Annotated[str, Check(Str(pattern=r"\+?[0-9][0-9 ()-]{5,20}", pattern_hint=say("hint-phone")))] | None,
        Help("An organisation's phone number.", "Organizacijos telefono numeris.", "+370 5 123 4567"),
    ] = None
    address: Annotated[Annotated[str, Check(Str(max_length=200))] | None, Help("Postal address.", "Pašto adresas.")] = None


class Coordinator(Record):
    name: Annotated[
        LocalizedText,
        AsLocalized(150),
        Help("The organisation's name; in English too where it has one.", "Organizacijos pavadinimas; ir angliškai, jei jis yra."),
    ]
    website: Annotated[Annotated[str, Check(Url())] | None, Help("The organisation's website.", "Organizacijos svetainė.")] = None


class Member(Record):
    name: Annotated[
        str,
        Check(Str(max_length=150)),
        Help(
            "The member organisation's official name, as a source gives it; shown on every page that has no name of its own for it.",
            "Narės organizacijos oficialus pavadinimas, kaip jį nurodo šaltinis; rodomas visuose puslapiuose, kuriems nėra savo pavadinimo.",
        ),
    ]
    en: Annotated[
        Annotated[str, Check(Str(max_length=150))] | None,
        Help(
            "Its English name, only where a source gives one: English pages show it instead of the official name.",
            "Angliškas pavadinimas, tik jei jį nurodo šaltinis: angliški puslapiai rodo jį vietoj oficialiojo.",
            "Kaunas University of Technology",
        ),
    ] = None
    website: Annotated[Annotated[str, Check(Url())] | None, Help("The member's website.", "Nario svetainė.")] = None
    type: Annotated[
        Annotated[MemberType, Check(Choice(MEMBER_TYPES, noun="member type"))] | None,
        Help("Kind of organisation: " + ", ".join(MEMBER_TYPES) + ".", "Organizacijos rūšis: " + ", ".join(MEMBER_TYPES) + "."),
    ] = None


def member_name(member: Member, lang: str) -> str:
    """A member's name in `lang`: the English one on English pages where a
    source gives it, else the official name, with English quotation marks on
    English pages (UAB "Ekstara"), as the house rule writes names in English."""
    if lang != "en":
        return member.name
    return member.en or member.name.replace("„", '"').replace("“", '"')


class MemberCount(Record):
    value: Annotated[int, Check(Number(1, 10_000, integer=True)), Help("How many members.", "Kiek narių.", "25")]
    as_of: Annotated[
        YearOrDate, Check(Date(allow_year=True)), Help("When the count held: the source's date, or its year.", "Kada tiek buvo: šaltinio data arba metai.")
    ]


class Maturity(Record):
    level: Annotated[
        str,
        Check(Choice(vocabulary="maturity", noun="maturity level")),
        Help("A key from data/maturity.yml.", "Raktas iš data/maturity.yml.", "developing", data=Text("The level's key.", "Lygio raktas.")),
    ]
    assessed: Annotated[Annotated[dt.date, Check(Date())] | None, Help("When the level was assessed.", "Kada lygis įvertintas.")] = None


class Cluster(FileRecord):
    """A cluster's profile, `data/clusters/<slug>.yml`: the contract with editors."""

    name: Annotated[LocalizedText, AsLocalized(150), Help("The cluster's name.", "Klasterio pavadinimas.")]
    summary: Annotated[
        LocalizedText,
        AsLocalized(200),
        Help("One sentence for cards and search results, at most 200 characters.", "Vienas sakinys kortelėms ir paieškai, ne daugiau kaip 200 simbolių."),
    ]
    description: Annotated[
        LocalizedText | None,
        AsLocalized(markdown=True),
        Help(
            "A longer description in Markdown; [^2] after a statement cites the second source.",
            "Ilgesnis aprašymas (Markdown); [^2] po teiginiu nurodo antrąjį šaltinį.",
        ),
    ] = None
    sectors: Annotated[
        tuple[Annotated[str, Check(Choice(vocabulary="sectors", noun="sector"))], ...],
        *list_checks(unique=True),
        Help(
            "Keys from data/sectors.yml; leave out when no source names one.",
            "Raktai iš data/sectors.yml; praleiskite, jei šaltinis jų nenurodo.",
            "[ict]",
            data=Text(
                "The cluster's sectors as keys (their names in both languages are in clusters.json); empty when no source names one.",
                "Klasterio sektoriai, nurodyti raktais (jų pavadinimai abiem kalbomis – clusters.json); tuščia, jei šaltinis jų nenurodo.",
            ),
        ),
    ] = ()
    county: Annotated[
        Annotated[str, Check(Choice(vocabulary="counties", noun="county"))] | None,
        Help("A key from data/counties.yml.", "Raktas iš data/counties.yml.", "vilnius"),
    ] = None
    city: Annotated[Annotated[str, Check(Str(max_length=80))] | None, Help("City or town.", "Miestas ar miestelis.")] = None
    location: Annotated[Location | None, Help("Map point inside Lithuania.", "Taškas žemėlapyje Lietuvoje.")] = None
    founded: Annotated[Annotated[int, Check(Year())] | None, Help("Year the cluster was founded.", "Klasterio įkūrimo metai.")] = None
    website: Annotated[Annotated[str, Check(Url())] | None, Help("The cluster's website.", "Klasterio svetainė.")] = None
    contact: Annotated[
        Contact | None,
        Help(
            "Public organisational contact details; no personal phone numbers or e-mails.",
            "Vieši organizacijos kontaktai; jokių asmeninių telefonų ar el. pašto adresų.",
        ),
    ] = None
    coordinator: Annotated[Coordinator | None, Help("The organisation that manages the cluster.", "Klasterį koordinuojanti organizacija.")] = None
    members: Annotated[tuple[Member, ...], *list_checks(), Help("Member organisations.", "Nariai (organizacijos).")] = ()
    member_count: Annotated[
        MemberCount | None,
        Help(
            "Number of members as a source gives it, with the date it held; counts change.",
            "Narių skaičius pagal šaltinį ir data, kada jis galiojo; skaičiai keičiasi.",
        ),
    ] = None
    labels: Annotated[
        tuple[Label, ...],
        *list_checks(),
        Help(
            "Cluster excellence labels as the sources give them, even when only the year is known; validity follows the issuer's rule (two years from the interview month).",
            "Klasterių kokybės ženklai taip, kaip juos nurodo šaltiniai, net jei žinomi tik metai; galiojimas – pagal suteikėjo taisyklę (dveji metai nuo vertinimo pokalbio mėnesio).",
        ),
    ] = ()
    maturity: Annotated[
        Maturity | None,
        Help(
            "Maturity level (data/maturity.yml).",
            "Brandos lygis (data/maturity.yml).",
            data=Text("The cluster's maturity level, one of the four official levels.", "Klasterio brandos lygis, vienas iš keturių oficialių lygių."),
        ),
    ] = None
    open_to_members: Annotated[Annotated[bool, Check(Bool())] | None, Help("Does the cluster accept new members?", "Ar klasteris priima naujų narių?")] = None
    join: Annotated[LocalizedText | None, AsLocalized(markdown=True), Help("How to join, in Markdown.", "Kaip prisijungti (Markdown).")] = None
    programmes: Annotated[
        tuple[Annotated[str, Check(Choice(vocabulary="programmes", noun="programme"))], ...],
        *list_checks(unique=True),
        Help("Keys from data/programmes.yml.", "Raktai iš data/programmes.yml.", "[inolink]"),
    ] = ()
    logo: Annotated[
        Annotated[str, Check(RepoFile((".svg", ".png", ".jpg", ".jpeg", ".webp"), noun="logo", width_hint=400))] | None,
        Help("Path to the logo in the repository, e.g. data/logos/litek.svg.", "Logotipo kelias saugykloje, pvz., data/logos/litek.svg."),
    ] = None
    sources: Annotated[
        tuple[ClusterSource, ...],
        *list_checks(min_items=1),
        Help(
            "Where the facts come from; at least one. With two or more, each source lists in supports the fields it states.",
            "Iš kur paimti faktai; bent vienas šaltinis. Kai jų du ar daugiau, kiekvienas šaltinis supports sąraše nurodo laukus, kuriuos patvirtina.",
        ),
    ]
    updated: Annotated[Annotated[dt.date, Check(Date())] | None, Help("When the profile was last checked.", "Kada profilis paskutinį kartą tikrintas.")] = None

    @model_validator(mode="after")
    def _member_count_covers_the_list(self) -> Cluster:
        listed = len(self.members)
        if self.member_count is not None and self.member_count.value < listed:
            raise refuse(say("member-count-too-small", listed=listed, got=self.member_count.value), at=("member_count", "value"))
        return self

    @model_validator(mode="after")
    def _every_fact_names_its_source(self) -> Cluster:
        found: list[tuple[tuple[str | int, ...], Message]] = []
        shown = set(self.facts_shown)
        for index, source in enumerate(self.sources):
            for position, field in enumerate(source.supports):
                if field not in shown:
                    found.append((("sources", index, "supports", position), say("cite-not-shown", field=field)))
        for lang in ("lt", "en"):
            text = getattr(self.description, lang, None) or ""
            for _, marker, number in markers_in(text):
                if not 1 <= number <= len(self.sources):
                    found.append((("description", lang), say("cite-no-such-source", number=number, marker=marker, count=len(self.sources))))
        if len(self.sources) > 1:
            cited = {field for source in self.sources for field in source.supports}
            found += [((field,), say("cite-missing", field=field)) for field in self.facts_shown if field not in cited]
        if found:
            raise refuse_all(found)
        return self

    @property
    def facts_shown(self) -> tuple[str, ...]:
        """The fact fields this profile fills, in the page's order (sources.FACT_FIELDS)."""
        return tuple(field for field in FACT_FIELDS if getattr(self, field) not in (None, ()))

    def cited_by(self, *fields: str) -> tuple[int, ...]:
        """The numbers (from 1, their place in the list) of the sources that
        state any of `fields`; the only source when there is one."""
        if len(self.sources) == 1:
            return (1,) if any(getattr(self, field) not in (None, ()) for field in fields) else ()
        return tuple(number for number, source in enumerate(self.sources, 1) if set(fields) & set(source.supports))

    @property
    def members_total(self) -> int | None:
        """How many members a source says the cluster has (dated in `member_count`);
        None when no source counts them. A list of named members is not the
        cluster's size: it is shown as such ("Known members (3)"), never as a count."""
        return self.member_count.value if self.member_count else None

    @property
    def current_label(self) -> Label | None:
        """The highest valid label; if none is valid, the most recent expired
        one; if none is dated, the highest of those whose validity is unknown."""
        valid = [label for label in self.labels if label.status == "valid"]
        if valid:
            return max(valid, key=lambda label: (label.rank, label.awarded_on))
        expired = [(label.ends, label) for label in self.labels if label.status == "expired" and label.ends]
        if expired:
            return max(expired, key=lambda pair: pair[0])[1]
        return max(self.labels, key=lambda label: label.rank, default=None)


def read_cluster(data: object, where: Where, ctx: Context, slug: str, path: str) -> Cluster | None:
    """A cluster record from a file's data, or None after reporting its problems."""
    cluster = validate(Cluster, data, where, ctx)
    if cluster is None:
        return None
    markdown_warnings(cluster, data, where, ctx)
    if not any(is_deep(source.url) for source in cluster.sources):  # a home page proves nothing about the cluster
        line = data.line_of("sources") if isinstance(data, LineDict) else where.line
        ctx.report(Where(where.path, line, "sources"), say("shallow-sources", got=describe(cluster.sources[0].url)))
        return None
    cluster._slug, cluster._path = slug, path
    return cluster


def is_deep(url: str) -> bool:
    """An address below a site's home page: a path or a query."""
    parts = urlsplit(url)
    return parts.path.strip("/") != "" or bool(parts.query)


def load_clusters(repo_root: Path, ctx: Context, cache: LoadCache | None = None) -> list[Cluster]:
    """Load and validate every cluster file; problems go to ctx.problems.
    With a `cache` (the preview's), a file read before in the same bytes is not read again."""
    folder = repo_root / "data" / "clusters"
    clusters = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        shown_as = path.relative_to(repo_root).as_posix()
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix == ".yaml":
            ctx.problems.add(shown_as, 1, "", say("cluster-yaml-suffix"))
            continue
        if path.suffix != ".yml":
            ctx.problems.add(shown_as, 1, "", say("cluster-not-yml"))
            continue
        slug = path.stem
        if not SLUG_PATTERN.fullmatch(slug) or slug in RESERVED_SLUGS:
            ctx.problems.add(shown_as, 1, "", say("cluster-file-name", got=describe(slug), suggestion=_suggest_slug(slug)))
            continue
        read = functools.partial(_load_cluster, path, shown_as, slug, ctx)
        cluster = read() if cache is None else cache.load(("cluster", shown_as, file_bytes(path)), ctx, read)
        if cluster is not None:
            clusters.append(cluster)
    return clusters


def _load_cluster(path: Path, shown_as: str, slug: str, ctx: Context) -> Cluster | None:
    before = len(ctx.problems)
    data = load_yaml(path, shown_as, ctx.problems)
    if data is None and len(ctx.problems) > before:
        return None  # unreadable: already reported
    return read_cluster(data, Where(shown_as, getattr(data, "line", 1) or 1), ctx, slug, shown_as)


def _suggest_slug(stem: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", stem.lower()).encode("ascii", "ignore").decode()
    suggestion = re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-")
    return suggestion if suggestion and suggestion not in RESERVED_SLUGS else "my-cluster"  # never the name just refused
