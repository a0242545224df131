"""Feeds: Atom for news, iCalendar (RFC 5545) for events, per language.

Atom is rendered from a Jinja template with autoescaping (no XML built in
Python strings); iCalendar is written with the `icalendar` library, which
handles line folding, escaping and the VTIMEZONE for Europe/Vilnius.
Ids and timestamps derive from the content and the build date only, so the
same commit writes the same feeds.
"""

from __future__ import annotations

import datetime as dt
import functools
import uuid
from collections.abc import Sequence
from dataclasses import dataclass
from typing import TypedDict
from urllib.parse import urljoin

import icalendar

from clustersite.derived.same_inputs import PerKey
from clustersite.model.entries import Event, News
from clustersite.model.vocabularies import Term
from clustersite.outputs.templating import TEMPLATES
from clustersite.text import urls
from clustersite.text.dates import VILNIUS

ID_NAMESPACE = uuid.uuid5(uuid.NAMESPACE_URL, "https://github.com/lietuvos-klasteriai")


@dataclass(frozen=True)
class FeedItem:
    title: str
    id: str
    url: str
    published: str
    summary: str | None
    tags: list[dict[str, str]]


def stable_id(*parts: str) -> str:
    return f"urn:uuid:{uuid.uuid5(ID_NAMESPACE, '/'.join(parts))}"


def _rfc3339(day: dt.date) -> str:
    return dt.datetime(day.year, day.month, day.day, tzinfo=VILNIUS).isoformat()


class FeedContext(TypedDict):
    """What every feed and calendar of one language's build shares."""

    lang: str
    site_url: str
    lang_root: str
    build_date: dt.date


FEED_ENTRIES = 50
"""The newest posts a news feed carries, as most sites' feeds do: a feed
reader that looks every few hours finds what is new, and the news pages
list every post. At 1,000 clusters the feed of all news had 1,000 entries
(about 1 MB a look), and each sector's several hundred."""


def atom_feed(
    news: Sequence[News],
    tags: dict[str, Term],
    lang: str,
    site_url: str,
    lang_root: str,
    title: str,
    author: str,
    build_date: dt.date,
    self_path: str = urls.NEWS_FEED,
    list_path: str = urls.section("news"),
    feed_key: str = "news-feed",
) -> str:
    """The newest FEED_ENTRIES of `news` (newest first). `self_path`,
    `list_path` and `feed_key` set a narrower feed apart (one cluster's news)."""
    base = urljoin(site_url, lang_root)
    news = news[:FEED_ENTRIES]
    items = [_feed_item(entry, tags, lang, base) for entry in news]
    updated = _rfc3339(news[0].date if news else build_date)
    return TEMPLATES.get_template("news.atom.xml").render(
        lang=lang,
        title=title,
        author=author,
        items=items,
        updated=updated,
        feed_id=stable_id(feed_key, lang),
        self_url=urljoin(base, self_path),
        list_url=urljoin(base, list_path),
    )


def _feed_item(entry: News, tags: dict[str, Term], lang: str, base: str) -> FeedItem:
    """One news post as a feed entry, made once per post object, topics and
    language: a post is in the news feed, its clusters' and its sectors'
    feeds, and under `make serve` an unchanged post is the same object in
    the next build (model/load_cache.py)."""
    return _ITEMS.get((entry.slug, lang, base), (entry, tags), (), functools.partial(_made_feed_item, entry, tags, lang, base))


def _made_feed_item(entry: News, tags: dict[str, Term], lang: str, base: str) -> FeedItem:
    return FeedItem(
        title=entry.title.pick(lang).text,
        id=stable_id("news", entry.slug, lang),
        url=urljoin(base, entry.page),
        published=_rfc3339(entry.date),
        summary=entry.summary.pick(lang).text if entry.summary else None,
        tags=[{"term": tag, "label": tags[tag].label.pick(lang).text} for tag in entry.tags],
    )


_ITEMS: PerKey[FeedItem] = PerKey()


def _event(entry: Event, lang: str, base: str, stamp: dt.datetime, organiser_label: str) -> icalendar.Event:
    event = icalendar.Event()
    event.add("uid", f"{entry.slug}@{ID_NAMESPACE}")
    event.add("dtstamp", stamp)
    event.add("summary", entry.title.pick(lang).text)
    start, end = entry.start, entry.end
    assert start is not None, "calendar() keeps only dated events"
    if isinstance(start, dt.datetime):
        event.add("dtstart", start.astimezone(VILNIUS))
        if isinstance(end, dt.datetime):
            event.add("dtend", end.astimezone(VILNIUS))
    else:
        event.add("dtstart", start)
        event.add("dtend", (end or start) + dt.timedelta(days=1))  # DTEND of a whole-day event is exclusive
    # ORGANIZER must be an e-mail address, so the organiser's name goes in the description.
    description = [entry.summary.pick(lang).text] if entry.summary else []
    if entry.organiser:
        description.append(f"{organiser_label}: {entry.organiser}")
    if description:
        event.add("description", "\n\n".join(description))
    if entry.location:
        event.add("location", entry.location.pick(lang).text)
    event.add("url", urljoin(base, entry.page))
    return event


def calendar(events: Sequence[Event], lang: str, site_url: str, lang_root: str, name: str, build_date: dt.date, organiser_label: str) -> bytes:
    """A calendar of the dated events (an event without dates cannot be in one)."""
    cal = icalendar.Calendar()
    cal.add("prodid", "-//Lietuvos klasteriai//klasteriai//" + lang.upper())
    cal.add("version", "2.0")
    cal.add("calscale", "GREGORIAN")
    # An X- property has no type icalendar knows, so it would be written as
    # given: as TEXT, a line break or comma in a title is escaped (RFC 5545 3.3.11).
    cal.add("x-wr-calname", icalendar.vText(name))
    cal.add("x-wr-timezone", "Europe/Vilnius")
    base = urljoin(site_url, lang_root)
    stamp = dt.datetime(build_date.year, build_date.month, build_date.day, tzinfo=dt.UTC)
    for entry in sorted((e for e in events if e.start), key=lambda e: (e.sort_moment, e.slug)):
        cal.add_component(_event(entry, lang, base, stamp, organiser_label))
    # Always carry the Vilnius VTIMEZONE: times are written in it, and RFC 5545
    # wants at least one component even when no event has a date yet. It is
    # the calendar's last component, spliced in as written once per process.
    written = cal.to_ical()
    assert written.endswith(_END), "icalendar ends a calendar with END:VCALENDAR"
    return written[: -len(_END)] + _vilnius() + _END


_END = b"END:VCALENDAR\r\n"


@functools.cache
def _vilnius() -> bytes:
    """Europe/Vilnius as a VTIMEZONE, made and written once per process:
    icalendar builds it from the zone's transitions and folds its 30-odd
    lines, which cost 5.7 s over 2,074 calendars at 1,000 clusters when
    made for each (every cluster has a calendar), and writing it for each
    still cost two thirds of every calendar's time."""
    return icalendar.Timezone.from_tzid("Europe/Vilnius", first_date=dt.date(2010, 1, 1)).to_ical()
