"""Markdown from data files (descriptions, how to join) rendered safely.

Editors' Markdown may not carry raw HTML or script links: raw HTML is shown
as text, links and images keep only http(s), mailto and relative targets,
and headings are moved down so they nest under the page's own headings.
"""

from __future__ import annotations

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


def render_markdown(text: str) -> str:
    md = markdown.Markdown(extensions=["sane_lists"], output_format="html")
    md.preprocessors.deregister("html_block")
    md.inlinePatterns.deregister("html")
    md.treeprocessors.register(_SafeTree(md), "clustersite-safe", 0)
    return md.convert(text)
