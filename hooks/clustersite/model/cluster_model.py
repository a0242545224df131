"""The cluster profile: its schema (the contract with editors) and typed rows.

One file per cluster, `data/clusters/<slug>.yml`. The schema below is the
single definition of the fields; README.md documents it for people.
"""

from __future__ import annotations

import re
import unicodedata
from pathlib import Path
from typing import Any

from clustersite.model.fields import (
    INVALID,
    SLUG,
    Bool,
    Choice,
    Context,
    Date,
    Email,
    Field,
    ListOf,
    MarkdownStr,
    Number,
    Obj,
    RepoFile,
    Str,
    Text,
    Url,
    Where,
    Year,
)
from clustersite.model.labels import LabelFacts, label_rule
from clustersite.model.sources import SOURCE
from clustersite.source.yaml_source import LineDict, load_yaml
from clustersite.text.localized import LocalizedText
from clustersite.text.problems import describe

SLUG_PATTERN = re.compile(SLUG)
RESERVED_SLUGS = {"index"}  # klasteriai/index.md is the directory page
MEMBER_TYPES = ("company", "research", "education", "public", "association", "other")
# Lithuania's bounding box, generously rounded; a point outside is a typo
# (swapped lat/lon, a missing minus sign is impossible here).
LAT_RANGE, LON_RANGE = (53.85, 56.50), (20.90, 26.90)


def localized(max_length: int | None = None, required: bool = True, text: type[Str] = Str) -> Obj:
    return Obj(
        [
            Field("lt", text(max_length=max_length), required=required, description=Text("Lithuanian text.", "Tekstas lietuviškai.")),
            Field(
                "en",
                text(max_length=max_length),
                description=Text(
                    "English text; if missing, the Lithuanian text is shown with a note.", "Tekstas angliškai; jei jo nėra, rodomas lietuviškas su pastaba."
                ),
            ),
        ],
        record=LocalizedText,
    )


def _member_count_rule(clean: dict[str, Any], lines: LineDict, where: Where, ctx: Context) -> None:
    listed = len(clean.get("members", []))
    count = clean.get("member_count", {}).get("value")
    if count is not None and count < listed:
        ctx.report(
            where.key("member_count", lines.line_of("member_count")).key("value", _line_in(lines.get("member_count"), "value")),
            f"smaller than the {listed} members listed (got {count}); correct it or remove it",
        )


def _line_in(raw: Any, key: str) -> int:
    return raw.line_of(key) if isinstance(raw, LineDict) else 0


class ClusterFacts:
    """What a cluster record derives from its fields."""

    @property
    def members_total(self) -> int | None:
        """Members as far as known: the source's count, else the list's length."""
        return self.member_count.value if self.member_count else len(self.members) or None

    @property
    def current_label(self):
        """The highest valid label; if none is valid, the most recent expired one."""
        valid = [label for label in self.labels if label.status == "valid"]
        if valid:
            return max(valid, key=lambda label: (label.rank, label.awarded_on))
        expired = [label for label in self.labels if label.status == "expired"]
        return max(expired, key=lambda label: label.ends, default=None)


CLUSTER = Obj(
    [
        Field("name", localized(max_length=150), required=True, description=Text("The cluster's name.", "Klasterio pavadinimas.")),
        Field(
            "summary",
            localized(max_length=200),
            required=True,
            description=Text(
                "One sentence for cards and search results, at most 200 characters.", "Vienas sakinys kortelėms ir paieškai, ne daugiau kaip 200 simbolių."
            ),
        ),
        Field(
            "description", localized(required=True, text=MarkdownStr), description=Text("A longer description in Markdown.", "Ilgesnis aprašymas (Markdown).")
        ),
        Field(
            "sectors",
            ListOf(Choice(vocabulary="sectors", noun="sector"), unique=True),
            example="[ict]",
            description=Text(
                "Keys from data/sectors.yml; leave out when no source names one.", "Raktai iš data/sectors.yml; praleiskite, jei šaltinis jų nenurodo."
            ),
        ),
        Field(
            "county",
            Choice(vocabulary="counties", noun="county"),
            example="vilnius",
            description=Text("A key from data/counties.yml.", "Raktas iš data/counties.yml."),
        ),
        Field("city", Str(max_length=80), description=Text("City or town.", "Miestas ar miestelis.")),
        Field(
            "location",
            Obj(
                [
                    Field(
                        "lat",
                        Number(*LAT_RANGE, unit_hint=" (latitude inside Lithuania)"),
                        required=True,
                        example="54.6872",
                        description=Text("Latitude in degrees (WGS 84).", "Platuma laipsniais (WGS 84)."),
                    ),
                    Field(
                        "lon",
                        Number(*LON_RANGE, unit_hint=" (longitude inside Lithuania)"),
                        required=True,
                        example="25.2797",
                        description=Text("Longitude in degrees (WGS 84).", "Ilguma laipsniais (WGS 84)."),
                    ),
                ],
                name="Location",
            ),
            description=Text("Map point inside Lithuania.", "Taškas žemėlapyje Lietuvoje."),
        ),
        Field("founded", Year(), description=Text("Year the cluster was founded.", "Klasterio įkūrimo metai.")),
        Field("website", Url(), description=Text("The cluster's website.", "Klasterio svetainė.")),
        Field(
            "contact",
            Obj(
                [
                    Field("email", Email(), description=Text("An organisation's e-mail (never a person's).", "Organizacijos el. paštas (ne asmens).")),
                    Field(
                        "phone",
                        example="+370 5 123 4567",
                        spec=Str(pattern=r"\+?[0-9][0-9 ()-]{5,20}", pattern_hint="not a phone number; write it like +370 5 123 4567"),
                        description=Text("An organisation's phone number.", "Organizacijos telefono numeris."),
                    ),
                    Field("address", Str(max_length=200), description=Text("Postal address.", "Pašto adresas.")),
                ],
                name="Contact",
            ),
            description=Text(
                "Public organisational contact details; no personal phone numbers or e-mails.",
                "Vieši organizacijos kontaktai; jokių asmeninių telefonų ar el. pašto adresų.",
            ),
        ),
        Field(
            "coordinator",
            Obj(
                [
                    Field(
                        "name",
                        localized(max_length=150),
                        required=True,
                        description=Text("The organisation's name; in English too where it has one.", "Organizacijos pavadinimas; ir angliškai, jei jis yra."),
                    ),
                    Field("website", Url(), description=Text("The organisation's website.", "Organizacijos svetainė.")),
                ],
                name="Coordinator",
            ),
            description=Text("The organisation that manages the cluster.", "Klasterį koordinuojanti organizacija."),
        ),
        Field(
            "members",
            ListOf(
                Obj(
                    [
                        Field(
                            "name", Str(max_length=150), required=True, description=Text("The member organisation's name.", "Narės organizacijos pavadinimas.")
                        ),
                        Field("website", Url(), description=Text("The member's website.", "Nario svetainė.")),
                        Field(
                            "type",
                            Choice(MEMBER_TYPES, noun="member type"),
                            description=Text("Kind of organisation: " + ", ".join(MEMBER_TYPES) + ".", "Organizacijos rūšis: " + ", ".join(MEMBER_TYPES) + "."),
                        ),
                    ],
                    name="Member",
                )
            ),
            description=Text("Member organisations.", "Nariai (organizacijos)."),
        ),
        Field(
            "member_count",
            Obj(
                [
                    Field("value", Number(1, 10_000, integer=True), required=True, example="25", description=Text("How many members.", "Kiek narių.")),
                    Field(
                        "as_of",
                        Date(allow_year=True),
                        required=True,
                        description=Text("When the count held: the source's date, or its year.", "Kada tiek buvo: šaltinio data arba metai."),
                    ),
                ],
                name="MemberCount",
            ),
            description=Text(
                "Number of members as a source gives it, with the date it held; counts change.",
                "Narių skaičius pagal šaltinį ir data, kada jis galiojo; skaičiai keičiasi.",
            ),
        ),
        Field(
            "labels",
            ListOf(
                Obj(
                    [
                        Field(
                            "level",
                            Choice(("bronze", "silver", "gold"), noun="label level"),
                            required=True,
                            description=Text("Label level: bronze, silver or gold.", "Ženklo lygis: bronze, silver arba gold."),
                        ),
                        Field(
                            "issuer",
                            Choice(("ESCA", "EUCLES"), noun="issuer"),
                            required=True,
                            description=Text("Who awarded the label.", "Kas suteikė ženklą."),
                        ),
                        Field(
                            "awarded",
                            Date(allow_year=True),
                            required=True,
                            description=Text("When it was awarded: a date, or the year alone.", "Kada suteiktas: data arba tik metai."),
                        ),
                        Field(
                            "valid_until",
                            Date(allow_year=True, not_future=False),
                            description=Text("Last day of validity if the source gives it.", "Paskutinė galiojimo diena, jei ją nurodo šaltinis."),
                        ),
                        Field("url", Url(), description=Text("Page confirming the label.", "Ženklą patvirtinantis puslapis.")),
                    ],
                    rule=label_rule,
                    name="Label",
                    base=LabelFacts,
                    from_context={"checked_on": lambda ctx: ctx.build_date},
                )
            ),
            description=Text(
                "Cluster excellence labels; valid_until defaults to two years after awarded.",
                "Klasterių kokybės ženklai; valid_until – pagal nutylėjimą dveji metai nuo suteikimo.",
            ),
        ),
        Field(
            "maturity",
            Obj(
                [
                    Field(
                        "level",
                        Choice(vocabulary="maturity", noun="maturity level"),
                        required=True,
                        example="developing",
                        description=Text("A key from data/maturity.yml.", "Raktas iš data/maturity.yml."),
                    ),
                    Field("assessed", Date(), description=Text("When the level was assessed.", "Kada lygis įvertintas.")),
                ],
                name="Maturity",
            ),
            description=Text("Maturity level (data/maturity.yml).", "Brandos lygis (data/maturity.yml)."),
        ),
        Field("open_to_members", Bool(), description=Text("Does the cluster accept new members?", "Ar klasteris priima naujų narių?")),
        Field("join", localized(text=MarkdownStr), description=Text("How to join, in Markdown.", "Kaip prisijungti (Markdown).")),
        Field(
            "programmes",
            ListOf(Choice(vocabulary="programmes", noun="programme"), unique=True),
            example="[inolink]",
            description=Text("Keys from data/programmes.yml.", "Raktai iš data/programmes.yml."),
        ),
        Field(
            "logo",
            RepoFile((".svg", ".png", ".jpg", ".jpeg", ".webp"), noun="logo", width_hint=400),
            description=Text("Path to the logo in the repository, e.g. data/logos/litek.svg.", "Logotipo kelias saugykloje, pvz., data/logos/litek.svg."),
        ),
        Field(
            "sources",
            ListOf(SOURCE, min_items=1),
            required=True,
            description=Text("Where the facts come from; at least one.", "Iš kur paimti faktai; bent vienas šaltinis."),
        ),
        Field("updated", Date(), description=Text("When the profile was last checked.", "Kada profilis paskutinį kartą tikrintas.")),
    ],
    rule=_member_count_rule,
    name="Cluster",
    base=ClusterFacts,
    leading=("slug", "path"),
)
Cluster = CLUSTER.record


def load_clusters(repo_root: Path, ctx: Context) -> list[Cluster]:
    """Load and validate every cluster file; problems go to ctx.problems."""
    folder = repo_root / "data" / "clusters"
    clusters = []
    for path in sorted(folder.iterdir()) if folder.is_dir() else []:
        shown_as = path.relative_to(repo_root).as_posix()
        if path.name.startswith(".") or path.is_dir():
            continue
        if path.suffix == ".yaml":
            ctx.problems.add(shown_as, 0, "", "cluster files end in .yml; rename it")
            continue
        if path.suffix != ".yml":
            ctx.problems.add(shown_as, 0, "", "only <slug>.yml files belong in data/clusters/; move or delete it")
            continue
        slug = path.stem
        if not SLUG_PATTERN.fullmatch(slug) or slug in RESERVED_SLUGS:
            ctx.problems.add(
                shown_as,
                0,
                "",
                f"the file name is the page address, so it must be lowercase letters a-z, digits and hyphens, and not 'index' (got {describe(slug)}); rename it, e.g. {_suggest_slug(slug)}.yml",
            )
            continue
        before = len(ctx.problems)
        data = load_yaml(path, shown_as, ctx.problems)
        if data is None and len(ctx.problems) > before:
            continue  # unreadable: already reported
        clean = CLUSTER.check(data, Where(shown_as, getattr(data, "line", 1) or 1), ctx)
        if clean is not INVALID:
            clusters.append(CLUSTER.build(clean, ctx, slug=slug, path=shown_as))
    return clusters


def _suggest_slug(stem: str) -> str:
    ascii_text = unicodedata.normalize("NFKD", stem.lower()).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", ascii_text).strip("-") or "my-cluster"
