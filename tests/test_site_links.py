"""Links to the site's own pages written as site paths (`/klasteriai/litek/`):
`make check` reports a path that names no page, with the closest one, and
the build stops with the same line; the links that exist resolve in both
languages and under a sub-path, from page bodies and cluster descriptions."""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest

from check_support import news_pair, run_check
from clustersite.source.site_paths import address, page_of_source, relative_url
from conftest import minimal_cluster, run_build

DESCRIBED = minimal_cluster(
    "Aprašytas klasteris",
    description="""\
    description:
      lt: Bendradarbiauja su [kitu klasteriu](/klasteriai/kitas/) ir skelbia [naujienas](/naujienos/2024-05-01-naujiena/#pabaiga).
      en: Works with [another cluster](/en/klasteriai/kitas/).
    """,
)


def _news_with(body_lt: str, body_en: str = "") -> dict[str, str]:
    news = news_pair("2024-05-01")
    news["naujienos/2024-05-01-naujiena.md"] += body_lt
    news["naujienos/2024-05-01-naujiena.en.md"] += body_en
    return news


@pytest.mark.unit
def test_a_site_path_names_its_page_in_any_language_and_form():
    assert address("/klasteriai/litek/") == address("/klasteriai/litek") == address("/en/klasteriai/litek/#nariai") == "klasteriai/litek/"
    assert address("/") == address("/en/") == ""
    assert page_of_source("klasteriai/index.md") == page_of_source("klasteriai.md") == "klasteriai/"
    assert page_of_source("klasteriai/litek.en.md") is None
    assert relative_url("klasteriai/litek/", "naujienos/x/") == "../../klasteriai/litek/"
    assert relative_url("", "klasteriai/x/") == "../../"
    assert relative_url("klasteriai/x/", "klasteriai/x/") == "./"


@pytest.mark.unit
def test_check_reports_a_site_path_that_names_no_page_with_the_closest_one(fixture_repo, capsys):
    clusters = {"aprasytas": DESCRIBED, "kitas": minimal_cluster("Kitas"), "sugedes": "name: [\n"}
    news = _news_with(
        "\n[Kitas](/klasteriai/kitas/), [sugedęs, bet yra](/klasteriai/sugedes/), [sektorius?](/sektoriai/ict/) ir [klaida](/klasteriai/kitsa/).\n"
        "`[kodas](/nera/)`\n\n[nuoroda]: /renginiai/nera/\n",
        "\n[Home](/) and [about](/en/apie-klasterius/).\n",
    )
    root = fixture_repo(clusters, news)
    code, output = run_check(root, capsys, "--lang", "en")
    lines = [line for line in output.splitlines() if line.startswith("content/")]
    assert code == 1
    assert lines == [
        'content/naujienos/2024-05-01-naujiena.md:9: no page of the site has this address (got "/klasteriai/kitsa/"); did you mean "/klasteriai/kitas/"? '
        "link a page by its address from the site's root, e.g. /klasteriai/litek/",
        'content/naujienos/2024-05-01-naujiena.md:9: no page of the site has this address (got "/sektoriai/ict/"); '
        "link a page by its address from the site's root, e.g. /klasteriai/litek/",
        'content/naujienos/2024-05-01-naujiena.md:12: no page of the site has this address (got "/renginiai/nera/"); did you mean "/renginiai/"? '
        "link a page by its address from the site's root, e.g. /klasteriai/litek/",
    ]
    code, output = run_check(root, capsys, "--lang", "lt")
    assert (
        'content/naujienos/2024-05-01-naujiena.md:9: svetainėje nėra puslapio šiuo adresu (gauta "/klasteriai/kitsa/"); '
        "gal turėjote omenyje „/klasteriai/kitas/“? nurodykite puslapio adresą nuo svetainės šaknies, pvz., /klasteriai/litek/"
    ) in output.splitlines()


@pytest.mark.unit
def test_a_data_file_text_links_pages_by_site_path_only(fixture_repo, capsys):
    """A relative link in a cluster's description was published dead: it has
    no folder to be relative to. A wrong site path is caught like a body's."""
    described = DESCRIBED.replace("(/en/klasteriai/kitas/)", "(../kitas.md)").replace("(/klasteriai/kitas/)", "(/klasteriai/kitass/)")
    root = fixture_repo({"aprasytas": described, "kitas": minimal_cluster("Kitas")}, news_pair("2024-05-01"))
    code, output = run_check(root, capsys, "--lang", "en")
    assert [line for line in output.splitlines() if line.startswith("data/")] == [
        'data/clusters/aprasytas.yml:10: description.lt: no page of the site has this address (got "/klasteriai/kitass/"); '
        'did you mean "/klasteriai/kitas/"? link a page by its address from the site\'s root, e.g. /klasteriai/litek/',
        "data/clusters/aprasytas.yml:11: description.en: a link in a data file must be a web address (https://...) "
        'or a page\'s address in the site such as /klasteriai/litek/ (got "../kitas.md")',
    ]


def _resolves(build, page: str, href: str) -> Path:
    """The file a relative link on `page` (a path under the site folder) leads to."""
    target = posixpath.normpath(posixpath.join(page, href.split("#", 1)[0]))
    assert not target.startswith(".."), f"{href} on {page} leaves the site"
    return build.site / target / "index.html"


@pytest.mark.build
def test_site_paths_resolve_in_both_languages_under_a_sub_path_and_a_wrong_one_stops_the_build(fixture_repo, tmp_path, capsys):
    news = _news_with(
        "\n[Kitas klasteris](/klasteriai/kitas/#nariai), [visi](/klasteriai/) ir [pradžia](/).\n",
        "\n[Another cluster](/klasteriai/kitas/) and [about](/en/apie-klasterius/).\n",
    )
    root = fixture_repo({"aprasytas": DESCRIBED, "kitas": minimal_cluster("Kitas")}, news)
    build = run_build(root, tmp_path / "site", {"SITE_URL": "https://example.org/klasteriai-svetaine/"})
    assert build.returncode == 0, build.output
    expected = {
        ("naujienos/2024-05-01-naujiena/", "Kitas klasteris"): ("../../klasteriai/kitas/#nariai", "Kitas"),
        ("naujienos/2024-05-01-naujiena/", "visi"): ("../../klasteriai/", None),
        ("naujienos/2024-05-01-naujiena/", "pradžia"): ("../../", None),
        ("en/naujienos/2024-05-01-naujiena/", "Another cluster"): ("../../klasteriai/kitas/", "Kitas (EN)"),
        ("en/naujienos/2024-05-01-naujiena/", "about"): ("../../apie-klasterius/", None),
        ("klasteriai/aprasytas/", "kitu klasteriu"): ("../kitas/", "Kitas"),
        ("klasteriai/aprasytas/", "naujienas"): ("../../naujienos/2024-05-01-naujiena/#pabaiga", "Naujiena"),
        ("en/klasteriai/aprasytas/", "another cluster"): ("../kitas/", "Kitas (EN)"),
    }
    for (page, text), (href, title) in expected.items():
        link = build.page(page).find("a", string=text)
        assert link is not None and link["href"] == href, (page, text, link)
        target = _resolves(build, page, href)
        assert target.is_file() and target.is_relative_to(build.site / page.split("/")[0] if page.startswith("en/") else build.site)
        if title:
            assert title in target.read_text(encoding="utf-8")
    post = root / "content" / "naujienos" / "2024-05-01-naujiena.en.md"
    post.write_text(post.read_text(encoding="utf-8") + "\n[Typo](/klasteriai/kitsa/)\n", encoding="utf-8")
    code, output = run_check(root, capsys, "--lang", "en")
    checked = [line for line in output.splitlines() if line.startswith("content/")]
    assert code == 1 and len(checked) == 1 and '"/klasteriai/kitsa/"' in checked[0]
    build = run_build(root, tmp_path / "site2")
    assert build.returncode == 1 and "Traceback" not in build.output
    assert checked[0] in build.output
