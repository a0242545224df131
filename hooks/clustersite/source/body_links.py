"""Relative links and images in a Markdown body that point at no file.

`mkdocs build --strict` rejects them; `make check` used to pass them. Only
relative paths to files are checked (`../img/x.png`, `kitas.md#dalis`):
web addresses and folder links (`x/`) are left to the build, and code is
skipped. Site paths (`/klasteriai/litek/`, clustersite.source.site_paths)
are collected, to be checked once every page of the site is known.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from urllib.parse import unquote

from clustersite.source.site_paths import SiteLink, is_site_path
from clustersite.text.messages import say
from clustersite.text.problems import Problems, describe
from clustersite.text.urls import SECTIONS

FENCE = re.compile(r"^(```|~~~).*?^\1[ \t]*$", re.M | re.S)
CODE_SPAN = re.compile(r"(`+)(?!`).+?(?<!`)\1(?!`)", re.S)
LINK = re.compile(r"\]\(\s*<?([^)\s>]+)>?(?:\s+[\"'][^)]*)?\)")
REFERENCE = re.compile(r"^ {0,3}\[[^\]]+\]:\s*<?(\S+?)>?(?:\s|$)", re.M)


def _blank(match: re.Match) -> str:
    """The match replaced by spaces, keeping line breaks so line numbers hold."""
    return re.sub(r"[^\n]", " ", match[0])


def link_targets(body: str) -> list[tuple[int, str]]:
    """Every link and image target outside code, with its line (0 = the first)."""
    text = CODE_SPAN.sub(_blank, FENCE.sub(_blank, body))
    found = []
    for pattern in (LINK, REFERENCE):
        for match in pattern.finditer(text):
            found.append((text.count("\n", 0, match.start()), match[1]))
    return sorted(found)


def report_broken_links(body: str, folder: Path, problems: Problems, shown_as: str, first_line: int, site_links: list[SiteLink] | None = None) -> None:
    for offset, target in link_targets(body):
        line = first_line + offset
        if is_site_path(target):
            if site_links is not None:
                site_links.append(SiteLink(shown_as, line, "", target))
            continue
        path = unquote(target.split("#", 1)[0].split("?", 1)[0])
        if not path or re.match(r"[a-zA-Z][a-zA-Z0-9+.-]*:", target) or target.startswith(("/", "#")) or path.endswith("/"):
            continue
        if "." not in path.rsplit("/", 1)[-1]:
            continue  # a folder or page address without a file name: MkDocs does not check it either
        if not (folder / path).is_file() and not _generated_profile(folder / path):
            problems.add(shown_as, line, "", say("broken-link", got=describe(target)))


def _generated_profile(target: Path) -> bool:
    """A cluster profile page (`klasteriai/litek.md`): written before each build
    from data/clusters/litek.yml, so not on disk in a fresh checkout."""
    target = Path(os.path.normpath(target))
    if target.parent.name != SECTIONS["clusters"] or target.suffix != ".md":
        return False
    slug = target.name.removesuffix(".md").removesuffix(".en")
    return any((parent / "data" / "clusters" / f"{slug}.yml").is_file() for parent in target.parents)
