"""Citation markers in news, stories and events (`[^2]`, see
source/citation_markers.py) name a source the entry lists: a marker whose
number is not in its `sources` is reported at its line, in either file."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path

from clustersite.source.citation_markers import markers_in
from clustersite.source.yaml_source import read_text
from clustersite.text.messages import say
from clustersite.text.problems import Problems


def check_entry_citations(entries: Iterable[object], repo_root: Path, problems: Problems) -> None:
    for entry in entries:
        count = len(getattr(entry, "sources", ()))
        lt_path = getattr(entry, "path", "")
        stem = lt_path.removesuffix(".md").removesuffix(".lt")  # `x.lt.md`, or a hand-written `x.md`
        for shown in (lt_path, f"{stem}.en.md"):
            text = read_text(repo_root / shown, shown, problems, "Markdown pages")
            if text is None:
                continue
            lines = text.splitlines()
            body_start = next((i + 1 for i in range(1, len(lines)) if lines[i].strip() == "---"), 0)
            for index, marker, number in markers_in("\n".join(lines[body_start:])):
                if not 1 <= number <= count:
                    problems.add(shown, body_start + index + 1, "", say("cite-no-such-source", number=number, marker=marker, count=count))
