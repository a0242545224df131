"""The statistics page, and the sector and county pages.

Unit tests run clustersite.derived.statistics on a small synthetic set; build tests
read the real site and compare what it shows with counts made here directly
from `load_site`, never with numbers written into the test.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from types import SimpleNamespace as Record
from urllib.parse import urljoin

import pytest

from clustersite.derived import statistics
from clustersite.derived.cluster_groups import keys_in_use
from clustersite.model.site_data import load_site
from clustersite.text import urls
from clustersite.text.collation import organisation_key
from conftest import BUILD_DATE, REPO

LANG_ROOTS = {"lt": "", "en": "en/"}
STATS = urls.page("statistics")


# --- unit: the statistics module on a synthetic set --------------------------


def cluster(sectors=(), county=None, founded=None, labels=(), members=()):
    return Record(
        sectors=tuple(sectors),
        county=county,
        founded=founded,
        labels=tuple(Record(level=level, awarded=awarded) for level, awarded in labels),
        members=tuple(Record(name=name, type=kind) for name, kind in members),
    )


SYNTHETIC = [
    cluster(
        ["ict", "health"],
        "vilnius",
        2011,
        [("bronze", 2018), ("silver", dt.date(2020, 3, 1))],
        [("UAB Alfa", "company"), ("UAB Beta", "company"), ("Gama", None)],
    ),
    # the same university in two lists, typed with other quotation marks: one organisation
    cluster(["ict"], "kaunas", 2011, [("bronze", 2018)], [("Technikos universitetas", "research"), ("„Technikos universitetas“", "research")]),
    cluster(["tourism"], "vilnius", 2003),
    cluster(),  # a source that names nothing
]
VOCABULARIES = {
    "sectors": dict.fromkeys(("agro-food", "ict", "health", "tourism")),
    "counties": dict.fromkeys(("kaunas", "vilnius", "utena")),
}


def rows(tally):
    return [(row.key, row.count) for row in tally.rows]


def test_sectors_count_each_cluster_in_each_of_its_sectors_most_first_ties_in_vocabulary_order():
    stats = statistics.compute(SYNTHETIC, VOCABULARIES)
    assert rows(stats.sectors) == [("ict", 2), ("health", 1), ("tourism", 1)]
    assert (stats.sectors.items, stats.sectors.all_clusters, stats.sectors.row_sum) == (3, 4, 4)


def test_counties_and_founding_years_count_only_clusters_that_give_them():
    stats = statistics.compute(SYNTHETIC, VOCABULARIES)
    assert rows(stats.counties) == [("vilnius", 2), ("kaunas", 1)]  # unused Utena has no row
    assert (stats.counties.items, stats.counties.row_sum) == (3, 3)
    assert rows(stats.founded) == [(2003, 1), (2011, 2)]  # oldest first
    assert stats.founded.items == 3


def test_labels_without_a_year_are_counted_in_a_last_row_of_their_own():
    clusters = [cluster(labels=[("bronze", None)]), cluster(labels=[("silver", 2020), ("bronze", dt.date(2014, 10, 10))])]
    tally, bars = statistics.labels_by_year(clusters)
    assert [(row.key, row.parts) for row in tally.rows] == [(2014, (0, 0, 1)), (2020, (0, 1, 0)), (statistics.YEAR_UNKNOWN, (0, 0, 1))]
    assert (tally.items, tally.clusters) == (3, 2)
    assert bars[-1].key == (statistics.YEAR_UNKNOWN, "bronze")


def test_labels_by_award_year_and_level_with_a_bar_per_year_and_level():
    stats = statistics.compute(SYNTHETIC, VOCABULARIES)
    assert stats.labels.columns == ("gold", "silver", "bronze")
    assert [(row.key, row.parts, row.count) for row in stats.labels.rows] == [(2018, (0, 0, 2), 2), (2020, (0, 1, 0), 1)]
    assert stats.labels.column_sums == (0, 1, 2)
    assert (stats.labels.items, stats.labels.clusters) == (3, 2)
    assert rows(Record(rows=stats.label_bars)) == [((2018, "bronze"), 2), ((2020, "silver"), 1)]


def test_members_by_type_come_from_the_named_lists_with_untyped_members_last():
    stats = statistics.compute(SYNTHETIC, VOCABULARIES)
    assert rows(stats.member_types) == [("company", 2), ("research", 1), (statistics.UNTYPED, 1)]
    assert (stats.member_types.items, stats.member_types.clusters) == (4, 2)


def test_no_data_gives_empty_tallies_not_errors():
    stats = statistics.compute([cluster()], VOCABULARIES)
    for tally in (stats.sectors, stats.counties, stats.founded, stats.labels, stats.member_types):
        assert not tally and tally.max_count == 0 and tally.all_clusters == 1
    assert stats.label_bars == ()


def test_the_result_does_not_depend_on_the_order_of_the_files():
    assert statistics.compute(SYNTHETIC, VOCABULARIES) == statistics.compute(SYNTHETIC[::-1], VOCABULARIES)


# --- the built site -----------------------------------------------------------


@pytest.fixture(scope="module")
def site():
    return load_site(REPO, BUILD_DATE)


def section(page, name):
    return page.find("section", attrs={"aria-labelledby": f"cs-stat-{name}"})


def linked_counts(table, folder):
    """{key: count} from rows whose heading links to <folder>/<key>/."""
    found = {}
    for row in table.tbody.find_all("tr"):
        href = row.th.a["href"]
        assert href.rstrip("/").rsplit("/", 2)[-2] == folder, href
        found[href.rstrip("/").rsplit("/", 1)[-1]] = int(row.td.get_text(strip=True))
    return found


def total(table):
    return [int(cell.get_text(strip=True)) for cell in table.tfoot.find_all("td")]


@pytest.mark.build
def test_statistics_page_has_five_captioned_tables_in_both_languages(real_site):
    for lang, root in LANG_ROOTS.items():
        page = real_site.page(f"{root}{STATS}")
        assert page.html["lang"] == lang
        tables = page.select("article table")
        assert len(tables) == 5
        for table in tables:
            assert table.caption.get_text(strip=True)
            assert all(th.get("scope") == "col" for th in table.thead.find_all("th"))
            assert all(row.th["scope"] == "row" for row in table.tbody.find_all("tr"))


@pytest.mark.build
def test_every_chart_is_a_named_image_described_by_its_own_title_and_desc(real_site):
    charts = 0
    for root in LANG_ROOTS.values():
        page = real_site.page(f"{root}{STATS}")
        for svg in page.select("svg.cs-chart"):
            charts += 1
            assert svg["role"] == "img"
            title_id, desc_id = svg["aria-labelledby"].split()
            assert svg.find("title", id=title_id, recursive=False).get_text(strip=True)
            assert svg.find("desc", id=desc_id, recursive=False).get_text(strip=True)
            assert len(page.find_all(id=title_id)) == len(page.find_all(id=desc_id)) == 1
            # Every bar's value is drawn as text, not told by its length alone.
            values = [int(text.get_text()) for text in svg.select(".cs-chart__value")]
            assert len(values) == len(svg.select(".cs-chart__bar")) > 0
            assert not svg.select("script, image, use, [href]")
    assert charts == 10


@pytest.mark.build
def test_table_counts_and_totals_equal_the_data(real_site, site):
    clusters = site.clusters
    for root in LANG_ROOTS.values():
        page = real_site.page(f"{root}{STATS}")
        sectors = section(page, "sectors").table
        assert linked_counts(sectors, urls.SECTOR_PAGES) == Counter(k for c in clusters for k in c.sectors)
        assert f"{sum(1 for c in clusters if c.sectors)} " in sectors.caption.get_text() + " "

        counties = section(page, "counties").table
        assert linked_counts(counties, urls.COUNTY_PAGES) == Counter(c.county for c in clusters if c.county)
        assert total(counties) == [sum(1 for c in clusters if c.county)]
        assert f"{len(clusters)}." in counties.caption.get_text()

        founded = section(page, "founded").table
        shown = {int(row.th.get_text()): int(row.td.get_text()) for row in founded.tbody.find_all("tr")}
        assert shown == Counter(c.founded for c in clusters if c.founded)
        assert total(founded) == [sum(1 for c in clusters if c.founded)]

        labels = [label for c in clusters for label in c.labels]
        years = lambda level: sum(1 for label in labels if label.level == level)
        assert total(section(page, "labels").table) == [years("gold"), years("silver"), years("bronze"), len(labels)]

        members = section(page, "members").table
        assert total(members) == [len({organisation_key(m.name) for c in clusters for m in c.members})]
        assert sum(int(row.td.get_text()) for row in members.tbody.find_all("tr")) == total(members)[0]


@pytest.mark.build
def test_a_page_for_every_sector_and_county_in_use_and_none_for_the_others(real_site, site):
    for folder, _vocabulary, used in (
        (urls.SECTOR_PAGES, "sectors", {k for c in site.clusters for k in c.sectors}),
        (urls.COUNTY_PAGES, "counties", {c.county for c in site.clusters if c.county}),
    ):
        for root in LANG_ROOTS.values():
            built = {p.parent.name for p in (real_site.site / root / folder).glob("*/index.html")}
            assert built == used, folder


@pytest.mark.build
def test_each_group_page_lists_exactly_its_clusters_and_their_news(real_site, site):
    for kind, keys_of in (("sector", lambda c: c.sectors), ("county", lambda c: (c.county,))):
        for key in keys_in_use(site, kind):
            members = {c.slug for c in site.clusters if key in keys_of(c)}
            news = [e.slug for e in site.news if members & set(e.clusters)]
            for lang, root in LANG_ROOTS.items():
                path = f"{root}{urls.sector(key) if kind == 'sector' else urls.county(key)}"
                page = real_site.page(path)
                assert page.html["lang"] == lang
                assert {card["data-slug"] for card in page.select("ul.cs-cards > li.cs-card")} == members, path
                listed = [a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.select(".cs-entries .cs-entry__title a")]
                assert listed == news, path
                if kind == "county":
                    assert len(page.select(".cs-map__county--highlight")) == 1
                    dots = {a["href"].rstrip("/").rsplit("/", 1)[-1] for a in page.select("a.cs-map__dot")}
                    assert dots <= members


@pytest.mark.build
def test_a_profile_links_to_its_sector_and_county_pages(real_site, site):
    cluster = next(c for c in site.clusters if c.sectors and c.county)
    for root in LANG_ROOTS.values():
        here = f"/{root}{urls.cluster(cluster.slug)}"
        page = real_site.page(here.lstrip("/"))
        targets = {urljoin(here, a["href"]) for a in page.select(".cs-facts a")}
        for path in [urls.sector(key) for key in cluster.sectors] + [urls.county(cluster.county)]:
            assert f"/{root}{path}" in targets
            assert (real_site.site / root / path / "index.html").is_file()


@pytest.mark.build
def test_the_directory_links_the_statistics_page(real_site):
    for root in LANG_ROOTS.values():
        hrefs = [urljoin(f"/{root}klasteriai/", a["href"]) for a in real_site.page(f"{root}klasteriai/").select("article a")]
        assert f"/{root}{STATS}" in hrefs


@pytest.mark.build
def test_the_sector_and_county_folders_have_an_index_of_their_pages(real_site, site):
    """/sektoriai/ and /apskritys/ answer (no dead end): each lists every page of
    its folder, in the vocabulary's order, with its number of clusters."""
    from clustersite.derived.cluster_groups import group

    for kind, folder in (("sector", urls.SECTOR_PAGES), ("county", urls.COUNTY_PAGES)):
        for lang, root in LANG_ROOTS.items():
            index = real_site.page(f"{root}{folder}/")
            items = index.select("ul.cs-groups li")
            keys = keys_in_use(site, kind)
            assert [li.a["href"].strip("/").split("/")[-1] for li in items] == keys
            for li, key in zip(items, keys, strict=True):
                assert (real_site.site / root / folder / key / "index.html").is_file()
                count = len(group(site, kind, key, lang).clusters)
                assert li.get_text(" ", strip=True).split()[-2] == str(count)
            assert index.h1.get_text(strip=True) and index.select_one("p.cs-group__lead").get_text(strip=True)
