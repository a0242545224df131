"""Cluster excellence labels (ESCA, later EUCLES) and whether they are valid.

A label is valid for two years from its award unless `valid_until` says
otherwise. Sources often give only the award year: then the label counts
as valid until the end of the year two years on, so it is never shown as
expired before it surely is.
"""

from __future__ import annotations

import datetime as dt
from typing import Annotated, Literal

from pydantic import PrivateAttr, ValidationInfo, model_validator

from clustersite.model.fields import Choice, Date, Url
from clustersite.model.records import Check, Help, Record, context, refuse
from clustersite.text.messages import say

LEVEL_RANK = {"bronze": 1, "silver": 2, "gold": 3}
VALID_YEARS = 2


class Label(Record):
    """An excellence label as a source gives it; `status` is read on the build date."""

    level: Annotated[
        Literal["bronze", "silver", "gold"],
        Check(Choice(("bronze", "silver", "gold"), noun="label level")),
        Help("Label level: bronze, silver or gold.", "Ženklo lygis: bronze, silver arba gold."),
    ]
    issuer: Annotated[Literal["ESCA", "EUCLES"], Check(Choice(("ESCA", "EUCLES"), noun="issuer")), Help("Who awarded the label.", "Kas suteikė ženklą.")]
    awarded: Annotated[
        dt.date | int, Check(Date(allow_year=True)), Help("When it was awarded: a date, or the year alone.", "Kada suteiktas: data arba tik metai.")
    ]
    valid_until: Annotated[
        Annotated[dt.date | int, Check(Date(allow_year=True, not_future=False))] | None,
        Help("Last day of validity if the source gives it.", "Paskutinė galiojimo diena, jei ją nurodo šaltinis."),
    ] = None
    url: Annotated[Annotated[str, Check(Url())] | None, Help("Page confirming the label.", "Ženklą patvirtinantis puslapis.")] = None

    _checked_on: dt.date = PrivateAttr(default=dt.date.min)

    @model_validator(mode="after")
    def _ends_after_award(self, info: ValidationInfo) -> Label:
        if self.valid_until is not None and _as_end_date(self.valid_until) < self.awarded_on:
            raise refuse(say("label-ends-before-award", got=self.valid_until), at=("valid_until",))
        self._checked_on = context(info).build_date
        return self

    @property
    def checked_on(self) -> dt.date:
        """The build date: a label's status is read on it."""
        return self._checked_on

    @property
    def ends(self) -> dt.date:
        """The last valid day: `valid_until` if given, else two years on."""
        return _as_end_date(self.valid_until) if self.valid_until is not None else default_valid_until(self.awarded)

    @property
    def until_year_only(self) -> bool:
        """Only a year is known (given, or derived from a bare award year): show the year only."""
        return isinstance(self.valid_until if self.valid_until is not None else self.awarded, int)

    @property
    def shown_until(self) -> dt.date | int:
        return self.ends.year if self.until_year_only else self.ends

    @property
    def status(self) -> str:
        """ "valid" or "expired" on the build date (awards cannot lie in the future)."""
        return "expired" if self.checked_on > self.ends else "valid"

    @property
    def rank(self) -> int:
        return LEVEL_RANK[self.level]

    @property
    def awarded_on(self) -> dt.date:
        """The award as a date for ordering (1 January when only the year is known)."""
        return self.awarded if isinstance(self.awarded, dt.date) else dt.date(self.awarded, 1, 1)


def default_valid_until(awarded: dt.date | int) -> dt.date:
    if isinstance(awarded, int):
        return dt.date(awarded + VALID_YEARS, 12, 31)
    try:
        return awarded.replace(year=awarded.year + VALID_YEARS)
    except ValueError:  # 29 February
        return awarded.replace(year=awarded.year + VALID_YEARS, day=28)


def _as_end_date(value: dt.date | int) -> dt.date:
    return value if isinstance(value, dt.date) else dt.date(value, 12, 31)
