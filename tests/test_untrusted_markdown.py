"""Raw HTML and script links in Markdown never reach a page as markup.

Every kind of Markdown an outside contributor can send (news, story, event,
hand-written page, a cluster's description) carries the same four payloads.
`make check` names each one with its line and the fix; a build (not strict:
under --strict the same findings are fatal) publishes them as text.
"""

from __future__ import annotations

import re
import subprocess
import sys
import textwrap

import markdown
import pytest

from check_support import SOURCE
from clustersite.source.markdown_text import SafeHtml, render_markdown
from clustersite.source.raw_html import Finding, find_unsafe_markup
from clustersite.text.errors import MarkdownSetupError
from conftest import FIXED_EPOCH, REPO, copy_site_sources, minimal_cluster, replace_content, run_build

PAYLOADS = textwrap.dedent("""\
    Tekstas prieš.

    <script>alert(1)</script>

    Paveikslas <img src=x onerror=alert(1)> tekste.

    [Spausk](javascript:alert(1))

    <iframe src="https://evil.example/"></iframe>

    Kodas `<script>alert(2)</script>` yra tekstas, kaip ir blokas:

        <iframe src="https://evil.example/code"></iframe>

    ```
    <img src=x onerror=alert(2)>
    ```
    """)
SCRIPT = "raw HTML is not allowed in Markdown: <script>; remove it"
HANDLER = "raw HTML is not allowed in Markdown: <img …>; remove it"
LINK = 'unsafe link (got "javascript:alert(1)"); only https://, http://, mailto: and paths are kept, so remove it'
IFRAME = "raw HTML is not allowed in Markdown: <iframe …>; remove it"
FRONT = {
    "news": "title: Naujiena\ndate: 2024-03-05\n" + SOURCE,
    "story": "title: Istorija\ndate: 2024-03-05\nclusters: [pavojingas]\nsummary: Santrauka.\n" + SOURCE,
    "event": "title: Renginys\nstart: 2026-10-03\n" + SOURCE,
}
ENTRY_FILES = {"news": "naujienos/2024-03-05-naujiena", "story": "sekmes-istorijos/istorija", "event": "renginiai/renginys"}
PAGES = {  # content type: the Lithuanian page that carries the payloads
    "news": "naujienos/2024-03-05-naujiena/",
    "story": "sekmes-istorijos/istorija/",
    "event": "renginiai/renginys/",
    "hand-written page": "inolink/",
    "cluster description": "klasteriai/pavojingas/",
}
# Each payload's line in the body (the code lines after them are not reported).
BODY_LINES = (3, 5, 7, 9)


def expected_messages(path: str, first_body_line: int, field: str = "") -> list[str]:
    """A Markdown field's findings are all at its key's line (YAML folds the text's own lines)."""
    where = f"{field}: " if field else ""
    lines = [first_body_line + offset - 1 for offset in BODY_LINES] if not field else [first_body_line] * 4
    return [f"{path}:{line}: {where}{message}" for line, message in zip(lines, (SCRIPT, HANDLER, LINK, IFRAME), strict=False)]


EXPECTED = {
    "news": expected_messages("content/naujienos/2024-03-05-naujiena.md", 6),
    "story": expected_messages("content/sekmes-istorijos/istorija.md", 8),
    "event": expected_messages("content/renginiai/renginys.md", 6),
    "hand-written page": None,  # depends on the real page's length; filled in by the fixture
    "cluster description": sorted(expected_messages("data/clusters/pavojingas.yml", 10, "description.lt")),
}


@pytest.fixture(scope="module")
def hostile_site(tmp_path_factory):
    """A fixture site with the payloads in every kind of Markdown: its
    `make check` output and its (non-strict) build."""
    root = copy_site_sources(tmp_path_factory.mktemp("hostile") / "repo")
    description = "description:\n  lt: |\n" + textwrap.indent(PAYLOADS, "    ")
    entries = {}
    for kind, stem in ENTRY_FILES.items():
        entries[f"{stem}.md"] = f"---\n{FRONT[kind]}---\n{PAYLOADS}"
        entries[f"{stem}.en.md"] = "---\ntitle: English\n" + ("summary: Summary.\n" if kind == "story" else "") + "---\nText.\n"
    replace_content(root, {"pavojingas": minimal_cluster("Pavojingas", extra=description)}, entries)
    page = root / "content" / "inolink.md"
    page_text = page.read_text(encoding="utf-8").rstrip("\n") + "\n\n"
    page.write_text(page_text + PAYLOADS, encoding="utf-8")
    EXPECTED["hand-written page"] = expected_messages("content/inolink.md", page_text.count("\n") + 1)
    check = subprocess.run(
        [sys.executable, "-m", "clustersite.tools.check", "--root", str(root)],
        capture_output=True,
        text=True,
        env={"SOURCE_DATE_EPOCH": FIXED_EPOCH, "PATH": "", "LANG": "en_GB.UTF-8"},  # the English messages EXPECTED pins
    )
    build = run_build(root, root.parent / "site", strict=False)
    assert build.returncode == 0, build.output
    return check, build


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.build
def test_check_reports_each_payload_with_its_line_and_fix(hostile_site, kind):
    check, _ = hostile_site
    assert check.returncode == 1
    assert [line for line in check.stdout.splitlines() if line.startswith(EXPECTED[kind][0].split(":")[0] + ":")] == EXPECTED[kind]


@pytest.mark.parametrize("kind", PAGES)
@pytest.mark.build
def test_the_build_warns_and_publishes_the_payloads_as_text(hostile_site, kind):
    _, build = hostile_site
    for message in EXPECTED[kind]:
        assert f"WARNING -  {message}" in build.output
    page = build.page(PAGES[kind])
    content = page.select_one("article") or page
    assert not content.find_all(["iframe", "object", "embed"])
    scripts = [s for s in page.find_all("script") if s.get("type") not in ("application/json", "application/ld+json")]
    assert not [s for s in scripts if "alert" in (s.string or "")]
    assert not [(tag.name, name) for tag in page.find_all(True) for name in tag.attrs if name.lower().startswith("on")]
    assert not page.find(href=re.compile(r"^\s*javascript:", re.I)) and not page.find(src=re.compile(r"^\s*javascript:", re.I))
    text = content.get_text()
    for payload in ("<script>alert(1)</script>", "<img src=x onerror=alert(1)>", '<iframe src="https://evil.example/">'):
        assert payload in text  # shown to the reader as written, so the editor sees what to fix
    assert content.find("a", string="Spausk").get("href") is None


def test_the_real_content_has_no_findings():
    texts = [path.read_text(encoding="utf-8") for path in REPO.joinpath("content").rglob("*.md")]
    texts += [path.read_text(encoding="utf-8") for path in REPO.joinpath("data").rglob("*.yml")]
    assert [finding for text in texts for finding in find_unsafe_markup(text)] == []


SITE_EXTENSIONS = ["toc", "tables", "fenced_code", "attr_list", "admonition"]  # MkDocs' built-ins and mkdocs.yml's


def page_html(text: str) -> str:
    """A page body rendered as MkDocs renders it, SafeHtml last."""
    return markdown.Markdown(extensions=[*SITE_EXTENSIONS, SafeHtml()]).convert(text)


@pytest.mark.parametrize(
    ("source", "unsafe"),
    [
        pytest.param("[x](javascript&#58;alert(1))", "javascript", id="entity-colon"),
        pytest.param("[x](JaVaScRiPt:alert(1))", "javascript", id="mixed-case"),
        pytest.param("[x](java&#x09;script:alert(1))", "javascript", id="entity-tab"),
        pytest.param("[x](<javascript:alert(1)>)", "javascript", id="angle-target"),
        pytest.param("[x][r]\n\n[r]: javascript:alert(1)", "javascript", id="reference"),
        pytest.param("![x](data:image/svg+xml,<svg onload=alert(1)>)", "data:", id="data-image"),
        pytest.param('[x](https://ok.example){: onclick="alert(1)" }', "onclick", id="attr-list-handler"),
        pytest.param('Para\n{: onmouseover="alert(1)" }', "onmouseover", id="attr-list-block"),
        pytest.param('```{ .py onclick="alert(1)" }\ncode\n```', "onclick", id="fenced-code-attribute"),
        pytest.param("<div markdown>\n**x**\n</div>", "<div", id="md-in-html"),
        pytest.param("a <!-- x --> b", "<!--", id="comment"),
    ],
)
def test_every_route_to_markup_or_script_is_closed_and_reported(source, unsafe):
    assert unsafe not in page_html(source).lower()
    assert find_unsafe_markup(source), source


@pytest.mark.parametrize(
    ("source", "message"),
    [
        ('<img src="logo.png" alt="Logo">', "raw HTML is not allowed in Markdown: <img …>; use Markdown: ![alt text](path)"),
        ('<a href="https://litek.lt/">LITEK</a>', "raw HTML is not allowed in Markdown: <a …>; use Markdown: [link text](https://...)"),
        ('<a href="javascript:alert(1)">x</a>', "raw HTML is not allowed in Markdown: <a …>; remove it"),
        ("<b>svarbu</b>", "raw HTML is not allowed in Markdown: <b>; use Markdown: **bold text**"),
        (
            "eilutė<br>kita",
            "raw HTML is not allowed in Markdown: <br>; end the line with two spaces for a line break, or leave an empty line for a new paragraph",
        ),
        ("<span class=x>y</span>", "raw HTML is not allowed in Markdown: <span …>; write plain Markdown without it"),
        (
            "[x](ftp://example.org/f)",
            'unsafe link (got "ftp://example.org/f"); only https://, http://, mailto: and paths '
            "are kept, so link to an address starting with https://, or mailto: for e-mail",
        ),
    ],
)
def test_each_tag_names_what_to_write_instead(source, message):
    assert find_unsafe_markup(source) == [Finding(1, message)]


def test_code_is_text_and_is_not_reported():
    source = (
        "Use `<b>` and ``<i>`x`</i>``.\n\n    <script>alert(1)</script>\n\n```html\n<iframe></iframe>\n```\n\n- item\n\n    <b>in a list: a paragraph</b>\n"
    )
    assert [finding.message for finding in find_unsafe_markup(source)] == [
        "raw HTML is not allowed in Markdown: <b>; use Markdown: **bold text**",
    ]
    assert [f.line for f in find_unsafe_markup(source)] == [11]
    html = page_html(source)
    assert "<code>&lt;b&gt;</code>" in html and "<script" not in html and "<iframe" not in html


def test_safe_markdown_is_unchanged():
    source = "# T\n\n**b** *i* [a](https://e.lt/) [m](mailto:a@e.lt) [r](../x/) <https://e.lt/> ![i](../i.png)\n\n| a |\n|---|\n| b |\n"
    assert page_html(source) == markdown.Markdown(extensions=SITE_EXTENSIONS).convert(source)
    assert render_markdown("# T") == "<h3>T</h3>"


def test_a_later_extension_cannot_turn_raw_html_back_on():
    md = markdown.Markdown(extensions=[SafeHtml(), "md_in_html"])
    with pytest.raises(MarkdownSetupError, match="must come last"):
        md.convert("<b>x</b>")
