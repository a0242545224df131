"""Every fact on a profile links to the numbered source that states it
(issue 26): the editors' rule in `make check`, and the rule on built pages."""

from __future__ import annotations

import re
import textwrap

import pytest
import yaml
from bs4 import BeautifulSoup

from clustersite.model.site_data import load_site
from clustersite.model.sources import FACT_FIELDS
from clustersite.source.citation_markers import mark_html, markers_in
from conftest import BUILD_DATE, REPO, minimal_cluster
from test_cluster_validation import problems_for, repo_with
from test_entry_validation import problems_for as entry_problems

TWO_SOURCES = """\
    sources:
      - url: https://example.org/about
        supports: [founded]
      - url: https://example.org/news
    """


def cluster_with(sources: str, **extra: str) -> str:
    """A valid cluster whose sources are `sources` (YAML), with `extra` blocks."""
    return minimal_cluster(**extra).replace("sources:\n  - url: https://example.org/source\n", textwrap.dedent(sources))


@pytest.mark.unit
def test_a_fact_with_its_source_named_loads_and_is_cited_by_number(tmp_path):
    text = cluster_with(TWO_SOURCES, founded="founded: 2011\n")
    cluster = load_site(repo_with(tmp_path, {"x.yml": text}), BUILD_DATE).clusters[0]
    assert cluster.facts_shown == ("founded",)
    assert cluster.cited_by("founded") == (1,)


@pytest.mark.unit
def test_with_one_source_every_fact_cites_it(tmp_path):
    cluster = load_site(repo_with(tmp_path, {"x.yml": minimal_cluster(founded="founded: 2011\n")}), BUILD_DATE).clusters[0]
    assert cluster.cited_by("founded") == (1,)
    assert cluster.cited_by("members") == ()  # nothing shown, nothing cited


@pytest.mark.unit
@pytest.mark.parametrize(
    ("extra", "expected"),
    [
        pytest.param(
            {"founded": "founded: 2011\n", "city": "city: Vilnius\n"},
            [
                "data/clusters/x.yml:12: city: the profile shows this fact, but no source names it; add city to the supports list "
                "of the source that states it, or remove the fact if none does"
            ],
            id="fact-without-source",
        ),
        pytest.param(
            {},
            ["data/clusters/x.yml:9: sources[0].supports[0]: names founded, which this profile does not fill; remove it from supports or fill the field"],
            id="supports-a-field-not-shown",
        ),
    ],
)
def test_citation_mistakes_are_reported_where_they_are(tmp_path, extra, expected):
    assert problems_for(tmp_path, {"x.yml": cluster_with(TWO_SOURCES, **extra)}) == expected


@pytest.mark.unit
def test_supports_takes_only_fact_fields(tmp_path):
    sources = """\
        sources:
          - url: https://example.org/about
            supports: [fonded]
        """
    assert problems_for(tmp_path, {"x.yml": cluster_with(sources)}) == [
        'data/clusters/x.yml:9: sources[0].supports[0]: unknown fact field (got "fonded"); did you mean "founded"? use one of: ' + ", ".join(FACT_FIELDS)
    ]


@pytest.mark.unit
def test_a_source_title_is_one_name_with_an_english_one_where_given(tmp_path):
    sources = """\
        sources:
          - url: https://example.org/about
            title: Apie mus
            title_en: About us
          - url: https://example.org/news
            title: Official name
          - url: https://example.org/bad
            title: {lt: Apie, en: About}
        """
    assert problems_for(tmp_path, {"x.yml": cluster_with(sources)}) == [
        "data/clusters/x.yml:14: sources[2].title: expected text (got a mapping)",
    ]
    good = cluster_with(sources.replace("            title: {lt: Apie, en: About}\n", ""))
    cluster = load_site(repo_with(tmp_path / "ok", {"x.yml": good}), BUILD_DATE).clusters[0]
    assert [s.title_in("lt") for s in cluster.sources] == ["Apie mus", "Official name", "https://example.org/bad"]
    assert [s.title_in("en") for s in cluster.sources] == ["About us", "Official name", "https://example.org/bad"]


# --- the built site ----------------------------------------------------------

MARKER_WORD = {"": "šaltinis", "en/": "source"}


def profile_paths(real_site, root: str) -> list[str]:
    site = real_site.site
    return sorted(f"{root}klasteriai/{p.parent.name}/" for p in (site / root / "klasteriai").glob("*/index.html"))


def fact_rows(page, root: str):
    """Each fact the profile shows: the at-a-glance, facts and contact panels'
    rows (not the website, its own source; not a value shown as not known or
    "none known"; not the latest dated evidence, a link to its own page; not
    a contact route that is the website or the profile's own "how to join"),
    and the members' and labels' headings."""
    wording = yaml.safe_load((REPO / "data" / "ui" / f"{'en' if root else 'lt'}.yml").read_text(encoding="utf-8"))
    said_unknown = {wording["cluster.sector_missing"], wording["glance.labels_none"]}
    divs = [div for div in page.select(".cs-facts > div, .cs-contact > div") if div.get("data-field") != "evidence"]
    rows = [div.find("dd") for div in divs]
    rows = [dd for dd in rows if dd is not None and not dd.find("a", rel="external", href=re.compile("^https?://"), recursive=False)]
    rows = [dd for dd in rows if dd.get_text(strip=True) not in said_unknown and not dd.select(".cs-glance__unknown")]
    rows = [dd for dd in rows if dd.parent.get("data-field") != "contact" or dd.find("a", href=re.compile("^(mailto|tel):"))]
    headings = [page.find(id="cs-members"), page.find(id="cs-labels")]
    return rows + [h for h in headings if h is not None]


@pytest.mark.build
@pytest.mark.parametrize("root", ["", "en/"])
def test_every_marker_leads_to_a_source_on_the_same_page_and_says_so(real_site, root):
    """On profiles (facts and descriptions) and on news, stories and events."""
    language = real_site.site / root
    pages = [p for p in language.rglob("index.html") if root or not p.relative_to(language).parts[0] == "en"]
    cited = 0
    for file in pages:
        if "cs-cite" not in file.read_text(encoding="utf-8"):
            continue  # parse only the pages with markers: the walk stays light
        page = real_site.page(file.relative_to(real_site.site).as_posix())
        sources = {li["id"]: li for li in page.select(".cs-source-list > li[id]")}
        for link in page.select(".cs-cite a"):
            cited += 1
            target = link["href"].removeprefix("#")
            assert link["href"].startswith("#") and target in sources, (file, link)
            number = target.removeprefix("cs-source-")
            assert link.get_text(" ", strip=True).split() == [MARKER_WORD[root], number], (file, link)
            assert link["title"] == sources[target].find("a").get_text(strip=True), (file, link)
    assert cited >= len(profile_paths(real_site, root))  # the walk found markers to check


@pytest.mark.build
@pytest.mark.parametrize("root", ["", "en/"])
def test_at_least_nine_profiles_in_ten_cite_every_fact_they_show(real_site, root):
    paths = profile_paths(real_site, root)
    facts, cited = 0, []
    for path in paths:
        rows = fact_rows(real_site.page(path), root)
        facts += len(rows)
        if all(row.select(".cs-cite a") for row in rows):
            cited.append(path)
    assert facts >= len(paths)  # the walk finds the facts it checks
    coverage = len(cited) / len(paths)
    print(f"{root or 'lt/'}: {len(cited)} of {len(paths)} profiles cite every fact ({coverage:.0%})")
    assert coverage >= 0.9, sorted(set(paths) - set(cited))


@pytest.mark.unit
def test_the_real_profiles_name_a_source_for_every_fact_they_show():
    """The model's rule on today's data: a fact shown is a fact cited."""
    for cluster in load_site(REPO, BUILD_DATE).clusters:
        for field in cluster.facts_shown:
            assert cluster.cited_by(field), (cluster.slug, field)


# --- markers in Markdown: news, stories, events and descriptions -------------


@pytest.mark.unit
def test_markers_are_found_outside_code_only():
    text = "Figure 12.[^2]\n\n`[^9]` in code\n\n```\n[^8]\n```\n    [^7] indented code\nTwo.[^1][^3]\n"
    assert [(line, number) for line, _, number in markers_in(text)] == [(0, 2), (8, 1), (8, 3)]


@pytest.mark.unit
def test_markers_become_links_to_the_sources_and_a_wrong_number_stays_as_written():
    html = mark_html("<p>A.[^1][^2] B.[^3] <code>[^1]</code></p>", ["One <&>", "Two"], "source")
    page = BeautifulSoup(str(html), "html.parser")
    (sup,) = page.select("sup.cs-cite")
    assert [(a["href"], a["title"], a.get_text(" ", strip=True)) for a in sup.select("a")] == [
        ("#cs-source-1", "One <&>", "source 1"),
        ("#cs-source-2", "Two", "source 2"),
    ]
    assert "B.[^3]" in page.get_text() and page.code.get_text() == "[^1]"


@pytest.mark.unit
def test_a_marker_in_a_description_names_a_listed_source(tmp_path):
    text = minimal_cluster(description="description:\n  lt: Įkurtas 2011 m.[^1]\n  en: Founded in 2011.[^3]\n")
    assert problems_for(tmp_path, {"x.yml": text}) == [
        "data/clusters/x.yml:11: description.en: cites source 3 ([^3]), but the page lists only 1; cite one of them or add the source to sources"
    ]


@pytest.mark.unit
def test_a_marker_in_a_news_post_names_a_listed_source(tmp_path):
    lt = "---\ntitle: Naujiena\ndate: 2024-03-05\nclusters: [litek]\nsources:\n  - url: https://example.org/a\n---\nTekstas.[^1]\n\nDar.[^2]\n"
    en = "---\ntitle: News\n---\nText.[^1]\n"
    assert entry_problems(tmp_path, {"naujienos/2024-03-05-a.md": lt, "naujienos/2024-03-05-a.en.md": en}) == [
        "content/naujienos/2024-03-05-a.md:10: cites source 2 ([^2]), but the page lists only 1; cite one of them or add the source to sources"
    ]
