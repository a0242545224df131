"""Files written after the pages (clustersite.outputs.publish): the check for
inline scripts the policy does not list, each language's 404 page kept, and
the writing of files into the site folder."""

from __future__ import annotations

from pathlib import Path

import pytest

from clustersite.outputs.build import Build
from clustersite.outputs.html_fixes import Stylesheet
from clustersite.outputs.publish import check_scripts, keep_404, restore_default_404, write, write_all
from clustersite.outputs.security_headers import inline_scripts
from clustersite.text.errors import ScriptNotListed

MATERIAL_CSS = "assets/stylesheets/main.57a0d79d.min.css"
CORRECTED_CSS = "assets/stylesheets/main.0badc0de.min.css"


def page(text: str, scope: str = "/", extra: str = "") -> str:
    """A page with the scripts every page has (for a site at `scope`), a JSON-LD block and `extra`."""
    scripts = "".join(f"<script>{body}</script>" for body in inline_scripts(scope)[:3])
    return (
        f'<!doctype html><html><head><link rel="stylesheet" href="/{MATERIAL_CSS}">{scripts}'
        f'<script type="application/ld+json">{{"name": "x"}}</script><script src="/assets/x.js"></script></head>'
        f"<body><h1>{text}</h1>{extra}</body></html>"
    )


# --- check_scripts -------------------------------------------------------------


@pytest.mark.parametrize("scope", ["/", "/klasteriai/"])
def test_a_page_with_only_the_listed_scripts_passes(scope):
    check_scripts(page("Sveiki", scope), "index.html", scope)


def test_an_unlisted_inline_script_is_refused_naming_the_page_and_the_script():
    with pytest.raises(ScriptNotListed) as raised:
        check_scripts(page("Sveiki", extra="<script>alert(1)</script>"), "klasteriai/litek/index.html", "/")
    message = str(raised.value)
    assert message.startswith("klasteriai/litek/index.html: an inline script that the Content-Security-Policy does not allow: <script>alert(1)</script>.")
    assert "hooks/clustersite/outputs/security_headers.py" in message


def test_a_long_script_is_shown_shortened():
    body = "x" * 500
    with pytest.raises(ScriptNotListed) as raised:
        check_scripts(page("Sveiki", extra=f"<script>{body}</script>"), "index.html", "/")
    assert f"<script>{'x' * 200}…</script>" in str(raised.value) and "x" * 201 not in str(raised.value)


def test_the_storage_script_of_another_path_is_not_listed():
    """Material's storage script names the site's path: a page built for the
    root, published under a sub-path, would carry a script the policy does not allow."""
    with pytest.raises(ScriptNotListed):
        check_scripts(page("Sveiki", "/"), "index.html", "/klasteriai/")


# --- keep_404 -------------------------------------------------------------------


def build(site_dir: Path, lang: str, site_url: str = "https://example.org/", stylesheet: Stylesheet | None = None) -> Build:
    return Build(site_dir.parent, site_dir, site_url, "Klasteriai", lang, ("lt", "en"), lambda key, **values: key, stylesheet)


def mkdocs_writes_404(site_dir: Path, text: str, scope: str = "/") -> None:
    """What each language's build leaves: /404.html, the last build's winning."""
    (site_dir / "404.html").write_text(page(text, scope), encoding="utf-8")


def test_each_languages_404_page_is_kept_and_the_default_one_is_at_the_root(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    mkdocs_writes_404(site, "Puslapis nerastas")
    keep_404(build(site, "lt"))
    mkdocs_writes_404(site, "Page not found")  # the English build writes over it
    keep_404(build(site, "en"))
    restore_default_404(site)  # once every language is built
    assert "<h1>Puslapis nerastas</h1>" in (site / "404.html").read_text(encoding="utf-8")
    assert "<h1>Page not found</h1>" in (site / "en" / "404.html").read_text(encoding="utf-8")
    assert sorted(p.relative_to(site).as_posix() for p in site.rglob("*") if p.is_file()) == ["404.html", "en/404.html"]


def test_the_kept_404_pages_link_the_corrected_stylesheet(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    corrected = Stylesheet(MATERIAL_CSS, CORRECTED_CSS, "")
    for lang, text in (("lt", "Puslapis nerastas"), ("en", "Page not found")):
        mkdocs_writes_404(site, text)
        keep_404(build(site, lang, stylesheet=corrected))
    restore_default_404(site)
    for kept in (site / "404.html", site / "en" / "404.html"):
        html = kept.read_text(encoding="utf-8")
        assert CORRECTED_CSS in html and MATERIAL_CSS not in html


def test_without_a_404_page_nothing_is_written(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    keep_404(build(site, "lt"))
    keep_404(build(site, "en"))
    assert list(site.iterdir()) == []


def test_a_404_page_with_an_unlisted_script_is_refused_by_its_address(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    mkdocs_writes_404(site, "Puslapis nerastas")
    keep_404(build(site, "lt"))
    (site / "404.html").write_text(page("Page not found", extra="<script>alert(1)</script>"), encoding="utf-8")
    with pytest.raises(ScriptNotListed, match=r"^en/404\.html: "):
        keep_404(build(site, "en"))


def test_a_404_page_is_checked_against_the_sites_own_path(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    mkdocs_writes_404(site, "Puslapis nerastas", scope="/klasteriai/")
    keep_404(build(site, "lt", site_url="https://example.org/klasteriai/"))  # its scripts are the sub-path's
    with pytest.raises(ScriptNotListed, match=r"^404\.html: "):
        keep_404(build(site, "lt", site_url="https://example.org/"))


# --- write, write_all -------------------------------------------------------------


def test_write_all_writes_each_file_with_its_folders_byte_for_byte(tmp_path):
    files = {"data/clusters.csv": b"slug\r\nlitek\r\n", "badges/litek.svg": b"<svg/>", "klasteriai/litek/naujienos.xml": "ą".encode()}
    write_all(tmp_path, files)
    assert {p.relative_to(tmp_path).as_posix(): p.read_bytes() for p in tmp_path.rglob("*") if p.is_file()} == files


def test_write_replaces_a_file_and_leaves_its_neighbours(tmp_path):
    write(tmp_path / "data" / "counts.json", b'{"clusters": 1}')
    write(tmp_path / "data" / "other.json", b"{}")
    write(tmp_path / "data" / "counts.json", b'{"clusters": 2}')
    assert (tmp_path / "data" / "counts.json").read_bytes() == b'{"clusters": 2}'
    assert (tmp_path / "data" / "other.json").read_bytes() == b"{}"


# --- each language's search index ---------------------------------------------


def test_a_languages_index_reads_only_its_pages_written_so_far(tmp_path, monkeypatch):
    """Pagefind starts on one language's pages while the build goes on: the
    default language's index leaves out the other languages' folders, the
    index itself, 404.html and hidden files; folders made later (embeds) are
    not in the list it was given."""
    from clustersite.outputs import search_index

    site = tmp_path / "site"
    for path in [
        "index.html",
        "404.html",
        ".404.default.html",
        "klasteriai/a/index.html",
        "naujienos/index.html",
        "en/index.html",
        "pagefind/x.js",
        "sitemap.xml",
    ]:
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text("x")
    started = []
    monkeypatch.setattr(search_index, "_pagefind", lambda site_dir, output, options, yielding=False: started.append((site_dir, output, options)) or "running")

    assert search_index.start_language_index(site, "", ["en"], tmp_path / "lt-index") == "running"
    assert search_index.start_language_index(site, "en/", [], tmp_path / "en-index") == "running"
    assert search_index.start_language_index(site, "de/", [], tmp_path / "de-index") is None  # no page in that language
    assert started == [
        (site, tmp_path / "lt-index", ["--glob", "{index.html,klasteriai/**/*.html,naujienos/**/*.html}"]),
        (site, tmp_path / "en-index", ["--glob", "{en/index.html}"]),
    ]


def test_joining_indexes_moves_the_files_in_and_lists_every_language(tmp_path):
    from clustersite.outputs.search_index import ENTRY, merge_index

    lt, en = tmp_path / "pagefind", tmp_path / "en-index"
    for folder, code in ((lt, "lt"), (en, "en")):
        (folder / "fragment").mkdir(parents=True)
        (folder / "fragment" / f"{code}_1.pf_fragment").write_bytes(code.encode())
        (folder / "pagefind.js").write_text("same")
        (folder / ENTRY).write_text(f'{{"version":"1","languages":{{"{code}":{{"hash":"{code}_h"}}}}}}')
    merge_index(lt, en)
    assert not en.exists()
    assert sorted(p.relative_to(lt).as_posix() for p in lt.rglob("*") if p.is_file()) == [
        "fragment/en_1.pf_fragment",
        "fragment/lt_1.pf_fragment",
        ENTRY,
        "pagefind.js",
    ]
    assert (lt / ENTRY).read_text() == '{"languages":{"en":{"hash":"en_h"},"lt":{"hash":"lt_h"}},"version":"1"}'
    merge_index(lt, tmp_path / "de-index")  # a language with no page made no index
    assert (lt / ENTRY).read_text() == '{"languages":{"en":{"hash":"en_h"},"lt":{"hash":"lt_h"}},"version":"1"}'
