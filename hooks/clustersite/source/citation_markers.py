"""Citation markers in Markdown: `[^2]` after a figure cites the page's
second source (the numbered list at its foot), in a news post, story or
event, and in a cluster's description.

`markers_in` finds them in Markdown (not in code) for `make check`;
`mark_html` turns them, in the HTML Python-Markdown made, into the same
superscript link a profile's facts carry ("šaltinis 2" / "source 2"),
which the search index leaves out of the text it quotes.
A marker whose number the page does not list is left as it is written;
`make check` reports it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence

from markupsafe import Markup

MARKER = re.compile(r"\[\^([0-9]{1,3})\]")
_MARKERS = re.compile(r"(?:\[\^[0-9]{1,3}\])+")  # `[^1][^4]`: one superscript, two links
_FENCE = re.compile(r"^\s*(```|~~~)")
_INLINE_CODE = re.compile(r"`+[^`]*`+")
_HTML_CODE = re.compile(r"(<pre\b.*?</pre>|<code\b.*?</code>)", re.DOTALL)


def markers_in(markdown: str) -> Iterator[tuple[int, str, int]]:
    """(line index from 0, the marker as written, its number) for each marker outside code."""
    fenced = False
    for index, line in enumerate(markdown.splitlines()):
        if _FENCE.match(line):
            fenced = not fenced
            continue
        if fenced or line.startswith(("    ", "\t")):
            continue
        for match in MARKER.finditer(_INLINE_CODE.sub(lambda m: " " * len(m.group(0)), line)):
            yield index, match.group(0), int(match.group(1))


def mark_html(html: str, titles: Sequence[str], word: str) -> Markup:
    """`html` (trusted: Python-Markdown's output) with each marker naming one
    of `titles` (the page's sources, in order) as a link to it."""

    def link(number: int) -> Markup:
        return Markup('<a href="#cs-source-{0}" title="{1}"><span class="cs-visually-hidden">{2} </span>{0}</a>').format(number, titles[number - 1], word)

    def markers(match: re.Match[str]) -> str:
        numbers = [int(n) for n in MARKER.findall(match.group(0))]
        if not all(1 <= number <= len(titles) for number in numbers):
            return match.group(0)
        return str(
            Markup('<sup class="cs-cite" data-pagefind-ignore>{}</sup>').format(Markup('<span aria-hidden="true">,</span>').join(link(n) for n in numbers))
        )

    parts = _HTML_CODE.split(html)
    return Markup("".join(part if index % 2 else _MARKERS.sub(markers, part) for index, part in enumerate(parts)))
