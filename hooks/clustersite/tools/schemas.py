"""JSON Schemas for editors' tools and the editing interface's configuration
(admin/config.yml, outputs/cms_config.py), generated from the schemas the build uses.

    python -m clustersite.tools.schemas          # write schemas/*.schema.json
    python -m clustersite.tools.schemas --check  # fail if they differ from the model

The files are committed so VS Code (with the YAML extension) autocompletes
fields and flags mistakes while typing; a test runs `--check` so they
cannot drift from the models in hooks/clustersite/model/ (cluster_model.py, entries.py).
Vocabulary keys (sectors, counties, ...) become enums, read from data/.
"""

from __future__ import annotations

import argparse
import json
import sys
from pathlib import Path
from typing import Any

import yaml

from clustersite.model.cluster_model import Cluster
from clustersite.model.entries import FILES as ENTRY_FILES
from clustersite.model.fields import SLUG
from clustersite.model.records import json_schema
from clustersite.model.vocabularies import VOCABULARY_FILES, TermFile
from clustersite.outputs import cms_config
from clustersite.text.layout import REPO_ROOT
from clustersite.tools import field_table

DRAFT = "https://json-schema.org/draft/2020-12/schema"
TITLES = {
    "cluster": ("A cluster profile (data/clusters/<slug>.yml)", "Klasterio profilis (data/clusters/<trumpinys>.yml)"),
    "vocabulary": ("A vocabulary: key -> names in Lithuanian and English", "Žodynas: raktas -> pavadinimai lietuviškai ir angliškai"),
    "news": ("Front matter of a news post", "Naujienos antraštinė dalis"),
    "story": ("Front matter of a success story", "Sėkmės istorijos antraštinė dalis"),
    "event": ("Front matter of an event", "Renginio antraštinė dalis"),
}


def _fill_vocabularies(node: Any, vocabularies: dict[str, dict[str, Any]]) -> Any:
    """Vocabulary keys as enums, each with its names: VS Code's YAML extension
    shows `markdownEnumDescriptions` beside each completion and on hover."""
    if isinstance(node, dict):
        node = {key: _fill_vocabularies(value, vocabularies) for key, value in node.items()}
        name = node.pop("x-vocabulary", None)
        if name == "clusters":  # not an enum: adding a cluster must not make the schemas stale
            node["pattern"] = f"^{SLUG}$"
        elif name in vocabularies:
            terms = vocabularies[name]
            node["enum"] = list(terms)
            node["markdownEnumDescriptions"] = [_term_names(terms[key]) for key in terms]
        return node
    if isinstance(node, list):
        return [_fill_vocabularies(item, vocabularies) for item in node]
    return node


def _term_names(term: Any) -> str:
    if isinstance(term, dict) and term.get("lt"):
        return f"**{term['lt']}** / {term.get('en') or term['lt']}"
    return ""


def _document(name: str, body: dict[str, Any]) -> dict[str, Any]:
    en, lt = TITLES[name]
    return {"$schema": DRAFT, "$id": f"{name}.schema.json", "title": en, "description": f"{en}\n\n{lt}", **body}


def build_schemas(root: Path) -> dict[str, dict[str, Any]]:
    vocabularies = {name: dict(yaml.safe_load((root / "data" / f"{name}.yml").read_text(encoding="utf-8")) or {}) for name in VOCABULARY_FILES}
    schemas = {
        "cluster": json_schema(Cluster),
        "vocabulary": {"type": "object", "propertyNames": {"pattern": f"^{SLUG}$"}, "additionalProperties": json_schema(TermFile)},
        **{kind: json_schema(model) for kind, model in ENTRY_FILES.items()},
    }
    return {name: _document(name, _fill_vocabularies(body, vocabularies)) for name, body in schemas.items()}


def rendered(root: Path) -> dict[Path, str]:
    files = {root / "schemas" / f"{name}.schema.json": json.dumps(schema, ensure_ascii=False, indent=2) + "\n" for name, schema in build_schemas(root).items()}
    if (readme := field_table.rendered_readme(root)) is not None:  # the README's field tables, from the same model
        files[root / field_table.README] = readme
    # The editing interface's configuration comes from the same model (outputs/cms_config.py).
    return files | {root / cms_config.CONFIG_FILE: cms_config.render(cms_config.config(root))}


def stale(root: Path) -> list[Path]:
    """Schema files (and the README's field tables) that differ from what the model and vocabularies give now."""
    return [path for path, text in rendered(root).items() if not path.is_file() or path.read_text(encoding="utf-8") != text]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m clustersite.tools.schemas")
    parser.add_argument("--check", action="store_true", help="fail if the committed schemas are out of date")
    parser.add_argument("--root", type=Path, default=REPO_ROOT)
    args = parser.parse_args(argv)
    changed = stale(args.root)
    if args.check:
        for path in changed:
            print(f"{path.relative_to(args.root)}: out of date; run `make schemas` and commit the result", file=sys.stderr)
        return 1 if changed else 0
    for path, text in rendered(args.root).items():
        path.parent.mkdir(exist_ok=True)  # schemas/
        path.write_text(text, encoding="utf-8")
    print(f"wrote {len(changed)} changed file(s): schemas/, admin/ and the README's field tables")
    return 0


if __name__ == "__main__":
    sys.exit(main())
