"""`make check`: validate all content without building the site.

    python -m clustersite.tools.check [--root DIR]

Prints every problem as `path:line: field: message` and exits 1 if there
are any. Under GitHub Actions each problem is also printed as an
`::error file=...,line=...::` annotation, so it shows on the pull request.
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

import yaml

from clustersite.derived import content_rules
from clustersite.model.ui_strings import check_wording, load_strings, markup_in_wording
from clustersite.pages.site_links import site_links_check
from clustersite.source import publisher
from clustersite.text.dates import build_date
from clustersite.text.errors import ContentError
from clustersite.text.layout import DOCS_DIR, REPO_ROOT, UI_DIR
from clustersite.text.messages import LANGUAGES, in_lang, language, say
from clustersite.text.problems import Problem, Problems
from clustersite.tools import schemas


def annotation(problem: Problem, lang: str = "en") -> str:
    def escape(text: str) -> str:  # GitHub's workflow-command escaping
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    where = f"file={problem.path},line={max(problem.line, 1)}"
    title = f",title={escape(in_lang(problem.field, lang)).replace(',', '%2C').replace(':', '%3A')}" if problem.field else ""
    return f"::error {where}{title}::{escape(problem.in_lang(lang))}"


def report(problems: list[Problem], lang: str = "en") -> int:
    for problem in problems:
        print(problem.in_lang(lang))
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems[:ANNOTATION_LIMIT]:
            print(annotation(problem, lang))
        if summary := os.environ.get("GITHUB_STEP_SUMMARY"):
            with open(summary, "a", encoding="utf-8") as file:
                file.write(step_summary(problems, lang))
    count = len(problems)
    print("\n" + say("summary-problems", count=count, noun="problem" if count == 1 else "problems").in_lang(lang), file=sys.stderr)
    return 1


ANNOTATION_LIMIT = 10
"""GitHub shows at most ten error annotations per step; the step summary lists every problem."""


def step_summary(problems: list[Problem], lang: str = "en") -> str:
    """Every problem as a Markdown table, for $GITHUB_STEP_SUMMARY."""

    def cell(text: str) -> str:
        return text.replace("|", "\\|").replace("\n", " ")

    heading = say("summary-heading").in_lang(lang)
    lines = ["### `make check`", "", heading, "| --- | --- | --- | --- |"]
    for problem in problems:
        lines.append(f"| {cell(problem.path)} | {problem.line or ''} | {cell(in_lang(problem.field, lang))} | {cell(in_lang(problem.message, lang))} |")
    return "\n".join(lines) + "\n"


def _mkdocs_extra(root: Path) -> dict:
    """mkdocs.yml's `extra`, read without MkDocs (its !ENV tags are left unresolved)."""

    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    path = root / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) if path.is_file() else {}
    return (config or {}).get("extra") or {}


def publishing_gate(root: Path, publishing: bool) -> list[Problem]:
    """When a merge will be published: an empty extra.publisher as an error at
    its line in mkdocs.yml (the deploy's build would stop on it, unseen by
    whoever merged). Otherwise nothing; the note is printed with the others."""
    missing = publisher.missing_fields(_mkdocs_extra(root))
    if not publishing or not missing:
        return []
    config = root / "mkdocs.yml"
    lines = config.read_text(encoding="utf-8").splitlines() if config.is_file() else []
    line = next((number for number, text in enumerate(lines, start=1) if text.strip() == "publisher:"), 0)
    return [Problem("mkdocs.yml", line, "extra.publisher", say("publisher-gate-error", fields=missing))]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description="Validate all content without building the site.")
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="repository root (default: this checkout)")
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the messages (default: Lithuanian, English when LANG=en...)")
    parser.add_argument(
        "--publishing",
        action="store_true",
        default=os.environ.get("SITE_PUBLISHES") == "true",
        help="a merge will be published (the pull-request workflow sets SITE_PUBLISHES=true when GitHub Pages deploys): an empty extra.publisher is an error",
    )
    args = parser.parse_args(argv)
    lang = language(args.lang)
    gate = publishing_gate(args.root, args.publishing)
    from clustersite.model.site_data import load_site  # after argument parsing, so --help is instant

    try:
        checks = [site_links_check(args.root / DOCS_DIR, args.root), content_rules.check(args.root, args.root / DOCS_DIR)]
        site = load_site(args.root, build_date(), args.root / DOCS_DIR, checks=checks)
    except ContentError as error:
        return report(sorted([*error.problems, *gate]), lang)
    problems = list(site.warnings)  # safe to build with, but not to merge: see Problems
    for ui_language in sorted(path.stem for path in (args.root / UI_DIR).glob("*.yml")):
        try:
            load_strings(args.root / UI_DIR, ui_language)
        except ContentError as error:
            problems += error.problems
    problems += markup_in_wording(args.root / UI_DIR)
    more = Problems()
    if not problems:  # wording read cleanly: are the keys there and the placeholders the same?
        check_wording(args.root, more)
    if (args.root / "schemas").is_dir():  # editors' tools read them; a vocabulary change makes them stale
        for path in schemas.stale(args.root):
            more.add(path.relative_to(args.root).as_posix(), 0, "", say("stale-schema"))
    problems += more.sorted() + gate
    if problems:
        return report(sorted(problems), lang)
    extra = _mkdocs_extra(args.root)
    for note in [*site.untranslated(), *publisher.missing(extra)]:
        print(say("note", text=note).in_lang(lang))
    if missing := publisher.missing_fields(extra):
        print(say("note", text=say("publisher-gate-note", fields=missing)).in_lang(lang))
    kinds = {kind: sum(1 for e in site.entries if e.kind == kind) for kind in ("news", "story", "event")}
    print(say("summary-ok", clusters=len(site.clusters), news=kinds["news"], stories=kinds["story"], events=kinds["event"]).in_lang(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
