"""Front matter of Markdown pages, read with line numbers for error messages."""

from __future__ import annotations

from pathlib import Path

from .problems import Problems
from .yaml_source import UNREADABLE, LineDict, parse_reported, read_text


def read_front_matter(path: Path, shown_as: str, problems: Problems) -> LineDict | None:
    """The YAML between the leading `---` lines, with lines counted from the
    top of the file; None (and a problem) when it is missing or unreadable."""
    text = read_text(path, shown_as, problems)
    if text is None:
        return None
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        problems.add(shown_as, 1, "", "no front matter; start the file with a line '---', the fields, and another '---'")
        return None
    try:
        end = next(i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "..."))
    except StopIteration:
        problems.add(shown_as, 1, "", "the front matter is not closed; add a line '---' after the fields")
        return None
    data = parse_reported("\n".join(lines[1:end]), shown_as, problems, first_line=2)  # line 1 is '---'
    if data is UNREADABLE:
        return None
    if data is None:
        return LineDict()
    if not isinstance(data, LineDict):
        problems.add(shown_as, 2, "", "the front matter must be fields such as 'title: ...'")
        return None
    return data
