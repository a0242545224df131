"""What a user compares: this site against plain Material for MkDocs +
mkdocs-static-i18n building the same source pages, and how fast the
preview shows an edit.

    .venv/bin/python benchmarks/scale.py [--sizes 1000] [--with-3000] [--runs 3]
                                         [--no-preview] [--in-memory] [--keep DIR]

For each N, in one run (the builds of the two sites alternate, so both see
the same machine load):
- this site: N synthetic clusters (data/clusters/) and N news pairs
  (content/naujienos/, Lithuanian and English, with tags, each naming one to
  three clusters), `mkdocs build --strict --clean` into a new folder each
  time, as CI builds a fresh clone (`build` says why);
- plain: the same source pages as Markdown and nothing else: one page pair
  per cluster (its name, summary, description, facts and members, as the
  profile shows them) and the same N news pairs, built by the same
  mkdocs.yml without the hooks, the overrides and their stylesheets (the top
  menu is this site's six tabs, with a page each);
- wall time and CPU time (user + system of the build's process tree: the
  steadier number on a shared machine) as medians of --runs, their ratio,
  and the HTML pages each build wrote;
- the real site's build (median of --runs);
- after every build, the preview's edit-to-visible time, on the real site and at N=1,000:
  `mkdocs serve --dirty` (what `make serve` runs) on a free port, then three
  times: change a news item's title, and poll its page over HTTP until the
  new title is served (the browser's live reload follows within its next
  request); the median of the three.

--in-memory builds both sites in a folder in memory (/dev/shm), for a
second opinion when the disk's state weighs on the builds: on this kind of
virtual machine (ext4 without a journal) Linux scans past every inode freed
in the last minutes before it creates a file, so a run started within
minutes of a large deletion (the last run's clean-up, a test suite's
temporary sites) pays seconds of system time, the more the more files a
build writes (this site about 25,000 at N=1,000, plain about 8,000).

Targets (printed, not asserted): at N=1,000 this site takes at most 1.5x
plain (wall); time(3,000) / time(1,000) at most 3.3 (--with-3000); the real
site builds in at most 2 s; the preview shows an edit within 1 s on the real
site and within 5 s at N=1,000.
"""

from __future__ import annotations

import argparse
import datetime as dt
import os
import random
import shutil
import socket
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
from dataclasses import dataclass, field
from pathlib import Path

import yaml

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "benchmarks")]

from conftest import copy_site_sources  # noqa: E402
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
    tags = list(yaml.safe_load((REPO / "data" / "tags.yml").read_text(encoding="utf-8")))
    folder = root / "content" / "naujienos"
    folder.mkdir(parents=True, exist_ok=True)
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
            "sources": [{"url": f"https://example.org/naujienos/sintetine-{index:05d}"}],  # every entry cites one
        }
        en = {"title": f"Synthetic news {index}", "summary": f"Summary of synthetic news no. {index}."}
        for name, meta, body in ((f"{stem}.md", lt, words), (f"{stem}.en.md", en, "Synthetic English body. " * 10)):
            front = yaml.safe_dump(meta, allow_unicode=True, sort_keys=False)
            (folder / name).write_text(f"---\n{front}---\n\n{body}\n\n## Daugiau\n\n{body}\n", encoding="utf-8")


def scaled_site(target: Path, n: int) -> Path:
    root = synthetic_site(target, n)
    write_news(root, n, n)
    return root


def cluster_markdown(data: dict, lang: str) -> str:
    """One cluster as a plain Markdown page: what its profile shows."""
    facts = [
        f"- **Sektoriai:** {', '.join(data['sectors'])}",
        f"- **Vieta:** {data['city']}, {data['county']}",
        f"- **Įkurta:** {data['founded']}",
        f"- **Svetainė:** <{data['website']}>",
        f"- **Branda:** {data['maturity']['level']}",
        *(f"- **Ženklas:** {label['level']} ({label['issuer']}, {label['awarded']})" for label in data["labels"]),
    ]
    members = "".join(f"- {member['name']}\n" for member in data["members"])
    return (
        f"# {data['name'][lang]}\n\n{data['summary'][lang]}\n\n## Apie\n\n{data['description'][lang]}\n\n"
        + "\n".join(facts)
        + f"\n\n## Nariai\n\n{members}\n## Šaltiniai\n\n"
        + "".join(f"- <{source['url']}>\n" for source in data["sources"])
    )


def plain_site(ours: Path, target: Path) -> Path:
    """Plain Material + i18n over the same source pages as `ours`: each
    cluster as a Markdown pair, the same news files, this site's menu; the
    same mkdocs.yml without the hooks, the overrides and their stylesheets."""
    from clustersite.text import urls

    config = yaml.safe_load((REPO / "mkdocs.yml").read_text(encoding="utf-8").replace("!ENV", ""))
    for key in ("hooks", "extra_css", "watch"):
        config.pop(key, None)
    config["site_url"] = "http://127.0.0.1:8000/"
    config["theme"].pop("custom_dir")
    config["nav"] = [{title: path} for title, path in urls.NAV]
    docs = target / "content"
    (docs / "klasteriai").mkdir(parents=True)
    for path in (path for _, path in urls.NAV):
        for suffix in ("", ".en"):
            page = docs / path.replace(".md", f"{suffix}.md")
            page.parent.mkdir(parents=True, exist_ok=True)
            page.write_text(f"# {path}\n\nSkyrius.\n", encoding="utf-8")
    for file in sorted((ours / "data" / "clusters").glob("*.yml")):
        data = yaml.safe_load(file.read_text(encoding="utf-8"))
        for lang, suffix in (("lt", ""), ("en", ".en")):
            (docs / "klasteriai" / f"{file.stem}{suffix}.md").write_text(cluster_markdown(data, lang), encoding="utf-8")
    shutil.copytree(ours / "content" / "naujienos", docs / "naujienos", dirs_exist_ok=True, ignore=shutil.ignore_patterns("index*.md"))
    (target / "mkdocs.yml").write_text(yaml.safe_dump(config, allow_unicode=True), encoding="utf-8")
    return target


def html_pages(site: Path) -> int:
    """HTML pages a build wrote, both languages."""
    return sum(1 for _ in site.rglob("*.html"))


# --- measuring -------------------------------------------------------------


@dataclass
class Series:
    times: list[float] = field(default_factory=list)
    cpu: list[float] = field(default_factory=list)  # user + system seconds, the build's whole process tree
    pages: int = 0

    @property
    def median(self) -> float:
        return statistics.median(self.times)

    @property
    def cpu_median(self) -> float:
        return statistics.median(self.cpu)


def measured(command: list[str], cwd: Path, env: dict[str, str] = ENV) -> tuple[float, float]:
    """Wall time and CPU time (user + system) of one command and its descendants."""
    start = time.perf_counter()
    process = subprocess.Popen(command, cwd=cwd, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT)
    assert process.stdout is not None
    output = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    elapsed = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        sys.exit(f"{' '.join(command)} failed:\n{output.decode(errors='replace')[-4000:]}")
    return elapsed, usage.ru_utime + usage.ru_stime


def build(root: Path, series: Series) -> None:
    """One build into a folder of its own, as CI builds a fresh clone: a build
    into the folder the last one wrote would first delete its files (MkDocs'
    --clean), and on a file system without a journal (ext4 on this kind of
    virtual machine) Linux then scans past every inode freed in the last
    minutes for each file it creates, seconds of system time that grow with
    the files just deleted, not with the build. The folders go with the
    temporary folder at the end."""
    site = root / f"site-{len(series.times) + 1}"
    wall, cpu = measured([sys.executable, "-m", "mkdocs", "build", "--strict", "--clean", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(site)], root)
    series.times.append(wall)
    series.cpu.append(cpu)
    series.pages = html_pages(site)


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def fetch(url: str) -> str | None:
    try:
        with urllib.request.urlopen(url, timeout=5) as response:
            return response.read().decode("utf-8")
    except (urllib.error.URLError, ConnectionError, TimeoutError):
        return None


def wait_for(url: str, text: str, limit: float) -> float:
    """Seconds until `url` serves a page containing `text` (polled every 20 ms)."""
    start = time.perf_counter()
    while time.perf_counter() - start < limit:
        page = fetch(url)
        if page is not None and text in page:
            return time.perf_counter() - start
        time.sleep(0.02)
    raise TimeoutError(f"{url} did not show {text!r} within {limit:.0f} s")


def preview_edit_to_visible(root: Path, news_file: Path, edits: int = 3) -> list[float]:
    """`mkdocs serve --dirty` on a free port; `edits` times, a new title in
    `news_file` and the seconds until its page serves it."""
    port = free_port()
    command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "-f", str(root / "mkdocs.yml"), "--dev-addr", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=root, env=ENV, stdout=subprocess.DEVNULL, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}/naujienos/{news_file.name.removesuffix('.md').removesuffix('.lt')}/"
    try:
        original = news_file.read_text(encoding="utf-8")
        title = next(line for line in original.splitlines() if line.startswith("title:"))
        wait_for(url, "<html", 600)  # the first, full build
        time.sleep(1.5)  # past the file watcher's first scan
        times = []
        for number in range(1, edits + 1):
            marker = f"Pakeitimas{number}x{port}"
            news_file.write_text(original.replace(title, f"title: {marker}", 1), encoding="utf-8")
            times.append(wait_for(url, marker, 600))
            time.sleep(1.0)  # let the server settle (Pagefind runs beside it)
        news_file.write_text(original, encoding="utf-8")
        return times
    finally:
        server.terminate()
        try:
            server.wait(10)
        except subprocess.TimeoutExpired:
            server.kill()


# --- the table -------------------------------------------------------------


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--sizes", type=int, nargs="+", default=[1000])
    parser.add_argument("--with-3000", action="store_true", help="also N=3,000 (minutes per build)")
    parser.add_argument("--runs", type=int, default=3)
    parser.add_argument("--no-preview", action="store_true", help="skip the preview's edit-to-visible measurements")
    parser.add_argument("--in-memory", action="store_true", help="build in a folder in memory (/dev/shm), not on disk")
    parser.add_argument("--keep", type=Path, help="build in this folder and keep it (for profiling)")
    args = parser.parse_args()
    sizes = sorted(set(args.sizes) | ({3000} if args.with_3000 else set()))

    print(f"load before: {' '.join(f'{x:.2f}' for x in os.getloadavg())} on {os.cpu_count()} cores; source {REPO}", flush=True)
    in_memory = Path("/dev/shm") if args.in_memory else None
    if in_memory is not None and not in_memory.is_dir():
        parser.error("--in-memory: this machine has no /dev/shm")
    temp = Path(tempfile.mkdtemp(prefix="scale-", dir=in_memory) if args.keep is None else args.keep)
    print(f"building in {temp} ({'in memory' if in_memory else 'on disk'})", flush=True)
    rows, previews = [], {}
    try:
        real, real_series = copy_site_sources(temp / "real"), Series()
        for _ in range(args.runs):
            build(real, real_series)
        print(f"  real site: {[round(t, 2) for t in real_series.times]} s (cpu {[round(t, 2) for t in real_series.cpu]})", flush=True)
        roots = {}
        for n in sizes:
            base = temp / f"n{n}"
            if base.exists():
                shutil.rmtree(base)
            ours_root = scaled_site(base / "ours", n)
            plain_root = plain_site(ours_root, base / "plain")
            ours, plain = Series(), Series()
            for _ in range(args.runs):
                build(ours_root, ours)
                build(plain_root, plain)
            rows.append((n, ours, plain))
            print(
                f"  N={n}: ours {[round(t, 1) for t in ours.times]} s (cpu {[round(t, 1) for t in ours.cpu]}), "
                f"plain {[round(t, 1) for t in plain.times]} s (cpu {[round(t, 1) for t in plain.cpu]}), "
                f"load {os.getloadavg()[0]:.2f}",
                flush=True,
            )
            roots[n] = ours_root
        # The previews after every build: `mkdocs serve` deletes its folder when it stops (tens of
        # thousands of files at 1,000 clusters), and on this machine the builds just after that
        # were slower for it (see `build`).
        if not args.no_preview:
            news = sorted(p for p in (real / "content" / "naujienos").glob("*.md") if not p.name.startswith("index") and ".en." not in p.name)[-1]
            previews["real site"] = preview_edit_to_visible(real, news)
            print(f"  preview, real site: {[round(t, 2) for t in previews['real site']]} s", flush=True)
            if 1000 in roots:
                news = sorted((roots[1000] / "content" / "naujienos").glob("*-sintetine-*[0-9].md"))[0]
                previews["N=1,000"] = preview_edit_to_visible(roots[1000], news)
                print(f"  preview, N=1,000: {[round(t, 2) for t in previews['N=1,000']]} s", flush=True)
    finally:
        if args.keep is None:
            shutil.rmtree(temp, ignore_errors=True)

    print(f"\nmedians of {args.runs} runs; load after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    print("wall = elapsed seconds; cpu = user + system seconds of the build's process tree (steadier under load)")
    print(f"real site: {real_series.median:.2f} s wall, {real_series.cpu_median:.2f} s cpu, {real_series.pages} HTML pages")
    print(f"{'N':>6} {'ours wall':>9} {'plain':>6} {'ratio':>5} {'ours cpu':>8} {'plain':>6} {'ratio':>5} {'pages ours':>10} {'plain':>6}")
    for n, ours, plain in rows:
        print(
            f"{n:>6,} {ours.median:>8.1f}s {plain.median:>5.1f}s {ours.median / plain.median:>5.2f} "
            f"{ours.cpu_median:>7.1f}s {plain.cpu_median:>5.1f}s {ours.cpu_median / plain.cpu_median:>5.2f} {ours.pages:>10,} {plain.pages:>6,}"
        )
    for name, times in previews.items():
        print(f"preview edit-to-visible, {name}: median {statistics.median(times):.2f} s of {[round(t, 2) for t in times]}")

    medians = {n: (ours.median, plain.median, ours.cpu_median, plain.cpu_median) for n, ours, plain in rows}
    print("\ntargets (not asserted):")
    if 1000 in medians:
        wall, cpu = medians[1000][0] / medians[1000][1], medians[1000][2] / medians[1000][3]
        print(f"  N=1,000: this site / plain = {wall:.2f} wall, {cpu:.2f} cpu (target <= 1.50 wall): {'met' if wall <= 1.5 else 'MISSED'}")
    if 1000 in medians and 3000 in medians:
        wall, cpu = medians[3000][0] / medians[1000][0], medians[3000][2] / medians[1000][2]
        plain_growth = medians[3000][1] / medians[1000][1]
        print(
            f"  time(3,000) / time(1,000) = {wall:.2f} wall, {cpu:.2f} cpu (target <= 3.30; plain: {plain_growth:.2f} wall): {'met' if wall <= 3.3 else 'MISSED'}"
        )
    else:
        print("  time(3,000) / time(1,000): run with --with-3000")
    print(f"  real site build: {real_series.median:.2f} s wall (target <= 2.0): {'met' if real_series.median <= 2.0 else 'MISSED'}")
    for name, limit in (("real site", 1.0), ("N=1,000", 5.0)):
        if name in previews:
            median = statistics.median(previews[name])
            print(f"  preview, {name}: median {median:.2f} s (target <= {limit:.0f} s): {'met' if median <= limit else 'MISSED'}")


if __name__ == "__main__":
    main()
