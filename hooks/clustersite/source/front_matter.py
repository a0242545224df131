"""Markdown pages read for checking: front matter with line numbers for error
messages, and the body checked for raw HTML and unsafe links.

Every page's front matter is read here before MkDocs reads it, so a file
that could exhaust the build (clustersite.text.limits) stops at `make check`
and in on_pre_build, never in MkDocs' own YAML loader.
"""

from __future__ import annotations

from pathlib import Path

from clustersite.source.body_links import report_broken_links
from clustersite.source.raw_html import report_unsafe_markup
from clustersite.source.site_paths import SiteLink
from clustersite.source.yaml_source import UNREADABLE, LineDict, parse_reported, read_text
from clustersite.text.messages import say
from clustersite.text.problems import Problems

PAGES = "pages"  # for the size limit's message: "kind-pages" in the catalogue


def read_front_matter(path: Path, shown_as: str, problems: Problems, site_links: list[SiteLink] | None = None) -> LineDict | None:
    """The YAML between the leading `---` lines, with lines counted from the
    top of the file; None (and a problem) when it is missing or unreadable.
    Raw HTML in the body is reported too (the page is still loaded)."""
    text = read_text(path, shown_as, problems, PAGES)
    if text is None:
        return None
    lines = text.splitlines()
    if not lines or lines[0].strip() != "---":
        problems.add(shown_as, 1, "", say("no-front-matter"))
        return None
    end = _closing_line(lines)
    if end is None:
        problems.add(shown_as, 1, "", say("front-matter-unclosed"))
        return None
    report_unsafe_markup("\n".join(lines[end + 1 :]), problems, shown_as, end + 2)
    report_broken_links("\n".join(lines[end + 1 :]), path.parent, problems, shown_as, end + 2, site_links)
    data = parse_reported("\n".join(lines[1:end]), shown_as, problems, first_line=2)  # line 1 is '---'
    if data is UNREADABLE:
        return None
    if data is None:
        return LineDict()
    if not isinstance(data, LineDict):
        problems.add(shown_as, 2, "", say("front-matter-not-fields"))
        return None
    return data


def check_page(path: Path, shown_as: str, problems: Problems, site_links: list[SiteLink] | None = None) -> None:
    """A hand-written page: its size, its front matter's YAML (if it has
    any; its fields are MkDocs' and Material's, not checked here) and its body."""
    text = read_text(path, shown_as, problems, PAGES)
    if text is None:
        return
    lines = text.splitlines()
    end = _closing_line(lines) if lines and lines[0].strip() == "---" else None
    if end is not None:
        parse_reported("\n".join(lines[1:end]), shown_as, problems, first_line=2)
    body_start = 0 if end is None else end + 1
    report_unsafe_markup("\n".join(lines[body_start:]), problems, shown_as, body_start + 1)
    report_broken_links("\n".join(lines[body_start:]), path.parent, problems, shown_as, body_start + 1, site_links)


def _closing_line(lines: list[str]) -> int | None:
    return next((i for i, line in enumerate(lines[1:], start=1) if line.strip() in ("---", "...")), None)
