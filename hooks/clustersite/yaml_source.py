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


def _convert(loader: _LineSafeLoader, node: yaml.Node, open_nodes: set[int]) -> Any:
    """Python values from a composed node tree, recording lines.

    A direct walk instead of PyYAML's generic construct_object: the same
    safe constructors decide every scalar's type, at about half the cost,
    which keeps `make check` within a second at 1,000 clusters."""
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
            items = LineList(_convert(loader, child, open_nodes) for child in node.value)
            items.line = node.start_mark.line + 1
            items.item_lines = [child.start_mark.line + 1 for child in node.value]
            return items
        loader.flatten_mapping(node)
        mapping = LineDict()
        mapping.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = _convert(loader, key_node, open_nodes)
            if not isinstance(key, (str, int, float, bool)) and key is not None:
                raise yaml.constructor.ConstructorError(None, None, "a key must be plain text", key_node.start_mark)
            if key in mapping:
                mapping.duplicates.append((key, key_node.start_mark.line + 1))
            mapping[key] = _convert(loader, value_node, open_nodes)
            mapping.key_lines[key] = key_node.start_mark.line + 1
        return mapping
    finally:
        open_nodes.discard(id(node))


def parse_yaml(text: str) -> Any:
    """Parse YAML text safely, with line tracking; raises yaml.YAMLError."""
    loader = _LineSafeLoader(text)
    try:
        node = loader.get_single_node()
        return None if node is None else _convert(loader, node, set())
    finally:
        loader.dispose()


def load_yaml(path: Path, shown_as: str, problems: Problems) -> Any:
    """Load one YAML file; report unreadable or malformed files as problems.

    Returns None when the file could not be read (the problem is reported).
    """
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(shown_as, 1, "", "the file is not UTF-8 text; save it with UTF-8 encoding")
        return None
    try:
        data = parse_yaml(text)
    except yaml.MarkedYAMLError as error:
        mark = error.problem_mark or error.context_mark
        line = mark.line + 1 if mark else 1
        reason = error.problem or error.context or "unreadable YAML"
        if error.context and error.context_mark and error.context_mark.line + 1 != line:
            reason += f" ({error.context} that starts on line {error.context_mark.line + 1})"
        problems.add(
            shown_as,
            line,
            "",
            f"not valid YAML: {reason}; check the indentation and quotes on this line and the one above",
        )
        return None
    except yaml.YAMLError as error:
        problems.add(shown_as, 1, "", f"not valid YAML: {error}")
        return None
    report_duplicates(data, shown_as, problems)
    return data


def report_duplicates(data: Any, shown_as: str, problems: Problems) -> None:
    if isinstance(data, LineDict):
        for key, line in data.duplicates:
            problems.add(shown_as, line, str(key), "given twice in the same place; keep only one")
        for value in data.values():
            report_duplicates(value, shown_as, problems)
    elif isinstance(data, LineList):
        for value in data:
            report_duplicates(value, shown_as, problems)
