"""Editors' tools: JSON schemas, `make check`, scaffolding, the guides, CI workflow files."""

from __future__ import annotations

import datetime as dt
import json
import os
import re
import subprocess
import sys
from pathlib import Path

import jsonschema
import pytest
import yaml

from clustersite.text.problems import Problem
from clustersite.tools import schemas
from clustersite.tools.check import DOCS_DIR, annotation
from conftest import BUILD_DATE, REPO, copy_site_sources, minimal_cluster, replace_content

SCHEMA_LINE = re.compile(r"# yaml-language-server: \$schema=(\S+)\n")


def run_module(module: str, *args: str, env: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    environment = dict(os.environ, **(env or {}))
    environment.pop("GITHUB_ACTIONS", None) if "GITHUB_ACTIONS" not in (env or {}) else None
    return subprocess.run([sys.executable, "-m", module, *args], capture_output=True, text=True, env=environment, timeout=120)


def as_json(value):
    """YAML values as a JSON-based editor tool sees them (dates are strings)."""
    if isinstance(value, dict):
        return {str(k): as_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [as_json(v) for v in value]
    if isinstance(value, (dt.date, dt.datetime)):
        return value.isoformat()
    return value


def test_committed_schemas_match_the_model():
    result = run_module("clustersite.tools.schemas", "--check")
    assert result.returncode == 0, result.stderr
    assert sorted(p.name for p in (REPO / "schemas").glob("*.json")) == [
        "cluster.schema.json",
        "event.schema.json",
        "news.schema.json",
        "story.schema.json",
        "vocabulary.schema.json",
    ]


def test_schema_check_notices_drift(tmp_path):
    root = copy_site_sources(tmp_path / "repo")
    (root / "schemas").mkdir()
    for path, text in schemas.rendered(REPO).items():
        (root / path.relative_to(REPO)).parent.mkdir(exist_ok=True)
        (root / path.relative_to(REPO)).write_text(text, encoding="utf-8")
    sectors = root / "data" / "sectors.yml"
    sectors.write_text(sectors.read_text(encoding="utf-8") + "space:\n  lt: Kosmosas\n  en: Space\n", encoding="utf-8")
    result = run_module("clustersite.tools.schemas", "--check", "--root", str(root))
    assert result.returncode == 1
    stale = [f"schemas/{name}.schema.json" for name in ("cluster", "story")] + ["admin/config.yml"]  # the CMS offers sectors too
    assert result.stderr.splitlines() == [f"{path}: out of date; run `make schemas` and commit the result" for path in stale]


def test_every_data_file_names_its_schema_and_the_real_data_satisfies_it():
    files = sorted((REPO / "data").glob("*.yml")) + sorted((REPO / "data" / "clusters").glob("*.yml"))
    assert len(files) > 5
    for path in files:
        text = path.read_text(encoding="utf-8")
        match = SCHEMA_LINE.match(text)
        assert match, f"{path} does not start with its schema line"
        schema_path = (path.parent / match[1]).resolve()
        expected = "cluster.schema.json" if path.parent.name == "clusters" else "vocabulary.schema.json"
        assert schema_path == REPO / "schemas" / expected
        schema = json.loads(schema_path.read_text(encoding="utf-8"))
        jsonschema.validate(as_json(yaml.safe_load(text)), schema, format_checker=jsonschema.FormatChecker())


def test_every_property_in_every_schema_has_a_description_and_vocabularies_have_names():
    import json

    def undescribed(node, path=""):
        if isinstance(node, dict):
            for name, value in (node.get("properties") or {}).items():
                if not value.get("description"):
                    yield f"{path}.{name}"
            for key, value in node.items():
                yield from undescribed(value, f"{path}/{key}")
        elif isinstance(node, list):
            for value in node:
                yield from undescribed(value, path)

    for path in sorted((REPO / "schemas").glob("*.json")):
        schema = json.loads(path.read_text(encoding="utf-8"))
        assert list(undescribed(schema)) == [], path.name
    sectors = json.loads((REPO / "schemas" / "cluster.schema.json").read_text(encoding="utf-8"))["properties"]["sectors"]["items"]
    assert len(sectors["markdownEnumDescriptions"]) == len(sectors["enum"])
    assert sectors["markdownEnumDescriptions"][sectors["enum"].index("ict")] == "**IRT** / ICT"


def test_schema_and_build_reject_the_same_typo():
    schema = json.loads((REPO / "schemas" / "cluster.schema.json").read_text(encoding="utf-8"))
    typo = as_json(yaml.safe_load(minimal_cluster(extra="sectors: [food]\n")))
    with pytest.raises(jsonschema.ValidationError, match="'food' is not one of"):
        jsonschema.validate(typo, schema)
    assert "Raktai iš data/sectors.yml" in schema["properties"]["sectors"]["description"]


def test_vs_code_maps_the_schemas():
    settings = json.loads((REPO / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    mapped = settings["yaml.schemas"]
    assert mapped["./schemas/cluster.schema.json"] == "data/clusters/*.yml"
    for schema in mapped:
        assert (REPO / schema).is_file()


def test_check_lists_problems_and_github_annotations(tmp_path):
    root = replace_content(copy_site_sources(tmp_path / "repo", content=False), {"a": minimal_cluster(extra="county: vilniu\n")})
    plain = run_module("clustersite.tools.check", "--root", str(root))
    assert plain.returncode == 1
    expected = (
        'data/clusters/a.yml:9: county: unknown county (got "vilniu"); did you mean "vilnius"? use one of: '
        "alytus, kaunas, klaipeda, marijampole, panevezys, siauliai, taurage, telsiai, utena, vilnius"
    )
    assert plain.stdout.splitlines() == [expected]
    assert "1 problem found" in plain.stderr
    annotated = run_module("clustersite.tools.check", "--root", str(root), env={"GITHUB_ACTIONS": "true"})
    assert annotated.stdout.splitlines()[1] == f"::error file=data/clusters/a.yml,line=9,title=county::{expected}"


def test_annotations_escape_what_github_would_misread():
    problem = Problem("data/x.yml", 3, "a:b,c", "50% wrong\nsecond line")
    assert annotation(problem) == "::error file=data/x.yml,line=3,title=a%3Ab%2Cc::data/x.yml:3: a:b,c: 50%25 wrong%0Asecond line"


def test_check_passes_on_the_real_content():
    result = run_module("clustersite.tools.check")
    assert result.returncode == 0, result.stdout
    assert result.stdout.strip().endswith("no problems.")


def fill_empty_leaves(text: str) -> str:
    """Give every empty field that has no nested fields a value, as an editor would."""
    lines = text.splitlines()
    for index, line in enumerate(lines):
        match = re.fullmatch(r"(\s*(?:- )?)(\w+):\s*(#.*)?", line)
        following = next((l for l in lines[index + 1 :] if l.strip() and not l.lstrip().startswith("#")), "")
        if not match or line.lstrip().startswith("#"):
            continue
        nested = len(following) - len(following.lstrip().removeprefix("- ")) > len(match[1])
        if not nested:
            lines[index] = f"{match[1]}{match[2]}: {'https://example.org/saltinis' if match[2] in ('url', 'website') else 'Tekstas'}"
    return "\n".join(lines) + "\n"


@pytest.mark.parametrize("kind", ["cluster", "news", "story", "event"])
def test_scaffolds_ask_for_what_is_required_and_never_overwrite(tmp_path, kind):
    root = replace_content(copy_site_sources(tmp_path / "repo", content=False), {"litek": minimal_cluster("LITEK")})
    made = run_module("clustersite.tools.scaffold", kind, "bandymas", "--date", "2026-03-04", "--root", str(root))
    assert made.returncode == 0, made.stderr
    written = [line.removeprefix("wrote ") for line in made.stdout.splitlines() if line.startswith("wrote ")]
    assert len(written) == (1 if kind == "cluster" else 2)
    check = run_module("clustersite.tools.check", "--root", str(root))
    assert check.returncode == 1
    assert all("is empty; fill it in" in line for line in check.stdout.splitlines())
    again = run_module("clustersite.tools.scaffold", kind, "bandymas", "--date", "2026-03-04", "--root", str(root))
    assert again.returncode == 1 and "already exists; nothing was written" in again.stderr
    # Filling in the required fields makes the content valid.
    for name in written:
        path = root / name
        text = path.read_text(encoding="utf-8")
        path.write_text(fill_empty_leaves(text).replace("clusters: Tekstas", "clusters: [litek]"), encoding="utf-8")
    filled = run_module("clustersite.tools.check", "--root", str(root))
    assert filled.returncode == 0, filled.stdout


def test_scaffold_refuses_a_bad_slug(tmp_path):
    result = run_module("clustersite.tools.scaffold", "cluster", "Mano Klasteris", "--root", str(tmp_path))
    assert result.returncode == 2
    assert "SLUG must be lowercase letters a-z, digits and hyphens" in result.stderr


def test_a_bad_date_for_a_new_post_is_one_plain_line(tmp_path):
    from test_editor_workflow import run_module

    result = run_module("clustersite.tools.scaffold", "news", "x", "--date", "2024-13-01", "--root", str(tmp_path))
    assert result.returncode == 2
    assert result.stderr.strip() == "DATE must be a real date as YYYY-MM-DD (got '2024-13-01'), e.g. DATE=2026-03-04"
    lithuanian = run_module("clustersite.tools.scaffold", "news", "x", "--date", "2024-13-01", "--root", str(tmp_path), env={"LANG": "lt_LT.UTF-8"})
    assert lithuanian.stderr.strip() == "DATE turi būti tikra data MMMM-MM-DD (gauta '2024-13-01'), pvz., DATE=2026-03-04"


def test_scaffold_speaks_lithuanian_by_default(tmp_path):
    from test_editor_workflow import run_module

    made = run_module("clustersite.tools.scaffold", "story", "x", "--date", "2026-03-04", "--root", str(tmp_path), env={"LANG": "C.UTF-8"})
    assert made.stdout.splitlines() == [
        "sukurta content/sekmes-istorijos/x.lt.md",
        "sukurta content/sekmes-istorijos/x.en.md",
        "Užpildykite laukus, pažymėtus PRIVALOMA / REQUIRED, tada paleiskite `make check` ir `make serve`.",
    ]
    again = run_module("clustersite.tools.scaffold", "story", "x", "--root", str(tmp_path), env={"LANG": "C.UTF-8"})
    assert again.stderr.splitlines()[0] == "content/sekmes-istorijos/x.lt.md: jau yra; nieko neįrašyta (pasirinkite kitą SLUG arba redaguokite tą failą)"


def test_check_reads_the_same_docs_folder_as_mkdocs():
    config = (REPO / "mkdocs.yml").read_text(encoding="utf-8")
    assert re.search(r"^docs_dir: (\S+)$", config, re.M)[1] == DOCS_DIR


def test_workflows_are_valid_pinned_and_least_privilege():
    workflows = sorted((REPO / ".github" / "workflows").glob("*.yml"))
    assert [p.name for p in workflows] == ["dependencies.yml", "deploy.yml", "pull-request.yml"]
    result = subprocess.run(
        [str(Path(sys.executable).parent / "check-jsonschema"), "--builtin-schema", "vendor.github-workflows", *map(str, workflows)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    for path in workflows:
        workflow = yaml.safe_load(path.read_text(encoding="utf-8"))
        assert workflow["permissions"] == {}, path
        for name, job in workflow["jobs"].items():
            assert "permissions" in job, f"{path.name}: job {name} sets its own permissions"
            for step in job["steps"]:
                if "uses" in step:
                    assert re.fullmatch(r"[\w-]+/[\w-]+@[0-9a-f]{40}", step["uses"]), step["uses"]
    pull_request = (REPO / ".github" / "workflows" / "pull-request.yml").read_text(encoding="utf-8")
    assert "make check" in pull_request and "bash .ci/run" in pull_request and "make build" in pull_request
    assert "cache: pip" in pull_request and "make lint" in pull_request
    # The deploy runs `make check` and `make build`, which install the build's pins only.
    deploy = yaml.safe_load((REPO / ".github" / "workflows" / "deploy.yml").read_text(encoding="utf-8"))
    runs = [step["run"] for step in deploy["jobs"]["build"]["steps"] if "run" in step]
    assert "make check" in runs and "make build" in runs and not any("requirements-dev" in run or "make test" in run for run in runs)
    rules = dict(re.findall(r"^([\w-]+): (.*)$", (REPO / "Makefile").read_text(encoding="utf-8"), re.M))
    assert rules["check"] == "$(BUILD_ENV)"
    assert rules["build"] == "$(BUILD_ENV) node_modules/.installed"  # the editing interface (/admin/) comes from npm
    audit = yaml.safe_load((REPO / ".github" / "workflows" / "dependencies.yml").read_text(encoding="utf-8"))
    commands = "\n".join(step.get("run", "") for step in audit["jobs"]["audit"]["steps"])
    assert "pip_audit --requirement requirements.txt" in commands and "npm audit --omit=dev" in commands
    assert "pip-audit" not in (REPO / ".ci" / "run").read_text(encoding="utf-8")  # CI's own run has no advisory network


def workflow(name: str) -> dict:
    import yaml

    return yaml.safe_load((REPO / ".github" / "workflows" / name).read_text(encoding="utf-8"))


def test_the_site_is_rebuilt_daily_and_on_demand_with_the_current_date():
    deploy = workflow("deploy.yml")
    triggers = deploy[True]  # YAML 1.1 reads the key `on` as true
    assert triggers["schedule"] and "workflow_dispatch" in triggers and triggers["push"] == {"branches": ["main"]}
    steps = deploy["jobs"]["build"]["steps"]
    dating = next(step for step in steps if step.get("name") == "Date the build")
    assert dating["if"] == "github.event_name != 'push'" and "SOURCE_DATE_EPOCH=$(date +%s)" in dating["run"]
    assert steps.index(dating) < next(i for i, step in enumerate(steps) if step.get("run") == "make build")


NODE24_PINS = {  # action: (commit of the release, release); each runs on Node 24 or is a composite action
    "actions/checkout": ("08c6903cd8c0fde910a37f88322edcfb5dd907a8", "v5.0.0"),
    "actions/setup-python": ("e797f83bcb11b83ae66e0230d6156d7c80228e7c", "v6.0.0"),
    "actions/upload-pages-artifact": ("7b1f4a764d45c48632c6b24a0339c27f5614fb0b", "v4.0.0"),
}


def test_content_only_pull_requests_skip_the_browser_suites_and_actions_are_current():
    pull_request = workflow("pull-request.yml")
    jobs = pull_request["jobs"]
    content_steps = [step.get("run") for step in jobs["content"]["steps"]]
    assert content_steps[-2:] == ["make check", "make build"]
    assert jobs["suites"]["needs"] == "changes" and jobs["suites"]["if"] == "needs.changes.outputs.code == 'true'"
    assert [step.get("run") for step in jobs["suites"]["steps"]][-1] == "bash .ci/run"
    code = re.compile(next(step for step in jobs["changes"]["steps"] if step.get("id") == "diff")["env"]["CODE"])
    for path in (
        "hooks/clustersite/model/fields.py",
        "overrides/cluster.html",
        "content/assets/site.css",
        "tests/test_x.py",
        "Makefile",
        "requirements.txt",
        "package.json",
        "package-lock.json",
        "mkdocs.yml",
    ):
        assert code.search(path), path
    for path in ("data/clusters/litek.yml", "content/naujienos/2026-01-01-x.md", "data/ui/lt.yml", "docs/editors-guide.md"):
        assert not code.search(path), path
    assert pull_request["permissions"] == {} and main_runs_everything(pull_request)
    for name in ("deploy.yml", "pull-request.yml"):
        text = (REPO / ".github" / "workflows" / name).read_text(encoding="utf-8")
        for action, (commit, release) in NODE24_PINS.items():
            for used in re.findall(rf"{action}@(\S+) # (\S+)", text):
                assert used == (commit, release), (name, action, used)


def main_runs_everything(pull_request: dict) -> bool:
    return pull_request[True]["push"] == {"branches": ["main"]}


def test_pre_commit_runs_the_check():
    config = yaml.safe_load((REPO / ".pre-commit-config.yaml").read_text(encoding="utf-8"))
    entries = [hook["entry"] for repo in config["repos"] for hook in repo["hooks"]]
    assert "make check" in entries


@pytest.mark.parametrize("guide", ["editors-guide.md", "vadovas-redaktoriams.md"])
def test_the_guides_example_error_is_what_check_really_prints(tmp_path, guide):
    text = (REPO / "docs" / guide).read_text(encoding="utf-8")
    example = re.search(r"```yaml\n(.*?)```", text, re.S)[1]
    messages = re.search(r"```text\n(.*?)```", text, re.S)[1].splitlines()
    root = replace_content(copy_site_sources(tmp_path / "repo", content=False), {"my-cluster": example})
    language = "lt" if guide == "vadovas-redaktoriams.md" else "en"  # each guide shows its own language's messages
    result = run_module("clustersite.tools.check", "--root", str(root), "--lang", language)
    assert result.stdout.splitlines() == messages


def test_the_guides_cover_what_the_new_editor_asked_and_the_lithuanian_reads_right():
    english = (REPO / "docs" / "editors-guide.md").read_text(encoding="utf-8")
    lithuanian = (REPO / "docs" / "vadovas-redaktoriams.md").read_text(encoding="utf-8")
    for text in (english, lithuanian):
        for needle in ("Ctrl+C", "Windows", "macOS", "git commit", "make schemas", "UTF-8", "2026-12-10 10:00", "make check ARGS=--lang=en"):
            assert needle in text, needle
    assert "ir būti parašyta savais žodžiais" in lithuanian
    assert "redaktorius siūlo" not in lithuanian and "klasteris logotipas" not in lithuanian


def test_a_field_declared_once_reaches_the_record_the_schema_and_the_scaffold():
    """CONTRIBUTING.md's "How to add a field": one field in the model is enough."""
    from typing import Annotated

    from clustersite.model.cluster_model import Cluster
    from clustersite.model.fields import Context, Str
    from clustersite.model.records import Check, Help, json_schema
    from clustersite.text.problems import Problems
    from clustersite.tools.scaffold_yaml import template

    class WithNace(Cluster):
        nace: Annotated[Annotated[str, Check(Str(max_length=10))] | None, Help("NACE code.", "EVRK kodas.", "C26")] = None

    assert json_schema(WithNace)["properties"]["nace"]["description"] == "NACE code.\n\nEVRK kodas."
    assert "# nace: C26" in template(WithNace, "")
    data = {"name": {"lt": "A"}, "summary": {"lt": "B"}, "sources": [{"url": "https://a.lt/x"}], "nace": "C26"}
    record = WithNace.model_validate(data, context={"ctx": Context(Problems(), BUILD_DATE, REPO, {})})
    assert record.nace == "C26" and record.name.lt == "A" and record.sectors == ()
