"""The directory's own search on the real site, in a real browser: inflected
Lithuanian, words without diacritics and the other language's word for a
sector or topic find the clusters they name, on both language versions.

Expected clusters come from the data by a rule, not from a list: a cluster
must be found when its name (in either language) or the name of one of its
sectors or tags (the tags of the news posts naming it) holds the word's stem,
and may be found only when its text holds the stem somewhere the search looks
(those names, its summary in the page's language, city, members, coordinator).
"""

from __future__ import annotations

from urllib.parse import parse_qs, urlsplit

import pytest

from browser_support import PageWatch, serve
from clustersite.derived.directory import cluster_tags, fold
from clustersite.model.site_data import load_site
from conftest import BUILD_DATE, REPO

pytestmark = pytest.mark.browser

# word typed -> the stem the search looks for (Lithuanian ending or English plural taken off)
QUERIES = {"lazeriai": "lazer", "lazerių": "lazer", "lazeriu": "lazer", "maistas": "maist", "lasers": "laser"}


@pytest.fixture(scope="module")
def served(real_site):
    with serve(real_site.site) as base:
        yield base


@pytest.fixture(scope="module")
def data():
    return load_site(REPO, BUILD_DATE)


def must_and_may(site, stem: str, lang: str) -> tuple[set[str], set[str]]:
    tags = cluster_tags(site)
    must, may = set(), set()
    for cluster in site.clusters:
        terms = [site.vocabularies["sectors"][key].label for key in cluster.sectors]
        terms += [site.vocabularies["tags"][key].label for key in tags.get(cluster.slug, ())]
        named = [cluster.name.lt, cluster.name.en or "", *(f"{term.lt} {term.en or ''}" for term in terms)]
        if stem in fold(" ".join(named)):
            must.add(cluster.slug)
        elsewhere = [cluster.summary.pick(lang).text, cluster.city or "", *(m.name for m in cluster.members)]
        if cluster.coordinator:
            elsewhere += [cluster.coordinator.name.lt, cluster.coordinator.name.en or ""]
        if stem in fold(" ".join(named + elsewhere)):
            may.add(cluster.slug)
    return must, may


def found_slugs(page) -> set[str]:
    return set(page.eval_on_selector_all("#cs-cards > li", "els => els.filter(e => e.getClientRects().length > 0).map(e => e.dataset.slug)"))


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_inflected_unaccented_and_other_language_words_find_their_clusters(chromium, served, data, lang_root):
    lang = "en" if lang_root else "lt"
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(page)
    page.goto(f"{served}{lang_root}klasteriai/")
    for word, stem in QUERIES.items():
        page.fill("#cs-filter-q", word)
        found = found_slugs(page)
        must, may = must_and_may(data, stem, lang)
        assert must, f"the real data names no cluster for {word!r}: the test has nothing to check"
        assert must <= found, (word, must - found)
        assert found <= may, (word, found - may)
        assert page.is_hidden("#cs-no-results")
    # The inflected forms and the form without diacritics find the same clusters.
    results = {}
    for word in ("lazeriai", "lazerių", "lazeriu"):
        page.fill("#cs-filter-q", word)
        results[word] = found_slugs(page)
    assert results["lazeriai"] == results["lazerių"] == results["lazeriu"]
    assert watch.errors == []
    context.close()


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_no_result_offers_site_search_with_the_same_words(chromium, served, lang_root):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{served}{lang_root}klasteriai/?q=zzzz+qqqq")
    assert found_slugs(page) == set()
    link = page.locator("#cs-no-results a")
    assert link.is_visible()
    assert "zzzz qqqq" in link.inner_text()
    href = urlsplit(link.get_attribute("href"))
    assert href.path == urlsplit(served).path + f"{lang_root}paieska/"
    assert parse_qs(href.query) == {"q": ["zzzz qqqq"]}
    # On a phone the words are on the first screen, not folded with the other filters.
    assert page.locator("#cs-filter-q").is_visible()
    page.fill("#cs-filter-q", "")
    assert page.is_hidden("#cs-no-results")
    context.close()


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_home_map_links_are_at_least_24_px_and_do_not_overlap_on_a_phone(chromium, served, lang_root):
    context = chromium.new_context(viewport={"width": 390, "height": 844}, is_mobile=True, has_touch=True)
    page = context.new_page()
    page.goto(f"{served}{lang_root}")
    boxes = page.eval_on_selector_all(
        "#cs-counties ~ * a.cs-map__dot, .cs-home-map a.cs-map__dot",
        "els => els.map(e => { const r = e.getBoundingClientRect(); return [r.left, r.top, r.width, r.height]; })",
    )
    assert boxes
    for _, _, width, height in boxes:
        assert width >= 24 and height >= 24, (width, height)
    # The targets are circles inscribed in their boxes: no two centres closer than a diameter.
    centres = [(left + width / 2, top + height / 2, width) for left, top, width, _ in boxes]
    for i, (x1, y1, d) in enumerate(centres):
        for x2, y2, _ in centres[i + 1 :]:
            assert ((x1 - x2) ** 2 + (y1 - y2) ** 2) ** 0.5 >= d - 0.5
    # A group's link says how many clusters it stands for, and where.
    for label in page.eval_on_selector_all("a.cs-map__dot--group", "els => els.map(e => e.getAttribute('aria-label'))"):
        assert ":" in label and any(ch.isdigit() for ch in label)
    context.close()


@pytest.mark.parametrize("lang_root", ["", "en/"])
def test_the_home_placeholders_words_find_something_in_site_search(chromium, served, lang_root):
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    page.goto(f"{served}{lang_root}")
    placeholder = page.get_attribute("#cs-home-q", "placeholder")
    # "Pvz., lazeriai, Kaunas, maistas" / "E.g. lasers, Kaunas, food": the last word of each part, not the abbreviation.
    words = [part.split()[-1] for part in placeholder.split(",") if part.split() and not part.split()[-1].endswith(".")]
    assert len(words) >= 2, placeholder
    for word in words:
        page.goto(f"{served}{lang_root}paieska/?q={word}")
        page.wait_for_function("() => { const s = document.getElementById('cs-search-status').textContent; return s && !s.endsWith('…'); }")
        assert page.locator("#cs-search-results li").count() > 0, word
        # Each hit says what it is.
        assert page.locator("#cs-search-results li .cs-search__kind").count() == page.locator("#cs-search-results li").count()
    context.close()
