"""What one build knows, from loading the content to the last file written.

mkdocs-static-i18n runs the whole build once per language on one config,
the default language first: `start` loads content and wording for the
default language's run and the other languages reuse them. Under
`mkdocs serve` a build with content problems builds nothing (the dev server
would wait forever for a good build): `broken` holds the problems, and every
page the last good build had (`served_pages`, found in the site's folder
before the broken build writes there) is answered with them (serve_errors.py).
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from clustersite.derived import content_rules
from clustersite.model.site_data import SiteData, load_site
from clustersite.model.ui_strings import check_wording, markup_in_wording, translators
from clustersite.outputs.html_fixes import Stylesheet, corrected_stylesheet
from clustersite.outputs.language_process import LanguageProcess
from clustersite.outputs.preview import Preview
from clustersite.outputs.site_icon import icon_data_url
from clustersite.pages.generated_pages import sync_stubs, wanted_stubs
from clustersite.pages.kinds import Translate, View
from clustersite.pages.site_links import site_links_check
from clustersite.text.dates import build_date
from clustersite.text.errors import ContentError
from clustersite.text.layout import UI_DIR
from clustersite.text.messages import in_lang
from clustersite.text.problems import Problem, Problems

STYLESHEET_GONE = (
    "Material's stylesheet no longer has the rule hooks/clustersite/outputs/html_fixes.py rewrites "
    "(table:not([class])+*): check whether the directory still needs the fix, and update it"
)


@dataclass
class Report:
    """What a build's start has to say: info notes, warnings (fatal under --strict), errors."""

    notes: list[str] = field(default_factory=list)
    warnings: list[str] = field(default_factory=list)
    errors: list[str] = field(default_factory=list)


@dataclass
class BuildState:
    serving: bool = False
    lang: str = "lt"  # the language of the lines about content: make check's (messages.language)
    served_pages: set[str] = field(default_factory=set)  # the last good build's pages, found when content turns broken
    site: SiteData | None = None
    text: dict[str, Translate] = field(default_factory=dict)  # plain wording: titles, feeds, calendars
    html_text: dict[str, Translate] = field(default_factory=dict)  # escaped wording, for templates
    broken: list[Problem] = field(default_factory=list)
    stylesheet: Stylesheet | None = None
    icon: str = ""
    views: dict[str, View] = field(default_factory=dict)  # by source path, this language's pages
    incremental: bool = False  # `mkdocs serve --dirty` (make serve): render only changed pages (preview.py)
    preview: Preview = field(default_factory=Preview)  # kept across rebuilds
    home_alternates: Any = None  # the language switch's links on pages that are not a page's (404)
    front_matter: dict[str, dict[str, Any]] = field(default_factory=dict)  # by source path, as read (under serve)
    sources: dict[str, str] = field(default_factory=dict)  # by output path: the file's text (under serve)
    contexts: dict[str, dict[str, Any]] = field(default_factory=dict)  # by source path: templates' context, made before rendering under serve
    wording_files: list[tuple[str, bytes]] = field(default_factory=list)  # data/ui/*.yml as `text` was read from them
    others: LanguageProcess | None = None  # `mkdocs build`: the fork building the other languages (language_process.py)
    in_fork: bool = False  # this process is that fork
    destination: Path | None = None  # in the fork: the site's folder (it writes into a folder beside it first)
    i18n_held: bool = False  # the fork built the other languages: mkdocs-static-i18n's own loop was held back

    @property
    def data(self) -> SiteData:
        assert self.site is not None, "start() loads the site before any page is built"
        return self.site

    def start(self, root: Path, docs_dir: Path, theme_dirs: list[Path], favicon: str) -> Report:
        """A new build: load content and wording, write the stubs. Raises
        ContentError, or under `mkdocs serve` keeps the problems in `broken`."""
        self.site, self.broken, self.views = None, [], {}
        try:
            # The same checks as `make check` (tools/check.py): links to site paths; places, labels, units and quotation marks.
            checks = [site_links_check(docs_dir, root), content_rules.check(root, docs_dir)]
            self.site = load_site(root, build_date(), docs_dir, checks=checks, cache=self.preview.loads if self.incremental else None)
            wording_files = sorted((path.name, path.read_bytes()) for path in (root / UI_DIR).glob("*.yml"))
            if wording_files != self.wording_files or not self.incremental:  # the same translators while the wording is: outputs made with them are kept
                self.text = translators(root / UI_DIR)
                self.html_text = translators(root / UI_DIR, markup=True)
                self.wording_files = wording_files
            wording = Problems()  # what `make check` says of the wording, the build says too, before any page
            check_wording(root, wording)
            if wording:
                raise ContentError(wording)
        except ContentError as error:
            if not self.serving:
                raise
            self.broken = error.problems
            return Report(errors=[error.in_lang(self.lang)])
        self.stylesheet = corrected_stylesheet(theme_dirs)
        self.icon = icon_data_url(favicon, [docs_dir, *theme_dirs])
        warnings = [problem.in_lang(self.lang) for problem in [*self.site.warnings, *markup_in_wording(root / UI_DIR)]]
        sync_stubs(docs_dir, wanted_stubs(self.site))
        notes = [in_lang(note, self.lang) for note in self.site.untranslated()]
        return Report(notes, ([STYLESHEET_GONE] if self.stylesheet is None else []) + warnings)
