"""What helps a reader find things, checked on the real site's built pages:
the home page's WebSite JSON-LD and its search action, what a site search
hit says it is, sector names as links, sector pages' introductions and the
language switch's visible text. Expected values come from the data."""

from __future__ import annotations

import gzip
import json
import re
import shutil
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from clustersite.model.site_data import load_site
from clustersite.outputs.search_index import build_search_index
from clustersite.pages.kinds import SEARCH_KINDS
from clustersite.text import urls
from conftest import BUILD_DATE, REPO

pytestmark = pytest.mark.build

LANG_ROOTS = {"lt": "", "en": "en/"}


@pytest.fixture(scope="module")
def data():
    return load_site(REPO, BUILD_DATE)


def structured(page):
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def test_home_page_describes_the_site_and_its_search(real_site):
    for lang, root in LANG_ROOTS.items():
        home = real_site.page(root)
        (website,) = structured(home)
        canonical = home.find("link", rel="canonical")["href"]
        assert (website["@type"], website["url"], website["inLanguage"]) == ("WebSite", canonical, lang)
        assert website["name"]
        action = website["potentialAction"]
        assert action["@type"] == "SearchAction"
        assert action["query-input"] == "required name=search_term_string"
        template = action["target"]["urlTemplate"]
        assert template == urljoin(canonical, urls.page("search")) + "?q={search_term_string}"
        # The address is the search page of the same language, which reads its words from `q`.
        search_page = real_site.page(root + urls.page("search"))
        assert search_page.find("input", id="cs-search-q")["name"] == "q"


def test_every_indexed_page_tells_site_search_what_it_is(real_site, data):
    expected = {"klasteriai/" + data.clusters[0].slug + "/": "cluster", "": "page", "klasteriai/": "page"}
    for kind, entries in (("news", data.news), ("story", data.stories), ("event", data.events)):
        if entries:
            expected[entries[0].page] = kind
    assert set(expected.values()) >= {"cluster", "page"}
    for root in LANG_ROOTS.values():
        for path, kind in expected.items():
            body = real_site.page(root + path).find(attrs={"data-pagefind-body": True})
            assert body["data-pagefind-meta"] == f"kind:{kind}", path
    assert set(SEARCH_KINDS) == {"cluster", "news", "story", "event"}


def test_sector_pages_introduce_the_sector_from_the_data(real_site, data):
    total = len(data.vocabularies["sectors"])
    for lang, root in LANG_ROOTS.items():
        for key, term in data.vocabularies["sectors"].items():
            clusters = [c for c in data.clusters if key in c.sectors]
            if not clusters:
                continue
            lead = real_site.page(f"{root}{urls.sector(key)}").find(class_="cs-group__lead")
            text = " ".join(lead.get_text().split())
            assert term.label.pick(lang).text in text and str(total) in text and str(len(clusters)) in text
            counties = {c.county for c in clusters if c.county}
            linked = {urlsplit(a["href"]).path.rstrip("/").rsplit("/", 1)[-1] for a in lead.find_all("a")}
            assert linked == counties


def test_story_sectors_link_to_their_pages(real_site, data):
    stories = [s for s in data.stories if s.sectors]
    assert stories, "no story names a sector: nothing to check"
    for root in LANG_ROOTS.values():
        for story in stories:
            page = real_site.page(root + story.page)
            hrefs = {a["href"] for a in page.select("dl a")}
            for key in story.sectors:
                assert any(href.rstrip("/").endswith(f"{urls.sector(key).rstrip('/')}") for href in hrefs), (story.slug, key)


def test_the_language_switch_shows_the_other_languages_code(real_site):
    for lang, root in LANG_ROOTS.items():
        other = "en" if lang == "lt" else "lt"
        for path in ("", "klasteriai/", "paieska/"):
            links = real_site.page(root + path).select(".md-header a.md-select__link[hreflang]")
            assert [a["hreflang"] for a in links] == [other]
            assert links[0].get_text(" ", strip=True).startswith(other.upper())


def test_the_search_index_made_language_by_language_is_the_index_of_the_whole_site(real_site, tmp_path):
    """The build indexes each language as soon as its pages are written and
    joins the indexes (outputs/search_index.py): the same files, byte for
    byte, as Pagefind over the finished site at once."""
    whole = tmp_path / "site"
    shutil.copytree(real_site.site, whole)
    shutil.rmtree(whole / "pagefind")
    build_search_index(whole)

    def index(site):
        return {path.relative_to(site): path.read_bytes() for path in (site / "pagefind").rglob("*") if path.is_file()}

    built, at_once = index(real_site.site), index(whole)
    assert sorted(built) == sorted(at_once)
    assert [path for path in built if built[path] != at_once[path]] == []
    assert set(json.loads(built[Path("pagefind", "pagefind-entry.json")])["languages"]) == set(LANG_ROOTS)


def test_a_profile_is_found_by_its_own_text_not_by_the_clusters_it_names(real_site, data):
    """Similar clusters list other clusters' names, and the mini map repeats
    the county: neither is part of the profile's text in the search index,
    so a search for one cluster does not return its neighbours' profiles."""
    kinds = set()
    for cluster in data.clusters:
        for root in LANG_ROOTS.values():
            page = real_site.page(root + urls.cluster(cluster.slug))
            assert page.find(attrs={"data-pagefind-body": True}).find("h1")  # the profile itself is indexed
            for section in page.select("section.cs-similar, section.cs-panel--map"):
                assert section.has_attr("data-pagefind-ignore"), (cluster.slug, section["class"])
                kinds.add(section["class"][-1])
    assert kinds == {"cs-similar", "cs-panel--map"}


def test_search_quotes_a_page_without_its_citation_markers(real_site, data):
    """A fact's marker ("šaltinis 4") is a link for readers, not words to
    find: the index leaves every marker out, so hits and their excerpts
    read as the text does."""
    cited = [(root, urls.cluster(cluster.slug)) for cluster in data.clusters for root in LANG_ROOTS.values()]
    cited += [(root, entry.page) for entry in data.news for root in LANG_ROOTS.values()]
    markers = 0
    for root, path in cited:
        for marker in real_site.page(root + path).select("sup.cs-cite"):
            assert marker.has_attr("data-pagefind-ignore"), (root + path, str(marker)[:80])
            markers += 1
    assert markers > len(data.clusters)  # profiles' facts and the news items' bodies carry them
    words = {"lt": "šaltinis", "en": "source"}
    for fragment in (real_site.site / "pagefind" / "fragment").glob("*.pf_fragment"):
        record = gzip.decompress(fragment.read_bytes())
        content = json.loads(record[record.index(b"{") :])
        lang = fragment.name.split("_")[0]
        assert not re.search(rf"{words[lang]} \d", content["content"]), (content["url"], content["content"][:200])
