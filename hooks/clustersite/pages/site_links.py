"""Links written as site paths (`/klasteriai/litek/`) checked against every page.

The pages are the hand-written and entry files in the docs folder plus the
stubs the build writes from data (`generated_pages.wanted_stubs`), so the
check knows a profile's address in a fresh checkout, before any stub exists.
`make check` and the build both have `load_site` run it, so they agree, in
the same run as every other problem.
"""

from __future__ import annotations

import difflib
from collections.abc import Callable
from pathlib import Path

from clustersite.model.site_data import SiteData
from clustersite.pages.generated_pages import cluster_stubs, wanted_stubs
from clustersite.source.site_paths import address, page_of_source
from clustersite.source.stubs import is_stub
from clustersite.text.messages import say
from clustersite.text.problems import Problems, describe


def site_pages(site: SiteData, docs_dir: Path, repo_root: Path) -> set[str]:
    """Every page's address relative to a language's root: {"", "klasteriai/litek/", ...}.
    Every cluster file counts, also one with problems of its own (reported apart)."""
    sources = set(wanted_stubs(site)) | set(cluster_stubs(path.stem for path in (repo_root / "data" / "clusters").glob("*.yml")))
    if docs_dir.is_dir():
        sources |= {path.relative_to(docs_dir).as_posix() for path in docs_dir.rglob("*.md") if not is_stub(path)}
    return {page for page in map(page_of_source, sources) if page is not None}


def site_links_check(docs_dir: Path, repo_root: Path) -> Callable[[SiteData, Problems], None]:
    """The check `load_site` runs (see there) for this docs folder."""
    return lambda site, problems: check_site_links(site, docs_dir, repo_root, problems)


def check_site_links(site: SiteData, docs_dir: Path, repo_root: Path, problems: Problems) -> None:
    """A problem for each site path that names no page, with the closest page."""
    if not site.site_links:
        return
    pages = site_pages(site, docs_dir, repo_root)
    for link in site.site_links:
        page = address(link.target)
        if page in pages:
            continue
        close = difflib.get_close_matches(page, list(pages), n=1, cutoff=0.75)  # whole addresses share much ("klasteriai/"): be stricter than for keys
        hint = say("did-you-mean", close=f"/{close[0]}") if close else ""
        problems.add(link.path, link.line, link.field, say("site-path-unknown", got=describe(link.target), hint=hint))
