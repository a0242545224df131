"""The build date (reproducible) and dates written the way each language writes them."""

from __future__ import annotations

import datetime as dt
import os
from collections.abc import Mapping
from functools import lru_cache
from typing import NamedTuple
from zoneinfo import ZoneInfo

from babel import Locale
from babel.dates import format_date as babel_date
from babel.dates import format_interval, format_skeleton

VILNIUS = ZoneInfo("Europe/Vilnius")
"""Event times are written and shown in Vilnius time."""
BABEL_LOCALES = {"lt": "lt", "en": "en_GB"}
DAY_SPAN = "yMMMMd"
# Interval patterns for day ranges in the long form the site writes single
# dates in (CLDR's "long" date). CLDR's own fall short of it: Lithuanian's
# yMMMMd interval drops "m." and "d." ("2022 balandžio 26–27"), and British
# English has no yMMMMd, so Babel falls back to "26 – 27 Apr 2022". Each
# entry is Babel's (CLDR's) form: the field that first differs -> the
# patterns for the start and the end.
DAY_SPANS = {
    "lt": {"d": ("y 'm'. MMMM d–", "d 'd'."), "M": ("y 'm'. MMMM d 'd'. – ", "MMMM d 'd'."), "y": ("y 'm'. MMMM d 'd'. – ", "y 'm'. MMMM d 'd'.")},
    "en": {"d": ("d–", "d MMMM y"), "M": ("d MMMM – ", "d MMMM y"), "y": ("d MMMM y – ", "d MMMM y")},
}


class _SpanLocale(Locale):
    """A CLDR locale whose day-range interval is the site's (DAY_SPANS)."""

    site_lang = "lt"

    @property
    def interval_formats(self):
        return {**super().interval_formats, DAY_SPAN: DAY_SPANS[self.site_lang]}


@lru_cache(maxsize=2)
def _span_locale(lang: str) -> Locale:
    locale = _SpanLocale.parse(BABEL_LOCALES[lang])
    found = _SpanLocale(locale.language, locale.territory)
    found.site_lang = lang
    return found


class Month(NamedTuple):
    """A month of a year, for facts a source dates to the month only
    (written YYYY-MM in the data): shown `2022 m. vasario mėn.` / `February 2022`."""

    year: int
    month: int

    def __str__(self) -> str:
        return f"{self.year:04d}-{self.month:02d}"

    @property
    def first_day(self) -> dt.date:
        return dt.date(self.year, self.month, 1)

    @property
    def last_day(self) -> dt.date:
        following = Month(self.year + self.month // 12, self.month % 12 + 1)
        return following.first_day - dt.timedelta(days=1)

    def plus_years(self, years: int) -> Month:
        return Month(self.year + years, self.month)


def build_date(environ: Mapping[str, str] | None = None) -> dt.date:
    """Today in UTC, or the day of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.UTC).date()
    return now().date()


GRACE = dt.timedelta(days=1)
"""An editor east of UTC (Vilnius is UTC+2/+3) may already be on tomorrow's date."""


def now() -> dt.datetime:
    """The real clock, in one place so tests can freeze it."""
    return dt.datetime.now(dt.UTC)


def latest_allowed(moment: dt.datetime | None = None) -> dt.date:
    """The latest date content may carry as "already happened": today by the
    real clock plus a day's grace. Never SOURCE_DATE_EPOCH, which is the last
    commit's date: a post dated today is written before it is committed."""
    return ((moment or now()).astimezone(dt.UTC) + GRACE).date()


@lru_cache(maxsize=16384)  # Babel's formatting is slow, and pages repeat the same dates
def format_date(value: dt.date | Month | int, lang: str) -> str:
    """`2020 m. vasario 20 d.` in Lithuanian, `20 February 2020` in English
    (CLDR's long form, through Babel); a bare year, which CLDR has no form
    for, stays a year (`2018 m.` / `2018`)."""
    if isinstance(value, Month):
        if lang == "lt":  # the genitive with "mėn." reads right after "suteiktas" and "iki" alike
            return babel_date(value.first_day, "y 'm.' MMMM 'mėn.'", locale="lt")
        return format_skeleton("yMMMM", value.first_day, locale=BABEL_LOCALES[lang])
    if isinstance(value, int):
        return f"{value} m." if lang == "lt" else str(value)
    return babel_date(value, "long", locale=BABEL_LOCALES[lang])


def format_moment(value: dt.date | dt.datetime, lang: str, zone: dt.tzinfo | None = None) -> str:
    """A date, or a date and time shown in `zone`: `2024 m. spalio 3 d. 10:00` / `3 October 2024, 10:00`."""
    if not isinstance(value, dt.datetime):
        return format_date(value, lang)
    local = value.astimezone(zone) if zone else value
    day = format_date(local.date(), lang)
    return f"{day} {local:%H:%M}" if lang == "lt" else f"{day}, {local:%H:%M}"


@lru_cache(maxsize=4096)
def format_day_span(start: dt.date, end: dt.date, lang: str) -> str:
    """Days from start to end, the month and year written once where they are
    shared (Babel's interval formatting): `2022 m. balandžio 26–27 d.`,
    `26–27 April 2022`, `30 April – 2 May 2022`."""
    return format_interval(start, end, DAY_SPAN, locale=_span_locale(lang))


def format_span(start: dt.date | dt.datetime, end: dt.date | dt.datetime | None, lang: str, zone: dt.tzinfo | None = None) -> str:
    """From start to end, without repeating the day when both fall on it:
    `3 October 2026, 09:30–17:00`, `1–2 May 2025`."""
    if end is None or end == start:
        return format_moment(start, lang, zone)
    if not isinstance(start, dt.datetime) and not isinstance(end, dt.datetime):
        return format_day_span(start, end, lang)
    if isinstance(start, dt.datetime) and isinstance(end, dt.datetime):
        local_start, local_end = (start.astimezone(zone), end.astimezone(zone)) if zone else (start, end)
        if local_start.date() == local_end.date():
            return f"{format_moment(local_start, lang)}–{local_end:%H:%M}"
    return f"{format_moment(start, lang, zone)} – {format_moment(end, lang, zone)}"
