"""The preview's load cache (model/load_cache.py) and what is kept from it
(derived/same_inputs.py): a cached load reports exactly what a cold load
reports, reads again only what changed, and hands unchanged files' records
over as the same objects."""

from __future__ import annotations

import pytest

from clustersite.derived.same_inputs import PerKey, SameInputs
from clustersite.model.load_cache import LoadCache
from clustersite.model.site_data import SiteData, load_site
from clustersite.text.errors import ContentError
from conftest import BUILD_DATE, minimal_cluster
from test_entry_validation import NEWS_EN, NEWS_LT, with_entries

LATEST = BUILD_DATE  # a fixed "today", so both loads check dates alike


def loaded(root, cache=None) -> SiteData | list[str]:
    """The site, or the problems as their lines."""
    try:
        return load_site(root, BUILD_DATE, latest=LATEST, cache=cache)
    except ContentError as error:
        return [str(problem) for problem in error.problems]


def broken_site(tmp_path):
    root = with_entries(
        tmp_path,
        {
            "naujienos/2024-03-05-a.md": NEWS_LT,
            "naujienos/2024-03-05-a.en.md": NEWS_EN,
            "naujienos/2024-03-06-b.md": NEWS_LT.replace("2024-03-05", "2024-03-06").replace("[litek]", "[nera]"),
            "naujienos/2024-03-06-b.en.md": NEWS_EN,
        },
    )
    (root / "data" / "clusters" / "blogas.yml").write_text(minimal_cluster("Blogas").replace("name:", "nam:", 1), encoding="utf-8")
    return root


@pytest.mark.unit
def test_a_cached_load_reports_what_a_cold_load_reports_and_reads_only_what_changed(tmp_path):
    root, cache = broken_site(tmp_path), LoadCache()
    cold = loaded(root)
    assert isinstance(cold, list) and any("blogas.yml" in line for line in cold) and any("nera" in line for line in cold)
    assert loaded(root, cache) == cold
    assert loaded(root, cache) == cold  # from the cache: the same lines, in the same order
    assert (cache.hits, cache.misses) == (5, 0)  # the vocabularies, two clusters, two news pairs: none read again
    news = root / "content" / "naujienos" / "2024-03-06-b.md"
    news.write_text(news.read_text(encoding="utf-8").replace("[nera]", "[litek]"), encoding="utf-8")
    assert loaded(root, cache) == loaded(root) and cache.misses == 1
    (root / "data" / "clusters" / "blogas.yml").unlink()  # the last problem gone: a site, as a cold load makes it
    site = loaded(root, cache)
    assert isinstance(site, SiteData) and cache.misses == 2  # the news pairs: the cluster files they may name are others now
    assert [entry.slug for entry in site.entries] == [entry.slug for entry in loaded(root).entries]  # type: ignore[union-attr]


@pytest.mark.unit
def test_an_unchanged_file_gives_the_same_record_and_a_changed_one_a_new_one(tmp_path):
    root = with_entries(tmp_path, {"naujienos/2024-03-05-a.md": NEWS_LT, "naujienos/2024-03-05-a.en.md": NEWS_EN})
    cache = LoadCache()
    first, second = loaded(root, cache), loaded(root, cache)
    assert isinstance(first, SiteData) and isinstance(second, SiteData)
    assert first.clusters[0] is second.clusters[0] and first.entries[0] is second.entries[0] and first.vocabularies is second.vocabularies
    cluster_file = root / "data" / "clusters" / "litek.yml"
    cluster_file.write_text(cluster_file.read_text(encoding="utf-8").replace("LITEK", "LITEK 2"), encoding="utf-8")
    third = loaded(root, cache)
    assert isinstance(third, SiteData)
    assert third.clusters[0] is not second.clusters[0] and third.clusters[0].name.lt == "LITEK 2"
    # The news names the cluster by its file, which is still there: its record is kept.
    assert third.entries[0] is second.entries[0]


@pytest.mark.unit
def test_same_inputs_computes_again_for_another_object_or_value():
    made = []
    kept: SameInputs[int] = SameInputs()
    one, other = object(), object()

    def compute() -> int:
        made.append(1)
        return len(made)

    assert kept.get([one], ("lt",), compute) == 1
    assert kept.get([one], ("lt",), compute) == 1  # the same object and value: kept
    assert kept.get([other], ("lt",), compute) == 2  # an equal-looking but other object: made again
    assert kept.get([other], ("en",), compute) == 3
    per_key: PerKey[int] = PerKey()
    assert per_key.get("a", [one], (), compute) == 4 and per_key.get("b", [one], (), compute) == 5 and per_key.get("a", [one], (), compute) == 4
