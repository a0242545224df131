"""The one way the package makes Jinja environments, and the one rule for
which templates escape.

Every value a template prints is text and is escaped, unless it is a
`markupsafe.Markup` made by one of the few trusted steps that produce markup
(rendered Markdown, JSON for script blocks, a template's own output). Those
steps say why they are safe where they mark a value.

MkDocs creates the theme's environment itself, without autoescaping, and
Material's templates rely on that; `escape_templates_in` turns it on for the
project's own templates (overrides/) only.
"""

from __future__ import annotations

import functools
import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import jinja2
from markupsafe import Markup

from clustersite.derived import county_map
from clustersite.model.cluster_model import member_name
from clustersite.model.site_data import SiteData
from clustersite.outputs.build import language_root
from clustersite.source.citation_markers import mark_html
from clustersite.source.markdown_text import render_markdown
from clustersite.text import urls
from clustersite.text.dates import VILNIUS, format_date, format_moment, format_span
from clustersite.text.localized import LocalizedText, Shown

TEMPLATE_DIR = Path(__file__).parent.parent / "templates"


def environment(folder: Path = TEMPLATE_DIR) -> jinja2.Environment:
    """Templates in `folder`, every value escaped; files end as written."""
    return jinja2.Environment(loader=jinja2.FileSystemLoader(folder), autoescape=True, keep_trailing_newline=True)


TEMPLATES = environment()
"""The package's own templates: badges, feeds, embed cards, the error page."""


def escape_templates_in(folder: Path) -> Callable[[str | None], bool]:
    """Jinja's `autoescape` setting for MkDocs' theme environment: on for a
    template found in `folder` (the theme's custom_dir, which overrides
    Material's file of the same name), off for Material's own. Jinja decides
    per template when it compiles it, so a Material block called from one of
    ours prints as Material wrote it, and ours escape. Jinja also asks on
    every render of a template, include and import (156,611 times at 1,000
    clusters), so the answer is kept per name: a build makes a new setting
    (`configure_theme`), and the folder does not change during a build."""
    root = folder.resolve()

    @functools.cache
    def escape(name: str | None) -> bool:
        return name is not None and (root / name).is_file()

    return escape


class CompiledTemplates(jinja2.BytecodeCache):
    """Compiled theme templates kept in memory for the life of the process,
    and on disk between builds.

    MkDocs makes a new Jinja environment for every build, and
    mkdocs-static-i18n builds once per language, so each template was
    compiled twice per build and again on every `mkdocs serve` rebuild
    (a quarter of the real site's build); on disk, the next `make build`
    compiles nothing either (0.3 s of the real site's 2.1 s). Jinja keys a
    compiled template by its name and file, and checks a checksum of its
    source and the Python version, so an edited template compiles anew; the
    key adds the one setting that shapes the compiled code and changes
    between templates, autoescaping (`escape_templates_in`). The disk copy
    is Jinja's own `FileSystemBytecodeCache` (a private folder in the
    system's temporary folder, written atomically); without one, memory only."""

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}
        self._disk: jinja2.FileSystemBytecodeCache | None = None
        self._looked = False

    @property
    def disk(self) -> jinja2.FileSystemBytecodeCache | None:
        if not self._looked:
            self._looked = True
            try:
                self._disk = jinja2.FileSystemBytecodeCache()
            except RuntimeError:  # Jinja refuses a folder it cannot make its own
                self._disk = None
        return self._disk

    def get_bucket(self, environment: jinja2.Environment, name: str, filename: str | None, source: str) -> jinja2.bccache.Bucket:
        escapes = environment.autoescape(name) if callable(environment.autoescape) else environment.autoescape
        return super().get_bucket(environment, f"{name}|escape={bool(escapes)}", filename, source)

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if (code := self.compiled.get(bucket.key)) is not None:
            bucket.bytecode_from_string(code)
        elif self.disk is not None:
            self.disk.load_bytecode(bucket)
            if bucket.code is not None:
                self.compiled[bucket.key] = bucket.bytecode_to_string()

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()
        if self.disk is not None:
            self.disk.dump_bytecode(bucket)


COMPILED = CompiledTemplates()


class ThemeLoader(jinja2.FileSystemLoader):
    """MkDocs' theme loader, listing the theme's files once per process.

    On every build, and for every language, MkDocs lists each file of every
    theme folder to find the theme's static files, and filters the names
    one by one: Material's folder holds over ten thousand icons, in hidden
    folders MkDocs drops anyway (`.icons`). This loader lists a folder that
    is not the project's own (`stable`) once, without hidden files and
    folders; the project's own folder is listed on every call, so a file
    added to overrides/ under `mkdocs serve` is found."""

    def __init__(self, searchpath: list[str], stable: set[str]) -> None:
        super().__init__(searchpath)
        self.stable = stable

    def list_templates(self) -> list[str]:
        found: set[str] = set()
        for folder in self.searchpath:
            if folder not in self.stable:
                found.update(_listing(folder))
                continue
            if folder not in _LISTED:
                _LISTED[folder] = _listing(folder)
            found.update(_LISTED[folder])
        return sorted(found)


_LISTED: dict[str, list[str]] = {}


def _listing(folder: str) -> list[str]:
    root = Path(folder)
    names = []
    for path, subfolders, files in os.walk(root, followlinks=True):  # as Jinja's own loader
        subfolders[:] = [name for name in subfolders if not name.startswith(".")]
        names += [(Path(path) / name).relative_to(root).as_posix() for name in files if not name.startswith(".")]
    return names


def theme_loader(dirs: list[str], custom_dir: str) -> ThemeLoader:
    """For MkDocs' theme environment: its folders, `custom_dir` read afresh."""
    return ThemeLoader(dirs, {folder for folder in dirs if Path(folder).resolve() != Path(custom_dir).resolve()})


def configure_theme(env: jinja2.Environment, custom_dir: Path, site: SiteData, lang: str, t: Callable[..., str], **globals_: object) -> None:
    """MkDocs' theme environment for one language's build: the project's
    templates escape (`escape_templates_in`), and they get the data, the
    wording and the filters they use. `globals_` adds what only the adapter
    can make (links through MkDocs' url filter, the site's icon)."""
    env.globals.update(
        site_data=site,
        clusters=site.sorted_clusters(lang),
        figures=site.figures(),
        vocab=site.vocabularies,
        # `page_lang`, because Material's base.html imports a module named `lang` over the global.
        page_lang=lang,
        lang_root=language_root(lang),
        t=t,
        urls=urls,
        social_image=urls.SOCIAL_IMAGE,
        **globals_,
    )
    # Each build gets a new environment, so templates cannot change under it:
    # skip Jinja's mtime check on every include and import (tens per page).
    env.auto_reload = False
    env.bytecode_cache = COMPILED
    env.autoescape = escape_templates_in(custom_dir)
    env.filters.update(
        in_lang=lambda text: text.pick(lang) if isinstance(text, LocalizedText) else text,
        # Marked safe: Markdown from data files, rendered with raw HTML as text
        # and script links removed (markdown_text.SafeHtml).
        markdown=_markdown_filter(language_root(lang)),
        # `[^2]` in Markdown already rendered: a link to the page's source 2 (source/citation_markers.py).
        cite_markers=lambda html, sources: mark_html(str(html), [source.title_in(lang) for source in sources], t("cite.source")),
        local_date=lambda value: format_date(value, lang),
        city_in_lang=lambda city: county_map.city_name(city, lang),  # the city table's name in the page's language
        member_name=lambda member: member_name(member, lang),  # English where a source gives it, else the official name
        local_moment=lambda value: format_moment(value, lang, VILNIUS),
        local_span=lambda start, end=None: format_span(start, end, lang, VILNIUS),
    )


def _markdown_filter(lang_root: str) -> Callable[..., Markup]:
    """`text | markdown(page)`: a data-file text as safe HTML, its site paths
    (`/klasteriai/litek/`) made relative to `page`, the page that shows it."""

    def markdown(text: Any, page: Any = None) -> Markup:
        url = (getattr(page, "url", "") or "").removeprefix(lang_root)
        return Markup(render_markdown(text.text if isinstance(text, Shown) else text, url))

    return markdown
