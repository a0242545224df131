"""`make check` time at N synthetic clusters (target: under 1 second at 1,000).

    .venv/bin/python benchmarks/check_time.py [--clusters 1000] [--repeat 5]

Measures the whole command as an editor runs it (a new Python process),
median of several runs.
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


if __name__ == "__main__":
    main()
