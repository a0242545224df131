"""Directory filters, site search and the language switch in a real browser.

A fixture site is built under a sub-path (/sub/), served on localhost with
its own security headers, and driven in Debian's headless Chromium.
Expected results are computed from the fixture data, not written out.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

import pytest

from browser_support import PageWatch, serve
from check_support import SOURCE
from conftest import copy_site_sources, replace_content, run_build

pytestmark = pytest.mark.browser  # needs Chromium (and Java for the HTML checker); `make test-fast` skips it

SUB = "/sub/"


def cluster(name_lt, name_en, summary_lt, summary_en, sectors, county, city, founded, members, label, maturity, open_):
    lines = [
        f"name:\n  lt: {name_lt}\n  en: {name_en}",
        f"summary:\n  lt: {summary_lt}\n  en: {summary_en}",
        f"sectors: [{', '.join(sectors)}]",
        f"county: {county}",
        f"city: {city}",
        f"founded: {founded}",
        f"maturity:\n  level: {maturity}",
        f"open_to_members: {'true' if open_ else 'false'}",
        "sources:\n  - url: https://example.org/saltinis",
    ]
    if members:  # named, and counted by the (fixture's) source: only a stated count sorts and shows as a size
        lines.append("members:\n" + "".join(f"  - name: {m}\n" for m in members).rstrip())
        lines.append(f"member_count:\n  value: {len(members)}\n  as_of: 2025")
    if label:
        level, awarded = label
        lines.append(f"labels:\n  - level: {level}\n    issuer: ESCA\n    awarded: {awarded}")
    return "\n".join(lines) + "\n"


# slug: (name lt, sectors, county, founded, members, label, maturity, open)
FIXTURE = {
    "saules-energija": (
        "Saulės energija",
        "Solar energy",
        "Saulės jėgainių klasteris Šiauliuose.",
        "A solar power cluster.",
        ["energy-construction"],
        "siauliai",
        "Šiauliai",
        2010,
        ["Gintarinė bitė", "UAB Saulėtekis", "Šviesos institutas"],
        ("gold", "2025-09-01"),
        "mature",
        True,
    ),
    "cukrus": (
        "Cukraus klasteris",
        "Sugar cluster",
        "Maisto įmonių klasteris.",
        "A food cluster.",
        ["agro-food"],
        "kaunas",
        "Kaunas",
        2015,
        [f"UAB Maistas {n}" for n in range(1, 6)],
        ("bronze", "2025-01-10"),
        "formed",
        False,
    ),
    "ciurlionis": (
        "Čiurlionio menai",
        "Čiurlionis Arts",
        "Kūrybinių industrijų klasteris.",
        "A creative industries cluster.",
        ["creative-industries"],
        "vilnius",
        "Vilnius",
        2005,
        ["VšĮ Menų erdvė", "Dailės studija"],
        ("bronze", "2019-03-01"),
        "developing",
        True,
    ),
    "zalgiris": (
        "Žalgirio sveikata",
        "Žalgiris Health",
        "Sveikatos klasteris.",
        "A health cluster.",
        ["health"],
        "kaunas",
        "Kaunas",
        2018,
        [],
        None,
        "emerging",
        False,
    ),
    "zarasai": (
        "Zarasų turizmas",
        "Zarasai Tourism",
        "Turizmo klasteris.",
        "A tourism cluster.",
        ["tourism"],
        "utena",
        "Zarasai",
        2012,
        ["Ežerų sodyba", "Zarasų kempingas", "Gidų bendrija"],
        ("silver", "2025-06-01"),
        "formed",
        True,
    ),
    "ateitis": (
        "Ateities IRT",
        "Future ICT",
        "Inovacijų ir technologijų klasteris.",
        "An innovation and technology cluster.",
        ["ict", "manufacturing-engineering"],
        "vilnius",
        "Vilnius",
        2020,
        [f"Programuotojai {n}" for n in range(1, 11)],
        None,
        "developing",
        True,
    ),
}
NEWS = {
    "naujienos/2026-01-15-tinklas.md": f"---\ntitle: Klasterių tinklas plečiasi\ndate: 2026-01-15\nclusters: [ateitis]\n{SOURCE}---\n\nKlasteriai kartu kuria naujų inovacijų programą.\n",
    "naujienos/2026-01-15-tinklas.en.md": "---\ntitle: The cluster network grows\n---\n\nClusters are building a new innovation programme together.\n",
}


def row(slug):
    name, _, _, _, sectors, county, city, founded, members, label, maturity, open_ = FIXTURE[slug]
    return {
        "name": name,
        "sectors": sectors,
        "county": county,
        "founded": founded,
        "members": len(members) or None,
        "label": label,
        "maturity": maturity,
        "open": open_,
    }


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_site_sources(tmp_path_factory.mktemp("browser") / "repo")
    clusters = {slug: cluster(*values) for slug, values in FIXTURE.items()}
    replace_content(root, clusters, NEWS)
    build = run_build(root, root.parent / "site", env_extra={"SITE_URL": f"https://example.org{SUB}"})
    assert build.returncode == 0, build.output
    with serve(build.site, SUB) as base:
        yield base, build


@pytest.fixture
def page(chromium, site):
    base, _ = site
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.watch = PageWatch(page)
    yield page
    # Every test: nothing left localhost, and the page raised no error (CSP violations included).
    assert page.watch.hosts() <= {urlsplit(base).netloc}, page.watch.hosts()
    assert page.watch.errors == []
    context.close()


def visible_names(page):
    """Names of the cards a person sees (rendered, not just without `hidden`)."""
    return page.eval_on_selector_all("#cs-cards > li h2", "els => els.filter(e => e.getClientRects().length > 0).map(e => e.textContent.trim())")


def count_of(page, facet, value):
    return int(page.inner_text(f'[data-count-for="{facet}={value}"]').strip("()"))


def lithuanian_sorted(names):
    from clustersite.text.collation import lithuanian_key

    return sorted(names, key=lithuanian_key)


def test_facets_filter_and_counts_follow_the_other_filters(page, site):
    base, _ = site
    page.goto(base + "klasteriai/")
    assert page.inner_text("#cs-count") == f"Rodoma klasterių: {len(FIXTURE)} iš {len(FIXTURE)}"
    kaunas = [row(s)["name"] for s in FIXTURE if row(s)["county"] == "kaunas"]
    page.check("#cs-f-county-kaunas")
    assert sorted(visible_names(page)) == sorted(kaunas)
    assert page.inner_text("#cs-count") == f"Rodoma klasterių: {len(kaunas)} iš {len(FIXTURE)}"
    # Sector counts now count only Kaunas clusters; county counts ignore the county filter itself.
    for sector in ("agro-food", "health", "ict"):
        expected = sum(1 for s in FIXTURE if row(s)["county"] == "kaunas" and sector in row(s)["sectors"])
        if page.locator(f'[data-count-for="sector={sector}"]').count():
            assert count_of(page, "sector", sector) == expected
    assert count_of(page, "county", "vilnius") == sum(1 for s in FIXTURE if row(s)["county"] == "vilnius")
    page.check("#cs-f-label-none")
    both = [row(s)["name"] for s in FIXTURE if row(s)["county"] == "kaunas" and row(s)["label"] is None]
    assert visible_names(page) == lithuanian_sorted(both)


def test_label_maturity_and_open_facets(page, site):
    base, _ = site
    page.goto(base + "klasteriai/")
    page.check("#cs-f-label-expired")
    assert visible_names(page) == [row("ciurlionis")["name"]]  # awarded 2019: expired by the build date
    page.uncheck("#cs-f-label-expired")
    page.check("#cs-f-maturity-formed")
    page.check("#cs-f-open-yes")
    expected = [row(s)["name"] for s in FIXTURE if row(s)["maturity"] == "formed" and row(s)["open"]]
    assert visible_names(page) == lithuanian_sorted(expected)


def test_filter_state_round_trips_through_the_url_and_history(page, site):
    base, _ = site
    page.goto(base + "klasteriai/")
    page.check("#cs-f-sector-health")
    page.check("#cs-f-sector-tourism")
    page.select_option("#cs-sort", "founded")
    query = parse_qs(urlsplit(page.url).query)
    assert query == {"sector": ["health", "tourism"], "sort": ["founded"]}
    shown = visible_names(page)
    # A shared link opens the same view.
    page.goto(page.url)
    assert page.is_checked("#cs-f-sector-health") and page.is_checked("#cs-f-sector-tourism")
    assert page.input_value("#cs-sort") == "founded"
    assert visible_names(page) == shown
    # The back button undoes one change at a time.
    page.go_back()
    assert page.input_value("#cs-sort") == "name"
    assert visible_names(page) == lithuanian_sorted(shown)
    page.go_back()
    assert not page.is_checked("#cs-f-sector-tourism")
    assert visible_names(page) == [row("zalgiris")["name"]]


def test_text_filter_folds_diacritics_and_searches_members(page, site):
    base, _ = site
    page.goto(base + "klasteriai/")
    page.fill("#cs-filter-q", "ciurlionio")
    assert visible_names(page) == [row("ciurlionis")["name"]]
    page.fill("#cs-filter-q", "gintarine bite")  # a member of Saulės energija
    assert visible_names(page) == [row("saules-energija")["name"]]
    page.fill("#cs-filter-q", "niekas tokio")
    assert visible_names(page) == []
    assert page.is_visible("#cs-no-results")
    assert parse_qs(urlsplit(page.url).query) == {"q": ["niekas tokio"]}


def test_sort_orders(page, site):
    base, _ = site
    page.goto(base + "klasteriai/")
    names = [row(s)["name"] for s in FIXTURE]
    assert visible_names(page) == lithuanian_sorted(names)  # Č after C, Š after S, Ž after Z
    page.select_option("#cs-sort", "founded")
    assert visible_names(page) == [row(s)["name"] for s in sorted(FIXTURE, key=lambda s: row(s)["founded"])]
    page.select_option("#cs-sort", "members")
    by_members = sorted(FIXTURE, key=lambda s: (-(row(s)["members"] or -1), lithuanian_sorted(names).index(row(s)["name"])))
    assert visible_names(page) == [row(s)["name"] for s in by_members]


def test_controls_are_labelled_and_keyboard_operable(page, site):
    base, _ = site
    page.goto(base + "klasteriai/")
    unlabelled = page.eval_on_selector_all(
        "#cs-filters input, #cs-filters select",
        "els => els.filter(e => !(e.labels && e.labels.length)).map(e => e.id)",
    )
    assert unlabelled == []
    assert page.get_attribute("#cs-count", "aria-live") == "polite"
    page.focus("#cs-f-sector-health")
    page.keyboard.press("Space")
    assert page.is_checked("#cs-f-sector-health")
    assert page.evaluate("document.activeElement.id") == "cs-f-sector-health"  # focus stays put
    assert visible_names(page) == [row("zalgiris")["name"]]


def test_without_javascript_the_full_list_is_there(chromium, site):
    base, _ = site
    context = chromium.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(base + "klasteriai/")
    assert not page.is_visible("#cs-filters")
    assert page.locator("#cs-cards > li").count() == len(FIXTURE)
    assert page.locator("#cs-cards > li:visible").count() == len(FIXTURE)
    context.close()


def test_language_switch_keeps_the_page(page, site):
    base, _ = site
    page.goto(base + "klasteriai/cukrus/")
    page.hover(".md-header .md-select")  # the language menu opens on hover or focus
    page.click("a.md-select__link[hreflang='en']")
    page.wait_for_url(re.compile(r"/sub/en/klasteriai/cukrus/$"))
    assert page.get_attribute("html", "lang") == "en"
    assert page.inner_text("article h1") == "Sugar cluster"
    page.hover(".md-header .md-select")
    page.click("a.md-select__link[hreflang='lt']")
    page.wait_for_url(re.compile(r"/sub/klasteriai/cukrus/$"))
    assert page.get_attribute("html", "lang") == "lt"


def search(page, base, query, lang_root=""):
    page.goto(f"{base}{lang_root}paieska/?q={query}")
    page.wait_for_function("() => { const s = document.getElementById('cs-search-status').textContent; return s && !s.endsWith('…'); }")
    return page.eval_on_selector_all("#cs-search-results a", "els => els.map(e => new URL(e.href).pathname)")


def test_search_without_diacritics_and_in_another_case(page, site):
    base, _ = site
    assert f"{SUB}klasteriai/saules-energija/" in search(page, base, "siauliai")
    assert f"{SUB}klasteriai/saules-energija/" in search(page, base, "Šiauliuose")
    assert f"{SUB}naujienos/2026-01-15-tinklas/" in search(page, base, "inovacijos")  # the page says "inovacijų"
    marks = page.eval_on_selector_all("#cs-search-results mark", "els => els.map(e => e.textContent.toLowerCase())")
    assert any(m.startswith("inovacij") for m in marks)


def test_search_finds_a_cluster_by_a_members_name(page, site):
    base, _ = site
    assert search(page, base, "Saulėtekis")[0] == f"{SUB}klasteriai/saules-energija/"


def test_search_covers_the_current_language_only(page, site):
    base, _ = site
    english = search(page, base, "cluster", lang_root="en/")
    assert english and all(path.startswith(f"{SUB}en/") for path in english)
    assert search(page, base, "jėgainių", lang_root="en/") == []  # a Lithuanian-only word
    assert search(page, base, "jegainiu") != []


def test_search_from_the_header_and_by_keyboard(page, site):
    base, _ = site
    page.goto(base + "klasteriai/")
    page.fill("#cs-header-q", "zalgirio")
    page.press("#cs-header-q", "Enter")
    page.wait_for_url(re.compile(r"/sub/paieska/\?q=zalgirio"))
    page.wait_for_selector("#cs-search-results a")
    page.focus("#cs-search-q")
    page.keyboard.press("ArrowDown")
    assert page.evaluate("document.activeElement.closest('#cs-search-results') !== null")
    page.keyboard.press("ArrowUp")
    assert page.evaluate("document.activeElement.id") == "cs-search-q"
    assert page.inner_text("#cs-search-status").startswith("Rasta rezultatų:")


def test_search_opened_from_a_file_says_it_cannot_work(chromium, site):
    _, build = site
    context = chromium.new_context()
    page = context.new_page()
    page.goto((build.site / "paieska" / "index.html").as_uri() + "?q=klasteris")
    page.wait_for_function("document.getElementById('cs-search-status').textContent.length > 0")
    assert page.inner_text("#cs-search-status").startswith("Paieška veikia tik tada")
    context.close()


def lt_plural(n):
    """CLDR's Lithuanian plural form for a whole number."""
    if n % 10 == 1 and not 11 <= n % 100 <= 19:
        return "one"
    if 2 <= n % 10 <= 9 and not 11 <= n % 100 <= 19:
        return "few"
    return "other"


SHOW = {"one": "Rodyti {} klasterį", "few": "Rodyti {} klasterius", "other": "Rodyti {} klasterių"}


def test_a_sector_tile_on_the_home_page_opens_the_directory_filtered(page, site):
    base, _ = site
    page.goto(base)
    tile = page.locator("a.cs-tile[href*='sector=health']")
    tile.click()
    page.wait_for_url(re.compile(r"/sub/klasteriai/\?sector=health$"))
    assert page.is_checked("#cs-f-sector-health")
    health = [row(s)["name"] for s in FIXTURE if "health" in row(s)["sectors"]]
    assert visible_names(page) == lithuanian_sorted(health)
    assert page.inner_text("#cs-count") == f"Rodoma klasterių: {len(health)} iš {len(FIXTURE)}"


def test_a_map_dot_on_the_home_page_opens_the_profile(page, site):
    base, _ = site
    page.goto(base)
    # A cluster far from the others has its own dot; close ones are a group (the next test).
    alone = next(s for s in FIXTURE if page.locator(f"svg a.cs-map__dot[aria-label='{row(s)['name']}']").count() == 1)
    page.locator(f"svg a.cs-map__dot[aria-label='{row(alone)['name']}']").click()
    page.wait_for_url(re.compile(rf"/sub/klasteriai/{alone}/$"))
    assert page.inner_text("article h1") == row(alone)["name"]


def test_clusters_sharing_a_city_are_one_map_link_to_their_county(page, site):
    base, _ = site
    page.goto(base)
    cities = [FIXTURE[s][6] for s in FIXTURE]
    shared = next(s for s in FIXTURE if cities.count(FIXTURE[s][6]) > 1)
    city, county = FIXTURE[shared][6], row(shared)["county"]  # the fixture's clusters share a city only within a county
    group = page.locator(f"svg a.cs-map__dot--group[href$='apskritys/{county}/']")
    assert group.count() == 1
    assert group.get_attribute("aria-label").endswith(f": {cities.count(city)} klasteriai")
    group.click()
    page.wait_for_url(re.compile(rf"/sub/apskritys/{county}/$"))


def test_on_a_phone_the_filters_fold_behind_a_button_with_the_active_count(chromium, site):
    base, _ = site
    context = chromium.new_context(viewport={"width": 390, "height": 844}, has_touch=True, is_mobile=True)
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(base + "klasteriai/?county=kaunas&q=klasteris")
    summary = page.locator("#cs-filters summary")
    assert summary.inner_text() == "Filtrai (2)"  # a county and the text
    assert not page.is_visible("#cs-f-county-kaunas")  # folded
    summary.click()
    assert page.is_visible("#cs-f-county-kaunas")
    page.check("#cs-f-sector-health")
    assert summary.inner_text() == "Filtrai (3)"
    shown = visible_names(page)
    assert shown == [row("zalgiris")["name"]]
    show = page.locator(".cs-filters__show")
    assert show.inner_text() == SHOW[lt_plural(len(shown))].format(len(shown))
    page.uncheck("#cs-f-sector-health")
    kaunas = [row(s)["name"] for s in FIXTURE if row(s)["county"] == "kaunas"]
    assert show.inner_text() == SHOW[lt_plural(len(kaunas))].format(len(kaunas))
    show.click()
    assert not page.is_visible("#cs-f-county-kaunas")  # the panel closed
    assert page.evaluate("document.activeElement.id") == "cs-results"
    top = page.eval_on_selector("#cs-results", "e => e.getBoundingClientRect().top")
    assert 0 <= top < 844 / 2  # scrolled to the results, below the header
    assert page.is_visible("#cs-count") and sorted(visible_names(page)) == sorted(kaunas)
    # By keyboard: the summary opens the panel again, the state is still in the URL.
    summary.focus()
    page.keyboard.press("Enter")
    assert page.is_visible("#cs-f-county-kaunas") and page.is_checked("#cs-f-county-kaunas")
    assert parse_qs(urlsplit(page.url).query) == {"county": ["kaunas"], "q": ["klasteris"]}
    assert watch.errors == []
    context.close()


def test_on_a_wide_screen_the_filters_stay_open_without_the_show_button(page, site):
    base, _ = site
    page.goto(base + "klasteriai/")
    assert page.is_visible("#cs-f-county-kaunas")
    assert not page.is_visible(".cs-filters__show")


def test_language_switch_keeps_the_filters_and_the_query(page, site):
    base, _ = site
    page.goto(base + "klasteriai/")
    page.check("#cs-f-sector-tourism")
    page.fill("#cs-filter-q", "zarasai")
    page.hover(".md-header .md-select")
    page.click("a.md-select__link[hreflang='en']")
    page.wait_for_url(re.compile(r"/sub/en/klasteriai/\?"))
    assert page.get_attribute("html", "lang") == "en"
    assert parse_qs(urlsplit(page.url).query) == {"sector": ["tourism"], "q": ["zarasai"]}
    assert page.is_checked("#cs-f-sector-tourism")
    assert page.input_value("#cs-filter-q") == "zarasai"
    assert visible_names(page) == ["Zarasai Tourism"]
    # And back, after a change made in English.
    page.uncheck("#cs-f-sector-tourism")
    page.hover(".md-header .md-select")
    page.click("a.md-select__link[hreflang='lt']")
    page.wait_for_url(re.compile(r"/sub/klasteriai/\?q=zarasai$"))
    assert not page.is_checked("#cs-f-sector-tourism")
    assert page.input_value("#cs-filter-q") == "zarasai"


def test_language_switch_keeps_the_search_query(page, site):
    base, _ = site
    search(page, base, "klasteris")
    page.hover(".md-header .md-select")
    page.click("a.md-select__link[hreflang='en']")
    page.wait_for_url(re.compile(r"/sub/en/paieska/\?q=klasteris$"))
    assert page.input_value("#cs-search-q") == "klasteris"
