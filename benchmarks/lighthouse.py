"""Lighthouse scores and first contentful paint (median of three runs) for the
home, directory, a rich and a thin profile, statistics, the sectors' index
and an event, mobile and desktop, against a built site served on localhost
with gzip, as static hosts serve it.

    make build && .venv/bin/python benchmarks/lighthouse.py
    .venv/bin/python benchmarks/lighthouse.py --site DIR --pages directory --form-factors mobile [--throttling devtools]

Lighthouse's default throttling is simulated: it estimates a slow phone from
an unthrottled load and counts the whole HTML as downloaded before the first
paint. The directory streams its cards before its filter data (at 5,000
clusters 447 KiB gzipped, 312 KiB of them the data), so `--throttling devtools`,
which slows the load itself, also reports what a phone shows while the rest
arrives (5,000 clusters, median of three runs: FCP 3.46 s simulated, 1.66 s devtools).

Needs Node and Debian's chromium; runs `npx --yes lighthouse@12.2.3` (set
LIGHTHOUSE to a local lighthouse binary to avoid the download).
"""

from __future__ import annotations

import argparse
import functools
import gzip
import http.server
import io
import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
import threading
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser_support import CHROMIUM, CHROMIUM_ARGS  # noqa: E402

PAGES = {
    "home": "",
    "directory": "klasteriai/",
    "profile": "klasteriai/litek/",
    "thin-profile": "klasteriai/cleantech/",
    "statistics": "statistika/",
    "sector-index": "sektoriai/",
    "sector": "sektoriai/manufacturing-engineering/",
    "sector-en": "en/sektoriai/agro-food/",
    "event": "renginiai/baltijos-klasteriu-forumas-2019/",
}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSIBLE = (".html", ".css", ".js", ".json", ".xml", ".svg", ".txt")


class _GzipHandler(http.server.SimpleHTTPRequestHandler):
    """Serves text files gzipped when the browser accepts it."""

    extensions_map = {**http.server.SimpleHTTPRequestHandler.extensions_map, ".js": "text/javascript"}

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir():
            path = path / "index.html"
        if "gzip" not in self.headers.get("Accept-Encoding", "") or not path.is_file() or path.suffix not in COMPRESSIBLE:
            return super().send_head()
        body = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", self.guess_type(str(path)))
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(body)))
        self.end_headers()
        return io.BytesIO(body)

    def log_message(self, *args) -> None:
        pass


@contextmanager
def serve_gzip(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_GzipHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def run(url: str, form_factor: str, out: Path, throttling: str = "simulate") -> dict[str, float]:
    command = shlex.split(os.environ.get("LIGHTHOUSE", "npx --yes lighthouse@12.2.3")) + [
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--max-wait-for-load=90000",  # a directory of thousands of clusters on a busy machine
        f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_ARGS])}",
        f"--throttling-method={throttling}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    scores = {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}
    audits = report["audits"]
    scores["FCP s"] = audits["first-contentful-paint"]["numericValue"] / 1000
    scores["LCP s"] = audits["largest-contentful-paint"]["numericValue"] / 1000
    scores["TBT ms"] = audits["total-blocking-time"]["numericValue"]
    scores["CLS"] = audits["cumulative-layout-shift"]["numericValue"]
    scores["page KiB"] = next((r["transferSize"] for r in audits["network-requests"]["details"]["items"] if r["url"] == url), 0) / 1024
    return scores


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--site", type=Path, default=REPO / "site")
    parser.add_argument("--pages", nargs="+", choices=list(PAGES), default=list(PAGES))
    parser.add_argument("--form-factors", nargs="+", choices=["mobile", "desktop"], default=["mobile", "desktop"])
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument(
        "--throttling", choices=["simulate", "devtools"], default="simulate", help="simulate (Lighthouse's default) or devtools: the load itself slowed down"
    )
    args = parser.parse_args()
    with serve_gzip(args.site) as base, tempfile.TemporaryDirectory() as temp:
        for name in args.pages:
            for form_factor in args.form_factors:
                runs = [run(base + PAGES[name], form_factor, Path(temp) / "report.json", args.throttling) for _ in range(args.runs)]
                medians = {key: statistics.median(r[key] for r in runs) for key in runs[0]}
                print(
                    f"{name:>9} {form_factor:>7}: "
                    + ", ".join(f"{key} {value:.2f}" if key in ("FCP s", "LCP s", "CLS") else f"{key} {value:.0f}" for key, value in medians.items())
                )


if __name__ == "__main__":
    main()
