"""The publishing gate said early: while mkdocs.yml names nobody who runs the
site, `make check` notes that merges will not be published (local work goes
on), and a pull request into main fails with that message when GitHub Pages
deploys the repository, instead of the merge silently not being published."""

from __future__ import annotations

import pytest
import yaml

from check_support import news_pair, run_check
from conftest import REPO, copy_site_sources, minimal_cluster, replace_content

FIELDS = "extra.publisher.name, extra.publisher.email, extra.publisher.address"


@pytest.fixture
def unpublished_repo(tmp_path):
    return replace_content(copy_site_sources(tmp_path / "repo", publisher=False, content=False), {"bandomasis": minimal_cluster()}, news_pair("2024-05-01"))


@pytest.mark.unit
def test_check_notes_in_lithuanian_that_merges_will_not_be_published(unpublished_repo, capsys):
    code, output = run_check(unpublished_repo, capsys, "--lang", "lt")
    assert code == 0
    assert (
        f"pastaba: kol mkdocs.yml nenurodyta, kas valdo svetainę, į main sujungti pakeitimai nebus paskelbti: užpildykite {FIELDS} "
        "(įstaigos pavadinimą, el. pašto adresą klausimams apie svetainę ir pašto adresą)"
    ) in output.splitlines()


@pytest.mark.unit
def test_when_a_merge_will_be_published_the_empty_publisher_is_an_error_at_its_line(unpublished_repo, capsys, monkeypatch):
    line = next(n for n, text in enumerate((unpublished_repo / "mkdocs.yml").read_text(encoding="utf-8").splitlines(), 1) if text.strip() == "publisher:")
    expected = (
        f"mkdocs.yml:{line}: extra.publisher: GitHub Pages publishes this repository, but mkdocs.yml does not name who runs the site: "
        f"merged, this pull request would not be published; first fill in {FIELDS} (the body's name, an e-mail address and a postal address)"
    )
    code, output = run_check(unpublished_repo, capsys, "--lang", "en", "--publishing")
    assert code == 1 and expected in output.splitlines()
    monkeypatch.setenv("SITE_PUBLISHES", "true")  # what the pull-request workflow sets when Pages deploys
    code, output = run_check(unpublished_repo, capsys, "--lang", "en")
    assert code == 1 and expected in output.splitlines()
    (unpublished_repo / "data" / "clusters" / "blogas.yml").write_text("name: [\n", encoding="utf-8")
    code, output = run_check(unpublished_repo, capsys, "--lang", "en")  # said in the same run as content problems
    assert code == 1 and expected in output.splitlines() and any(line.startswith("data/clusters/blogas.yml:") for line in output.splitlines())


@pytest.mark.unit
def test_with_a_publisher_named_the_gate_is_silent(fixture_repo, capsys):
    root = fixture_repo({"bandomasis": minimal_cluster()}, news_pair("2024-05-01"))
    code, output = run_check(root, capsys, "--lang", "en", "--publishing")
    assert code == 0 and "publisher" not in output


@pytest.mark.unit
def test_the_pull_request_workflow_runs_the_gate_into_main_when_pages_deploys():
    workflow = yaml.safe_load((REPO / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8"))
    job = workflow["jobs"]["content"]
    assert job["permissions"] == {"contents": "read", "pages": "read"}
    steps = job["steps"]
    gate = next(step for step in steps if step.get("name") == "Will a merge be published?")
    assert gate["if"] == "github.event_name == 'pull_request' && github.base_ref == 'main'"
    assert 'gh api "repos/$REPOSITORY/pages" --jq .build_type' in gate["run"]
    assert gate["run"].count('echo "SITE_PUBLISHES=true" >> "$GITHUB_ENV"') == 2  # Pages by Actions, or settings unreadable
    assert steps.index(gate) < next(i for i, step in enumerate(steps) if step.get("run") == "make check")
