"""The other languages built in a fork beside the default one
(clustersite.outputs.language_process): the fork's files end where one
process would have written them, byte for byte, and a fork that fails or
dies stops the build with a message, never a wait."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from clustersite.outputs import language_process
from clustersite.outputs.language_process import Failure, merge_into, staging_dir
from clustersite.text.errors import LanguageProcessError
from conftest import copy_site_sources, run_build

ONE_PROCESS = {language_process.ONE_PROCESS: "1"}
SIDE_BY_SIDE = {language_process.FORK_FROM: "0"}  # the fork even for a site this small


def files_in(folder: Path) -> dict[str, bytes]:
    return {path.relative_to(folder).as_posix(): path.read_bytes() for path in sorted(folder.rglob("*")) if path.is_file()}


# --- merging the fork's folder ------------------------------------------------


def test_merge_moves_every_file_and_the_later_file_wins(tmp_path):
    site, staging = tmp_path / "site", tmp_path / "staging"
    for path, text in {"index.html": "lt", "assets/a.css": "old", "sitemap.xml": "lt"}.items():
        (site / path).parent.mkdir(parents=True, exist_ok=True)
        (site / path).write_text(text)
    for path, text in {"en/index.html": "en", "en/embed/x/index.html": "card", "assets/a.css": "new", "sitemap.xml": "both"}.items():
        (staging / path).parent.mkdir(parents=True, exist_ok=True)
        (staging / path).write_text(text)
    merge_into(staging, site)
    assert files_in(site) == {
        "assets/a.css": b"new",
        "en/embed/x/index.html": b"card",
        "en/index.html": b"en",
        "index.html": b"lt",
        "sitemap.xml": b"both",
    }


# --- the fork's answers -------------------------------------------------------


def writes_english(staging: Path) -> None:
    (staging / "en").mkdir()
    (staging / "en" / "index.html").write_text("English")


def test_a_fork_that_built_moves_its_files_in_and_leaves_no_folder_behind(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    fork = language_process.start(site, writes_english)
    assert fork.finish() is None
    assert files_in(site) == {"en/index.html": b"English"}
    assert not staging_dir(site).exists()


def test_a_fork_that_failed_says_why_and_its_files_are_dropped(tmp_path):
    site = tmp_path / "site"
    site.mkdir()

    def fails(staging: Path) -> Failure:
        writes_english(staging)
        return Failure("abort", "Aborted with 1 warnings in strict mode!")

    assert language_process.start(site, fails).finish() == Failure("abort", "Aborted with 1 warnings in strict mode!")
    assert files_in(site) == {} and not staging_dir(site).exists()


def test_a_bug_in_the_fork_comes_back_with_its_traceback(tmp_path):
    site = tmp_path / "site"
    site.mkdir()

    def breaks(staging: Path) -> None:
        raise KeyError("en")

    failure = language_process.start(site, breaks).finish()
    assert failure is not None and failure.kind == "bug"
    assert failure.message.startswith("Traceback (most recent call last):") and failure.message.rstrip().endswith("KeyError: 'en'")


def test_a_fork_that_dies_stops_the_build_with_a_message_instead_of_waiting(tmp_path):
    site = tmp_path / "site"
    site.mkdir()

    def dies(staging: Path) -> None:
        os._exit(3)

    with pytest.raises(LanguageProcessError) as raised:
        language_process.start(site, dies).finish()
    assert str(raised.value).startswith("The build of the other languages stopped without finishing (exit code 3); ")
    assert "CLUSTERSITE_ONE_PROCESS=1" in str(raised.value)
    assert not staging_dir(site).exists()


def test_a_fork_stopped_by_a_failing_build_ends_at_once_and_leaves_no_folder(tmp_path):
    site = tmp_path / "site"
    site.mkdir()

    def builds_forever(staging: Path) -> None:
        (staging / "en").mkdir()
        while True:
            time.sleep(1)

    fork = language_process.start(site, builds_forever)
    fork.stop()  # what the adapter's on_build_error does
    assert not fork.process.is_alive() and fork.process.exitcode is not None
    assert not staging_dir(site).exists()


def test_the_fork_gets_what_this_process_hands_over_when_it_asks(tmp_path):
    site = tmp_path / "site"
    site.mkdir()

    def writes_what_it_was_handed(staging: Path) -> None:
        (staging / "handed.txt").write_text(repr(language_process.handed_over()) + repr(language_process.handed_over()))

    fork = language_process.start(site, writes_what_it_was_handed)
    fork.hand_over({"clusters.csv": 1234})
    assert fork.finish() is None
    assert files_in(site) == {"handed.txt": b"{'clusters.csv': 1234}{'clusters.csv': 1234}"}  # asked twice, handed once


def test_a_fork_waiting_for_a_hand_over_that_never_comes_stops_with_a_message(tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    fork = language_process.start(site, lambda staging: language_process.handed_over())
    fork.given.close()  # this process stopped before handing anything over
    failure = fork.finish()
    assert failure is not None and failure.kind == "bug"
    assert failure.message.rstrip().endswith(
        "LanguageProcessError: The default language's build stopped before handing its open data set to the other languages' build."
    )


def test_one_process_when_serving_when_asked_with_one_language_or_few_pages(monkeypatch):
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.delenv(language_process.ONE_PROCESS, raising=False)
    monkeypatch.delenv(language_process.FORK_FROM, raising=False)
    many = language_process.DEFAULT_FORK_FROM
    assert language_process.wanted(serving=False, languages=2, pages=many)
    assert not language_process.wanted(serving=False, languages=2, pages=many - 1)
    assert not language_process.wanted(serving=True, languages=2, pages=many)
    assert not language_process.wanted(serving=False, languages=1, pages=many)
    monkeypatch.setenv(language_process.FORK_FROM, "10")
    assert language_process.wanted(serving=False, languages=2, pages=10)
    monkeypatch.setenv(language_process.FORK_FROM, "many")  # not a number: the default
    assert not language_process.wanted(serving=False, languages=2, pages=10)
    monkeypatch.delenv(language_process.FORK_FROM)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0})
    assert not language_process.wanted(serving=False, languages=2, pages=many)
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0, 1})
    monkeypatch.setenv(language_process.ONE_PROCESS, "1")
    assert not language_process.wanted(serving=False, languages=2, pages=many)


# --- real builds ----------------------------------------------------------------


@pytest.mark.build
def test_the_site_built_side_by_side_is_the_site_built_in_one_process(real_site, tmp_path):
    one_process = run_build(real_site.root, tmp_path / "serial", ONE_PROCESS)
    assert one_process.returncode == 0, one_process.output
    assert files_in(real_site.site) == files_in(one_process.site)  # real_site: over the threshold, side by side
    assert not staging_dir(real_site.site).exists()
    assert [path.name for path in tmp_path.iterdir()] == ["serial"]  # no language's search index left beside the site


@pytest.mark.build
def test_a_warning_on_an_english_page_stops_the_build_as_in_one_process(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    about = root / "content" / "apie-klasterius.en.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[A heading that is not there](#nera-tokios-antrastes)\n", encoding="utf-8")
    warning = "Doc file 'apie-klasterius.en.md' contains a link '#nera-tokios-antrastes', but there is no such anchor on this page."
    side_by_side, one_process = run_build(root, tmp_path / "site", SIDE_BY_SIDE), run_build(root, tmp_path / "serial", ONE_PROCESS)
    for build in (side_by_side, one_process):
        assert build.returncode == 1
        assert warning in build.output and "Aborted with 1 warnings in strict mode!" in build.output
        assert "Traceback" not in build.output
    # Line for line what one process prints, the site's folder named as it is.
    assert side_by_side.output.replace(str(tmp_path / "site"), "SITE") == one_process.output.replace(str(tmp_path / "serial"), "SITE")
    # Neither the fork's folder nor a language's search index is left beside the site.
    assert sorted(path.name for path in tmp_path.iterdir()) == ["repo", "serial", "site"]


@pytest.mark.build
def test_a_warning_on_a_lithuanian_page_stops_the_build_once_and_leaves_no_fork_folder(tmp_path):
    """MkDocs counts the default language's warnings at the end of its build,
    after the fork has finished (as one process builds English before it
    counts): the warning is printed once, the build stops, nothing is left beside the site."""
    root = copy_site_sources(tmp_path / "repo")
    about = root / "content" / "apie-klasterius.md"
    about.write_text(about.read_text(encoding="utf-8") + "\n[Antraštės nėra](#nera-tokios-antrastes)\n", encoding="utf-8")
    warning = "Doc file 'apie-klasterius.md' contains a link '#nera-tokios-antrastes', but there is no such anchor on this page."
    side_by_side = run_build(root, tmp_path / "site", SIDE_BY_SIDE)
    assert side_by_side.returncode == 1
    assert side_by_side.output.count(warning) == 1 and "Aborted with 1 warnings in strict mode!" in side_by_side.output
    assert "Traceback" not in side_by_side.output
    assert not staging_dir(tmp_path / "site").exists()
