"""How the build scales: N synthetic clusters + N news pairs against plain
Material + mkdocs-static-i18n with the same number of pages per language.

    .venv/bin/python benchmarks/scale.py [--sizes 200 1000] [--with-5000] [--runs 3]
                                         [--no-rebuild] [--no-pagefind]

For each N, in one run (builds of the two sites alternate, so both see the
same machine load):
- this site: N clusters (data/clusters/) and N news posts (content/naujienos/,
  Lithuanian and English, each with tags and one to three clusters), every
  page in both languages, `mkdocs build --strict --clean`;
- plain: the same mkdocs.yml without hooks, custom templates and extra CSS,
  with the same top menu (six tabs) and as many Markdown pages per language
  as this site's build wrote HTML pages per language (counted from its first
  build);
- medians of --runs builds, their ratio, and the peak RSS of each build (the
  largest process in the build's tree: mkdocs, or the Pagefind binary it
  starts; from wait4's rusage);
- Pagefind: the indexing step alone, run again on this site's finished
  output (the same function the build calls), median of --runs;
- rebuild after one edit (N=1,000 unless --no-rebuild): `make serve`-style,
  one Python process builds the site, one data/clusters file changes, and it
  builds again with a freshly loaded config, as `mkdocs serve` does on a
  change; the second build's time is reported (hook modules stay imported,
  like in serve; the output goes to a folder, not served).

Targets (printed, not asserted): at N=1,000 this site takes at most 1.3x
plain; time(5,000) / time(1,000) at most 5.5 (needs --with-5000).
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import textwrap
import time
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "benchmarks")]

from build_time import plain_site  # noqa: E402
from synthetic_clusters import synthetic_site  # noqa: E402

EPOCH = "1780272000"  # 2026-06-01 UTC, the test suite's build date
ENV = dict(os.environ, NO_MKDOCS_2_WARNING="1", SOURCE_DATE_EPOCH=EPOCH)
ENV.pop("SITE_URL", None)
NEWS_WORDS = [
    "Klasteris",
    "pasirašė",
    "sutartį",
    "inovacijų",
    "projektą",
    "Šiauliuose",
    "Kaune",
    "eksporto",
    "žymą",
    "lazerių",
    "maisto",
    "energetikos",
    "partneriais",
    "Vilniuje",
]


# --- the synthetic sites --------------------------------------------------


def write_news(root: Path, count: int, clusters: int, seed: int = 11) -> None:
    """`count` news pairs in content/naujienos/, dated over ten years, each
    with one to three tags and one to three of the synthetic clusters."""
    rng = random.Random(seed)
    tags = list(yaml.safe_load((root / "data" / "tags.yml").read_text(encoding="utf-8")))
    folder = root / "content" / "naujienos"
    start = dt.date(2016, 1, 1)
    for index in range(count):
        day = start + dt.timedelta(days=rng.randrange(3650))
        stem = f"{day.isoformat()}-sintetine-{index:05d}"
        linked = [f"synthetic-{rng.randrange(clusters):04d}" for _ in range(rng.randint(1, 3))] if clusters else []
        words = " ".join(rng.choice(NEWS_WORDS) for _ in range(60))
        lt = {
            "title": f"Sintetinė naujiena {index}: {rng.choice(NEWS_WORDS)} {rng.choice(NEWS_WORDS).lower()}",
            "date": day,
            "summary": f"Sintetinės naujienos nr. {index} santrauka bandymams.",
            "clusters": sorted(set(linked)),
            "tags": rng.sample(tags, rng.randint(1, 3)),
        }
        en = {"title": f"Synthetic news {index}", "summary": f"Summary of synthetic news no. {index}."}
        for name, meta, body in ((f"{stem}.md", lt, words), (f"{stem}.en.md", en, "Synthetic English body. " * 10)):
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
            (folder / name).write_text(f"---\n{front}---\n\n{body}\n\n## Daugiau\n\n{body}\n", encoding="utf-8")


def scaled_site(target: Path, n: int) -> Path:
    root = synthetic_site(target, n)
    write_news(root, n, n)
    return root


def plain_with_menu(root: Path, pages: int) -> Path:
    """build_time.plain_site, with this site's top menu (the same six tabs:
    the menu is configuration that Material renders on every page, not our
    hooks' work); `pages` Markdown pages per language in all."""
    from clustersite.text import urls

    menu = [path for _, path in urls.NAV]
    plain_site(root, pages - len(menu))
    config = yaml.safe_load((root / "mkdocs.yml").read_text(encoding="utf-8"))
    config["nav"] = [{title: path} for title, path in urls.NAV]
    config["not_in_nav"] = "*.md\n"
    for path in menu[1:]:
        for suffix in ("", ".en"):
            page = root / "content" / path.replace(".md", f"{suffix}.md")
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {path}\n\nSkyrius.\n", encoding="utf-8")
    (root / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return root


def html_pages_per_language(site: Path) -> int:
    """HTML pages this site wrote for the default language (404 excluded)."""
    return sum(1 for page in site.rglob("*.html") if page.relative_to(site).parts[0] != "en" and page.name != "404.html")


# --- measuring -------------------------------------------------------------


@dataclass
class Series:
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds, the build's whole process tree
    rss_kib: list[int] = field(default_factory=list)

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


def measured(command: list[str], cwd: Path, env: dict[str, str] = ENV) -> tuple[float, float, int]:
    """Wall time, CPU time (user + system) and peak RSS (KiB) of one command
    and its descendants. On a shared machine the CPU time is the steadier
    number: other processes stretch the wall time, hardly the CPU time."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    if process.returncode != 0:
        sys.exit(f"{' '.join(command)} failed:\n{output.decode(errors='replace')[-4000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime, usage.ru_maxrss


def build(root: Path, series: Series) -> None:
    seconds, cpu, rss = measured(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(root / "site")], root
    )
    series.times.append(seconds)
    series.cpu.append(cpu)
    series.rss_kib.append(rss)


PAGEFIND_ALONE = "import sys; from pathlib import Path; from clustersite.outputs.search_index import build_search_index; build_search_index(Path(sys.argv[1]))"

REBUILD = textwrap.dedent("""\
    import sys, time
    from pathlib import Path
    from mkdocs.commands.build import build
    from mkdocs.config import load_config
    root, site, edited = Path(sys.argv[1]), sys.argv[2], Path(sys.argv[3])
    # As mkdocs.commands.serve does: on_startup once, a fresh config per build.
    get_config = lambda: load_config(str(root / "mkdocs.yml"), site_dir=site, strict=True)
    config = get_config()
    config.plugins.on_startup(command="serve", dirty=False)
    def timed(config):
        start = time.perf_counter()
        build(config)
        return time.perf_counter() - start
    first = timed(config)
    edited.write_text(edited.read_text(encoding="utf-8").replace("bandymams.", "bandymams (pakeista)."), encoding="utf-8")
    start = time.perf_counter()
    second = timed(get_config())
    print(first, time.perf_counter() - start)
""")


def rebuild_after_edit(root: Path) -> tuple[float, float]:
    edited = sorted((root / "data" / "clusters").glob("*.yml"))[0]
    result = subprocess.run(
        [sys.executable, "-c", REBUILD, str(root), str(root / "site-serve"), str(edited)], cwd=root, env=ENV, capture_output=True, text=True
    )
    if result.returncode != 0:
        sys.exit(f"rebuild failed:\n{result.stdout}{result.stderr}"[-4000:])
    first, second = map(float, result.stdout.split()[-2:])
    return first, second


# --- the table -------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[200, 1000])
    parser.add_argument("--with-5000", action="store_true", help="also N=5,000 (several minutes per build)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-rebuild", action="store_true", help="skip the rebuild-after-one-edit measurement")
    parser.add_argument("--no-pagefind", action="store_true", help="skip timing the Pagefind step alone")
    parser.add_argument("--bare-plain", action="store_true", help="plain site with only a home page in its menu (build_time.py's), not this site's six tabs")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (for profiling)")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes) | ({5000} if args.with_5000 else set()))

    print(f"load before: {os.getloadavg()[0]:.2f} {os.getloadavg()[1]:.2f} {os.getloadavg()[2]:.2f} on {os.cpu_count()} cores; source {REPO}")
    temp = tempfile.mkdtemp(prefix="scale-") if args.keep is None else str(args.keep)
    rows = []
    try:
        for n in sizes:
            base = Path(temp) / f"n{n}"
            if base.exists():
                shutil.rmtree(base)
            ours_root = scaled_site(base / "ours", n)
            ours, plain, pagefind = Series(), Series(), []
            plain_root, pages = None, 0
            for _ in range(args.runs):
                build(ours_root, ours)
                if plain_root is None:
                    pages = html_pages_per_language(ours_root / "site")
                    plain_root = plain_site(base / "plain", pages - 1) if args.bare_plain else plain_with_menu(base / "plain", pages)
                build(plain_root, plain)
                if not args.no_pagefind:
                    pagefind.append(measured([sys.executable, "-c", PAGEFIND_ALONE, str(ours_root / "site")], ours_root, ENV)[:2])
            rebuild = rebuild_after_edit(ours_root) if n == 1000 and not args.no_rebuild else None
            rows.append((n, pages, ours, plain, pagefind, rebuild))
            print(
                f"  N={n}: ours {[round(t, 1) for t in ours.times]} s (cpu {[round(t, 1) for t in ours.cpu]}), "
                f"plain {[round(t, 1) for t in plain.times]} s (cpu {[round(t, 1) for t in plain.cpu]}), "
                f"load {os.getloadavg()[0]:.2f}",
                flush=True,
            )
    finally:
        if args.keep is None:
            shutil.rmtree(temp, ignore_errors=True)

    print(f"\nmedians of {args.runs} runs; load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("wall = elapsed seconds; cpu = user + system seconds of the build's process tree (steadier under load)")
    print(
        f"{'N':>6} {'pages/lang':>10} {'ours wall':>9} {'plain':>6} {'ratio':>5} {'ours cpu':>8} {'plain':>6} {'ratio':>5} "
        f"{'RSS ours':>8} {'plain':>6} {'Pagefind wall/cpu':>17} {'cpu ratio w/o Pagefind':>22}"
    )
    for n, pages, ours, plain, pagefind, _ in rows:
        if pagefind:
            pf_wall, pf_cpu = statistics.median(t for t, _ in pagefind), statistics.median(c for _, c in pagefind)
            pf, without = f"{pf_wall:.1f}s/{pf_cpu:.1f}s", f"{(ours.cpu_median - pf_cpu) / plain.cpu_median:.2f}"
        else:
            pf = without = "-"
        print(
            f"{n:>6,} {pages:>10,} {ours.median:>8.1f}s {plain.median:>5.1f}s {ours.median / plain.median:>5.2f} "
            f"{ours.cpu_median:>7.1f}s {plain.cpu_median:>5.1f}s {ours.cpu_median / plain.cpu_median:>5.2f} "
            f"{max(ours.rss_kib) / 1024:>4.0f}MiB {max(plain.rss_kib) / 1024:>3.0f}MiB {pf:>17} {without:>22}"
        )
    for n, _, _, _, _, rebuild in rows:
        if rebuild:
            print(
                f"rebuild after editing one cluster file, N={n:,} (serve-style, in one process): "
                f"first build {rebuild[0]:.1f} s, rebuild {rebuild[1]:.1f} s (wall)"
            )

    medians = {n: (ours.median, plain.median, ours.cpu_median, plain.cpu_median) for n, _, ours, plain, _, _ in rows}
    print("\ntargets (not asserted):")
    if 1000 in medians:
        wall, cpu = medians[1000][0] / medians[1000][1], medians[1000][2] / medians[1000][3]
        print(
            f"  N=1,000: this site / plain = {wall:.2f} wall, {cpu:.2f} cpu (target <= 1.30): "
            f"{'met' if wall <= 1.3 else 'MISSED'} (wall), {'met' if cpu <= 1.3 else 'MISSED'} (cpu)"
        )
    if 1000 in medians and 5000 in medians:
        wall, cpu = medians[5000][0] / medians[1000][0], medians[5000][2] / medians[1000][2]
        print(
            f"  time(5,000) / time(1,000) = {wall:.2f} wall, {cpu:.2f} cpu (target <= 5.50; plain: "
            f"{medians[5000][1] / medians[1000][1]:.2f} wall): {'met' if wall <= 5.5 else 'MISSED'}"
        )
    else:
        print("  time(5,000) / time(1,000): run with --with-5000")


if __name__ == "__main__":
    main()
