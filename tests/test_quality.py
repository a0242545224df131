"""Public-sector quality on the real site: valid HTML, no broken links, WCAG
2.1 AA by axe-core, no third-party requests or cookies, and the metadata
search engines and link previews read."""

from __future__ import annotations

import json
import subprocess
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

import jsonschema
import pytest

from browser_support import PageWatch, serve
from clustersite.derived.cluster_groups import keys_in_use
from clustersite.model.cluster_model import Cluster
from clustersite.model.site_data import load_site
from clustersite.text import urls
from conftest import BUILD_DATE, REPO

pytestmark = pytest.mark.browser  # needs Chromium (and Java for the HTML checker); `make test-fast` skips it

VNU = REPO / "node_modules" / "vnu-jar" / "build" / "dist" / "vnu.jar"
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
SITEMAP = "{http://www.sitemaps.org/schemas/sitemap/0.9}"
XHTML = "{http://www.w3.org/1999/xhtml}"


def page_types() -> dict[str, str]:
    """One page of every type, picked from whatever the content is today (the
    fullest profile, the newest post...), so editors never break this list."""
    site = load_site(REPO, BUILD_DATE)
    fullest = max(site.clusters, key=lambda c: (sum(bool(getattr(c, f)) for f in Cluster.model_fields), c.slug))
    newest = site.news[0]
    # The sector and county with the most clusters: their pages show the most (cards, news, the map).
    sector = max(keys_in_use(site, "sector"), key=lambda key: sum(key in c.sectors for c in site.clusters))
    county = max(keys_in_use(site, "county"), key=lambda key: sum(key == c.county for c in site.clusters))
    return {
        "home": urls.page("home"),
        "directory": urls.section("clusters"),
        "profile": urls.cluster(fullest.slug),
        "news list": urls.section("news"),
        "news post": newest.page,
        "news year": urls.news_year(newest.date.year),
        "news topic": urls.news_tag(site.news_tags[0]),
        "stories": urls.section("story"),
        "story": site.stories[0].page,
        "events": urls.section("event"),
        "event": site.events[0].page,
        "about": urls.page("inolink"),
        "statistics": urls.page("statistics"),
        "sector": urls.sector(sector),
        "county": urls.county(county),
        "search": urls.page("search") + "?q=klasteris",
        "privacy": urls.page("privacy"),
        "accessibility": urls.page("accessibility"),
        "open data": urls.page("open_data"),
        "not found": "404.html",
    }


# One page of every type; each is checked in both languages.
PAGE_TYPES = page_types()
LANG_ROOTS = {"lt": "", "en": "en/"}


def page_url_path(site: Path, file: Path) -> str:
    relative = file.relative_to(site).as_posix()
    return "/" + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative)


def indexed_pages(site: Path) -> list[Path]:
    """The site's pages; embeddable cards (noindex, for other sites' iframes) are not among them."""
    return [f for f in sorted(site.rglob("index.html")) if '<meta name="robots" content="noindex">' not in f.read_text(encoding="utf-8")]


def test_every_page_type_exists_in_both_languages(real_site):
    for name, path in PAGE_TYPES.items():
        for lang, root in LANG_ROOTS.items():
            page = real_site.page(f"{root}{path.split('?')[0]}")
            assert page.html["lang"] == lang, (name, lang)


def test_html_is_valid_on_every_page(real_site):
    result = subprocess.run(
        ["java", "-jar", str(VNU), "--errors-only", "--skip-non-html", "--format", "json", str(real_site.site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    messages = json.loads(result.stderr or "{}").get("messages", [])
    errors = [f"{m.get('url', '').rsplit('/site/', 1)[-1]}:{m.get('lastLine')}: {m['message']}" for m in messages if m["type"] == "error"]
    assert errors == []
    assert len(list(real_site.site.rglob("*.html"))) > 60


def test_no_broken_internal_links_or_anchors(real_site):
    site = real_site.site
    ids: dict[Path, set[str]] = {}

    def anchors(file: Path) -> set[str]:
        if file not in ids:
            html = real_site.page(str(file.relative_to(site)))
            ids[file] = {tag["id"] for tag in html.find_all(id=True)} | {tag["name"] for tag in html.find_all("a", attrs={"name": True})}
        return ids[file]

    broken, checked = [], 0
    site_host = urlsplit(real_site.page("").find("link", rel="canonical")["href"]).netloc
    for file in sorted(site.rglob("*.html")):
        here = page_url_path(site, file)
        if file.name == "404.html":
            continue  # served at any address; its links are absolute
        html = real_site.page(str(file.relative_to(site)))
        for tag, attribute in (("a", "href"), ("link", "href"), ("script", "src"), ("img", "src"), ("source", "src")):
            for element in html.find_all(tag, attrs={attribute: True}):
                target = urlsplit(urljoin(here, element[attribute]))
                if target.scheme in ("mailto", "tel", "data") or (target.netloc and target.netloc != site_host):
                    continue
                path = unquote(target.path)
                resolved = site / path.lstrip("/")
                if path.endswith("/"):
                    resolved = resolved / "index.html"
                checked += 1
                if not resolved.is_file():
                    broken.append(f"{here}: {element[attribute]} (no {path})")
                elif target.fragment and resolved.suffix == ".html" and target.fragment not in anchors(resolved):
                    broken.append(f"{here}: {element[attribute]} (no #{target.fragment})")
    assert broken == []
    assert checked > 1000


def test_both_404_pages_speak_their_language(real_site):
    for lang, root, heading in (("lt", "", "Puslapis nerastas"), ("en", "en/", "Page not found")):
        page = real_site.page(f"{root}404.html")
        assert page.html["lang"] == lang
        assert page.find("h1").get_text(strip=True) == heading
    assert (real_site.site / "_redirects").read_text(encoding="utf-8") == "/en/*  /en/404.html  404\n"


def test_sitemaps_pair_every_page_with_hreflang_and_x_default(real_site):
    site = real_site.site
    tree = ET.parse(site / "sitemap.xml").getroot()
    entries = {}
    for url in tree.findall(f"{SITEMAP}url"):
        links = {link.get("hreflang"): link.get("href") for link in url.findall(f"{XHTML}link")}
        entries[url.find(f"{SITEMAP}loc").text] = links
    base = real_site.page("").find("link", rel="canonical")["href"]
    pages = {base + page_url_path(site, f).lstrip("/") for f in indexed_pages(site)}
    assert pages == set(entries)
    for loc, links in entries.items():
        assert set(links) == {"lt", "en", "x-default"}, loc
        assert links["x-default"] == links["lt"]
        assert loc in (links["lt"], links["en"])
    english = ET.parse(site / "en" / "sitemap.xml").getroot()
    english_locs = [u.find(f"{SITEMAP}loc").text for u in english.findall(f"{SITEMAP}url")]
    assert english_locs and all(loc.startswith(base + "en/") for loc in english_locs)
    assert len(english_locs) == sum(1 for loc in entries if loc.startswith(base + "en/"))


def test_canonical_description_and_previews_on_every_page(real_site):
    site = real_site.site
    for file in indexed_pages(site):
        html = real_site.page(str(file.relative_to(site)))
        path = page_url_path(site, file)
        assert html.html["lang"] == ("en" if path.startswith("/en/") else "lt"), path
        assert html.find("link", rel="canonical")["href"].endswith(path), path
        description = html.find("meta", attrs={"name": "description"})["content"]
        assert description.strip(), path
        assert html.find("meta", property="og:description")["content"] == description
        assert html.find("meta", property="og:title")["content"]
        image = html.find("meta", property="og:image")["content"]
        assert (site / urlsplit(image).path.lstrip("/")).is_file()
        assert html.find("meta", attrs={"name": "twitter:card"})["content"] == "summary_large_image"
        assert html.find("meta", attrs={"name": "twitter:image:alt"})["content"] == html.find("meta", property="og:image:alt")["content"] != ""


ORGANIZATION = {
    "type": "object",
    "required": ["@context", "@type", "name", "url", "description", "mainEntityOfPage"],
    "properties": {
        "@context": {"const": "https://schema.org"},
        "@type": {"const": "Organization"},
        "name": {"type": "string", "minLength": 1},
        "alternateName": {"type": "string", "minLength": 1},
        "url": {"type": "string", "format": "uri"},
        "foundingDate": {"type": "string", "pattern": "^[0-9]{4}$"},
        "address": {
            "type": "object",
            "required": ["@type", "addressCountry"],
            "properties": {"@type": {"const": "PostalAddress"}, "addressCountry": {"const": "LT"}},
        },
        "member": {"type": "array", "items": {"type": "object", "required": ["@type", "name"]}},
    },
}
NEWS_ARTICLE = {
    "type": "object",
    "required": ["@context", "@type", "headline", "datePublished", "inLanguage", "url", "image", "publisher"],
    "properties": {
        "@type": {"const": "NewsArticle"},
        "datePublished": {"type": "string", "format": "date"},
        "image": {"type": "array", "minItems": 1, "items": {"type": "string", "format": "uri"}},
        "publisher": {
            "type": "object",
            "required": ["@type", "name", "logo"],
            "properties": {"logo": {"type": "object", "required": ["@type", "url"], "properties": {"@type": {"const": "ImageObject"}}}},
        },
    },
}
EVENT = {
    "type": "object",
    "required": ["@context", "@type", "name", "url"],
    "properties": {"@type": {"const": "Event"}, "location": {"type": "object", "required": ["@type", "name"]}},
    "dependentRequired": {"startDate": ["endDate", "eventStatus"]},
}


def structured(page):
    return [json.loads(script.string) for script in page.find_all("script", type="application/ld+json")]


def test_structured_data_describes_clusters_news_and_events(real_site):
    from test_site_build import real_data

    data = real_data()
    checker = jsonschema.FormatChecker()
    for lang, root in LANG_ROOTS.items():
        for cluster in data.clusters:
            (org,) = structured(real_site.page(f"{root}klasteriai/{cluster.slug}/"))
            jsonschema.validate(org, ORGANIZATION, format_checker=checker)
            assert org["name"] == cluster.name.pick(lang).text
            assert {cluster.name.lt, cluster.name.en} == {org["name"], org.get("alternateName", org["name"])}
            assert org.get("foundingDate") == (str(cluster.founded) if cluster.founded else None)
            assert [m["name"] for m in org.get("member", [])] == [m.name for m in cluster.members]
        for news in data.news:
            (article,) = structured(real_site.page(f"{root}{news.page}"))
            jsonschema.validate(article, NEWS_ARTICLE, format_checker=checker)
            assert (article["headline"], article["datePublished"]) == (news.title.pick(lang).text, news.date.isoformat())
            assert (real_site.site / urlsplit(article["publisher"]["logo"]["url"]).path.lstrip("/")).is_file()
        for event in data.upcoming_events + data.past_events + data.undated_events:
            (event_data,) = structured(real_site.page(f"{root}{event.page}"))
            jsonschema.validate(event_data, EVENT, format_checker=checker)
            assert ("startDate" in event_data) == bool(event.start)  # no invented dates
    assert structured(real_site.page("klasteriai/")) == []


@pytest.fixture(scope="module")
def served(real_site):
    with serve(real_site.site) as base:
        yield base


@pytest.mark.parametrize("viewport", [{"width": 390, "height": 844}, {"width": 1280, "height": 900}], ids=["phone", "desktop"])
def test_axe_finds_no_violations_on_any_page_type(chromium, served, viewport):
    axe = AXE.read_text(encoding="utf-8")
    # axe is injected past the site's CSP (a test tool, not part of the site).
    context = chromium.new_context(viewport=viewport, bypass_csp=True)
    page = context.new_page()
    found = {}
    for name, path in PAGE_TYPES.items():
        for root in LANG_ROOTS.values():
            page.goto(f"{served}{root}{path}")
            if name == "search":
                page.wait_for_selector("#cs-search-results a")
            page.evaluate(axe)
            violations = page.evaluate(
                "async () => (await axe.run(document, {resultTypes: ['violations']}))"
                ".violations.map(v => v.id + ' (' + v.impact + '): ' + v.nodes.map(n => n.target.join(' ')).join(', '))"
            )
            if violations:
                found[f"{root}{path}"] = violations
    context.close()
    assert found == {}


def test_keyboard_reaches_a_skip_link_first_with_visible_focus(chromium, served):
    context = chromium.new_context()
    page = context.new_page()
    for root in LANG_ROOTS.values():
        page.goto(f"{served}{root}klasteriai/laugea/")
        page.keyboard.press("Tab")
        focused = page.evaluate("() => [document.activeElement.classList.contains('md-skip'), document.activeElement.getAttribute('href')]")
        assert focused == [True, "#cs-main"]
        page.wait_for_timeout(300)  # Material slides the link in
        box = page.evaluate("() => { const r = document.activeElement.getBoundingClientRect(); return [r.top, r.left, r.width]; }")
        assert box[0] >= 0 and box[1] >= 0 and box[2] > 0  # on screen while focused
        page.keyboard.press("Enter")
        assert page.evaluate("() => document.activeElement.id") == "cs-main"
    context.close()


def test_no_request_leaves_the_site_and_no_cookie_is_set(chromium, served):
    context = chromium.new_context()
    page = context.new_page()
    watch = PageWatch(page)
    for path in PAGE_TYPES.values():
        for root in LANG_ROOTS.values():
            page.goto(f"{served}{root}{path}")
            page.wait_for_load_state("networkidle")
    assert watch.hosts() == {urlsplit(served).netloc}
    assert [
        url
        for url in watch.requests
        if url.endswith("sitemap.xml") and "/en/sitemap.xml" not in url and not url.endswith(f"{urlsplit(served).netloc}/sitemap.xml")
    ] == []
    assert context.cookies() == []
    context.close()
