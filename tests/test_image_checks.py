"""Logos and news pictures are checked by content, size and SVG safety, with
messages in the editor's language; a news picture needs alt text in each language."""

from __future__ import annotations

import pytest

from check_support import PNG, news_pair, run_check
from conftest import minimal_cluster


@pytest.mark.parametrize(
    "name, content, expected",
    [
        ("ok.png", PNG, None),
        ("ok.svg", b'<svg xmlns="http://www.w3.org/2000/svg"><use href="#a"/></svg>', None),
        ("named.png", b"<html>not a picture</html>", "the file is not a PNG image, whatever its name says; export it again as PNG"),
        ("big.png", PNG + b"\0" * 5_100_000, "logo is 5.2 MB; keep it under 500 KB, export at 400 px"),
        (
            "script.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
            "the SVG contains <script>, which is not allowed (scripts, event handlers, links to other files); export it again as plain SVG",
        ),
        (
            "onload.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" onload="alert(1)"/>',
            "the SVG contains onload=, which is not allowed (scripts, event handlers, links to other files); export it again as plain SVG",
        ),
        (
            "link.svg",
            b'<svg xmlns="http://www.w3.org/2000/svg" xmlns:xlink="http://www.w3.org/1999/xlink"><image xlink:href="https://x.example/a.png"/></svg>',
            'the SVG contains xlink:href="https://x.example/a.png", which is not allowed (scripts, event handlers, links to other files); export it again as plain SVG',
        ),
        ("broken.svg", b"<svg", "the SVG file is not valid SVG (XML with an <svg> root); export it again"),
    ],
)
def test_logos_are_checked_by_content_size_and_svg_safety(fixture_repo, capsys, name, content, expected):
    root = fixture_repo({"bandomasis": minimal_cluster(extra=f"logo: data/logos/{name}\n")})
    (root / "data" / "logos").mkdir(exist_ok=True)
    (root / "data" / "logos" / name).write_bytes(content)
    code, output = run_check(root, capsys, "--lang", "en")
    lines = [line for line in output.splitlines() if line.startswith("data/")]
    assert lines == ([] if expected is None else [f"data/clusters/bandomasis.yml:9: logo: {expected}"])


def test_a_news_image_needs_alt_text_in_each_language(fixture_repo, capsys):
    entries = news_pair("2024-05-01", extra="image: data/logos/foto.png\nimage_alt: Nuotrauka\n")
    root = fixture_repo({"bandomasis": minimal_cluster()}, entries)
    (root / "data" / "logos").mkdir(exist_ok=True)
    (root / "data" / "logos" / "foto.png").write_bytes(PNG)
    code, output = run_check(root, capsys, "--lang", "en")
    assert [line for line in output.splitlines() if line.startswith("content/")] == [
        "content/naujienos/2024-05-01-naujiena.en.md:2: image_alt: missing; describe the image in this file's language (image is set)"
    ]
    english = root / "content" / "naujienos" / "2024-05-01-naujiena.en.md"
    english.write_text(english.read_text(encoding="utf-8").replace("title: News\n", "title: News\nimage_alt: A photo\n"), encoding="utf-8")
    code, output = run_check(root, capsys, "--lang", "en")
    assert code == 0, output


def test_image_messages_in_lithuanian_name_the_thing_in_lithuanian(tmp_path):
    from clustersite.source.images import image_problem
    from clustersite.text.messages import in_lang

    big = tmp_path / "big.png"
    big.write_bytes(PNG + b"\0" * 5_100_000)
    assert in_lang(image_problem(big, "logo", 400), "lt") == "logotipas yra 5.2 MB; turi būti mažesnis nei 500 KB, eksportuokite 400 px pločio"
