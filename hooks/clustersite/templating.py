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

from pathlib import Path
from typing import Callable

import jinja2

TEMPLATE_DIR = Path(__file__).parent / "templates"


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
