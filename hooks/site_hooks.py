"""MkDocs adapter for the clustersite package: each handler is a few lines.

| event            | what it does                                                   |
|------------------|----------------------------------------------------------------|
| on_startup       | notes whether this is `mkdocs serve`                           |
| on_config        | the top menu from the URL module (before i18n reads it); page  |
|                  | bodies rendered with raw HTML as text (markdown_text.SafeHtml);|
|                  | Material's storage script scoped to the site's path (the CSP)  |
| on_pre_build     | load and validate all content (once per build), write stubs;   |
|                  | read Material's stylesheet (corrected) and the site's icon;    |
|                  | serving broken content: build nothing (see on_post_build)      |
| on_files         | no files while serving broken content                          |
| on_env           | expose data, wording, links and filters for the language built;|
|                  | autoescaping on for the project's templates (templating.py)    |
| on_page_markdown | resolve the page's kind once; set template, title, description |
| on_page_context  | hand the template what its kind needs                          |
| on_page_content  | the rendered body marked as markup (the one trusted page body) |
| on_post_page     | stop on an unlisted inline script; correct Material's markup   |
| on_post_build    | media, feeds, 404s; after the last language, search, sitemaps; |
|                  | serving broken content: the problems at every page's address   |

Default priorities: the i18n plugin runs its own handlers at -100 (after
these); on_config must run before it, since it copies the nav per language.
mkdocs-static-i18n builds once per language on the same config, so the
language is read per build, never in on_config, and content loaded for the
default language (built first) is reused by the others of the same build.
"""

from __future__ import annotations

import logging
from pathlib import Path
from urllib.parse import urljoin

import jinja2
from clustersite import pages, publish, publisher, serve_errors, urls
from clustersite.dates import VILNIUS, build_date, format_date, format_moment, format_span
from clustersite.generated_pages import sync_stubs, wanted_stubs
from clustersite.html_fixes import corrected_stylesheet, fix_page
from clustersite.layout import UI_DIR
from clustersite.localized import DEFAULT_LANGUAGE, LocalizedText, Shown
from clustersite.markdown_text import SafeHtml, render_markdown
from clustersite.problems import ContentError
from clustersite.search_index import SearchIndexError
from clustersite.site_data import load_site
from clustersite.site_icon import icon_data_url
from clustersite.templating import escape_templates_in
from clustersite.ui_strings import markup_in_wording, translators
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError
from mkdocs.structure.files import Files
from mkdocs.utils.templates import url_filter

log = logging.getLogger("mkdocs.hooks.clustersite")
_serving: dict = {}  # `mkdocs serve`: the pages of the last good build; kept across builds
SOCIAL_IMAGE = "assets/images/social.png"  # 1200x630, for link previews
_state: dict = {}  # this build's data, wording and resolved pages; reset per build


def _root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def on_config(config):
    if publisher.is_public(config.site_url) and (missing := publisher.missing(config.extra)):
        raise PluginError("The site cannot be published without naming who runs it:\n" + "\n".join(missing))
    config["nav"] = [{title: path} for title, path in urls.NAV]
    # Material's storage script names the site's path; one fixed text on every
    # page, so that the CSP can list it (security_headers.INLINE_SCRIPTS).
    config.extra["scope"] = publish.base_path(config.site_url)
    # Page bodies get the same treatment as data-file Markdown: raw HTML as
    # text, no script links. Appended, so it follows every listed extension.
    if not any(isinstance(extension, SafeHtml) for extension in config.markdown_extensions):
        config.markdown_extensions.append(SafeHtml())
    return config


def on_startup(command, dirty):
    _serving["on"] = command == "serve"


def on_pre_build(config) -> None:
    if _state.get("broken") and _language(config) != DEFAULT_LANGUAGE:  # the other languages' builds are empty too
        config.theme.static_templates.clear()
        return
    if _language(config) == DEFAULT_LANGUAGE or "site" not in _state:  # once per build
        _state.clear()
        try:
            _state["site"] = load_site(_root(config), build_date(), Path(config.docs_dir))
            _state["t"] = translators(_root(config) / UI_DIR)
            _state["t_html"] = translators(_root(config) / UI_DIR, markup=True)
        except ContentError as error:
            if not _serving.get("on"):
                raise PluginError(str(error)) from None
            # The dev server would wait forever for a good build: build nothing, and
            # on_post_build answers every page with the problems (serve_errors).
            log.error(str(error))
            _state["broken"] = error.problems
            config.theme.static_templates.clear()
            return
        theme_dirs = [Path(folder) for folder in config.theme.dirs]
        _state["stylesheet"] = corrected_stylesheet(theme_dirs)
        try:
            _state["icon"] = icon_data_url(config.theme["favicon"], [Path(config.docs_dir), *theme_dirs])
        except ValueError as error:
            raise PluginError(str(error)) from None
        if _state["stylesheet"] is None:
            log.warning("Material's stylesheet no longer has the rule hooks/clustersite/html_fixes.py rewrites "
                        "(table:not([class])+*): check whether the directory still needs the fix, and update it")
        for note in _state["site"].untranslated():
            log.info(note)
        for warning in [*_state["site"].warnings, *markup_in_wording(_root(config) / UI_DIR)]:  # --strict makes these fatal
            log.warning(str(warning))
        sync_stubs(Path(config.docs_dir), wanted_stubs(_state["site"]))
    _state["views"] = {}


def on_files(files, config):
    return Files([]) if _state.get("broken") else files


def on_env(env, config, files):
    if _state.get("broken"):
        return env
    lang, site = _language(config), _state["site"]
    lang_root = publish.language_root(lang)
    paths = urls.link_paths()

    @jinja2.pass_context
    def href(context, name: str, *args) -> str:
        """A link in the page's language: href('cluster', slug), href('path', 'x.xml')."""
        path = args[0] if name == "path" else paths[name](*args)
        return url_filter(context, lang_root + path)

    env.globals.update(
        site_data=site, clusters=site.sorted_clusters(lang), figures=site.figures(), vocab=site.vocabularies,
        # `page_lang`, because Material's base.html imports a module named `lang` over the global.
        page_lang=lang, lang_root=lang_root, t=_state["t_html"][lang], href=href, urls=urls, social_image=SOCIAL_IMAGE,
        site_icon=_state["icon"],
    )
    # Each build gets a new environment, so templates cannot change under it:
    # skip Jinja's mtime check on every include and import (tens per page).
    env.auto_reload = False
    env.autoescape = escape_templates_in(Path(config.theme.custom_dir))  # ours escape; Material's as written
    env.filters.update(
        in_lang=lambda text: text.pick(lang) if isinstance(text, LocalizedText) else text,
        markdown=lambda text: Markup(render_markdown(text.text if isinstance(text, Shown) else text)),
        local_date=lambda value: format_date(value, lang),
        local_moment=lambda value: format_moment(value, lang, VILNIUS),
        local_span=lambda start, end=None: format_span(start, end, lang, VILNIUS),
    )
    return env


def on_page_markdown(markdown, page, config, files):
    lang, site = _language(config), _state["site"]
    try:
        view = pages.resolve(page.meta, page.file.src_uri, site)
    except pages.PageError as error:
        raise PluginError(str(error)) from None
    _state["views"][page.file.src_uri] = view
    if view.template:
        page.meta["template"] = view.template
    page.meta.setdefault("hide", list(view.hide))
    for key, value in (("title", view.title(site, lang, _state["t"][lang])), ("description", view.description(lang, _state["t"][lang]))):
        if value is not None:
            page.meta[key] = value
    for key in ("title", "description"):  # Material prints them without escaping
        if isinstance(page.meta.get(key), str):
            page.meta[key] = escape(page.meta[key])
    return markdown


def on_page_context(context, page, config, nav):
    lang = _language(config)
    info = pages.PageInfo(lang, _state["t"][lang], page.canonical_url, config.site_name,
                          urljoin(config.site_url or "/", SOCIAL_IMAGE))
    context.update(_state["views"][page.file.src_uri].context(_state["site"], info))
    return context


def on_page_content(html, page, config, files):
    # Marked safe: the page's body as Python-Markdown rendered it, with raw HTML
    # turned into text and script links removed (markdown_text.SafeHtml).
    return Markup(html)


def on_post_page(output, page, config):
    try:
        publish.check_scripts(output, page.file.dest_uri, config.extra["scope"])
    except publish.ScriptNotListed as error:
        raise PluginError(str(error)) from None
    return fix_page(output, _state.get("stylesheet"))


def on_post_build(config) -> None:
    if _state.get("broken"):
        serve_errors.write_error_site(Path(config.site_dir), _serving.get("pages", set()), _state["broken"])
        return
    if _serving.get("on"):
        _serving["pages"] = serve_errors.html_pages(Path(config.site_dir))
    i18n, lang = config.plugins.get("i18n"), _language(config)
    order = [DEFAULT_LANGUAGE] + [code for code in getattr(i18n, "build_languages", []) if code != DEFAULT_LANGUAGE]
    build = publish.Build(_root(config), Path(config.site_dir), config.site_url or "", config.site_name,
                          lang, tuple(order), _state["t"][lang], _state.get("stylesheet"))
    try:
        publish.after_language(_state["site"], build)
    except (SearchIndexError, publish.ScriptNotListed) as error:
        raise PluginError(str(error)) from None
