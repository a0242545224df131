"""The package's layers, kept: each subpackage imports only from those below it.

    text → source → model → derived → pages → outputs → tools

(the MkDocs adapter, hooks/site_hooks.py, sits on top). Every import counts,
those under `if TYPE_CHECKING:` and inside functions too, so no cycle can
hide; and nothing in the package imports MkDocs or Material, which only the
adapter and the templates know (docs/ARCHITECTURE.md). This is the contract
import-linter would check, read with the standard library's `ast` so that it
needs no tool of its own.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

pytestmark = pytest.mark.unit

PACKAGE = Path(__file__).resolve().parent.parent / "hooks" / "clustersite"
LAYERS = ("text", "source", "model", "derived", "pages", "outputs", "tools")
FORBIDDEN = ("mkdocs", "material", "mkdocs_static_i18n")


def module_name(path: Path) -> str:
    parts = path.relative_to(PACKAGE.parent).with_suffix("").parts
    return ".".join(parts[:-1] if parts[-1] == "__init__" else parts)


def imports(path: Path) -> set[str]:
    """Every module `path` imports, as absolute dotted names."""
    tree = ast.parse(path.read_text(encoding="utf-8"))
    package = module_name(path) if path.name == "__init__.py" else module_name(path).rsplit(".", 1)[0]
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            found |= {alias.name for alias in node.names}
        elif isinstance(node, ast.ImportFrom):
            base = node.module or ""
            if node.level:
                anchor = package.split(".")[: len(package.split(".")) - node.level + 1]
                base = ".".join([*anchor, base] if base else anchor)
            found.add(base)
            found |= {f"{base}.{alias.name}" for alias in node.names}  # `from pkg import module`
    return found


MODULES = {module_name(path): path for path in sorted(PACKAGE.rglob("*.py"))}
GRAPH = {name: {other for other in imports(path) if other in MODULES and other != name} for name, path in MODULES.items()}


def layer(name: str) -> int | None:
    parts = name.split(".")
    return LAYERS.index(parts[1]) if len(parts) > 1 and parts[1] in LAYERS else None


def test_every_module_is_in_a_layer():
    loose = [name for name in MODULES if name != "clustersite" and layer(name) is None]
    assert loose == []
    assert len({name.split(".")[1] for name in MODULES if layer(name) is not None}) == len(LAYERS) >= 4


def test_each_layer_imports_only_from_below():
    upward = sorted(
        f"{name} imports {other}"
        for name, others in GRAPH.items()
        for other in others
        if layer(name) is not None and layer(other) is not None and layer(other) > layer(name)
    )
    assert upward == []


def test_no_import_cycle():
    cycles, state = [], {}

    def visit(name: str, trail: list[str]) -> None:
        state[name] = "open"
        for other in sorted(GRAPH[name]):
            if state.get(other) == "open":
                cycles.append(" → ".join([*trail[trail.index(other) :], other]))
            elif other not in state:
                visit(other, [*trail, other])
        state[name] = "done"

    for name in sorted(GRAPH):
        if name not in state:
            visit(name, [name])
    assert cycles == []


def test_the_package_does_not_know_mkdocs():
    found = sorted(f"{name}: {other}" for name, path in MODULES.items() for other in imports(path) if other.split(".")[0] in FORBIDDEN)
    assert found == []
