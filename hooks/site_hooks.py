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
import os
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
from clustersite.source.markdown_text import SafeHtml
from clustersite.text import urls
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
            raise PluginError(str(error)) from None

    return run  # type: ignore[return-value]


def _root(config: MkDocsConfig) -> Path:
    return Path(config.config_file_path).resolve().parent


def _language(config: MkDocsConfig) -> str:
    return getattr(config.plugins.get("i18n"), "current_language", None) or DEFAULT_LANGUAGE


def on_startup(command: str, dirty: bool) -> None:
    state.serving = command == "serve"


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
    return markdown


def on_page_context(context: TemplateContext, page: Page, config: MkDocsConfig, nav: Navigation) -> TemplateContext:
    lang = _language(config)
    image = urljoin(config.site_url or "/", urls.SOCIAL_IMAGE)
    info = kinds.PageInfo(lang, state.text[lang], page.canonical_url, config.site_name, image)
    context.update(state.views[page.file.src_uri].context(state.data, info))  # type: ignore[typeddict-item]  # our templates' own keys
    return context


def on_page_content(html: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    return Markup(html)  # marked safe: Python-Markdown's output, raw HTML as text and no script links (SafeHtml)


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
    # /admin/ saves into the working copy when served locally (`make serve`, `make cms`) or asked to (CMS_LOCAL=1, the browser test).
    local_cms = state.serving or os.environ.get("CMS_LOCAL") == "1"
    build = Build(
        _root(config), site_dir, config.site_url or "", config.site_name, lang, (DEFAULT_LANGUAGE, *others), state.text[lang], state.stylesheet, local_cms
    )
    publish.after_language(state.data, build)
