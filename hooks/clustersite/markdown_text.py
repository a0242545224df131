"""Markdown from data files (descriptions, how to join) rendered safely.

Editors' Markdown may not carry raw HTML or script links: raw HTML is shown
as text, links and images keep only http(s), mailto and relative targets,
and headings are moved down so they nest under the page's own headings.
"""

from __future__ import annotations

from functools import lru_cache
from urllib.parse import urlsplit
from xml.etree.ElementTree import Element

import markdown
from markdown.treeprocessors import Treeprocessor

SAFE_SCHEMES = {"", "http", "https", "mailto"}
HEADING_SHIFT = 2  # the description sits under the page's h1 and a section h2


class _SafeTree(Treeprocessor):
    def run(self, root: Element) -> None:
        for element in root.iter():
            for attribute in ("href", "src"):
                target = element.get(attribute)
                if target is not None and urlsplit(target.strip()).scheme.lower() not in SAFE_SCHEMES:
                    del element.attrib[attribute]
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6"):
                element.tag = f"h{min(6, int(element.tag[1]) + HEADING_SHIFT)}"


def _converter() -> markdown.Markdown:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeTree(md), "clustersite-safe", 0)
    return md


@lru_cache(maxsize=1)
def _shared_converter() -> markdown.Markdown:
    return _converter()


@lru_cache(maxsize=8192)
def render_markdown(text: str) -> str:
    """Safe HTML for `text`. One converter serves every call (building one
    costs more than converting a description), reset before each text; the
    result is cached, since a text shows in both languages' builds."""
    return _shared_converter().reset().convert(text)
