"""Raw HTML and unsafe links in editors' Markdown, found for `make check`.

The site never publishes raw HTML from Markdown (clustersite.source.markdown_text
shows it as text and drops unsafe links), but an editor should hear about it
before the page shows `<b>` as text: each occurrence is reported with its
line and what to write instead. Code spans, fenced and indented code blocks
are text and are not reported.

This module only reads text (no Markdown import), so `make check` stays fast.
"""

from __future__ import annotations

import html
import re
from dataclasses import dataclass
from urllib.parse import urlsplit

from clustersite.text.messages import Message, say
from clustersite.text.problems import Problems

SAFE_SCHEMES = frozenset({"", "http", "https", "mailto"})
"""Link and image targets kept in pages: web addresses, e-mail and paths in the site."""

URL_ATTRIBUTES = frozenset({"href", "src", "action", "formaction", "poster", "cite", "background", "data", "srcset", "xlink:href"})

REMOVE = say("html-remove")
DANGEROUS_TAGS = frozenset(
    {
        "script",
        "iframe",
        "frame",
        "frameset",
        "object",
        "embed",
        "applet",
        "style",
        "link",
        "meta",
        "base",
        "form",
        "input",
        "button",
        "textarea",
        "select",
        "svg",
        "math",
        "template",
        "noscript",
        "audio",
        "video",
    }
)
INSTEAD = {
    "img": say("html-img"),
    "a": say("html-a"),
    "b": say("html-bold"),
    "strong": say("html-bold"),
    "i": say("html-italic"),
    "em": say("html-italic"),
    "br": say("html-br"),
    "p": say("html-p"),
    **{f"h{level}": say("html-heading", hashes="#" * level) for level in range(1, 7)},
    "ul": say("html-list"),
    "ol": say("html-numbered"),
    "li": say("html-list"),
    "code": say("html-code"),
    "pre": say("html-pre"),
    "blockquote": say("html-quote"),
    "hr": say("html-hr"),
    "table": say("html-table"),
}
OTHER_TAGS = say("html-other")


@dataclass(frozen=True)
class Finding:
    """One occurrence; `line` counts from 1 within the text given."""

    line: int
    message: Message


def link_scheme(target: str) -> str:
    """The scheme a browser would see: entities decoded (`javascript&#58;`),
    Markdown escapes, tabs and newlines removed, lower case."""
    text = html.unescape(target)
    text = re.sub(r"\\(?=[!-/:-@\[-`{-~])", "", text)
    text = re.sub(r"[\t\n\r]", "", text).strip(
        "\x00\x01\x02\x03\x04\x05\x06\x07\x08\x0b\x0c\x0e\x0f\x10\x11\x12\x13\x14\x15\x16\x17\x18\x19\x1a\x1b\x1c\x1d\x1e\x1f "
    )
    try:
        return urlsplit(text).scheme.lower()
    except ValueError:  # e.g. an unbalanced [ in a host: not a usable address
        return "invalid"


def is_safe_target(target: str) -> bool:
    return link_scheme(target) in SAFE_SCHEMES


# --- finding code, which is text -------------------------------------------

_FENCE = re.compile(r"^ *(`{3,}|~{3,})")
_LIST_ITEM = re.compile(r"^ {0,3}(?:[-*+]|\d+[.)])[ \t]")
_CODE_SPAN = re.compile(r"(?<![\\`])(`+)(?!`)(.+?)(?<!`)\1(?!`)", re.DOTALL)
_BLANK_LINE = re.compile(r"\n[ \t]*\n")


def _indent(line: str) -> int:
    expanded = line.expandtabs(4)
    return len(expanded) - len(expanded.lstrip(" "))


def _mask_code(text: str) -> str:
    """The text with code blocks and code spans blanked out (lines kept)."""
    lines = text.split("\n")
    fence: str | None = None
    in_list = False
    previous_blank = True
    previous_code = False
    for number, line in enumerate(lines):
        blank = not line.strip()
        if fence is not None:
            if line.strip().startswith(fence):
                fence = None
            lines[number] = ""
            continue
        if match := _FENCE.match(line):
            fence = match[1][0] * len(match[1])
            lines[number] = " " * match.end() + _attribute_lists_only(line[match.end() :])
            previous_blank, previous_code = False, False
            continue
        if blank:
            previous_blank = True
            continue
        code_indent = 8 if in_list else 4
        if _indent(line) >= code_indent and (previous_blank or previous_code):
            lines[number] = ""
            previous_code, previous_blank = True, False
            continue
        if _indent(line) < 4 and previous_blank:
            in_list = bool(_LIST_ITEM.match(line))
        elif _LIST_ITEM.match(line):
            in_list = True
        previous_blank, previous_code = False, False
    masked = "\n".join(lines)
    paragraphs = []
    start = 0
    for gap in [*_BLANK_LINE.finditer(masked), None]:
        end = gap.start() if gap else len(masked)
        paragraphs.append(_CODE_SPAN.sub(lambda m: re.sub(r"[^\n]", " ", m[0]), masked[start:end]))
        if gap:
            paragraphs.append(gap[0])
            start = gap.end()
    return "".join(paragraphs)


def _attribute_lists_only(info: str) -> str:
    """A fence's info string can carry `{ key=value }` attributes onto the page."""
    return " ".join(_ATTRIBUTE_LIST.findall(info))


# --- what is reported -------------------------------------------------------

_TAG = re.compile(r"<([a-zA-Z][a-zA-Z0-9-]*)(\s[^<>]*)?/?>|<!--.*?-->", re.DOTALL)
_EVENT_ATTRIBUTE = re.compile(r"(?:^|[\s\"'/])on[a-z]+\s*=", re.IGNORECASE)
_URL_ATTRIBUTE = re.compile(r"\b(?:href|src|action|formaction|poster|data|srcset|xlink:href)\s*=\s*([\"']?)([^\"'\s>]*)", re.IGNORECASE)
_ANGLE_LINK = re.compile(r"<([a-zA-Z][a-zA-Z0-9+.-]*:[^<>\s]*)>")
_INLINE_TARGET = re.compile(r"\]\(\s*(<[^<>\n]*>|[^\s()]*(?:\([^\s()]*\)[^\s()]*)*)")
_REFERENCE_TARGET = re.compile(r"^ {0,3}\[[^\]\n]+\]:[ \t]*(<[^<>\n]*>|\S+)", re.MULTILINE)
_ATTRIBUTE_LIST = re.compile(r"\{:?[^{}\n]*\}")


def _shown_tag(name: str, attributes: str | None) -> str:
    return f"<{name.lower()} …>" if attributes and attributes.strip(" \t\n/") else f"<{name.lower()}>"


def _tag_advice(name: str, attributes: str) -> Message:
    name = name.lower()
    if name in DANGEROUS_TAGS or _EVENT_ATTRIBUTE.search(attributes):
        return REMOVE
    if any(not is_safe_target(match[2]) for match in _URL_ATTRIBUTE.finditer(attributes)):
        return REMOVE
    if name in ("th", "td", "tr", "thead", "tbody"):
        return INSTEAD["table"]
    return INSTEAD.get(name, OTHER_TAGS)


def _unsafe_link(target: str) -> Message:
    shown = target if len(target) <= 60 else target[:57] + "..."
    scheme = link_scheme(target)
    fix = REMOVE if scheme in ("javascript", "vbscript", "data", "invalid") else say("link-https")
    return say("unsafe-link", shown=shown, fix=fix)


def find_unsafe_markup(text: str) -> list[Finding]:
    """Every raw HTML tag, unsafe link target and event-handler attribute
    outside code, in the order they appear."""
    if (
        "<" not in text
        and "{" not in text
        and all(is_safe_target(match[1].strip("<>")) for pattern in (_INLINE_TARGET, _REFERENCE_TARGET) for match in pattern.finditer(text))
    ):
        return []  # most texts: no tag or attribute list, only safe links (code or not)
    masked = _mask_code(text)
    found: set[tuple[int, Message]] = set()
    for match in _TAG.finditer(masked):
        if match[0].startswith("<!--"):
            found.add((match.start(), say("raw-html", tag="<!-- …>", advice=REMOVE)))
        else:
            advice = _tag_advice(match[1], match[2] or "")
            found.add((match.start(), say("raw-html", tag=_shown_tag(match[1], match[2]), advice=advice)))
    for pattern in (_ANGLE_LINK, _INLINE_TARGET, _REFERENCE_TARGET):
        for match in pattern.finditer(masked):
            target = match[1].strip("<>")
            if not is_safe_target(target):  # `](<...>)` is also an angle link: one finding, at the target
                found.add((match.start(1) + match[1].startswith("<"), _unsafe_link(target)))
    for match in _ATTRIBUTE_LIST.finditer(masked):
        if _EVENT_ATTRIBUTE.search(match[0].strip("{}:")) or any(not is_safe_target(url[2]) for url in _URL_ATTRIBUTE.finditer(match[0])):
            found.add((match.start(), say("unsafe-attributes", got=match[0])))
    return [Finding(masked.count("\n", 0, offset) + 1, message) for offset, message in sorted(found)]


def report_unsafe_markup(text: str, problems: Problems, shown_as: str, first_line: int, field: str = "") -> bool:
    """Report each finding in `text`, whose first line is `first_line` of
    the file, as a warning (the page is safe to build); True if there was any."""
    findings = find_unsafe_markup(text)
    for finding in findings:
        problems.warn(shown_as, first_line + finding.line - 1, field, finding.message)
    return bool(findings)
