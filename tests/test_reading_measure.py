"""Articles read at a comfortable measure on a desktop: no line of running
text on a news post, story, event or hand-written page is longer than about
75 characters (the stylesheet's 36em; 80 allows for narrow letters)."""

from __future__ import annotations

import pytest

from browser_support import serve
from conftest import REPO

pytestmark = pytest.mark.browser

MOST = 80
ROOTS = ("", "en/")
LONGEST_LINE = """() => {
  let longest = 0;
  for (const block of document.querySelectorAll('.md-content article p, .md-content article li, .md-content .md-typeset > p, .md-content .md-typeset > ul > li')) {
    const lines = new Map();
    const walker = document.createTreeWalker(block, NodeFilter.SHOW_TEXT);
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      for (let i = 0; i < node.length; i++) {
        const range = document.createRange();
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        const box = range.getBoundingClientRect();
        if (box.width === 0 && box.height === 0) continue;
        const line = Math.round(box.top);
        lines.set(line, (lines.get(line) || 0) + 1);
      }
    }
    for (const count of lines.values()) longest = Math.max(longest, count);
  }
  return longest;
}"""


def longest_files(folder: str) -> str:
    """The page of the longest Lithuanian file in a content folder: the hardest case."""
    path = max(
        (p for p in (REPO / "content" / folder).glob("*.md") if not p.name.endswith(".en.md") and not p.name.startswith("index.")),
        key=lambda p: p.stat().st_size,
    )
    return f"{folder}/{path.name.removesuffix('.md').removesuffix('.lt')}/"


def test_running_text_keeps_to_about_75_characters_a_line(chromium, real_site):
    pages = [longest_files(folder) for folder in ("naujienos", "sekmes-istorijos", "renginiai")] + ["apie-klasterius/", "inolink/"]
    context = chromium.new_context(viewport={"width": 1440, "height": 900})
    page = context.new_page()
    with serve(real_site.site) as base:
        for root in ROOTS:
            for path in pages:
                page.goto(f"{base}{root}{path}")
                longest = page.evaluate(LONGEST_LINE)
                assert 40 < longest <= MOST, (root, path, longest)
    context.close()
