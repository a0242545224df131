"""Hand-written pages in the docs folder (home, about, privacy, section
intros): checked like entries for size, YAML and raw HTML in the body.

News, stories and events are checked where they are loaded
(clustersite.model.entries); generated stubs are the build's own output.
"""

from __future__ import annotations

from pathlib import Path

from clustersite.model.entries import SECTIONS
from clustersite.source.front_matter import check_page
from clustersite.source.site_paths import SiteLink
from clustersite.source.stubs import is_stub
from clustersite.text.problems import Problems


def check_handwritten_pages(repo_root: Path, docs_dir: Path, problems: Problems, site_links: list[SiteLink] | None = None) -> None:
    for path in sorted(docs_dir.rglob("*.md")):
        relative = path.relative_to(docs_dir)
        if relative.parts[0] in SECTIONS.values() and len(relative.parts) == 2 and not path.name.startswith("index."):
            continue  # an entry
        if is_stub(path):
            continue
        check_page(path, path.relative_to(repo_root).as_posix() if path.is_relative_to(repo_root) else path.as_posix(), problems, site_links)
