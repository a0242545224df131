"""Compiled templates are kept between builds (outputs/templating.py,
CompiledTemplates): never a template compiled under other settings, never a
stale one after an edit."""

from __future__ import annotations

import jinja2
import pytest

from clustersite.outputs.templating import CompiledTemplates


def _environment(folder, cache: CompiledTemplates, escapes: bool) -> jinja2.Environment:
    return jinja2.Environment(loader=jinja2.FileSystemLoader(str(folder)), autoescape=lambda name: escapes, bytecode_cache=cache)


@pytest.mark.unit
def test_a_template_compiled_without_escaping_is_not_reused_with_it(tmp_path):
    (tmp_path / "page.html").write_text("{{ text }}", encoding="utf-8")
    cache = CompiledTemplates()
    plain = _environment(tmp_path, cache, escapes=False).get_template("page.html").render(text="<b>")
    escaped = _environment(tmp_path, cache, escapes=True).get_template("page.html").render(text="<b>")
    assert (plain, escaped) == ("<b>", "&lt;b&gt;")


@pytest.mark.unit
def test_an_edited_template_is_compiled_again_by_the_next_build(tmp_path):
    page = tmp_path / "page.html"
    page.write_text("first {{ text }}", encoding="utf-8")
    assert _environment(tmp_path, CompiledTemplates(), escapes=True).get_template("page.html").render(text="x") == "first x"
    page.write_text("second {{ text }}", encoding="utf-8")
    # A new process: memory is empty, the disk copy is the first text's.
    assert _environment(tmp_path, CompiledTemplates(), escapes=True).get_template("page.html").render(text="x") == "second x"
