"""Cluster excellence labels (ESCA, later EUCLES) and whether they are valid.

A label is valid for two years from its award unless `valid_until` says
otherwise. Sources often give only the award year: then the label counts
as valid until the end of the year two years on, so it is never shown as
expired before it surely is.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from typing import Any

from .fields import Context, Where
from .yaml_source import LineDict

LEVEL_RANK = {"bronze": 1, "silver": 2, "gold": 3}
VALID_YEARS = 2


@dataclass(frozen=True)
class Label:
    level: str
    issuer: str
    awarded: dt.date | int  # an int when only the year is known
    valid_until: dt.date
    status: str  # "valid" or "expired" on the build date (awards cannot lie in the future)
    url: str | None = None
    until_year_only: bool = False  # derived from a bare award year: show the year only

    @property
    def shown_until(self) -> dt.date | int:
        return self.valid_until.year if self.until_year_only else self.valid_until

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


def label_rule(clean: dict[str, Any], lines: LineDict, where: Where, ctx: Context) -> None:
    if "valid_until" in clean:
        awarded, until = clean["awarded"], clean["valid_until"]
        start = awarded if isinstance(awarded, dt.date) else dt.date(awarded, 1, 1)
        if _as_end_date(until) < start:
            ctx.report(
                where.key("valid_until", lines.line_of("valid_until")),
                f"earlier than awarded (got {until}); a label ends after it is awarded",
            )


def label_from_clean(clean: dict[str, Any], build_date: dt.date) -> Label:
    awarded = clean["awarded"]
    until = _as_end_date(clean["valid_until"]) if "valid_until" in clean else default_valid_until(awarded)
    status = "expired" if build_date > until else "valid"
    year_only = isinstance(clean.get("valid_until", awarded), int)
    return Label(clean["level"], clean["issuer"], awarded, until, status, clean.get("url"), year_only)
