"""Corrections to what Material writes outside any template block: HTML,
and one rule of its stylesheet.

Each fix is one exact replacement with the reason. A test runs the Nu HTML
Checker over the whole site, and another reads the built stylesheet, so a
Material upgrade that changes what is replaced shows up there.
"""

from __future__ import annotations

import hashlib
from dataclasses import dataclass
from pathlib import Path

# Material's drawer and search toggles are checkboxes with autocomplete="off",
# which HTML allows only on text-like inputs (Nu HTML Checker error).
_TOGGLES = (
    (
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">',
    ),
    (
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
        '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">',
    ),
)


def fix_page(html: str, stylesheet: Stylesheet | None = None) -> str:
    for before, after in _TOGGLES:
        html = html.replace(before, after)
    return html.replace(stylesheet.path, stylesheet.corrected_path) if stylesheet else html


# Material spaces whatever follows a plain table: `.md-typeset table:not([class])+*`.
# Its universal subject has Chromium check the previous sibling of every
# element, and then inserting or removing a child in the middle of a list
# re-styles every child of that list and rebuilds their boxes: 2 ms of each
# frame that changes the directory's page of cards, against 0.4 ms without
# (benchmarks/directory_and_search.py). A table is never the sibling of a list
# item, so `:where(:not(li))` matches the same elements in valid HTML, with the
# same specificity, and lets lists be. The file gets a name of its own content,
# since fingerprinted files are cached for a year (security_headers.py); the
# rule grows by 15 characters, so the source map is off by that much after it.
_TABLE_SPACING = (".md-typeset table:not([class])+*{", ".md-typeset table:not([class])+:where(:not(li)){")
_STYLESHEETS = "assets/stylesheets"


@dataclass(frozen=True)
class Stylesheet:
    """Material's main stylesheet, corrected, and the names it is linked by."""

    path: str  # as Material links it, from the site root
    corrected_path: str
    text: str


def corrected_stylesheet(theme_dirs: list[Path]) -> Stylesheet | None:
    """From the first theme folder that has it, as MkDocs picks; None if the
    stylesheet no longer has the rule (a Material upgrade)."""
    found = next((path for folder in theme_dirs for path in sorted((folder / _STYLESHEETS).glob("main.*.min.css"))), None)
    text = found.read_text(encoding="utf-8") if found else ""
    if found is None or _TABLE_SPACING[0] not in text:
        return None
    text = text.replace(*_TABLE_SPACING)
    digest = hashlib.sha256(text.encode("utf-8")).hexdigest()[:8]
    return Stylesheet(f"{_STYLESHEETS}/{found.name}", f"{_STYLESHEETS}/main.{digest}.min.css", text)


def write_corrected_stylesheet(site_dir: Path, stylesheet: Stylesheet | None) -> None:
    if stylesheet:
        (site_dir / stylesheet.corrected_path).write_text(stylesheet.text, encoding="utf-8")
        (site_dir / stylesheet.path).unlink(missing_ok=True)
