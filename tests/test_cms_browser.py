"""The editing interface (/admin/) in a real browser, against a copy of the repository.

The site is built from a temporary copy of the sources with the local
configuration (CMS_LOCAL=1), decap-server reads and writes that copy, and
Debian's Chromium edits a cluster through the Lithuanian interface. The
saved file must pass the checker and build; no request leaves localhost.
Screenshots go to $CMS_SHOTS when it is set (for people to look at).
"""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
import time
import urllib.error
import urllib.request
from pathlib import Path

import pytest
import yaml

from browser_support import PageWatch, serve
from conftest import REPO, copy_site_sources, run_build

pytestmark = pytest.mark.browser

SERVER_PORT = 8081  # the port admin/config.yml's local_backend names
SOURCE_URL = "https://example.org/naujienos/bandomoji-sutartis"  # synthetic: the test news item's source


def _wait_for(url: str) -> None:
    for _ in range(100):
        try:
            urllib.request.urlopen(url, timeout=1)
            return
        except urllib.error.HTTPError:  # it answers (the API takes POSTs only)
            return
        except OSError:
            time.sleep(0.1)
    raise AssertionError(f"{url} did not answer")


@pytest.fixture(scope="module")
def workspace(tmp_path_factory):
    if not (REPO / "node_modules" / "decap-server").is_dir():
        pytest.fail("node_modules is missing: run `npm ci --ignore-scripts` (make test does)")
    root = copy_site_sources(tmp_path_factory.mktemp("cms") / "repo")
    (root / "node_modules").symlink_to(REPO / "node_modules")
    shutil.copytree(REPO / "schemas", root / "schemas")
    shutil.copytree(REPO / "admin", root / "admin")
    site = root.parent / "site"
    built = run_build(root, site, {"CMS_LOCAL": "1"})
    assert built.returncode == 0, built.output
    env = {**os.environ, "PORT": str(SERVER_PORT), "GIT_REPO_DIRECTORY": str(root)}
    server = subprocess.Popen(["node", str(REPO / "node_modules" / "decap-server" / "dist" / "index.js")], cwd=root, env=env)
    try:
        _wait_for(f"http://localhost:{SERVER_PORT}/api/v1")
        yield root, site
    finally:
        server.terminate()
        server.wait(timeout=10)


def _shot(page, name: str) -> None:
    if folder := os.environ.get("CMS_SHOTS"):
        Path(folder).mkdir(parents=True, exist_ok=True)
        page.screenshot(path=str(Path(folder) / name), full_page=False)


def test_an_editor_changes_a_cluster_in_the_lithuanian_interface_and_the_result_passes_the_check(chromium, workspace):
    root, site = workspace
    # A cluster with one source: every fact it shows cites that source, so a
    # member count typed in the interface needs no `supports` entry to pass the check.
    cluster = root / "data" / "clusters" / "infobalt-ict-cluster.yml"
    before = yaml.safe_load(cluster.read_text(encoding="utf-8"))
    context = chromium.new_context(viewport={"width": 1280, "height": 900})
    page = context.new_page()
    watch = PageWatch(page)
    with serve(site) as base:
        admin = base.replace("127.0.0.1", "localhost") + "admin/"  # Decap uses its local backend on localhost only
        page.goto(admin)
        page.get_by_role("button", name="Prisijungti").click()
        page.get_by_text("Klasteriai").first.wait_for()
        page.goto(admin + "#/collections/clusters/entries/infobalt-ict-cluster")
        count = page.get_by_label("Kiek")
        count.wait_for()
        assert page.get_by_text("Narių skaičius").first.is_visible()
        sectors = page.locator("#sectors-field-10")
        sectors.click()
        page.keyboard.type("Energetika")
        page.keyboard.press("Enter")
        count.fill("40")
        page.get_by_label("Kada (data arba metai)").fill("2024-05-01")
        _shot(page, "cluster-edit-lt.png")
        text = cluster.read_text(encoding="utf-8")
        page.get_by_role("button", name="Publikuoti").first.click()  # simple mode: "publish" writes the file
        page.get_by_role("menuitem").first.click()
        for _ in range(200):
            if cluster.read_text(encoding="utf-8") != text:
                break
            page.wait_for_timeout(100)
        _shot(page, "cluster-saved-lt.png")
        assert watch.hosts() <= {urlsplit_host(base), f"localhost:{SERVER_PORT}", urlsplit_host(admin)}
    context.close()
    after = yaml.safe_load(cluster.read_text(encoding="utf-8"))
    assert after["member_count"] == {"value": 40, "as_of": "2024-05-01"} or after["member_count"]["value"] == 40
    assert "energy-construction" in after["sectors"] and before["sectors"][0] in after["sectors"]
    assert cluster.read_text(encoding="utf-8").startswith("# yaml-language-server: $schema=../../schemas/cluster.schema.json\n")
    # What Decap wrote is what scripts/cms_format.mjs writes (the round-trip test's model of a save).
    formatted = subprocess.run(
        ["node", str(REPO / "scripts" / "cms_format.mjs"), "--check", str(cluster)],
        env={**os.environ, "CMS_FORMAT_ROOT": str(root)},
        capture_output=True,
        text=True,
    )
    assert (formatted.returncode, formatted.stdout) == (0, ""), formatted.stderr
    check = subprocess.run([sys.executable, "-m", "clustersite.tools.check", "--root", str(root)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    rebuilt = run_build(root, root.parent / "site-after", {"CMS_LOCAL": "1"})
    assert rebuilt.returncode == 0, rebuilt.output
    assert "40" in rebuilt.page("klasteriai/infobalt-ict-cluster/").get_text()


def urlsplit_host(url: str) -> str:
    from urllib.parse import urlsplit

    return urlsplit(url).netloc


def _label(page, name: str, nth: int):
    """The nth label (0: the Lithuanian pane, 1: the English one) `name`, or `name (neprivaloma)` for an optional field."""
    return page.locator("label").filter(has_text=re.compile(rf"^{name}$", re.I)).nth(nth)


def _field(page, name: str, nth: int = 0):
    return page.locator(f"#{_label(page, name, nth).get_attribute('for')}")


def _body(page, nth: int):
    """The Markdown editor (raw mode): an editable area after its label, not an <input>."""
    return _label(page, r"Tekstas \(neprivaloma\)", nth).locator("xpath=following::*[@contenteditable='true' or self::textarea][1]")


def _publish(page, wait_for) -> None:
    """Simple mode (the local backend): "Publikuoti" → "Skelbti naują" writes the files."""
    page.get_by_role("button", name="Publikuoti").first.click()
    page.get_by_role("menuitem").first.click()
    for _ in range(300):
        if wait_for():
            return
        page.wait_for_timeout(100)
    _shot(page, "not-saved.png")
    raise AssertionError(f"the interface did not save: {page.locator('li').all_inner_texts()[:20]}")


def test_an_editor_writes_a_news_item_in_both_languages_about_a_cluster_and_it_is_published(chromium, workspace):
    root, site = workspace
    folder = root / "content" / "naujienos"
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    watch = PageWatch(page)
    with serve(site) as base:
        admin = base.replace("127.0.0.1", "localhost") + "admin/"
        page.goto(admin)
        page.get_by_role("button", name="Prisijungti").click()
        page.get_by_text("Klasteriai").first.wait_for()
        page.goto(admin + "#/collections/news/new")
        _field(page, "Antraštė", 0).fill("Klasteris pasirašė bandomąją sutartį")
        _field(page, "Data", 0).fill("2026-05-20")
        _field(page, r"Santrauka \(neprivaloma\)", 0).fill("Bandomoji naujiena, kurią parašė redaktorius naršyklėje.")
        _field(page, r"Klasteriai \(neprivaloma\)", 0).click()
        page.keyboard.type("ABBI")
        page.get_by_text("ABBI – Baltijos gėrimų pramonės aljansas").last.click()
        _body(page, 0).fill("Naujienos tekstas lietuviškai.")
        _field(page, "Antraštė", 1).fill("Cluster signs a test agreement")
        _field(page, r"Santrauka \(neprivaloma\)", 1).fill("A test news item written by an editor in the browser.")
        _body(page, 1).fill("The news item in English.")
        # Without a source the interface refuses to save, naming the field, as make check would.
        page.get_by_role("button", name="Publikuoti").first.click()
        page.get_by_role("menuitem").first.click()
        refusal = page.get_by_text(re.compile(r"^Šaltiniai turi būti tarp 1 ir"))  # Decap's own words for the list's min (cms_config)
        refusal.wait_for()
        refusal.scroll_into_view_if_needed()
        _shot(page, "news-without-source-refused-lt.png")
        assert not any(folder.glob("2026-05-20-*"))
        # A source is an item of the list, in the Lithuanian pane only: its address and title.
        page.get_by_role("button", name=re.compile(r"šaltini", re.I)).first.click()
        _field(page, "Nuoroda", 0).fill(SOURCE_URL)
        _field(page, r"Antraštė \(neprivaloma\)", 0).fill("Bandomasis šaltinis: sutartis")
        _shot(page, "news-pair-lt.png")
        _publish(page, lambda: any(folder.glob("2026-05-20-*.en.md")))
        assert watch.hosts() <= {urlsplit_host(admin), f"localhost:{SERVER_PORT}"}
    context.close()
    (lt,) = folder.glob("2026-05-20-*.lt.md")
    stem = lt.name.removesuffix(".lt.md")
    assert stem == "2026-05-20-klasteris-pasirase-bandomaja-sutarti"
    meta = yaml.safe_load(lt.read_text(encoding="utf-8").split("---\n")[1])
    assert meta["clusters"] == ["abbi"] and str(meta["date"]) == "2026-05-20"
    assert meta["sources"] == [{"url": SOURCE_URL, "title": "Bandomasis šaltinis: sutartis"}]  # nothing else: no empty "accessed"
    assert "sources" not in yaml.safe_load(lt.with_name(f"{stem}.en.md").read_text(encoding="utf-8").split("---\n")[1])
    check = subprocess.run([sys.executable, "-m", "clustersite.tools.check", "--root", str(root)], capture_output=True, text=True)
    assert check.returncode == 0, check.stdout + check.stderr
    rebuilt = run_build(root, root.parent / "site-news", {"CMS_LOCAL": "1"})
    assert rebuilt.returncode == 0, rebuilt.output
    assert rebuilt.page(f"naujienos/{stem}/").find("h1").get_text(strip=True) == "Klasteris pasirašė bandomąją sutartį"
    assert rebuilt.page(f"en/naujienos/{stem}/").find("h1").get_text(strip=True) == "Cluster signs a test agreement"
    assert "Klasteris pasirašė bandomąją sutartį" in rebuilt.page("klasteriai/abbi/").get_text()


def test_saving_an_entry_back_to_what_it_was_leaves_its_files_byte_identical(chromium, workspace):
    """Decap saves nothing while an entry is unchanged; so the title is saved changed, then
    saved back: the files must be byte for byte the ones read (the canonical form holds)."""
    root, site = workspace
    news = [root / "content" / "naujienos" / f"2010-10-22-abbi-inoklaster.{lang}.md" for lang in ("lt", "en")]
    before = {path: path.read_bytes() for path in news}
    context = chromium.new_context(viewport={"width": 1400, "height": 900})
    page = context.new_page()
    with serve(site) as base:
        admin = base.replace("127.0.0.1", "localhost") + "admin/"
        page.goto(admin)
        page.get_by_role("button", name="Prisijungti").click()
        page.get_by_text("Klasteriai").first.wait_for()
        for address, label, nth, files in (("#/collections/news/entries/2010-10-22-abbi-inoklaster", "Antraštė", 1, news),):
            page.goto(admin + address)
            page.reload()  # a fresh editor: Decap keeps the previous entry's draft across an address change
            _label(page, label, nth).wait_for()
            text = _field(page, label, nth).input_value()
            for value in (text + " x", text):
                saved = {path: path.read_bytes() for path in files}
                field = _field(page, label, nth)  # found again: a save renders the editor anew
                field.click()
                page.keyboard.press("Control+A")
                page.keyboard.insert_text(value)
                _publish(page, lambda files=files, saved=saved: any(path.read_bytes() != saved[path] for path in files))
                page.wait_for_timeout(500)  # both files of a pair
    context.close()
    assert news[0].read_bytes() == before[news[0]]
    # Known and left (README): Decap's relation widget also writes the clusters into the
    # English file when the entry is opened; the checker accepts it (the same value).
    english = news[1].read_text(encoding="utf-8")
    assert english.replace("clusters:\n  - abbi\n", "", 1) == before[news[1]].decode("utf-8")


def test_admin_is_noindex_unlinked_and_has_its_own_policy(workspace):
    _, site = workspace
    page = (site / "admin" / "index.html").read_text(encoding="utf-8")
    assert '<meta name="robots" content="noindex">' in page and '<html lang="lt">' in page
    assert re.findall(r"<script\b[^>]*>", page) == ['<script src="decap-cms.js">']  # no inline script
    linking = [p.relative_to(site).as_posix() for p in site.rglob("*.html") if "admin/" not in p.as_posix() and "admin/" in p.read_text(encoding="utf-8")]
    assert linking == []
    headers = (site / "_headers").read_text(encoding="utf-8")
    block = headers.split("\n/admin/*\n", 1)[1].split("\n/", 1)[0]
    assert "  ! Content-Security-Policy" in block and "  X-Robots-Tag: noindex" in block
    assert not (site / "admin" / "decap-cms.js.map").exists()  # no source maps shipped
