"""`make check`'s content rules (clustersite.derived.content_rules): a city
outside the city table, label text without a label record, and units and
quotation marks against the house rule, each with its exact message; and
the real content keeps them."""

from __future__ import annotations

import re

from check_support import news_pair, problems_for
from clustersite.derived import content_rules, county_map
from clustersite.model.site_data import load_site
from clustersite.text.collation import organisation_key
from conftest import BUILD_DATE, REPO, minimal_cluster


def test_a_city_missing_from_the_city_table_is_refused_with_the_way_to_add_it(fixture_repo, capsys):
    cluster = minimal_cluster(extra="county: telsiai\ncity: Telšiai\n")
    assert problems_for(fixture_repo, capsys, {"bandomasis": cluster}) == [
        'data/clusters/bandomasis.yml:10: city: city "Telšiai" is not in data/geo/cities.yml; add it there with its coordinates '
        "and their source (see data/geo/README.md), or correct the spelling"
    ]


def test_a_city_in_the_wrong_case_is_pointed_to_the_table_s_spelling(fixture_repo, capsys):
    found = problems_for(fixture_repo, capsys, {"bandomasis": minimal_cluster(extra="city: vilnius\n")}, lang="lt")
    assert found == [
        "data/clusters/bandomasis.yml:9: city: miesto „vilnius“ nėra data/geo/cities.yml; įrašykite jį ten su koordinatėmis ir jų šaltiniu "
        "(žr. data/geo/README.md) arba pataisykite rašybą (Vilnius?)"
    ]


def test_label_text_without_a_label_record_is_refused(fixture_repo, capsys):
    cluster = minimal_cluster(
        extra="description:\n  lt: 2018 m. klasteris gavo ESCA bronzos ženklą.\n  en: In 2018 the cluster received the ESCA Bronze label.\n"
    )
    assert problems_for(fixture_repo, capsys, {"bandomasis": cluster}) == [
        'data/clusters/bandomasis.yml:10: description.lt: the text says the cluster holds an excellence label ("bronzos ženklą"), '
        "but labels: is empty; add the label as the source gives it (the year alone, or listed_in, will do)"
    ]


def test_a_label_record_without_a_date_is_enough(fixture_repo, capsys):
    text = "description:\n  lt: Klasteris gavo ESCA bronzos ženklą.\n  en: The cluster received the ESCA Bronze label.\n"
    undated = minimal_cluster(extra=text + "labels:\n  - level: bronze\n    issuer: ESCA\n")
    assert problems_for(fixture_repo, capsys, {"bandomasis": undated}) == []


def test_a_sentence_about_other_clusters_labels_is_not_a_claim():
    assert content_rules._own_label("Nė vienas Lietuvos klasteris dar neturi sidabro ar aukso ženklo.", "lt") is None
    assert content_rules._own_label("The post states that no Lithuanian cluster holds the Silver or Gold level yet.", "en") is None


def test_units_and_quotation_marks_follow_the_house_rule(fixture_repo, capsys):
    cluster = minimal_cluster(
        extra="description:\n  lt: Klasteris sudaro 20 % rinkos ir gavo 2 mln. eurų.\n  en: It holds 20 proc. of the market and hosts the „Forum“.\n"
    )
    news = news_pair("2024-05-01")
    news["naujienos/2024-05-01-naujiena.en.md"] = "---\ntitle: News\n---\n\nIt is 1 % of GDP.\n"
    assert problems_for(fixture_repo, capsys, {"bandomasis": cluster}, news) == [
        'content/naujienos/2024-05-01-naujiena.en.md:5: writes "1 %"; write "N% (no space)" instead (CONTRIBUTING.md, units and quotation marks)',
        'data/clusters/bandomasis.yml:10: writes "20 %"; write "N proc." instead (CONTRIBUTING.md, units and quotation marks)',
        'data/clusters/bandomasis.yml:10: writes "mln. eurų"; write "mln. Eur" instead (CONTRIBUTING.md, units and quotation marks)',
        'data/clusters/bandomasis.yml:11: writes "20 proc."; write "N%" instead (CONTRIBUTING.md, units and quotation marks)',
        'data/clusters/bandomasis.yml:11: writes "„Forum“"; write ""…" (English quotation marks)" instead (CONTRIBUTING.md, units and quotation marks)',
    ]


def test_source_titles_and_addresses_are_quotes_and_left_alone(fixture_repo, capsys):
    cluster = minimal_cluster().replace("  - url: https://example.org/source\n", '  - url: https://example.org/100%25\n    title: "15min: 7 mln. eurų iš ES"\n')
    assert problems_for(fixture_repo, capsys, {"bandomasis": cluster}) == []


def test_the_real_content_keeps_the_rules_and_every_city_is_in_the_table():
    site = load_site(REPO, BUILD_DATE)
    assert content_rules.all_problems(site, REPO, REPO / "content") == []
    cities = county_map.load_cities()
    assert {c.city for c in site.clusters if c.city} <= set(cities)
    assert all(set(entry) == {"lt", "en"} and entry["en"] for entry in county_map.city_names().values())


def test_statistics_directory_and_records_agree_on_label_holders():
    from clustersite.derived import directory, statistics

    site = load_site(REPO, BUILD_DATE)
    holders = {c.slug for c in site.clusters if c.labels}
    tally, _ = statistics.labels_by_year(site.clusters)
    assert tally.clusters == len(holders) and tally.items == sum(len(c.labels) for c in site.clusters)
    label_facet = next(f for f in directory.facets(site) if f.key == "label")
    assert sum(o.count for o in label_facet.options if o.value != "none") == len(holders)
    county_facet = next(f for f in directory.facets(site) if f.key == "county")
    assert sum(o.count for o in county_facet.options) == len(site.clusters)  # "not known" keeps every cluster in the facet


# Legal forms written before a Lithuanian name: "AB „Klaipėdos nafta“" and "Klaipėdos nafta" are one company.
LEGAL_FORM = re.compile(r"^(?:AB|UAB|VšĮ|VĮ|MB|IĮ)\s+", re.IGNORECASE)


def _same(name: str) -> str:
    return organisation_key(LEGAL_FORM.sub("", name))


def test_one_name_per_organisation_in_each_language():
    """An organisation is written one way everywhere: its official name, with
    one English name where a source gives it; never its English name in one
    cluster and its Lithuanian one in another (a university under two names)."""
    site = load_site(REPO, BUILD_DATE)
    mentions = []  # (cluster, official name, English name or None)
    for cluster in site.clusters:
        mentions += [(cluster.slug, m.name, m.en) for m in cluster.members]
        if cluster.coordinator:
            mentions.append((cluster.slug, cluster.coordinator.name.lt, cluster.coordinator.name.en))
    english_of: dict[str, set[str]] = {}
    written: dict[str, set[str]] = {}
    for _, official, english in mentions:
        written.setdefault(_same(official), set()).add(official)
        if english:
            english_of.setdefault(_same(official), set()).add(english)
    assert {key: names for key, names in written.items() if len(names) > 1} == {}, "one official name, written one way"
    assert {key: names for key, names in english_of.items() if len(names) > 1} == {}, "one English name per organisation"
    owner = {_same(name): key for key, names in english_of.items() for name in names}  # English name -> its organisation
    misplaced = sorted(official for _, official, _ in mentions if owner.get(_same(official), _same(official)) != _same(official))
    assert misplaced == [], "an organisation's English name written as if it were another's official name"


def test_member_names_follow_the_page_language():
    from clustersite.model.cluster_model import Member, member_name

    member = Member.model_construct(name="Kauno technologijos universitetas", en="Kaunas University of Technology")
    assert (member_name(member, "lt"), member_name(member, "en")) == ("Kauno technologijos universitetas", "Kaunas University of Technology")
    only = Member.model_construct(name="UAB „Ekstara“", en=None)
    assert member_name(only, "lt") == "UAB „Ekstara“"  # no English name in a source: the official name, once
    assert member_name(only, "en") == 'UAB "Ekstara"'  # with the quotation marks English uses
