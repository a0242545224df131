"""Directory filter speed and search download sizes at N synthetic clusters.

    .venv/bin/python benchmarks/directory_and_search.py [--clusters 1000]

Builds a site with N synthetic clusters, serves it on localhost and opens it
in Debian's headless Chromium. Reports, in one run:
- the time one keystroke in the directory's text filter takes, from the input
  event to the finished layout (target: within a 16 ms frame), and a facet click;
- the Pagefind index size per language, and the bytes one search downloads.
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
from collections import defaultdict
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "benchmarks"), str(REPO / "hooks")]

from browser_support import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from conftest import run_build  # noqa: E402
from playwright.sync_api import sync_playwright  # noqa: E402
from synthetic_clusters import synthetic_site  # noqa: E402

KEYSTROKE = """(text) => {
  const input = document.getElementById('cs-filter-q');
  const start = performance.now();
  input.value = text;
  input.dispatchEvent(new Event('input', {bubbles: true}));
  document.body.getBoundingClientRect();  // force style and layout, as the next frame would
  return performance.now() - start;
}"""
FACET_CLICK = """(id) => {
  const box = document.getElementById(id);
  const start = performance.now();
  box.click();
  document.body.getBoundingClientRect();
  return performance.now() - start;
}"""


def index_sizes(site: Path) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for path in (site / "pagefind").rglob("*"):
        name = path.name
        for lang in ("lt", "en"):
            if name.startswith(f"{lang}_") or name.startswith(f"pagefind.{lang}_") or name == f"wasm.{lang}.pagefind":
                sizes[lang] += path.stat().st_size
    return dict(sizes)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clusters", type=int, default=1000)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = synthetic_site(Path(temp) / "repo", args.clusters)
        build = run_build(root, Path(temp) / "site")
        assert build.returncode == 0, build.output
        pages = len(list(build.site.rglob("*.html")))
        sizes = index_sizes(build.site)
        with serve(build.site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            page = browser.new_page(viewport={"width": 412, "height": 915})
            page.goto(base + "klasteriai/")
            query = "siaures zalias klasteris 12"
            page.evaluate(KEYSTROKE, "x")  # warm up the JIT once
            page.evaluate(KEYSTROKE, "")
            strokes = []
            for _ in range(3):
                for end in range(1, len(query) + 1):
                    strokes.append(page.evaluate(KEYSTROKE, query[:end]))
                for end in range(len(query) - 1, -1, -1):
                    strokes.append(page.evaluate(KEYSTROKE, query[:end]))
            clicks = [page.evaluate(FACET_CLICK, box) for box in ["cs-f-sector-ict", "cs-f-county-vilnius"] * 10]
            directory_bytes = (build.site / "klasteriai" / "index.html").stat().st_size

            downloaded: list[tuple[str, int]] = []
            search_page = browser.new_page()
            search_page.goto(base + "paieska/")
            search_page.wait_for_timeout(500)
            search_page.on("response", lambda r: downloaded.append((r.url, len(r.body()))) if "/pagefind/" in r.url else None)
            search_page.fill("#cs-search-q", "technologiju klasteris")
            search_page.wait_for_function("() => document.getElementById('cs-search-status').textContent.startsWith('Rasta')")
            browser.close()
    print(f"site: {args.clusters} clusters, {pages} HTML pages; directory page {directory_bytes / 1024:.0f} KiB")
    print(f"keystroke in the text filter: median {statistics.median(strokes):.1f} ms, "
          f"95th percentile {sorted(strokes)[int(len(strokes) * 0.95)]:.1f} ms, max {max(strokes):.1f} ms "
          f"({len(strokes)} keystrokes; frame budget 16 ms)")
    print(f"facet click: median {statistics.median(clicks):.1f} ms, max {max(clicks):.1f} ms")
    for lang, size in sorted(sizes.items()):
        print(f"search index, {lang}: {size / 1024:.0f} KiB on disk")
    print(f"one search ('technologiju klasteris', after the page loaded): {len(downloaded)} files, "
          f"{sum(n for _, n in downloaded) / 1024:.0f} KiB")


if __name__ == "__main__":
    main()
