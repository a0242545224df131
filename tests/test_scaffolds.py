"""The scaffolds as a new Lithuanian editor meets them: comments in Lithuanian
(and English) in every template, an event without dates unless DATE= is
given, no suggestion of the name just refused, every mistake of a command in
one run; and the check echoes times as they were typed."""

from __future__ import annotations

import re

import pytest

from check_support import event_pair, problems_for, story_pair
from clustersite.tools.scaffold import TEMPLATES
from conftest import copy_site_sources, minimal_cluster, replace_content
from test_editor_workflow import run_module

LITHUANIAN_LETTERS = re.compile(r"[ąčęėįšųūž]")


@pytest.mark.unit
@pytest.mark.parametrize("template", sorted(path.name for path in TEMPLATES.glob("new-*.md")))
def test_every_comment_of_every_template_speaks_lithuanian(template):
    text = (TEMPLATES / template).read_text(encoding="utf-8")
    comments = [line.split("#", 1)[1] for line in text.splitlines() if "#" in line and not line.startswith("#!")]
    assert comments
    # A comment block is either one line in both languages ("lt / en") or a Lithuanian line followed by its English one.
    lines = [line for line in text.splitlines() if "#" in line]
    for index, line in enumerate(lines):
        comment = line.split("#", 1)[1]
        if LITHUANIAN_LETTERS.search(comment) or " / " in comment:
            continue
        assert index and LITHUANIAN_LETTERS.search(lines[index - 1].split("#", 1)[1]), f"{template}: {line!r} has no Lithuanian"


@pytest.mark.unit
def test_a_new_event_has_no_dates_unless_given(tmp_path):
    root = replace_content(copy_site_sources(tmp_path / "repo", content=False), {"litek": minimal_cluster("LITEK")})
    made = run_module("clustersite.tools.scaffold", "event", "be-datos", "--root", str(root))
    assert made.returncode == 0, made.stderr
    text = (root / "content" / "renginiai" / "be-datos.lt.md").read_text(encoding="utf-8")
    assert not re.search(r"^(start|end):", text, re.M) and "# start: YYYY-MM-DD HH:MM" in text
    dated = run_module("clustersite.tools.scaffold", "event", "su-data", "--date", "2026-10-03", "--root", str(root))
    assert dated.returncode == 0, dated.stderr
    text = (root / "content" / "renginiai" / "su-data.lt.md").read_text(encoding="utf-8")
    assert re.findall(r"^(start|end):(.*?)(?:#|$)", text, re.M) == [("start", " 2026-10-03     ")]  # no made-up time, no end


@pytest.mark.unit
def test_a_scaffold_command_reports_every_mistake_at_once_and_refuses_index(tmp_path):
    result = run_module("clustersite.tools.scaffold", "event", "Bad_slug", "--date", "2026-13-01", "--root", str(tmp_path), env={"LANG": "en_GB.UTF-8"})
    assert result.returncode == 2
    assert result.stderr.splitlines() == [
        "SLUG must be lowercase letters a-z, digits and hyphens (got 'Bad_slug'), e.g. SLUG=litek",
        "DATE must be a real date as YYYY-MM-DD (got '2026-13-01'), e.g. DATE=2026-03-04",
    ]
    for kind in ("cluster", "news", "event"):
        refused = run_module("clustersite.tools.scaffold", kind, "index", "--root", str(tmp_path), env={"LANG": "lt_LT.UTF-8"})
        assert refused.returncode == 2 and refused.stderr.splitlines() == [
            "SLUG negali būti 'index': šis vardas skirtas skyriaus puslapiui; pasirinkite trumpą turinio pavadinimą, pvz., SLUG=litek"
        ]
    assert not any(tmp_path.rglob("index*"))


@pytest.mark.unit
def test_an_event_time_is_echoed_as_typed(fixture_repo, capsys):
    pair = event_pair("start: 2027-02-14 17:00\nend: 2027-02-14 10:00\n")
    pair["renginiai/renginys.en.md"] = "---\ntitle: Event\nstart: 2027-02-14 18:00\n---\n\nText.\n"
    assert problems_for(fixture_repo, capsys, entries=pair) == [
        'content/renginiai/renginys.en.md:3: start: differs from the Lithuanian file (got "2027-02-14 18:00", content/renginiai/renginys.md has "2027-02-14 17:00"); '
        "keep them the same or leave the field out of the English file",
        "content/renginiai/renginys.md:4: end: earlier than start (got 2027-02-14 10:00); an event ends after it starts",
    ]


@pytest.mark.unit
def test_a_story_with_two_blank_required_fields_reports_both_in_one_run(fixture_repo, capsys):
    story = story_pair("clusters:\n")
    story["sekmes-istorijos/istorija.md"] = story["sekmes-istorijos/istorija.md"].replace("summary: Santrauka.\n", "summary:\n")
    assert problems_for(fixture_repo, capsys, entries=story) == [
        "content/sekmes-istorijos/istorija.md:4: summary: is empty; fill it in",
        "content/sekmes-istorijos/istorija.md:5: clusters: is empty; fill it in",
    ]


@pytest.mark.unit
@pytest.mark.parametrize("kind", ["news", "story", "event"])
def test_a_new_entry_fails_the_check_only_on_its_source_until_the_source_is_filled_in(tmp_path, kind):
    root = replace_content(copy_site_sources(tmp_path / "repo", content=False), {"litek": minimal_cluster("LITEK")})
    made = run_module("clustersite.tools.scaffold", kind, "bandymas", "--date", "2026-03-04", "--root", str(root))
    assert made.returncode == 0, made.stderr
    (lt, en) = sorted(root.glob("content/*/*bandymas.*.md"), key=lambda path: path.name.endswith(".en.md"))
    # The editor fills in every other required field ...
    for path, title in ((lt, "Bandymas"), (en, "Trial")):
        text = path.read_text(encoding="utf-8").replace("title:      ", f"title: {title}", 1)
        text = text.replace("summary:    ", "summary: Santrauka.", 1).replace("clusters:   ", "clusters: [litek]", 1)
        path.write_text(text, encoding="utf-8")
    check = run_module("clustersite.tools.check", "--root", str(root), env={"LANG": "lt_LT.UTF-8"})
    shown = lt.relative_to(root).as_posix()
    line = next(n for n, text in enumerate(lt.read_text(encoding="utf-8").splitlines(), 1) if text.startswith("  - url:"))
    # ... and the check names the one thing left: the source's address, on its line.
    assert (check.returncode, check.stdout.splitlines()) == (1, [f"{shown}:{line}: sources[0].url: tuščias; užpildykite jį"]), check.stdout + check.stderr
    assert "Traceback" not in check.stderr
    lt.write_text(lt.read_text(encoding="utf-8").replace("  - url:   ", "  - url: https://example.org/saltinis", 1), encoding="utf-8")
    filled = run_module("clustersite.tools.check", "--root", str(root))
    assert filled.returncode == 0, filled.stdout + filled.stderr
