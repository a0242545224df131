"""Publishing: reproducible output, deployment under a sub-path, security headers."""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest

from clustersite.outputs.html_fixes import corrected_stylesheet
from clustersite.outputs.site_icon import icon_data_url
from clustersite.text.errors import SiteIconError
from conftest import REPO, copy_site_sources, run_build

SUB_URL = "https://org.github.io/lietuvos-klasteriai/"


@pytest.fixture(scope="module")
def sub_path_site(tmp_path_factory):
    root = copy_site_sources(tmp_path_factory.mktemp("sub") / "repo")
    build = run_build(root, root.parent / "site", env_extra={"SITE_URL": SUB_URL})
    assert build.returncode == 0, build.output
    return build


@pytest.mark.build
def test_the_same_commit_builds_byte_identical_sites(real_site, tmp_path):
    again = run_build(real_site.root, tmp_path / "again")
    assert again.returncode == 0, again.output
    first = {p.relative_to(real_site.site): p.read_bytes() for p in real_site.site.rglob("*") if p.is_file()}
    second = {p.relative_to(again.site): p.read_bytes() for p in again.site.rglob("*") if p.is_file()}
    assert sorted(first) == sorted(second)
    assert [name for name in first if first[name] != second[name]] == []


@pytest.mark.build
def test_no_link_escapes_the_sub_path(sub_path_site):
    base = urlsplit(SUB_URL).path
    checked = 0
    for file in sub_path_site.pages():
        relative = file.relative_to(sub_path_site.site).as_posix()
        page_url = base + (relative.removesuffix("index.html") if relative.endswith("index.html") else relative)
        html = sub_path_site.page(relative)
        for element in html.find_all(href=True) + html.find_all(src=True):
            target = element.get("href") or element.get("src")
            parts = urlsplit(target)
            if parts.scheme in ("mailto", "tel", "data") or target.startswith("#"):
                continue
            if parts.netloc:
                if parts.netloc == urlsplit(SUB_URL).netloc:
                    assert target.startswith(SUB_URL), f"{relative}: {target}"
                continue
            resolved = urlsplit(urljoin(page_url, target)).path
            assert resolved.startswith(base), f"{relative}: {target} -> {resolved}"
            checked += 1
    assert checked > 100


@pytest.mark.build
def test_feeds_and_sitemap_use_the_sub_path(sub_path_site):
    atom = (sub_path_site.site / "naujienos.xml").read_text(encoding="utf-8")
    assert f'href="{SUB_URL}naujienos.xml"' in atom
    sitemap = (sub_path_site.site / "sitemap.xml").read_text(encoding="utf-8")
    assert all(loc.startswith(SUB_URL) for loc in re.findall(r"<loc>(.*?)</loc>", sitemap))


@pytest.mark.build
def test_headers_allow_exactly_the_listed_inline_scripts_the_pages_have(real_site):
    headers = (real_site.site / "_headers").read_text(encoding="utf-8")
    policy = re.search(r"Content-Security-Policy: (.*)", headers)[1]
    allowed = set(re.findall(r"'sha256-[^']+'", policy))
    found = set()
    for file in real_site.pages():
        html = real_site.page(str(file.relative_to(real_site.site)))
        for script in html.find_all("script"):
            if script.get("src") or script.get("type") in ("application/json", "application/ld+json"):
                continue
            digest = hashlib.sha256(script.string.encode("utf-8")).digest()
            found.add(f"'sha256-{base64.b64encode(digest).decode()}'")
        assert not html.find(attrs={"style": True}), f"{file}: a style attribute would need 'unsafe-inline'"
        assert not [a for tag in html.find_all(True) for a in tag.attrs if a.startswith("on")], file
    assert found and found == allowed
    assert "script-src 'self' 'wasm-unsafe-eval' " in policy and "'unsafe-inline'" not in policy
    for line in ("X-Content-Type-Options: nosniff", "Referrer-Policy: strict-origin-when-cross-origin"):
        assert line in headers
    fingerprinted = re.findall(
        r"^(/\S+\.[0-9a-f]{8}\.min\.(?:js|css))\n  ! Cache-Control\n  Cache-Control: public, max-age=31536000, immutable$", headers, re.M
    )
    assert fingerprinted and all((real_site.site / path.lstrip("/")).is_file() for path in fingerprinted)


@pytest.mark.build
def test_headers_follow_the_sub_path(sub_path_site):
    headers = (sub_path_site.site / "_headers").read_text(encoding="utf-8")
    assert headers.startswith("/lietuvos-klasteriai/*\n")


@pytest.mark.build
def test_a_public_build_needs_a_named_publisher(tmp_path):
    root = copy_site_sources(tmp_path / "repo", publisher=False)
    build = run_build(root, tmp_path / "site", env_extra={"SITE_URL": "https://klasteriai.example/"})
    assert build.returncode == 1
    assert "The site cannot be published without naming who runs it:" in build.output
    assert "mkdocs.yml: extra.publisher.email: empty; write its e-mail address for questions about the site" in build.output
    assert "Traceback" not in build.output
    local = run_build(root, tmp_path / "local")
    assert local.returncode == 0, local.output


@pytest.mark.build
def test_no_stylesheet_has_a_bare_star_after_a_sibling_combinator(real_site):
    # Material's `table:not([class])+*` made Chromium re-style every card of the
    # directory's list whenever one came or went (hooks/clustersite/outputs/html_fixes.py).
    # The build links a corrected copy, under a name of its own content.
    site = real_site.site
    stylesheets = sorted((site / "assets").rglob("*.css"))
    star_after_sibling = {path.name: re.findall(r"[^{},]*[+~]\s*\*\s*[,{]", path.read_text(encoding="utf-8")) for path in stylesheets}
    assert {name: found for name, found in star_after_sibling.items() if found} == {}
    home = (site / "index.html").read_text(encoding="utf-8")
    linked = re.findall(r'href="(assets/stylesheets/main\.([0-9a-f]{8})\.min\.css)"', home)
    assert len(linked) == 1
    ((path, digest),) = linked
    css = (site / path).read_bytes()
    assert hashlib.sha256(css).hexdigest()[:8] == digest
    assert b".md-typeset table:not([class])+:where(:not(li)){margin-top:1.5em}" in css
    assert [p.name for p in stylesheets if p.name.startswith("main.") and p.name.endswith(".css")] == [Path(path).name]


def test_the_stylesheet_fix_comes_from_the_first_theme_folder_and_notices_when_the_rule_is_gone(tmp_path):
    def theme(name: str, css: str) -> Path:
        folder = tmp_path / name / "assets" / "stylesheets"
        folder.mkdir(parents=True)
        (folder / "main.0123abcd.min.css").write_text(css, encoding="utf-8")
        return tmp_path / name

    rule = ".md-typeset table:not([class])+*{margin-top:1.5em}"
    upgraded, material = theme("upgraded", "p{margin:0}"), theme("material", f"p{{margin:0}}{rule}")
    assert corrected_stylesheet([upgraded, material]) is None  # the build warns, and --strict stops it
    corrected = corrected_stylesheet([tmp_path / "overrides", material])
    assert corrected.path == "assets/stylesheets/main.0123abcd.min.css"
    assert corrected.text == "p{margin:0}.md-typeset table:not([class])+:where(:not(li)){margin-top:1.5em}"
    assert corrected.corrected_path == f"assets/stylesheets/main.{hashlib.sha256(corrected.text.encode()).hexdigest()[:8]}.min.css"


@pytest.mark.build
def test_every_page_carries_the_site_icon_inline(real_site):
    # Chromium fetches a file icon again at each filter change (site_icon.py).
    icon = (REPO / "content" / "assets" / "images" / "favicon.png").read_bytes()
    pages = sorted(real_site.site.rglob("*.html"))
    links = {page: re.findall(r'<link rel="icon" href="([^"]*)"', page.read_text(encoding="utf-8")) for page in pages}
    embeds = {page for page in pages if "embed" in page.relative_to(real_site.site).parts}  # shown inside other sites
    assert {page for page, found in links.items() if not found} == embeds
    assert {href for found in links.values() for href in found} == {"data:image/png;base64," + base64.b64encode(icon).decode()}


def test_the_site_icon_must_be_a_png_from_the_first_folder_that_has_it(tmp_path):
    docs, theme = tmp_path / "docs", tmp_path / "theme"
    for folder, data in ((docs, b"<svg/>"), (theme, b"\x89PNG\r\n\x1a\nrest")):
        (folder / "assets" / "images").mkdir(parents=True)
        (folder / "assets" / "images" / "favicon.png").write_bytes(data)
    with pytest.raises(SiteIconError) as error:
        icon_data_url("assets/images/favicon.png", [docs, theme])
    assert str(error.value) == f"assets/images/favicon.png: the site's icon must be a PNG file in {docs} (make it with scripts/make_favicon.py)"
    assert (
        icon_data_url("assets/images/favicon.png", [tmp_path / "none", theme]) == "data:image/png;base64," + base64.b64encode(b"\x89PNG\r\n\x1a\nrest").decode()
    )
