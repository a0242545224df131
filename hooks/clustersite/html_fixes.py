"""Corrections to HTML that Material writes outside any template block.

Each fix is one exact replacement with the reason; a test runs the Nu HTML
Checker over the whole site, so a Material upgrade that changes the markup
shows up there.
"""

from __future__ import annotations

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
