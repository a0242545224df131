"""Editors hear one voice: whatever reaches an editor comes from the message
catalogue (both languages, Lithuanian by default), and MkDocs' own lines
that say nothing to an editor are kept out of `make serve` and `make build`."""

from __future__ import annotations

import ast
import logging
import os
import string
import subprocess
import sys
import time

import pytest

from clustersite.text.messages import CATALOGUE, Message, say
from clustersite.text.problems import Problem
from conftest import REPO, copy_site_sources, minimal_cluster, replace_content

PACKAGE = REPO / "hooks"

# Calls that hand an editor a message, and which argument is the message.
MESSAGE_ARGUMENT = {
    "add": 3,
    "warn": 3,
    "report": 1,
    "refuse": 0,
    "refuse_all": 0,
    "Problem": 3,
    "Finding": 1,
    "PageError": 0,
    "ConfigError": 0,
    "ContentError": 0,
}
# Keywords of the checks in model/fields.py whose text ends up in a message.
MESSAGE_KEYWORDS = {"pattern_hint", "unit_hint", "listed_in"}


def _is_raw_text(node: ast.expr) -> bool:
    """A string literal, an f-string, or text built with + or %: not from the catalogue."""
    if isinstance(node, ast.Constant):
        return isinstance(node.value, str) and node.value != ""
    if isinstance(node, ast.JoinedStr):
        return True
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.Add | ast.Mod):
        return _is_raw_text(node.left) or _is_raw_text(node.right)
    return False


def raw_messages(source: str) -> list[tuple[int, str]]:
    found = []
    for node in ast.walk(ast.parse(source)):
        if not isinstance(node, ast.Call):
            continue
        name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
        position = MESSAGE_ARGUMENT.get(name)
        if position is not None and len(node.args) > position and _is_raw_text(node.args[position]):
            found.append((node.lineno, name))
        found += [(node.lineno, keyword.arg) for keyword in node.keywords if keyword.arg in MESSAGE_KEYWORDS and _is_raw_text(keyword.value)]
    return found


def test_no_message_reaches_an_editor_without_the_catalogue():
    offenders = {
        path.relative_to(REPO).as_posix(): found for path in sorted(PACKAGE.rglob("*.py")) if (found := raw_messages(path.read_text(encoding="utf-8")))
    }
    assert offenders == {}


def test_the_scan_finds_raw_text_in_each_form():
    source = """
problems.add(path, 1, "x", "plain")
ctx.problems.warn(path, 1, "x", f"got {value}")
ctx.report(where, "a" + b)
raise refuse("text %s" % value)
Str(pattern_hint="a hint")
problems.add(path, 1, "x", say("missing"))
seen.add(item)
"""
    assert raw_messages(source) == [(2, "add"), (3, "warn"), (4, "report"), (5, "refuse"), (6, "pattern_hint")]


def test_every_message_reads_differently_in_each_language_with_the_same_placeholders():
    for message_id, (english, lithuanian) in CATALOGUE.items():
        names = [{field for _, field, _, _ in string.Formatter().parse(text) if field} for text in (english, lithuanian)]
        assert names[1] <= names[0], message_id  # a Lithuanian text may leave a detail out (the parser's English reason)
        assert english != lithuanian, message_id


def test_a_problem_speaks_lithuanian_unless_english_is_asked_for():
    problem = Problem("data/clusters/x.yml", 3, "founded", say("future-year", got=3000))
    assert problem.in_lang("lt") == "data/clusters/x.yml:3: founded: metai ateityje (gauta 3000); nurodykite, kuriais metais tai įvyko"
    assert str(problem) == "data/clusters/x.yml:3: founded: is in the future (got 3000); give the year it happened"
    assert isinstance(problem.message, Message)


# --- MkDocs' own lines ---------------------------------------------------------

NAV_NOISE = "A reference to 'klasteriai/index.md' is included in the 'nav' configuration, which is not found in the documentation files."
HOME_NOISE = "mkdocs_static_i18n: Could not find a homepage for locale 'en'"


def _record(logger: str, message: str) -> logging.LogRecord:
    return logging.LogRecord(logger, logging.WARNING, __file__, 1, message, None, None)


def test_nav_and_home_page_warnings_are_dropped_only_while_content_is_broken(monkeypatch):
    import site_hooks

    quiet = site_hooks.QuietWhileBroken()
    monkeypatch.setattr(site_hooks.state, "broken", [Problem("data/clusters/x.yml", 1, "", say("missing"))])
    assert not quiet.filter(_record("mkdocs.structure.nav", NAV_NOISE))
    assert not quiet.filter(_record("mkdocs.plugins.mkdocs_static_i18n.plugin", HOME_NOISE))
    assert quiet.filter(_record("mkdocs.structure.nav", "A reference to 'x.md' is included in the 'nav' configuration, which is odd."))
    assert quiet.filter(_record("mkdocs.structure.nav", "An absolute path to '/x/' is included in the 'nav' configuration."))
    monkeypatch.setattr(site_hooks.state, "broken", [])
    assert quiet.filter(_record("mkdocs.structure.nav", NAV_NOISE))  # a good build keeps MkDocs' warning: it would mean a missing page


def test_the_filter_is_installed_once_on_each_logger():
    import site_hooks

    site_hooks.QuietWhileBroken.install()
    site_hooks.QuietWhileBroken.install()
    for name in site_hooks.QuietWhileBroken.LOGGERS:
        assert sum(isinstance(f, site_hooks.QuietWhileBroken) for f in logging.getLogger(name).filters) == 1


@pytest.mark.build
def test_the_preview_of_broken_content_says_only_the_problems_in_lithuanian(tmp_path):
    root = replace_content(copy_site_sources(tmp_path / "repo"), {"bandomasis": minimal_cluster(), "x": "name:\n  lt: A\n en: B\n"})
    log = tmp_path / "serve.log"
    env = dict(os.environ, NO_MKDOCS_2_WARNING="1", LANG="lt_LT.UTF-8")
    import socket

    with socket.socket() as free:
        free.bind(("127.0.0.1", 0))
        port = free.getsockname()[1]
    with log.open("w", encoding="utf-8") as output:
        server = subprocess.Popen(
            [sys.executable, "-m", "mkdocs", "serve", "-f", str(root / "mkdocs.yml"), "-a", f"127.0.0.1:{port}"],
            cwd=root,
            env=env,
            stdout=output,
            stderr=subprocess.STDOUT,
        )
        try:
            give_up = time.monotonic() + 300  # a guard against a hang, not a measure of speed
            while "Serving on" not in log.read_text(encoding="utf-8") and server.poll() is None and time.monotonic() < give_up:
                time.sleep(0.1)
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert "Serving on" in text, text
    assert "Turinyje rasta problemų: 1" in text
    assert "data/clusters/x.yml:3: netinkamas YAML: ši eilutė nedera su aplinkiniais laukais" in text
    assert "is included in the 'nav' configuration" not in text
    assert "Could not find a homepage" not in text
    assert "Traceback" not in text
