"""The embeddable card (hooks/clustersite/templates/embed-card.html) is
whole at the size the data page recommends (360×240), in both languages, for
every real cluster: nothing spills out, and the way to the profile is seen."""

from __future__ import annotations

import re

import pytest

from browser_support import serve
from conftest import REPO

pytestmark = pytest.mark.browser

ROOTS = ("", "en/")


def recommended_size() -> tuple[int, int]:
    """The iframe's width and height, as the data page's snippet gives them."""
    snippet = (REPO / "overrides" / "partials" / "reuse-snippets.html").read_text(encoding="utf-8")
    width, height = re.search(r'width="(\d+)" height="(\d+)" style="border:0"', snippet).groups()
    return int(width), int(height)


def test_every_card_is_whole_at_its_recommended_size(chromium, real_site):
    width, height = recommended_size()
    slugs = sorted(path.stem for path in (REPO / "data" / "clusters").glob("*.yml"))
    # The card's own policy (by hash, in _headers' embed block) is tested with the build;
    # the test server sends only the pages' policy, so the browser is told to skip it here.
    context = chromium.new_context(viewport={"width": width, "height": height}, bypass_csp=True)
    page = context.new_page()
    with serve(real_site.site) as base:
        for root in ROOTS:
            for slug in slugs:
                page.goto(f"{base}{root}embed/{slug}/")
                size = page.evaluate("[document.documentElement.scrollWidth, document.documentElement.scrollHeight]")
                assert size == [width, height], (root, slug, size)
                for selector in (".card h1 a", ".more a"):
                    box = page.locator(selector).bounding_box()
                    assert box and 0 <= box["y"] and box["y"] + box["height"] <= height and box["x"] + box["width"] <= width, (root, slug, selector, box)
                assert page.locator(".card dl").evaluate("e => e.scrollHeight <= e.clientHeight"), (root, slug, "a fact is cut off")
                # In the site's look: its yellow edge (--cs-yellow).
                assert page.locator(".card").evaluate("e => getComputedStyle(e).borderLeftColor") == "rgb(253, 185, 19)"
    context.close()
