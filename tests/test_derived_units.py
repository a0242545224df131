"""Unit tests without a site build: directory facets, structured data and feeds,
computed from records made by the schema itself (synthetic data)."""

from __future__ import annotations

import datetime as dt
from types import SimpleNamespace

import feedparser
import icalendar

from clustersite.derived import directory, structured_data
from clustersite.model.cluster_model import Cluster
from clustersite.model.entries import RECORDS
from clustersite.model.fields import Context
from clustersite.model.site_data import SiteData
from clustersite.model.vocabularies import Term
from clustersite.outputs.feeds import FEED_ENTRIES, atom_feed, calendar
from clustersite.text.dates import VILNIUS
from clustersite.text.localized import LocalizedText
from clustersite.text.problems import Problems
from conftest import REPO

DAY = dt.date(2026, 6, 1)
CTX = SimpleNamespace(build_date=DAY)


def term(key, lt, en):
    return Term(key, LocalizedText(lt, en))


VOCABULARIES = {
    "sectors": {k: term(k, lt, en) for k, lt, en in (("ict", "IRT", "ICT"), ("health", "Sveikata", "Health"))},
    "counties": {"vilnius": term("vilnius", "Vilniaus apskritis", "Vilnius County"), "kaunas": term("kaunas", "Kauno apskritis", "Kaunas County")},
    "maturity": {"formed": term("formed", "Susiformavęs", "Formed")},
    "tags": {"labels": term("labels", "Ženklai", "Labels")},
}


def cluster(slug, **fields):
    clean = {"name": {"lt": slug.title(), "en": f"{slug.title()} EN"}, "summary": {"lt": "Santrauka."}, "sources": [{"url": "https://example.org/a"}], **fields}
    vocabularies = {**VOCABULARIES, "programmes": {}, "clusters": {}}
    record = Cluster.model_validate(clean, context={"ctx": Context(Problems(), DAY, REPO, vocabularies)})
    record._slug, record._path = slug, f"data/clusters/{slug}.yml"
    return record


def entry(kind, slug, **fields):
    texts = {"title": LocalizedText(f"{slug} LT", f"{slug} EN"), "summary": LocalizedText("Trumpai.", "In short.")}
    record = RECORDS[kind].model_construct(**{**fields, **texts})
    record._slug, record._path = slug, f"content/x/{slug}.md"
    return record


def site(clusters=(), entries=()):
    return SiteData(DAY, VOCABULARIES, tuple(clusters), tuple(entries))


def test_facet_counts_and_values_come_from_the_records():
    data = site(
        [
            cluster("alfa", sectors=["ict", "health"], county="vilnius", labels=[{"level": "bronze", "issuer": "ESCA", "awarded": dt.date(2025, 9, 1)}]),
            cluster("beta", sectors=["ict"], labels=[{"level": "gold", "issuer": "ESCA", "awarded": 2018}]),
            cluster("gama", maturity={"level": "formed"}, open_to_members=True),
        ]
    )
    facets = {f.key: {o.value: o.count for o in f.options} for f in directory.facets(data)}
    assert facets["sector"] == {"ict": 2, "health": 1}
    assert facets["county"] == {"vilnius": 1, "unknown": 2}  # counties nobody is in are not offered; no cluster drops out
    assert facets["label"] == {"bronze": 1, "expired": 1, "none": 1}
    assert facets["maturity"] == {"formed": 1} and facets["open"] == {"yes": 1}
    assert directory.cluster_values(data.by_slug["beta"])["label"] == ["expired"]


def test_organization_json_ld_names_both_languages_and_the_place():
    data = site(
        [
            cluster(
                "alfa",
                city="Vilnius",
                county="vilnius",
                founded=2011,
                coordinator={"name": {"lt": "Koordinatorius", "en": "Coordinator"}},
                members=[{"name": "UAB A", "website": "https://a.lt/"}],
            )
        ]
    )
    org = structured_data.organization(data.by_slug["alfa"], data, "en", "https://x.lt/en/klasteriai/alfa/")
    assert org["name"] == "Alfa EN" and org["alternateName"] == "Alfa"
    assert org["address"] == {"@type": "PostalAddress", "addressCountry": "LT", "addressLocality": "Vilnius", "addressRegion": "Vilnius County"}
    assert org["foundingDate"] == "2011" and org["parentOrganization"]["name"] == "Coordinator"
    assert org["member"] == [{"@type": "Organization", "name": "UAB A", "url": "https://a.lt/"}]


def test_event_json_ld_carries_vilnius_time():
    start = dt.datetime(2026, 10, 3, 9, 30, tzinfo=VILNIUS)
    event = entry("event", "forumas", start=start)
    data = structured_data.event(event, "lt", "https://x.lt/renginiai/forumas/")
    assert data["@type"] == "Event" and data["startDate"] == "2026-10-03T09:30:00+03:00"


def test_atom_feed_lists_news_newest_first_with_tags():
    news = [entry("news", "2026-05-02-b", date=dt.date(2026, 5, 2), tags=["labels"]), entry("news", "2026-05-01-a", date=dt.date(2026, 5, 1))]
    xml = atom_feed(news, VOCABULARIES["tags"], lang="en", site_url="https://x.lt/", lang_root="en/", title="News", author="Site", build_date=DAY)
    feed = feedparser.parse(xml)
    assert [e.title for e in feed.entries] == ["2026-05-02-b EN", "2026-05-01-a EN"]
    assert feed.entries[0].link == "https://x.lt/en/naujienos/2026-05-02-b/"
    assert feed.entries[0].tags[0].label == "Labels"
    assert feed.feed.updated.startswith("2026-05-02")


def test_a_news_feed_carries_the_newest_posts_only():
    days = [dt.date(2026, 5, 31) - dt.timedelta(days=back) for back in range(FEED_ENTRIES + 5)]  # newest first
    news = [entry("news", f"{day.isoformat()}-n", date=day) for day in days]
    xml = atom_feed(news, VOCABULARIES["tags"], lang="lt", site_url="https://x.lt/", lang_root="", title="Naujienos", author="Site", build_date=DAY)
    titles = [e.title for e in feedparser.parse(xml).entries]
    assert len(titles) == FEED_ENTRIES < len(news)
    assert titles[:2] == ["2026-05-31-n LT", "2026-05-30-n LT"] and titles[-1] == f"{days[FEED_ENTRIES - 1].isoformat()}-n LT"


def test_calendar_leaves_out_undated_events():
    dated = entry("event", "su-data", start=dt.date(2026, 7, 1), end=dt.date(2026, 7, 2))
    undated = entry("event", "be-datos")
    ics = icalendar.Calendar.from_ical(
        calendar([dated, undated], lang="lt", site_url="https://x.lt/", lang_root="", name="Renginiai", build_date=DAY, organiser_label="Organizatorius")
    )
    events = ics.walk("VEVENT")
    assert [str(e["SUMMARY"]) for e in events] == ["su-data LT"]
    assert ics.walk("VTIMEZONE")
