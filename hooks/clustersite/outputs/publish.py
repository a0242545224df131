"""Files written after the pages: media, feeds, per-language 404 pages and,
once every language is built, the search index, sitemaps and host files.

mkdocs-static-i18n builds the whole site once per language into one folder,
the default language first; `Build` says which language this is and
whether it is the last.
"""

from __future__ import annotations

import functools
import hashlib
import shutil
from pathlib import Path
from urllib.parse import urljoin

from clustersite.derived import open_data
from clustersite.derived.same_inputs import PerKey
from clustersite.model.site_data import SiteData
from clustersite.outputs import language_process, reuse
from clustersite.outputs.admin import write_admin
from clustersite.outputs.build import Build, base_path, language_root
from clustersite.outputs.feeds import FeedContext, atom_feed, calendar
from clustersite.outputs.html_fixes import fix_page, write_corrected_stylesheet
from clustersite.outputs.search_index import OUTPUT, BackgroundIndex, Indexing, finish_search_index, language_index_dir, merge_index, start_language_index
from clustersite.outputs.security_headers import headers_file, inline_scripts, unlisted_scripts
from clustersite.outputs.sitemaps import language_sitemap
from clustersite.text import urls
from clustersite.text.errors import ScriptNotListed
from clustersite.text.localized import DEFAULT_LANGUAGE


def check_scripts(html: str, page: str, scope: str) -> None:
    """Raise ScriptNotListed, naming the page, if it has an unlisted inline script."""
    if found := unlisted_scripts(html, inline_scripts(scope)):
        shown = found[0] if len(found[0]) <= 200 else found[0][:200] + "…"
        raise ScriptNotListed(
            f"{page}: an inline script that the Content-Security-Policy does not allow: <script>{shown}</script>. "
            "Text from content never becomes a script, so look for where it came from; if it is a new script of "
            "Material's or the project's own, review it and add it to hooks/clustersite/outputs/security_headers.py."
        )


PREVIEW_SEARCH = BackgroundIndex()


class UnchangedFiles:
    """Under `mkdocs serve`: what this process last wrote to each path (a
    digest), so that a rebuild leaves a file alone when its bytes are the
    same. At 1,000 clusters a rebuild makes some 10,000 feeds, embeds, badges
    and open data files, nearly all as they were; opening each for writing
    was a third of the preview's time on a busy disk. A file that is gone
    (a full rebuild empties the folder) is written again."""

    def __init__(self) -> None:
        self.active = False
        self.digests: dict[Path, bytes] = {}

    def unchanged(self, path: Path, data: bytes) -> bool:
        if not self.active:
            return False
        digest = hashlib.blake2b(data, digest_size=16).digest()
        if self.digests.get(path) == digest and path.is_file():
            return True
        self.digests[path] = digest
        return False

    def forget(self) -> None:
        """Another writer changed the folder (the error site): write every file again."""
        self.digests.clear()


PREVIEW_FILES = UnchangedFiles()


class SearchIndexes:
    """`mkdocs build`: each language's search index, started as soon as its
    pages are written (search_index.py), so that Pagefind runs beside the
    rest of the build; waited for before the site is finished. A build that
    stops leaves no Pagefind running and no index behind."""

    def __init__(self) -> None:
        self.started: list[Indexing] = []
        self.folders: set[Path] = set()  # the index folders this build may have made

    def start(self, build: Build) -> None:
        output = language_index_dir(build.final_site_dir, build.lang_root)
        other_roots = build.others if build.lang == DEFAULT_LANGUAGE else ()
        # The default language's process finishes the site, so it also clears what a failed fork left.
        self.folders |= {output, *(language_index_dir(build.final_site_dir, language_root(code)) for code in other_roots)}
        if indexing := start_language_index(build.site_dir, build.lang_root, other_roots, output):
            self.started.append(indexing)

    def wait(self) -> None:
        for indexing in self.started:
            if indexing.process.returncode is None:
                finish_search_index(indexing)

    def done(self) -> None:
        """The indexes are in the site: nothing to undo if the build stops later."""
        self.started, self.folders = [], set()

    def stop(self) -> None:
        started, folders = self.started, self.folders
        self.done()
        for indexing in started:
            if indexing.process.returncode is None:
                indexing.process.kill()
                indexing.process.communicate()
        for folder in folders:
            shutil.rmtree(folder, ignore_errors=True)


SEARCH_INDEXES = SearchIndexes()


def after_language(site: SiteData, build: Build) -> None:
    """One process, one language after the other: this language's files, and
    after the last language's the site's."""
    PREVIEW_FILES.active = build.serving
    if not build.serving:
        # This language's pages are written: Pagefind indexes them beside
        # the files below (none of which it indexes) and the next language's build.
        SEARCH_INDEXES.start(build)
    language_done(site, build)
    if build.is_last:
        every_language_done(site, build)


def hand_over_open_data(site: SiteData, site_url: str, others: language_process.LanguageProcess) -> None:
    """The default language's process, just after the fork: the open data set
    made now (it writes the files at the end), and what the data page shows
    of it handed to the fork, which then need not make it too (at 1,000
    clusters, 0.7 s)."""
    others.hand_over(open_data.bundle(site, site_url).published())


def take_open_data(site: SiteData) -> None:
    """In the fork, before its pages: the data page shows what the default
    language's process handed over (`hand_over_open_data`)."""
    open_data.give_published(site, language_process.handed_over())


def fork_language_done(site: SiteData, build: Build) -> None:
    """In the fork that builds the other languages (language_process.py):
    this language's files and search index, waited for after the last one."""
    SEARCH_INDEXES.start(build)
    language_done(site, build)
    if build.is_last:
        SEARCH_INDEXES.wait()


def default_language_done(site: SiteData, build: Build) -> None:
    """The default language's files and search index, and the language-neutral
    files, while the fork builds the other languages: the fork indexes its
    languages last, so this process has the time (at 1,000 clusters it waited
    two seconds for the fork with nothing to do)."""
    SEARCH_INDEXES.start(build)
    language_done(site, build)
    neutral_files(site, build)


def language_done(site: SiteData, build: Build) -> None:
    """The files of one language's build: media, feeds, embeds, its 404 page."""
    copy_media(site, build)
    write_feeds(site, build)
    write_all(build.site_dir, reuse.language_files(site, build))
    keep_404(build)


def every_language_done(site: SiteData, build: Build, neutral_written: bool = False) -> None:
    """Once every language's pages and files are in the site's folder (`build`
    is the last language's): the language-neutral files, unless written
    already (`default_language_done`, beside the fork), and `finish_site`."""
    restore_default_404(build.site_dir)
    if not neutral_written:
        neutral_files(site, build)
    finish_site(build)


def neutral_files(site: SiteData, build: Build) -> None:
    """The open data set and the badges: the same whatever the language, so
    written by whichever process has the least left to do (the default
    language's, when a fork builds the others)."""
    write_all(build.site_dir, reuse.site_files(site, build))


def copy_media(site: SiteData, build: Build) -> None:
    for media in {c.logo for c in site.clusters} | {e.image for e in site.news}:
        if media:
            target = build.site_dir / urls.media(media)
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(build.repo_root / media, target)


def write_feeds(site: SiteData, build: Build) -> None:
    out, t = build.site_dir / build.lang_root, build.t
    common: FeedContext = {"lang": build.lang, "site_url": build.site_url, "lang_root": build.lang_root, "build_date": site.build_date}
    feed = atom_feed(site.news, site.vocabularies["tags"], title=t("news.feed_title"), author=build.site_name, **common)
    write(out / urls.NEWS_FEED, feed.encode("utf-8"))
    events, organiser = site.upcoming_events + site.past_events, t("event.organiser")
    write(out / urls.EVENTS_FEED, calendar(events, name=t("events.feed_title"), organiser_label=organiser, **common))
    for event in events:
        one = calendar([event], name=event.title.pick(build.lang).text, organiser_label=organiser, **common)
        write(out / urls.event_calendar(event.slug), one)


KEPT_404 = ".404.default.html"


def keep_404(build: Build) -> None:
    """MkDocs writes /404.html in every language's build, the last one winning.
    Keep each: the default language's at /404.html (put back by
    `every_language_done`), the others' at /<lang>/404.html."""
    built, kept_default = build.site_dir / "404.html", build.site_dir / KEPT_404
    if not built.is_file():
        return
    page = built.read_text(encoding="utf-8")  # no on_post_page for it
    check_scripts(page, "404.html" if build.lang == DEFAULT_LANGUAGE else f"{build.lang}/404.html", base_path(build.site_url))
    fixed = fix_page(page, build.stylesheet).encode("utf-8")
    if build.lang == DEFAULT_LANGUAGE:
        built.write_bytes(fixed)
        write(kept_default, fixed)
    else:
        write(build.site_dir / build.lang / "404.html", fixed)
        built.unlink()


def restore_default_404(site_dir: Path) -> None:
    """The default language's 404 page back at /404.html, once every language's build wrote its own."""
    kept_default = site_dir / KEPT_404
    if kept_default.is_file():
        kept_default.replace(site_dir / "404.html")


def finish_site(build: Build) -> None:
    """Site-wide files: the search index (each language's started once its
    pages were written, joined here; under `mkdocs serve` built in the
    background), per-language sitemaps, host headers; and Material's
    stylesheet, corrected."""
    site_dir = build.site_dir
    write_corrected_stylesheet(site_dir, build.stylesheet)
    write_admin(build.repo_root, site_dir, local=build.local_cms)  # no data-pagefind-body: not a page to find
    root_sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for code in build.others:
        url = urljoin(build.site_url, language_root(code))
        sitemap = _SITEMAPS.get(code, (), (root_sitemap, url), functools.partial(language_sitemap, root_sitemap, url))
        write(site_dir / code / "sitemap.xml", sitemap.encode("utf-8"))
    path = base_path(build.site_url)
    headers = headers_file(site_dir, path, build.local_cms) + reuse.extra_headers(path, ("", *(language_root(c) for c in build.others)))
    write(site_dir / "_headers", headers.encode("utf-8"))
    # Netlify serves only the root 404.html unless told; Cloudflare Pages finds the nearest one itself.
    redirects = "".join(f"{path}{code}/*  {path}{code}/404.html  404\n" for code in build.others)
    write(site_dir / "_redirects", redirects.encode("utf-8"))
    if build.serving:
        PREVIEW_SEARCH.request(site_dir)
    else:
        SEARCH_INDEXES.wait()
        for code in build.others:  # each language's index, written beside the site, joins the default language's
            merge_index(site_dir / OUTPUT, language_index_dir(site_dir, language_root(code)))
        SEARCH_INDEXES.done()


# Under `make serve` a save rarely adds or removes a page: the root sitemap is
# then the same text, and a language's sitemap (parsing some 8,000 entries at
# 1,000 clusters) is the last one (derived/same_inputs.py).
_SITEMAPS: PerKey[str] = PerKey()


def write_all(site_dir: Path, files: dict[str, bytes]) -> None:
    made: set[Path] = set()  # thousands of files share a few folders: each folder is made once
    for path, data in sorted(files.items()):
        write(site_dir / path, data, made)


def write(path: Path, data: bytes, made: set[Path] | None = None) -> None:
    """`data` at `path`, unless the preview wrote the same bytes there last
    (`PREVIEW_FILES`); `made`: folders already made in this run."""
    if PREVIEW_FILES.unchanged(path, data):
        return
    if made is None or path.parent not in made:
        path.parent.mkdir(parents=True, exist_ok=True)
        if made is not None:
            made.add(path.parent)
    path.write_bytes(data)
