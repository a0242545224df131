"""Hand-written pages in the docs folder (home, about, privacy, section
intros): checked like entries for size, YAML and raw HTML in the body.

News, stories and events are checked where they are loaded
(clustersite.entries); generated stubs are the build's own output.
"""

from __future__ import annotations

from pathlib import Path

from .entries import SECTIONS
from .front_matter import check_page
from .generated_pages import MARKER
from .problems import Problems


def check_handwritten_pages(repo_root: Path, docs_dir: Path, problems: Problems) -> None:
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir)
        if relative.parts[0] in SECTIONS.values() and len(relative.parts) == 2 and not path.name.startswith("index."):
            continue  # an entry
        if _is_generated(path):
            continue
        check_page(path, path.relative_to(repo_root).as_posix() if path.is_relative_to(repo_root) else path.as_posix(), problems)


def _is_generated(path: Path) -> bool:
    with path.open("rb") as handle:
        return handle.read(len(MARKER) + 8).replace(b"\r\n", b"\n").startswith(f"---\n{MARKER}".encode())
