"""The incremental preview (`make serve`, outputs/preview.py): after each
edit, every file the preview wrote equals a clean build of the same sources,
and an edit to one content file reads and renders only some of the pages."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import pytest

from clustersite.outputs.preview import changed_files, is_content
from conftest import copy_site_sources

DRIVER = Path(__file__).parent / "preview_support.py"
NEWS = "content/naujienos/2010-10-22-abbi-inoklaster.lt.md"
STEPS = [
    ("news", [{"path": NEWS, "old": "title: Gėrimų pramonės klasteris ABBI", "new": "title: Gėrimų pramonės klasteris ABBI (pataisyta)"}]),
    ("cluster summary", [{"path": "data/clusters/abbi.yml", "old": "also known as the National", "new": "also known (edited) as the National"}]),
    (
        "cluster name",
        [{"path": "data/clusters/abbi.yml", "old": "  lt: ABBI – Baltijos gėrimų pramonės aljansas", "new": "  lt: ABBI – Baltijos gėrimų aljansas"}],
    ),
    ("vocabulary", [{"path": "data/sectors.yml", "old": "  en: Agri-innovation and food technologies", "new": "  en: Agri-innovation and food technology"}]),
    ("broken", [{"path": "data/clusters/abbi.yml", "old": "name:\n", "new": "nam:\n"}]),
    ("fixed", [{"path": "data/clusters/abbi.yml", "old": "nam:\n", "new": "name:\n"}]),
]


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only, relative to the folders."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in compared.left_only + compared.right_only + compared.diff_files + compared.funny_files)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return sorted(found)


@pytest.fixture(scope="module")
def preview_run(tmp_path_factory):
    root = copy_site_sources(tmp_path_factory.mktemp("preview") / "site")
    out = tmp_path_factory.mktemp("preview-out")
    edits = out / "edits.json"
    edits.write_text(json.dumps([step for _, step in STEPS]), encoding="utf-8")
    result = subprocess.run([sys.executable, str(DRIVER), str(root), str(out), str(edits)], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(reports) == len(STEPS)
    return out, reports


@pytest.mark.build
@pytest.mark.parametrize("number", range(1, len(STEPS) + 1), ids=[name for name, _ in STEPS])
def test_preview_after_an_edit_equals_a_clean_build(preview_run, number):
    out, reports = preview_run
    if STEPS[number - 1][0] == "broken":  # the clean build fails; the preview shows the problem instead
        assert not reports[number - 1]["clean_build"]
        page = (out / f"serve-{number}" / "index.html").read_text(encoding="utf-8")
        assert "data/clusters/abbi.yml" in page and "nam" in page
        return
    assert differences(out / f"serve-{number}", out / f"clean-{number}") == []


@pytest.mark.build
def test_an_edit_to_one_file_renders_only_part_of_the_site(preview_run):
    _, reports = preview_run
    by_name = dict(zip((name for name, _ in STEPS), reports, strict=True))
    for name in ("news", "cluster summary"):
        assert not by_name[name]["full"]
        assert 0 < by_name[name]["rendered"] < by_name[name]["skipped"], by_name[name]
    assert by_name["vocabulary"]["full"]  # a vocabulary is read by every page
    # The error page was written everywhere, the good pages moved aside: the fix puts them back.
    assert not by_name["fixed"]["full"]
    assert by_name["fixed"]["rendered"] < by_name["fixed"]["skipped"]


@pytest.mark.unit
def test_only_clusters_and_content_markdown_count_as_content():
    assert is_content("data/clusters/abbi.yml")
    assert is_content("content/naujienos/2010-10-22-abbi-inoklaster.en.md")
    for path in ("data/sectors.yml", "data/ui/lt.yml", "overrides/cluster.html", "hooks/site_hooks.py", "mkdocs.yml", "content/assets/site.css"):
        assert not is_content(path), path


@pytest.mark.unit
def test_changed_files_are_the_added_removed_and_modified():
    before = {"a": (1, 1), "b": (1, 1), "c": (1, 1)}
    after = {"a": (1, 1), "b": (2, 1), "d": (1, 1)}
    assert changed_files(before, after) == {"b", "c", "d"}
