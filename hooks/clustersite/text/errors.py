"""Every error the package raises for someone to act on, in one place.

`SiteError` is the base: the MkDocs adapter catches it once and stops the
build with its message, never a traceback; `make check` catches
`ContentError` and prints its problems. Each error says who fixes it.
"""

from __future__ import annotations

from typing import Any

from clustersite.text.messages import Message, in_lang, say
from clustersite.text.problems import Problem, Problems


class SiteError(Exception):
    """Something a person must fix before the site can be built; the message says what.

    Raised with a catalogue message, it reads in either language (`in_lang`);
    `str()` is the English text, for logs and tests."""

    def __init__(self, message: Any = ""):
        super().__init__(message)
        self.message = message

    def in_lang(self, lang: str) -> str:
        return str(in_lang(self.message, lang))


class ContentError(SiteError):
    """Content has problems (an editor fixes them); carries every one, sorted by file and line."""

    def __init__(self, problems: Problems):
        self.problems: list[Problem] = problems.sorted()
        super().__init__(self.in_lang("en"))

    def in_lang(self, lang: str) -> str:
        count = len(self.problems)
        heading = say("content-problems", count=count, noun="problem" if count == 1 else "problems").in_lang(lang)
        return "\n".join([heading, *(problem.in_lang(lang) for problem in self.problems)])


class ConfigError(SiteError):
    """`mkdocs.yml` lacks something a published site needs (whoever runs the site fills it in)."""


class PageError(SiteError):
    """A page names something the data does not have: a stub left behind (the build rewrites stubs; a maintainer looks)."""


class ScriptNotListed(SiteError):
    """A page carries an inline script that is not on the fixed list the
    Content-Security-Policy allows (outputs/security_headers.py): injected
    from content, or a new script of Material's or the project's own that a
    maintainer has yet to review and list."""


class SearchIndexError(SiteError):
    """Pagefind could not index the built site (a maintainer reads its output)."""


class LanguageProcessError(SiteError):
    """The process building the other languages beside the default one ended
    without finishing (outputs/language_process.py; a maintainer looks)."""


class SiteIconError(SiteError):
    """The theme's favicon is not the PNG the site inlines (a maintainer runs scripts/make_favicon.py)."""


class MarkdownSetupError(SiteError):
    """A Markdown extension listed after SafeHtml turned raw HTML back on (a maintainer reorders mkdocs.yml)."""


class RefusedYaml(SiteError):
    """Valid YAML the site refuses because it could exhaust time or memory.

    Raised and caught inside the YAML reader, which reports each refusal as
    a problem with its line; it carries every refusal as (line, field, message),
    and the file is then treated as unreadable."""

    def __init__(self, refusals: list[tuple[int, str, Message]]):
        super().__init__("; ".join(str(message) for _, _, message in refusals))
        self.refusals = refusals
