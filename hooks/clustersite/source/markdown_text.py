"""Editors' Markdown rendered safely: page bodies and data-file texts.

Raw HTML is shown as text, never as markup; links and images keep only
http(s), mailto and relative targets; attributes that run scripts are
dropped, including those `attr_list` lets Markdown set. The same extension,
`SafeHtml`, renders page bodies (the adapter appends it to mkdocs.yml's
markdown_extensions, so it comes last) and data-file texts (`render_markdown`), where headings
are also moved down so they nest under the page's own headings.
`make check` reports each occurrence to the editor (clustersite.source.raw_html).
"""

from __future__ import annotations

import posixpath
import re
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from xml.etree.ElementTree import Element

import markdown
from markdown.extensions import Extension
from markdown.postprocessors import Postprocessor
from markdown.preprocessors import Preprocessor
from markdown.treeprocessors import Treeprocessor

from clustersite.source.raw_html import SAFE_SCHEMES, URL_ATTRIBUTES, is_safe_target
from clustersite.source.site_paths import address, fragment, is_site_path, relative_url, source_candidates
from clustersite.text.errors import MarkdownSetupError

__all__ = ["SAFE_SCHEMES", "LinkPlace", "SafeHtml", "makeExtension", "render_markdown"]

HEADING_SHIFT = 2  # a data-file text sits under the page's h1 and a section h2


def _unsafe_attribute(name: str, value: str | None) -> bool:
    name = name.lower()
    return name.startswith("on") or (name in URL_ATTRIBUTES and value is not None and not is_safe_target(value))


class _SafeTree(Treeprocessor):
    """Drops event handlers and unsafe link targets from the element tree.
    Runs after every other tree step (attr_list, toc, unescape, MkDocs' link
    rewriting), so it sees the attributes as the page will carry them."""

    def __init__(self, md: markdown.Markdown, heading_shift: int):
        super().__init__(md)
        self.heading_shift = heading_shift

    def run(self, root: Element) -> None:
        for element in root.iter():
            for name, value in list(element.items()):
                if _unsafe_attribute(name, value):
                    del element.attrib[name]
            if self.heading_shift and element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                element.tag = f"h{min(6, int(element.tag[1]) + self.heading_shift)}"


_START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
_ATTRIBUTE = re.compile(r'\s+([^\s="\'<>/]+)(?:="([^"]*)")?')


class _SafeStash(Postprocessor):
    """HTML that other extensions made rather than the editor wrote: with
    raw HTML off, the stash holds only that (fenced code blocks, entities).
    fenced_code copies `{ key=value }` from a fence onto the <code> element,
    past the tree, so its start tags are cleaned here, before they are
    put into the page (the raw_html postprocessor runs at 30)."""

    def run(self, text: str) -> str:
        stash = self.md.htmlStash.rawHtmlBlocks
        for index, block in enumerate(stash):
            if isinstance(block, str) and "<" in block:
                stash[index] = _START_TAG.sub(self._clean_tag, block)
        return text

    @staticmethod
    def _clean_tag(match: re.Match[str]) -> str:
        def keep(attribute: re.Match[str]) -> str:
            return "" if _unsafe_attribute(attribute[1], attribute[2]) else attribute[0]

        return _ATTRIBUTE.sub(keep, match[0])


class _RawHtmlStaysOff(Preprocessor):
    """Fails the conversion if an extension loaded after SafeHtml put raw
    HTML handling back (md_in_html registers its own `html_block`):
    silently publishing markup would be worse than a failed build."""

    def run(self, lines: list[str]) -> list[str]:
        if "html_block" in self.md.preprocessors or "html" in self.md.inlinePatterns:
            raise MarkdownSetupError("clustersite.source.markdown_text must come last in markdown_extensions: an extension after it turned raw HTML back on")
        return lines


@dataclass
class LinkPlace:
    """Where the text being rendered will be published, for its site paths.

    A page body (`source` set): a site path becomes the relative path of the
    target's Markdown file (`../klasteriai/litek.md`), which MkDocs then
    checks and turns into the address of the page in the language being
    built. A data-file text (`page` set): it becomes the relative address
    from the page showing the text. Unset: site paths are left as written."""

    source: str | None = None  # the page's Markdown file, relative to the docs folder
    exists: Callable[[str], bool] | None = None  # whether a Markdown file is in the build
    page: str | None = None  # the page's address relative to its language root


_HELD = "data-clustersite-held"
"""Where a rewritten link's `?query#anchor` waits while MkDocs resolves the file."""


class _SitePaths(Treeprocessor):
    """Rewrites site paths (`/klasteriai/litek/`) in links and images.
    Runs after the inline patterns made the links (20) and before MkDocs'
    own link rewriting (`relpath`, 0). An anchor is held back from MkDocs
    (`_HELD`): it looks for anchors in the Markdown file, and most pages'
    sections come from their templates, not from Markdown headings."""

    def __init__(self, md: markdown.Markdown, place: LinkPlace):
        super().__init__(md)
        self.place = place

    def run(self, root: Element) -> None:
        for element in root.iter():
            if element.tag not in ("a", "img"):
                continue
            name = "href" if element.tag == "a" else "src"
            target = element.get(name)
            if target and is_site_path(target):
                self.rewrite(element, name, target)

    def rewrite(self, element: Element, name: str, target: str) -> None:
        page, place = address(target), self.place
        if place.page is not None:
            element.set(name, relative_url(page, place.page) + fragment(target))
        elif place.source is not None and place.exists is not None:
            source = next((candidate for candidate in source_candidates(page) if place.exists(candidate)), None)
            if source is None:
                return  # no such page: left as written, so MkDocs reports it (make check did already)
            folder = place.source.rsplit("/", 1)[0] if "/" in place.source else ""
            element.set(name, posixpath.relpath(source, folder or "."))
            if held := fragment(target):
                element.set(_HELD, held)


class _SitePathsDone(Treeprocessor):
    """After MkDocs' link rewriting: the held `?query#anchor` put back."""

    def run(self, root: Element) -> None:
        for element in root.iter():
            if (held := element.attrib.pop(_HELD, None)) is not None:
                name = "href" if element.tag == "a" else "src"
                element.set(name, element.get(name, "") + held)


class SafeHtml(Extension):
    """Raw HTML shown as text; no script-running attributes or links."""

    def __init__(self, **kwargs):
        self.config = {"heading_shift": [0, "Levels to move headings down (data-file texts sit under page headings)."]}
        super().__init__(**kwargs)
        self.place = LinkPlace()  # set by the adapter before each page, by render_markdown before each text

    def extendMarkdown(self, md: markdown.Markdown) -> None:
        # Without these two, `<tag>` and HTML blocks are plain text, which
        # the serializer escapes; an HTML sanitizer would need a list of
        # everything safe, this needs nothing.
        md.preprocessors.deregister("html_block", strict=False)
        md.inlinePatterns.deregister("html", strict=False)
        md.preprocessors.register(_RawHtmlStaysOff(md), "clustersite-raw-html-off", 1000)
        md.treeprocessors.register(_SitePaths(md, self.place), "clustersite-site-paths", 2)
        md.treeprocessors.register(_SitePathsDone(md), "clustersite-site-paths-done", -50)
        md.treeprocessors.register(_SafeTree(md, int(self.getConfig("heading_shift"))), "clustersite-safe", -100)
        md.postprocessors.register(_SafeStash(md), "clustersite-safe-stash", 40)


def makeExtension(**kwargs) -> SafeHtml:
    return SafeHtml(**kwargs)


@lru_cache(maxsize=1)
def _converter() -> tuple[markdown.Markdown, SafeHtml]:
    safe = SafeHtml(heading_shift=HEADING_SHIFT)
    return markdown.Markdown(extensions=["sane_lists", safe], output_format="html"), safe


@lru_cache(maxsize=8192)
def render_markdown(text: str, page: str = "") -> str:
    """Safe HTML for a data-file text shown on the page at `page` (its
    address relative to the language root: site paths in the text become
    addresses relative to it). One converter serves every call (building
    one costs more than converting a description), reset before each text;
    results are cached, as a text shows in both languages' builds."""
    converter, safe = _converter()
    safe.place.page = page
    return converter.reset().convert(text)
