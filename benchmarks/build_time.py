"""Build-time benchmark: the real site, N synthetic clusters, and plain
Material + i18n with the same number of pages, all measured in one run.

    .venv/bin/python benchmarks/build_time.py [--clusters 200] [--repeat 3]

Prints medians in seconds and the ratio of our build to the plain one.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "benchmarks"))

from conftest import copy_site_sources  # noqa: E402
from synthetic_clusters import synthetic_site  # noqa: E402


def timed_build(root: Path, repeat: int) -> float:
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH="1780272000")
    times = []
    for _ in range(repeat):
        start = time.perf_counter()
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")],
            check=True,
            env=env,
            cwd=root,
        )
        times.append(time.perf_counter() - start)
    return statistics.median(times)


def plain_site(root: Path, pages: int) -> Path:
    """Material + i18n, no hooks or custom templates, `pages` pages per language."""
    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    for key in ("hooks", "extra_css", "watch"):
        config.pop(key, None)
    config["site_url"] = "http://127.0.0.1:8000/"
    config["theme"].pop("custom_dir")
    config["nav"] = [{"Pradžia": "index.md"}]
    config["not_in_nav"] = "/klasteriai/*.md\n"
    docs = root / "content" / "klasteriai"
    docs.mkdir(parents=True)
    for suffix in ("", ".en"):
        (root / "content" / f"index{suffix}.md").write_text("# Pradžia\n", encoding="utf-8")
        for index in range(pages):
            body = f"# Klasteris {index}\n\nSantrauka.\n\n## Apie\n\nAprašymas **Markdown**.\n\n## Nariai\n\n" + "".join(f"- Narys {m}\n" for m in range(20))
            (docs / f"c{index:04d}{suffix}.md").write_text(body, encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clusters", type=int, default=200)
    parser.add_argument("--repeat", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        temp = Path(temp)
        real = copy_site_sources(temp / "real")
        synthetic = synthetic_site(temp / "synthetic", args.clusters)
        plain = plain_site(temp / "plain", args.clusters)
        results = {
            "real site": timed_build(real, args.repeat),
            f"{args.clusters} synthetic clusters": timed_build(synthetic, args.repeat),
            f"plain Material + i18n, {args.clusters} pages per language": timed_build(plain, args.repeat),
        }
    for name, seconds in results.items():
        print(f"{name:>55}: {seconds:6.2f} s (median of {args.repeat})")
    ours, plain_time = list(results.values())[1:]
    print(f"{'ratio synthetic / plain':>55}: {ours / plain_time:6.2f}")


if __name__ == "__main__":
    main()
