"""Content rules `make check` adds on top of the model's checks: what a
pattern can catch in content that loads cleanly.

- places: every `city` is in the city table (data/geo/cities.yml), so each
  place on the map has coordinates with a named source;
- labels: a description or summary that says the cluster holds an
  excellence label ("bronzos ženklą", "Bronze label") implies a record in
  `labels:`, even when the source gives only the year or no date at all;
- wording: units and quotation marks as CONTRIBUTING.md sets them:
  Lithuanian "proc." and "mln. Eur", English "%" and "…" (never „…“).

Each rule returns `Problem`s with the file, the line where the words stand
and a catalogued message in both languages. Source titles and addresses are
quotes of someone else's words and are left alone.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterable, Iterator
from pathlib import Path

from clustersite.derived import county_map
from clustersite.model.site_data import SiteData
from clustersite.source.stubs import is_stub_text
from clustersite.text.limits import MAX_FILE_BYTES
from clustersite.text.messages import say
from clustersite.text.problems import Problem, Problems

# A cluster's own label named in its text: the level's word next to the word for label.
LABEL_TEXT = {
    "lt": re.compile(r"\b(bronzos|sidabro|aukso) ženkl\w*", re.IGNORECASE),
    "en": re.compile(r"\b(Bronze|Silver|Gold) Label\b", re.IGNORECASE),
}
# Words around the match that say it is not this cluster's own label (a
# negation, another cluster, or the label system in general).
NOT_OWN = re.compile(r"\b(neturi|nė vienas|no cluster|no Lithuanian cluster|holds? the Silver or Gold|yet)\b", re.IGNORECASE)

# (pattern, what to write instead) per language; a pattern's first group is what is shown as found.
SLIPS: dict[str, tuple[tuple[re.Pattern[str], str], ...]] = {
    "lt": (
        (re.compile(r"(\d+(?:,\d+)?\s?%)"), "N proc."),
        (re.compile(r"\b((?:mln|tūkst|mlrd)\.\s+(?:eurų|EUR|eur)\b)"), "mln. Eur"),
        (re.compile(r"(\d+\s+EUR\b)"), "N Eur"),
        (re.compile(r"(vykdantysis direktori\w*|vykdančioji direktor\w*)"), "vykdomasis direktorius"),
    ),
    "en": (
        (re.compile(r"(\d+(?:[.,]\d+)?\s?proc\.)"), "N%"),
        (re.compile(r"(\d+(?:\.\d+)?\s%)"), "N% (no space)"),
        (re.compile(r"(„[^“\n]*“)"), '"…" (English quotation marks)'),
    ),
}
SLIP_WORDS = ("%", "EUR", "proc", "mln", "tūkst", "mlrd", "vykd", "„")
"""Each pattern of SLIPS matches only text with one of these in it: a file
without any has no slip, found by a substring search, not seven regular
expressions that try every digit (at 1,000 clusters, 0.015 s against 0.24 s)."""
# Lines that quote someone else's words or hold addresses: left as they are.
QUOTED_LINE = re.compile(r"^\s*(?:-\s+)?(?:title|title_en|url|link|website|logo|image)\s*:")
LINK_TARGET = re.compile(r"\]\([^)]*\)|<https?://[^>]*>|https?://\S+")


def city_problems(site: SiteData, repo_root: Path) -> list[Problem]:
    """A `city` missing from the city table."""
    table = repo_root / "data" / "geo" / "cities.yml"
    cities = county_map.load_cities(table) if table.is_file() else {}
    problems = []
    for cluster in site.clusters:
        if cluster.city and cluster.city not in cities:
            close = [name for name in cities if name.casefold() == cluster.city.casefold()]
            hint = f" ({close[0]}?)" if close else ""
            problems.append(Problem(cluster.path, _line_of(repo_root / cluster.path, "city:"), "city", say("city-not-in-table", got=cluster.city, hint=hint)))
    return problems


def label_problems(site: SiteData, repo_root: Path) -> list[Problem]:
    """Label text in a cluster's summary or description without a label record."""
    problems = []
    for cluster in site.clusters:
        if cluster.labels:
            continue
        for field in ("summary", "description"):
            text = getattr(cluster, field)
            if text is None:
                continue
            for lang in ("lt", "en"):
                found = _own_label(getattr(text, lang) or "", lang)
                if found:
                    line = _line_of(repo_root / cluster.path, found)
                    problems.append(Problem(cluster.path, line, f"{field}.{lang}", say("label-text-without-record", found=found)))
                    break
            else:
                continue
            break
    return problems


def _own_label(text: str, lang: str) -> str | None:
    for sentence in re.split(r"(?<=[.;])\s+", text):
        match = LABEL_TEXT[lang].search(sentence)
        if match and not NOT_OWN.search(sentence):
            return match.group(0)
    return None


def wording_problems(repo_root: Path, docs_dir: Path) -> list[Problem]:
    """Units and quotation marks against the house rule, in cluster files,
    hand-written pages and entries, and the interface wording."""
    problems: list[Problem] = []
    for shown, lang, text in _texts(repo_root, docs_dir):
        problems += _file_slips(shown, lang, text)
    return problems


@functools.lru_cache(maxsize=16384)  # `make serve` checks every file on every save; only an edited one is new text
def _file_slips(shown: str, lang: str | None, text: str) -> tuple[Problem, ...]:
    """The slips in one file's text; `lang` None for a cluster file (each value says its language)."""
    if not any(word in text for word in SLIP_WORDS) or not any(pattern.search(text) for patterns in SLIPS.values() for pattern, _ in patterns):
        return ()  # nearly every file: no slip anywhere in it (a slip in a line is one in the text), so no line to look at
    lines = _yaml_lines(shown, text) if lang is None else _lines(shown, text, lang)
    return tuple(
        Problem(path, number, "", say("wording-slip", found=match.group(1), better=better))
        for path, line_lang, number, line in lines
        for pattern, better in SLIPS[line_lang]
        for match in pattern.finditer(line)
    )


def _texts(repo_root: Path, docs_dir: Path) -> Iterator[tuple[str, str | None, str]]:
    """(path, language or None for a cluster file, text) of every file an editor writes in."""
    for path in sorted((repo_root / "data" / "clusters").glob("*.yml")):
        yield path.relative_to(repo_root).as_posix(), None, _text(path)
    for lang in ("lt", "en"):
        path = repo_root / "data" / "ui" / f"{lang}.yml"
        if path.is_file():
            yield path.relative_to(repo_root).as_posix(), lang, _text(path)
    for path in sorted(docs_dir.rglob("*.md")):
        text = _text(path)
        if not is_stub_text(text):  # made from data: its words are the data files', checked there
            yield path.relative_to(repo_root).as_posix(), "en" if path.name.endswith(".en.md") else "lt", text


def _lines(shown: str, text: str, lang: str) -> Iterable[tuple[str, str, int, str]]:
    """(path, language, line number, text) of every line an editor writes in
    one language, with link targets removed and quoting lines skipped."""
    quoted_indent = -1  # a quoting field's value may go on over more-indented lines
    for number, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip())
        if quoted_indent >= 0 and line.strip() and indent > quoted_indent:
            continue
        quoted_indent = -1
        if QUOTED_LINE.match(line):
            quoted_indent = indent
        else:
            yield shown, lang, number, LINK_TARGET.sub("", line)


def _yaml_lines(shown: str, text: str) -> Iterable[tuple[str, str, int, str]]:
    """A cluster file's lines under `lt:` or `en:` keys (inline or as a block)."""
    current: str | None = None
    block_indent = -1
    for number, line in enumerate(text.splitlines(), 1):
        indent = len(line) - len(line.lstrip())
        key = re.match(r"\s*(lt|en):\s*(\|[-+]?|>[-+]?)?\s*(.*)$", line)
        if key:
            current, block_indent = key[1], indent
            if key[3]:
                yield shown, current, number, LINK_TARGET.sub("", key[3])
            continue
        if current and line.strip() and indent > block_indent and not QUOTED_LINE.match(line):
            yield shown, current, number, LINK_TARGET.sub("", line)
        elif line.strip():
            current = None


def _text(path: Path) -> str:
    """The file's text; "" when it is over the size limit or not UTF-8 (the
    loader reports both, with the fix, and never reads an oversized file)."""
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            return ""
        return path.read_text(encoding="utf-8")
    except (OSError, UnicodeDecodeError):
        return ""


def _line_of(path: Path, needle: str) -> int:
    return next((number for number, line in enumerate(_text(path).splitlines(), 1) if needle in line), 0)


def all_problems(site: SiteData, repo_root: Path, docs_dir: Path) -> list[Problem]:
    return [*city_problems(site, repo_root), *label_problems(site, repo_root), *wording_problems(repo_root, docs_dir)]


def check(repo_root: Path, docs_dir: Path) -> Callable[[SiteData, Problems], None]:
    """The rules as one of `load_site`'s checks, so `make check` and the build
    report them in the same run as every other problem. Like raw HTML in
    Markdown they are warnings (Problems.warn): `make check` and a strict
    build (`make build`, CI) stop on them; a non-strict build shows what it
    would publish (the payload tests build hostile values that way)."""

    def run(site: SiteData, problems: Problems) -> None:
        for problem in all_problems(site, repo_root, docs_dir):
            problems.warn(problem.path, problem.line, problem.field, problem.message)

    return run
