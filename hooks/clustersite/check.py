"""`make check`: validate all content without building the site.

    python -m clustersite.check [--root DIR]

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

from . import publisher
from .dates import build_date
from .layout import DOCS_DIR, REPO_ROOT, UI_DIR
from .problems import ContentError, Problem
from .ui_strings import load_strings



def annotation(problem: Problem) -> str:
    def escape(text: str) -> str:  # GitHub's workflow-command escaping
        return text.replace("%", "%25").replace("\r", "%0D").replace("\n", "%0A")

    where = f"file={problem.path},line={max(problem.line, 1)}"
    title = f",title={escape(problem.field).replace(',', '%2C').replace(':', '%3A')}" if problem.field else ""
    return f"::error {where}{title}::{escape(str(problem))}"


def report(problems: list[Problem]) -> int:
    for problem in problems:
        print(problem)
    if os.environ.get("GITHUB_ACTIONS") == "true":
        for problem in problems:
            print(annotation(problem))
    count = len(problems)
    print(f"\n{count} {'problem' if count == 1 else 'problems'} found; fix each one and run `make check` again.", file=sys.stderr)
    return 1


def _mkdocs_extra(root: Path) -> dict:
    """mkdocs.yml's `extra`, read without MkDocs (its !ENV tags are left unresolved)."""
    class Loader(yaml.SafeLoader):
        pass

    Loader.add_multi_constructor("!", lambda loader, suffix, node: None)
    path = root / "mkdocs.yml"
    config = yaml.load(path.read_text(encoding="utf-8"), Loader=Loader) if path.is_file() else {}
    return (config or {}).get("extra") or {}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make check", description="Validate all content without building the site.")
    parser.add_argument("--root", type=Path, default=REPO_ROOT, help="repository root (default: this checkout)")
    args = parser.parse_args(argv)
    from .site_data import load_site  # after argument parsing, so --help is instant

    try:
        site = load_site(args.root, build_date(), args.root / DOCS_DIR)
    except ContentError as error:
        return report(error.problems)
    problems = list(site.warnings)  # safe to build with, but not to merge: see Problems
    for language in sorted(path.stem for path in (args.root / UI_DIR).glob("*.yml")):
        try:
            load_strings(args.root / UI_DIR, language)
        except ContentError as error:
            problems += error.problems
    if problems:
        return report(sorted(problems))
    for note in site.untranslated():
        print(f"note: {note}")
    for note in publisher.missing(_mkdocs_extra(args.root)):
        print(f"note: {note}")
    kinds = {kind: sum(1 for e in site.entries if e.kind == kind) for kind in ("news", "story", "event")}
    print(
        f"OK: {len(site.clusters)} clusters, {kinds['news']} news posts, {kinds['story']} success stories, "
        f"{kinds['event']} events; no problems."
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
