"""Links to the site's own pages written as site paths: `/klasteriai/litek/`.

The one way an editor links to a cluster, news post, story, event or any
other page, from any Markdown text (page bodies and data-file texts such
as a cluster's description): the page's Lithuanian address from the site's
root, as the browser shows it without the host. `/en/` in front is accepted
and ignored. The build rewrites each such link to the relative address of
the same page in the language being built, so it works in both languages
and on a site served under a sub-path; `make check` and the build report a
path that names no page, with the closest one.
"""

from __future__ import annotations

import posixpath
from dataclasses import dataclass
from urllib.parse import unquote, urlsplit

from clustersite.text.localized import DEFAULT_LANGUAGE, LANGUAGES


@dataclass(frozen=True)
class SiteLink:
    """A site path found in a text, where it was written."""

    path: str  # the file, as problems show it
    line: int
    field: str
    target: str  # as written: "/klasteriai/litek/#nariai"


def is_site_path(target: str) -> bool:
    return target.startswith("/") and not target.startswith("//")


def address(target: str) -> str:
    """The page a site path names, relative to a language's root, without
    language: "/en/klasteriai/litek#x" -> "klasteriai/litek/"; "/" -> ""."""
    path = unquote(urlsplit(target).path).strip("/")
    first, _, rest = path.partition("/")
    if first in LANGUAGES[1:]:
        path = rest
    path = posixpath.normpath(path) if path else ""
    return "" if path in ("", ".") else f"{path}/"


def fragment(target: str) -> str:
    """The `?query#anchor` part of a link, kept as written."""
    parts = urlsplit(target)
    return (f"?{parts.query}" if parts.query else "") + (f"#{parts.fragment}" if parts.fragment else "")


def source_candidates(page: str) -> tuple[str, ...]:
    """The Markdown files (relative to the docs folder) that make the page
    at `page`: "a/b/" -> ("a/b.md", "a/b/index.md", and the same with the
    default language's suffix, "a/b.lt.md", as the editing interface names
    news, stories and events); "" -> ("index.md", "index.lt.md")."""
    stems = ("index",) if not page else (page.rstrip("/"), f"{page}index")
    return tuple(f"{stem}{suffix}" for suffix in (".md", f".{DEFAULT_LANGUAGE}.md") for stem in stems)


def page_of_source(src: str) -> str | None:
    """The inverse: "a/b.md", "a/b.lt.md" and "a/b/index.md" -> "a/b/"; None
    for other languages' files ("a/b.en.md") and files that are not pages."""
    src = src.removesuffix(f".{DEFAULT_LANGUAGE}.md") + ".md" if src.endswith(f".{DEFAULT_LANGUAGE}.md") else src
    if not src.endswith(".md") or any(src.endswith(f".{lang}.md") for lang in LANGUAGES):
        return None
    stem = src.removesuffix(".md")
    if stem == "index":
        return ""
    return f"{stem.removesuffix('/index')}/"


def relative_url(target_page: str, from_page: str) -> str:
    """The relative address of page `target_page` from page `from_page`
    (both relative to the same language root, ending in "/" or empty)."""
    relative = posixpath.relpath(target_page or ".", from_page or ".")
    return "./" if relative == "." else f"{relative}/"
