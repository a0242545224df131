"""The real site, built strictly into a temporary folder, read as parsed HTML."""

from __future__ import annotations

import re
from urllib.parse import urljoin, urlsplit

import pytest

from clustersite.model.site_data import load_site
from clustersite.text.collation import lithuanian_key
from clustersite.text.dates import format_date
from conftest import BUILD_DATE, REPO

pytestmark = pytest.mark.build  # each test builds a site, or reads one a fixture builds

LANG_ROOTS = {"lt": "", "en": "en/"}
EXPIRED_WORD = {"lt": "Nebegalioja", "en": "Expired"}


def real_data():
    return load_site(REPO, BUILD_DATE)


def test_every_data_file_has_a_profile_in_both_languages(real_site):
    slugs = sorted(path.stem for path in (REPO / "data" / "clusters").glob("*.yml"))
    assert slugs, "the real site has cluster data"
    for lang, root in LANG_ROOTS.items():
        built = sorted(p.parent.name for p in (real_site.site / root / "klasteriai").glob("*/index.html"))
        assert built == slugs, lang
        for slug in slugs:
            page = real_site.page(f"{root}klasteriai/{slug}/")
            assert page.html["lang"] == lang
            assert page.find("article", class_="cs-profile").h1.get_text(strip=True)


def test_the_build_reports_no_lost_files(real_site):
    assert "Unhandled file case" not in real_site.output
    assert "WARNING" not in real_site.output


def test_directory_links_every_cluster_in_lithuanian_order(real_site):
    data = real_data()
    for lang, root in LANG_ROOTS.items():
        page = real_site.page(f"{root}klasteriai/")
        assert page.html["lang"] == lang
        links = [card.h2.a for card in page.select("li.cs-card")]
        targets = [urljoin(f"/{root}klasteriai/", a["href"]) for a in links]
        expected_order = sorted(data.clusters, key=lambda c: lithuanian_key(c.name.pick(lang).text))
        assert targets == [f"/{root}klasteriai/{c.slug}/" for c in expected_order]
        assert [a.get_text(strip=True) for a in links] == [c.name.pick(lang).text for c in expected_order]


def test_language_switch_leads_to_the_same_page_in_the_other_language(real_site):
    pages = ["", "klasteriai/", "inolink/"] + [f"klasteriai/{c.slug}/" for c in real_data().clusters]
    for path in pages:
        for lang, root in LANG_ROOTS.items():
            here = f"/{root}{path}"
            switch = {a["hreflang"]: urljoin(here, a["href"]) for a in real_site.page(f"{root}{path}").select("a.md-select__link[hreflang]")}
            # One link, to the same page in the other language (overrides/partials/alternate.html).
            addresses = {"lt": f"/{path}", "en": f"/en/{path}"}
            assert switch == {other: address for other, address in addresses.items() if other != lang}, here


def test_home_figures_are_computed_from_the_data(real_site):
    figures = real_data().figures()
    for root in LANG_ROOTS.values():
        shown = [dd.get_text(strip=True) for dd in real_site.page(root).select(".cs-figures dl > div > dd:first-of-type")]
        assert shown[:3] == [str(figures.clusters), str(figures.members), str(figures.labels_awarded)]
        assert shown[3] == format_date(real_data().news[0].date, "lt" if root == "" else "en")


def test_label_status_on_real_profiles_follows_the_build_date(real_site):
    data = real_data()
    for cluster in (c for c in data.clusters if c.labels):
        for lang, root in LANG_ROOTS.items():
            shown = [s.get_text(strip=True) for s in real_site.page(f"{root}klasteriai/{cluster.slug}/").select(".cs-label__status")]
            assert len(shown) == len(cluster.labels)
            assert (EXPIRED_WORD[lang] in shown) == any(label.status == "expired" for label in cluster.labels)


def test_no_resource_is_loaded_from_another_host(real_site):
    for file in real_site.pages():
        html = real_site.page(str(file.relative_to(real_site.site)))
        for tag, attribute in (("script", "src"), ("link", "href"), ("img", "src"), ("iframe", "src"), ("source", "src")):
            for element in html.find_all(tag):
                value = element.get(attribute)
                if not value or (tag == "link" and set(element.get("rel", [])) & {"canonical", "alternate"}):
                    continue
                assert not urlsplit(value).netloc, f"{file}: {tag} loads {value}"
        assert "fonts.googleapis.com" not in file.read_text(encoding="utf-8")


def test_inolink_page_links_its_source_in_both_languages(real_site):
    for lang, root in LANG_ROOTS.items():
        page = real_site.page(f"{root}inolink/")
        assert page.html["lang"] == lang
        assert page.find("a", href=lambda h: h and h.startswith("https://ec.europa.eu/regional_policy/"))


def test_real_news_stories_and_event(real_site):
    import feedparser
    import icalendar

    data = real_data()
    news = data.news
    assert news
    for lang, root in LANG_ROOTS.items():
        feed = feedparser.parse((real_site.site / root / "naujienos.xml").read_bytes())
        assert [e.title for e in feed.entries] == [n.title.pick(lang).text for n in news]
        for story in data.stories:
            page = real_site.page(f"{root}{story.page}")
            linked = {urljoin(f"/{root}{story.page}", a["href"]) for a in page.select(".cs-facts a")}
            assert {f"/{root}klasteriai/{slug}/" for slug in story.clusters} <= linked
        calendar = icalendar.Calendar.from_ical((real_site.site / root / "renginiai.ics").read_bytes())
        assert len(calendar.walk("VEVENT")) == len(data.upcoming_events) + len(data.past_events)
        for event in data.undated_events:
            page = real_site.page(f"{root}{event.page}")
            assert page.select_one(".cs-facts dd").get_text(strip=True) in ("Data dar nepaskelbta", "Date not yet announced")


def test_the_top_menu_marks_the_current_section(real_site):
    for root in LANG_ROOTS.values():
        for path, current, value in (
            ("klasteriai/", "klasteriai/", "page"),
            ("klasteriai/litek/", "klasteriai/", "true"),
            ("apie-klasterius/", "apie-klasterius/", "page"),
            ("privatumas/", None, None),
        ):
            here = f"/{root}{path}"
            marked = [(urljoin(here, a["href"]), a["aria-current"]) for a in real_site.page(f"{root}{path}").select("a.md-tabs__link[aria-current]")]
            assert marked == ([(f"/{root}{current}", value)] if current else []), here
        tabs = [urljoin(f"/{root}", a["href"]) for a in real_site.page(root).select("a.md-tabs__link")]
        assert f"/{root}apie-klasterius/" in tabs and f"/{root}inolink/" not in tabs


def test_no_page_shows_the_one_link_sidebar(real_site):
    for root in LANG_ROOTS.values():
        for path in ("", "klasteriai/", "klasteriai/litek/", "naujienos/", "naujienos/archyvas/2020/", "renginiai/", "apie-klasterius/"):
            sidebar = real_site.page(f"{root}{path}").select_one(".md-sidebar--primary")
            assert sidebar.has_attr("hidden"), f"{root}{path}"


def test_home_tiles_and_counties_lead_into_the_directory_with_the_facet_set(real_site):
    data = real_data()
    for _lang, root in LANG_ROOTS.items():
        home = real_site.page(root)
        tiles = {urlsplit(a["href"]).query: a.select_one(".cs-tile__count").get_text(strip=True) for a in home.select("a.cs-tile")}
        expected = {key: sum(key in c.sectors for c in data.clusters) for key in data.vocabularies["sectors"]}
        assert set(tiles) == {f"sector={key}" for key, count in expected.items() if count}
        assert all(tiles[f"sector={key}"].startswith(f"{count} ") for key, count in expected.items() if count)
        counties = {urlsplit(a["href"]).query for a in home.select(".cs-county-list a")}
        assert counties == {f"county={c.county}" for c in data.clusters if c.county}
        form = home.select_one("form.cs-hero__search")
        assert urljoin(f"/{root}", form["action"]) == f"/{root}paieska/" and form.find("input", attrs={"name": "q"})["id"] == form.label["for"]


def test_footer_links_the_site_pages_and_open_data(real_site):
    for root in LANG_ROOTS.values():
        footer = real_site.page(root).select_one(".cs-footer")
        targets = {urljoin(f"/{root}", a["href"]) for a in footer.find_all("a") if not urlsplit(a["href"]).netloc}
        assert {f"/{root}apie-klasterius/", f"/{root}inolink/", f"/{root}prieinamumas/", f"/{root}privatumas/", f"/{root}duomenys/"} <= targets


@pytest.mark.build
def test_a_member_count_is_shown_only_where_a_source_states_it_with_its_date(real_site):
    """A list of named members is never shown as the cluster's size: the
    count beside "Nariai"/"Members" on profiles and cards is the source's,
    with the date it held, and the list is headed as the known members."""
    data = real_data()
    for lang, root in LANG_ROOTS.items():
        label = {"lt": "Nariai", "en": "Members"}[lang]
        directory = real_site.page(f"{root}klasteriai/")
        for cluster in data.clusters:
            profile = real_site.page(f"{root}klasteriai/{cluster.slug}/")
            card = directory.select_one(f'li.cs-card[data-slug="{cluster.slug}"]')
            for where, page in (("profile", profile.select_one(".cs-facts")), ("card", card)):
                counts = [dt.find_next_sibling("dd").get_text(" ", strip=True) for dt in page.find_all("dt") if dt.get_text(strip=True) == label]
                if cluster.member_count is None:  # a profile says so at a glance; a card is silent
                    not_known = {"lt": "nežinoma", "en": "not known"}[lang]
                    expected = [] if where == "card" else [value for value in counts if value.startswith(not_known)]
                    assert counts == expected and (where == "card" or len(counts) == 1), (lang, where, cluster.slug, counts)
                else:
                    assert len(counts) == 1 and str(cluster.member_count.value) in counts[0], (lang, where, cluster.slug)
                    assert str(cluster.member_count.as_of if isinstance(cluster.member_count.as_of, int) else cluster.member_count.as_of.year) in counts[0]
            heading = profile.select_one("#cs-members")
            if cluster.members:
                known = {"lt": "Žinomi nariai", "en": "Known members"}[lang]
                for marker in heading.select(".cs-cite"):  # the link to the source that names them
                    marker.extract()
                assert heading.get_text(strip=True) == f"{known} ({len(cluster.members)})"
            else:
                assert heading is None


@pytest.mark.build
def test_the_home_page_and_the_statistics_count_members_the_same_way(real_site):
    figures = real_data().figures()
    for root in LANG_ROOTS.values():
        home = real_site.page(root).select(".cs-figures dl > div > dd:first-of-type")[1].get_text(strip=True)
        table = real_site.page(f"{root}statistika/").find("section", attrs={"aria-labelledby": "cs-stat-members"}).table
        assert home == str(figures.members)
        assert [cell.get_text(strip=True) for cell in table.tfoot.find_all("td")] == [home]


@pytest.mark.build
def test_public_pages_name_no_tools_or_editors_files(real_site):
    """The footer credits no tool (the accessibility statement's colophon
    does) and no page sends readers to the repository's editors' guides or
    YAML files: readers are told whom to write to instead."""
    statements = {"prieinamumas/index.html", "en/prieinamumas/index.html"}
    for path in real_site.pages():
        relative = path.relative_to(real_site.site).as_posix()
        text = real_site.page(relative).get_text(" ")
        for machinery in ("Material for MkDocs", "editors-guide.md", "vadovas-redaktoriams.md", "YAML"):
            assert relative in statements and machinery == "Material for MkDocs" or machinery not in text, (relative, machinery)
        # The data page describes fields for data users: no repository files, no editors' instructions, no placeholder code.
        assert not re.search(r"\bdata/[\w/]*\.yml\b|praleiskite|leave (it )?out|\btodo\b", text), relative
    for root in LANG_ROOTS.values():
        assert "Material for MkDocs" in real_site.page(f"{root}prieinamumas/").get_text(" ")
