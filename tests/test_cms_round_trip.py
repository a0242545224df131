"""Opening and saving an entry in the editing interface without changes leaves its files byte-identical.

Decap CMS rewrites a file whole on save; scripts/cms_format.mjs writes a
file the way Decap's own formatters do (the browser test compares it with a
real save). Every cluster, news item, story and event must already be in
that form, so a save changes only what the editor changed.
"""

from __future__ import annotations

import subprocess

import pytest

from conftest import REPO

pytestmark = pytest.mark.build  # needs npm's packages, like the build (make test installs them)


def _format(*args: str) -> subprocess.CompletedProcess[str]:
    if not (REPO / "node_modules" / "yaml").is_dir():
        pytest.fail("node_modules is missing: run `npm ci --ignore-scripts` (make test does)")
    return subprocess.run(["node", str(REPO / "scripts" / "cms_format.mjs"), *args], capture_output=True, text=True, cwd=REPO)


def test_every_cluster_news_item_story_and_event_is_saved_unchanged():
    result = _format("--check")
    assert result.returncode == 0, f"a save in /admin/ would reformat these (run `node scripts/cms_format.mjs --write`):\n{result.stdout}{result.stderr}"
    counted = {
        folder: len(list((REPO / folder).glob(pattern)))
        for folder, pattern in (("data/clusters", "*.yml"), ("content/naujienos", "*.md"), ("content/sekmes-istorijos", "*.md"), ("content/renginiai", "*.md"))
    }
    assert all(count >= 10 for count in counted.values()), counted  # five pairs or more of each kind, every cluster
