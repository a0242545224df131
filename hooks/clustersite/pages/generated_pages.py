"""Pages made from data exist as small Markdown stubs in the docs folder.

Why stubs on disk: mkdocs-static-i18n only pairs and translates files it
finds on disk (pages generated in memory before it runs crash it or vanish),
and a plain pre-build step also survives a move to another generator. A stub
holds only front matter: the template and what it shows (a cluster slug, a
page number, a year, a tag). Titles and text come from the data at render
time. Only changed stubs are written, so `mkdocs serve` does not loop, and
stale ones (carrying the marker) are deleted.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from pathlib import Path

from clustersite.derived.cluster_groups import KINDS as GROUP_KINDS
from clustersite.derived.cluster_groups import group_path, keys_in_use
from clustersite.model.site_data import SiteData
from clustersite.source.stubs import is_stub, stub_text
from clustersite.text import urls
from clustersite.text.localized import DEFAULT_LANGUAGE, LANGUAGES

GROUP_TEMPLATE = "cluster-group.html"
GROUPS_TEMPLATE = "cluster-groups.html"
# Profiles and list pages are laid out by their templates: no Material sidebars.
HIDE = ["navigation", "toc"]


def in_languages(path: str, meta: Mapping[str, object]) -> dict[str, str]:
    """`path` (without .md) in every language: {'a/b.md': text, 'a/b.en.md': text}."""
    text = stub_text(meta)
    return {f"{path}.md" if lang == DEFAULT_LANGUAGE else f"{path}.{lang}.md": text for lang in LANGUAGES}


def wanted_stubs(site: SiteData) -> dict[str, str]:
    """Every stub the docs folder needs: {path relative to it: text}."""
    return (
        cluster_stubs(c.slug for c in site.clusters)
        | news_list_stubs(site.news_pages, site.news_years, site.news_tags)
        | group_stubs({kind: keys_in_use(site, kind) for kind in GROUP_KINDS})
    )


def cluster_stubs(slugs: Iterable[str]) -> dict[str, str]:
    wanted: dict[str, str] = {}
    for slug in slugs:
        wanted |= in_languages(urls.source_file(urls.cluster(slug)), {"template": "cluster.html", "cluster": slug, "hide": HIDE})
    return wanted


def news_list_stubs(page_count: int, years: Iterable[int], tags: Iterable[str]) -> dict[str, str]:
    """Pages 2.. of the news list, one archive page per year, one page per tag.
    Page 1 is the hand-written index page of the news section."""
    wanted: dict[str, str] = {}
    for number in range(2, page_count + 1):
        wanted |= in_languages(urls.source_file(urls.news_page(number)), {"template": "news-list.html", "news_page": number, "hide": HIDE})
    for year in years:
        wanted |= in_languages(urls.source_file(urls.news_year(year)), {"template": "news-list.html", "news_year": year, "hide": HIDE})
    for tag in tags:
        wanted |= in_languages(urls.source_file(urls.news_tag(tag)), {"template": "news-list.html", "news_tag": tag, "hide": HIDE})
    return wanted


def group_stubs(keys: Mapping[str, Iterable[str]]) -> dict[str, str]:
    """One page per sector and per county in use: {"sector": [keys], "county": [keys]}."""
    wanted: dict[str, str] = {}
    for kind, kind_keys in keys.items():
        if kind_keys:  # the index of the kind's pages, at its folder's own address
            wanted |= in_languages(f"{urls.source_file(urls.groups(kind))}/index", {"template": GROUPS_TEMPLATE, "groups": kind})
        for key in kind_keys:
            wanted |= in_languages(urls.source_file(group_path(kind, key)), {"template": GROUP_TEMPLATE, kind: key, "hide": ["navigation", "toc"]})
    return wanted


def sync_stubs(docs_dir: Path, wanted: Mapping[str, str]) -> tuple[int, int]:
    """Write missing or changed stubs, delete stale ones; return (written, deleted)."""
    written = deleted = 0
    for name, text in wanted.items():
        path = docs_dir / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")
            written += 1
    for folder in urls.GENERATED_FOLDERS:
        for path in (docs_dir / folder).glob("*.md"):
            if path.relative_to(docs_dir).as_posix() not in wanted and is_stub(path):
                path.unlink()
                deleted += 1
    return written, deleted
