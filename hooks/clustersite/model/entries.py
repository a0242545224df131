"""News posts, success stories and events: Markdown pages with front matter.

Each entry is a pair of files, `<slug>.lt.md` (Lithuanian) and `<slug>.en.md`
(English), the layout the editing interface (Decap CMS, /admin/) writes; a
Lithuanian file written by hand as `<slug>.md` is read the same way. Text fields (title, summary, location) belong to each language;
every other field is shared: write it in the Lithuanian file, and if the
English file repeats it, it must be the same.
"""

from __future__ import annotations

import datetime as dt
import re
from pathlib import Path
from typing import Annotated, Any, ClassVar

from clustersite.model.fields import SLUG, Choice, Context, Date, DateTime, RepoFile, Str, Url, Where
from clustersite.model.records import Check, FileRecord, Help, Record, list_checks, validate
from clustersite.model.sources import Source
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


Text200 = Annotated[str, Check(Str(max_length=200))]
ClusterKey = Annotated[str, Check(Choice(vocabulary="clusters", noun="cluster", listed_in="data/clusters/ (the file name without .yml)"))]
TITLE_HELP = Help("Title in this file's language.", "Pavadinimas šio failo kalba.")
SUMMARY_HELP = Help("One or two sentences for lists and feeds.", "Vienas ar du sakiniai sąrašams ir naujienų srautams.")
CLUSTERS_HELP = Help("Slugs of the clusters concerned (file names in data/clusters/).", "Susijusių klasterių trumpiniai (failų vardai data/clusters/).")
DATE_HELP = Help("Publication date, YYYY-MM-DD.", "Paskelbimo data, MMMM-MM-DD.")
SOURCES_HELP = Help("Where the facts come from: the exact pages.", "Iš kur faktai: tikslūs puslapiai.")
IMAGE_HELP = Help(
    "Path to an image in the repository; give image_alt in both files.", "Paveikslėlio kelias saugykloje; abiejuose failuose nurodykite image_alt."
)
IMAGE_ALT_HELP = Help(
    "What the image shows, in this file's language (for people who cannot see it).", "Kas paveikslėlyje, šio failo kalba (tiems, kurie jo nemato)."
)
START_HELP = Help(
    "Start: YYYY-MM-DD or YYYY-MM-DD HH:MM (Vilnius time). Leave out if not announced.",
    "Pradžia: MMMM-MM-DD arba MMMM-MM-DD VV:MM (Vilniaus laiku). Praleiskite, jei nepaskelbta.",
)
SERIES_HELP = Help(
    "Key shared by the editions of a recurring event; their pages link to each other.", "Pasikartojančio renginio leidimų bendras raktas; jų puslapiai susieti."
)
Moment = dt.datetime | dt.date


# --- one file's front matter ---------------------------------------------------


class NewsFile(Record):
    """The front matter of a news post (each language's file)."""

    title: Annotated[str, Check(Str(max_length=200)), TITLE_HELP]
    date: Annotated[Annotated[dt.date, Check(Date())] | None, DATE_HELP] = None
    summary: Annotated[Annotated[str, Check(Str(max_length=300))] | None, SUMMARY_HELP] = None
    clusters: Annotated[tuple[ClusterKey, ...], *list_checks(unique=True), CLUSTERS_HELP] = ()
    tags: Annotated[
        tuple[Annotated[str, Check(Choice(vocabulary="tags", noun="tag"))], ...],
        *list_checks(unique=True),
        Help("Keys from data/tags.yml.", "Raktai iš data/tags.yml."),
    ] = ()
    image: Annotated[Annotated[str, Check(RepoFile((".svg", ".png", ".jpg", ".jpeg", ".webp"), noun="image", width_hint=1200))] | None, IMAGE_HELP] = None
    image_alt: Annotated[Text200 | None, IMAGE_ALT_HELP] = None
    sources: Annotated[tuple[Source, ...], *list_checks(), SOURCES_HELP] = ()


class StoryFile(Record):
    """The front matter of a success story (each language's file)."""

    title: Annotated[str, Check(Str(max_length=200)), TITLE_HELP]
    date: Annotated[Annotated[dt.date, Check(Date())] | None, DATE_HELP] = None
    summary: Annotated[str, Check(Str(max_length=300)), SUMMARY_HELP]
    # required (REQUIRED_SHARED): `[]` is "empty", not "leave it out"
    clusters: Annotated[tuple[ClusterKey, ...], *list_checks(min_items=1, unique=True), CLUSTERS_HELP] = ()
    sectors: Annotated[
        tuple[Annotated[str, Check(Choice(vocabulary="sectors", noun="sector"))], ...],
        *list_checks(unique=True),
        Help("Keys from data/sectors.yml.", "Raktai iš data/sectors.yml."),
    ] = ()
    sources: Annotated[tuple[Source, ...], *list_checks(), SOURCES_HELP] = ()


class EventFile(Record):
    """The front matter of an event (each language's file)."""

    title: Annotated[str, Check(Str(max_length=200)), TITLE_HELP]
    summary: Annotated[Annotated[str, Check(Str(max_length=300))] | None, SUMMARY_HELP] = None
    clusters: Annotated[tuple[ClusterKey, ...], *list_checks(unique=True), CLUSTERS_HELP] = ()
    start: Annotated[Annotated[Moment, Check(DateTime())] | None, START_HELP] = None
    end: Annotated[Annotated[Moment, Check(DateTime())] | None, Help("End, same form as start.", "Pabaiga, kaip ir pradžia.")] = None
    location: Annotated[Text200 | None, Help("Where, in this file's language.", "Vieta šio failo kalba.")] = None
    organiser: Annotated[Text200 | None, Help("Who organises it.", "Organizatorius.")] = None
    url: Annotated[Annotated[str, Check(Url())] | None, Help("The event's own page.", "Renginio puslapis.")] = None
    series: Annotated[
        Annotated[
            str,
            Check(
                Str(
                    max_length=80,
                    pattern=SLUG,
                    pattern_hint="a short key in lowercase letters, digits and hyphens, shared by every edition, e.g. baltic-cluster-forum",
                )
            ),
        ]
        | None,
        SERIES_HELP,
    ] = None
    sources: Annotated[tuple[Source, ...], *list_checks(), SOURCES_HELP] = ()


FILES: dict[str, type[Record]] = {"news": NewsFile, "story": StoryFile, "event": EventFile}
"""Each kind's front matter model, by kind: the contract with editors (and the JSON Schemas)."""
REQUIRED_SHARED = {"news": ("date",), "story": ("date", "clusters"), "event": ()}


# --- the records: a pair of files as one entry -------------------------------


class EntryRecord(FileRecord):
    """What news, stories and events share: texts in both languages, the
    clusters they concern, their sources, and where their page is."""

    title: LocalizedText
    summary: LocalizedText | None = None
    clusters: tuple[str, ...] = ()
    sources: tuple[Source, ...] = ()

    kind: ClassVar[str] = ""  # path: the Lithuanian file

    @property
    def section(self) -> str:
        return SECTIONS[self.kind]

    @property
    def page(self) -> str:
        """Site path of the entry (language prefix not included)."""
        return urls.entry(self.kind, self.slug)

    @property
    def first_moment(self) -> Moment | None:
        """When it happens (an event's start) or was published; None if not known."""
        return None

    @property
    def last_day(self) -> dt.date | None:
        return None

    @property
    def sort_moment(self) -> dt.datetime:
        moment = self.first_moment
        if moment is None:
            return dt.datetime.max.replace(tzinfo=dt.UTC)
        if isinstance(moment, dt.datetime):
            return moment
        return dt.datetime(moment.year, moment.month, moment.day, tzinfo=VILNIUS)


class News(EntryRecord):
    kind: ClassVar[str] = "news"
    date: dt.date
    tags: tuple[str, ...] = ()
    image: str | None = None
    image_alt: LocalizedText | None = None

    @property
    def first_moment(self) -> Moment | None:
        return self.date


class Story(EntryRecord):
    kind: ClassVar[str] = "story"
    date: dt.date
    sectors: tuple[str, ...] = ()

    @property
    def first_moment(self) -> Moment | None:
        return self.date


class Event(EntryRecord):
    kind: ClassVar[str] = "event"
    start: Moment | None = None
    end: Moment | None = None
    location: LocalizedText | None = None
    organiser: str | None = None
    url: str | None = None
    series: str | None = None

    @property
    def first_moment(self) -> Moment | None:
        return self.start

    @property
    def last_day(self) -> dt.date | None:
        moment = self.end or self.start
        if isinstance(moment, dt.datetime):
            return moment.astimezone(VILNIUS).date()
        return moment


Entry = News | Story | Event
RECORDS: dict[str, type[EntryRecord]] = {"news": News, "story": Story, "event": Event}


def load_entries(repo_root: Path, docs_dir: Path, ctx: Context) -> list[Entry]:
    entries = []
    for kind in FILES:
        folder = docs_dir / SECTIONS[kind]
        if not folder.is_dir():
            continue
        stems = sorted({p.name.removesuffix(".md").removesuffix(".en").removesuffix(".lt") for p in folder.glob("*.md")} - {"index"})
        for stem in stems:
            entry = _load_pair(kind, folder, stem, repo_root, ctx)
            if entry is not None:
                entries.append(entry)
    return entries


def _load_pair(kind: str, folder: Path, stem: str, repo_root: Path, ctx: Context) -> Entry | None:
    lt_path, en_path = folder / f"{stem}.lt.md", folder / f"{stem}.en.md"
    if (folder / f"{stem}.md").exists():
        if lt_path.exists():  # mkdocs-static-i18n would stop on the pair
            shown = (folder / f"{stem}.md").relative_to(repo_root).as_posix()
            ctx.problems.add(shown, 1, "", say("entry-two-lithuanian-files", keep=lt_path.name))
            return None
        lt_path = folder / f"{stem}.md"
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
    cleaned: dict[str, tuple[dict[str, Any] | None, Any]] = {}
    for lang, path, shown in (("lt", lt_path, lt_shown), ("en", en_path, en_shown)):
        meta = read_front_matter(path, shown, ctx.problems)
        record = None if meta is None else validate(FILES[kind], meta, Where(shown, meta.line or 1), ctx)
        given = {} if meta is None else meta
        cleaned[lang] = (None if record is None else {name: getattr(record, name) for name in type(record).model_fields if name in given}, meta)
    if any(clean is None for clean, _ in cleaned.values()):
        return None  # both files were checked, so every problem is already reported
    (lt, lt_meta), (en, en_meta) = cleaned["lt"], cleaned["en"]
    assert lt is not None and en is not None
    lt, en = _set(lt), _set(en)
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
        file_date = stem[:10]  # the file name matched FILE_NAMES['news'] above: it starts with the date
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
    texts = {name: LocalizedText(lt[name], en.get(name)) for name in TEXT_FIELDS if name in lt}
    # Every value was checked above, file by file: the record is put together, not validated again.
    entry: Entry = RECORDS[kind].model_construct(None, **shared, **texts)  # type: ignore[assignment]
    entry._slug, entry._path = stem, lt_shown
    return entry


def _set(values: dict[str, Any]) -> dict[str, Any]:
    """The fields a file gives (an empty optional field is the same as an absent one)."""
    return {name: value for name, value in values.items() if value is not None and value != ()}


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
