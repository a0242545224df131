"""Cluster excellence labels (ESCA, later EUCLES) as the sources give them,
and whether they are valid.

The issuer's rule, as the research states it (ESCA's "benchmarked clusters"
page): a label is valid for two years from the month in which the
benchmarking interview was held. The model applies it to what is known,
most precise first:

- `valid_until`, when a source gives the last day;
- `interviewed` (a month or a day): to the end of that month two years on;
- `awarded` (a day, a month or a year): the award stands in for the
  interview, to the same day, the end of the same month or the end of the
  year two years on, so a label is never shown as expired before it surely is;
- `listed_in` (a year a source lists the cluster among the holders, when no
  award date is known): the label was valid that year, so it ended at the
  latest at the end of the year two years on;
- nothing: a source says the cluster holds the label but gives no year; its
  validity is not known (`status` "unknown").

`precision` says how precisely the award is known (day, month, year, listed,
none), and the pages show only that much.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import PrivateAttr, ValidationInfo, model_validator

from clustersite.model.fields import Choice, Date, Url
from clustersite.model.records import Check, Help, Record, context, private, refuse
from clustersite.text.dates import Month
from clustersite.text.messages import say

LEVEL_RANK = {"bronze": 1, "silver": 2, "gold": 3}
VALID_YEARS = 2
STATUSES = ("valid", "expired", "unknown")
PRECISIONS = ("day", "month", "year", "listed", "none")

When = dt.date | Month | int


class Label(Record):
    """An excellence label as a source gives it; `status` is read on the build date."""

    level: Annotated[
        Literal["bronze", "silver", "gold"],
        Check(Choice(("bronze", "silver", "gold"), noun="label level")),
        Help("Label level: bronze, silver or gold.", "Ženklo lygis: bronze, silver arba gold."),
    ]
    issuer: Annotated[Literal["ESCA", "EUCLES"], Check(Choice(("ESCA", "EUCLES"), noun="issuer")), Help("Who awarded the label.", "Kas suteikė ženklą.")]
    awarded: Annotated[
        Annotated[When, Check(Date(allow_year=True, allow_month=True))] | None,
        Help(
            "When it was awarded, as precisely as the source says: 2014-10-10, 2022-02 or 2018. Leave it out when the source gives no date.",
            "Kada suteiktas, tiek tiksliai, kiek nurodo šaltinis: 2014-10-10, 2022-02 arba 2018. Praleiskite, jei šaltinis datos nenurodo.",
        ),
    ] = None
    interviewed: Annotated[
        Annotated[dt.date | Month, Check(Date(allow_month=True))] | None,
        Help(
            "Month (or day) of the benchmarking interview, if the source gives it: validity is counted from it, e.g. 2014-09.",
            "Vertinimo pokalbio mėnuo (ar diena), jei jį nurodo šaltinis: nuo jo skaičiuojamas galiojimas, pvz., 2014-09.",
        ),
    ] = None
    listed_in: Annotated[
        Annotated[int, Check(Date(allow_year=True))] | None,
        Help(
            "When no award date is known: a year in which a source lists the cluster among the label's holders, e.g. 2018 (awarded wins when both are given).",
            "Kai suteikimo data nežinoma: metai, kuriais šaltinis nurodo klasterį tarp ženklo turėtojų, pvz., 2018 (jei nurodyti abu, galioja awarded).",
        ),
    ] = None
    valid_until: Annotated[
        Annotated[dt.date | int, Check(Date(allow_year=True, not_future=False))] | None,
        Help("Last day of validity if the source gives it.", "Paskutinė galiojimo diena, jei ją nurodo šaltinis."),
    ] = None
    url: Annotated[Annotated[str, Check(Url())] | None, Help("Page confirming the label.", "Ženklą patvirtinantis puslapis.")] = None

    _checked_on: dt.date = PrivateAttr(default_factory=lambda: dt.date.min)  # a factory: pydantic deep-copies a default date for every label

    @model_validator(mode="after")
    def _ends_after_award(self, info: ValidationInfo) -> Label:
        if self.valid_until is not None and _last_day(self.valid_until) < self.awarded_on:
            raise refuse(say("label-ends-before-award", got=self.valid_until), at=("valid_until",))
        self._checked_on = context(info).build_date
        return self

    @property
    def checked_on(self) -> dt.date:
        """The build date: a label's status is read on it."""
        return private(self, "_checked_on")

    @property
    def precision(self) -> str:
        """How precisely the award is known: day, month, year, listed (a year
        it was held) or none."""
        if isinstance(self.awarded, Month):
            return "month"
        if isinstance(self.awarded, int):
            return "year"
        if isinstance(self.awarded, dt.date):
            return "day"
        return "listed" if self.listed_in is not None else "none"

    @property
    def shown_awarded(self) -> When | None:
        """The award as precisely as it is known (None when it is not)."""
        return self.awarded

    @property
    def ends(self) -> dt.date | None:
        """The last valid day by the issuer's rule (see the module), or None
        when nothing dates the label."""
        if self.valid_until is not None:
            return _last_day(self.valid_until)
        if self.interviewed is not None:
            return _month_of(self.interviewed).plus_years(VALID_YEARS).last_day
        if self.awarded is not None:
            return default_valid_until(self.awarded)
        if self.listed_in is not None:
            return dt.date(self.listed_in + VALID_YEARS, 12, 31)
        return None

    @property
    def until_year_only(self) -> bool:
        """Only a year is known (given, or derived from a bare award year or listing)."""
        if self.valid_until is not None:
            return isinstance(self.valid_until, int)
        return self.interviewed is None and self.precision in ("year", "listed")

    @property
    def shown_until(self) -> When | None:
        """The end as precisely as it is known: a year, a month or a day."""
        ends = self.ends
        if ends is None:
            return None
        if self.until_year_only:
            return ends.year
        if self.valid_until is None and (self.interviewed is not None or self.precision == "month"):
            return Month(ends.year, ends.month)
        return ends

    @property
    def until_month(self) -> bool:
        """The end is known to the month: the page says "to the end of" it."""
        return isinstance(self.shown_until, Month)

    @property
    def status(self) -> str:
        """ "valid" or "expired" on the build date (awards cannot lie in the
        future); "unknown" when nothing dates the label."""
        ends = self.ends
        if ends is None:
            return "unknown"
        return "expired" if self.checked_on > ends else "valid"

    @property
    def rank(self) -> int:
        return LEVEL_RANK[self.level]

    @property
    def year(self) -> int | None:
        """The award year, or None when the source gives none."""
        awarded = self.awarded
        if awarded is None:
            return None
        return awarded if isinstance(awarded, int) else awarded.year

    @property
    def awarded_on(self) -> dt.date:
        """The award as a date for ordering: the first day of what is known
        (the interview, or the year listed), dt.date.min when nothing is."""
        for known in (self.awarded, self.interviewed, self.listed_in):
            if known is not None:
                return _first_day(known)
        return dt.date.min


def _month_of(value: dt.date | Month) -> Month:
    return value if isinstance(value, Month) else Month(value.year, value.month)


def _first_day(value: When) -> dt.date:
    if isinstance(value, Month):
        return value.first_day
    return value if isinstance(value, dt.date) else dt.date(value, 1, 1)


def _last_day(value: When) -> dt.date:
    if isinstance(value, Month):
        return value.last_day
    return value if isinstance(value, dt.date) else dt.date(value, 12, 31)


def default_valid_until(awarded: When) -> dt.date:
    """Two years on, to the precision the award is known."""
    if isinstance(awarded, Month):
        return awarded.plus_years(VALID_YEARS).last_day
    if isinstance(awarded, int):
        return dt.date(awarded + VALID_YEARS, 12, 31)
    try:
        return awarded.replace(year=awarded.year + VALID_YEARS)
    except ValueError:  # 29 February
        return awarded.replace(year=awarded.year + VALID_YEARS, day=28)
