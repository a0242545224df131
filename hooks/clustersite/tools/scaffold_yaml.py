"""The commented YAML template `make new-cluster` writes, made from the schema.

Required fields are written empty, to fill in (`make check` says which are
still empty); optional ones are commented out with an example. Each line
carries the field's description, Lithuanian first, so adding a field to the
schema adds it here too.
"""

from __future__ import annotations

from clustersite.model.fields import Bool, Choice, Date, Email, Field, ListOf, Number, Obj, RepoFile, Spec, Url, Year

COMMENT_COLUMN = 28


def _example(spec: Spec) -> str:
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
    if isinstance(spec, ListOf) and not isinstance(spec.item, Obj):
        return f"[{_example(spec.item)}]"
    return "..."


def _line(indent: int, text: str, field: Field, commented: bool) -> str:
    words = field.description.lt if field.description else ""
    if field.required:
        words = f"PRIVALOMA / REQUIRED. {words}"
    body = ("# " if commented else "") + " " * indent + text
    width = max(COMMENT_COLUMN + body.count("__TODAY__"), len(body) + 1)  # the date is one character longer
    return f"{body.ljust(width)}# {words}".rstrip() if words else body


def _lines(obj: Obj, indent: int, commented: bool, list_item: bool = False) -> list[str]:
    lines = []
    for position, field in enumerate(obj.fields.values()):
        off = commented or not field.required
        prefix = "- " if list_item and position == 0 else ("  " if list_item else "")
        spec = field.spec
        if isinstance(spec, Obj):
            lines.append(_line(indent, f"{prefix}{field.name}:", field, off))
            lines += _lines(spec, indent + 2 + len(prefix), off)
        elif isinstance(spec, ListOf) and isinstance(spec.item, Obj):
            lines.append(_line(indent, f"{prefix}{field.name}:", field, off))
            lines += _lines(spec.item, indent + 2 + len(prefix), off, list_item=True)
        else:
            value = "" if field.required and not off else f" {field.example or _example(spec)}"
            lines.append(_line(indent, f"{prefix}{field.name}:{value}", field, off))
    return lines


def template(obj: Obj, header: str) -> str:
    return header + "\n".join(_lines(obj, 0, False)) + "\n"
