"""News, stories, events and their feeds, built into a fixture site and parsed."""

from __future__ import annotations

from urllib.parse import urljoin

import feedparser
import icalendar
import pytest

from check_support import SOURCE
from conftest import copy_site_sources, minimal_cluster, replace_content, run_build

pytestmark = pytest.mark.build  # each test builds a site, or reads one a fixture builds

SITE_URL = "https://example.org/sub/"
NEWS_COUNT = 12  # more than one page of ten


def news_pair(day: int) -> dict[str, str]:
    date = f"2025-{(day % 12) + 1:02d}-{day + 1:02d}" if day < 12 else f"2024-12-{day:02d}"
    slug = f"{date}-zinia-{day}"
    tags = "tags: [inolink]\n" if day % 2 == 0 else ""
    return {
        f"naujienos/{slug}.md": f"---\ntitle: Žinia {day}\ndate: {date}\nclusters: [alfa]\n{tags}summary: Santrauka {day}.\n{SOURCE}---\nTekstas {day}.\n",
        f"naujienos/{slug}.en.md": f"---\ntitle: News {day}\nsummary: Summary {day}.\n---\nText {day}.\n",
    }


ENTRIES = {
    **{name: text for day in range(NEWS_COUNT) for name, text in news_pair(day).items()},
    "naujienos/2024-12-20-senesne.md": f"---\ntitle: Senesnė žinia\ndate: 2024-12-20\nclusters: [alfa]\n{SOURCE}---\nTekstas.\n",
    "naujienos/2024-12-20-senesne.en.md": "---\ntitle: Older news\n---\nText.\n",
    "sekmes-istorijos/istorija.md": f"---\ntitle: Istorija\ndate: 2025-02-01\nclusters: [alfa]\nsectors: [ict]\nsummary: Kas padaryta.\n{SOURCE}---\nTekstas.\n",
    "sekmes-istorijos/istorija.en.md": "---\ntitle: Story\nsummary: What was done.\n---\nText.\n",
    "renginiai/busimas.md": f"---\ntitle: Būsimas renginys\nstart: 2026-10-03 9:30\nend: 2026-10-03 17:00\nlocation: Kaunas\nclusters: [alfa]\n{SOURCE}---\n",
    "renginiai/busimas.en.md": "---\ntitle: Upcoming event\nlocation: Kaunas\n---\n",
    "renginiai/ivykes.md": f"---\ntitle: Įvykęs renginys\nstart: 2025-05-01\nend: 2025-05-02\n{SOURCE}---\n",
    "renginiai/ivykes.en.md": "---\ntitle: Past event\n---\n",
    "renginiai/be-datos.md": f"---\ntitle: Renginys be datos\n{SOURCE}---\n",
    "renginiai/be-datos.en.md": "---\ntitle: Undated event\n---\n",
}


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    root = copy_site_sources(tmp_path_factory.mktemp("news") / "repo")
    replace_content(root, {"alfa": minimal_cluster("Alfa"), "beta": minimal_cluster("Beta")}, ENTRIES)
    build = run_build(root, root.parent / "site", env_extra={"SITE_URL": SITE_URL})
    assert build.returncode == 0, build.output
    return build


def titles(page, selector=".cs-entry__title"):
    return [h.get_text(strip=True) for h in page.select(selector)]


def test_news_list_is_newest_first_and_paginated(site):
    first = site.page("naujienos/")
    second = site.page("naujienos/puslapis/2/")
    shown = titles(first) + titles(second)
    assert len(titles(first)) == 10
    assert shown[0] == "Žinia 11" and shown[-1] == "Senesnė žinia"
    assert len(shown) == NEWS_COUNT + 1
    assert first.find("a", rel="next")["href"] == "puslapis/2/"
    assert second.find("a", rel="prev")["href"] == "../../"
    assert titles(site.page("en/naujienos/puslapis/2/"))[-1] == "Older news"


def test_year_archive_and_tag_pages(site):
    assert titles(site.page("naujienos/archyvas/2024/")) == ["Senesnė žinia"]
    tagged = titles(site.page("en/naujienos/zymos/inolink/"))
    assert tagged and all(int(t.split()[-1]) % 2 == 0 for t in tagged)
    assert site.page("en/naujienos/zymos/inolink/").h1.get_text(strip=True) == "News: InoLink"


def test_post_dates_in_each_language_and_links_to_clusters(site):
    lt = site.page("naujienos/2024-12-20-senesne/")
    en = site.page("en/naujienos/2024-12-20-senesne/")
    assert lt.find("time").get_text() == "2024 m. gruodžio 20 d."
    assert en.find("time").get_text() == "20 December 2024"
    assert lt.html["lang"] == "lt" and en.html["lang"] == "en"
    link = en.select_one(".cs-facts a[href*='klasteriai']")
    assert urljoin("/en/naujienos/2024-12-20-senesne/", link["href"]) == "/en/klasteriai/alfa/"


def test_events_split_by_the_build_date(site):
    page = site.page("renginiai/")
    sections = {h2.get_text(strip=True): titles(h2.find_next("ul")) for h2 in page.select("article h2")}
    assert sections["Artėjantys renginiai"] == ["Būsimas renginys"]
    assert sections["Data dar nepaskelbta"] == ["Renginys be datos"]
    assert sections["Įvykę renginiai"] == ["Įvykęs renginys"]
    when = site.page("en/renginiai/busimas/").select_one(".cs-facts dd").get_text(strip=True)
    assert when == "3 October 2026, 09:30–17:00"
    past = site.page("renginiai/ivykes/").select_one(".cs-facts dd").get_text(strip=True)
    assert past == "2025 m. gegužės 1–2 d."
    assert site.page("en/renginiai/ivykes/").select_one(".cs-facts dd").get_text(strip=True) == "1–2 May 2025"


def test_only_an_event_not_yet_over_offers_its_calendar_file(site):
    for root in ("", "en/"):
        upcoming = site.page(f"{root}renginiai/busimas/").select("article a[download]")
        assert [a["href"] for a in upcoming] == ["busimas.ics"]
        assert not site.page(f"{root}renginiai/ivykes/").select("article a[download]")
        assert not site.page(f"{root}renginiai/be-datos/").select("article a[download]")


def test_cluster_profile_and_home_list_related_entries(site):
    profile = site.page("klasteriai/alfa/")
    related = titles(profile, "section[aria-labelledby=cs-related] .cs-entry__title")
    assert "Istorija" in related and "Būsimas renginys" in related and "Žinia 11" in related
    assert not site.page("klasteriai/beta/").select("#cs-related")
    home = site.page("en/")
    assert titles(home, "#cs-latest-news ~ ul .cs-entry__title") == ["News 11", "News 10", "News 9"]
    assert titles(home, "#cs-next-events ~ ul .cs-entry__title") == ["Upcoming event"]


def test_atom_feed_per_language(site):
    for lang, root, first_title in (("lt", "", "Žinia 11"), ("en", "en/", "News 11")):
        feed = feedparser.parse((site.site / root / "naujienos.xml").read_bytes())
        assert not feed.bozo, feed.bozo_exception
        assert feed.feed.language == lang
        assert len(feed.entries) == NEWS_COUNT + 1
        assert feed.entries[0].title == first_title
        assert all(e.link.startswith(f"{SITE_URL}{root}naujienos/") for e in feed.entries)
        assert feed.entries[-1].published.startswith("2024-12-20T00:00:00")
        assert len({e.id for e in feed.entries}) == len(feed.entries)


def test_feed_ids_are_stable_between_builds_and_hosts(site, tmp_path):
    root = site.root
    again = run_build(root, tmp_path / "again", env_extra={"SITE_URL": "https://other.example/"})
    assert again.returncode == 0, again.output
    ids = lambda s: [e.id for e in feedparser.parse((s / "naujienos.xml").read_bytes()).entries]
    assert ids(site.site) == ids(again.site)


def test_every_page_announces_the_feeds(site):
    for path in ("", "en/klasteriai/alfa/", "en/renginiai/busimas/"):
        page = site.page(path)
        atom = page.find("link", type="application/atom+xml")
        target = site.site / urljoin(f"/{path}", atom["href"]).lstrip("/")
        assert target.is_file(), path


def test_calendar_feed_holds_dated_events_in_vilnius_time(site):
    for root, summary in (("", "Būsimas renginys"), ("en/", "Upcoming event")):
        calendar = icalendar.Calendar.from_ical((site.site / root / "renginiai.ics").read_bytes())
        events = calendar.walk("VEVENT")
        assert sorted(str(e["SUMMARY"]) for e in events) == sorted([summary, "Įvykęs renginys" if not root else "Past event"])
        upcoming = next(e for e in events if str(e["SUMMARY"]) == summary)
        assert upcoming.decoded("DTSTART").isoformat() == "2026-10-03T09:30:00+03:00"
        assert str(upcoming["DTSTART"].params["TZID"]) == "Europe/Vilnius"
        assert str(upcoming["URL"]) == f"{SITE_URL}{root}renginiai/busimas/"
        assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Vilnius"
        whole_days = next(e for e in events if e is not upcoming)
        assert (whole_days.decoded("DTSTART").isoformat(), whole_days.decoded("DTEND").isoformat()) == ("2025-05-01", "2025-05-03")


def test_each_dated_event_has_its_own_calendar_file(site):
    page = site.page("en/renginiai/busimas/")
    link = page.find("a", download=True)
    one = icalendar.Calendar.from_ical((site.site / "en/renginiai/busimas" / link["href"]).read_bytes())
    assert [str(e["SUMMARY"]) for e in one.walk("VEVENT")] == ["Upcoming event"]
    assert not site.page("renginiai/be-datos/").find("a", download=True)


def test_event_structured_data_has_vilnius_times(site):
    import json

    page = site.page("en/renginiai/busimas/")
    (data,) = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
    assert (data["@type"], data["name"], data["startDate"], data["endDate"]) == (
        "Event",
        "Upcoming event",
        "2026-10-03T09:30:00+03:00",
        "2026-10-03T17:00:00+03:00",
    )
    assert data["location"] == {"@type": "Place", "name": "Kaunas"}
    assert data["url"] == f"{SITE_URL}en/renginiai/busimas/"
