"""The site's icon, written into each page's head as a data: URL.

Chromium fetches a page's icon again whenever the page changes its own URL
with history.pushState or replaceState, as the directory does on every
filter change and the search page on every search: with the icon in a file,
one request per change (revalidated, since pages' files are not cached).
Measured over 100 URL changes of the directory at 1,000 clusters, Chromium's
processes spent 27 ms of CPU per change with the file and 22 ms inline; on a
2-core machine that work competes with the frame that shows the new list
(benchmarks/directory_and_search.py). The icon is a 32 x 32 PNG of under
1 KB (scripts/make_favicon.py), so each page carries about 1.2 KB more.
"""

from __future__ import annotations

import base64
from pathlib import Path

from clustersite.source.images import SIGNATURES
from clustersite.text.errors import SiteIconError


def icon_data_url(icon: str, folders: list[Path]) -> str:
    """`icon` (a PNG, as mkdocs.yml's theme.favicon names it) from the first
    folder that has it: the docs folder, then the theme's, as MkDocs picks."""
    path = next((folder / icon for folder in folders if (folder / icon).is_file()), None)
    data = path.read_bytes() if path else b""
    if not data.startswith(SIGNATURES[".png"]):
        raise SiteIconError(f"{icon}: the site's icon must be a PNG file in {folders[0]} (make it with scripts/make_favicon.py)")
    return "data:image/png;base64," + base64.b64encode(data).decode("ascii")
