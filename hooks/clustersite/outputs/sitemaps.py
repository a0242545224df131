"""A sitemap per language root, cut from the site-wide one.

mkdocs-static-i18n writes one `sitemap.xml` at the site root covering both
languages. Material's language switch also fetches `en/sitemap.xml`, and the
sitemap protocol lets a sitemap list only URLs below its own folder, so each
other language gets its own: the root sitemap's entries under its prefix.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

SITEMAP_NS = "http://www.sitemaps.org/schemas/sitemap/0.9"
XHTML_NS = "http://www.w3.org/1999/xhtml"
ET.register_namespace("", SITEMAP_NS)
ET.register_namespace("xhtml", XHTML_NS)


def language_sitemap(root_sitemap: str, language_url: str) -> str:
    """The entries of `root_sitemap` whose <loc> starts with `language_url`."""
    tree = ET.fromstring(root_sitemap)
    for url in list(tree):
        loc = url.find(f"{{{SITEMAP_NS}}}loc")
        if loc is None or not (loc.text or "").startswith(language_url):
            tree.remove(url)
    return '<?xml version="1.0" encoding="UTF-8"?>\n' + ET.tostring(tree, encoding="unicode") + "\n"
