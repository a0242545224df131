"""The commented YAML template `make new-cluster` writes, made from the model.

Required fields are written empty, to fill in (`make check` says which are
still empty); optional ones are commented out with an example. Each line
carries the field's description, Lithuanian first, so adding a field to the
model adds it here too.
"""

from __future__ import annotations

from typing import Any

from pydantic import BaseModel

from clustersite.model.fields import Bool, Choice, Date, Email, Number, RepoFile, Spec, Url, Year
from clustersite.model.records import field_model, help_of, is_sequence, spec_of

COMMENT_COLUMN = 28


def _example(spec: Spec | None) -> str:
    if isinstance(spec, Url):
        return "https://"
    if isinstance(spec, Email):
        return "info@example.lt"
    if isinstance(spec, Year):
        return "2011"
    if isinstance(spec, Date):
        return "__TODAY__"
    if isinstance(spec, Bool):
        return "true"
    if isinstance(spec, Number):
        return str(int(spec.minimum)) if spec.integer else str(spec.minimum)
    if isinstance(spec, Choice):
        return spec.choices[0] if spec.choices else f"<data/{spec.vocabulary}.yml>"
    if isinstance(spec, RepoFile):
        return "data/logos/__SLUG__.svg"
    return "..."


def _line(indent: int, text: str, field: Any, commented: bool) -> str:
    help = help_of(field)
    words = help.lt if help else ""
    if field.is_required():
        words = f"PRIVALOMA / REQUIRED. {words}"
    body = ("# " if commented else "") + " " * indent + text
    width = max(COMMENT_COLUMN + body.count("__TODAY__"), len(body) + 1)  # the date is one character longer
    return f"{body.ljust(width)}# {words}".rstrip() if words else body


def _lines(model: type[BaseModel], indent: int, commented: bool, list_item: bool = False) -> list[str]:
    lines = []
    for position, (name, field) in enumerate(model.model_fields.items()):
        off = commented or not field.is_required()
        prefix = "- " if list_item and position == 0 else ("  " if list_item else "")
        inner = field_model(field)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            lines.append(_line(indent, f"{prefix}{name}:", field, off))
            lines += _lines(inner, indent + 2 + len(prefix), off, list_item=is_sequence(field.annotation))
        else:
            help = help_of(field)
            example = (help.example if help else None) or (f"[{_example(spec_of(field))}]" if is_sequence(field.annotation) else _example(spec_of(field)))
            value = "" if field.is_required() and not off else f" {example}"
            lines.append(_line(indent, f"{prefix}{name}:{value}", field, off))
    return lines


def template(model: type[BaseModel], header: str) -> str:
    return header + "\n".join(_lines(model, 0, False)) + "\n"
