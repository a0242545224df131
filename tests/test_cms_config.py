"""The editing interface's configuration (admin/config.yml) against the content model, field by field."""

from __future__ import annotations

import pytest
import yaml
from pydantic import BaseModel

from clustersite.model.cluster_model import Cluster
from clustersite.model.entries import FILES, REQUIRED_SHARED, TEXT_FIELDS
from clustersite.model.fields import Choice, Date, MarkdownStr
from clustersite.model.records import AsLocalized, field_model, help_of, is_sequence, metadata, spec_of
from clustersite.outputs import cms_config
from clustersite.outputs.security_headers import admin_policy
from conftest import REPO

pytestmark = pytest.mark.unit

CONFIG = yaml.safe_load((REPO / "admin" / "config.yml").read_text(encoding="utf-8"))
COLLECTIONS = {c["name"]: c for c in CONFIG["collections"]}


def _compare(model: type[BaseModel], widgets: list[dict], where: str, parent_required: bool = True) -> int:
    """Every field of `model` has its widget, in order, with the model's help and requiredness; returns the count."""
    assert [w["name"] for w in widgets if w["name"] != "body"] == list(model.model_fields), where
    compared = 0
    for widget, (name, field) in zip(widgets, model.model_fields.items(), strict=False):
        at = f"{where}.{name}"
        assert widget["label"] and widget["hint"] == help_of(field).lt, at
        assert widget["required"] == (field.is_required() and parent_required) or name in REQUIRED_SHARED.get(where, ()), at
        inner = field_model(field)
        spec = spec_of(field) or next((m.spec for m in metadata(field) if hasattr(m, "spec")), None)
        if any(isinstance(m, AsLocalized) for m in metadata(field)) or (isinstance(inner, type) and issubclass(inner, BaseModel)):
            sub = widget["fields"] if "fields" in widget else [widget["field"]]
            assert widget["widget"] == ("list" if is_sequence(field.annotation) else "object"), at
            compared += _compare(inner, sub, at, parent_required=widget["required"] or is_sequence(field.annotation))
        elif isinstance(spec, Choice) and spec.vocabulary == "clusters":
            assert (widget["widget"], widget["collection"], widget["multiple"]) == ("relation", "clusters", True), at
        elif isinstance(spec, Choice) and spec.vocabulary:
            terms = yaml.safe_load((REPO / "data" / f"{spec.vocabulary}.yml").read_text(encoding="utf-8"))
            assert widget["widget"] == "select" and [o["value"] for o in widget["options"]] == list(terms), at
            assert [o["label"] for o in widget["options"]] == [t["lt"] for t in terms.values()], at
        elif isinstance(spec, Choice):
            assert widget["widget"] == "select" and [o["value"] for o in widget["options"]] == list(spec.choices), at
        elif isinstance(spec, Date) and not spec.allow_year:
            assert (widget["widget"], widget["format"], widget["time_format"]) == ("datetime", "YYYY-MM-DD", False), at
        elif isinstance(spec, MarkdownStr):
            assert widget["widget"] == "markdown", at
        compared += 1
    return compared


def test_the_configuration_covers_every_field_of_every_content_type_as_the_model_says():
    assert list(COLLECTIONS) == ["clusters", "news", "story", "event"]
    assert _compare(Cluster, COLLECTIONS["clusters"]["fields"], "clusters") > 50
    for kind, model in FILES.items():
        widgets = COLLECTIONS[kind]["fields"]
        assert _compare(model, widgets, kind) >= len(model.model_fields)
        assert {w["name"] for w in widgets if w["i18n"] is True} == {*TEXT_FIELDS, "body"} & {w["name"] for w in widgets}
        assert COLLECTIONS[kind]["folder"] == f"content/{cms_config.urls.SECTIONS[kind]}"
    assert CONFIG["i18n"] == {"structure": "multiple_files", "locales": ["lt", "en"], "default_locale": "lt"}
    assert COLLECTIONS["news"]["slug"] == "{{year}}-{{month}}-{{day}}-{{slug}}"  # the file name the checker wants
    assert CONFIG["locale"] == "lt" and CONFIG["publish_mode"] == "editorial_workflow"


def test_the_committed_configuration_is_the_generated_one():
    assert (REPO / "admin" / "config.yml").read_text(encoding="utf-8") == cms_config.render(cms_config.config(REPO))


def test_the_interface_may_talk_only_to_the_site_github_or_its_local_server():
    for local, hosts in ((False, {"https://api.github.com", "https://avatars.githubusercontent.com"}), (True, {"http://localhost:8081"})):
        policy = dict(part.split(" ", 1) for part in admin_policy(local).split("; "))
        named = {token for value in policy.values() for token in value.split() if token.startswith("http")}
        assert named == hosts
        assert policy["default-src"] == "'self'" and policy["frame-ancestors"] == "'none'" and policy["object-src"] == "'none'"


def _widgets(fields: list[dict], path: str = ""):
    for widget in fields:
        at = f"{path}.{widget['name']}" if path else widget["name"]
        yield at, widget
        yield from _widgets(widget.get("fields") or ([widget["field"]] if "field" in widget else []), at)


def test_a_list_that_needs_items_refuses_none_and_a_new_item_carries_no_empty_value():
    # Decap 3.16 lets an empty required list through unless it has both bounds (its size check
    # clears the "required" error), and writes each field's default into every item an editor adds.
    needs_items = {f"{kind}:{at}" for kind, c in COLLECTIONS.items() for at, w in _widgets(c["fields"]) if w.get("widget") == "list" and "min" in w}
    assert needs_items == {"clusters:sources", "news:sources", "story:sources", "event:sources"}
    for collection in COLLECTIONS.values():
        for at, widget in _widgets(collection["fields"]):
            assert widget.get("default") != "", at  # an empty date the checker would refuse ("accessed" of a new source)
            if widget.get("widget") == "list" and "min" in widget:
                assert (widget["required"], widget["min"], widget["max"]) == (True, 1, 1000), at
