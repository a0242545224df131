"""Make content/assets/images/favicon.png from the site's mark.

The mark is drawn once, as SVG, in overrides/partials/logo.html. Browsers
other than Safari could use that SVG as the icon, but Safari shows only PNG
or ICO icons, so the icon is the mark rendered to a 32 x 32 PNG by Debian's
Chromium (the test suite's browser; nothing is downloaded). The build puts
the PNG into every page's head as a data: URL (hooks/clustersite/outputs/site_icon.py).

Run it by hand after changing the mark:

    .venv/bin/python scripts/make_favicon.py
"""

from __future__ import annotations

import sys
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from playwright.sync_api import sync_playwright  # noqa: E402

from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

MARK = REPO / "overrides" / "partials" / "logo.html"
ICON = REPO / "content" / "assets" / "images" / "favicon.png"
SIZE = 32


def main() -> None:
    svg = MARK.read_text(encoding="utf-8")
    svg = svg[svg.index("<svg") :].replace("<svg ", f'<svg width="{SIZE}" height="{SIZE}" ', 1)
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        page = browser.new_page(viewport={"width": SIZE, "height": SIZE})
        page.set_content(f'<body style="margin:0">{svg}</body>')
        png = page.screenshot(omit_background=True)
        browser.close()
    ICON.write_bytes(png)
    print(f"wrote {ICON.relative_to(REPO)} ({len(png)} bytes)")


if __name__ == "__main__":
    main()
