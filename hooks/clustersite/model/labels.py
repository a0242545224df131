"""Cluster excellence labels (ESCA, later EUCLES) and whether they are valid.

A label is valid for two years from its award unless `valid_until` says
otherwise. Sources often give only the award year: then the label counts
as valid until the end of the year two years on, so it is never shown as
expired before it surely is.
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from clustersite.model.fields import Context, Where
from clustersite.source.yaml_source import LineDict

LEVEL_RANK = {"bronze": 1, "silver": 2, "gold": 3}
VALID_YEARS = 2


class LabelFacts:
    """What a label record (level, issuer, awarded, valid_until, url as the
    file gives them, plus `checked_on`, the build date) derives."""

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


def label_rule(clean: dict[str, Any], lines: LineDict, where: Where, ctx: Context) -> None:
    if "valid_until" in clean:
        awarded, until = clean["awarded"], clean["valid_until"]
        start = awarded if isinstance(awarded, dt.date) else dt.date(awarded, 1, 1)
        if _as_end_date(until) < start:
            ctx.report(
                where.key("valid_until", lines.line_of("valid_until")),
                f"earlier than awarded (got {until}); a label ends after it is awarded",
            )
