"""Corrections to what Material writes outside any template block: HTML,
and one rule of its stylesheet.

Each fix is one exact replacement with the reason. A test runs the Nu HTML
Checker over the whole site, and another reads the built stylesheet, so a
Material upgrade that changes what is replaced shows up there.
"""

from __future__ import annotations

from pathlib import Path

# Material's drawer and search toggles are checkboxes with autocomplete="off",
# which HTML allows only on text-like inputs (Nu HTML Checker error).
_TOGGLES = (
    ('<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="drawer" type="checkbox" id="__drawer">'),
    ('<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search" autocomplete="off">',
     '<input class="md-toggle" data-md-toggle="search" type="checkbox" id="__search">'),
)


def fix_page(html: str) -> str:
    for before, after in _TOGGLES:
        html = html.replace(before, after)
    return html


# Material spaces whatever follows a plain table: `.md-typeset table:not([class])+*`.
# Its universal subject has Chromium check the previous sibling of every
# element, and then inserting or removing a child in the middle of a list
# re-styles every child of that list and rebuilds their boxes: 2 ms of each
# frame that changes the directory's page of cards, against 0.4 ms without
# (benchmarks/directory_and_search.py). A table is never the sibling of a list
# item, so `:not(li)` matches the same elements in valid HTML and lets lists be.
# The rule grows by 6 characters, so the source map is off by that much after it.
_TABLE_SPACING = (".md-typeset table:not([class])+*{", ".md-typeset table:not([class])+:not(li){")


def fix_stylesheets(site_dir: Path) -> None:
    for path in sorted((site_dir / "assets" / "stylesheets").glob("main.*.min.css")):
        css = path.read_text(encoding="utf-8")
        path.write_text(css.replace(*_TABLE_SPACING), encoding="utf-8")
