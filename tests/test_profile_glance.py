"""A profile's facts at a glance: the same fields in the same order on every
profile, "not known" said outright, the date the profile was checked (its
data file's last commit, reproducibly) and thin profiles marked."""

from __future__ import annotations

import datetime as dt
import os
import subprocess
from pathlib import Path

import pytest

from clustersite.derived.at_a_glance import FIELDS, glance
from clustersite.model.site_data import load_site
from clustersite.source.git_dates import last_commit_dates
from clustersite.text.dates import format_date
from conftest import BUILD_DATE, FIXED_EPOCH, REPO

LANG_ROOTS = {"lt": "", "en": "en/"}
NOT_KNOWN = {"lt": "nežinoma", "en": "not known"}
CHECKED = {"lt": "Profilis patikrintas {date}", "en": "Profile checked {date}."}  # a Lithuanian date ends in "d."


def git(root: Path, *args: str, day: str | None = None) -> str:
    env = {**os.environ, "GIT_AUTHOR_NAME": "t", "GIT_AUTHOR_EMAIL": "t@example.org", "GIT_COMMITTER_NAME": "t", "GIT_COMMITTER_EMAIL": "t@example.org"}
    if day:
        env |= {"GIT_AUTHOR_DATE": f"{day}T12:00:00+00:00", "GIT_COMMITTER_DATE": f"{day}T12:00:00+00:00"}
    return subprocess.run(["git", "-C", str(root), *args], env=env, capture_output=True, text=True, check=True).stdout


@pytest.mark.unit
def test_each_file_gets_the_day_of_its_last_commit_from_one_log(tmp_path):
    folder = tmp_path / "data" / "clusters"
    folder.mkdir(parents=True)
    git(tmp_path, "init", "-q")
    (folder / "alfa.yml").write_text("a\n")
    (folder / "beta.yml").write_text("b\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "first", day="2025-03-04")
    (folder / "beta.yml").write_text("b2\n")
    (tmp_path / "other.txt").write_text("x\n")
    git(tmp_path, "add", ".")
    git(tmp_path, "commit", "-q", "-m", "second", day="2026-01-02")
    (folder / "gama.yml").write_text("new, not committed\n")
    assert last_commit_dates(tmp_path, "data/clusters") == {
        "data/clusters/alfa.yml": dt.date(2025, 3, 4),
        "data/clusters/beta.yml": dt.date(2026, 1, 2),
    }


@pytest.mark.unit
def test_outside_git_there_are_no_commit_dates(tmp_path):
    (tmp_path / "data" / "clusters").mkdir(parents=True)
    assert last_commit_dates(tmp_path, "data/clusters") == {}


@pytest.mark.unit
def test_a_real_profile_is_checked_on_its_files_last_commit():
    """What `git log -1 --format=%cs -- file` says, file by file; an editor's later `updated` wins."""
    site = load_site(REPO, BUILD_DATE)
    for cluster in site.clusters:
        committed = git(REPO, "log", "-1", "--format=%cs", "--", cluster.path).strip()
        expected = dt.date.fromisoformat(committed) if committed else BUILD_DATE
        if cluster.updated and cluster.updated > expected:
            expected = cluster.updated
        assert site.checked_on(cluster) == expected, cluster.slug


@pytest.mark.build
def test_every_profile_shows_the_same_facts_in_the_same_order(real_site):
    """In both languages: the fields of FIELDS, in that order, each with a
    value; 'not known' exactly where the data gives nothing; the checked
    date (a copy outside git: the build's SOURCE_DATE_EPOCH day); and thin
    profiles marked, with a way to send corrections."""
    site = load_site(real_site.root, BUILD_DATE)
    build_day = dt.datetime.fromtimestamp(int(FIXED_EPOCH), dt.UTC).date()
    thin_seen = rich_seen = 0
    for cluster in site.clusters:
        facts = glance(cluster, site)
        for lang, root in LANG_ROOTS.items():
            page = real_site.page(f"{root}klasteriai/{cluster.slug}/")
            block = page.select_one("section.cs-glance")
            rows = block.select(".cs-glance__row")
            assert [row["data-field"] for row in rows] == list(FIELDS), (lang, cluster.slug)
            for row in rows:
                value = row.dd.get_text(" ", strip=True)
                assert row.dt.get_text(strip=True) and value, (lang, cluster.slug, row["data-field"])
                if row["data-field"] != "labels":  # no label known reads "none known"
                    assert value.startswith(NOT_KNOWN[lang]) == (not facts.has(row["data-field"])), (lang, cluster.slug, row["data-field"], value)
            checked = " ".join(block.select_one(".cs-glance__checked").get_text().split())
            assert checked == CHECKED[lang].format(date=format_date(max(build_day, cluster.updated or build_day), lang))
            thin = block.select_one(".cs-glance__thin")
            assert ("cs-glance--thin" in block["class"]) == facts.thin == (thin is not None), (lang, cluster.slug)
            if thin is not None:
                assert thin.find("a")["href"], (lang, cluster.slug)
        thin_seen += facts.thin
        rich_seen += not facts.thin
    assert thin_seen and rich_seen, "the real site has thin and rich profiles"
