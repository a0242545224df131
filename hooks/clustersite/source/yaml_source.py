"""Read YAML safely and remember the line of every key and list item.

The parser is libyaml's (PyYAML's SafeLoader types: no arbitrary Python
objects can be built); values are made straight from its events so that
mappings and lists carry line numbers, every error message an editor sees
points at a line, and the limits in clustersite.text.limits hold before anything
large is built: anchors and aliases are refused (editors never need them,
and a "billion laughs" file expands to gigabytes through them), as are
nesting beyond MAX_DEPTH, lists longer than MAX_ITEMS and files larger than
MAX_FILE_BYTES.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

import yaml

from clustersite.text.errors import RefusedYaml
from clustersite.text.limits import MAX_DEPTH, MAX_FILE_BYTES, MAX_ITEMS, MAX_VALUES, file_too_large
from clustersite.text.messages import Message, say
from clustersite.text.problems import Problems


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
if TYPE_CHECKING:  # the two share SafeLoader's interface
    _SafeBase = yaml.SafeLoader
else:
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
_MERGE_TAG = "tag:yaml.org,2002:merge"
_STR_TAG = "tag:yaml.org,2002:str"
_KEY_TYPES = (str, int, float, bool, type(None))

ANCHORS_REFUSED: Message = say("yaml-anchors")


class _Open:
    """A list or mapping being filled while its events arrive."""

    __slots__ = ("value", "mark", "path", "shown_line", "count", "key", "key_line")

    def __init__(self, value: LineDict | LineList, mark: yaml.Mark, path: str, shown_line: int):
        self.value, self.mark, self.path, self.shown_line, self.count = value, mark, path, shown_line, 0
        self.key: Any = _NO_KEY
        self.key_line = 0

    def child_path(self) -> str:
        if isinstance(self.value, LineList):
            return f"{self.path}[{self.count}]"
        return f"{self.path}.{self.key}" if self.path else str(self.key)


_NO_KEY = object()
_SCALAR, _ALIAS, _SEQUENCE_START = yaml.ScalarEvent, yaml.AliasEvent, yaml.SequenceStartEvent
_SEQUENCE_END, _MAPPING_END = yaml.SequenceEndEvent, yaml.MappingEndEvent


_RESOLVED: dict[str, str] = {}
"""Plain scalars' tags by their text: the resolver's answer depends on the text
alone, and keys (name, lt, en, url, ...) repeat in every file."""


def _scalar(loader: _LineSafeLoader, event: yaml.ScalarEvent) -> Any:
    tag = event.tag
    if tag is None or tag == "!":
        if not event.implicit[0]:  # quoted or block text: always a string
            tag = _STR_TAG
        elif (tag := _RESOLVED.get(event.value)) is None:
            tag = loader.resolve(yaml.ScalarNode, event.value, event.implicit)
            if len(_RESOLVED) < 100_000:
                _RESOLVED[event.value] = tag
    if tag == _STR_TAG:  # most values: what construct_yaml_str returns, without a node
        return event.value
    if tag == _MERGE_TAG:  # `<<` merges an alias, and aliases are refused anyway
        return event.value
    node = yaml.ScalarNode(tag, event.value, event.start_mark, event.end_mark, event.style)  # type: ignore[arg-type]  # libyaml's marks serve as well
    constructor = loader.yaml_constructors.get(tag) if tag not in (_MAP_TAG, _SEQ_TAG) else None
    return constructor(loader, node) if constructor else loader.construct_undefined(node)


def _build(loader: _LineSafeLoader, first_line: int) -> Any:
    """Python values straight from the parser's events, recording lines.

    No node tree and no recursion: limits are enforced as the events
    arrive, so a file nested 100,000 levels deep stops at level MAX_DEPTH,
    a list at item MAX_ITEMS + 1, and an alias is never expanded (a
    "billion laughs" file is refused after reading it once). Anchors and
    aliases are collected to the end, to report every line; any other
    refusal stops at once. Every scalar's type is decided by the same safe
    constructors as yaml.safe_load. Lines count from `first_line` (front
    matter starts on the file's second line)."""
    anchor_lines: set[int] = set()
    stack: list[_Open] = []
    values = 0
    get_event = loader.get_event  # the loop runs once per value: locals are measurably faster
    get_event()  # StreamStartEvent
    if loader.check_event(yaml.StreamEndEvent):
        return None
    document = get_event()
    while True:
        event = get_event()
        kind = type(event)
        line = event.start_mark.line + first_line
        if kind is _SEQUENCE_END or kind is _MAPPING_END:
            done = stack.pop()
            value, mark, line = done.value, done.mark, done.value.line
        elif kind is _ALIAS:
            anchor_lines.add(line)
            value, mark = None, event.start_mark
        else:
            values += 1
            if values > MAX_VALUES:
                raise _refused(anchor_lines, line, "", say("yaml-too-many-values", limit=MAX_VALUES))
            if event.anchor is not None:
                anchor_lines.add(line)
            mark = event.start_mark
            if kind is _SCALAR:
                value = _scalar(loader, event)
            else:
                is_list = kind is _SEQUENCE_START
                if event.tag not in (None, "!", _SEQ_TAG if is_list else _MAP_TAG):
                    raise yaml.constructor.ConstructorError(None, None, f"could not determine a constructor for the tag {event.tag!r}", mark)
                if len(stack) >= MAX_DEPTH:
                    raise _refused(
                        anchor_lines,
                        line,
                        "",
                        say("yaml-too-deep", limit=MAX_DEPTH),
                    )
                container = LineList() if is_list else LineDict()
                container.line = line
                parent = stack[-1] if stack else None
                in_mapping = parent is not None and isinstance(parent.value, LineDict)
                stack.append(
                    _Open(container, mark, parent.child_path() if parent else "", parent.key_line if parent is not None and in_mapping else line)
                )  # `members:`, not its first item
                continue
        if not stack:  # the document's top value is complete
            break
        parent = stack[-1]
        if parent.key is _NO_KEY or isinstance(parent.value, LineList):
            parent.count += 1
            if parent.count > MAX_ITEMS:
                too_many = "yaml-too-many-items" if isinstance(parent.value, LineList) else "yaml-too-many-keys"
                raise _refused(anchor_lines, parent.shown_line, parent.path, say(too_many, limit=MAX_ITEMS))
        if isinstance(parent.value, LineList):
            parent.value.append(value)
            parent.value.item_lines.append(line)
        elif parent.key is _NO_KEY:
            if not isinstance(value, _KEY_TYPES):
                raise yaml.constructor.ConstructorError(None, None, "a key must be plain text", mark)
            parent.key, parent.key_line = value, line
        else:
            mapping, key = parent.value, parent.key
            if key in mapping:
                mapping.duplicates.append((key, parent.key_line))
            mapping[key] = value
            mapping.key_lines[key] = parent.key_line
            parent.key = _NO_KEY
    loader.get_event()  # DocumentEndEvent
    if not loader.check_event(yaml.StreamEndEvent):
        extra = loader.get_event()
        raise yaml.composer.ComposerError("expected a single document in the stream", document.start_mark, "but found another document", extra.start_mark)
    if anchor_lines:
        raise _refused(anchor_lines)
    return value


def _refused(anchor_lines: set[int], line: int = 0, field_name: str = "", message: Message | None = None) -> RefusedYaml:
    """The refusal to raise: a limit crossed at `line` (if given) and every anchor or alias seen so far."""
    refusals = [(anchor_line, "", ANCHORS_REFUSED) for anchor_line in sorted(anchor_lines)]
    return RefusedYaml(refusals + [(line, field_name, message)] if message else refusals)


def parse_yaml(text: str, first_line: int = 1) -> Any:
    """Parse YAML text safely, with line tracking; raises yaml.YAMLError or
    RefusedYaml (anchors, aliases, or beyond a limit in clustersite.text.limits)."""
    loader = _LineSafeLoader(text)
    try:
        return _build(loader, first_line)
    finally:
        loader.dispose()


UNREADABLE = object()
"""Returned by parse_reported when the text is not valid YAML (already reported)."""


def read_text(path: Path, shown_as: str, problems: Problems, kind: str = "data-files") -> str | None:
    """The file's text; None (and a problem) when it is too large or not UTF-8.
    `kind` names what the size limit is for, in the message."""
    size = path.stat().st_size
    if size > MAX_FILE_BYTES:  # checked before reading, so a huge file is never loaded
        problems.add(shown_as, 1, "", file_too_large(size, kind))
        return None
    try:
        text = path.read_text(encoding="utf-8")
    except UnicodeDecodeError:
        problems.add(shown_as, 1, "", say("not-utf8"))
        return None
    if text.startswith("\ufeff"):  # some Windows editors add it; MkDocs would read it as part of the first line
        problems.add(shown_as, 1, "", say("bom"))
        text = text[1:]  # read on, so the file's other problems are listed too
    return text


def parse_reported(text: str, shown_as: str, problems: Problems, first_line: int = 1) -> Any:
    """Parse YAML; report syntax errors and repeated keys. UNREADABLE on a syntax error."""
    try:
        data = parse_yaml(text, first_line)
    except yaml.MarkedYAMLError as error:
        tabs = [number for number, line in enumerate(text.splitlines(), start=first_line) if "\t" in line[: len(line) - len(line.lstrip(" \t"))]]
        if tabs:  # YAML forbids tabs in indentation; libyaml's wording does not say so
            for number in tabs:
                problems.add(shown_as, number, "", say("tab", line=number))
            return UNREADABLE
        line, message = _yaml_message(error, first_line)
        problems.add(shown_as, line, "", message)
        return UNREADABLE
    except yaml.YAMLError as error:
        problems.add(shown_as, first_line, "", say("yaml-other", reason=str(error)))
        return UNREADABLE
    except RefusedYaml as refused:
        for line, field_name, message in refused.refusals:
            problems.add(shown_as, line, field_name, message)
        return UNREADABLE
    report_duplicates(data, shown_as, problems)
    return data


YAML_PROBLEMS = (  # libyaml's words (problem, then context) -> the catalogue's plain ones
    ("while scanning a quoted scalar", "yaml-unclosed-quote"),
    ("while scanning an alias", "yaml-star"),
    ("found unknown escape character", "yaml-escape"),
    ("did not find expected ',' or ']'", "yaml-flow-list"),
    ("did not find expected ',' or '}'", "yaml-flow-mapping"),
    ("did not find expected '-' indicator", "yaml-no-dash"),
    ("did not find expected key", "yaml-no-key"),
    ("mapping values are not allowed", "yaml-colon"),
    ("found character that cannot start any token", "yaml-bad-start"),
    ("could not determine a constructor for the tag", "yaml-tag"),
    ("directive", "yaml-directive"),
    ("expected a single document", "yaml-two-documents"),
    ("a key must be plain text", "yaml-key-not-text"),
)


def _yaml_message(error: yaml.MarkedYAMLError, first_line: int) -> tuple[int, Message]:
    """The line and plain words for libyaml's error. An unclosed quote is
    reported where it opens, not at the end of the file where the parser
    gave up; a bracket that is never closed names the line it opened on."""
    mark = error.problem_mark or error.context_mark
    line = mark.line + first_line if mark else first_line
    said = f"{error.problem or ''} | {error.context or ''}"
    start = error.context_mark.line + first_line if error.context_mark else line
    for words, message_id in YAML_PROBLEMS:
        if words in said:
            if message_id == "yaml-unclosed-quote":
                line = start
            return line, say(message_id, start=start)
    reason = error.problem or error.context or "unreadable YAML"
    if error.context and error.context_mark and start != line:
        reason += f" ({error.context} that starts on line {start})"
    return line, say("yaml-other", reason=reason)


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
            problems.add(shown_as, line, str(key), say("given-twice"))
        for value in data.values():
            report_duplicates(value, shown_as, problems)
    elif isinstance(data, LineList):
        for value in data:
            report_duplicates(value, shown_as, problems)
