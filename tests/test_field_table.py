"""The README's field tables are written from the model by `make schemas`, so
they cannot drift: a changed help text or field makes `--check` (and so
`make check` and the test of committed schemas) fail until they are rewritten."""

from __future__ import annotations

import shutil

import pytest

from clustersite.tools import field_table, schemas
from conftest import REPO, copy_site_sources
from test_editor_workflow import run_module


@pytest.mark.unit
def test_the_readme_tables_are_the_models():
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    assert field_table.cluster_table() in readme and field_table.entry_table() in readme
    assert "| `member_count` | `{value, as_of}` |" in readme  # a dated count, not a whole number
    assert "| `contact` | `{email?, phone?, address?}` |" in readme  # no contact.person: public organisational details only


@pytest.mark.unit
def test_an_edited_table_is_reported_and_rewritten(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    (root / "schemas").mkdir()
    for path in (REPO / "schemas").glob("*.json"):
        shutil.copy2(path, root / "schemas" / path.name)
    (root / "admin").mkdir()
    shutil.copy2(REPO / "admin" / "config.yml", root / "admin" / "config.yml")  # generated from the same model
    readme = (REPO / "README.md").read_text(encoding="utf-8")
    (root / "README.md").write_text(readme.replace("| `member_count` | `{value, as_of}` |", "| `member_count` | whole number |"), encoding="utf-8")
    result = run_module("clustersite.tools.schemas", "--check", "--root", str(root))
    assert result.returncode == 1
    assert result.stderr.splitlines() == ["README.md: out of date; run `make schemas` and commit the result"]
    assert run_module("clustersite.tools.schemas", "--root", str(root)).returncode == 0
    assert (root / "README.md").read_text(encoding="utf-8") == readme
    assert schemas.stale(root) == []
