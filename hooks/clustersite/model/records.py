"""Typed records from pydantic v2, and the error map that turns pydantic's
errors into editors' problems.

A content type is a pydantic model (`Record`): `extra="forbid"`, frozen,
fields typed. Its leaves are the checks in fields.py, attached with `leaf`:
each runs as a before-validator and, when it refuses a value, raises a
`PydanticCustomError` that carries the editor's message. A field's help
(English and Lithuanian, and an example for the scaffold) is `Help`
metadata, which also writes the JSON Schema's description. Vocabularies
and the build date reach the checks through the validation context.

`validate` runs a model over a file's data and maps every error back to
`file:line: field: message`, with the line from the YAML reader's
LineDict/LineList (the spirit of Astro's `error-map.ts`): pydantic's own
error types (missing, extra_forbidden, model_type, ...) become the
catalogue's messages, and the checks' messages pass through as they are.
Every problem of a file is found in one run.
"""

from __future__ import annotations

import functools
import os
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass
from typing import Annotated, Any, TypeVar, get_args, get_origin

# The site uses no pydantic plugins; looking for them scans every installed
# package's entry points, 20 ms of each `make check` (pydantic reads this
# setting when the first model is made).
os.environ.setdefault("PYDANTIC_DISABLE_PLUGINS", "__all__")

from pydantic import (
    AfterValidator,
    BaseModel,
    BeforeValidator,
    ConfigDict,
    GetJsonSchemaHandler,
    PrivateAttr,
    ValidationError,
    ValidationInfo,
    create_model,
)
from pydantic_core import CoreSchema, PydanticCustomError, core_schema

from clustersite.model.fields import INVALID, Context, MarkdownStr, Spec, Str, Text, Where, did_you_mean
from clustersite.source.body_links import link_targets
from clustersite.source.raw_html import find_unsafe_markup
from clustersite.source.site_paths import SiteLink, is_site_path
from clustersite.text.localized import LocalizedText
from clustersite.text.messages import Message, say
from clustersite.text.problems import Problem, describe

EDITOR = "editor"
"""The error type of a check's refusal; its context holds the message, or a list of (sub-location, message)."""


class Record(BaseModel):
    """A record read from content: only the fields the model names, never changed after."""

    model_config = ConfigDict(extra="forbid", frozen=True, arbitrary_types_allowed=True, validate_default=False)


def private(model: BaseModel, name: str) -> Any:
    """A private attribute's value, read where pydantic keeps it: `model._x`
    first fails the usual lookup, then pydantic's `__getattr__` finds it, a
    few microseconds each time. A slug and a label's date are asked for
    hundreds of thousands of times a build at 1,000 clusters (it was 3% of
    the build)."""
    values = model.__pydantic_private__
    assert values is not None, "a model with private attributes has them from its creation"
    return values[name]


class FileRecord(Record):
    """A record read from one file (a cluster's, an entry's Lithuanian one):
    where it came from, set by its loader, not by the file."""

    _slug: str = PrivateAttr(default="")
    _path: str = PrivateAttr(default="")

    @property
    def slug(self) -> str:
        """The file's name without its suffix: the page's address."""
        return private(self, "_slug")

    @property
    def path(self) -> str:
        """The file, relative to the repository."""
        return private(self, "_path")


@dataclass(frozen=True)
class Help:
    """A field's description in both languages, for editors (the JSON Schema,
    the scaffold), an example for the scaffold, and, where the editor's words
    are instructions, what the field means for people who use the open data."""

    en: str
    lt: str
    example: str | None = None
    data: Text | None = None

    @property
    def text(self) -> Text:
        return Text(self.en, self.lt)

    @property
    def for_data(self) -> Text:
        return self.data or self.text

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        found = handler(schema)
        found["description"] = f"{self.en}\n\n{self.lt}"
        return found


def refuse(message: Message, at: Sequence[str | int] = ()) -> PydanticCustomError:
    """The error a check raises: `message` (from the catalogue) at `at` below the value."""
    return PydanticCustomError(EDITOR, "{message}", {"problems": [(tuple(at), message)], "message": str(message)})


def refuse_all(found: Sequence[tuple[Sequence[str | int], Message]]) -> PydanticCustomError:
    return PydanticCustomError(EDITOR, "{message}", {"problems": [(tuple(at), m) for at, m in found], "message": "; ".join(map(str, (m for _, m in found)))})


def context(info: ValidationInfo) -> Context:
    assert isinstance(info.context, dict) and "ctx" in info.context, "validate with context={'ctx': Context}"
    ctx: Context = info.context["ctx"]
    return ctx


_NOWHERE: dict[str, Where] = {}


def _run(spec: Spec, value: Any, info: ValidationInfo) -> Any:
    if value is None:  # a required field written but left empty (an optional one never gets here)
        raise refuse(say("empty-required"))
    ctx: Context = info.context["ctx"]  # type: ignore[index]
    name = info.field_name or ""
    where = _NOWHERE.get(name) or _NOWHERE.setdefault(name, Where("", 0, name))
    items, warnings = ctx.problems.items, ctx.problems.warnings
    reported, warned = len(items), len(warnings)
    clean = spec.check(value, where, ctx)
    refused = items[reported:]
    if refused or len(warnings) > warned:
        # The check reports without knowing where the value is: the error map places it.
        del items[reported:], warnings[warned:]
    if clean is INVALID:
        raise refuse(refused[-1].message if refused else say("empty-required"))
    return clean


@dataclass(frozen=True)
class Check:
    """A check from fields.py as the whole validation of a field:
    `Annotated[str, Check(Str(max_length=80))]`. The annotation's type is
    what the check returns; the JSON Schema is the check's own."""

    spec: Spec

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        return core_schema.with_info_plain_validator_function(functools.partial(_run, self.spec))

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        return dict(self.spec.json_schema())


def _list_checks(min_items: int, required: bool, empty: Message | None, value: Any) -> Any:
    if value is None:  # written but left blank: a required list is empty, an optional one absent
        if required:
            raise refuse(empty or say("empty-required"))
        return ()
    if not isinstance(value, list):
        if isinstance(value, str | int | dict):
            raise refuse(say("expected-list-items", got=describe(value)))
        raise refuse(say("expected-list", got=describe(value)))
    if not value:  # `[]`: what the editing interface (/admin/) writes for an optional list left empty
        if min_items:
            raise refuse(empty or say("empty-list-required"))
        return ()
    if len(value) < min_items:
        raise refuse(say("too-few-items", count=min_items))
    return value


def _unique(value: tuple[Any, ...]) -> tuple[Any, ...]:
    seen: set[Any] = set()
    twice = []
    for index, item in enumerate(value):
        if isinstance(item, str):
            if item in seen:
                twice.append(((index,), say("listed-twice", got=describe(item))))
            seen.add(item)
    if twice:
        raise refuse_all(twice)
    return value


@dataclass(frozen=True)
class _ListSchema:
    min_items: int
    unique: bool

    def __get_pydantic_json_schema__(self, schema: CoreSchema, handler: GetJsonSchemaHandler) -> dict[str, Any]:
        found = handler(schema)
        found |= {"minItems": self.min_items} if self.min_items else {}
        found |= {"uniqueItems": True} if self.unique else {}
        return found


def list_checks(min_items: int = 0, unique: bool = False, required: bool = False, empty: Message | None = None) -> tuple[Any, ...]:
    """Metadata for a list field: `Annotated[tuple[X, ...], *list_checks(unique=True)]`.
    `empty`: what an editor reads when a list that needs items has none, in
    place of the general "is empty" (say what an item looks like)."""
    checks: tuple[Any, ...] = (BeforeValidator(functools.partial(_list_checks, min_items, required, empty)), _ListSchema(min_items, unique))
    return checks + ((AfterValidator(_unique),) if unique else ())


def json_schema(model: type[BaseModel]) -> dict[str, Any]:
    """The model's JSON Schema for editors' tools: nested models written in
    place, no generated titles, and an optional field described by the schema
    of its value (leaving it out is how a field is left empty)."""
    found = model.model_json_schema()
    found.pop("description", None)  # the model's docstring: the document says what it is
    definitions = found.pop("$defs", {})
    return _tidy(found, definitions)


def _tidy(node: Any, definitions: dict[str, Any]) -> Any:
    if isinstance(node, list):
        return [_tidy(item, definitions) for item in node]
    if not isinstance(node, dict):
        return node
    if "$ref" in node:
        target = definitions[node["$ref"].rsplit("/", 1)[-1]]
        return _tidy({**target, **{k: v for k, v in node.items() if k != "$ref"}}, definitions)
    options = node.get("anyOf")
    if options and {"type": "null"} in options and len(options) == 2:
        value = next(option for option in options if option != {"type": "null"})
        rest = {k: v for k, v in node.items() if k not in ("anyOf", "default")}
        return _tidy({**value, **rest}, definitions)
    tidy = {}
    for key, value in node.items():
        if key in ("title", "default"):
            continue
        if key == "properties":
            tidy[key] = {name: _tidy(schema, definitions) for name, schema in value.items()}
        else:
            tidy[key] = _tidy(value, definitions)
    return tidy


# --- from pydantic's errors to editors' problems -----------------------------

ModelT = TypeVar("ModelT", bound=BaseModel)


def validate(model: type[ModelT], data: Any, where: Where, ctx: Context, **extra: Any) -> ModelT | None:
    """`data` as a `model`, or None after reporting every problem to ctx.problems."""
    try:
        return model.model_validate(data, context={"ctx": ctx, **extra})
    except ValidationError as error:
        for problem in problems(model, error, data, where):
            ctx.problems.add(problem.path, problem.line, problem.field, problem.message)
        return None


def problems(model: type[BaseModel], error: ValidationError, data: Any, where: Where) -> list[Problem]:
    found = []
    for item in error.errors(include_url=False, include_input=True):
        loc = tuple(item["loc"])
        if item["type"] == EDITOR:
            for at, message in item["ctx"]["problems"]:
                found.append(_at(where, data, loc + tuple(at), message))
            continue
        found.append(_at(where, data, loc, _message(model, item, loc), parent_line=item["type"] == "missing"))
    return found


def _message(model: type[BaseModel], item: Any, loc: tuple[Any, ...]) -> Any:
    kind, value = item["type"], item.get("input")
    if kind == "missing":
        return say("missing")
    if kind == "extra_forbidden":
        allowed = list(fields_of(model_at(model, loc[:-1])))
        return say("unknown-field", hint=did_you_mean(loc[-1], allowed), allowed=", ".join(allowed))
    if value is None:
        return say("empty-required")
    if kind in ("model_type", "model_attributes_type", "dict_type"):
        name = next((key for key in reversed(loc) if isinstance(key, str)), "")
        return say("expected-fields", fields=", ".join(fields_of(model_at(model, loc))), got=describe(value), name=name)
    return say("not-valid-here", detail=item["msg"], got=describe(value))  # none expected: every leaf has a check


def _at(where: Where, data: Any, loc: tuple[Any, ...], message: Any, parent_line: bool = False) -> Problem:
    """The problem at `loc` in `data`, with the line the YAML reader recorded."""
    line, node, field = where.line, data, where.field
    for position, key in enumerate(loc):
        last = position == len(loc) - 1
        if isinstance(key, int):
            field = f"{field}[{key}]"
            line = node.line_of(key) if hasattr(node, "line_of") else line
            node = node[key] if isinstance(node, list) and key < len(node) else None
        else:
            field = f"{field}.{key}" if field else str(key)
            if last and parent_line:  # a missing key: the line of the mapping it belongs in
                line = getattr(node, "line", 0) or line
            else:
                line = node.line_of(key) if hasattr(node, "line_of") else line
            node = node.get(key) if isinstance(node, dict) else None
    return Problem(where.path, line, field, message)


# --- reading a model's fields -----------------------------------------------


def fields_of(model: type[BaseModel]) -> dict[str, Any]:
    return dict(model.model_fields)


def model_at(model: type[BaseModel], loc: Sequence[Any]) -> type[BaseModel]:
    """The model class that validates the mapping at `loc` (list positions skipped)."""
    current: Any = model
    for key in loc:
        if not isinstance(key, int):
            current = field_model(current.model_fields[key])
    return current


def field_model(field: Any) -> Any:
    """The model (or type) a field's value is validated as."""
    marker = next((m for m in metadata(field) if isinstance(m, AsLocalized)), None)
    if marker is not None:
        return localized_input(marker.max_length, marker.required, marker.markdown)
    return inner_model(field.annotation)


def inner_model(annotation: Any) -> Any:
    """The model inside `X | None`, `tuple[X, ...]`, `Annotated[X, ...]`."""
    while True:
        origin = get_origin(annotation)
        if origin is Annotated:
            annotation = get_args(annotation)[0]
        elif origin is tuple or origin is list:
            annotation = get_args(annotation)[0]
        elif origin is not None and type(None) in get_args(annotation):
            annotation = next(a for a in get_args(annotation) if a is not type(None))
        else:
            return annotation


@functools.cache  # a model's fields live as long as the model: the open data set asks 100,000 times at 1,000 clusters
def metadata(field: Any) -> tuple[Any, ...]:
    """A field's metadata, also from inside `Annotated[X, ...] | None`."""
    found = list(field.metadata)
    pending = [field.annotation]
    while pending:
        annotation = pending.pop()
        if get_origin(annotation) is Annotated:
            found += list(get_args(annotation)[1:])
            pending.append(get_args(annotation)[0])
        elif get_origin(annotation) is not None:
            pending += list(get_args(annotation))
    return tuple(found)


def is_sequence(annotation: Any) -> bool:
    """Whether a field holds a list (`tuple[X, ...]`, also inside `Annotated` or `| None`)."""
    while get_origin(annotation) is not None and get_origin(annotation) not in (tuple, list):
        annotation = next((a for a in get_args(annotation) if a is not type(None)), None)
    return get_origin(annotation) in (tuple, list)


def help_of(field: Any) -> Help | None:
    return next((m for m in metadata(field) if isinstance(m, Help)), None)


def spec_of(field: Any) -> Spec | None:
    """The check a leaf field runs (fields.py), for the scaffold's examples."""
    return next((m.spec for m in metadata(field) if isinstance(m, Check)), None)


# --- text in two languages ---------------------------------------------------


@dataclass(frozen=True)
class AsLocalized:
    """`Annotated[LocalizedText, AsLocalized(150)]`: a mapping {lt, en} checked
    like any record (unknown keys, lengths, Markdown), kept as LocalizedText."""

    max_length: int | None = None
    required: bool = True
    markdown: bool = False

    def __get_pydantic_core_schema__(self, source: Any, handler: Any) -> CoreSchema:
        inner = localized_input(self.max_length, self.required, self.markdown)
        return core_schema.no_info_after_validator_function(lambda m: LocalizedText(m.lt, m.en), handler.generate_schema(inner))


@functools.cache
def localized_input(max_length: int | None, required: bool, markdown: bool) -> type[Record]:
    check = MarkdownStr(max_length=max_length) if markdown else Str(max_length=max_length)
    text = Annotated[str, Check(check)]
    lt_help = Help("Lithuanian text.", "Tekstas lietuviškai.")
    en_help = Help("English text; if missing, the Lithuanian text is shown with a note.", "Tekstas angliškai; jei jo nėra, rodomas lietuviškas su pastaba.")
    lt: Any = (Annotated[text, lt_help], ...) if required else (Annotated[text | None, lt_help], None)
    name = f"Localized{'Markdown' if markdown else 'Text'}{max_length or ''}{'' if required else 'Optional'}"
    return create_model(name, __base__=Record, lt=lt, en=(Annotated[text | None, en_help], None))


def markdown_warnings(record: BaseModel, data: Any, where: Where, ctx: Context) -> None:
    """Raw HTML and unsafe links in a record's Markdown texts, as warnings at
    their fields' lines (the text is rendered safely, so the build goes on).
    Links to the site's pages are collected as site paths; a relative link
    is an error, as a data-file text has no folder it could be relative to."""
    for loc, value in _markdown_values(record, ()):
        for lang in ("lt", "en"):
            text = getattr(value, lang)
            for finding in find_unsafe_markup(text) if text else ():
                problem = _at(where, data, (*loc, lang), finding.message)
                ctx.problems.warn(problem.path, problem.line, problem.field, problem.message)
            for offset, target in link_targets(text) if text else ():
                if re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:|#", target):
                    continue  # a web or e-mail address (unsafe schemes are reported above), or an anchor
                at = _at(where, data, (*loc, lang), "")
                line = at.line + (1 + offset if "\n" in text.strip() else 0)  # a block text starts below its key
                if is_site_path(target):
                    ctx.site_links.append(SiteLink(at.path, line, at.field, target))
                else:
                    ctx.problems.add(at.path, line, at.field, say("link-not-site-path", got=describe(target)))


def _markdown_values(record: BaseModel, loc: tuple[Any, ...]) -> Iterator[tuple[tuple[Any, ...], LocalizedText]]:
    texts, nested = _markdown_plan(type(record))
    for name in texts:
        value = getattr(record, name)
        if isinstance(value, LocalizedText):
            yield (*loc, name), value
    for name in nested:
        value = getattr(record, name)
        for index, item in enumerate(value) if isinstance(value, tuple) else [(None, value)]:
            if isinstance(item, BaseModel):
                yield from _markdown_values(item, (*loc, name) if index is None else (*loc, name, index))


@functools.cache
def _markdown_plan(model: type[BaseModel]) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """A model's Markdown text fields, and its fields holding models that have some (worked out once)."""
    texts, nested = [], []
    for name, field in model.model_fields.items():
        marker = next((m for m in metadata(field) if isinstance(m, AsLocalized)), None)
        inner = inner_model(field.annotation)
        if marker is not None and marker.markdown:
            texts.append(name)
        elif isinstance(inner, type) and issubclass(inner, BaseModel) and any(_markdown_plan(inner)):
            nested.append(name)
    return tuple(texts), tuple(nested)
