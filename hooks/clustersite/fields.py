"""A small declarative schema: each content type is a tree of these specs.

A spec validates one value and returns it cleaned (or INVALID after
reporting why). The same tree documents the content model and can describe
itself as JSON Schema, so the build, editors' tools and the docs share one
definition.

Messages are written for editors: what is wrong, what was found, how to fix.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import difflib
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Any, Callable, Mapping, Sequence
from urllib.parse import urlsplit

from .dates import VILNIUS
from .problems import Problems, describe
from .yaml_source import LineDict, LineList

INVALID = object()
"""Returned by a spec when the value was reported as a problem."""

SLUG = r"[a-z0-9]+(?:-[a-z0-9]+)*"
"""File names that become page addresses, and vocabulary keys: a-z, 0-9, single hyphens."""


@dataclass(frozen=True)
class Where:
    """Where a value sits: file, line and dotted field path."""

    path: str
    line: int
    field: str = ""

    def key(self, name: str, line: int) -> Where:
        return Where(self.path, line, f"{self.field}.{name}" if self.field else name)

    def item(self, index: int, line: int) -> Where:
        return Where(self.path, line, f"{self.field}[{index}]")


@dataclass
class Context:
    """What validation needs besides the value itself."""

    problems: Problems
    build_date: dt.date
    repo_root: Path
    vocabularies: Mapping[str, Mapping[str, Any]]

    def report(self, where: Where, message: str) -> object:
        self.problems.add(where.path, where.line, where.field, message)
        return INVALID


@dataclass(frozen=True)
class Text:
    """A description in both languages, for JSON Schema and the docs."""

    en: str
    lt: str


class Spec:
    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        raise NotImplementedError

    def build(self, clean: Any, ctx: Context | None = None) -> Any:
        """The typed value templates use, from a checked value."""
        return clean

    def empty(self) -> Any:
        """The typed value of an absent optional field."""
        return None

    def json_schema(self) -> dict[str, Any]:
        raise NotImplementedError


def _with_description(schema: dict[str, Any], description: Text | None) -> dict[str, Any]:
    if description:
        schema["description"] = f"{description.en}\n\n{description.lt}"
    return schema


class Str(Spec):
    def __init__(self, max_length: int | None = None, pattern: str | None = None, pattern_hint: str = ""):
        self.max_length = max_length
        self.pattern = re.compile(pattern) if pattern else None
        self.pattern_hint = pattern_hint

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if isinstance(value, (int, float)) and not isinstance(value, bool):
            value = str(value)
        if not isinstance(value, str):
            return ctx.report(where, f"expected text (got {describe(value)})")
        value = value.strip()
        if not value:
            return ctx.report(where, "is empty; write the text or remove the field")
        if self.max_length and len(value) > self.max_length:
            return ctx.report(
                where,
                f"too long: {len(value)} characters, at most {self.max_length} allowed; shorten it",
            )
        if self.pattern and not self.pattern.fullmatch(value):
            return ctx.report(where, f"{self.pattern_hint} (got {describe(value)})")
        return value

    def json_schema(self) -> dict[str, Any]:
        schema: dict[str, Any] = {"type": "string", "minLength": 1}
        if self.max_length:
            schema["maxLength"] = self.max_length
        if self.pattern:
            schema["pattern"] = f"^(?:{self.pattern.pattern})$"
        return schema


class Url(Spec):
    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if not isinstance(value, str):
            return ctx.report(where, f"expected a web address (got {describe(value)})")
        parts = urlsplit(value.strip())
        if parts.scheme not in ("http", "https") or not parts.netloc or " " in value.strip():
            return ctx.report(
                where,
                f"not a web address (got {describe(value)}); write it in full, starting with https://",
            )
        return value.strip()

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "uri", "pattern": "^https?://[^\\s/]+"}


class Email(Spec):
    _shape = re.compile(r"[^@\s]+@[^@\s]+\.[^@\s]+")

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if not isinstance(value, str) or not self._shape.fullmatch(value.strip()):
            return ctx.report(
                where, f"not an e-mail address (got {describe(value)}); write it as name@example.lt"
            )
        return value.strip()

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "format": "email"}


class Bool(Spec):
    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if not isinstance(value, bool):
            return ctx.report(where, f"expected true or false (got {describe(value)})")
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "boolean"}


class Number(Spec):
    def __init__(self, minimum: float, maximum: float, integer: bool = False, unit_hint: str = ""):
        self.minimum, self.maximum, self.integer, self.unit_hint = minimum, maximum, integer, unit_hint

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        kinds = (int,) if self.integer else (int, float)
        if isinstance(value, bool) or not isinstance(value, kinds):
            noun = "a whole number" if self.integer else "a number"
            return ctx.report(where, f"expected {noun} (got {describe(value)})")
        if not self.minimum <= value <= self.maximum:
            return ctx.report(
                where,
                f"out of range (got {value}); expected {self.minimum} to {self.maximum}{self.unit_hint}",
            )
        return value

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "integer" if self.integer else "number",
            "minimum": self.minimum,
            "maximum": self.maximum,
        }


class Year(Spec):
    """A year from 1900 up to the build year."""

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if isinstance(value, bool) or not isinstance(value, int):
            return ctx.report(where, f"expected a year such as 2011 (got {describe(value)})")
        if value > ctx.build_date.year:
            return ctx.report(where, f"is in the future (got {value}); give the year it happened")
        if value < 1900:
            return ctx.report(where, f"too early (got {value}); give a year from 1900 on")
        return value

    def json_schema(self) -> dict[str, Any]:
        return {"type": "integer", "minimum": 1900}


class Date(Spec):
    """A calendar date written YYYY-MM-DD (or a bare year where allowed)."""

    def __init__(self, allow_year: bool = False, not_future: bool = True):
        self.allow_year, self.not_future = allow_year, not_future

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if isinstance(value, dt.datetime):
            value = value.date()
        if self.allow_year and isinstance(value, int) and not isinstance(value, bool):
            if not 1900 <= value <= 2100:
                return ctx.report(where, f"not a year (got {value})")
            if self.not_future and value > ctx.build_date.year:
                return ctx.report(where, f"is in the future (got {value})")
            return value
        if not isinstance(value, dt.date):
            shape = "a date as YYYY-MM-DD" + (", or a year alone" if self.allow_year else "")
            return ctx.report(where, f"expected {shape} (got {describe(value)})")
        if self.not_future and value > ctx.build_date:
            return ctx.report(where, f"is in the future (got {value.isoformat()})")
        return value

    def json_schema(self) -> dict[str, Any]:
        date = {"type": "string", "format": "date"}
        if self.allow_year:
            return {"anyOf": [date, {"type": "integer", "minimum": 1900, "maximum": 2100}]}
        return date


class DateTime(Spec):
    """A date (all-day) or a date and time in Vilnius time: 2024-10-03 or 2024-10-03 10:00."""

    _pattern = re.compile(r"(\d{4}-\d{2}-\d{2})[ T](\d{1,2}:\d{2})")

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if isinstance(value, dt.datetime):
            return value if value.tzinfo else value.replace(tzinfo=VILNIUS)
        if isinstance(value, dt.date):
            return value
        if isinstance(value, str) and (match := self._pattern.fullmatch(value.strip())):
            try:
                return dt.datetime.fromisoformat(f"{match[1]}T{int(match[2][:-3]):02d}{match[2][-3:]}").replace(tzinfo=VILNIUS)
            except ValueError:
                pass
        return ctx.report(where, f"expected a date as YYYY-MM-DD or a date and time as YYYY-MM-DD HH:MM (got {describe(value)})")

    def json_schema(self) -> dict[str, Any]:
        return {"anyOf": [{"type": "string", "format": "date"}, {"type": "string", "pattern": r"^\d{4}-\d{2}-\d{2}[ T]\d{1,2}:\d{2}$"}]}


class Choice(Spec):
    """One of a fixed set of words (or of a vocabulary's keys, looked up at check time)."""

    def __init__(self, choices: Sequence[str] = (), vocabulary: str = "", noun: str = "value", listed_in: str = ""):
        self.choices, self.vocabulary, self.noun = tuple(choices), vocabulary, noun
        self.listed_in = listed_in  # where to look, for vocabularies too long to print

    def allowed(self, ctx: Context) -> list[str]:
        return list(ctx.vocabularies[self.vocabulary]) if self.vocabulary else list(self.choices)

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        allowed = self.allowed(ctx)
        if value in allowed:
            return value
        hint = did_you_mean(value, allowed)
        choices = f"use one of: {', '.join(allowed)}" if not self.listed_in else f"use one listed in {self.listed_in}"
        return ctx.report(where, f"unknown {self.noun} (got {describe(value)}); {hint}{choices}")

    def json_schema(self) -> dict[str, Any]:
        if self.vocabulary:
            return {"type": "string", "x-vocabulary": self.vocabulary}
        return {"type": "string", "enum": list(self.choices)}


class RepoFile(Spec):
    """A path to a file inside the repository, written relative to its root."""

    def __init__(self, suffixes: Sequence[str]):
        self.suffixes = tuple(suffixes)

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if not isinstance(value, str) or not value.strip():
            return ctx.report(where, f"expected a file path such as data/logos/x.svg (got {describe(value)})")
        relative = Path(value.strip())
        root = ctx.repo_root.resolve()
        target = (root / relative).resolve()
        if relative.is_absolute() or not target.is_relative_to(root):
            return ctx.report(
                where, f"must point inside the repository (got {describe(value)}); use a path like data/logos/x.svg"
            )
        if target.suffix.lower() not in self.suffixes:
            return ctx.report(
                where, f"not an image file (got {describe(value)}); use one of: {', '.join(self.suffixes)}"
            )
        if not target.is_file():
            return ctx.report(where, f"no such file (got {describe(value)}); add the file or fix the path")
        return target.relative_to(root).as_posix()

    def json_schema(self) -> dict[str, Any]:
        return {"type": "string", "pattern": "^[^/].*\\.(" + "|".join(s[1:] for s in self.suffixes) + ")$"}


@dataclass(frozen=True)
class Field:
    """One field, declared once: its check, its typed value (from the spec),
    its JSON Schema and its line in the scaffold all come from here."""

    name: str
    spec: Spec
    required: bool = False
    description: Text | None = None
    example: str | None = None  # shown, commented out, in `make new-...` templates


class Obj(Spec):
    """A mapping with known fields; unknown keys are errors, with a hint.

    Checked, it becomes a record: a frozen dataclass made from the fields
    themselves (`name`), so no field is spelled twice. `base` adds derived
    properties; `leading` names values the caller passes to `build` (a
    file's slug and path); `from_context` computes values from the build
    context (the build date a label's validity depends on). `record`
    replaces the dataclass with any callable taking the same keywords.
    """

    def __init__(self, fields: Sequence[Field], noun: str = "", rule: Callable[..., None] | None = None, *,
                 name: str = "Record", base: type = object, leading: Sequence[str] = (),
                 from_context: Mapping[str, Callable[[Context], Any]] | None = None,
                 record: Callable[..., Any] | None = None):
        self.fields = {f.name: f for f in fields}
        self.noun = noun
        self.rule = rule
        self.from_context = dict(from_context or {})
        self.record = record or record_type(name, self, base, (*leading, *self.from_context))

    def build(self, clean: Any, ctx: Context | None = None, **leading: Any) -> Any:
        values = {name: compute(ctx) for name, compute in self.from_context.items()}
        for name, field in self.fields.items():
            values[name] = field.spec.build(clean[name], ctx) if name in clean else field.spec.empty()
        return self.record(**leading, **values)

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if not isinstance(value, dict):
            expected = ", ".join(self.fields)
            return ctx.report(where, f"expected fields ({expected}) (got {describe(value)})")
        lines = value if isinstance(value, LineDict) else LineDict(value)
        cleaned: dict[str, Any] = {}
        failed = False
        for key, item in value.items():
            item_where = where.key(str(key), lines.line_of(key))
            field = self.fields.get(key)
            if field is None:
                hint = did_you_mean(key, list(self.fields))
                ctx.report(item_where, f"unknown field; {hint}allowed here: {', '.join(self.fields)}")
                failed = True
                continue
            if item is None:
                if field.required:
                    ctx.report(item_where, "is empty; fill it in")
                    failed = True
                continue  # an empty optional field is the same as an absent one
            result = field.spec.check(item, item_where, ctx)
            if result is INVALID:
                failed = True
            else:
                cleaned[key] = result
        for name, field in self.fields.items():
            if field.required and name not in value:
                ctx.report(where.key(name, lines.line or where.line), "missing; this field is required")
                failed = True
        if failed:
            return INVALID
        if self.rule:
            before = len(ctx.problems)
            self.rule(cleaned, lines, where, ctx)
            if len(ctx.problems) > before:
                return INVALID
        return cleaned

    def json_schema(self) -> dict[str, Any]:
        return {
            "type": "object",
            "additionalProperties": False,
            "required": [n for n, f in self.fields.items() if f.required],
            "properties": {
                n: _with_description(f.spec.json_schema(), f.description) for n, f in self.fields.items()
            },
        }


class ListOf(Spec):
    def __init__(self, item: Spec, min_items: int = 0, unique: bool = False):
        self.item, self.min_items, self.unique = item, min_items, unique

    def build(self, clean: Any, ctx: Context | None = None) -> tuple:
        return tuple(self.item.build(item, ctx) for item in clean)

    def empty(self) -> tuple:
        return ()

    def check(self, value: Any, where: Where, ctx: Context) -> Any:
        if not isinstance(value, list):
            if isinstance(value, (str, int, dict)):
                return ctx.report(where, f"expected a list (got {describe(value)}); start each item with '- '")
            return ctx.report(where, f"expected a list (got {describe(value)})")
        if len(value) < self.min_items:
            return ctx.report(where, f"needs at least {self.min_items} item(s)")
        lines = value if isinstance(value, LineList) else LineList(value)
        cleaned, failed, seen = [], False, set()
        for index, item in enumerate(value):
            item_where = where.item(index, lines.line_of(index))
            result = self.item.check(item, item_where, ctx)
            if result is INVALID:
                failed = True
                continue
            if self.unique and isinstance(result, str):
                if result in seen:
                    ctx.report(item_where, f"listed twice (got {describe(result)}); keep one")
                    failed = True
                seen.add(result)
            cleaned.append(result)
        return INVALID if failed else cleaned

    def json_schema(self) -> dict[str, Any]:
        schema = {"type": "array", "items": self.item.json_schema()}
        if self.min_items:
            schema["minItems"] = self.min_items
        if self.unique:
            schema["uniqueItems"] = True
        return schema


def record_type(name: str, obj: Obj, base: type = object, leading: Sequence[str] = ()) -> type:
    """A frozen dataclass with `leading` fields (required, not from the file)
    followed by one field per schema field, defaulting to its empty value.
    `base` adds derived properties; it must not declare fields itself."""
    fields_ = [(lead, Any) for lead in leading]
    for field_name, field in obj.fields.items():
        fields_.append((field_name, Any, dataclasses.field(default=field.spec.empty())))
    return dataclasses.make_dataclass(name, fields_, bases=(base,), frozen=True)


def did_you_mean(value: Any, choices: Sequence[str]) -> str:
    if not isinstance(value, str):
        return ""
    close = difflib.get_close_matches(value, list(choices), n=1, cutoff=0.6)
    return f'did you mean "{close[0]}"? ' if close else ""
