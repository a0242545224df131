"""MkDocs adapter for the clustersite package: each handler is a few lines.

| event            | what it does                                                  |
|------------------|---------------------------------------------------------------|
| on_config        | render page bodies with raw HTML as text (markdown_text)      |
| on_pre_build     | load and validate all content, write generated page stubs     |
| on_env           | expose data, wording and filters for the language being built |
| on_page_markdown | pick the template; set title and description, escaped         |
| on_page_context  | hand a page its cluster, entry or news listing                |
| on_post_page     | correct the markup Material writes outside template blocks    |
| on_post_build    | write feeds and calendars, copy logos and images, keep each   |
|                  | language's 404 page; after the last language, build the       |
|                  | search index, per-language sitemaps and `_headers`            |

Default priorities: the i18n plugin runs its own handlers at -100 (after
these), and nothing here depends on running before or after it.
mkdocs-static-i18n builds once per language on the same config, so state
is reset in on_pre_build and the language is read per build, never in
on_config.
"""

from __future__ import annotations

import json
import logging
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

from clustersite import directory, structured_data
from clustersite.dates import build_date, format_date, format_moment, format_span
from clustersite.entries import VILNIUS
from clustersite.feeds import EVENTS_FEED, NEWS_FEED, atom_feed, calendar
from clustersite.generated_pages import sync_stubs
from clustersite.html_fixes import fix_page
from clustersite.localized import DEFAULT_LANGUAGE, LocalizedText, Shown
from clustersite.markdown_text import SafeHtml, render_markdown
from clustersite.problems import ContentError
from clustersite.script_json import script_json
from clustersite.search_index import SearchIndexError, build_search_index
from clustersite.security_headers import headers_file
from clustersite.sitemaps import language_sitemap
from clustersite.site_data import SiteData, load_site
from clustersite.ui_strings import translator
from markupsafe import Markup, escape
from mkdocs.exceptions import PluginError

log = logging.getLogger("mkdocs.hooks.clustersite")
_site: SiteData | None = None
ENTRY_TEMPLATES = {"news": "news-post.html", "story": "story.html", "event": "event.html"}
LISTING_KEYS = ("news_page", "news_year", "news_tag")
SOCIAL_IMAGE = "assets/images/social.png"  # 1200x630, for link previews


def _repo_root(config) -> Path:
    return Path(config.config_file_path).resolve().parent


def _language(config) -> str:
    i18n = config.plugins.get("i18n")
    return getattr(i18n, "current_language", None) or DEFAULT_LANGUAGE


def _lang_root(lang: str) -> str:
    return "" if lang == DEFAULT_LANGUAGE else f"{lang}/"


def _translate(config):
    return translator(_repo_root(config) / "data" / "ui", _language(config))


def on_config(config):
    # Page bodies get the same treatment as data-file Markdown: raw HTML as
    # text, no script links. Appended, so it follows every listed extension.
    if not any(isinstance(extension, SafeHtml) for extension in config.markdown_extensions):
        config.markdown_extensions.append(SafeHtml())
    return config


def on_pre_build(config) -> None:
    global _site
    _site = None
    docs_dir = Path(config.docs_dir)
    try:
        _site = load_site(_repo_root(config), build_date(), docs_dir)
    except ContentError as error:
        raise PluginError(str(error)) from None
    if _language(config) == DEFAULT_LANGUAGE:  # once, not once per language
        for note in _site.untranslated():
            log.info(note)
        for warning in _site.warnings:  # --strict makes these fatal
            log.warning(str(warning))
    sync_stubs(docs_dir, _site.generated_pages())


def on_env(env, config, files):
    lang = _language(config)
    env.globals.update(
        site_data=_site,
        clusters=_site.sorted_clusters(lang),
        figures=_site.figures(),
        vocab=_site.vocabularies,
        lang=lang,
        lang_root=_lang_root(lang),
        t=_translate(config),
        news_feed=NEWS_FEED,
        social_image=SOCIAL_IMAGE,
        events_feed=EVENTS_FEED,
    )
    env.filters.update(
        in_lang=lambda text: text.pick(lang) if isinstance(text, LocalizedText) else text,
        markdown=lambda text: Markup(render_markdown(text.text if isinstance(text, Shown) else text)),
        local_date=lambda value: format_date(value, lang),
        local_moment=lambda value: format_moment(value, lang, VILNIUS),
        local_span=lambda start, end=None: format_span(start, end, lang, VILNIUS),
    )
    return env


def on_page_markdown(markdown, page, config, files):
    lang, meta = _language(config), page.meta
    if meta.get("cluster"):
        cluster = _site.by_slug.get(meta["cluster"])
        if cluster is None:
            raise PluginError(f"{page.file.src_uri}: no data/clusters/{meta['cluster']}.yml for this page")
        meta["title"], meta["description"] = cluster.name.pick(lang).text, cluster.summary.pick(lang).text
    elif any(key in meta for key in LISTING_KEYS):
        meta["title"] = _listing_title(meta, lang, _translate(config))
    elif entry := _site.entry_at(page.file.src_uri):
        meta["template"] = ENTRY_TEMPLATES[entry.kind]
        if entry.summary:
            meta["description"] = entry.summary.pick(lang).text
    # Material prints the title and description without escaping them.
    for key in ("title", "description"):
        if isinstance(meta.get(key), str):
            meta[key] = escape(meta[key])
    return markdown


def _listing_title(meta, lang, t) -> str:
    if "news_year" in meta:
        return t("news.year_title", year=format_date(meta["news_year"], lang))
    if "news_tag" in meta:
        return t("news.tag_title", tag=_site.vocabularies["tags"][meta["news_tag"]].label.pick(lang).text)
    return t("news.page_title", page=meta["news_page"])


def on_page_context(context, page, config, nav):
    meta = page.meta
    if meta.get("template") == "search.html":
        t = _translate(config)
        context["search_strings"] = json.dumps({key: t(f"search.{key}") for key in ("loading", "none", "found", "unavailable")}, ensure_ascii=False)
    elif meta.get("template") == "cluster-directory.html":
        context["directory_facets"] = directory.facets(_site)
        context["directory_rows"] = directory.rows_json(_site, _language(config))
        context["directory_sorts"] = directory.SORTS
    elif meta.get("cluster"):
        context["cluster"] = _site.by_slug[meta["cluster"]]
        context["related"] = _site.related(meta["cluster"])
        context["structured_data"] = script_json(
            structured_data.organization(context["cluster"], _site, _language(config), page.canonical_url)
        )
    elif meta.get("template") == "news-list.html":
        context["listing"] = _site.news_listing(
            page=meta.get("news_page", 1), year=meta.get("news_year"), tag=meta.get("news_tag")
        )
    elif entry := _site.entry_at(page.file.src_uri):
        context["entry"] = entry
        lang = _language(config)
        if entry.kind == "news":
            article = structured_data.news_article(entry, lang, page.canonical_url, config.site_name, _social_image(config))
            context["structured_data"] = script_json(article)
        elif entry.kind == "event":
            context["structured_data"] = script_json(structured_data.event(entry, lang, page.canonical_url))
    return context


def _social_image(config) -> str:
    return urljoin(config.site_url or "/", SOCIAL_IMAGE)


def on_post_page(output, page, config):
    return fix_page(output)


def on_post_build(config) -> None:
    _copy_media(config)
    _write_feeds(config, _language(config))
    _keep_404_per_language(config, _language(config))
    if _is_last_language(config):  # every page of every language is written now
        _finish_site(config)


def _copy_media(config) -> None:
    root, site_dir = _repo_root(config), Path(config.site_dir)
    for media in {c.logo for c in _site.clusters} | {e.image for e in _site.entries}:
        if media:
            target = site_dir / "media" / media
            target.parent.mkdir(parents=True, exist_ok=True)
            shutil.copyfile(root / media, target)


def _write_feeds(config, lang: str) -> None:
    out, t = Path(config.site_dir) / _lang_root(lang), _translate(config)
    common = dict(lang=lang, site_url=config.site_url, lang_root=_lang_root(lang), build_date=_site.build_date)
    feed = atom_feed(_site.news, _site.vocabularies["tags"], title=t("news.feed_title"), author=config.site_name, **common)
    _write(out / NEWS_FEED, feed.encode("utf-8"))
    events, organiser = _site.upcoming_events + _site.past_events, t("event.organiser")
    _write(out / EVENTS_FEED, calendar(events, name=t("events.feed_title"), organiser_label=organiser, **common))
    for event in events:
        one = calendar([event], name=event.title.pick(lang).text, organiser_label=organiser, **common)
        _write(out / event.page / f"{event.slug}.ics", one)


def _finish_site(config) -> None:
    """Site-wide files: the search index, per-language sitemaps, host headers."""
    site_dir = Path(config.site_dir)
    try:
        build_search_index(site_dir)
    except SearchIndexError as error:
        raise PluginError(str(error)) from None
    root_sitemap = (site_dir / "sitemap.xml").read_text(encoding="utf-8")
    for code in _other_languages(config):
        sitemap = language_sitemap(root_sitemap, urljoin(config.site_url, f"{code}/"))
        _write(site_dir / code / "sitemap.xml", sitemap.encode("utf-8"))
    base_path = urlsplit(config.site_url or "/").path or "/"
    _write(site_dir / "_headers", headers_file(site_dir, base_path).encode("utf-8"))
    # Netlify serves only the root 404.html unless told; Cloudflare Pages finds the nearest one itself.
    redirects = "".join(f"{base_path}{code}/*  {base_path}{code}/404.html  404\n" for code in _other_languages(config))
    _write(site_dir / "_redirects", redirects.encode("utf-8"))


def _keep_404_per_language(config, lang: str) -> None:
    """MkDocs writes /404.html in every language's build, the last one winning.
    Keep each: the default language's at /404.html, the others' at /<lang>/404.html."""
    site_dir = Path(config.site_dir)
    built, kept_default = site_dir / "404.html", site_dir / ".404.default.html"
    if not built.is_file():
        return
    built.write_text(fix_page(built.read_text(encoding="utf-8")), encoding="utf-8")  # no on_post_page for it
    if lang == DEFAULT_LANGUAGE:
        shutil.copyfile(built, kept_default)
    else:
        _write(site_dir / lang / "404.html", built.read_bytes())
    if _is_last_language(config) and kept_default.is_file():
        kept_default.replace(built)


def _other_languages(config) -> list[str]:
    i18n = config.plugins.get("i18n")
    return [lang for lang in i18n.build_languages if lang != i18n.default_language] if i18n else []


def _is_last_language(config) -> bool:
    i18n = config.plugins.get("i18n")
    if i18n is None:
        return True
    # The i18n plugin builds the default language first, then the others in order.
    order = [i18n.default_language] + [lang for lang in i18n.build_languages if lang != i18n.default_language]
    return i18n.current_language == order[-1]


def _write(path: Path, data: bytes) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
