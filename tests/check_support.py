"""Helpers for the tests of `make check`'s messages and of the editors' commands:
fixture posts, running the check in this process or through make."""

from __future__ import annotations

import os
import subprocess
from pathlib import Path

from clustersite.tools import check
from conftest import REPO, minimal_cluster

# The first bytes of a PNG file and some padding: a picture by content.
PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64


# Every news item, story and event cites a source (model/entries.py): the
# fixture entries carry one, on the last line of the Lithuanian front matter.
SOURCE = "sources: [{url: https://example.org/saltinis}]\n"


def news_pair(day: str, slug: str = "naujiena", extra: str = "", extra_en: str = "", sources: str = SOURCE) -> dict[str, str]:
    return {
        f"naujienos/{day}-{slug}.md": f"---\ntitle: Naujiena\ndate: {day}\n{extra}{sources}---\n\nTekstas.\n",
        f"naujienos/{day}-{slug}.en.md": f"---\ntitle: News\n{extra_en}---\n\nText.\n",
    }


def event_pair(fields: str, sources: str = SOURCE) -> dict[str, str]:
    return {
        "renginiai/renginys.md": f"---\ntitle: Renginys\n{fields}{sources}---\n\nTekstas.\n",
        "renginiai/renginys.en.md": "---\ntitle: Event\n---\n\nText.\n",
    }


def story_pair(fields: str, sources: str = SOURCE) -> dict[str, str]:
    return {
        "sekmes-istorijos/istorija.md": f"---\ntitle: Istorija\ndate: 2024-05-01\nsummary: Santrauka.\n{fields}{sources}---\n\nTekstas.\n",
        "sekmes-istorijos/istorija.en.md": "---\ntitle: Story\nsummary: Summary.\n---\n\nText.\n",
    }


def run_check(root: Path, capsys, *args: str) -> tuple[int, str]:
    code = check.main(["--root", str(root), *args])
    captured = capsys.readouterr()
    return code, captured.out + captured.err


def problems_for(fixture_repo, capsys, clusters=None, entries=None, lang="en") -> list[str]:
    root = fixture_repo(clusters or {"bandomasis": minimal_cluster()}, entries)
    code, output = run_check(root, capsys, "--lang", lang)
    return [line for line in output.splitlines() if line.startswith(("data/", "content/"))]


def make_check(root: Path, *args: str, lang: str = "en_GB.UTF-8") -> subprocess.CompletedProcess:
    env = dict(os.environ, LANG=lang)
    env.pop("GITHUB_ACTIONS", None)
    return subprocess.run(
        ["make", "--no-print-directory", "-C", str(REPO), "-o", ".venv/bin/.build-installed", "check", f"ARGS=--root {root} {' '.join(args)}"],
        capture_output=True,
        text=True,
        env=env,
        timeout=120,
    )
