"""Lighthouse scores (median of three runs) for the home, directory and one
profile page, mobile and desktop, against the built site served on localhost.

    make build && .venv/bin/python benchmarks/lighthouse.py

Needs Node and Debian's chromium; runs `npx --yes lighthouse@12.2.3` (set
LIGHTHOUSE to a local lighthouse binary to avoid the download).
"""

from __future__ import annotations

import json
import os
import shlex
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))

from browser_support import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402

PAGES = {"home": "", "directory": "klasteriai/", "profile": "klasteriai/laugea/"}
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")


def run(url: str, form_factor: str, out: Path) -> dict[str, float]:
    command = shlex.split(os.environ.get("LIGHTHOUSE", "npx --yes lighthouse@12.2.3")) + [
        url, "--quiet", "--output=json", f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        f"--chrome-flags={' '.join(['--headless=new', *CHROMIUM_ARGS])}",
    ]
    if form_factor == "desktop":
        command.append("--preset=desktop")
    subprocess.run(command, check=True, env=dict(os.environ, CHROME_PATH=CHROMIUM), capture_output=True)
    report = json.loads(out.read_text(encoding="utf-8"))
    return {name: report["categories"][name]["score"] * 100 for name in CATEGORIES}


def main() -> None:
    with serve(REPO / "site") as base, tempfile.TemporaryDirectory() as temp:
        for name, path in PAGES.items():
            for form_factor in ("mobile", "desktop"):
                runs = [run(base + path, form_factor, Path(temp) / "report.json") for _ in range(3)]
                medians = {c: statistics.median(r[c] for r in runs) for c in CATEGORIES}
                print(f"{name:>9} {form_factor:>7}: " + ", ".join(f"{c} {v:.0f}" for c, v in medians.items()))


if __name__ == "__main__":
    main()
