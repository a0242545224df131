"""The three readers' tasks (issue 27), done in a real browser, in both
languages, on a phone (390×844) and a desktop (1440×900):

- an investor, from the home page, reaches a cluster in a chosen sector and
  its contact route in three steps or fewer;
- a company finds which clusters say they accept members, and how to apply;
- a journalist gets from a figure on a profile to the source that states it
  in one click.

A fixture site is built from the real sources with clusters whose data
covers each case (open, closed and not saying; a join text, an e-mail only,
nothing). What each step should show is computed from that data.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from browser_support import PageWatch, serve
from conftest import copy_site_sources, replace_content, run_build

pytestmark = pytest.mark.browser

SOURCE_HOST = "sources.example.org"  # every fixture source; the browser is answered locally, never the network
VIEWPORTS = {"phone": (390, 844), "desktop": (1440, 900)}
ROOTS = {"lt": "", "en": "en/"}
OPEN = {"lt": "Priima naujus narius", "en": "Open to new members"}


def source(path: str, title: str, supports: str = "") -> str:
    cited = f"    supports: [{supports}]\n" if supports else ""
    return f'  - url: https://{SOURCE_HOST}/{path}\n    title: "{title}"\n' + cited


# slug: (data file, what the tests need to know of it)
CLUSTERS = {
    "vejo-energija": """\
name: {lt: Vėjo energijos klasteris, en: Wind Energy Cluster}
summary: {lt: Vėjo jėgainių įmonių klasteris Klaipėdoje., en: A cluster of wind power companies in Klaipėda.}
description: {lt: Klasteris jungia vėjo jėgainių įmones., en: The cluster brings wind power companies together.}
sectors: [energy-construction]
county: klaipeda
city: Klaipėda
founded: 2012
website: https://wind.example.org/
contact: {email: info@wind.example.org}
member_count: {value: 14, as_of: 2024}
open_to_members: true
join:
  lt: Užpildykite narystės anketą klasterio svetainėje.
  en: Fill in the membership form on the cluster's website.
sources:
"""
    + source("vejas/nariai", "Vėjo energijos klasteris: nariai (2024)", "member_count, open_to_members")
    + source("vejas/apie", "Vėjo energijos klasteris: apie", "sectors, county, city, founded, contact"),
    "duonos-klasteris": """\
name: {lt: Duonos klasteris, en: Bread Cluster}
summary: {lt: Kepyklų klasteris Kaune., en: A cluster of bakeries in Kaunas.}
description: {lt: Kepyklos dirba kartu., en: Bakeries work together.}
sectors: [agro-food]
county: kaunas
city: Kaunas
founded: 2015
website: https://bread.example.org/
open_to_members: false
sources:
"""
    + source("duona", "Duonos klasteris"),
    "ratu-klasteris": """\
name: {lt: Ratų klasteris, en: Wheels Cluster}
summary: {lt: Transporto įmonių klasteris., en: A cluster of transport companies.}
description: {lt: Transporto įmonės dirba kartu., en: Transport companies work together.}
sectors: [transport, energy-construction]
county: vilnius
contact: {email: info@wheels.example.org}
open_to_members: true
sources:
"""
    + source("ratai", "Ratų klasteris"),
    "tylus-klasteris": """\
name: {lt: Tylusis klasteris, en: Quiet Cluster}
summary: {lt: "Klasteris, apie kurį šaltiniai sako mažai.", en: A cluster the sources say little about.}
sectors: [energy-construction]
sources:
"""
    + source("tyla", "Tylusis klasteris"),
}
WITH_ROUTE = {"vejo-energija", "duonos-klasteris", "ratu-klasteris"}  # a website, an e-mail or a way to join
SAY_OPEN = ["ratu-klasteris", "vejo-energija"]  # open_to_members: true, in the directory's order
SECTOR = "energy-construction"  # the investor's choice: three clusters, one with no way to get in touch
COUNTED = ("vejo-energija", f"https://{SOURCE_HOST}/vejas/nariai")  # the figure, and the source that states it


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_site_sources(tmp_path_factory.mktemp("tasks") / "repo")
    replace_content(root, CLUSTERS, {})
    build = run_build(root, root.parent / "site")
    assert build.returncode == 0, build.output
    with serve(build.site) as base:
        yield base


@pytest.fixture(params=[(lang, device) for lang in ROOTS for device in VIEWPORTS], ids=lambda p: f"{p[0]}-{p[1]}")
def reader(request, chromium, site):
    """A page in one language at one size; sources answer with a stand-in page."""
    lang, device = request.param
    width, height = VIEWPORTS[device]
    context = chromium.new_context(viewport={"width": width, "height": height}, has_touch=device == "phone", is_mobile=device == "phone")
    context.route(f"https://{SOURCE_HOST}/**", lambda route: route.fulfill(status=200, content_type="text/html", body="<title>source</title>"))
    page = context.new_page()
    watch = PageWatch(page)
    yield page, site + ROOTS[lang], lang, device
    assert watch.errors == []
    assert watch.hosts() <= {urlsplit(site).netloc, SOURCE_HOST}, watch.hosts()
    context.close()


class Steps:
    """Counts what a reader does: each click is one step."""

    def __init__(self, page):
        self.page, self.taken = page, 0

    def click(self, locator):
        locator.scroll_into_view_if_needed()
        assert locator.is_visible()
        locator.click()
        self.taken += 1


def card_link(page, slug):
    return page.locator(f'#cs-cards li.cs-card[data-slug="{slug}"] h2 a')


def visible_cards(page):
    return page.eval_on_selector_all("#cs-cards > li.cs-card", "els => els.filter(e => e.getClientRects().length > 0).map(e => e.dataset.slug)")


def test_an_investor_reaches_a_cluster_in_a_sector_and_its_contact_route_in_three_steps(reader):
    page, base, lang, device = reader
    steps = Steps(page)
    page.goto(base)
    steps.click(page.locator(f"a.cs-tile[href*='sector={SECTOR}']"))  # 1: the sector, from the home page
    page.wait_for_url(re.compile(rf"klasteriai/\?sector={SECTOR}$"))
    in_sector = [slug for slug, text in CLUSTERS.items() if SECTOR in text.split("sectors:", 1)[1].split("\n", 1)[0]]
    assert sorted(visible_cards(page)) == sorted(in_sector)
    chosen = next(slug for slug in visible_cards(page) if slug in WITH_ROUTE)
    steps.click(card_link(page, chosen))  # 2: a cluster in it
    page.wait_for_url(re.compile(rf"klasteriai/{chosen}/$"))
    route = page.locator(".cs-glance__row--contact dd > a")
    route.scroll_into_view_if_needed()
    assert route.is_visible()
    href = route.get_attribute("href")
    assert re.match(r"mailto:|https://|#cs-join$", href), href
    if href == "#cs-join":
        steps.click(route)  # 3: how to join, on the same page
        assert page.locator("#cs-join").is_visible()
    else:
        steps.taken += 1  # 3: writing or going to the cluster's site is the reader's own step
    assert steps.taken <= 3


def test_a_company_finds_the_clusters_that_accept_members_and_how_to_apply(reader):
    page, base, lang, device = reader
    steps = Steps(page)
    page.goto(base)
    steps.click(page.locator(".cs-hero__actions a.md-button--primary"))  # to the directory
    page.wait_for_url(re.compile(r"klasteriai/$"))
    if device == "phone":  # the filters fold behind one button there
        steps.click(page.locator("#cs-filters summary"))
    steps.click(page.locator("label[for='cs-f-open-yes']"))
    if device == "phone":
        steps.click(page.locator(".cs-filters__show"))
    assert visible_cards(page) == SAY_OPEN
    for slug in SAY_OPEN:
        page.goto(base + f"klasteriai/{slug}/")
        answer = page.locator(".cs-glance__row--open_to_members dd")
        assert answer.evaluate("dd => dd.firstChild.textContent").strip() == OPEN[lang]
        assert answer.locator(".cs-cite a").count() >= 1  # and which source says so
        how = page.locator(".cs-glance__row--contact dd > a")
        how.scroll_into_view_if_needed()
        assert how.is_visible()
        if "join:" in CLUSTERS[slug]:  # the way to apply is on the profile
            how.click()
            assert page.locator("#cs-join").is_visible()
            assert page.locator("#cs-join + *").inner_text().strip()
        else:
            assert how.get_attribute("href").startswith("mailto:")


def test_a_journalist_gets_from_a_figure_to_its_source_in_one_click(reader):
    """The figure's citation marker leads, in one click, to the numbered
    source that states it, shown on the same page with its link."""
    page, base, lang, device = reader
    slug, stated_by = COUNTED
    page.goto(base + f"klasteriai/{slug}/")
    figure = page.locator(".cs-glance__row--size dd")
    figure.scroll_into_view_if_needed()
    assert figure.is_visible() and "14" in figure.inner_text()
    marker = figure.locator(".cs-cite a")
    steps = Steps(page)
    steps.click(marker)
    target = page.locator(":target")
    assert steps.taken == 1 and target.count() == 1
    assert target.is_visible() and target.locator(f"a[href='{stated_by}']").count() == 1
