"""The directory with more clusters than one page of cards, in a real browser.

With JavaScript the list holds the first page of matching cards and a
button adds the next page; without it the page lists every cluster. The page
size is read from cluster-directory.js, and every expected list is computed
from the fixture, so neither is written out here.
"""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import parse_qs, urlsplit

import pytest
from babel import Locale

from browser_support import PageWatch, serve
from clustersite.model.ui_strings import load_strings
from clustersite.text.collation import lithuanian_key
from conftest import copy_site_sources, minimal_cluster, replace_content, run_build

pytestmark = pytest.mark.browser

REPO = Path(__file__).resolve().parent.parent
SCRIPT = (REPO / "content" / "assets" / "javascripts" / "cluster-directory.js").read_text(encoding="utf-8")
PAGE_SIZE = int(re.search(r"const PAGE_SIZE = (\d+);", SCRIPT)[1])
LT = load_strings(REPO / "data" / "ui", "lt")
CLUSTERS = PAGE_SIZE * 2 + PAGE_SIZE // 3  # two full pages and part of a third
COUNTIES = ["kaunas", "vilnius", "utena"]
LETTERS = "AĄBCČDEĘĖFGHIĮYJKLMNOPRSŠTUŲŪVZŽ"


def fixture_rows() -> dict[str, dict]:
    rows = {}
    for index in range(CLUSTERS):
        # Names start with Lithuanian letters in an order unlike the index, so the page order is collation's.
        letter = LETTERS[(index * 7) % len(LETTERS)]
        rows[f"c{index:03d}"] = {"name": f"{letter} klasteris {index}", "county": COUNTIES[index % 3], "founded": 1990 + (index * 13) % 35}
    return rows


ROWS = fixture_rows()
ROWS_BY_NAME = {row["name"]: row for row in ROWS.values()}


def in_name_order(slugs) -> list[str]:
    return sorted((ROWS[s]["name"] for s in slugs), key=lithuanian_key)


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_site_sources(tmp_path_factory.mktemp("pages") / "repo")
    clusters = {slug: minimal_cluster(row["name"], county=f"county: {row['county']}\n", founded=f"founded: {row['founded']}\n") for slug, row in ROWS.items()}
    replace_content(root, clusters)
    build = run_build(root, root.parent / "site")
    assert build.returncode == 0, build.output
    with serve(build.site) as base:
        yield base


@pytest.fixture
def page(chromium, site):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    assert page.watch.errors == []
    context.close()


def listed(page) -> list[str]:
    """The cards in the list, once it is complete (cards go in over a few frames, the list aria-busy meanwhile)."""
    page.wait_for_selector("#cs-cards:not([aria-busy])", state="attached")
    return page.eval_on_selector_all("#cs-cards > li h2", "els => els.map(e => e.textContent.trim())")


def checked_counties(page) -> list[str]:
    return page.eval_on_selector_all("input[name='county']:checked", "boxes => boxes.map(b => b.value)")


def more_text(shown: int, matching: int) -> str:
    """The button's text: the next page of how many are left, or the last page in the plural form its number needs."""
    left = matching - shown
    if left > PAGE_SIZE:
        return LT["directory.more"].format(count=PAGE_SIZE, left=left)
    return LT[f"directory.more_rest.{Locale('lt').plural_form(left)}"].format(left=left)


def test_the_list_holds_a_page_and_the_button_adds_the_next(page, site):
    page.goto(site + "klasteriai/")
    everyone = in_name_order(ROWS)
    assert listed(page) == everyone[:PAGE_SIZE]
    assert page.inner_text("#cs-count") == LT["directory.shown"].format(shown=CLUSTERS, total=CLUSTERS)
    button = page.locator("#cs-more button")
    assert button.inner_text() == more_text(PAGE_SIZE, CLUSTERS)
    button.click()
    assert listed(page) == everyone[: 2 * PAGE_SIZE]
    # The keyboard focus moved to the first card added, so reading goes on from there.
    assert page.evaluate("document.activeElement.textContent.trim()") == everyone[PAGE_SIZE]
    assert button.inner_text() == more_text(2 * PAGE_SIZE, CLUSTERS)  # the last page: "the remaining 16"
    button.click()
    assert listed(page) == everyone
    assert not page.is_visible("#cs-more")


def test_show_more_right_after_a_change_still_focuses_the_first_new_card(page, site):
    page.goto(site + "klasteriai/")
    # The sort redraws the list over a few frames; "show more" in the same task finishes it first.
    page.evaluate("""() => {
        const sort = document.getElementById('cs-sort');
        sort.value = 'founded';
        sort.dispatchEvent(new Event('input', {bubbles: true}));
        document.querySelector('#cs-more button').click();
    }""")
    assert page.get_attribute("#cs-cards", "aria-busy") is None
    founded = [row["founded"] for row in sorted(ROWS.values(), key=lambda row: row["founded"])]
    assert [ROWS_BY_NAME[name]["founded"] for name in listed(page)] == founded[: 2 * PAGE_SIZE]
    focused = page.evaluate("document.activeElement.textContent.trim()")
    assert focused == listed(page)[PAGE_SIZE]


# Straight after the input, before any later frame: the place and name of
# each card on screen, and whether the rest of the list is still to come.
ON_SCREEN_AFTER_CLICK = """id => {
    document.getElementById(id).click();
    const cards = Array.from(document.querySelectorAll('#cs-cards > li'));
    const seen = cards.map((card, place) => [place, card.getBoundingClientRect(), card.querySelector('h2').textContent.trim()])
        .filter(([, rect]) => rect.bottom > 0 && rect.top < innerHeight);
    return [seen.map(([place, , name]) => [place, name]), document.getElementById('cs-cards').hasAttribute('aria-busy')];
}"""


@pytest.mark.parametrize("scrolled_to", ["the top of the list", "deep in the list"])
def test_the_cards_on_screen_are_right_at_once_with_nothing_stale_among_them(page, site, scrolled_to):
    page.goto(site + "klasteriai/")
    page.locator("#cs-more button").click()
    page.locator("#cs-more button").click()
    listed(page)
    place = 0 if scrolled_to == "the top of the list" else PAGE_SIZE + 10
    page.evaluate("place => document.querySelectorAll('#cs-cards > li')[place].scrollIntoView()", place)
    on_screen, busy = page.evaluate(ON_SCREEN_AFTER_CLICK, "cs-f-county-utena")
    utena = in_name_order(s for s, row in ROWS.items() if row["county"] == "utena")
    assert on_screen, "no card on screen"
    assert all(name == utena[place] for place, name in on_screen), on_screen
    # At the top of the list, only a screenful is done at once; the rest follows over the next frames.
    assert busy == (scrolled_to == "the top of the list")
    assert listed(page) == utena[:PAGE_SIZE]


@pytest.mark.parametrize("place", [3, 10, 14])
def test_a_wider_filter_does_not_scroll_to_follow_a_card_into_places_not_yet_right(page, site, place):
    # Cards come in above the one at the top of the screen: the browser's scroll
    # anchoring would follow that card down, to places later frames put right.
    page.goto(site + "klasteriai/")
    page.check("#cs-f-county-utena")
    listed(page)
    page.evaluate("place => document.querySelectorAll('#cs-cards > li')[place].scrollIntoView()", place)
    on_screen, _ = page.evaluate(ON_SCREEN_AFTER_CLICK, "cs-f-county-utena")
    everyone = in_name_order(ROWS)
    assert on_screen, "no card on screen"
    assert all(name == everyone[place] for place, name in on_screen), on_screen
    assert listed(page) == everyone[:PAGE_SIZE]


def test_a_filter_or_a_sort_starts_again_from_the_first_page(page, site):
    page.goto(site + "klasteriai/")
    page.locator("#cs-more button").click()
    page.check("#cs-f-county-vilnius")
    vilnius = in_name_order(s for s, row in ROWS.items() if row["county"] == "vilnius")
    assert listed(page) == vilnius[:PAGE_SIZE]
    assert page.inner_text("#cs-count") == LT["directory.shown"].format(shown=len(vilnius), total=CLUSTERS)
    assert page.is_visible("#cs-more") == (len(vilnius) > PAGE_SIZE)
    page.uncheck("#cs-f-county-vilnius")
    page.select_option("#cs-sort", "founded")
    oldest_first = [ROWS[s]["name"] for s in sorted(ROWS, key=lambda s: ROWS[s]["founded"])]
    assert [ROWS_BY_NAME[name]["founded"] for name in listed(page)] == [ROWS_BY_NAME[name]["founded"] for name in oldest_first[:PAGE_SIZE]]
    assert page.inner_text("#cs-more button") == more_text(PAGE_SIZE, CLUSTERS)
    # The back button undoes the sort: the name order, from its first page.
    page.go_back()
    assert listed(page) == in_name_order(ROWS)[:PAGE_SIZE]


def test_without_javascript_every_cluster_is_listed(chromium, site):
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site + "klasteriai/")
    assert listed(page) == in_name_order(ROWS)
    assert not page.is_visible("#cs-more")
    context.close()


@pytest.mark.parametrize("path", ["", "klasteriai/", "en/klasteriai/", "naujienos/"])
def test_a_page_view_does_not_download_the_sitemap(page, site, path):
    """Material downloads and parses the sitemap beside every link whose rel is
    exactly "alternate" (it takes them for other languages' sites); with a
    thousand clusters that is a megabyte and most of a second of a phone's
    time on every page. The feeds are still announced to feed readers."""
    page.goto(site + path)
    page.wait_for_load_state("networkidle")
    assert [url for url in page.watch.requests if "sitemap" in url] == []
    feeds = page.eval_on_selector_all(
        "head link[type='application/atom+xml'], head link[type='text/calendar']", "ls => ls.map(l => l.relList.contains('alternate'))"
    )
    assert feeds == [True, True]


def test_a_filter_change_fetches_nothing_not_even_the_page_icon(page, site):
    """Chromium fetches a page's icon again at each change of the page's own
    URL, and each filter change is one: with the icon in a file, a request per
    click and several milliseconds of the browser's time (site_icon.py)."""
    page.goto(site + "klasteriai/")
    page.wait_for_load_state("networkidle")
    before = len(page.watch.requests)
    for box in ("#cs-f-county-vilnius", "#cs-f-county-kaunas"):
        page.check(box)
        listed(page)
        page.uncheck(box)
        listed(page)
    page.fill("#cs-filter-q", "klasteris")
    listed(page)
    page.wait_for_timeout(500)  # the icon is fetched right after the change; give it time to show
    assert parse_qs(urlsplit(page.url).query) == {"q": ["klasteris"]}
    assert page.watch.requests[before:] == []


def test_a_change_writes_its_url_once_its_list_is_complete_and_the_back_button_still_steps_through_each(page, site):
    """A change of the URL costs the browser's own process some 15 ms of CPU,
    which on two cores delayed the frame of the click by as much: the URL is
    written when the list is complete, not in the click's frame."""
    page.goto(site + "klasteriai/")
    listed(page)
    after_first, after_second = page.evaluate("""() => {
        const list = document.getElementById('cs-cards');
        document.getElementById('cs-f-county-utena').click();
        const first = [location.search, list.hasAttribute('aria-busy')];
        document.getElementById('cs-f-county-kaunas').click();  // before the first change's list is complete
        return [first, location.search];
    }""")
    assert after_first == ["", True]  # the list is being drawn; its URL waits
    assert after_second == "?county=utena"  # a second change writes the first one's URL: one step each
    listed(page)
    assert sorted(parse_qs(urlsplit(page.url).query)["county"]) == ["kaunas", "utena"]
    page.go_back()
    assert checked_counties(page) == ["utena"]
    assert listed(page) == in_name_order(s for s, row in ROWS.items() if row["county"] == "utena")[:PAGE_SIZE]
    page.go_back()
    assert checked_counties(page) == [] and urlsplit(page.url).query == ""


def test_a_link_followed_while_the_list_is_drawn_leaves_the_change_in_history(page, site):
    page.goto(site + "klasteriai/")
    listed(page)
    first, search = page.evaluate("""() => {
        document.getElementById('cs-f-county-utena').click();
        const link = document.querySelector('#cs-cards > li a');
        link.click();  // the page it opens is fetched after this task
        return [link.textContent.trim(), location.search];
    }""")
    assert search == "?county=utena"  # written as the link was followed, not left to a later frame
    page.wait_for_url(re.compile(r"/klasteriai/c\d+/$"))
    assert page.inner_text("h1") == first
    page.go_back()
    assert parse_qs(urlsplit(page.url).query) == {"county": ["utena"]}
    assert checked_counties(page) == ["utena"]


def test_the_language_links_carry_a_change_whose_url_is_not_written_yet(page, site):
    page.goto(site + "klasteriai/")
    listed(page)
    search, href = page.evaluate("""() => {
        document.getElementById('cs-f-county-utena').click();
        document.querySelector('.md-header .md-select').dispatchEvent(new PointerEvent('pointerover', {bubbles: true}));
        return [location.search, document.querySelector("a.md-select__link[hreflang='en']").href];
    }""")
    assert search == ""
    assert urlsplit(href).path.endswith("/en/klasteriai/")
    assert parse_qs(urlsplit(href).query) == {"county": ["utena"]}
