"""Each kind of editor mistake yields one exact, fixable message."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest

from clustersite.model.site_data import load_site
from clustersite.text.errors import ContentError
from conftest import BUILD_DATE, REPO, minimal_cluster


def repo_with(tmp_path: Path, files: dict[str, str]) -> Path:
    """A repository with the real vocabularies and the given cluster files."""
    (tmp_path / "data" / "clusters").mkdir(parents=True)
    for vocabulary in REPO.joinpath("data").glob("*.yml"):
        shutil.copy(vocabulary, tmp_path / "data" / vocabulary.name)
    for name, text in files.items():
        path = tmp_path / "data" / "clusters" / name
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return tmp_path


def problems_for(tmp_path: Path, files: dict[str, str]) -> list[str]:
    with pytest.raises(ContentError) as caught:
        load_site(repo_with(tmp_path, files), BUILD_DATE)
    return [str(problem) for problem in caught.value.problems]


def test_valid_minimal_cluster_loads(tmp_path):
    site = load_site(repo_with(tmp_path, {"ok.yml": minimal_cluster()}), BUILD_DATE)
    assert [c.slug for c in site.clusters] == ["ok"]
    assert site.clusters[0].name.pick("en").text == "Bandomasis klasteris (EN)"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            minimal_cluster(extra="summray:\n  lt: x\n"),
            'data/clusters/x.yml:9: summray: unknown field; did you mean "summary"? allowed here: '
            "name, summary, description, sectors, county, city, location, founded, website, contact, "
            "coordinator, members, member_count, labels, maturity, open_to_members, join, programmes, "
            "logo, sources, updated",
            id="unknown-field-with-hint",
        ),
        pytest.param(
            "summary:\n  lt: Santrauka.\nsources:\n  - url: https://example.org/\n",
            "data/clusters/x.yml:1: name: missing; this field is required",
            id="missing-required",
        ),
        pytest.param(
            minimal_cluster(extra="sectors: [food]\n"),
            'data/clusters/x.yml:9: sectors[0]: unknown sector (got "food"); did you mean "agro-food"? use one of: agro-food, '
            "energy-construction, manufacturing-engineering, ict, creative-industries, health, transport, tourism",
            id="unknown-sector",
        ),
        pytest.param(
            minimal_cluster(extra="county: vilniu\n"),
            'data/clusters/x.yml:9: county: unknown county (got "vilniu"); did you mean "vilnius"? use one of: '
            "alytus, kaunas, klaipeda, marijampole, panevezys, siauliai, taurage, telsiai, utena, vilnius",
            id="unknown-county-with-hint",
        ),
        pytest.param(
            minimal_cluster(extra="founded: 2031\n"),
            "data/clusters/x.yml:9: founded: is in the future (got 2031); give the year it happened",
            id="founded-in-future",
        ),
        pytest.param(
            minimal_cluster(extra="website: litek.lt\n"),
            'data/clusters/x.yml:9: website: not a web address (got "litek.lt"); write it in full, starting with https://',
            id="bad-url",
        ),
        pytest.param(
            minimal_cluster(extra="members:\n  - name: A\n  - name: B\n    website: litek\n"),
            'data/clusters/x.yml:12: members[1].website: not a web address (got "litek"); write it in full, starting with https://',
            id="nested-bad-url",
        ),
        pytest.param(
            minimal_cluster(extra="members:\n  - name: A\n    type: university\n"),
            'data/clusters/x.yml:11: members[0].type: unknown member type (got "university"); use one of: '
            "company, research, education, public, association, other",
            id="bad-member-type",
        ),
        pytest.param(
            minimal_cluster(extra="member_count: {value: 1, as_of: 2020}\nmembers:\n  - name: A\n  - name: B\n"),
            "data/clusters/x.yml:9: member_count.value: smaller than the 2 members listed (got 1); correct it or remove it",
            id="member-count-below-list",
        ),
        pytest.param(
            minimal_cluster(extra="labels:\n  - level: platinum\n    issuer: ESCA\n    awarded: 2020-01-01\n"),
            'data/clusters/x.yml:10: labels[0].level: unknown label level (got "platinum"); use one of: bronze, silver, gold',
            id="bad-label-level",
        ),
        pytest.param(
            minimal_cluster(extra="labels:\n  - level: gold\n    issuer: ESCA\n    awarded: 2020-01-01\n    valid_until: 2019-01-01\n"),
            "data/clusters/x.yml:13: labels[0].valid_until: earlier than awarded (got 2019-01-01); a label ends after it is awarded",
            id="label-ends-before-award",
        ),
        pytest.param(
            minimal_cluster(extra="labels:\n  - level: gold\n    issuer: ESCA\n    awarded: 1 May 2020\n"),
            'data/clusters/x.yml:12: labels[0].awarded: expected a date as YYYY-MM-DD, a month as YYYY-MM, or a year alone (got "1 May 2020")',
            id="bad-date",
        ),
        pytest.param(
            minimal_cluster(extra="labels:\n  - level: bronze\n    issuer: ESCA\n    awarded: 2022-13\n"),
            'data/clusters/x.yml:12: labels[0].awarded: expected a date as YYYY-MM-DD, a month as YYYY-MM, or a year alone (got "2022-13")',
            id="bad-month",
        ),
        pytest.param(
            minimal_cluster(extra="updated: 2024-02-30\n"),
            'data/clusters/x.yml:9: updated: day 30 does not exist in that month (got "2024-02-30"); check the date',
            id="impossible-date",
        ),
        pytest.param(
            minimal_cluster(extra="location:\n  lat: 25.28\n  lon: 54.69\n"),
            [
                "data/clusters/x.yml:10: location.lat: out of range (got 25.28); expected 53.85 to 56.5 (latitude inside Lithuania)",
                "data/clusters/x.yml:11: location.lon: out of range (got 54.69); expected 20.9 to 26.9 (longitude inside Lithuania)",
            ],
            id="swapped-coordinates",
        ),
        pytest.param(
            minimal_cluster(extra="summary:\n  lt: Kita santrauka.\n"),
            "data/clusters/x.yml:9: summary: given twice in the same place; keep only one",
            id="duplicate-key",
        ),
        pytest.param(
            minimal_cluster(extra="logo: ../../etc/passwd.png\n"),
            'data/clusters/x.yml:9: logo: must point inside the repository (got "../../etc/passwd.png"); use a path like data/logos/x.svg',
            id="logo-escapes-repo",
        ),
        pytest.param(
            minimal_cluster(extra="logo: data/logos/missing.svg\n"),
            'data/clusters/x.yml:9: logo: no such file (got "data/logos/missing.svg"); add the file or fix the path',
            id="logo-missing",
        ),
        pytest.param(
            minimal_cluster(extra="open_to_members: maybe\n"),
            'data/clusters/x.yml:9: open_to_members: expected true or false (got "maybe")',
            id="not-a-bool",
        ),
        pytest.param(
            minimal_cluster(extra="contact:\n  email: info(at)x.lt\n"),
            'data/clusters/x.yml:10: contact.email: not an e-mail address (got "info(at)x.lt"); write it as name@example.lt',
            id="bad-email",
        ),
        pytest.param(
            "name:\n  lt: A\nsummary:\n  lt: B\nsources: []\n",
            "data/clusters/x.yml:5: sources: is empty; list at least one",
            id="no-sources",
        ),
        pytest.param(
            "name: [unclosed\nsummary: x\n",
            "data/clusters/x.yml:2: not valid YAML: the list in [brackets] that starts on line 1 is not closed with ] or its items are not separated by commas",
            id="yaml-syntax",
        ),
        pytest.param(
            "name: !!python/object/apply:os.system ['echo hacked']\n",
            "data/clusters/x.yml:1: not valid YAML: a value that starts with ! is a YAML tag, which the site does not use; put the value in quotes",
            id="python-tag-refused",
        ),
        pytest.param(
            "name: &loop\n  lt: [*loop]\n",
            [
                "data/clusters/x.yml:1: YAML anchors (&) and aliases (*) are not allowed; write the value out in full",
                "data/clusters/x.yml:2: YAML anchors (&) and aliases (*) are not allowed; write the value out in full",
            ],
            id="self-referencing-alias",
        ),
        pytest.param(
            "name: Vardas be kalbos\nsummary:\n  lt: B\nsources:\n  - url: https://example.org/\n",
            'data/clusters/x.yml:1: name: expected fields (lt, en) (got "Vardas be kalbos"); write each on its own line, indented below name:',
            id="plain-text-instead-of-languages",
        ),
    ],
)
def test_each_mistake_has_its_message(tmp_path, text, expected):
    expected = expected if isinstance(expected, list) else [expected]
    assert problems_for(tmp_path, {"x.yml": text}) == expected


def test_summary_longer_than_200_characters(tmp_path):
    text = minimal_cluster().replace("Bandomojo klasterio santrauka.", "a" * 201)
    assert problems_for(tmp_path, {"x.yml": text}) == ["data/clusters/x.yml:5: summary.lt: too long: 201 characters, at most 200 allowed; shorten it"]


@pytest.mark.parametrize(
    ("file_name", "expected"),
    [
        (
            "Šilas Klasteris.yml",
            "data/clusters/Šilas Klasteris.yml:1: the file name is the page address, so it must be lowercase letters a-z, digits and hyphens, and not 'index' (got \"Šilas Klasteris\"); rename it, e.g. silas-klasteris.yml",
        ),
        (
            "index.yml",
            "data/clusters/index.yml:1: the file name is the page address, so it must be lowercase letters a-z, digits and hyphens, and not 'index' (got \"index\"); rename it, e.g. my-cluster.yml",
        ),
        ("x.yaml", "data/clusters/x.yaml:1: cluster files end in .yml; rename it"),
    ],
)
def test_bad_file_names(tmp_path, file_name, expected):
    assert problems_for(tmp_path, {file_name: minimal_cluster()}) == [expected]


def test_all_problems_in_all_files_are_reported_together(tmp_path):
    problems = problems_for(
        tmp_path,
        {
            "a.yml": minimal_cluster(extra="founded: soon\nwebsite: nowhere\n"),
            "b.yml": "summary:\n  lt: x\nsources:\n  - url: https://example.org/\n",
            "c.yml": minimal_cluster(),
        },
    )
    assert problems == [
        'data/clusters/a.yml:9: founded: expected a year such as 2011 (got "soon")',
        'data/clusters/a.yml:10: website: not a web address (got "nowhere"); write it in full, starting with https://',
        "data/clusters/b.yml:1: name: missing; this field is required",
    ]
