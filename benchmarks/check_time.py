"""`make check` time at N synthetic clusters (target: under 1 second at 1,000),
and on the hostile files tests/test_content_limits.py refuses.

    .venv/bin/python benchmarks/check_time.py [--clusters 1000] [--repeat 5]

Measures the whole command as an editor runs it (a new Python process),
median of several runs. The hostile files' times and peak memory are
reported here only: the tests bound what the check reads, not its time.
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

REPO = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(REPO / "tests"))
sys.path.insert(0, str(REPO / "benchmarks"))

from synthetic_clusters import synthetic_site  # noqa: E402


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--clusters", type=int, default=1000)
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as temp:
        root = synthetic_site(Path(temp) / "repo", args.clusters)
        env = dict(os.environ, SOURCE_DATE_EPOCH="1780272000")
        times = []
        for _ in range(args.repeat):
            start = time.perf_counter()
            result = subprocess.run([sys.executable, "-m", "clustersite.tools.check", "--root", str(root)], env=env, capture_output=True, text=True)
            times.append(time.perf_counter() - start)
            assert result.returncode == 0, result.stdout + result.stderr
    median = statistics.median(times)
    print(f"make check, {args.clusters} clusters: {median:.2f} s (median of {args.repeat}); target 1.00 s: {'met' if median < 1 else 'MISSED'}")
    hostile(args.repeat)


def hostile(repeat: int) -> None:
    """`make check` on each file the content limits refuse: the time (median)
    and the process's peak memory (before the limits: 58 s and 4.4 GB)."""
    from conftest import minimal_cluster
    from test_cluster_validation import repo_with
    from test_content_limits import BILLION_LAUGHS

    cases = {
        "billion laughs": {"data/clusters/bomb.yml": BILLION_LAUGHS},
        "nested 20,000 deep": {"data/clusters/deep.yml": "name: " + "[" * 20_000 + "]" * 20_000 + "\n"},
        "a 1.4 MB data file": {"data/clusters/big.yml": minimal_cluster(extra="description:\n  lt: " + "Labai ilgas aprašymas. " * 60_000 + "\n")},
        "20,000 members": {"data/clusters/long.yml": minimal_cluster(extra="members:\n" + "".join(f"  - name: Narys {n}\n" for n in range(20_000)))},
        "billion laughs as wording": {"data/ui/en.yml": BILLION_LAUGHS},
    }
    env = dict(os.environ, SOURCE_DATE_EPOCH="1780272000")
    for name, files in cases.items():
        with tempfile.TemporaryDirectory() as temp:
            root = repo_with(Path(temp), {})
            for relative, text in files.items():
                (root / relative).parent.mkdir(parents=True, exist_ok=True)
                (root / relative).write_text(text, encoding="utf-8")
            times, peaks = [], []
            for _ in range(repeat):
                start = time.perf_counter()
                process = subprocess.Popen(
                    [sys.executable, "-m", "clustersite.tools.check", "--root", str(root)], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
                )
                _, status, usage = os.wait4(process.pid, 0)
                times.append(time.perf_counter() - start)
                peaks.append(usage.ru_maxrss / 1024)
                assert os.waitstatus_to_exitcode(status) == 1, f"{name}: not refused"
        print(f"make check on {name}: refused in {statistics.median(times):.2f} s, {max(peaks):.0f} MB at the peak (median of {repeat})")


if __name__ == "__main__":
    main()
