"""The URL scheme has one home (clustersite/text/urls.py): moving a section is one line there."""

from __future__ import annotations

import re

import pytest

from conftest import copy_site_sources, run_build

pytestmark = pytest.mark.build  # each test builds a site, or reads one a fixture builds


def test_a_section_moves_with_one_line(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    urls_py = root / "hooks" / "clustersite" / "text" / "urls.py"
    text = urls_py.read_text(encoding="utf-8")
    assert text.count('"news": "naujienos"') == 1
    urls_py.write_text(text.replace('"news": "naujienos"', '"news": "aktualijos"'), encoding="utf-8")
    (root / "content" / "naujienos").rename(root / "content" / "aktualijos")  # the section's folder is its address
    for suffix in (".md", ".en.md"):  # and its page beside the folder (outside it, so /admin/ does not list it)
        (root / "content" / f"naujienos{suffix}").rename(root / "content" / f"aktualijos{suffix}")
    build = run_build(root, tmp_path / "site")
    assert build.returncode == 0, build.output
    assert (build.site / "aktualijos" / "index.html").is_file() and not (build.site / "naujienos").exists()
    # Internal links only: other sites (news pages of a source) may well say "naujienos".
    old = re.compile(r'(?:href|src|content)="(?!https?://(?!127\.0\.0\.1))[^"]*\bnaujienos/')
    offenders = [str(p.relative_to(build.site)) for p in build.pages() if old.search(p.read_text(encoding="utf-8"))]
    assert offenders == []
    assert build.page("en/aktualijos/").select(".cs-entry")
