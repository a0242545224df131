"""Files from a pull request cannot make `make check` slow, huge or crash.

Each limit is run as an editor runs it, `python -m clustersite.tools.check` in a
new process, with its peak memory measured; and each has its exact message.
What the check costs is bounded by work, not by the clock: the same check run
in this process counts the YAML events it reads (so a limit stops the parse
where it is crossed), the files it reads and the memory it allocates
(tracemalloc). Its time is reported by `benchmarks/check_time.py`, which never
fails on it. The limits themselves are in clustersite.text.limits.
"""

from __future__ import annotations

import contextlib
import functools
import io
import os
import subprocess
import sys
import tempfile
import tracemalloc
from dataclasses import dataclass
from pathlib import Path
from unittest import mock

import pytest

from clustersite.source.yaml_source import UNREADABLE, _LineSafeLoader, parse_reported
from clustersite.text.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_ITEMS, MAX_VALUES
from clustersite.text.problems import Problems
from clustersite.tools import check
from conftest import FIXED_EPOCH, REPO, minimal_cluster
from test_cluster_validation import problems_for, repo_with

ANCHORS = "YAML anchors (&) and aliases (*) are not allowed; write the value out in full"
MEGABYTES = 100  # peak resident memory of the `make check` process (about 40 MB)
ALLOCATED = 10  # MB the check may allocate beyond what it does without the file (tracemalloc)

# Nine lines that PyYAML expands to 9**9 strings: before the limits, `make
# check` ran 58 s and took 4.4 GB before reporting anything.
BILLION_LAUGHS = (
    "\n".join(
        ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]" for previous, name in zip("abcdefgh", "bcdefghi", strict=False)]
    )
    + "\n"
)
# Read once, expanded never: on each line a key, a list's start, nine values
# or aliases and the list's end; around them a stream, a document and a mapping.
BILLION_LAUGHS_EVENTS = 9 * 12 + 6


@dataclass
class Work:
    """What a check costs, counted in this process."""

    events: int  # YAML events read: each value, and each list's or mapping's start and end
    read: set[str]  # files read as text, relative to the root
    megabytes: float  # peak of the memory Python allocated (tracemalloc)


@dataclass
class Run:
    returncode: int
    stdout: str
    megabytes: float
    work: Work


def check_work(root: Path) -> Work:
    """`make check` on `root` in this process, counting its YAML events, the
    files it reads and its allocations' peak (its output is dropped)."""
    events, read = 0, set()
    get_event, read_text = _LineSafeLoader.get_event, Path.read_text

    def counted_get_event(loader):
        nonlocal events
        events += 1
        return get_event(loader)

    def recorded_read_text(path, *args, **kwargs):
        read.add(os.path.relpath(path, root))
        return read_text(path, *args, **kwargs)

    with (
        mock.patch.object(_LineSafeLoader, "get_event", counted_get_event),
        mock.patch.object(Path, "read_text", recorded_read_text),
        mock.patch.dict(os.environ, {"SOURCE_DATE_EPOCH": FIXED_EPOCH}),
        contextlib.redirect_stdout(io.StringIO()),
        contextlib.redirect_stderr(io.StringIO()),
    ):
        tracemalloc.start()
        try:
            check.main(["--root", str(root)])
            _, peak = tracemalloc.get_traced_memory()
        finally:
            tracemalloc.stop()
    return Work(events, read, peak / 2**20)


@functools.cache
def without_the_files() -> Work:
    """The same check on the same repository without the test's files."""
    with tempfile.TemporaryDirectory() as folder:
        return check_work(repo_with(Path(folder), {}))


# Started from pytest, a child's peak memory would include pytest's own: Linux
# counts the memory of the process a child was forked from until it starts
# the new program. A small launcher starts the check instead and reports the
# check's peak (os.wait4: that one child) on its standard error.
LAUNCHER = """\
import os, subprocess, sys
check = subprocess.Popen(sys.argv[1:], stderr=subprocess.DEVNULL)
_, status, usage = os.wait4(check.pid, 0)
sys.stderr.write(str(usage.ru_maxrss))
sys.exit(os.waitstatus_to_exitcode(status))
"""


def run_check(root: Path) -> Run:
    """`make check` on `root`, with its peak memory (see LAUNCHER) and its work."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH)
    command = [sys.executable, "-c", LAUNCHER, sys.executable, "-m", "clustersite.tools.check", "--root", str(root)]
    done = subprocess.run(command, env=env, capture_output=True, text=True)
    return Run(done.returncode, done.stdout, int(done.stderr) / 1024, check_work(root))  # ru_maxrss is in KiB on Linux


def check_files(tmp_path: Path, files: dict[str, str]) -> Run:
    root = repo_with(tmp_path, {})
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return run_check(root)


def assert_refused_within_bounds(run: Run, expected: list[str], events: int) -> None:
    """Refused with `expected`, in bounded memory, after reading at most
    `events` YAML events more than the check reads without the files."""
    base = without_the_files()
    extra = run.work.events - base.events
    print(f"make check: {run.megabytes:.0f} MB; {extra} more YAML events, {run.work.megabytes - base.megabytes:.1f} MB more allocated")  # pytest -s
    assert run.returncode == 1
    assert run.stdout.splitlines() == expected
    assert run.megabytes < MEGABYTES, f"peaked at {run.megabytes:.0f} MB"
    assert extra <= events, f"read {extra} YAML events more than without the files; the limit allows {events}"
    assert run.work.megabytes - base.megabytes < ALLOCATED, f"allocated {run.work.megabytes:.1f} MB at the peak"


def test_billion_laughs_is_refused_after_reading_it_once_in_a_few_megabytes(tmp_path):
    run = check_files(tmp_path, {"data/clusters/bomb.yml": BILLION_LAUGHS})
    assert_refused_within_bounds(run, [f"data/clusters/bomb.yml:{line}: {ANCHORS}" for line in range(1, 10)], BILLION_LAUGHS_EVENTS)


def test_billion_laughs_parse_itself_reads_each_value_once_in_a_few_megabytes():
    events = 0
    get_event = _LineSafeLoader.get_event

    def counted_get_event(loader):
        nonlocal events
        events += 1
        return get_event(loader)

    tracemalloc.start()
    problems = Problems()
    with mock.patch.object(_LineSafeLoader, "get_event", counted_get_event):
        assert parse_reported(BILLION_LAUGHS, "bomb.yml", problems) is UNREADABLE
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(problems) == 9
    assert events <= BILLION_LAUGHS_EVENTS and peak < 10 * 2**20, (events, peak)


def test_nesting_beyond_the_limit_is_refused_without_a_traceback(tmp_path):
    run = check_files(tmp_path, {"data/clusters/deep.yml": "name: " + "[" * 20_000 + "]" * 20_000 + "\n"})
    assert_refused_within_bounds(
        run,
        [
            f"data/clusters/deep.yml:1: nested more than {MAX_DEPTH} levels deep; no field needs that many, so remove the extra brackets or indentation",
        ],
        events=MAX_DEPTH + 5,  # the key and the lists down to the one too deep; not the 40,000 brackets
    )


def test_files_over_a_megabyte_are_refused_unread(tmp_path):
    description = "  lt: " + "Labai ilgas aprašymas. " * 60_000 + "\n"  # 1.44 MB in UTF-8
    news = "---\ntitle: Naujiena\ndate: 2024-03-05\n---\n" + "Tekstas. " * 120_000  # 1.08 MB
    run = check_files(
        tmp_path,
        {
            "data/clusters/big.yml": minimal_cluster(extra="description:\n" + description),
            "content/naujienos/2024-03-05-didele.md": news,
            "content/naujienos/2024-03-05-didele.en.md": "---\ntitle: News\n---\n",
        },
    )
    assert_refused_within_bounds(
        run,
        [
            "content/naujienos/2024-03-05-didele.md:1: the file is 1.1 MB; Markdown pages must stay under 1 MB — split the text or remove embedded data",
            "data/clusters/big.yml:1: the file is 1.5 MB; data files must stay under 1 MB — split the text or remove embedded data",
        ],
        events=10,  # the English partner's front matter
    )
    assert {"data/clusters/big.yml", "content/naujienos/2024-03-05-didele.md"}.isdisjoint(run.work.read)
    assert "content/naujienos/2024-03-05-didele.en.md" in run.work.read


def test_a_list_over_a_thousand_items_is_refused(tmp_path):
    members = "members:\n" + "".join(f"  - name: Narys {n}\n" for n in range(20_000))
    run = check_files(tmp_path, {"data/clusters/long.yml": minimal_cluster(extra=members)})
    assert_refused_within_bounds(
        run,
        [
            f"data/clusters/long.yml:9: members: more than {MAX_ITEMS} items; keep at most {MAX_ITEMS} (what the page needs) and link to a source for the rest",
        ],
        events=4 * (MAX_ITEMS + 1) + 40,  # up to the member too many (a mapping's start and end, a key, a value), not the 20,000
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "".join(f"k{n}: x\n" for n in range(MAX_ITEMS + 1)),
            f"data/clusters/x.yml:1: more than {MAX_ITEMS} keys; keep at most {MAX_ITEMS} (what the page needs) and link to a source for the rest",
            id="mapping-keys",
        ),
        pytest.param(
            "".join(f"- [{', '.join(['1'] * 999)}]\n" for _ in range(30)),
            f"data/clusters/x.yml:20: more than {MAX_VALUES} values in one file; split it into smaller files or keep only what the site shows",
            id="values-per-file",
        ),
        pytest.param(
            "name:\n  lt: &name Vardas\n  en: *name\n",
            [f"data/clusters/x.yml:2: {ANCHORS}", f"data/clusters/x.yml:3: {ANCHORS}"],
            id="one-anchor-one-alias",
        ),
        pytest.param(
            "a:\n" + "".join("  " * depth + f"l{depth}:\n" for depth in range(1, MAX_DEPTH + 1)) + "  " * (MAX_DEPTH + 1) + "x\n",
            f"data/clusters/x.yml:{MAX_DEPTH + 1}: nested more than {MAX_DEPTH} levels deep; no field needs that many, "
            "so remove the extra brackets or indentation",
            id="deep-by-indentation",
        ),
    ],
)
def test_limit_messages(tmp_path, text, expected):
    assert problems_for(tmp_path, {"x.yml": text}) == (expected if isinstance(expected, list) else [expected])


def test_limits_leave_room_for_real_content():
    largest = max(path.stat().st_size for path in REPO.joinpath("data").rglob("*.yml"))
    assert largest * 20 < MAX_FILE_BYTES


def test_interface_wording_is_read_within_the_same_limits(tmp_path):
    run = check_files(tmp_path, {"data/ui/en.yml": BILLION_LAUGHS})
    # Read twice (the wording itself, then the check for markup in it), expanded never.
    assert_refused_within_bounds(run, [f"data/ui/en.yml:{line}: {ANCHORS}" for line in range(1, 10)], 2 * BILLION_LAUGHS_EVENTS)
