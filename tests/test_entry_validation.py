"""Front matter of news, stories and events: every mistake, with path, line and field."""

from __future__ import annotations

import datetime as dt
import textwrap
from pathlib import Path

import pytest

from check_support import SOURCE
from clustersite.model.site_data import load_site
from clustersite.text.dates import VILNIUS
from clustersite.text.errors import ContentError
from conftest import BUILD_DATE, minimal_cluster
from test_cluster_validation import repo_with


def with_entries(tmp_path: Path, entries: dict[str, str]) -> Path:
    root = repo_with(tmp_path, {"litek.yml": minimal_cluster("LITEK")})
    for name, text in entries.items():
        path = root / "content" / name
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(textwrap.dedent(text), encoding="utf-8")
    return root


def problems_for(tmp_path, entries):
    with pytest.raises(ContentError) as caught:
        load_site(with_entries(tmp_path, entries), BUILD_DATE)
    return [str(p) for p in caught.value.problems]


NEWS_LT = f"---\ntitle: Naujiena\ndate: 2024-03-05\nclusters: [litek]\n{SOURCE}---\nTekstas.\n"
NEWS_EN = "---\ntitle: News\n---\nText.\n"


def test_a_valid_pair_loads_with_shared_fields_from_the_lithuanian_file(tmp_path):
    root = with_entries(tmp_path, {"naujienos/2024-03-05-a.md": NEWS_LT, "naujienos/2024-03-05-a.en.md": NEWS_EN})
    (entry,) = load_site(root, BUILD_DATE).entries
    assert (entry.kind, entry.slug, entry.date, entry.clusters) == ("news", "2024-03-05-a", dt.date(2024, 3, 5), ("litek",))
    assert (entry.title.pick("lt").text, entry.title.pick("en").text) == ("Naujiena", "News")


def test_event_times_are_vilnius_time(tmp_path):
    root = with_entries(
        tmp_path,
        {
            "renginiai/forumas.md": f"---\ntitle: Forumas\nstart: 2026-10-03 9:30\nend: 2026-10-03 17:00\n{SOURCE}---\n",
            "renginiai/forumas.en.md": "---\ntitle: Forum\n---\n",
        },
    )
    (event,) = load_site(root, BUILD_DATE).entries
    assert event.start == dt.datetime(2026, 10, 3, 9, 30, tzinfo=VILNIUS)
    assert event.end.utcoffset() == dt.timedelta(hours=3)


def test_every_front_matter_mistake_is_reported_at_once(tmp_path):
    problems = problems_for(
        tmp_path,
        {
            "naujienos/2024-03-05-a.md": f"---\ntitle: Naujiena\ndate: 2024-03-06\nclusters: [litec]\ntagz: [x]\n{SOURCE}---\n",
            "naujienos/2024-03-05-a.en.md": NEWS_EN,
            "naujienos/2024-04-01-b.md": f"---\ntitle: Be vertimo\ndate: 2024-04-01\n{SOURCE}---\n",
            "naujienos/2024-04-02-c.md": f"---\ntitle: C\ndate: 2024-04-02\nclusters: [litek]\n{SOURCE}---\n",
            "naujienos/2024-04-02-c.en.md": "---\ntitle: C\nclusters: []\n---\n",
            "naujienos/Nauja naujiena.md": "---\ntitle: X\n---\n",
            "sekmes-istorijos/istorija.md": f"---\ntitle: Istorija\ndate: 2024-13-01\nsummary: Santrauka.\n{SOURCE}---\n",
            "sekmes-istorijos/istorija.en.md": "---\ntitle: Story\nsummary: Summary.\n---\n",
            "renginiai/renginys.md": f"---\ntitle: Renginys\nstart: 2026-10-03\nend: 2026-10-01\n{SOURCE}---\n",
            "renginiai/renginys.en.md": "---\ntitle: Event\nstart: 3 October\n---\n",
            "renginiai/be-pradzios.md": f"---\ntitle: Renginys\nend: 2026-10-01\n{SOURCE}---\n",
            "renginiai/be-pradzios.en.md": "title: Event\n",
        },
    )
    assert problems == [
        'content/naujienos/2024-03-05-a.md:4: clusters[0]: unknown cluster (got "litec"); did you mean "litek"? use one listed in data/clusters/ (the file name without .yml)',
        'content/naujienos/2024-03-05-a.md:5: tagz: unknown field; did you mean "tags"? allowed here: title, date, summary, clusters, tags, image, image_alt, sources',
        "content/naujienos/2024-04-01-b.md:1: translation: no English version; add content/naujienos/2024-04-01-b.en.md with at least a translated title",
        'content/naujienos/Nauja naujiena.md:1: the file name is the page address and must look like yyyy-mm-dd-short-name, e.g. 2020-02-20-inolink (got "Nauja naujiena"); rename it',
        "content/renginiai/be-pradzios.en.md:1: no front matter; start the file with a line '---', the fields, and another '---'",
        'content/renginiai/renginys.en.md:3: start: expected a date as YYYY-MM-DD or a date and time as YYYY-MM-DD HH:MM (got "3 October")',
        "content/sekmes-istorijos/istorija.md:2: clusters: missing; this field is required",  # in the same run as the date
        'content/sekmes-istorijos/istorija.md:3: date: month 13 does not exist (got "2024-13-01"); write the date as YYYY-MM-DD with a month from 01 to 12',
    ]


@pytest.mark.parametrize(
    ("entries", "expected"),
    [
        pytest.param(
            {"naujienos/2024-03-05-a.md": NEWS_LT.replace("2024-03-05", "2024-03-06", 1), "naujienos/2024-03-05-a.en.md": NEWS_EN},
            "content/naujienos/2024-03-05-a.md:3: date: does not match the date in the file name (got 2024-03-06, file name says 2024-03-05); make them the same",
            id="date-differs-from-file-name",
        ),
        pytest.param(
            {
                "sekmes-istorijos/a.md": f"---\ntitle: A\ndate: 2024-01-01\nsummary: S.\n{SOURCE}---\n",
                "sekmes-istorijos/a.en.md": "---\ntitle: A\nsummary: S.\n---\n",
            },
            "content/sekmes-istorijos/a.md:2: clusters: missing; this field is required",
            id="story-without-clusters",
        ),
        pytest.param(
            {"renginiai/a.md": f"---\ntitle: A\nstart: 2026-10-03\nend: 2026-10-01\n{SOURCE}---\n", "renginiai/a.en.md": "---\ntitle: A\n---\n"},
            "content/renginiai/a.md:4: end: earlier than start (got 2026-10-01); an event ends after it starts",
            id="event-ends-before-start",
        ),
        pytest.param(
            {"renginiai/a.md": f"---\ntitle: A\nend: 2026-10-01\n{SOURCE}---\n", "renginiai/a.en.md": "---\ntitle: A\n---\n"},
            "content/renginiai/a.md:3: end: given without start; add start or remove end",
            id="event-end-without-start",
        ),
        pytest.param(
            {"renginiai/a.en.md": "---\ntitle: A\n---\n"},
            "content/renginiai/a.en.md:1: translation: no Lithuanian version; add content/renginiai/a.lt.md (the Lithuanian page is the main one)",
            id="english-only",
        ),
    ],
)
def test_single_mistakes(tmp_path, entries, expected):
    assert problems_for(tmp_path, entries) == [expected]


NO_SOURCES = (
    "sources: no source given; every news item, story and event must cite at least one: under sources: write the indented lines "
    "- url: https://… (the exact page the facts were read on) and title: … (publisher and page title)"
)


def test_every_entry_cites_a_source_in_either_file_and_an_empty_list_is_no_source(tmp_path):
    assert problems_for(
        tmp_path,
        {
            "naujienos/2024-03-05-a.md": NEWS_LT.replace(SOURCE, ""),
            "naujienos/2024-03-05-a.en.md": NEWS_EN,
            "sekmes-istorijos/a.md": "---\ntitle: A\ndate: 2024-01-01\nclusters: [litek]\nsummary: S.\nsources:\n---\n",
            "sekmes-istorijos/a.en.md": "---\ntitle: A\nsummary: S.\n---\n",
            "renginiai/a.md": "---\ntitle: A\nsources: []\n---\n",
            "renginiai/a.en.md": "---\ntitle: A\n---\n",
        },
    ) == [
        f"content/naujienos/2024-03-05-a.md:2: {NO_SOURCES}",  # left out: on the first field's line, like any missing field
        f"content/renginiai/a.md:3: {NO_SOURCES}",
        f"content/sekmes-istorijos/a.md:6: {NO_SOURCES}",
    ]
    # Shared, like the date: written once in either file (the Lithuanian one, as the editing interface does), or in both alike.
    root = with_entries(
        tmp_path / "english", {"naujienos/2024-03-05-a.md": NEWS_LT.replace(SOURCE, ""), "naujienos/2024-03-05-a.en.md": f"---\ntitle: News\n{SOURCE}---\n"}
    )
    (entry,) = load_site(root, BUILD_DATE).entries
    assert [source.url for source in entry.sources] == ["https://example.org/saltinis"]


def test_front_matter_syntax_errors_and_repeats_count_lines_from_the_top_of_the_file(tmp_path):
    assert problems_for(
        tmp_path,
        {
            "renginiai/a.md": "---\ntitle: A\nstart: [2026\n---\n",
            "renginiai/a.en.md": "---\ntitle: A\ntitle: B\n---\n",
        },
    ) == [
        "content/renginiai/a.en.md:3: title: given twice in the same place; keep only one",
        "content/renginiai/a.md:4: not valid YAML: the list in [brackets] that starts on line 3 is not closed with ] or its items are not separated by commas",
    ]
