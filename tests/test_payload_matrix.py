"""Every string field of every content type, with hostile values, in every output.

The fields come from the field specification itself (the `Obj`/`Field` trees
in the package, the vocabulary terms, and every key of the interface
wording), so a field added later is covered without touching this test.
Each payload kind is one site: every field gets the payload with a marker
naming the field, the site is built, and every file it writes is read the
way its consumer reads it: HTML and inline SVG parsed, XML (badges, Atom,
sitemaps) parsed, iCalendar unfolded line by line, JSON and CSV parsed, the
search index decompressed. A value must arrive as text, never as markup,
and a build fails because of it only where `make check` rejects it too.
"""

from __future__ import annotations

import csv
import gzip
import io
import json
import re
import struct
import subprocess
import sys
import zlib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from xml.etree import ElementTree

import icalendar
import pytest
import yaml
from bs4 import BeautifulSoup
from pydantic import BaseModel

from browser_support import PageWatch, serve
from clustersite.model import entries, fields, records, vocabularies
from clustersite.model.cluster_model import Cluster
from clustersite.outputs.security_headers import inline_scripts
from clustersite.text.problems import Problems
from conftest import FIXED_EPOCH, copy_site_sources, replace_content, run_build

pytestmark = pytest.mark.build  # each test builds a site, or reads one a fixture builds

# Each kind: the text form (any text field) and the URL form (a web address
# field); {m} is the marker naming the field. None: the kind has no such form.
PAYLOADS: dict[str, tuple[str | None, str | None]] = {
    "script-tag": ('<script>alert("{m}")</script>', "https://example.org/{m}/<script>alert(1)</script>"),
    "event-handler": ('<img src=x onerror=alert("{m}")>', "https://example.org/{m}/<img/src=x/onerror=alert(1)>"),
    "attribute-breakout-double": ('x"><svg onload=alert("{m}")>', 'https://example.org/{m}"><svg/onload=alert(1)>'),
    "attribute-breakout-single": ("x'><svg onload=alert('{m}')>", "https://example.org/{m}'><svg/onload=alert(1)>"),
    "end-of-script": ('</script><script>alert("{m}")</script>', "https://example.org/{m}</script><script>alert(1)</script>"),
    "end-of-cdata": (']]><script>alert("{m}")</script><![CDATA[', "https://example.org/{m}]]><script>alert(1)</script>"),
    "line-break": ("a\r\nX-INJECTED-{m}:1\r\nb", "https://example.org/{m}\r\nX-INJECTED-{m}:1"),
    "javascript-url": (None, 'javascript:alert("{m}")'),
    "data-url": (None, 'data:text/html,<script>alert("{m}")</script>'),
}
# Values for the fields that are not free text, by spec type; dates by field name
# so that an event ends after it starts and a news item's date is its file name's.
DATES = {"date": "2024-03-05", "valid_until": "2025-01-01", "start": "2026-10-03 10:00", "end": "2026-10-03 17:00"}
ENTRY_FILES = {"news": "naujienos/2024-03-05-pavojinga", "story": "sekmes-istorijos/pavojinga", "event": "renginiai/pavojingas"}
HANDWRITTEN = "apie-klasterius"  # a hand-written page pair: its front matter's title and description
SCOPE = "/"
JSON_TYPES = ("application/json", "application/ld+json")
MARKER = re.compile(r"zq\d{4}zq")


@dataclass
class Matrix:
    """What one payload kind put where."""

    markers: dict[str, str] = field(default_factory=dict)  # marker: field path
    rejected: dict[str, str] = field(default_factory=dict)  # field path: the check's message

    def mark(self, path: str) -> str:
        marker = f"zq{len(self.markers):04d}zq"
        self.markers[marker] = path
        return marker


def _png(path: Path) -> str:
    """A valid 8x8 PNG, for the image fields (their checks read the file)."""

    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))

    raw = b"".join(b"\0" + b"\xff\xff\xff" * 8 for _ in range(8))
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(
        b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", 8, 8, 8, 2, 0, 0, 0)) + chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
    )
    return "data/logos/pavojingas.png"


class Filler:
    """Walks a model and gives every leaf a value: the payload where the
    field takes text, a plain valid value elsewhere. A payload the field's
    own check rejects is left out and recorded with the check's message."""

    def __init__(self, kind: str, matrix: Matrix, root: Path, vocab: dict, image: str):
        self.text, self.url = PAYLOADS[kind]
        self.matrix, self.image = matrix, image
        self.ctx = fields.Context(Problems(), dt_build(), root, vocab)

    def record(self, model: type[BaseModel], path: str, only: tuple[str, ...] = ()) -> dict[str, Any]:
        return {name: self.value(field, f"{path}.{name}", name) for name, field in model.model_fields.items() if not only or name in only}

    def value(self, field: Any, path: str, name: str) -> Any:
        inner = records.field_model(field)
        many = records.is_sequence(field.annotation)
        if isinstance(inner, type) and issubclass(inner, BaseModel):
            built = self.record(inner, f"{path}[]" if many else path)
            return [built] if many else built
        spec, help_ = records.spec_of(field), records.help_of(field)
        example = help_.example if help_ else None
        leaf = self.leaf(spec, f"{path}[]" if many else path, name, example)
        return [leaf] if many else leaf

    def leaf(self, spec: fields.Spec | None, path: str, name: str, example: str | None = None) -> Any:
        if isinstance(spec, fields.Str | fields.Url | fields.Email):
            hostile = self.hostile(spec, path)
            if hostile is not None:
                return hostile
        return self.plain(spec, name, example)

    def hostile(self, spec: fields.Spec, path: str) -> Any:
        form = self.url if isinstance(spec, fields.Url) else self.text
        if form is None:
            return None
        candidate = form.format(m=self.matrix.mark(path))
        if isinstance(spec, fields.Email):
            candidate = candidate.replace(" ", "") + "@example.org"
        before = len(self.ctx.problems.items)
        if spec.check(candidate, fields.Where("x", 1, path), self.ctx) is fields.INVALID:
            self.matrix.rejected[path] = self.ctx.problems.items[before].message
            return None
        return candidate

    def plain(self, spec: fields.Spec | None, name: str, example: str | None = None) -> Any:
        if isinstance(spec, fields.Str) and example:  # the model's example fits its pattern
            return example
        if name in DATES:
            return DATES[name]
        if isinstance(spec, fields.Choice):
            return spec.allowed(self.ctx)[0]
        if isinstance(spec, fields.Number):
            return spec.minimum if spec.integer else round((spec.minimum + spec.maximum) / 2, 4)
        if isinstance(spec, fields.Year | fields.Date):
            return 2020 if isinstance(spec, fields.Year) else "2020-01-01"
        if isinstance(spec, fields.DateTime):
            return "2026-10-03 10:00"
        if isinstance(spec, fields.Bool):
            return True
        if isinstance(spec, fields.RepoFile):  # a news image has its one folder
            return f"{spec.folder}/{Path(self.image).name}" if spec.folder else self.image
        if isinstance(spec, fields.Url):
            return "https://example.org/source/page"
        if isinstance(spec, fields.Email):
            return "info@example.org"
        if isinstance(spec, fields.Str):
            return "tekstas"
        raise AssertionError(f"no plain value for {type(spec).__name__}: add one")


def dt_build():
    import datetime as dt

    return dt.datetime.fromtimestamp(int(FIXED_EPOCH), dt.UTC).date()


def dump(data: Any) -> str:
    return yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=10_000)


def hostile_repo(root: Path, kind: str) -> Matrix:
    """A copy of the site where every string field holds the payload kind."""
    matrix = Matrix()
    copy_site_sources(root)
    image = _png(root / "data" / "logos" / "pavojingas.png")
    _png(root / "data" / "images" / "pavojingas.png")
    vocab = {"clusters": {"pavojingas": None}}
    for name in vocabularies.VOCABULARY_FILES:  # every term of every vocabulary
        path = root / "data" / f"{name}.yml"
        terms = yaml.safe_load(path.read_text(encoding="utf-8"))
        filler = Filler(kind, matrix, root, {}, image)
        for key, term in terms.items():
            hostile = filler.record(vocabularies.TermFile, f"data/{name}.yml:{key}")
            terms[key] = {**term, **{k: hostile[k] for k in ("lt", "en")}}
        path.write_text(dump(terms), encoding="utf-8")
        vocab[name] = terms
    filler = Filler(kind, matrix, root, vocab, image)
    cluster = filler.record(Cluster, "cluster")
    pages = {}
    for entry_kind, model in entries.FILES.items():
        lt = filler.record(model, f"{entry_kind}")
        en = filler.record(model, f"{entry_kind}.en", only=entries.TEXT_FIELDS)  # the English file's own fields
        for lang, front in (("lt", lt), ("en", en)):
            body = filler.hostile(fields.Str(), f"{entry_kind}.{lang}.body") or "Tekstas."
            suffix = "" if lang == "lt" else ".en"
            pages[f"{ENTRY_FILES[entry_kind]}{suffix}.md"] = f"---\n{dump(front)}---\n\n{body}\n"
    replace_content(root, {"pavojingas": dump(cluster)}, pages)
    for suffix, lang in (("", "lt"), (".en", "en")):  # a hand-written page's front matter
        page = root / "content" / f"{HANDWRITTEN}{suffix}.md"
        front = {name: filler.hostile(fields.Str(), f"page.{lang}.{name}") for name in ("title", "description")}
        front = {k: v for k, v in front.items() if v}
        if front:
            text = page.read_text(encoding="utf-8")
            body = text.split("---\n", 2)[2] if text.startswith("---\n") else text
            page.write_text(f"---\n{dump(front)}---\n{body}", encoding="utf-8")
    for lang in ("lt", "en"):  # every key of the interface wording
        path = root / "data" / "ui" / f"{lang}.yml"
        wording = yaml.safe_load(path.read_text(encoding="utf-8"))
        for key, text in wording.items():
            hostile = filler.hostile(fields.Str(), f"data/ui/{lang}.yml:{key}")
            if hostile:
                wording[key] = f"{text} {hostile}"
        path.write_text(dump(wording), encoding="utf-8")
    return matrix


# --- reading the outputs -------------------------------------------------------


def html_findings(text: str, where: str) -> list[str]:
    found = []
    for tag in BeautifulSoup(text, "html.parser").find_all(True):
        if MARKER.search(tag.name):
            found.append(f"{where}: an element made from content: <{tag.name}>")
        for name, value in tag.attrs.items():
            value = " ".join(value) if isinstance(value, list) else value
            if name.startswith("on") or MARKER.search(name):
                found.append(f"{where}: <{tag.name} {name}=…> (an attribute from content)")
            if name in ("href", "src", "action", "formaction", "xlink:href", "data"):
                scheme = value.strip().lower()
                if scheme.startswith(("javascript:", "vbscript:")) or (scheme.startswith("data:") and not scheme.startswith("data:image/")):
                    found.append(f"{where}: <{tag.name} {name}={value[:60]!r}>")
        if tag.name == "script" and not tag.get("src"):
            body = tag.string or ""
            if (tag.get("type") or "") in JSON_TYPES:
                try:
                    json.loads(body)
                except ValueError:
                    found.append(f"{where}: a JSON block that is not JSON: {body[:80]!r}")
            elif body not in inline_scripts(SCOPE):
                found.append(f"{where}: an inline script not on the list: {body[:80]!r}")
        if tag.name in ("iframe", "object", "embed", "base", "frame"):  # the site has none of its own
            found.append(f"{where}: <{tag.name}>")
    return found


def xml_findings(data: bytes, where: str) -> list[str]:
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError as error:
        return [f"{where}: not well-formed XML any more ({error})"]
    found = []
    for element in root.iter():
        local = element.tag.rsplit("}", 1)[-1]
        if local.lower() == "script" or MARKER.search(local):
            found.append(f"{where}: an element <{local}>")
        found += [f"{where}: <{local} {name}>" for name in element.attrib if name.rsplit("}", 1)[-1].startswith("on") or MARKER.search(name)]
    return found


def calendar_findings(data: bytes, where: str) -> list[str]:
    found = []
    if not data.endswith(b"\r\n"):
        found.append(f"{where}: does not end with CRLF")
    lines = data[:-2].split(b"\r\n")
    for line in lines:
        if b"\n" in line or b"\r" in line:
            found.append(f"{where}: a bare line break inside a line: {line[:60]!r}")
        if len(line) > 75:
            found.append(f"{where}: a line of {len(line)} octets, not folded")
    unfolded: list[bytes] = []
    for line in lines:
        if line[:1] in (b" ", b"\t") and unfolded:
            unfolded[-1] += line[1:]
        else:
            unfolded.append(line)
    for line in unfolded:
        name = re.split(rb"[:;]", line, maxsplit=1)[0]
        if b"INJECTED" in name or MARKER.search(name.decode("utf-8", "replace")):
            found.append(f"{where}: a property from content: {line[:60]!r}")
    try:
        icalendar.Calendar.from_ical(data)
    except ValueError as error:
        found.append(f"{where}: not iCalendar any more ({error})")
    return found


def json_findings(data: bytes, where: str) -> list[str]:
    try:
        json.loads(data)
    except ValueError as error:
        return [f"{where}: not JSON any more ({error})"]
    return []


def csv_findings(data: bytes, where: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(data.decode("utf-8-sig"), newline="")))
    widths = {len(row) for row in rows}
    return [] if len(widths) <= 1 else [f"{where}: rows of {sorted(widths)} columns"]


def search_index_findings(data: bytes, where: str) -> list[str]:
    text = gzip.decompress(data)
    if not text.startswith(b"pagefind_dcd"):
        return [f"{where}: not a Pagefind fragment"]
    try:
        fragment = json.loads(text[len(b"pagefind_dcd") :])
    except ValueError as error:
        return [f"{where}: not JSON any more ({error})"]
    # The indexed text is plain text (a "<" in it is a character), which
    # search-page.js shows as text; here it must only still be read as JSON.
    return [] if isinstance(fragment.get("content"), str) else [f"{where}: no text"]


READERS = {  # output format: (which files, how to read them)
    "HTML pages and inline SVG": (lambda p: p.suffix == ".html" and "embed" not in p.parts, lambda d, w: html_findings(d.decode(), w)),
    "embeds": (lambda p: p.suffix == ".html" and "embed" in p.parts, lambda d, w: html_findings(d.decode(), w)),
    "badge SVG": (lambda p: p.suffix == ".svg" and "badges" in p.parts, xml_findings),
    "Atom": (lambda p: p.suffix == ".xml" and not p.name.startswith("sitemap"), xml_findings),
    "sitemaps": (lambda p: p.name == "sitemap.xml", xml_findings),
    "sitemaps (gzip)": (lambda p: p.name == "sitemap.xml.gz", lambda d, w: xml_findings(gzip.decompress(d), w)),
    "iCalendar": (lambda p: p.suffix == ".ics", calendar_findings),
    "JSON (open data, badges)": (lambda p: p.suffix == ".json", json_findings),
    "GeoJSON": (lambda p: p.suffix == ".geojson", json_findings),
    "CSV": (lambda p: p.suffix == ".csv", csv_findings),
    "search index": (lambda p: p.suffix == ".pf_fragment", search_index_findings),
}
# JSON-LD and the directory's JSON are read inside the HTML pages (json.loads of each block).


def read_outputs(site: Path) -> tuple[list[str], dict[str, set[str]]]:
    """Every finding, and for each format the markers that reached it as text."""
    findings: list[str] = []
    reached: dict[str, set[str]] = {name: set() for name in READERS}
    for path in sorted(p for p in site.rglob("*") if p.is_file()):
        where = path.relative_to(site).as_posix()
        for name, (matches, read) in READERS.items():
            if matches(path):
                data = path.read_bytes()
                findings += read(data, where)
                text = gzip.decompress(data) if path.suffix in (".gz", ".pf_fragment") else data
                reached[name] |= set(MARKER.findall(text.decode("utf-8", "replace")))
    return findings, reached


def run_check(root: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "clustersite.tools.check", "--root", str(root), "--lang", "en"],
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": FIXED_EPOCH, "PATH": ""},
    )


@dataclass
class Outcome:
    kind: str
    site: Path
    matrix: Matrix
    check: subprocess.CompletedProcess
    build_code: int
    build_output: str
    strict: bool
    findings: list[str]
    reached: dict[str, set[str]]
    headers: bytes


@pytest.fixture(scope="module")
def clean_headers(tmp_path_factory) -> bytes:
    root = copy_site_sources(tmp_path_factory.mktemp("clean") / "repo")
    _png(root / "data" / "logos" / "pavojingas.png")
    _png(root / "data" / "images" / "pavojingas.png")
    build = run_build(root, root.parent / "site")
    assert build.returncode == 0, build.output
    return (root.parent / "site" / "_headers").read_bytes()


@pytest.fixture(scope="module", params=list(PAYLOADS))
def outcome(request, tmp_path_factory) -> Outcome:
    base = tmp_path_factory.mktemp(request.param)
    matrix = hostile_repo(base / "repo", request.param)
    check = run_check(base / "repo")
    # A build may refuse a value only where `make check` does: strict when the check passes.
    strict = check.returncode == 0
    build = run_build(base / "repo", base / "site", strict=strict)
    findings, reached = read_outputs(base / "site") if build.returncode == 0 else ([], {})
    headers = (base / "site" / "_headers").read_bytes() if build.returncode == 0 else b""
    return Outcome(request.param, base / "site", matrix, check, build.returncode, build.output, strict, findings, reached, headers)


def test_every_value_arrives_as_text_in_every_output(outcome):
    assert outcome.build_code == 0, outcome.build_output[-3000:]
    assert outcome.findings == []


def test_a_value_the_build_would_refuse_is_refused_by_make_check_first(outcome):
    if not outcome.strict:
        assert outcome.check.returncode == 1 and "Traceback" not in outcome.check.stdout + outcome.check.stderr
        assert re.search(r"^\S+:\d+: \S+: ", outcome.check.stdout, re.M), outcome.check.stdout[-2000:]


def test_a_value_a_field_refuses_is_refused_with_a_message(outcome):
    for path, message in outcome.matrix.rejected.items():
        assert isinstance(message, str) and len(message) > 10, path


def test_the_headers_do_not_follow_the_content(outcome, clean_headers):
    assert outcome.headers == clean_headers


def test_every_field_is_covered_and_shown_somewhere(outcome):
    """A field whose payload was accepted appears, as text, in at least one
    output; the matrix's size is fields x payload kinds x output formats."""
    placed = {
        m for m, path in outcome.matrix.markers.items() if path not in outcome.matrix.rejected and not path.startswith("data/")
    }  # vocabularies and wording: where used
    shown = set().union(*outcome.reached.values())
    hidden = sorted(outcome.matrix.markers[m] for m in placed - shown)
    assert hidden == [], f"accepted but shown nowhere: {hidden}"
    assert outcome.matrix.markers and len(outcome.reached) == len(READERS)


@pytest.mark.browser
def test_in_a_browser_nothing_runs_and_search_shows_the_text(outcome, chromium):
    """The hostile site served with its own headers (CSP included): no dialog
    opens and no script error is raised on the pages that show the values,
    and site search shows an excerpt's characters as they were written."""
    assert outcome.build_code == 0, outcome.build_output[-2000:]
    dialogs: list[str] = []
    with serve(outcome.site) as base:
        context = chromium.new_context(viewport={"width": 1280, "height": 900})
        page = context.new_page()
        watch = PageWatch(page)
        page.on("dialog", lambda dialog: (dialogs.append(dialog.message), dialog.dismiss()))
        for path in (
            "",
            "klasteriai/",
            "klasteriai/pavojingas/",
            f"{ENTRY_FILES['news']}/",
            f"{ENTRY_FILES['event']}/",
            "statistika/",
            "en/",
            "en/klasteriai/pavojingas/",
            "paieska/?q=alert",
        ):
            page.goto(base + path)
            page.wait_for_load_state("load")
        page.wait_for_selector(".cs-search__excerpt")  # (the status line's wording holds the payload too)
        excerpts = page.eval_on_selector_all(".cs-search__excerpt", "els => els.map(e => e.textContent)")
        context.close()
    assert dialogs == [] and watch.errors == []
    text, _ = PAYLOADS[outcome.kind]
    if text and "alert(" in text:  # found by its word, and shown with its "<" and quotes as written
        written = text.split("{m}")[0].rsplit("\n", 1)[-1]
        assert any(written in excerpt for excerpt in excerpts), (written, excerpts[:3])
