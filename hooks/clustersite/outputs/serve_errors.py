"""While `mkdocs serve` runs and content is broken: an error page everywhere.

MkDocs' dev server waits for a successful build before it answers, so an
exception in a build left every page hanging. Instead, the serve build is
emptied and every page the site had (plus both home pages and 404 pages)
is written as one self-contained page listing what `make check` lists, in
the page's language. The dev server injects its live-reload script into
it, so the page turns back into the real one as soon as the content is fixed.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from clustersite.outputs.templating import TEMPLATES
from clustersite.text.localized import DEFAULT_LANGUAGE, LANGUAGES
from clustersite.text.messages import in_lang, say
from clustersite.text.problems import Problem

ALWAYS = ("index.html", "404.html", *(f"{lang}/{page}" for lang in LANGUAGES if lang != DEFAULT_LANGUAGE for page in ("index.html", "404.html")))


def page_language(relative: str) -> str:
    first = relative.split("/", 1)[0]
    return first if first in LANGUAGES and "/" in relative else DEFAULT_LANGUAGE


def render(problems: list[Problem], lang: str) -> str:
    template = TEMPLATES.get_template("content-errors.html")
    shown = [{"path": p.path, "line": p.line, "field": in_lang(p.field, lang), "text": _message(p, lang)} for p in problems]
    words = {
        "title": say("serve-title").in_lang(lang),
        "intro": say("serve-intro", count=len(problems)).in_lang(lang),
        "after": say("serve-after").in_lang(lang),
    }
    return template.render(lang=lang, words=words, problems=shown)


def _message(problem: Problem, lang: str) -> str:
    return in_lang(problem.message, lang)


def html_pages(site_dir: Path) -> set[str]:
    """The site's pages, relative to its folder, to answer with the error page later."""
    return {path.relative_to(site_dir).as_posix() for path in site_dir.rglob("*.html")}


def write_error_site(site_dir: Path, pages: set[str], problems: list[Problem], kept: Path | None = None) -> None:
    """The error page at every address in `pages`. With `kept` (`make serve`'s
    incremental preview), each good page is moved there first, so that the
    fix puts them back instead of rendering every page again."""
    rendered = {lang: render(problems, lang) for lang in LANGUAGES}
    for relative in sorted(set(pages) | set(ALWAYS)):
        target = site_dir / relative
        target.parent.mkdir(parents=True, exist_ok=True)
        if kept is not None and target.is_file() and not (kept / relative).exists():
            (kept / relative).parent.mkdir(parents=True, exist_ok=True)
            target.replace(kept / relative)
        target.write_text(rendered[page_language(relative)], encoding="utf-8")


def restore_pages(site_dir: Path, kept: Path) -> bool:
    """Put back the pages `write_error_site` moved to `kept`; False if there were none."""
    if not kept.is_dir():
        return False
    for path in sorted(p for p in kept.rglob("*") if p.is_file()):
        target = site_dir / path.relative_to(kept)
        target.parent.mkdir(parents=True, exist_ok=True)
        path.replace(target)
    shutil.rmtree(kept)
    return True
