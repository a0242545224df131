"""Profile pages exist as small generated Markdown stubs in the docs folder.

Why stubs on disk: mkdocs-static-i18n only pairs and translates files it
finds on disk (generated in-memory files crash it or vanish, see
README.md), and a plain pre-build step also survives a move to another
generator. A stub holds only front matter naming the cluster and the
template (slugs are plain ASCII, checked before); the template renders the data. Only changed stubs are written,
so `mkdocs serve` does not loop, and stale ones (carrying our marker) are
deleted.
"""

from __future__ import annotations

from pathlib import Path

from .cluster_model import Cluster
from .localized import DEFAULT_LANGUAGE, LANGUAGES

MARKER = "# Generated from data/clusters/"
CLUSTER_FOLDER = "klasteriai"


def stub_name(slug: str, lang: str) -> str:
    return f"{slug}.md" if lang == DEFAULT_LANGUAGE else f"{slug}.{lang}.md"


def stub_text(cluster: Cluster) -> str:
    # The title and description are set from the data at render time
    # (already escaped), so the stub never needs rewriting when text changes.
    return (
        f"---\n{MARKER}{cluster.slug}.yml; edit that file, not this one.\n"
        f"template: cluster.html\ncluster: {cluster.slug}\n---\n"
    )


def sync_stubs(docs_dir: Path, clusters: list[Cluster] | tuple[Cluster, ...]) -> tuple[int, int]:
    """Write missing or changed stubs, delete stale ones; return (written, deleted)."""
    folder = docs_dir / CLUSTER_FOLDER
    folder.mkdir(parents=True, exist_ok=True)
    wanted = {stub_name(c.slug, lang): stub_text(c) for c in clusters for lang in LANGUAGES}
    written = deleted = 0
    for name, text in wanted.items():
        path = folder / name
        if not path.is_file() or path.read_text(encoding="utf-8") != text:
            path.write_text(text, encoding="utf-8")
            written += 1
    for path in folder.glob("*.md"):
        if path.name not in wanted and _is_stub(path):
            path.unlink()
            deleted += 1
    return written, deleted


def _is_stub(path: Path) -> bool:
    with path.open(encoding="utf-8") as handle:
        handle.readline()
        return handle.readline().startswith(MARKER)
