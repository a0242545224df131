"""Directory filter speed, directory page weight and search downloads at N synthetic clusters.

    .venv/bin/python benchmarks/directory_and_search.py [--clusters 1000] [--runs 5] [--site DIR] [--trace] [--busy-cores 1]

Builds a site with N synthetic clusters (or reuses one already built into
--site DIR), serves it on localhost and opens the directory in Debian's
headless Chromium at a phone viewport. Each run opens the page afresh,
warms it up (a few keystrokes and clicks, not measured), then times:

- keystrokes in the text filter: a query typed and deleted again, twice;
- facet clicks: four checkboxes ticked together and unticked again, then
  eight ticked and unticked one at a time, twice (48 clicks, so the 95th
  percentile is not just the slowest click).

Each interaction starts inside a requestAnimationFrame callback and ends in
a task posted from it, so "to the frame drawn" covers the event handler and
the whole frame it causes (style, layout, paint): what a person waits for.
The directory puts right in the input's frame the places of its list that
can be on screen (at the top of the page, where the runs click, two),
and the rest of the page of cards over the next few frames, so "until the
list is complete" times the last of them too. "Forced" times only the handler plus a forced style and layout, as
earlier versions of this benchmark did. The runs are sorted by their 95th
percentile and the middle run is reported (median, p95, max), with the
spread of p95 over all runs. The frame budget is 16 ms.

--trace records a Chromium performance trace of one extra run and splits the
renderer's main-thread time into script, style, layout and paint.

--busy-cores N keeps N cores busy (a Python loop each) during the runs: a
phone has few free cores, and work outside the renderer (Chromium's browser
process handles each change of the page's URL) then delays the frame. On an
idle 2-core machine that work hides on the other core.

Search: bytes Pagefind downloads for the first search of a fresh visit (cold:
empty cache, nothing loaded) and for a second search once the index is loaded
(warm), and the time each takes until results show.
"""

from __future__ import annotations

import argparse
import gzip
import json
import os
import re
import statistics
import subprocess
import sys
import tempfile
import time
from collections import defaultdict
from contextlib import contextmanager
from pathlib import Path

REPO = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(REPO / "tests"), str(REPO / "benchmarks")]

from playwright.sync_api import sync_playwright  # noqa: E402

from browser_support import CHROMIUM, CHROMIUM_ARGS, serve  # noqa: E402
from conftest import run_build  # noqa: E402
from synthetic_clusters import synthetic_site  # noqa: E402

PHONE = {"width": 412, "height": 915}
QUERY = "siaures zalias klasteris 12"
FACETS = ["cs-f-sector-ict", "cs-f-county-vilnius", "cs-f-label-gold", "cs-f-maturity-formed"]
# Each ticked and unticked alone: every click changes most of the list.
SINGLE_FACETS = FACETS + ["cs-f-sector-health", "cs-f-county-kaunas", "cs-f-open-yes", "cs-f-label-silver"]

# `act` changes the form; resolves with [ms to the frame drawn, ms until the list is complete],
# or with the forced time alone.
MEASURE = """async ([kind, arg]) => {
  const act = kind === 'key'
    ? () => { const input = document.getElementById('cs-filter-q'); input.value = arg;
              input.dispatchEvent(new Event('input', {bubbles: true})); }
    : () => document.getElementById(arg).click();
  if (kind === 'forced-key' || kind === 'forced-click') {
    const input = document.getElementById('cs-filter-q');
    const start = performance.now();
    if (kind === 'forced-key') { input.value = arg; input.dispatchEvent(new Event('input', {bubbles: true})); }
    else document.getElementById(arg).click();
    document.body.getBoundingClientRect();
    const took = performance.now() - start;
    await new Promise(requestAnimationFrame);
    return took;
  }
  let start;
  const frame = await new Promise(resolve => requestAnimationFrame(() => {
    performance.mark('cs-bench-start');
    start = performance.now();
    act();
    const channel = new MessageChannel();
    channel.port1.onmessage = () => { performance.mark('cs-bench-frame'); resolve(performance.now() - start); };
    channel.port2.postMessage(0);
  }));
  // A long change may finish over later frames; the list is aria-busy until then.
  const list = document.getElementById('cs-cards');
  while (list.getAttribute('aria-busy') === 'true') await new Promise(requestAnimationFrame);
  performance.mark('cs-bench-end');
  return [frame, performance.now() - start];
}"""


def p95(values: list[float]) -> float:
    return sorted(values)[min(len(values) - 1, int(len(values) * 0.95))]


def interactions() -> list[tuple[str, str]]:
    steps = []
    for _ in range(2):
        steps += [("key", QUERY[:end]) for end in range(1, len(QUERY) + 1)]
        steps += [("key", QUERY[:end]) for end in range(len(QUERY) - 1, -1, -1)]
    clicks = [("click", box) for box in FACETS] * 2  # tick all four, then untick them
    clicks += [("click", box) for box in SINGLE_FACETS for _ in range(2)]  # one at a time
    return steps + clicks * 2


def one_run(browser, url: str, forced: bool = False) -> dict[str, list[float]]:
    page = browser.new_page(viewport=PHONE)
    page.goto(url)
    page.wait_for_load_state("load")
    for kind, arg in [("key", "sia"), ("key", ""), ("click", FACETS[0]), ("click", FACETS[0])]:  # warm-up
        page.evaluate(MEASURE, [kind, arg])
    times: dict[str, list[float]] = defaultdict(list)
    for kind, arg in interactions():
        took = page.evaluate(MEASURE, [("forced-" + kind) if forced else kind, arg])
        if forced:
            times[kind].append(took)
        else:
            times[kind].append(took[0])
            times[kind + " complete"].append(took[1])
    page.close()
    return times


def summary(runs: list[list[float]]) -> str:
    ordered = sorted(runs, key=p95)
    middle = ordered[len(ordered) // 2]
    return (
        f"median {statistics.median(middle):5.1f}  p95 {p95(middle):5.1f}  max {max(middle):6.1f} ms"
        f"   (p95 over {len(runs)} runs: {p95(ordered[0]):.1f}–{p95(ordered[-1]):.1f})"
    )


# Trace event names (with the "blink" category on) by the kind of work; the first pattern that matches wins.
TRACE_GROUPS = [
    ("history (URL update)", re.compile(r"SameDocumentNavigation|SetURL|SerializedScriptValue|Favicon|ResourceFetcher|ResponseBody|ResourceLoad")),
    ("style", re.compile(r"[Ss]tyle|LayoutTree")),
    ("layout", re.compile(r"[Ll]ayout(?!er)|ShapeText|IntersectionObserver")),
    ("paint and commit", re.compile(r"Paint|Commit|CullRect|Composit|Layer|Raster")),
    ("script", re.compile(r"^v8|^V8|FunctionCall|EventDispatch|GC|Microtask|TimerFire|AnimationFrame|MessagePort|EvaluateScript")),
]


def main_thread_split(trace: bytes) -> tuple[dict[str, float], dict[str, list[float]]]:
    """Self time (ms) per kind of work on the renderer's main thread, and the
    main thread's CPU time (ms) per interaction, to the frame drawn and until
    the list is complete: unlike wall-clock times, these hardly change when
    other processes compete for the CPU."""
    events = json.loads(trace)
    events = events["traceEvents"] if isinstance(events, dict) else events
    main = {(e["pid"], e["tid"]) for e in events if e.get("name") == "thread_name" and e["args"].get("name") == "CrRendererMain"}
    spans = sorted((e for e in events if (e.get("pid"), e.get("tid")) in main and e.get("ph") == "X" and "dur" in e), key=lambda e: (e["ts"], -e["dur"]))
    self_time: dict[str, float] = defaultdict(float)
    tasks: list[tuple[int, int, int]] = []  # top-level: start, end, CPU time
    stack: list[list] = []  # [end, name, self]
    for span in spans:
        while stack and stack[-1][0] <= span["ts"]:
            end, name, own = stack.pop()
            self_time[name] += own
        if stack:
            stack[-1][2] -= span["dur"]
        else:
            tasks.append((span["ts"], span["ts"] + span["dur"], span.get("tdur", span["dur"])))
        stack.append([span["ts"] + span["dur"], span["name"], span["dur"]])
    for _, name, own in stack:
        self_time[name] += own
    groups = dict.fromkeys([name for name, _ in TRACE_GROUPS] + ["other"], 0.0)
    for name, micros in self_time.items():
        group = next((group for group, pattern in TRACE_GROUPS if pattern.search(name)), "other")
        groups[group] += micros / 1000
    marks = sorted((e["ts"], e["name"]) for e in events if str(e.get("name", "")).startswith("cs-bench-") and e.get("ph") in ("R", "I", "n", "b"))
    cpu: dict[str, list[float]] = defaultdict(list)
    starts = [ts for ts, name in marks if name == "cs-bench-start"]
    for start in starts:
        frame = next((ts for ts, name in marks if name == "cs-bench-frame" and ts > start), None)
        end = next((ts for ts, name in marks if name == "cs-bench-end" and ts > start), None)
        if frame is None or end is None:
            continue
        # The task holding the start mark began at the frame's requestAnimationFrame callbacks.
        first = max((t for t in tasks if t[0] <= start), default=(start, start, 0))[0]
        for label, stop in (("frame", frame), ("complete", end)):
            cpu[label].append(sum(t[2] for t in tasks if first <= t[0] < stop) / 1000)
    return groups, cpu


def traced_run(browser, url: str, detailed: bool) -> tuple[dict[str, float], dict[str, list[float]]]:
    """`detailed` adds Blink's own trace events (to split the time by kind of
    work), which slow the page down; CPU times come from a run without them."""
    page = browser.new_page(viewport=PHONE)
    page.goto(url)
    page.wait_for_load_state("load")
    for kind, arg in [("key", "sia"), ("key", "")]:
        page.evaluate(MEASURE, [kind, arg])
    categories = ["toplevel", "devtools.timeline", "blink.user_timing"]
    if detailed:
        categories += ["disabled-by-default-devtools.timeline", "v8", "blink"]
    browser.start_tracing(page=page, categories=categories)
    for kind, arg in interactions():
        page.evaluate(MEASURE, [kind, arg])
    trace = browser.stop_tracing()
    page.close()
    return main_thread_split(trace)


def search_downloads(browser, url: str) -> list[tuple[str, int, int, float]]:
    """(which search, files, bytes, ms until results) for a cold and a warm search."""
    context = browser.new_context()  # an empty cache
    page = context.new_page()
    downloaded: list[int] = []
    page.on("response", lambda r: downloaded.append(len(r.body())) if "/pagefind/" in r.url else None)
    page.goto(url)
    page.wait_for_load_state("load")
    found = "() => document.getElementById('cs-search-status').textContent.startsWith('Rasta')"
    results = []
    counted = 0, 0  # the cold search counts everything the visit downloaded for search
    for which, query in [("cold: first search of a visit", "technologiju klasteris"), ("warm: next search", "baltijos inovaciju")]:
        page.fill("#cs-search-q", "")  # clears the results, so the next ones are this query's
        page.wait_for_timeout(500)  # let the index settle so each search's downloads are its own
        start = time.perf_counter()
        page.fill("#cs-search-q", query)
        page.wait_for_function(found, polling=5)
        took = (time.perf_counter() - start) * 1000
        page.wait_for_timeout(300)
        results.append((which, len(downloaded) - counted[0], sum(downloaded) - counted[1], took))
        counted = len(downloaded), sum(downloaded)
    context.close()
    return results


def index_sizes(site: Path) -> dict[str, int]:
    sizes: dict[str, int] = defaultdict(int)
    for path in (site / "pagefind").rglob("*"):
        name = path.name
        for lang in ("lt", "en"):
            if name.startswith((f"{lang}_", f"pagefind.{lang}_")) or name == f"wasm.{lang}.pagefind":
                sizes[lang] += path.stat().st_size
    return dict(sizes)


def built_site(clusters: int, site: Path | None, temp: Path) -> Path:
    if not (site and (site / "klasteriai" / "index.html").is_file()):
        site = site or temp / "site"
        build = run_build(synthetic_site(temp / "repo", clusters), site)
        assert build.returncode == 0, build.output
    headers = site / "_headers"
    if headers.is_file() and headers.stat().st_size > 200_000:
        # Chromium refuses a response whose headers pass 256 KiB (ERR_RESPONSE_HEADERS_TOO_BIG):
        # the policy lists a hash per page for the JSON-LD blocks, which are not scripts to run.
        print(f"warning: {headers} is {headers.stat().st_size // 1024} KiB, too big for a browser; served without it")
        headers.rename(site / "_headers.too-big")
    return site


@contextmanager
def busy_cores(count: int):
    """`count` processes spinning on a core each, for as long as the block runs."""
    spinners = [subprocess.Popen([sys.executable, "-c", "while True: pass"]) for _ in range(count)]
    try:
        yield
    finally:
        for spinner in spinners:
            spinner.kill()
            spinner.wait()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--site", type=Path, help="build into this folder once and reuse it on later calls")
    parser.add_argument("--trace", action="store_true", help="also split main-thread time by kind from a trace")
    parser.add_argument("--no-search", action="store_true")
    parser.add_argument("--busy-cores", type=int, default=0, metavar="N", help="keep N cores busy during the runs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        site = built_site(args.clusters, args.site, Path(temp))
        html = (site / "klasteriai" / "index.html").read_bytes()
        cards = html.count(b'class="cs-card"')
        sizes = index_sizes(site)
        with serve(site) as base, sync_playwright() as playwright:
            browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
            url = base + "klasteriai/"
            with busy_cores(args.busy_cores):
                runs = [one_run(browser, url) for _ in range(args.runs)]
                forced = [one_run(browser, url, forced=True) for _ in range(args.runs)]
            split = (traced_run(browser, url, detailed=True)[0], traced_run(browser, url, detailed=False)[1]) if args.trace else None
            search = [] if args.no_search else search_downloads(browser, base + "paieska/")
            browser.close()
    print(f"site: {cards} clusters; directory page {len(html) / 1024:.0f} KiB, {len(gzip.compress(html, 6)) / 1024:.0f} KiB gzipped")
    busy = f", {args.busy_cores} of {os.cpu_count()} cores kept busy" if args.busy_cores else f", {os.cpu_count()} cores idle"
    print(f"phone viewport {PHONE['width']}x{PHONE['height']}{busy}; {args.runs} runs, the middle one by p95 (frame budget 16 ms):")
    print(f"  keystroke, to the frame drawn:    {summary([r['key'] for r in runs])}")
    print(f"  facet click, to the frame drawn:  {summary([r['click'] for r in runs])}")
    print(f"  keystroke, until the list is complete:   {summary([r['key complete'] for r in runs])}")
    print(f"  facet click, until the list is complete: {summary([r['click complete'] for r in runs])}")
    print(f"  keystroke, forced layout only:    {summary([r['key'] for r in forced])}")
    print(f"  facet click, forced layout only:  {summary([r['click'] for r in forced])}")
    if split:
        groups, cpu = split
        total = sum(groups.values())
        print(
            f"  main thread during one run of {len(interactions())} interactions, from a trace (total {total:.0f} ms): "
            + ", ".join(f"{k} {v:.0f} ms" for k, v in groups.items())
        )
        for label, values in cpu.items():
            if values:
                print(
                    f"  main-thread CPU time per interaction, {label:>8}: median {statistics.median(values):5.1f}  "
                    f"p95 {p95(values):5.1f}  max {max(values):6.1f} ms ({len(values)} interactions, traced)"
                )
    for lang, size in sorted(sizes.items()) if not args.no_search else []:
        print(f"search index, {lang}: {size / 1024:.0f} KiB on disk")
    for which, files, size, took in search:
        print(f"search, {which}: {files} files, {size / 1024:.0f} KiB, results after {took:.0f} ms")


if __name__ == "__main__":
    main()
