"""When each file in a folder was last committed, read from git once.

A profile says when it was last checked: the day its data file was last
committed (`git log -1 --format=%cs -- file`), which a commit always builds
the same. One `git log` over the folder answers for every file at once; a
file git does not know (new, or a copy of the site outside git) gets no
date here and the caller falls back to the build date (SOURCE_DATE_EPOCH).
"""

from __future__ import annotations

import datetime as dt
import subprocess
from pathlib import Path

MARK = "\x00"  # git writes %x00 before each commit's date


def last_commit_dates(repo_root: Path, folder: str) -> dict[str, dt.date]:
    """`{path relative to repo_root: date of the last commit touching it}`
    for the files under `folder`; empty when git or the repository is absent."""
    try:
        log = subprocess.run(
            ["git", "-C", str(repo_root), "log", "--format=%x00%cs", "--name-only", "--relative", "--", folder],
            capture_output=True,
            text=True,
            check=True,
        ).stdout
    except (OSError, subprocess.CalledProcessError):
        return {}
    dates: dict[str, dt.date] = {}
    day: dt.date | None = None
    for line in log.splitlines():
        if line.startswith(MARK):
            day = dt.date.fromisoformat(line[1:])
        elif line and day is not None:
            dates.setdefault(line, day)  # the log runs newest first
    return dates
