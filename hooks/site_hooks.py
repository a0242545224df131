"""MkDocs adapter for the clustersite package: each handler is a few lines.

What each handler does and why its priority is the default is the table in
README.md ("How the build works"). mkdocs-static-i18n builds once per
language on the same config, so the language is read per build, never in
on_config. Every handler that can meet the package's `SiteError` turns it
into MkDocs' error in one place (`_for_readers`): its message, never a traceback. The build's
state is one `BuildState` (clustersite/outputs/state.py).
"""

from __future__ import annotations

import copy
import dataclasses
import functools
import gc
import logging
import os
import re
import threading
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup
from mkdocs.commands.build import build as mkdocs_build
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import Abort, PluginError
from mkdocs.livereload import LiveReloadServer
from mkdocs.structure.files import File, Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext, url_filter
from mkdocs_static_i18n.utils import I18nLoggingFilter  # type: ignore[import-untyped]
from watchdog.observers.api import BaseObserver
from watchdog.observers.polling import PollingEmitter, PollingObserver

from clustersite.outputs import language_process, publish, serve_errors
from clustersite.outputs.build import Build, base_path, language_root
from clustersite.outputs.html_fixes import fix_page
from clustersite.outputs.preview import Inputs, PageMemo, Prediction, empty_folder, entry_inputs, profile_inputs, same_inputs
from clustersite.outputs.state import BuildState
from clustersite.outputs.templating import configure_theme, theme_loader
from clustersite.pages import kinds
from clustersite.source import publisher
from clustersite.source.citation_markers import mark_html
from clustersite.source.markdown_text import SafeHtml
from clustersite.text import messages, urls
from clustersite.text.errors import SiteError
from clustersite.text.localized import DEFAULT_LANGUAGE

log = logging.getLogger("mkdocs.hooks.clustersite")
state = BuildState()
Handler = TypeVar("Handler", bound=Callable[..., Any])


def _for_readers(handler: Handler) -> Handler:
    @functools.wraps(handler)
    def run(*args: Any, **kwargs: Any) -> Any:
        try:
            return handler(*args, **kwargs)
        except SiteError as error:
            raise PluginError(error.in_lang(state.lang)) from None

    return run  # type: ignore[return-value]


class QuietWhileBroken(logging.Filter):
    """While content is broken, `mkdocs serve` builds no page (on_files), so
    MkDocs warns that each nav entry is missing and the i18n plugin that each
    language has no home page: a dozen lines under the editor's problems,
    true of the empty build and nothing an editor can act on. Only these
    exact lines, and only while the problems are shown; otherwise they stay."""

    NOISE = (
        re.compile(r"A reference to '[^']*' is included in the 'nav' configuration, which is not found in the documentation files\."),
        re.compile(r"mkdocs_static_i18n: Could not find a homepage for locale '[\w-]+'"),
    )
    LOGGERS = ("mkdocs.structure.nav", "mkdocs.plugins.mkdocs_static_i18n.plugin")

    def filter(self, record: logging.LogRecord) -> bool:
        return not (state.broken and any(pattern.fullmatch(record.getMessage()) for pattern in self.NOISE))

    @classmethod
    def install(cls) -> None:
        for name in cls.LOGGERS:  # a filter sees only its own logger's records, not its children's
            logger = logging.getLogger(name)
            if not any(isinstance(existing, cls) for existing in logger.filters):
                logger.addFilter(cls())


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _language(config: MkDocsConfig) -> str:
    return getattr(config.plugins.get("i18n"), "current_language", None) or DEFAULT_LANGUAGE


def _languages(config: MkDocsConfig) -> tuple[str, ...]:
    """Every language built, the default first."""
    others = [code for code in getattr(config.plugins.get("i18n"), "build_languages", []) if code != DEFAULT_LANGUAGE]
    return (DEFAULT_LANGUAGE, *others)


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"
    state.lang = messages.language()  # make check's rule: Lithuanian unless LANG=en…
    QuietWhileBroken.install()
    state.incremental = state.serving and dirty  # `make serve`: mkdocs serve --dirty (outputs/preview.py)
    if state.incremental:  # MkDocs warns on every dirty build that navigation may be stale; the adapter sees to it
        logging.getLogger("mkdocs.commands.build").addFilter(_not_dirty_warning)


FULL_COLLECTION_AFTER = 100
"""`mkdocs build`: collections of the middle generation before a full one
(Python's default is 10); see on_pre_build."""

WATCH_INTERVAL = 0.2
"""Seconds between the preview's looks at the files. MkDocs looks every 0.5 s,
a quarter of a second's wait on average before a save is noticed: about a
quarter of the whole edit-to-visible time on this site. A look costs about
3 ms here (20 ms at 1,000 clusters), so every 0.2 s stays cheap."""


class StillWhileBuilding(PollingEmitter):
    """MkDocs' polling watcher, which does not look while a build runs: a look
    at 1,000 clusters walks some 5,000 files (about 20 ms, in Python, holding
    the lock the build needs), every 0.2 s, so a 5 s rebuild waited half a
    second for it. Nothing is missed: the first look after the build
    compares with the last one before it, so an edit saved meanwhile starts
    the next build, as before."""

    building = threading.Event()

    def queue_events(self, timeout: float) -> None:
        if self.building.is_set():
            self.stopped_event.wait(timeout)
            return
        super().queue_events(timeout)


class Watcher(PollingObserver):
    def __init__(self, *, timeout: float) -> None:
        BaseObserver.__init__(self, StillWhileBuilding, timeout=timeout)  # PollingObserver's own, with the emitter above


def on_serve(server: LiveReloadServer, config: MkDocsConfig, builder: Callable[..., None]) -> LiveReloadServer:
    """Under `make serve`: the same polling watcher (reliable on any file
    system), looking more often, and never during a build. MkDocs has
    already watched the content folder and mkdocs.yml; the folders under
    `watch:` come after this."""
    watched = [path for path in (config.docs_dir, config.config_file_path) if path]
    for path in watched:
        server.unwatch(path)
    server.observer = Watcher(timeout=WATCH_INTERVAL)
    for path in watched:
        server.watch(path)
    build = server.builder

    def build_unwatched(*args: Any, **kwargs: Any) -> None:
        StillWhileBuilding.building.set()
        try:
            build(*args, **kwargs)
        finally:
            StillWhileBuilding.building.clear()
        if state.incremental and state.preview.full:  # new records and caches: set them aside too
            _set_aside_what_lasts()

    server.builder = build_unwatched
    if state.incremental:  # after the first build
        _set_aside_what_lasts()
    return server


def _set_aside_what_lasts() -> None:
    """Under `make serve`, after a full build (the build's own objects are
    garbage by now): what is left lasts from build to build (records, the
    load cache, page memos, compiled templates), and Python's collector
    goes through all of it again, hundreds of thousands of objects at
    1,000 clusters, whenever a build makes many new ones: 0.5 s of a 4 s
    rebuild. Frozen, the collector skips it; it still collects what the
    following builds leave, and the next full build sets aside afresh."""
    gc.unfreeze()
    gc.collect()
    gc.freeze()


def _kept(site_dir: Path) -> Path:
    """Where the preview keeps its good pages while content is broken (beside the site's folder)."""
    return site_dir.with_name(site_dir.name + "-kept")


def _not_dirty_warning(record: logging.LogRecord) -> bool:
    return not record.getMessage().startswith("A 'dirty' build is being performed")


@_for_readers
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    publisher.require(config.site_url, config.extra)
    config["nav"] = [{title: path} for title, path in urls.NAV]
    config.extra["scope"] = base_path(config.site_url)
    _list_theme_once(config)
    if not any(isinstance(extension, SafeHtml) for extension in config.markdown_extensions):  # last: it fails if a later one allows raw HTML
        config.markdown_extensions.append(SafeHtml())  # type: ignore[arg-type]  # MkDocs takes Extension objects too
    return config


def _list_theme_once(config: MkDocsConfig) -> None:
    """MkDocs' theme environment with a loader that lists Material's files once
    per process (templating.ThemeLoader); on_config runs once per language."""
    theme = config.theme
    if getattr(theme, "listed_once", False):
        return
    make_env = theme.get_env

    def get_env() -> jinja2.Environment:
        env = make_env()
        env.loader = theme_loader(theme.dirs, theme.custom_dir or "")
        return env

    theme.get_env = get_env  # type: ignore[method-assign]
    theme.listed_once = True  # type: ignore[attr-defined]


@_for_readers
def on_pre_build(config: MkDocsConfig) -> None:
    if state.i18n_held:  # a new build in this process (_join_others held the plugin's loop back in the last)
        config.plugins["i18n"].building = state.i18n_held = False  # type: ignore[attr-defined]
    if _language(config) == DEFAULT_LANGUAGE or state.site is None and not state.broken:  # once per build
        site_dir, full = Path(config.site_dir), False
        if state.incremental:
            # The last good build's pages, moved aside while the error page showed, come back.
            restored = serve_errors.restore_pages(site_dir, _kept(site_dir))
            full = state.preview.plan(_root(config), last_build_good=restored or state.site is not None and not state.broken)
        theme_dirs = [Path(folder) for folder in config.theme.dirs]
        report = state.start(_root(config), Path(config.docs_dir), theme_dirs, config.theme["favicon"])
        if state.broken:  # the pages to answer with the problems: the last good build's, still in the folder
            state.served_pages = serve_errors.html_pages(site_dir)
        if full:
            empty_folder(site_dir)  # a full rebuild starts clean, as without --dirty
        for level, lines in ((logging.INFO, report.notes), (logging.WARNING, report.warnings), (logging.ERROR, report.errors)):
            for line in lines:  # warnings are fatal under --strict
                log.log(level, line)
        if not state.serving:
            # What was loaded lives until the build ends: the cyclic garbage collector need not walk it again
            # (at 1,000 clusters it spent a twentieth of the build doing so), nor touch it after the fork.
            if gc.get_freeze_count():  # a build before this one in the same process: its data may go now
                gc.unfreeze()
                gc.collect()
            gc.freeze()
            # Rendering makes short-lived cycles (Jinja's contexts and loops) that the young generations
            # collect; a full collection (by default after every tenth of the middle one's) finds next to
            # nothing more. At 1,000 clusters each process made 8-9 full collections and spent 0.45-0.58 s
            # collecting; with a tenth as many, 0.19-0.22 s, at the same peak memory (173 MB).
            young, middle, _ = gc.get_threshold()
            gc.set_threshold(young, middle, FULL_COLLECTION_AFTER)
    if state.broken:  # serving broken content: no page is rendered
        config.theme.static_templates.clear()
    state.views, state.contexts, state.front_matter, state.sources = {}, {}, {}, {}
    if _language(config) == DEFAULT_LANGUAGE:  # the language switch's links to the home pages (mkdocs-static-i18n's on_config)
        state.home_alternates = copy.deepcopy(config.extra.get("alternate"))


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return Files([]) if state.broken else files


def _build_others(config: MkDocsConfig, staging: Path) -> language_process.Failure | None:
    """In the fork: each other language's build into `staging`, as
    mkdocs-static-i18n runs them from its on_post_build after the default one."""
    i18n = config.plugins["i18n"]
    i18n.building = True  # type: ignore[attr-defined]  # the plugin's flag: its own on_post_build then builds nothing
    quiet = I18nLoggingFilter()  # the lines the plugin hides in its own loop
    quiet.filtered_prefixes |= {"Documentation built in", "Building documentation to directory"}
    logging.getLogger("mkdocs.commands.build").addFilter(quiet)
    site_dir = config.site_dir

    def names_the_site(record: logging.LogRecord) -> bool:  # "Building 'en' documentation to directory: <the site's>/en"
        record.msg, record.args = record.getMessage().replace(str(staging), site_dir), ()
        return True

    logging.getLogger("mkdocs.plugins.mkdocs_static_i18n.plugin").addFilter(names_the_site)
    config["site_dir"] = str(staging)
    state.in_fork, state.destination = True, Path(site_dir)
    try:
        for code in _languages(config)[1:]:
            i18n.current_language = code  # type: ignore[attr-defined]  # what the plugin sets before each build
            mkdocs_build(config)
    except Abort as error:  # MkDocs printed its lines (warnings, a PluginError's message) already
        return language_process.Failure("abort", str(error))
    return None


def on_build_error(error: Exception) -> None:
    if state.others is not None:  # this process stops: so does the fork, now
        state.others.stop()
        state.others = None
    publish.SEARCH_INDEXES.stop()


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    """After every plugin's on_files (mkdocs-static-i18n makes new File objects there)."""
    if state.incremental and not state.broken:  # which pages MkDocs reads and renders (outputs/preview.py)
        _choose_pages(nav, files, config, _language(config))
    # The default language's files are listed (the other languages' sitemap lists them), no page read yet:
    # the other languages build in a fork, beside this one (outputs/language_process.py).
    pages = len(files.documentation_pages())
    if _language(config) == DEFAULT_LANGUAGE and not state.broken and language_process.wanted(state.serving, len(_languages(config)), pages):
        gc.freeze()  # the files and pages listed, too: the fork copies memory a page at a time as it is written to
        state.others = language_process.start(Path(config.site_dir), functools.partial(_build_others, config))
        publish.hand_over_open_data(state.data, config.site_url or "", state.others)
    return nav


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if state.broken:
        return env
    # mkdocs-static-i18n sets each page's language switch in config.extra and
    # leaves the last one there: the 404 page of the next language (a theme
    # template, rendered before the pages) showed links to whichever page the
    # previous language rendered last. It gets the home pages'.
    if state.home_alternates:
        config.extra.alternate = copy.deepcopy(state.home_alternates)  # type: ignore[attr-defined]  # the attribute: the plugin sets and Material reads that
    if state.in_fork:
        publish.take_open_data(state.data)
    lang, paths = _language(config), urls.link_paths()
    root = language_root(lang)

    @jinja2.pass_context
    def href(context: jinja2.runtime.Context, name: str, *args: Any) -> str:
        """A link in the page's language: href('cluster', slug), href('path', 'x.xml')."""
        # url_filter is a pass_context filter, typed by MkDocs for its own TemplateContext.
        return url_filter(context, root + (args[0] if name == "path" else paths[name](*args)))  # type: ignore[arg-type, operator]

    # custom_dir: mkdocs.yml sets it (overrides/)
    configure_theme(env, Path(config.theme.custom_dir), state.data, lang, state.html_text[lang], href=href, site_icon=state.icon)  # type: ignore[arg-type]
    if state.incremental:
        _remember_pages(files, config, lang)
    return env


def _page_info(canonical_url: str | None, config: MkDocsConfig, lang: str) -> kinds.PageInfo:
    image = urljoin(config.site_url or "/", urls.SOCIAL_IMAGE)
    logo = urljoin(config.site_url or "/", urls.SITE_LOGO)
    return kinds.PageInfo(lang, state.text[lang], canonical_url, config.site_name, image, logo)


def _choose_pages(nav: Navigation, files: Files, config: MkDocsConfig, lang: str) -> None:
    """Under `make serve`: MkDocs reads and renders only the pages whose file
    or whose fingerprint changed; the menu's pages always (outputs/preview.py)."""
    state.preview.start_language(state.data)
    in_menu = state.preview.menu = {page.file.dest_uri for page in nav.pages}
    present = set()
    for file in files.documentation_pages():
        source = state.sources[file.dest_uri] = Path(file.abs_src_path).read_text(encoding="utf-8")  # type: ignore[arg-type]
        changed = file.dest_uri in in_menu or not state.preview.unchanged(file.dest_uri, source, functools.partial(_predict, file, config, lang))
        file.is_modified = functools.partial(bool, changed)  # type: ignore[method-assign]
        present.add(file.dest_uri)
    state.preview.remove_gone(Path(config.site_dir), lang, present)


def _predict(file: File, config: MkDocsConfig, lang: str, memo: PageMemo) -> str:
    """The page's fingerprint from what the last build read of it and today's data."""
    try:
        view = kinds.resolve(memo.front_matter, file.src_uri, state.data)
    except SiteError:  # the page is gone from the data: read it, and let the build say so
        return ""
    inputs = _inputs(view, config, lang, memo.canonical_url)
    if inputs is not None and same_inputs(memo.inputs, inputs):
        return memo.fingerprint
    meta = dict(memo.front_matter)
    meta.update(kinds.page_meta(view, state.data, lang, state.text[lang], memo.front_matter))
    info = _page_info(memo.canonical_url, config, lang)  # the same as the render's: a difference re-rendered every news page
    parts = (memo.markdown, memo.content, meta.get("title", memo.title), repr(meta))
    context = view.context(state.data, info)
    fingerprint = state.preview.fingerprint(view.name, parts, context)
    state.preview.predicted[file.dest_uri] = Prediction(memo.canonical_url, parts, context, fingerprint)
    return fingerprint


def _inputs(view: kinds.View, config: MkDocsConfig, lang: str, canonical_url: str | None) -> Inputs | None:
    """What a profile's or an entry's page is made from (outputs/preview.py); None for other kinds."""
    make = profile_inputs if view.name == "cluster" else entry_inputs if view.name in ENTRY_KINDS else None
    if make is None:
        return None
    values = (canonical_url, config.site_name, config.site_url, state.preview.shared_digest)
    return make(view.subject, state.data, lang, state.text[lang], values)


ENTRY_KINDS = frozenset({"news", "story", "event"})


def _remember_pages(files: Files, config: MkDocsConfig, lang: str) -> None:
    """After MkDocs read the changed pages: their memos, and their contexts for on_page_context."""
    for file in files.documentation_pages():
        page = file.page
        if page is None or page.markdown is None:  # not read: unchanged
            continue
        view = state.views[file.src_uri]
        predicted = state.preview.predicted.get(file.dest_uri)  # the same file (else it was not predicted) and data
        if predicted is not None and predicted.canonical_url == page.canonical_url:
            context = predicted.context
        else:
            context = view.context(state.data, _page_info(page.canonical_url, config, lang))
            predicted = None
        state.contexts[file.src_uri] = context
        content = str(page.content or "")  # Markup after on_page_content; the memo keeps text
        parts = (page.markdown, content, page.title, repr(page.meta))
        if predicted is not None and predicted.parts == parts:
            fingerprint = predicted.fingerprint
        else:
            fingerprint = state.preview.fingerprint(view.name, parts, context)
        if file.dest_uri in state.preview.menu and state.preview.read_unchanged(file.dest_uri, state.sources[file.dest_uri], fingerprint):
            file.is_modified = functools.partial(bool, False)  # type: ignore[method-assign]  # read for its title; not rendered again
        front_matter = state.front_matter[file.src_uri]
        title = page.title if "title" not in page.meta else None
        inputs = _inputs(view, config, lang, page.canonical_url)
        memo = PageMemo(state.sources[file.dest_uri], front_matter, page.markdown, content, title, page.canonical_url, fingerprint, view.name, inputs)
        state.preview.remember(file.dest_uri, memo)


@_for_readers
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = _language(config)
    if state.incremental:
        state.front_matter[page.file.src_uri] = dict(page.meta)
    view = state.views[page.file.src_uri] = kinds.resolve(page.meta, page.file.src_uri, state.data)
    page.meta.update(kinds.page_meta(view, state.data, lang, state.text[lang], page.meta))
    for extension in config.markdown_extensions:  # the body is rendered next: its site paths point from this file
        if isinstance(extension, SafeHtml):
            extension.place.source, extension.place.exists = page.file.src_uri, lambda src: files.get_file_from_path(src) is not None
    return markdown


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    found = state.contexts.pop(page.file.src_uri, None)  # made in on_env under `make serve`
    if found is None:
        found = state.views[page.file.src_uri].context(state.data, _page_info(page.canonical_url, config, _language(config)))
    context.update(found)  # type: ignore[typeddict-item]  # our templates' own keys
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    # Marked safe: Python-Markdown's output, raw HTML as text and no script links (SafeHtml);
    # an entry's `[^2]` becomes a link to its source 2.
    sources = getattr(state.views[page.file.src_uri].subject, "sources", None)
    if sources:
        lang = _language(config)
        return mark_html(html, [source.title_in(lang) for source in sources], state.text[lang]("cite.source"))
    return Markup(html)


@_for_readers
def on_post_page(output: str, page: Page, config: MkDocsConfig) -> str:
    publish.check_scripts(output, page.file.dest_uri, config.extra["scope"])
    return fix_page(output, state.stylesheet)


@_for_readers
def on_post_build(config: MkDocsConfig) -> None:
    site_dir = Path(config.site_dir)
    if state.broken:
        serve_errors.write_error_site(site_dir, state.served_pages, state.broken, _kept(site_dir) if state.incremental else None)
        publish.PREVIEW_FILES.forget()  # the error pages overwrote files it had seen written
        return
    lang, languages = _language(config), _languages(config)
    # /admin/ saves into the working copy when served locally (`make serve`, `make cms`) or asked to (CMS_LOCAL=1, the browser test).
    local_cms = state.serving or os.environ.get("CMS_LOCAL") == "1"
    build = Build(
        _root(config),
        site_dir,
        config.site_url or "",
        config.site_name,
        lang,
        languages,
        state.text[lang],
        state.stylesheet,
        serving=state.serving,
        local_cms=local_cms,
        destination=state.destination,
    )
    if state.in_fork:  # the default language's process finishes the site
        publish.fork_language_done(state.data, build)
    elif state.others is not None:
        publish.default_language_done(state.data, build)
        _join_others(config)
        last = languages[-1]
        publish.every_language_done(state.data, dataclasses.replace(build, lang=last, t=state.text[last]), neutral_written=True)
    else:
        publish.after_language(state.data, build)


def _join_others(config: MkDocsConfig) -> None:
    """Wait for the fork and take its files; stop as it stopped."""
    assert state.others is not None
    others, state.others = state.others, None
    failure = others.finish()
    if failure is not None:
        raise Abort(failure.message) if failure.kind == "abort" else language_process.LanguageProcessError(failure.message)
    config.plugins["i18n"].building = True  # type: ignore[attr-defined]  # built: its on_post_build, next, must not build them again
    state.i18n_held = True
