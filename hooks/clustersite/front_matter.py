"""Front matter of Markdown pages, read with line numbers for error messages."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import Problems
from .yaml_source import LineDict, LineList, parse_yaml, report_duplicates


def read_front_matter(path: Path, shown_as: str, problems: Problems) -> LineDict | None:
    """The YAML between the leading `---` lines, with lines counted from the
    top of the file; None (and a problem) when it is missing or unreadable."""
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(shown_as, 1, "", "the file is not UTF-8 text; save it with UTF-8 encoding")
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
    try:
        data = parse_yaml("\n".join(lines[1:end]))
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        problems.add(shown_as, (mark.line + 2) if mark else 1, "", f"not valid YAML: {error.problem or error.context}")
        return None
    if data is None:
        data = LineDict()
    if not isinstance(data, LineDict):
        problems.add(shown_as, 2, "", "the front matter must be fields such as 'title: ...'")
        return None
    _shift_lines(data, 1)  # the opening '---' is line 1
    report_duplicates(data, shown_as, problems)
    return data


def _shift_lines(value: Any, offset: int) -> None:
    if isinstance(value, LineDict):
        value.line += offset
        value.key_lines = {key: line + offset for key, line in value.key_lines.items()}
        value.duplicates = [(key, line + offset) for key, line in value.duplicates]
        for item in value.values():
            _shift_lines(item, offset)
    elif isinstance(value, LineList):
        value.line += offset
        value.item_lines = [line + offset for line in value.item_lines]
        for item in value:
            _shift_lines(item, offset)
