"""What each page is (clustersite.pages.kinds): the kind its front matter and
path resolve to, the title and description the data gives it, the sidebars it
hides, and the error for a generated page whose subject is gone."""

from __future__ import annotations

import textwrap

import pytest
from markupsafe import Markup

from check_support import SOURCE
from clustersite.model.site_data import load_site
from clustersite.pages import kinds
from clustersite.text.errors import PageError
from conftest import BUILD_DATE, minimal_cluster
from test_cluster_validation import repo_with

ENTRIES = {
    "naujienos/2024-03-05-forumas.md": f"---\ntitle: Forumas\ndate: 2024-03-05\nsummary: Forumo santrauka.\nclusters: [litek]\n{SOURCE}---\nTekstas.\n",
    "naujienos/2024-03-05-forumas.en.md": "---\ntitle: Forum\nsummary: The forum's summary.\n---\nText.\n",
    "sekmes-istorijos/eksportas.md": f"---\ntitle: Eksportas\ndate: 2024-04-01\nclusters: [litek]\nsummary: Istorijos santrauka.\n{SOURCE}---\nTekstas.\n",
    "sekmes-istorijos/eksportas.en.md": "---\ntitle: Export\nsummary: The story's summary.\n---\nText.\n",
    "renginiai/paroda.md": f"---\ntitle: Paroda\nstart: 2026-10-03\n{SOURCE}---\nTekstas.\n",
    "renginiai/paroda.en.md": "---\ntitle: Fair\n---\nText.\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    """Two clusters (ICT in Vilnius, a name with markup in Kaunas), a news post,
    a success story and an event without a summary."""
    root = repo_with(
        tmp_path_factory.mktemp("kinds"),
        {
            "litek.yml": minimal_cluster("LITEK", place="sectors: [ict]\ncounty: vilnius\n"),
            "zenklas.yml": minimal_cluster("Ženklas <b>&</b>", place="county: kaunas\n"),
        },
    )
    for name, text in ENTRIES.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return load_site(root, BUILD_DATE, root / "content")


def t(key: str, **values) -> str:
    """Wording that shows which key was asked for and with what."""
    return key + "".join(f" {name}={value}" for name, value in sorted(values.items()))


@pytest.mark.parametrize(
    ("meta", "src_uri", "kind", "template"),
    [
        ({"cluster": "litek", "template": "cluster.html"}, "klasteriai/litek.md", "cluster", "cluster.html"),
        ({"cluster": "litek"}, "klasteriai/litek.en.md", "cluster", "cluster.html"),
        ({"template": "home.html"}, "index.md", "home", "home.html"),
        ({"template": "news-list.html", "news_page": 2}, "naujienos/puslapis/2.md", "news-list", "news-list.html"),
        ({"template": "cluster-directory.html"}, "klasteriai/index.md", "directory", "cluster-directory.html"),
        ({"template": "search.html"}, "paieska.md", "search", "search.html"),
        ({"template": "open-data.html"}, "duomenys.md", "open-data", "open-data.html"),
        ({"template": "stats.html"}, "statistika.md", "statistics", "stats.html"),
        ({"sector": "ict", "template": "cluster-group.html"}, "sektoriai/ict.md", "sector", "cluster-group.html"),
        ({"county": "kaunas", "template": "cluster-group.html"}, "apskritys/kaunas.en.md", "county", "cluster-group.html"),
        ({"title": "Forumas"}, "naujienos/2024-03-05-forumas.md", "news", "news-post.html"),
        ({"title": "Forum"}, "naujienos/2024-03-05-forumas.en.md", "news", "news-post.html"),
        ({}, "sekmes-istorijos/eksportas.md", "story", "story.html"),
        ({}, "renginiai/paroda.en.md", "event", "event.html"),
        ({"template": "statement.html"}, "prieinamumas.md", "page", "statement.html"),
        ({"title": "Apie"}, "apie-klasterius.md", "page", None),
        # The first row that matches wins: a cluster's stub is a cluster page whatever else it says.
        ({"cluster": "litek", "template": "home.html"}, "klasteriai/litek.md", "cluster", "cluster.html"),
        # A sector named without the group template is an ordinary page.
        ({"sector": "ict"}, "apie-sektorius.md", "page", None),
        # A file in a section folder that is no entry (an index page) is not an entry's page.
        ({"template": "news-list.html"}, "naujienos/index.md", "news-list", "news-list.html"),
    ],
)
def test_each_page_resolves_to_its_kind_and_template(site, meta, src_uri, kind, template):
    view = kinds.resolve(meta, src_uri, site)
    assert (view.name, view.template) == (kind, template)


def test_the_subject_is_the_record_the_page_shows(site):
    assert kinds.resolve({"cluster": "litek"}, "klasteriai/litek.md", site).subject is site.by_slug["litek"]
    assert kinds.resolve({"sector": "ict", "template": "cluster-group.html"}, "sektoriai/ict.md", site).subject.key == "ict"
    news = kinds.resolve({}, "naujienos/2024-03-05-forumas.en.md", site).subject
    assert (news.kind, news.slug) == ("news", "2024-03-05-forumas")
    assert kinds.resolve({"template": "home.html"}, "index.md", site).subject is None


@pytest.mark.parametrize(
    ("meta", "src_uri", "message"),
    [
        (
            {"cluster": "nera"},
            "klasteriai/nera.md",
            "klasteriai/nera.md: no data/clusters/nera.yml for this page; run the build again (it rewrites the generated pages)",
        ),
        (
            {"sector": "space", "template": "cluster-group.html"},
            "sektoriai/space.md",
            "sektoriai/space.md: no cluster has sector 'space' (a stub left behind); run the build again (it rewrites the generated pages)",
        ),
        # In the vocabulary, but no cluster is in it any more.
        (
            {"sector": "tourism", "template": "cluster-group.html"},
            "sektoriai/tourism.en.md",
            "sektoriai/tourism.en.md: no cluster has sector 'tourism' (a stub left behind); run the build again (it rewrites the generated pages)",
        ),
        (
            {"county": "utena", "template": "cluster-group.html"},
            "apskritys/utena.md",
            "apskritys/utena.md: no cluster has county 'utena' (a stub left behind); run the build again (it rewrites the generated pages)",
        ),
    ],
)
def test_a_stub_left_behind_is_a_page_error_naming_it(site, meta, src_uri, message):
    with pytest.raises(PageError) as raised:
        kinds.resolve(meta, src_uri, site)
    assert str(raised.value) == message


def test_a_clusters_title_and_description_come_from_its_data_in_the_pages_language(site):
    view = kinds.resolve({"cluster": "litek"}, "klasteriai/litek.md", site)
    assert (view.title(site, "lt", t), view.description("lt", t)) == ("LITEK", "Bandomojo klasterio santrauka.")
    assert (view.title(site, "en", t), view.description("en", t)) == ("LITEK (EN)", "A test cluster's summary.")


def test_entries_are_described_by_their_summary_and_keep_their_own_title(site):
    news = kinds.resolve({}, "naujienos/2024-03-05-forumas.md", site)
    assert news.title(site, "en", t) is None  # the post's own front matter title
    assert (news.description("lt", t), news.description("en", t)) == ("Forumo santrauka.", "The forum's summary.")
    story = kinds.resolve({}, "sekmes-istorijos/eksportas.en.md", site)
    assert story.description("en", t) == "The story's summary."
    event = kinds.resolve({}, "renginiai/paroda.md", site)
    assert event.description("lt", t) is None  # no summary: the page's own description, if any


def test_group_pages_are_titled_and_described_with_the_terms_name(site):
    sector = kinds.resolve({"sector": "ict", "template": "cluster-group.html"}, "sektoriai/ict.md", site)
    label = site.vocabularies["sectors"]["ict"].label
    assert sector.title(site, "en", t) == f"group.sector_title name={label.pick('en').text}"
    assert sector.description("lt", t) == f"group.sector_description name={label.pick('lt').text}"
    county = kinds.resolve({"county": "vilnius", "template": "cluster-group.html"}, "apskritys/vilnius.md", site)
    assert county.title(site, "lt", t) == f"group.county_title name={site.vocabularies['counties']['vilnius'].label.pick('lt').text}"


def test_news_list_pages_are_titled_by_year_tag_or_page_and_the_first_by_itself(site):
    def title(meta, lang="en"):
        return kinds.resolve({"template": "news-list.html", **meta}, "naujienos/x.md", site).title(site, lang, t)

    assert title({"news_page": 3}) == "news.page_title page=3"
    assert title({"news_year": 2024}) == "news.year_title year=2024"
    tag = site.vocabularies["tags"]["inolink"].label
    assert title({"news_tag": "inolink"}, "lt") == f"news.tag_title tag={tag.pick('lt').text}"
    assert title({}) is None


def test_hand_written_pages_keep_their_own_title_and_description(site):
    for meta in ({"template": "home.html"}, {"template": "stats.html"}, {}):
        view = kinds.resolve(meta, "x.md", site)
        assert (view.title(site, "lt", t), view.description("lt", t)) == (None, None)


@pytest.mark.parametrize(
    ("meta", "src_uri", "hidden"),
    [
        # Pages laid out by their own template hide both of Material's sidebars.
        ({"cluster": "litek"}, "klasteriai/litek.md", ["navigation", "toc"]),
        ({"template": "home.html"}, "index.md", ["navigation", "toc"]),
        ({}, "naujienos/2024-03-05-forumas.md", ["navigation", "toc"]),
        ({"template": "some-layout.html"}, "kita.md", ["navigation", "toc"]),
        # Text pages keep their table of contents: plain ones and the statement.
        ({}, "apie-klasterius.md", ["navigation"]),
        ({"template": "statement.html"}, "prieinamumas.md", ["navigation"]),
    ],
)
def test_the_hide_rule_by_kind(site, meta, src_uri, hidden):
    view = kinds.resolve(meta, src_uri, site)
    assert kinds.page_meta(view, site, "lt", t, meta)["hide"] == hidden


def test_a_pages_own_hide_wins(site):
    meta = {"template": "home.html", "hide": ["toc"]}
    found = kinds.page_meta(kinds.resolve(meta, "index.md", site), site, "lt", t, meta)
    assert "hide" not in found  # MkDocs keeps the page's own


def test_page_meta_sets_the_template_and_escapes_titles_and_descriptions(site):
    meta = {"cluster": "zenklas"}
    found = kinds.page_meta(kinds.resolve(meta, "klasteriai/zenklas.md", site), site, "lt", t, meta)
    assert found["template"] == "cluster.html"
    assert found["title"] == "Ženklas &lt;b&gt;&amp;&lt;/b&gt;" and isinstance(found["title"], Markup)
    assert found["description"] == "Bandomojo klasterio santrauka."
    own = {"title": "Apie <klasterius> & mus", "description": 'Kas "mes"'}
    found = kinds.page_meta(kinds.resolve(own, "apie-klasterius.md", site), site, "lt", t, own)
    assert "template" not in found  # a plain page: MkDocs' default
    assert (found["title"], found["description"]) == ("Apie &lt;klasterius&gt; &amp; mus", "Kas &#34;mes&#34;")


def test_a_plain_page_needs_no_context_and_a_news_list_gets_its_listing(site):
    info = kinds.PageInfo("lt", t, "https://example.org/apie/", "Klasteriai", "https://example.org/social.png")
    # Only what site search calls a hit on it (overrides/main.html).
    assert kinds.resolve({}, "apie-klasterius.md", site).context(site, info) == {"search_kind": "page"}
    listing = kinds.resolve({"template": "news-list.html"}, "naujienos/index.md", site).context(site, info)["listing"]
    assert [entry.slug for entry in listing.items] == ["2024-03-05-forumas"]
