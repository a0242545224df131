"""A repository with several mistakes in several files fails the build cleanly."""

from __future__ import annotations

import re

import pytest

from conftest import minimal_cluster, run_build

pytestmark = pytest.mark.build  # each test builds a site, or reads one a fixture builds


def test_build_lists_every_mistake_and_exits_non_zero(fixture_repo, tmp_path):
    root = fixture_repo(
        {
            "geras": minimal_cluster(),
            "blogas": minimal_cluster(extra="sectors: [maistas]\nfounded: 3000\n"),
            "sugedes": "name:\n  lt: [neuždaryta\n",
            "be-pavadinimo": "summary:\n  lt: Santrauka.\nsources:\n  - url: https://example.org/\n",
        }
    )
    (root / "data" / "counties.yml").write_text("vilnius:\n  lt: Vilniaus apskritis\n", encoding="utf-8")
    build = run_build(root, tmp_path / "site")
    assert build.returncode != 0
    assert "Traceback" not in build.output
    lines = build.output.splitlines()
    expected = [
        "The content has 5 problems; fix each one and build again:",
        "data/clusters/be-pavadinimo.yml:1: name: missing; this field is required",
        'data/clusters/blogas.yml:9: sectors[0]: unknown sector (got "maistas"); use one of: agro-food, '
        "energy-construction, manufacturing-engineering, ict, creative-industries, health, transport, tourism",
        "data/clusters/blogas.yml:10: founded: is in the future (got 3000); give the year it happened",
        "data/clusters/sugedes.yml:3: not valid YAML: the list in [brackets] that starts on line 2 is not closed with ] or its items are not separated by commas",
        "data/counties.yml:2: vilnius.en: missing; this field is required",
    ]
    found = [re.sub(r"^ERROR\s+-\s+", "", line) for line in lines]
    for line in expected:
        assert line in found, build.output
    assert not (tmp_path / "site" / "index.html").exists()
