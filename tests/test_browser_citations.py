"""The journalist's task in a real browser: from a fact on a profile to the
source that states it, in one click or one key press, in both languages, on
a phone and on a desktop. Run on the real site, by rule: whichever profile
cites the most sources is the one tried, and the source reached must be the
one the marker names."""

from __future__ import annotations

import pytest

from browser_support import PageWatch, serve

pytestmark = pytest.mark.browser

SCREENS = {"phone": {"width": 390, "height": 844}, "desktop": {"width": 1280, "height": 900}}
WORD = {"": "šaltinis", "en/": "source"}


@pytest.fixture(scope="module")
def served(real_site):
    with serve(real_site.site, "/") as base:
        yield base


def most_cited_profile(real_site, root: str) -> str:
    """The profile whose facts cite the most different sources."""
    paths = sorted((real_site.site / root / "klasteriai").glob("*/index.html"))
    counted = {p.parent.name: len({a["href"] for a in real_site.page(f"{root}klasteriai/{p.parent.name}/").select(".cs-facts .cs-cite a")}) for p in paths}
    return max(sorted(counted), key=lambda slug: counted[slug])


def in_view(page, selector: str) -> bool:
    return page.eval_on_selector(selector, "el => { const r = el.getBoundingClientRect(); return r.bottom > 0 && r.top < innerHeight && r.height > 0; }")


@pytest.mark.parametrize("screen", SCREENS)
@pytest.mark.parametrize("root", ["", "en/"])
def test_one_click_from_a_fact_to_its_source(chromium, served, real_site, root, screen):
    context = chromium.new_context(viewport=SCREENS[screen])
    page = context.new_page()
    watch = PageWatch(page)
    slug = most_cited_profile(real_site, root)
    page.goto(f"{served}{root}klasteriai/{slug}/")
    markers = page.locator(".cs-facts .cs-cite a")
    assert markers.count() > 0
    last = markers.nth(markers.count() - 1)  # the furthest down the facts: the longest way to its source
    target = last.get_attribute("href")
    assert last.evaluate("el => el.textContent.trim().split(/\\s+/)") == [WORD[root], target.removeprefix("#cs-source-")]  # "šaltinis 2"
    title = last.get_attribute("title")
    last.click()
    page.wait_for_function("hash => location.hash === hash", arg=target)
    assert in_view(page, target)
    assert page.locator(f"{target} > a").inner_text() == title  # the source the tooltip named, in this page's language
    assert page.eval_on_selector(target, "el => getComputedStyle(el).outlineStyle") != "none"  # marked as the target
    assert watch.errors == []
    context.close()


@pytest.mark.parametrize("root", ["", "en/"])
def test_a_marker_is_reached_by_keyboard_with_visible_focus(chromium, served, real_site, root):
    context = chromium.new_context(viewport=SCREENS["phone"])
    page = context.new_page()
    slug = most_cited_profile(real_site, root)
    page.goto(f"{served}{root}klasteriai/{slug}/")
    for _ in range(60):  # Tab through the page until a marker has focus
        page.keyboard.press("Tab")
        if page.evaluate("() => !!document.activeElement.closest('.cs-cite')"):
            break
    else:
        pytest.fail("no citation marker is reachable by Tab")
    assert page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle") != "none"
    name = page.evaluate("() => document.activeElement.textContent.trim().split(/\\s+/)")
    assert name[0] == WORD[root]
    page.keyboard.press("Enter")
    page.wait_for_function("n => location.hash === '#cs-source-' + n", arg=name[1])
    assert in_view(page, f"#cs-source-{name[1]}")
    context.close()
