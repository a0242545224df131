"""News posts, success stories and events: Markdown pages with front matter.

Each entry is a pair of files, `<slug>.md` (Lithuanian) and `<slug>.en.md`
(English). Text fields (title, summary, location) belong to each language;
every other field is shared: write it in the Lithuanian file, and if the
English file repeats it, it must be the same.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import replace
from pathlib import Path
from typing import Any

from clustersite.model.fields import INVALID, SLUG, Choice, Context, Date, DateTime, Field, ListOf, Obj, RepoFile, Str, Text, Url, Where
from clustersite.model.sources import SOURCE
from clustersite.source.front_matter import read_front_matter
from clustersite.text import urls
from clustersite.text.dates import VILNIUS
from clustersite.text.localized import LocalizedText
from clustersite.text.messages import say
from clustersite.text.problems import describe
from clustersite.text.urls import SECTIONS

TEXT_FIELDS = ("title", "summary", "location", "image_alt")
FILE_NAMES = {
    "news": (re.compile(rf"(\d{{4}}-\d{{2}}-\d{{2}})-{SLUG}"), "yyyy-mm-dd-short-name, e.g. 2020-02-20-inolink"),
    "story": (re.compile(SLUG), "short-name in lowercase letters, digits and hyphens"),
    "event": (re.compile(SLUG), "short-name in lowercase letters, digits and hyphens"),
}


TITLE = Field("title", Str(max_length=200), True, Text("Title in this file's language.", "Pavadinimas šio failo kalba."))
SUMMARY = Field(
    "summary", Str(max_length=300), description=Text("One or two sentences for lists and feeds.", "Vienas ar du sakiniai sąrašams ir naujienų srautams.")
)
CLUSTERS = Field(
    "clusters",
    ListOf(Choice(vocabulary="clusters", noun="cluster", listed_in="data/clusters/ (the file name without .yml)"), unique=True),
    description=Text("Slugs of the clusters concerned (file names in data/clusters/).", "Susijusių klasterių trumpiniai (failų vardai data/clusters/)."),
)
DATE = Field("date", Date(), description=Text("Publication date, YYYY-MM-DD.", "Paskelbimo data, MMMM-MM-DD."))
SOURCES = Field("sources", ListOf(SOURCE), description=Text("Where the facts come from: the exact pages.", "Iš kur faktai: tikslūs puslapiai."))

SCHEMAS = {
    "news": Obj(
        [
            TITLE,
            DATE,
            SUMMARY,
            CLUSTERS,
            Field("tags", ListOf(Choice(vocabulary="tags", noun="tag"), unique=True), description=Text("Keys from data/tags.yml.", "Raktai iš data/tags.yml.")),
            Field(
                "image",
                RepoFile((".svg", ".png", ".jpg", ".jpeg", ".webp"), noun="image", width_hint=1200),
                description=Text(
                    "Path to an image in the repository; give image_alt in both files.",
                    "Paveikslėlio kelias saugykloje; abiejuose failuose nurodykite image_alt.",
                ),
            ),
            Field(
                "image_alt",
                Str(max_length=200),
                description=Text(
                    "What the image shows, in this file's language (for people who cannot see it).",
                    "Kas paveikslėlyje, šio failo kalba (tiems, kurie jo nemato).",
                ),
            ),
            SOURCES,
        ]
    ),
    "story": Obj(
        [
            TITLE,
            DATE,
            replace(SUMMARY, required=True),
            replace(CLUSTERS, spec=ListOf(CLUSTERS.spec.item, min_items=1, unique=True)),  # required (REQUIRED_SHARED): `[]` is "empty", not "leave it out"
            Field(
                "sectors",
                ListOf(Choice(vocabulary="sectors", noun="sector"), unique=True),
                description=Text("Keys from data/sectors.yml.", "Raktai iš data/sectors.yml."),
            ),
            SOURCES,
        ]
    ),
    "event": Obj(
        [
            TITLE,
            SUMMARY,
            CLUSTERS,
            Field(
                "start",
                DateTime(),
                description=Text(
                    "Start: YYYY-MM-DD or YYYY-MM-DD HH:MM (Vilnius time). Leave out if not announced.",
                    "Pradžia: MMMM-MM-DD arba MMMM-MM-DD VV:MM (Vilniaus laiku). Praleiskite, jei nepaskelbta.",
                ),
            ),
            Field("end", DateTime(), description=Text("End, same form as start.", "Pabaiga, kaip ir pradžia.")),
            Field("location", Str(max_length=200), description=Text("Where, in this file's language.", "Vieta šio failo kalba.")),
            Field("organiser", Str(max_length=200), description=Text("Who organises it.", "Organizatorius.")),
            Field("url", Url(), description=Text("The event's own page.", "Renginio puslapis.")),
            Field(
                "series",
                Str(
                    max_length=80,
                    pattern=SLUG,
                    pattern_hint="a short key in lowercase letters, digits and hyphens, shared by every edition, e.g. baltic-cluster-forum",
                ),
                description=Text(
                    "Key shared by the editions of a recurring event; their pages link to each other.",
                    "Pasikartojančio renginio leidimų bendras raktas; jų puslapiai susieti.",
                ),
            ),
            SOURCES,
        ]
    ),
}
REQUIRED_SHARED = {"news": ("date",), "story": ("date", "clusters"), "event": ()}


class EntryFacts:
    """What an entry record derives from its fields."""

    @property
    def section(self) -> str:
        return SECTIONS[self.kind]

    @property
    def page(self) -> str:
        """Site path of the entry (language prefix not included)."""
        return urls.entry(self.kind, self.slug)

    @property
    def last_day(self) -> dt.date | None:
        moment = self.end or self.start
        if isinstance(moment, dt.datetime):
            return moment.astimezone(VILNIUS).date()
        return moment

    @property
    def sort_moment(self) -> dt.datetime:
        moment = self.start or self.date
        if moment is None:
            return dt.datetime.max.replace(tzinfo=dt.UTC)
        if isinstance(moment, dt.datetime):
            return moment
        return dt.datetime(moment.year, moment.month, moment.day, tzinfo=VILNIUS)


def _all_fields() -> list[Field]:
    """Every kind's fields, each once, in first-seen order: one record type serves all kinds."""
    seen: dict[str, Field] = {}
    for schema in SCHEMAS.values():
        for name, field in schema.fields.items():
            seen.setdefault(name, field)
    return list(seen.values())


ENTRY = Obj(_all_fields(), name="Entry", base=EntryFacts, leading=("kind", "slug", "path"))
Entry = ENTRY.record


def load_entries(repo_root: Path, docs_dir: Path, ctx: Context) -> list[Entry]:
    entries = []
    for kind in SCHEMAS:
        folder = docs_dir / SECTIONS[kind]
        if not folder.is_dir():
            continue
        stems = sorted({p.name.removesuffix(".md").removesuffix(".en") for p in folder.glob("*.md")} - {"index"})
        for stem in stems:
            entry = _load_pair(kind, folder, stem, repo_root, ctx)
            if entry is not None:
                entries.append(entry)
    return entries


def _load_pair(kind: str, folder: Path, stem: str, repo_root: Path, ctx: Context) -> Entry | None:
    lt_path, en_path = folder / f"{stem}.md", folder / f"{stem}.en.md"
    lt_shown, en_shown = (p.relative_to(repo_root).as_posix() for p in (lt_path, en_path))
    pattern, shape = FILE_NAMES[kind]
    if not pattern.fullmatch(stem):
        ctx.problems.add(
            lt_shown if lt_path.exists() else en_shown, 1, "", f"the file name is the page address and must look like {shape} (got {describe(stem)}); rename it"
        )
        return None
    if not lt_path.exists():
        ctx.problems.add(en_shown, 1, "translation", f"no Lithuanian version; add {lt_shown} (the Lithuanian page is the main one)")
        return None
    if not en_path.exists():
        ctx.problems.add(lt_shown, 1, "translation", f"no English version; add {en_shown} with at least a translated title")
        return None
    cleaned = {}
    for lang, path, shown in (("lt", lt_path, lt_shown), ("en", en_path, en_shown)):
        meta = read_front_matter(path, shown, ctx.problems)
        clean = INVALID if meta is None else SCHEMAS[kind].check(meta, Where(shown, meta.line or 1), ctx)
        cleaned[lang] = (clean, meta)
    if any(clean is INVALID for clean, _ in cleaned.values()):
        return None  # both files were checked, so every problem is already reported
    (lt, lt_meta), (en, en_meta) = cleaned["lt"], cleaned["en"]
    failed = False
    for name, value in en.items():
        if name not in TEXT_FIELDS and name in lt and lt[name] != value:
            ctx.report(
                Where(en_shown, en_meta.line_of(name), name),
                f"differs from the Lithuanian file (got {describe(str(value))}, {lt_shown} has {describe(str(lt[name]))}); "
                "keep them the same or leave the field out of the English file",
            )
            failed = True
    shared = {k: v for k, v in {**en, **lt}.items() if k not in TEXT_FIELDS}
    for name in REQUIRED_SHARED[kind]:
        if not shared.get(name):
            if name in lt_meta:  # written but left blank: say so on its own line
                ctx.report(Where(lt_shown, lt_meta.line_of(name), name), say("empty-required"))
            else:
                ctx.report(Where(lt_shown, lt_meta.line or 1, name), say("missing"))
            failed = True
    if "image" in shared:  # the alt text is per language, like the title
        for meta, shown, clean in ((lt_meta, lt_shown, lt), (en_meta, en_shown, en)):
            if "image_alt" not in clean:
                ctx.report(Where(shown, meta.line_of("image_alt") if "image_alt" in meta else meta.line or 1, "image_alt"), say("image-alt-missing"))
                failed = True
    if kind == "news":
        file_date = pattern.fullmatch(stem)[1]
        if "date" in shared and shared["date"].isoformat() != file_date:
            ctx.report(
                Where(lt_shown, lt_meta.line_of("date"), "date"),
                f"does not match the date in the file name (got {shared['date'].isoformat()}, file name says {file_date}); make them the same",
            )
            failed = True
    if kind == "event":
        failed |= _check_event_times(shared, lt_meta, lt_shown, ctx)
    if failed:
        return None
    values = ENTRY.build(shared, ctx, kind=kind, slug=stem, path=lt_shown)
    texts = {name: LocalizedText(lt[name], en.get(name)) for name in TEXT_FIELDS if name in lt}
    return replace(values, **texts)


def _check_event_times(shared: dict[str, Any], meta, shown: str, ctx: Context) -> bool:
    start, end = shared.get("start"), shared.get("end")
    if end is not None and start is None:
        ctx.report(Where(shown, meta.line_of("end"), "end"), "given without start; add start or remove end")
        return True
    if start is not None and end is not None:
        if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
            ctx.report(Where(shown, meta.line_of("end"), "end"), "give both start and end as dates, or both with times")
            return True
        if end < start:
            ctx.report(Where(shown, meta.line_of("end"), "end"), f"earlier than start (got {end}); an event ends after it starts")
            return True
    return False
