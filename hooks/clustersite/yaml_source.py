"""Read YAML safely and remember the line of every key and list item.

The loader is PyYAML's SafeLoader (no arbitrary Python objects can be built)
with two constructors replaced so mappings and lists carry line numbers;
every error message an editor sees points at a line thanks to them.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml

from .problems import Problems


class LineDict(dict):
    """A mapping that knows the line of its start and of each key."""

    line: int = 0

    def __init__(self, *args: Any, **kwargs: Any):
        super().__init__(*args, **kwargs)
        self.key_lines: dict[Any, int] = {}
        self.duplicates: list[tuple[Any, int]] = []

    def line_of(self, key: Any) -> int:
        return self.key_lines.get(key, self.line)


class LineList(list):
    """A list that knows the line of its start and of each item."""

    line: int = 0

    def __init__(self, *args: Any):
        super().__init__(*args)
        self.item_lines: list[int] = []

    def line_of(self, index: int) -> int:
        return self.item_lines[index] if index < len(self.item_lines) else self.line


# libyaml's C parser is ~10x faster than the pure-Python one; the
# constructors (and so the safety) are SafeLoader's either way.
_SafeBase = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _LineSafeLoader(_SafeBase):
    """SafeLoader whose mappings and sequences remember their lines."""


def _construct_timestamp(loader: _LineSafeLoader, node: yaml.ScalarNode) -> Any:
    """A date-shaped value that is no real date (2024-13-01) stays text, so
    validation can say which field is wrong instead of the parser failing."""
    try:
        return loader.construct_yaml_timestamp(node)
    except ValueError:
        return loader.construct_scalar(node)


_LineSafeLoader.add_constructor("tag:yaml.org,2002:timestamp", _construct_timestamp)
_MAP_TAG = yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG
_SEQ_TAG = yaml.resolver.BaseResolver.DEFAULT_SEQUENCE_TAG


def _convert(loader: _LineSafeLoader, node: yaml.Node, open_nodes: set[int], first_line: int) -> Any:
    """Python values from a composed node tree, recording lines.

    A direct walk instead of PyYAML's generic construct_object: the same
    safe constructors decide every scalar's type, at about half the cost,
    which keeps `make check` within a second at 1,000 clusters. Lines count
    from `first_line` (front matter starts on the file's second line)."""
    if isinstance(node, yaml.ScalarNode):
        constructor = loader.yaml_constructors.get(node.tag)
        return constructor(loader, node) if constructor else loader.construct_undefined(node)
    if node.tag not in (_MAP_TAG, _SEQ_TAG):  # !!set, !!omap and unknown tags
        return loader.construct_object(node, deep=True)
    if id(node) in open_nodes:
        raise yaml.constructor.ConstructorError(None, None, "an alias refers to itself", node.start_mark)
    open_nodes.add(id(node))
    try:
        if isinstance(node, yaml.SequenceNode):
            items = LineList(_convert(loader, child, open_nodes, first_line) for child in node.value)
            items.line = node.start_mark.line + first_line
            items.item_lines = [child.start_mark.line + first_line for child in node.value]
            return items
        loader.flatten_mapping(node)
        mapping = LineDict()
        mapping.line = node.start_mark.line + first_line
        for key_node, value_node in node.value:
            key = _convert(loader, key_node, open_nodes, first_line)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
            if key in mapping:
                mapping.duplicates.append((key, key_node.start_mark.line + first_line))
            mapping[key] = _convert(loader, value_node, open_nodes, first_line)
            mapping.key_lines[key] = key_node.start_mark.line + first_line
        return mapping
    finally:
        open_nodes.discard(id(node))


def parse_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML text safely, with line tracking; raises yaml.YAMLError."""
    loader = _LineSafeLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _convert(loader, node, set(), first_line)
    finally:
        loader.dispose()


UNREADABLE = object()
"""Returned by parse_reported when the text is not valid YAML (already reported)."""


def read_text(path: Path, shown_as: str, problems: Problems) -> str | None:
    try:
        return path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(shown_as, 1, "", "the file is not UTF-8 text; save it with UTF-8 encoding")
        return None


def parse_reported(text: str, shown_as: str, problems: Problems, first_line: int = 1) -> Any:
    """Parse YAML; report syntax errors and repeated keys. UNREADABLE on a syntax error."""
    try:
        data = parse_yaml(text, first_line)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + first_line if mark else first_line
        reason = error.problem or error.context or "unreadable YAML"
        if error.context and error.context_mark and error.context_mark.line + first_line != line:
            reason += f" ({error.context} that starts on line {error.context_mark.line + first_line})"
        problems.add(
            shown_as,
            line,
            "",
            f"not valid YAML: {reason}; check the indentation and quotes on this line and the one above",
        )
        return UNREADABLE
    except yaml.YAMLError as error:
        problems.add(shown_as, first_line, "", f"not valid YAML: {error}")
        return UNREADABLE
    report_duplicates(data, shown_as, problems)
    return data


def load_yaml(path: Path, shown_as: str, problems: Problems) -> Any:
    """Load one YAML file; report unreadable or malformed files as problems.

    Returns None when the file could not be read (the problem is reported).
    """
    text = read_text(path, shown_as, problems)
    data = UNREADABLE if text is None else parse_reported(text, shown_as, problems)
    return None if data is UNREADABLE else data


def report_duplicates(data: Any, shown_as: str, problems: Problems) -> None:
    if isinstance(data, LineDict):
        for key, line in data.duplicates:
            problems.add(shown_as, line, str(key), "given twice in the same place; keep only one")
        for value in data.values():
            report_duplicates(value, shown_as, problems)
    elif isinstance(data, LineList):
        for value in data:
            report_duplicates(value, shown_as, problems)
