"""The build date (reproducible) and dates written the way each language writes them."""

from __future__ import annotations

import datetime as dt
import os

LT_MONTHS_GENITIVE = (
    "sausio", "vasario", "kovo", "balandžio", "gegužės", "birželio",
    "liepos", "rugpjūčio", "rugsėjo", "spalio", "lapkričio", "gruodžio",
)
EN_MONTHS = (
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
)


def build_date(environ: dict[str, str] | None = None) -> dt.date:
    """Today in UTC, or the day of SOURCE_DATE_EPOCH when set (reproducible builds)."""
    environ = os.environ if environ is None else environ
    epoch = environ.get("SOURCE_DATE_EPOCH", "").strip()
    if epoch:
        return dt.datetime.fromtimestamp(int(epoch), dt.timezone.utc).date()
    return dt.datetime.now(dt.timezone.utc).date()


def format_date(value: dt.date | int, lang: str) -> str:
    """`2020 m. vasario 20 d.` in Lithuanian, `20 February 2020` in English;
    a bare year stays a year (`2018 m.` / `2018`)."""
    if isinstance(value, int):
        return f"{value} m." if lang == "lt" else str(value)
    if lang == "lt":
        return f"{value.year} m. {LT_MONTHS_GENITIVE[value.month - 1]} {value.day} d."
    return f"{value.day} {EN_MONTHS[value.month - 1]} {value.year}"
