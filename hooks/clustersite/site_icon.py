"""The site's icon, written into each page's head as a data: URL.

Chromium fetches a page's icon again whenever the page changes its own URL
with history.pushState or replaceState, as the directory does on every
filter change and the search page on every search. With the icon in a file
that is one request per click (revalidated, since pages' files are not
cached), and measured over 100 URL changes the browser spent about 8 ms of
CPU per change on it, on top of the change itself (about 20 ms): time taken
from the frame that shows the new list on a 2-core machine
(benchmarks/directory_and_search.py). Inline, nothing is fetched. The icon
is a 32 x 32 PNG of under 1 KB (scripts/make_favicon.py), so each page
carries about 1.2 KB more.
"""

from __future__ import annotations

import base64
from pathlib import Path


def icon_data_url(icon: str, folders: list[Path]) -> str:
    """`icon` (a PNG, as mkdocs.yml's theme.favicon names it) from the first
    folder that has it: the docs folder, then the theme's, as MkDocs picks."""
    path = next((folder / icon for folder in folders if (folder / icon).is_file()), None)
    if path is None or not path.read_bytes().startswith(b"\x89PNG\r\n\x1a\n"):
        raise ValueError(f"{icon}: the site's icon must be a PNG file in {folders[0]} (make it with scripts/make_favicon.py)")
    return "data:image/png;base64," + base64.b64encode(path.read_bytes()).decode("ascii")
