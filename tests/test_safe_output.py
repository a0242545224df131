"""Text stays text and the CSP lists only the project's scripts.

The payload matrix (test_payload_matrix.py) puts hostile values in every
field; these tests pin the rules around it: interface wording refused when it
holds markup (and escaped anyway), an inline script that is not on the fixed
list stopping the build at the page that has it, and the list itself.
"""

from __future__ import annotations

import re

import pytest
from bs4 import BeautifulSoup

from clustersite.outputs import security_headers
from clustersite.outputs.security_headers import content_security_policy, inline_scripts, unlisted_scripts
from clustersite.outputs.templating import escape_templates_in
from conftest import REPO, copy_site_sources, run_build
from test_editor_workflow import run_module

HOSTILE = "<img src=x onerror=alert(2)>"


def _with_hostile_wording(root, key="skip.to_content"):
    path = root / "data" / "ui" / "lt.yml"
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    number = next(i for i, line in enumerate(lines, 1) if line.startswith(f"{key}:"))
    lines[number - 1] = f"{key}: Pereiti {HOSTILE} prie turinio\n"
    path.write_text("".join(lines), encoding="utf-8")
    return number


def test_make_check_refuses_markup_in_interface_wording(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    line = _with_hostile_wording(root)
    result = run_module("clustersite.tools.check", "--root", str(root), "--lang", "lt")
    assert result.returncode == 1
    assert result.stdout.splitlines()[0] == (
        f"data/ui/lt.yml:{line}: skip.to_content: sąsajos tekstas yra paprastas tekstas, o čia yra žymėjimas "
        f"({HOSTILE}); palikite tik žodžius (svetainė jį rodytų kaip simbolius)"
    )
    english = run_module("clustersite.tools.check", "--root", str(root), "--lang", "en")
    assert f"data/ui/lt.yml:{line}: skip.to_content: interface wording is plain text, but this has markup ({HOSTILE})" in english.stdout


@pytest.mark.build
def test_a_strict_build_refuses_it_too_and_any_build_shows_it_as_text(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    line = _with_hostile_wording(root)
    strict = run_build(root, tmp_path / "strict")
    assert strict.returncode == 1 and f"data/ui/lt.yml:{line}: skip.to_content: interface wording is plain text" in strict.output
    loose = run_build(root, tmp_path / "loose", strict=False)
    assert loose.returncode == 0, loose.output
    home = BeautifulSoup((tmp_path / "loose" / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert home.find(attrs={"onerror": True}) is None
    assert HOSTILE in home.find("a", href="#cs-main").get_text()


@pytest.mark.build
def test_a_page_with_an_unlisted_inline_script_stops_the_build_and_is_named(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    template = root / "overrides" / "stats.html"
    text = template.read_text(encoding="utf-8")
    template.write_text(text.replace("{% block content %}", "{% block content %}<script>alert(3)</script>", 1), encoding="utf-8")
    build = run_build(root, tmp_path / "site")
    assert build.returncode == 1
    assert ("statistika/index.html: an inline script that the Content-Security-Policy does not allow: <script>alert(3)</script>.") in build.output
    assert "Traceback" not in build.output


def test_the_policy_comes_from_the_list_not_from_the_pages():
    policy = content_security_policy(inline_scripts("/"))
    hashes = re.findall(r"'sha256-[^']+'", policy)
    assert len(hashes) == len(set(hashes)) == len(inline_scripts("/")) == 4
    assert "'unsafe-inline'" not in policy and "'unsafe-eval'" not in policy
    assert content_security_policy(inline_scripts("/sub/")) != policy  # Material's storage script names the site's path


def test_an_inline_script_is_found_however_it_is_written():
    allowed = inline_scripts("/")
    page = (
        f"<script>{security_headers.OURS_JS_CLASS}</script>"
        '<script type="application/ld+json">{"a": 1}</script><script src="x.js"></script>'
        "<SCRIPT >alert(1)</SCRIPT ><script type=module>alert(2)</script>"
    )
    assert unlisted_scripts(page, allowed) == ["alert(1)", "alert(2)"]
    assert unlisted_scripts(f"<script>{security_headers.MATERIAL_TAB_ANCHOR}</script>", allowed) == []


def test_only_the_projects_templates_escape():
    escapes = escape_templates_in(REPO / "overrides")
    assert escapes("main.html") and escapes("partials/county-map.html") and escapes("sitemap.xml")
    assert not escapes("base.html") and not escapes("partials/javascripts/base.html") and not escapes(None)
