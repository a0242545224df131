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
    ours prints as Material wrote it, and ours escape."""
    root = folder.resolve()

    def escape(name: str | None) -> bool:
        return name is not None and (root / name).is_file()

    return escape


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
