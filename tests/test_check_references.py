"""What the build would reject, `make check` reports first: links to files that do
not exist, wording keys and placeholders, stale schemas; and a link to a
cluster's profile is not broken before its page is generated."""

from __future__ import annotations

import re

import pytest

from check_support import news_pair, run_check
from conftest import minimal_cluster, run_build


def test_check_reports_broken_link_targets_ui_keys_placeholders_and_stale_schemas(fixture_repo, capsys):
    news = news_pair("2024-05-01")
    news["naujienos/2024-05-01-naujiena.md"] += "\n![Schema](../assets/images/nera.png) ir [ataskaita](ataskaita.pdf), `[kodas](x.png)`\n"
    root = fixture_repo({"bandomasis": minimal_cluster()}, news)
    en = root / "data" / "ui" / "en.yml"
    text = en.read_text(encoding="utf-8")
    key = re.search(r"^(count\.clusters\.one): (.*)$", text, re.M)
    en.write_text(text.replace(key[0], f"{key[1]}: {key[2].replace('{count}', '{n}')}"), encoding="utf-8")
    from clustersite.tools import schemas

    (root / "schemas").mkdir()
    for path, rendered in schemas.rendered(root).items():
        path.parent.mkdir(exist_ok=True)
        path.write_text(rendered, encoding="utf-8")
    sectors = root / "data" / "sectors.yml"
    sectors.write_text(sectors.read_text(encoding="utf-8") + "space:\n  lt: Kosmosas\n  en: Space\n", encoding="utf-8")
    code, output = run_check(root, capsys, "--lang", "en")
    lines = [line for line in output.splitlines() if line.startswith(("content/", "data/", "schemas/"))]
    line = text[: key.start()].count("\n") + 1
    assert lines == [
        'content/naujienos/2024-05-01-naujiena.md:9: no such file (got "../assets/images/nera.png"); fix the path or add the file',
        'content/naujienos/2024-05-01-naujiena.md:9: no such file (got "ataskaita.pdf"); fix the path or add the file',
    ]
    post = root / "content" / "naujienos" / "2024-05-01-naujiena.md"
    post.write_text(news_pair("2024-05-01")["naujienos/2024-05-01-naujiena.md"], encoding="utf-8")
    code, output = run_check(root, capsys, "--lang", "en")
    lines = [line for line in output.splitlines() if line.startswith(("content/", "data/", "schemas/"))]
    assert lines == [
        f"data/ui/en.yml:{line}: count.clusters.one: placeholders differ from data/ui/lt.yml ({{count}} there, {{n}} here); use the same names in braces",
        "schemas/cluster.schema.json: out of date after a model or vocabulary change; run `make schemas` and commit the result",
        "schemas/story.schema.json: out of date after a model or vocabulary change; run `make schemas` and commit the result",
    ]


def test_a_key_a_template_uses_must_exist_in_both_languages(fixture_repo, capsys):
    root = fixture_repo({"bandomasis": minimal_cluster()})
    template = root / "overrides" / "cluster.html"
    template.write_text(template.read_text(encoding="utf-8") + "{{ t('cluster.brand_new') }}\n", encoding="utf-8")
    code, output = run_check(root, capsys, "--lang", "en")
    assert [line for line in output.splitlines() if line.startswith("data/")] == [
        "data/ui/en.yml:1: cluster.brand_new: missing; overrides/cluster.html uses it; add it to this file",
        "data/ui/lt.yml:1: cluster.brand_new: missing; overrides/cluster.html uses it; add it to this file",
    ]


def test_a_link_to_a_cluster_profile_is_not_broken_before_its_page_is_generated(fixture_repo, capsys):
    news = news_pair("2024-05-01")
    news["naujienos/2024-05-01-naujiena.md"] += "\n[Klasteris](../klasteriai/bandomasis.md), [kitas](../klasteriai/nera.md)\n"
    root = fixture_repo({"bandomasis": minimal_cluster()}, news)
    assert not (root / "content" / "klasteriai" / "bandomasis.md").exists()
    code, output = run_check(root, capsys, "--lang", "en")
    assert [line for line in output.splitlines() if line.startswith("content/")] == [
        'content/naujienos/2024-05-01-naujiena.md:9: no such file (got "../klasteriai/nera.md"); fix the path or add the file'
    ]


@pytest.mark.build
def test_the_build_stops_on_the_wording_problems_make_check_reports(fixture_repo, tmp_path, capsys):
    """A key a template uses, missing, or a renamed {placeholder}: make check and
    the build give the same lines, and the build stops before any page (no
    raw key published, no KeyError traceback)."""
    root = fixture_repo({"bandomasis": minimal_cluster()})
    english = root / "data" / "ui" / "en.yml"
    english.write_text(
        english.read_text(encoding="utf-8").replace('count.clusters.one: "{count} cluster"', 'count.clusters.one: "{n} cluster"'), encoding="utf-8"
    )
    template = root / "overrides" / "cluster.html"
    template.write_text(template.read_text(encoding="utf-8") + "{{ t('cluster.brand_new') }}\n", encoding="utf-8")
    code, output = run_check(root, capsys, "--lang", "en")
    checked = [line for line in output.splitlines() if line.startswith("data/ui/")]
    assert code == 1 and len(checked) == 3
    build = run_build(root, tmp_path / "site")
    assert build.returncode == 1 and "Traceback" not in build.output
    assert all(line in build.output for line in checked)
    assert not (tmp_path / "site" / "index.html").exists()
