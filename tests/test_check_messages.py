"""`make check`'s messages for the mistakes editors make in dates, lists, names and
file encodings: each names the file, the line and the fix; and dates are judged
against today's real date, not the last commit's."""

from __future__ import annotations

import datetime as dt
import os
import subprocess

from check_support import event_pair, news_pair, problems_for, run_check, story_pair
from clustersite.text import dates
from conftest import minimal_cluster


def test_todays_news_passes_check_on_a_repository_whose_last_commit_is_a_month_old(fixture_repo, capsys, monkeypatch):
    frozen = dt.datetime(2026, 11, 27, 21, 30, tzinfo=dt.UTC)  # late evening: already the 28th in Vilnius
    monkeypatch.setattr(dates, "now", lambda: frozen)
    root = fixture_repo({"bandomasis": minimal_cluster()}, news_pair("2026-11-28"))
    month_ago = frozen - dt.timedelta(days=30)
    git_env = dict(
        os.environ,
        GIT_AUTHOR_DATE=month_ago.isoformat(),
        GIT_COMMITTER_DATE=month_ago.isoformat(),
        GIT_AUTHOR_NAME="t",
        GIT_AUTHOR_EMAIL="t@example.org",
        GIT_COMMITTER_NAME="t",
        GIT_COMMITTER_EMAIL="t@example.org",
    )
    for command in (["git", "init", "-q"], ["git", "add", "-A"], ["git", "commit", "-q", "-m", "old"]):
        subprocess.run(command, cwd=root, env=git_env, check=True, capture_output=True)
    epoch = subprocess.run(["git", "log", "-1", "--format=%ct"], cwd=root, capture_output=True, text=True, check=True).stdout.strip()
    monkeypatch.setenv("SOURCE_DATE_EPOCH", epoch)  # what the Makefile sets
    assert dates.build_date() == month_ago.date()
    code, output = run_check(root, capsys, "--lang", "en")
    assert code == 0, output
    # Two days ahead is still the future.
    (root / "content" / "naujienos" / "2026-11-28-naujiena.md").unlink()
    (root / "content" / "naujienos" / "2026-11-28-naujiena.en.md").unlink()
    for name, text in news_pair("2026-11-30").items():
        (root / "content" / name).write_text(text, encoding="utf-8")
    code, output = run_check(root, capsys, "--lang", "en")
    assert code == 1
    assert "content/naujienos/2026-11-30-naujiena.md:3: date: is in the future (got 2026-11-30)" in output


def test_quoted_iso_dates_and_years_are_accepted(fixture_repo, capsys):
    cluster = minimal_cluster(extra='founded: "2011"\nupdated: "2024-05-01"\n')
    news = {name: text.replace("date: 2024-05-01", 'date: "2024-05-01"') for name, text in news_pair("2024-05-01").items()}
    assert 'date: "2024-05-01"' in news["naujienos/2024-05-01-naujiena.md"]
    assert problems_for(fixture_repo, capsys, {"bandomasis": cluster}, news) == []


def test_a_time_without_a_date_is_explained(fixture_repo, capsys):
    assert problems_for(fixture_repo, capsys, entries=event_pair("start: 10:00\n")) == [
        "content/renginiai/renginys.md:3: start: a time written without a date is read as a number (got 600); write start: 2026-12-10 10:00"
    ]


def test_month_13_and_february_30_do_not_exist(fixture_repo, capsys):
    assert problems_for(fixture_repo, capsys, {"bandomasis": minimal_cluster(extra="updated: 2024-13-01\n")}, event_pair("start: 2024-02-30\n")) == [
        'content/renginiai/renginys.md:3: start: day 30 does not exist in that month (got "2024-02-30"); check the date',
        'data/clusters/bandomasis.yml:9: updated: month 13 does not exist (got "2024-13-01"); write the date as YYYY-MM-DD with a month from 01 to 12',
    ]


def test_a_byte_order_mark_and_a_tab_are_named(fixture_repo, capsys):
    bom = "\ufeff" + minimal_cluster()
    tab = minimal_cluster().replace("  en: A test cluster's summary.", "\ten: A test cluster's summary.")
    assert problems_for(fixture_repo, capsys, {"su-bom": bom, "su-tab": tab}) == [
        "data/clusters/su-bom.yml:1: the file starts with an invisible byte-order mark; save it as UTF-8 without BOM",
        "data/clusters/su-tab.yml:6: a tab character on line 6; indent with spaces",
    ]


def test_empty_lists_are_reported_on_their_own_line(fixture_repo, capsys):
    # An optional list written empty (`sectors: []`, as the editing interface writes it) is the same as one left out.
    assert problems_for(fixture_repo, capsys, {"bandomasis": minimal_cluster(extra="sectors: []\n")}, story_pair("clusters: []\n")) == [
        "content/sekmes-istorijos/istorija.md:5: clusters: is empty; list at least one",
    ]


def test_a_required_list_left_blank_is_empty_not_missing(fixture_repo, capsys):
    assert problems_for(fixture_repo, capsys, entries=story_pair("clusters:\n")) == ["content/sekmes-istorijos/istorija.md:5: clusters: is empty; fill it in"]


def test_display_names_written_as_keys_get_the_key(fixture_repo, capsys):
    cluster = minimal_cluster(extra="sectors: [IRT]\ncounty: Vilniaus apskritis\n")
    lines = problems_for(fixture_repo, capsys, {"bandomasis": cluster})
    assert [line.split("use one of")[0] for line in lines] == [
        'data/clusters/bandomasis.yml:9: sectors[0]: unknown sector (got "IRT"); did you mean ict (IRT)? ',
        'data/clusters/bandomasis.yml:10: county: unknown county (got "Vilniaus apskritis"); did you mean vilnius (Vilniaus apskritis)? ',
    ]


def test_removing_a_cluster_reports_the_news_that_names_it(fixture_repo, capsys):
    lines = problems_for(fixture_repo, capsys, entries=news_pair("2024-05-01", extra="clusters: [pasalintas]\n"))
    assert lines == [
        'content/naujienos/2024-05-01-naujiena.md:4: clusters[0]: unknown cluster (got "pasalintas"); '
        "use one listed in data/clusters/ (the file name without .yml)"
    ]
