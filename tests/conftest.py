"""Shared helpers: build real or fixture sites into temporary folders."""

from __future__ import annotations

import contextlib
import datetime as dt
import os
import re
import shutil
import subprocess
import sys
import sysconfig
import textwrap
from dataclasses import dataclass
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from clustersite.source.stubs import is_stub

# Editors' commands speak Lithuanian unless the locale is English; tests read
# their English messages unless a test asks for Lithuanian (`--lang lt`).
for _variable in ("LC_ALL", "LC_MESSAGES"):
    os.environ.pop(_variable, None)
os.environ["LANG"] = "en_GB.UTF-8"

REPO = Path(__file__).resolve().parent.parent
# Everything a site build reads; copied for fixture sites.
SITE_PARTS = ("mkdocs.yml", "content", "data", "hooks", "overrides")
# One fixed build date for every test (fixture sites, loaders), so label validity and
# "upcoming" are stable: 2026-06-01 UTC, as a date and as SOURCE_DATE_EPOCH.
BUILD_DATE = dt.date(2026, 6, 1)
FIXED_EPOCH = str(int(dt.datetime(2026, 6, 1, tzinfo=dt.UTC).timestamp()))


def pytest_sessionstart(session: pytest.Session) -> None:
    """Commands the tests run (`make check`, schemas, mkdocs serve) import the
    clustersite package through the venv's clustersite.pth, which `make` writes
    (pytest.ini's `pythonpath` reaches this process only): stop at once, with
    the fix, when it is missing or names another checkout's hooks/."""
    pth = Path(sysconfig.get_paths()["purelib"], "clustersite.pth")
    named = pth.read_text(encoding="utf-8").strip() if pth.is_file() else None
    if named is None or Path(named).resolve() != REPO / "hooks":
        raise pytest.UsageError(f"{pth} should name {REPO / 'hooks'} (it names {named}); run the tests with `make test` or `make test-fast`, which write it")


# --- Kinds of test --------------------------------------------------------------
# Every test is of one kind (pytest.ini's markers): `build` (it or one of its
# fixtures builds a site with MkDocs), `browser` (Chromium or Java; such a test
# may build too) or `unit` (neither; `make test-unit`). Build and browser tests
# are marked in their modules; a test marked neither is a unit test, and a unit
# test that starts MkDocs fails at once, so the mark cannot lie.
KINDS = ("unit", "build", "browser")


def pytest_collection_modifyitems(config: pytest.Config, items: list[pytest.Item]) -> None:
    for item in items:
        kinds = {mark.name for mark in item.iter_markers() if mark.name in KINDS}
        if "unit" in kinds and len(kinds) > 1:
            raise pytest.UsageError(f"{item.nodeid} is marked {' and '.join(sorted(kinds))}: a unit test builds no site and needs no browser")
        if not kinds:
            item.add_marker(pytest.mark.unit)


def _starts_mkdocs(args) -> bool:
    """`python -m mkdocs …`, `.venv/bin/mkdocs …`, or either as one shell string."""
    words = [args] if isinstance(args, (str, bytes, os.PathLike)) else list(args)
    return any(re.search(r"(^|[/\s])mkdocs(\s|$)", os.fsdecode(word)) for word in words)


class _NoMkDocs(subprocess.Popen):
    nodeid = ""

    def __init__(self, args, *rest, **options):
        if _starts_mkdocs(args):
            pytest.fail(f"{self.nodeid} is a unit test (marked so, or not marked) but starts MkDocs; mark it build", pytrace=False)
        super().__init__(args, *rest, **options)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_setup(item: pytest.Item):
    with _unit_guard(item):
        return (yield)


@pytest.hookimpl(wrapper=True)
def pytest_runtest_call(item: pytest.Item):
    with _unit_guard(item):
        return (yield)


@contextlib.contextmanager
def _unit_guard(item: pytest.Item):
    """In a unit test and its fixtures' setup, subprocess.Popen (and so
    subprocess.run) refuses to start MkDocs."""
    if item.get_closest_marker("unit") is None:
        yield
        return
    real, _NoMkDocs.nodeid = subprocess.Popen, item.nodeid
    subprocess.Popen = _NoMkDocs  # type: ignore[misc]
    try:
        yield
    finally:
        subprocess.Popen = real  # type: ignore[misc]


@dataclass
class Build:
    root: Path
    site: Path
    returncode: int
    output: str

    def page(self, path: str) -> BeautifulSoup:
        file = self.site / path
        if file.is_dir() or path.endswith("/") or path == "":
            file = file / "index.html"
        return BeautifulSoup(file.read_text(encoding="utf-8"), "html.parser")

    def pages(self) -> list[Path]:
        return sorted(self.site.rglob("*.html"))


def run_build(root: Path, site: Path, env_extra: dict[str, str] | None = None, strict: bool = True) -> Build:
    env = {k: v for k, v in os.environ.items() if k != "SITE_URL"}
    env.update({"NO_MKDOCS_2_WARNING": "1", "SOURCE_DATE_EPOCH": FIXED_EPOCH})
    env.update(env_extra or {})
    command = [sys.executable, "-m", "mkdocs", "build", "--clean", "-f", str(root / "mkdocs.yml"), "-d", str(site)]
    if strict:
        command.append("--strict")
    result = subprocess.run(command, cwd=root, env=env, capture_output=True, text=True, timeout=600)
    return Build(root, site, result.returncode, result.stdout + result.stderr)


def _not_sources(folder: str, names: list[str]) -> set[str]:
    """Left out of a copy: bytecode, and the stubs a build generates (a third
    of content/'s files; skipping them keeps a copy, and so a unit test, quick)."""
    return {name for name in names if name == "__pycache__" or (name.endswith(".md") and is_stub(Path(folder, name)))}


def _not_sources_nor_content(folder: str, names: list[str]) -> set[str]:
    """Also left out: the real clusters and news, stories and events, which
    replace_content would delete (fixture_repo puts its fixtures in their place)."""
    skipped, where = _not_sources(folder, names), Path(folder)
    if where == REPO / "data" / "clusters":
        return set(names)
    if where.parent == REPO / "content" and where.name in ENTRY_FOLDERS:
        skipped |= {name for name in names if name.endswith(".md") and not name.startswith("index.")}
    return skipped


def copy_site_sources(target: Path, publisher: bool = True, content: bool = True) -> Path:
    """Copy what a build reads into `target`, without generated stubs; with a
    test publisher in mkdocs.yml unless told not to (builds for a public address need one);
    without the real clusters and entries when `content` is false."""
    target.mkdir(parents=True, exist_ok=True)
    for part in SITE_PARTS:
        source = REPO / part
        if source.is_dir():
            shutil.copytree(source, target / part, ignore=_not_sources if content else _not_sources_nor_content)
        else:
            shutil.copy2(source, target / part)
    if publisher:
        config = target / "mkdocs.yml"
        text = config.read_text(encoding="utf-8")
        filled = text.replace("    name:\n    email:\n    address:\n", TEST_PUBLISHER)
        assert filled != text, "mkdocs.yml's extra.publisher block changed; update TEST_PUBLISHER's anchor"
        config.write_text(filled, encoding="utf-8")
    return target


# Synthetic: fixture sites are built for public test addresses, which need a publisher.
TEST_PUBLISHER = "    name: Bandomoji įstaiga\n    email: info@example.org\n    address: Pavyzdžio g. 1, Vilnius\n"


def minimal_cluster(name: str = "Bandomasis klasteris", **extra: str) -> str:
    """A valid cluster file; `extra` adds top-level YAML blocks verbatim."""
    text = f"""\
        name:
          lt: {name}
          en: {name} (EN)
        summary:
          lt: Bandomojo klasterio santrauka.
          en: A test cluster's summary.
        sources:
          - url: https://example.org/source
        """
    return textwrap.dedent(text) + "".join(textwrap.dedent(block) for block in extra.values())


ENTRY_FOLDERS = ("naujienos", "sekmes-istorijos", "renginiai")


# Fixture clusters may name cities the real city table does not hold yet;
# `make check` and strict builds refuse a city outside the table, so a
# fixture repository's copy of the table gets them (test data: rounded
# coordinates of the town centres, not a source for the real table).
FIXTURE_CITIES = {
    "Kaunas": ("Kaunas", 54.90, 23.90),
    "Šiauliai": ("Šiauliai", 55.93, 23.31),
    "Panevėžys": ("Panevėžys", 55.73, 24.36),
    "Zarasai": ("Zarasai", 55.73, 26.25),
    "Alytus": ("Alytus", 54.40, 24.05),
    "Utena": ("Utena", 55.50, 25.60),
}


def add_fixture_cities(root: Path, cluster_texts) -> None:
    table = root / "data" / "geo" / "cities.yml"
    if not table.is_file():
        return
    known = yaml.safe_load(table.read_text(encoding="utf-8")) or {}
    named = {m.group(1).strip().strip("\"'") for text in cluster_texts for m in re.finditer(r"^city: *(.+)$", text, re.M)}
    extra = "".join(
        f"{city}:\n  en: {FIXTURE_CITIES[city][0]}\n  lat: {FIXTURE_CITIES[city][1]}\n  lon: {FIXTURE_CITIES[city][2]}\n  source: test fixture\n"
        for city in sorted(named - set(known))
        if city in FIXTURE_CITIES
    )
    if extra:
        table.write_text(table.read_text(encoding="utf-8") + extra, encoding="utf-8")


def replace_content(root: Path, clusters: dict[str, str], entries: dict[str, str] | None = None) -> Path:
    """Swap the real clusters and news/stories/events for fixtures.
    `entries` maps paths under content/ (e.g. 'naujienos/2024-01-02-x.md') to file text."""
    shutil.rmtree(root / "data" / "clusters")
    (root / "data" / "clusters").mkdir()
    for slug, text in clusters.items():
        (root / "data" / "clusters" / f"{slug}.yml").write_text(text, encoding="utf-8")
    add_fixture_cities(root, clusters.values())
    for folder in ENTRY_FOLDERS:
        for path in (root / "content" / folder).glob("*.md"):
            if not path.name.startswith("index."):
                path.unlink()
    for name, text in (entries or {}).items():
        (root / "content" / name).write_text(textwrap.dedent(text), encoding="utf-8")
    return root


@pytest.fixture
def fixture_repo(tmp_path: Path):
    """A copy of the site whose content is replaced by the given fixtures."""

    def make(clusters: dict[str, str], entries: dict[str, str] | None = None) -> Path:
        return replace_content(copy_site_sources(tmp_path / "repo", content=False), clusters, entries)

    return make


@pytest.fixture(scope="session")
def real_site(tmp_path_factory) -> Build:
    """The real site, built strictly from a copy of the repository."""
    root = copy_site_sources(tmp_path_factory.mktemp("real") / "repo")
    build = run_build(root, root.parent / "site")
    assert build.returncode == 0, build.output
    return build


@pytest.fixture(scope="session")
def chromium():
    """Debian's Chromium, driven by Playwright (never a downloaded browser)."""
    from playwright.sync_api import sync_playwright

    from browser_support import CHROMIUM, CHROMIUM_ARGS

    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()
