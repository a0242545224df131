"""The `_headers` file (clustersite.outputs.security_headers.headers_file): one
policy for the whole site under its path, whose scripts are the fixed list, and
a year's caching for fingerprinted assets only."""

from __future__ import annotations

from pathlib import Path

import pytest

from clustersite.outputs.security_headers import headers_file, inline_scripts, script_hash

FINGERPRINTED = ("assets/javascripts/bundle.1a2b3c4d.min.js", "assets/stylesheets/main.0123abcd.min.css", "assets/stylesheets/palette.fb2fffe2.min.css")
NOT_FINGERPRINTED = (
    "assets/site.css",  # ours: no fingerprint, revalidated
    "assets/javascripts/cluster-directory.js",
    "assets/javascripts/bundle.1a2b3c4d.min.js.map",  # a source map is not the asset
    "assets/stylesheets/main.0123ABCD.min.css",  # the fingerprint is lowercase hex
    "assets/stylesheets/main.0123abc.min.css",  # and eight characters
    "assets/javascripts/lunr.1a2b3c4d.js",  # and the name ends .min.js or .min.css
    "index.html",
)


@pytest.fixture
def site(tmp_path: Path) -> Path:
    for name in FINGERPRINTED + NOT_FINGERPRINTED:
        path = tmp_path / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text("x", encoding="utf-8")
    return tmp_path


def rules(text: str) -> dict[str, list[str]]:
    """{path pattern: its header lines}, as Netlify reads the file."""
    found: dict[str, list[str]] = {}
    current: list[str] = []
    for line in text.splitlines():
        if line.startswith("  "):
            current.append(line.strip())
        else:
            assert line not in found, f"{line} is given twice"
            current = found[line] = []
    return found


def policy(headers: list[str]) -> dict[str, list[str]]:
    (value,) = [line.removeprefix("Content-Security-Policy: ") for line in headers if line.startswith("Content-Security-Policy: ")]
    return {name: values for name, *values in (directive.split() for directive in value.split("; "))}


@pytest.mark.parametrize("base", ["/", "/klasteriai/"])
def test_every_path_is_under_the_sites_path(site, base):
    assert all(path.startswith(base) for path in rules(headers_file(site, base)))


@pytest.mark.parametrize("base", ["/", "/klasteriai/"])
def test_the_policy_allows_the_site_and_exactly_the_listed_inline_scripts(site, base):
    headers = rules(headers_file(site, base))[f"{base}*"]
    csp = policy(headers)
    assert csp["script-src"][:2] == ["'self'", "'wasm-unsafe-eval'"]
    assert sorted(csp["script-src"][2:]) == sorted(script_hash(body) for body in inline_scripts(base))
    assert len(csp["script-src"]) == 2 + 4
    assert csp["default-src"] == ["'self'"] and csp["object-src"] == ["'none'"] and csp["frame-ancestors"] == ["'none'"]
    assert "X-Content-Type-Options: nosniff" in headers and "Cache-Control: public, max-age=0, must-revalidate" in headers


def test_the_storage_scripts_hash_follows_the_sites_path(site):
    """Material's storage script names the site's path, so the policy of a site
    under a sub-path allows that text and not the root's."""
    root = policy(rules(headers_file(site, "/"))["/*"])["script-src"]
    sub = policy(rules(headers_file(site, "/klasteriai/"))["/klasteriai/*"])["script-src"]
    assert set(root) ^ set(sub) == {script_hash(inline_scripts("/")[0]), script_hash(inline_scripts("/klasteriai/")[0])}


def test_the_policy_does_not_depend_on_the_pages(site, tmp_path):
    empty = tmp_path / "empty"
    empty.mkdir()
    (site / "index.html").write_text("<script>alert(1)</script>", encoding="utf-8")
    assert rules(headers_file(site, "/"))["/*"] == rules(headers_file(empty, "/"))["/*"]


@pytest.mark.parametrize("base", ["/", "/klasteriai/"])
def test_fingerprinted_assets_are_cached_for_a_year_and_nothing_else_is(site, base):
    found = rules(headers_file(site, base))
    cached = {path.removeprefix(base): headers for path, headers in found.items() if path != f"{base}*"}
    assert sorted(cached) == sorted(FINGERPRINTED)
    for headers in cached.values():
        assert headers == ["! Cache-Control", "Cache-Control: public, max-age=31536000, immutable"]


def test_the_file_is_the_same_for_the_same_folder(site):
    first = headers_file(site, "/")
    assert headers_file(site, "/") == first
    assert list(rules(first)) == ["/*", *(f"/{name}" for name in sorted(FINGERPRINTED))]
