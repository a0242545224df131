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
    entries = news_pair("2024-05-01", extra="image: data/images/foto.png\nimage_alt: Nuotrauka\n")
    root = fixture_repo({"bandomasis": minimal_cluster()}, entries)
    (root / "data" / "images").mkdir(exist_ok=True)
    (root / "data" / "images" / "foto.png").write_bytes(PNG)
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


@pytest.mark.parametrize(
    ("written", "placed", "expected"),
    [
        ("data/images/foto.png", "data/images/foto.png", None),
        (
            "data/logos/foto.png",
            "data/logos/foto.png",
            'news images go in data/images/, named with lowercase letters a-z, digits and hyphens (got "data/logos/foto.png"); '
            "move the file and write e.g. data/images/foto.png",
        ),
        (
            "data/images/Forumo Foto.PNG",
            "data/images/Forumo Foto.PNG",
            'news images go in data/images/, named with lowercase letters a-z, digits and hyphens (got "data/images/Forumo Foto.PNG"); '
            "move the file and write e.g. data/images/forumo-foto.png",
        ),
        ("data/images/nera.png", None, 'no such file (got "data/images/nera.png"); add the file or fix the path'),
        ("data/images/foto.gif", "data/images/foto.gif", 'not an image file (got "data/images/foto.gif"); use one of: .svg, .png, .jpg, .jpeg, .webp'),
        ("data/images/foto.jpg", "data/images/foto.jpg", "the file is not a JPEG image, whatever its name says; export it again as JPEG"),
    ],
)
def test_a_news_image_has_one_place_and_is_checked_by_content(fixture_repo, capsys, written, placed, expected):
    entries = news_pair("2024-05-01", extra=f'image: "{written}"\nimage_alt: Nuotrauka\n', extra_en="image_alt: A photo\n")
    root = fixture_repo({"bandomasis": minimal_cluster()}, entries)
    if placed:
        (root / placed).parent.mkdir(parents=True, exist_ok=True)
        (root / placed).write_bytes(PNG)
    code, output = run_check(root, capsys, "--lang", "en")
    lines = [line for line in output.splitlines() if line.startswith("content/")]
    assert lines == ([] if expected is None else [f"content/naujienos/2024-05-01-naujiena.md:4: image: {expected}"])


def test_a_news_image_too_large_names_the_width_to_export(fixture_repo, capsys):
    entries = news_pair("2024-05-01", extra="image: data/images/foto.png\nimage_alt: Nuotrauka\n", extra_en="image_alt: A photo\n")
    root = fixture_repo({"bandomasis": minimal_cluster()}, entries)
    (root / "data" / "images").mkdir(exist_ok=True)
    (root / "data" / "images" / "foto.png").write_bytes(PNG + b"\0" * 600_000)
    code, output = run_check(root, capsys, "--lang", "lt")
    assert [line for line in output.splitlines() if line.startswith("content/")] == [
        "content/naujienos/2024-05-01-naujiena.md:4: image: paveikslėlis yra 601 KB; turi būti mažesnis nei 500 KB, eksportuokite 1200 px pločio"
    ]
