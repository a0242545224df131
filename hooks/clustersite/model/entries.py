"""News posts, success stories and events: Markdown pages with front matter.

Each entry is a pair of files, `<slug>.lt.md` (Lithuanian) and `<slug>.en.md`
(English), the layout the editing interface (Decap CMS, /admin/) writes; a
Lithuanian file written by hand as `<slug>.md` is read the same way. Text fields (title, summary, location) belong to each language;
every other field is shared: write it in the Lithuanian file, and if the
English file repeats it, it must be the same.
"""

from __future__ import annotations

import datetime as dt
import functools
import hashlib
import re
from pathlib import Path
from typing import Annotated, Any, ClassVar

from clustersite.model.fields import SLUG, Choice, Context, Date, DateTime, RepoFile, Str, Url, Where
from clustersite.model.load_cache import LoadCache, file_bytes
from clustersite.model.records import Check, FileRecord, Help, Record, list_checks, validate
from clustersite.model.sources import Source
from clustersite.source.front_matter import read_front_matter
from clustersite.text import urls
from clustersite.text.dates import VILNIUS
from clustersite.text.layout import NEWS_IMAGES
from clustersite.text.localized import LocalizedText
from clustersite.text.messages import say
from clustersite.text.problems import describe
from clustersite.text.urls import SECTIONS

TEXT_FIELDS = ("title", "summary", "location", "image_alt")
FILE_NAMES = {
    "news": (re.compile(rf"(\d{{4}}-\d{{2}}-\d{{2}})-{SLUG}"), say("shape-news")),
    "story": (re.compile(SLUG), say("shape-entry")),
    "event": (re.compile(SLUG), say("shape-entry")),
}


Text200 = Annotated[str, Check(Str(max_length=200))]
ClusterKey = Annotated[str, Check(Choice(vocabulary="clusters", noun="cluster", listed_in=say("listed-clusters")))]
TITLE_HELP = Help("Title in this file's language.", "Pavadinimas šio failo kalba.")
SUMMARY_HELP = Help("One or two sentences for lists and feeds.", "Vienas ar du sakiniai sąrašams ir naujienų srautams.")
CLUSTERS_HELP = Help("Slugs of the clusters concerned (file names in data/clusters/).", "Susijusių klasterių trumpiniai (failų vardai data/clusters/).")
DATE_HELP = Help("Publication date, YYYY-MM-DD.", "Paskelbimo data, MMMM-MM-DD.")
SOURCES_HELP = Help(
    "Where the facts come from: at least one exact page (url, title); written once, in the Lithuanian file.",
    "Iš kur faktai: bent vienas tikslus puslapis (url, title); rašomas vieną kartą, lietuviškame faile.",
)
# Every entry cites at least one source (REQUIRED_SHARED): `[]` or a blank
# `sources:` is refused with a message that shows what a source looks like.
NO_SOURCES = say("no-sources")
SourceList = Annotated[tuple[Source, ...], *list_checks(min_items=1, empty=NO_SOURCES), SOURCES_HELP]
IMAGE_HELP = Help(
    "A picture in data/images/, e.g. data/images/2026-03-04-forum.jpg (JPEG, PNG, WebP or SVG, at most 500 KB); give image_alt in both files.",
    "Paveikslėlis iš data/images/, pvz., data/images/2026-03-04-forumas.jpg (JPEG, PNG, WebP ar SVG, ne daugiau kaip 500 KB); abiejuose failuose nurodykite image_alt.",
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
    image: Annotated[
        Annotated[str, Check(RepoFile((".svg", ".png", ".jpg", ".jpeg", ".webp"), noun="image", width_hint=1200, folder=NEWS_IMAGES))] | None, IMAGE_HELP
    ] = None
    image_alt: Annotated[Text200 | None, IMAGE_ALT_HELP] = None
    sources: SourceList = ()


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
    sources: SourceList = ()


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
                    pattern_hint=say("hint-series"),
                )
            ),
        ]
        | None,
        SERIES_HELP,
    ] = None
    sources: SourceList = ()


FILES: dict[str, type[Record]] = {"news": NewsFile, "story": StoryFile, "event": EventFile}
"""Each kind's front matter model, by kind: the contract with editors (and the JSON Schemas)."""
REQUIRED_SHARED = {"news": ("date", "sources"), "story": ("date", "clusters", "sources"), "event": ("sources",)}
"""Fields each entry needs, given in either file (shared fields are written once, in the Lithuanian one)."""
REQUIRED_MESSAGES = {"sources": NO_SOURCES}
"""What an editor reads when one of them is left out or blank, where "missing" would not say what to write."""


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


def load_entries(repo_root: Path, docs_dir: Path, ctx: Context, cache: LoadCache | None = None) -> list[Entry]:
    """With a `cache` (the preview's), a pair read before in the same bytes, naming
    clusters from the same set of cluster files, is not read again."""
    entries = []
    clusters = hashlib.sha256("\n".join(sorted(ctx.vocabularies.get("clusters", {}))).encode("utf-8")).hexdigest() if cache else ""
    for kind in FILES:
        folder = docs_dir / SECTIONS[kind]
        if not folder.is_dir():
            continue
        stems = sorted({p.name.removesuffix(".md").removesuffix(".en").removesuffix(".lt") for p in folder.glob("*.md")} - {"index"})
        for stem in stems:
            read = functools.partial(_load_pair, kind, folder, stem, repo_root, ctx)
            if cache is None:
                entry = read()
            else:
                files = tuple(file_bytes(folder / f"{stem}{suffix}") for suffix in (".md", ".lt.md", ".en.md"))
                entry = cache.load(("entry", kind, folder.as_posix(), stem, files, clusters), ctx, read)
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
        ctx.problems.add(lt_shown if lt_path.exists() else en_shown, 1, "", say("entry-file-name", shape=shape, got=describe(stem)))
        return None
    if not lt_path.exists():
        ctx.problems.add(en_shown, 1, say("field-translation"), say("no-lithuanian-file", path=lt_shown))
        return None
    if not en_path.exists():
        ctx.problems.add(lt_shown, 1, say("field-translation"), say("no-english-file", path=en_shown))
        return None
    cleaned: dict[str, tuple[dict[str, Any] | None, Any]] = {}
    for lang, path, shown in (("lt", lt_path, lt_shown), ("en", en_path, en_shown)):
        meta = read_front_matter(path, shown, ctx.problems, ctx.site_links)
        record = None if meta is None else validate(FILES[kind], meta, Where(shown, meta.line or 1), ctx)
        given = {} if meta is None else meta
        cleaned[lang] = (None if record is None else {name: getattr(record, name) for name in type(record).model_fields if name in given}, meta)
    # Required shared fields are read from what the files say, before any
    # other problem stops the pair, so a blank date and a blank summary are
    # both reported in one run. A value given but wrong is the field check's.
    failed = _required_shared(kind, cleaned["lt"][1], cleaned["en"][1], lt_shown, ctx)
    if any(clean is None for clean, _ in cleaned.values()):
        return None  # both files were checked, so every problem is already reported
    (lt, lt_meta), (en, en_meta) = cleaned["lt"], cleaned["en"]
    assert lt is not None and en is not None
    lt, en = _set(lt), _set(en)
    for name, value in en.items():
        if name not in TEXT_FIELDS and name in lt and lt[name] != value:
            ctx.report(
                Where(en_shown, en_meta.line_of(name), name),
                say("differs-from-lithuanian", got=describe(as_typed(value)), path=lt_shown, theirs=describe(as_typed(lt[name]))),
            )
            failed = True
    shared = {k: v for k, v in {**en, **lt}.items() if k not in TEXT_FIELDS}
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
                say("news-date-not-file-name", got=shared["date"].isoformat(), file_date=file_date),
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


def as_typed(value: Any) -> str:
    """A value as an editor writes it: a time as 2027-02-14 17:00 in Vilnius
    time, not Python's 2027-02-14 17:00:00+02:00; a list as its items."""
    if isinstance(value, dt.datetime):
        return value.astimezone(VILNIUS).strftime("%Y-%m-%d %H:%M")
    if isinstance(value, tuple | list):
        return ", ".join(as_typed(item) for item in value)
    return str(value)


def _required_shared(kind: str, lt_meta: Any, en_meta: Any, lt_shown: str, ctx: Context) -> bool:
    """Report each required shared field neither file gives (absent, or written but left blank)."""
    if lt_meta is None:
        return False  # the Lithuanian file is unreadable, and that is reported
    failed = False
    for name in REQUIRED_SHARED[kind]:
        if any(meta is not None and meta.get(name) is not None for meta in (lt_meta, en_meta)):
            continue
        if name in lt_meta:  # written but left blank: say so on its own line
            ctx.report(Where(lt_shown, lt_meta.line_of(name), name), REQUIRED_MESSAGES.get(name) or say("empty-required"))
        else:
            ctx.report(Where(lt_shown, lt_meta.line or 1, name), REQUIRED_MESSAGES.get(name) or say("missing"))
        failed = True
    return failed


def _set(values: dict[str, Any]) -> dict[str, Any]:
    """The fields a file gives (an empty optional field is the same as an absent one)."""
    return {name: value for name, value in values.items() if value is not None and value != ()}


def _check_event_times(shared: dict[str, Any], meta, shown: str, ctx: Context) -> bool:
    start, end = shared.get("start"), shared.get("end")
    if end is not None and start is None:
        ctx.report(Where(shown, meta.line_of("end"), "end"), say("end-without-start"))
        return True
    if start is not None and end is not None:
        if isinstance(start, dt.datetime) != isinstance(end, dt.datetime):
            ctx.report(Where(shown, meta.line_of("end"), "end"), say("start-end-mixed"))
            return True
        if end < start:
            ctx.report(Where(shown, meta.line_of("end"), "end"), say("end-before-start", got=as_typed(end)))
            return True
    return False
