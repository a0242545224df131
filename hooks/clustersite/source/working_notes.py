"""Working notes left in public text: an editor's "⚠", "TODO" or "the source
does not say" would be published word for word.

Research notes mark what is not yet known (see CONTENT-RESEARCH's ⚠); they
belong in `# comments` of a data file, never in a value or a page. Lines
that are comments or Markdown headings, and source addresses, are skipped.
"""

from __future__ import annotations

import functools
import re
from pathlib import Path

from clustersite.source.stubs import is_stub_text
from clustersite.text.limits import MAX_FILE_BYTES
from clustersite.text.messages import say
from clustersite.text.problems import Problems, describe

INTERNAL_NOTES = re.compile(
    r"⚠|\bTODO\b|source does not say|sources do not say|not in the calendar file|šaltini\w* nenurodo|nerasta|not found",
    re.IGNORECASE,
)
SKIPPED = ("#", "- url:", "url:")
NOTE_WORDS = ("⚠", "todo", "not say", "calendar file", "nenurodo", "nerasta", "not found")
"""Each alternative of INTERNAL_NOTES matches only text that, case-folded,
has one of these in it: most files have none, found without the regular
expression (at 1,000 clusters, 0.02 s against 0.18 s)."""


def report_working_notes(repo_root: Path, docs_dir: Path, problems: Problems) -> None:
    """Every line of a cluster file or a page (generated stubs aside) that carries a working note."""
    files = [*sorted((repo_root / "data" / "clusters").glob("*.yml")), *sorted(docs_dir.rglob("*.md"))]
    for path in files:
        if path.stat().st_size > MAX_FILE_BYTES:
            continue  # refused, with its own problem, where the file is read
        try:
            text = path.read_text(encoding="utf-8")
        except (OSError, UnicodeDecodeError):
            continue  # reported where the file is read
        if path.suffix == ".md" and is_stub_text(text):
            continue
        shown_as = path.relative_to(repo_root).as_posix() if path.is_relative_to(repo_root) else path.as_posix()
        for number, found in notes_in(text):
            problems.add(shown_as, number, "", say("working-note", got=describe(found)))


@functools.lru_cache(maxsize=16384)  # `make serve` checks every file on every save; only an edited one is new text
def notes_in(text: str) -> tuple[tuple[int, str], ...]:
    """(line number, the note) of each line of `text` that carries a working note."""
    folded = text.casefold()
    if not any(word in folded for word in NOTE_WORDS) or not INTERNAL_NOTES.search(text):  # nearly every file: no line to look at one by one
        return ()
    return tuple(
        (number, match[0])
        for number, line in enumerate(text.splitlines(), start=1)
        if not line.lstrip().startswith(SKIPPED) and (match := INTERNAL_NOTES.search(line))
    )
