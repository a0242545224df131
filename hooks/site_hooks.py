"""MkDocs adapter for the clustersite package: each handler is a few lines.

What each handler does and why its priority is the default is the table in
README.md ("How the build works"). mkdocs-static-i18n builds once per
language on the same config, so the language is read per build, never in
on_config. Every handler that can meet the package's `SiteError` turns it
into MkDocs' error in one place (`_for_readers`): its message, never a traceback. The build's
state is one `BuildState` (clustersite/outputs/state.py).
"""

from __future__ import annotations

import functools
import logging
import re
from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup
from mkdocs.config.defaults import MkDocsConfig
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.structure.nav import Navigation
from mkdocs.structure.pages import Page
from mkdocs.utils.templates import TemplateContext, url_filter

from clustersite.outputs import publish, serve_errors
from clustersite.outputs.build import Build, base_path, language_root
from clustersite.outputs.html_fixes import fix_page
from clustersite.outputs.state import BuildState
from clustersite.outputs.templating import configure_theme
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


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"
    state.lang = messages.language()  # make check's rule: Lithuanian unless LANG=en…
    QuietWhileBroken.install()


@_for_readers
def on_config(config: MkDocsConfig) -> MkDocsConfig:
    publisher.require(config.site_url, config.extra)
    config["nav"] = [{title: path} for title, path in urls.NAV]
    config.extra["scope"] = base_path(config.site_url)
    if not any(isinstance(extension, SafeHtml) for extension in config.markdown_extensions):  # last: it fails if a later one allows raw HTML
        config.markdown_extensions.append(SafeHtml())  # type: ignore[arg-type]  # MkDocs takes Extension objects too
    return config


@_for_readers
def on_pre_build(config: MkDocsConfig) -> None:
    if _language(config) == DEFAULT_LANGUAGE or state.site is None and not state.broken:  # once per build
        theme_dirs = [Path(folder) for folder in config.theme.dirs]
        report = state.start(_root(config), Path(config.docs_dir), theme_dirs, config.theme["favicon"])
        for level, lines in ((logging.INFO, report.notes), (logging.WARNING, report.warnings), (logging.ERROR, report.errors)):
            for line in lines:  # warnings are fatal under --strict
                log.log(level, line)
    if state.broken:  # serving broken content: no page is rendered
        config.theme.static_templates.clear()
    state.views = {}


def on_files(files: Files, config: MkDocsConfig) -> Files:
    return Files([]) if state.broken else files


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    if state.broken:
        return env
    lang, paths = _language(config), urls.link_paths()
    root = language_root(lang)

    @jinja2.pass_context
    def href(context: jinja2.runtime.Context, name: str, *args: Any) -> str:
        """A link in the page's language: href('cluster', slug), href('path', 'x.xml')."""
        # url_filter is a pass_context filter, typed by MkDocs for its own TemplateContext.
        return url_filter(context, root + (args[0] if name == "path" else paths[name](*args)))  # type: ignore[arg-type, operator]

    # custom_dir: mkdocs.yml sets it (overrides/)
    configure_theme(env, Path(config.theme.custom_dir), state.data, lang, state.html_text[lang], href=href, site_icon=state.icon)  # type: ignore[arg-type]
    return env


@_for_readers
def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    lang = _language(config)
    view = state.views[page.file.src_uri] = kinds.resolve(page.meta, page.file.src_uri, state.data)
    page.meta.update(kinds.page_meta(view, state.data, lang, state.text[lang], page.meta))
    for extension in config.markdown_extensions:  # the body is rendered next: its site paths point from this file
        if isinstance(extension, SafeHtml):
            extension.place.source, extension.place.exists = page.file.src_uri, lambda src: files.get_file_from_path(src) is not None
    return markdown


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    lang = _language(config)
    image = urljoin(config.site_url or "/", urls.SOCIAL_IMAGE)
    info = kinds.PageInfo(lang, state.text[lang], page.canonical_url, config.site_name, image, urljoin(config.site_url or "/", urls.SITE_LOGO))
    context.update(state.views[page.file.src_uri].context(state.data, info))  # type: ignore[typeddict-item]  # our templates' own keys
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
        serve_errors.write_error_site(site_dir, state.served_pages, state.broken)
        return
    if state.serving:
        state.served_pages = serve_errors.html_pages(site_dir)
    lang = _language(config)
    others = [code for code in getattr(config.plugins.get("i18n"), "build_languages", []) if code != DEFAULT_LANGUAGE]
    build = Build(_root(config), site_dir, config.site_url or "", config.site_name, lang, (DEFAULT_LANGUAGE, *others), state.text[lang], state.stylesheet)
    publish.after_language(state.data, build)
