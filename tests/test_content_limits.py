"""Files from a pull request cannot make `make check` slow, huge or crash.

Each limit is run as an editor runs it, `python -m clustersite.tools.check` in a
new process, with its time and peak memory measured; and each has its exact
message. The limits themselves are in clustersite.text.limits.
"""

from __future__ import annotations

import os
import subprocess
import sys
import time
import tracemalloc
from dataclasses import dataclass
from pathlib import Path

import pytest

from clustersite.source.yaml_source import UNREADABLE, parse_reported
from clustersite.text.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_ITEMS, MAX_VALUES
from clustersite.text.problems import Problems
from conftest import FIXED_EPOCH, REPO, minimal_cluster
from test_cluster_validation import problems_for, repo_with

ANCHORS = "YAML anchors (&) and aliases (*) are not allowed; write the value out in full"
SECONDS = 2.0  # the whole command, interpreter start included, on a busy 2-core machine (about 0.4 s idle)
MEGABYTES = 100  # peak resident memory of that process (about 40 MB)

# Nine lines that PyYAML expands to 9**9 strings: before the limits, `make
# check` ran 58 s and took 4.4 GB before reporting anything.
BILLION_LAUGHS = (
    "\n".join(
        ['a: &a ["lol","lol","lol","lol","lol","lol","lol","lol","lol"]']
        + [f"{name}: &{name} [{','.join([f'*{previous}'] * 9)}]" for previous, name in zip("abcdefgh", "bcdefghi", strict=False)]
    )
    + "\n"
)


@dataclass
class Run:
    returncode: int
    stdout: str
    seconds: float
    megabytes: float


def run_check(root: Path) -> Run:
    """`make check` on `root`, with this process's own time and peak memory
    (os.wait4 reports the one child, not every child pytest has had)."""
    env = dict(os.environ, SOURCE_DATE_EPOCH=FIXED_EPOCH)
    start = time.perf_counter()
    process = subprocess.Popen(
        [sys.executable, "-m", "clustersite.tools.check", "--root", str(root)], env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True
    )
    stdout = process.stdout.read()
    _, status, usage = os.wait4(process.pid, 0)
    seconds = time.perf_counter() - start
    process.returncode = os.waitstatus_to_exitcode(status)
    process.stdout.close()
    return Run(process.returncode, stdout, seconds, usage.ru_maxrss / 1024)  # ru_maxrss is in KiB on Linux


def check_files(tmp_path: Path, files: dict[str, str]) -> Run:
    root = repo_with(tmp_path, {})
    for name, text in files.items():
        path = root / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    return run_check(root)


def assert_refused_quickly(run: Run, expected: list[str]) -> None:
    print(f"make check: {run.seconds:.2f} s, {run.megabytes:.0f} MB")  # shown with pytest -s or on failure
    assert run.returncode == 1
    assert run.stdout.splitlines() == expected
    assert run.seconds < SECONDS, f"took {run.seconds:.2f} s"
    assert run.megabytes < MEGABYTES, f"peaked at {run.megabytes:.0f} MB"


def test_billion_laughs_is_refused_in_a_second_and_a_few_megabytes(tmp_path):
    run = check_files(tmp_path, {"data/clusters/bomb.yml": BILLION_LAUGHS})
    assert_refused_quickly(run, [f"data/clusters/bomb.yml:{line}: {ANCHORS}" for line in range(1, 10)])


def test_billion_laughs_parse_itself_takes_milliseconds():
    tracemalloc.start()
    start = time.perf_counter()
    problems = Problems()
    assert parse_reported(BILLION_LAUGHS, "bomb.yml", problems) is UNREADABLE
    seconds = time.perf_counter() - start
    _, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    assert len(problems) == 9
    assert seconds < 0.1 and peak < 10 * 2**20, (seconds, peak)


def test_nesting_beyond_the_limit_is_refused_without_a_traceback(tmp_path):
    run = check_files(tmp_path, {"data/clusters/deep.yml": "name: " + "[" * 20_000 + "]" * 20_000 + "\n"})
    assert_refused_quickly(
        run,
        [
            f"data/clusters/deep.yml:1: nested more than {MAX_DEPTH} levels deep; no field needs that many, so remove the extra brackets or indentation",
        ],
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
    assert_refused_quickly(
        run,
        [
            "content/naujienos/2024-03-05-didele.md: the file is 1.1 MB; Markdown pages must stay under 1 MB — split the text or remove embedded data",
            "data/clusters/big.yml: the file is 1.5 MB; data files must stay under 1 MB — split the text or remove embedded data",
        ],
    )


def test_a_list_over_a_thousand_items_is_refused(tmp_path):
    members = "members:\n" + "".join(f"  - name: Narys {n}\n" for n in range(20_000))
    run = check_files(tmp_path, {"data/clusters/long.yml": minimal_cluster(extra=members)})
    assert_refused_quickly(
        run,
        [
            f"data/clusters/long.yml:9: members: more than {MAX_ITEMS} items; keep at most {MAX_ITEMS} (what the page needs) and link to a source for the rest",
        ],
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
    assert_refused_quickly(run, [f"data/ui/en.yml:{line}: {ANCHORS}" for line in range(1, 10)])
