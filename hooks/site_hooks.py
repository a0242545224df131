"""MkDocs adapter for the clustersite package: each handler is a few lines.

| event            | what it does                                            |
|------------------|---------------------------------------------------------|
| on_pre_build     | load and validate data, write profile stubs             |
| on_env           | expose data, wording and filters for this language      |
| on_page_markdown | set a profile's title and description from the data     |
| on_page_context  | hand a profile page its cluster                         |
| on_post_build    | copy logos into the site                                |

Default priorities: the i18n plugin runs its own handlers at -100 (after
these), and nothing here depends on running before or after it.
mkdocs-static-i18n builds once per language on the same config, so state
is reset in on_pre_build and the language is read per build, never in
on_config.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path

from clustersite.cluster_pages import sync_stubs
from clustersite.dates import build_date, format_date
from clustersite.localized import DEFAULT_LANGUAGE, LocalizedText, Shown
from clustersite.markdown_text import render_markdown
from clustersite.problems import ContentError
from clustersite.site_data import SiteData, load_site
from clustersite.ui_strings import plural_lt, translator
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.clustersite")
_site: SiteData | None = None


def _repo_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def on_pre_build(config) -> None:
    global _site
    _site = None
    try:
        _site = load_site(_repo_root(config), build_date())
    except ContentError as error:
        raise PluginError(str(error)) from None
    if _language(config) == DEFAULT_LANGUAGE:  # once, not once per language
        for note in _site.untranslated():
            log.info(note)
    written, deleted = sync_stubs(Path(config.docs_dir), _site.clusters)
    if written or deleted:
        log.debug("profile stubs: %d written, %d deleted", written, deleted)


def on_env(env, config, files):
    lang = _language(config)
    t = translator(_repo_root(config) / "data" / "ui", lang)
    env.globals.update(
        site_data=_site,
        clusters=_site.sorted_clusters(lang),
        figures=_site.figures(),
        vocab=_site.vocabularies,
        lang=lang,
        lang_root="" if lang == DEFAULT_LANGUAGE else f"{lang}/",
        t=t,
        plural_lt=plural_lt,
    )
    env.filters.update(
        in_lang=lambda text: text.pick(lang) if isinstance(text, LocalizedText) else text,
        markdown=lambda text: Markup(render_markdown(text.text if isinstance(text, Shown) else text)),
        local_date=lambda value: format_date(value, lang),
    )
    return env


def on_page_markdown(markdown, page, config, files):
    slug = page.meta.get("cluster")
    if slug:
        cluster = _site.by_slug.get(slug)
        if cluster is None:
            raise PluginError(f"{page.file.src_uri}: no data/clusters/{slug}.yml for this page")
        lang = _language(config)
        page.meta["title"] = escape(cluster.name.pick(lang).text)
        page.meta["description"] = escape(cluster.summary.pick(lang).text)
    return markdown


def on_page_context(context, page, config, nav):
    slug = page.meta.get("cluster")
    if slug:
        context["cluster"] = _site.by_slug[slug]
    return context


def on_post_build(config) -> None:
    root = _repo_root(config)
    for cluster in _site.clusters:
        if cluster.logo:
            target = Path(config.site_dir) / "media" / cluster.logo
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / cluster.logo, target)
