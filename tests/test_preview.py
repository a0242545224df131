"""The incremental preview (`make serve`, outputs/preview.py): after each
edit, every file the preview wrote equals a clean build of the same sources,
and an edit to one content file reads and renders only some of the pages."""

from __future__ import annotations

import filecmp
import json
import subprocess
import sys
from pathlib import Path

import pytest
import yaml

from clustersite.outputs.preview import changed_files, is_content
from conftest import REPO, copy_site_sources

sys.path.insert(0, str(REPO / "benchmarks"))
from scale import write_news
from synthetic_clusters import SECTORS, synthetic_site

DRIVER = Path(__file__).parent / "preview_support.py"
NEWS = "content/naujienos/2010-10-22-abbi-inoklaster.lt.md"
STEPS = [
    ("news", [{"path": NEWS, "old": "title: Gėrimų pramonės klasteris ABBI", "new": "title: Gėrimų pramonės klasteris ABBI (pataisyta)"}]),
    ("cluster summary", [{"path": "data/clusters/abbi.yml", "old": "also known as the National", "new": "also known (edited) as the National"}]),
    (
        "cluster name",
        [{"path": "data/clusters/abbi.yml", "old": "  lt: ABBI – Baltijos gėrimų pramonės aljansas", "new": "  lt: ABBI – Baltijos gėrimų aljansas"}],
    ),
    ("vocabulary", [{"path": "data/sectors.yml", "old": "  en: Agri-innovation and food technologies", "new": "  en: Agri-innovation and food technology"}]),
    ("broken", [{"path": "data/clusters/abbi.yml", "old": "name:\n", "new": "nam:\n"}]),
    ("fixed", [{"path": "data/clusters/abbi.yml", "old": "nam:\n", "new": "name:\n"}]),
]


def differences(left: Path, right: Path) -> list[str]:
    """Files that differ or exist on one side only, relative to the folders."""
    found: list[str] = []

    def walk(compared: filecmp.dircmp, prefix: str) -> None:
        found.extend(prefix + name for name in compared.left_only + compared.right_only + compared.diff_files + compared.funny_files)
        for name, sub in compared.subdirs.items():
            walk(sub, f"{prefix}{name}/")

    walk(filecmp.dircmp(left, right, ignore=[]), "")
    return sorted(found)


def run_preview(root: Path, out: Path, steps: list) -> list[dict]:
    """The driver's report per step; OUT/serve-N and OUT/clean-N to compare."""
    edits = out / "edits.json"
    edits.write_text(json.dumps(steps), encoding="utf-8")
    result = subprocess.run([sys.executable, str(DRIVER), str(root), str(out), str(edits)], cwd=root, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr[-3000:]
    reports = [json.loads(line) for line in result.stdout.splitlines() if line.startswith("{")]
    assert len(reports) == len(steps)
    return reports


@pytest.fixture(scope="module")
def preview_run(tmp_path_factory):
    root = copy_site_sources(tmp_path_factory.mktemp("preview") / "site")
    out = tmp_path_factory.mktemp("preview-out")
    return out, run_preview(root, out, [step for _, step in STEPS])


@pytest.mark.build
@pytest.mark.parametrize("number", range(1, len(STEPS) + 1), ids=[name for name, _ in STEPS])
def test_preview_after_an_edit_equals_a_clean_build(preview_run, number):
    out, reports = preview_run
    if STEPS[number - 1][0] == "broken":  # the clean build fails; the preview shows the problem instead
        assert not reports[number - 1]["clean_build"]
        page = (out / f"serve-{number}" / "index.html").read_text(encoding="utf-8")
        assert "data/clusters/abbi.yml" in page and "nam" in page
        return
    assert differences(out / f"serve-{number}", out / f"clean-{number}") == []


@pytest.mark.build
def test_an_edit_to_one_file_renders_only_part_of_the_site(preview_run):
    _, reports = preview_run
    by_name = dict(zip((name for name, _ in STEPS), reports, strict=True))
    for name in ("news", "cluster summary"):
        assert not by_name[name]["full"]
        assert 0 < by_name[name]["rendered"] < by_name[name]["skipped"], by_name[name]
    assert by_name["vocabulary"]["full"]  # a vocabulary is read by every page
    # The error page was written everywhere, the good pages moved aside: the fix puts them back.
    assert not by_name["fixed"]["full"]
    assert by_name["fixed"]["rendered"] < by_name["fixed"]["skipped"]


@pytest.mark.unit
def test_only_clusters_and_content_markdown_count_as_content():
    assert is_content("data/clusters/abbi.yml")
    assert is_content("content/naujienos/2010-10-22-abbi-inoklaster.en.md")
    for path in ("data/sectors.yml", "data/ui/lt.yml", "overrides/cluster.html", "hooks/site_hooks.py", "mkdocs.yml", "content/assets/site.css"):
        assert not is_content(path), path


@pytest.mark.unit
def test_changed_files_are_the_added_removed_and_modified():
    before = {"a": (1, 1), "b": (1, 1), "c": (1, 1)}
    after = {"a": (1, 1), "b": (2, 1), "d": (1, 1)}
    assert changed_files(before, after) == {"b", "c", "d"}


# --- many clusters: a synthetic site with a public address -------------------

MANY = 40  # clusters, and as many news pairs naming them


def many_cluster_steps(root: Path) -> list[tuple[str, list[dict]]]:
    """Edits of the synthetic site, made from its files: every kind of change
    an editor makes to content, then one outside it, then a mistake and its fix."""
    news_dir = "content/naujienos"
    first, third = (sorted((root / news_dir).glob(f"*-sintetine-{n:05d}.md"))[0] for n in (0, 3))
    title = next(line for line in first.read_text(encoding="utf-8").splitlines() if line.startswith("title:"))
    named = yaml.safe_load((root / "data/clusters/synthetic-0001.yml").read_text(encoding="utf-8"))["name"]["lt"]
    sectors = yaml.safe_load((root / "data/clusters/synthetic-0002.yml").read_text(encoding="utf-8"))["sectors"]
    added = next(sector for sector in SECTORS if sector not in sectors)
    # On the day and with a topic of a news item there is: a new year or topic is in every page's fingerprint (the news lists' filters).
    day, tag = first.name[:10], yaml.safe_load(first.read_text(encoding="utf-8").split("---")[1])["tags"][0]
    new_news = f"---\ntitle: Nauja žinia\ndate: {day}\nsummary: Nauja žinia apie klasterį.\nclusters: [synthetic-0004]\ntags: [{tag}]\nsources: [{{url: https://example.org/saltinis}}]\n---\n\nTekstas.\n"
    new_news_en = "---\ntitle: New item\nsummary: A new item about a cluster.\n---\n\nText.\n"
    relative = lambda path: path.relative_to(root).as_posix()
    return [
        ("news title", [{"path": relative(first), "old": title, "new": "title: Pataisyta sintetinė naujiena"}]),
        ("cluster name", [{"path": "data/clusters/synthetic-0001.yml", "old": f"  lt: {named}\n", "new": "  lt: Pervadintas klasteris\n"}]),
        ("cluster sectors", [{"path": "data/clusters/synthetic-0002.yml", "old": "sectors:\n", "new": f"sectors:\n- {added}\n"}]),
        (
            "news added",
            [{"path": f"{news_dir}/{day}-nauja-zinia.md", "write": new_news}, {"path": f"{news_dir}/{day}-nauja-zinia.en.md", "write": new_news_en}],
        ),
        ("news deleted", [{"path": relative(third), "delete": True}, {"path": relative(third).replace(".md", ".en.md"), "delete": True}]),
        (
            "vocabulary",
            [{"path": "data/sectors.yml", "old": "  en: Agri-innovation and food technologies", "new": "  en: Agri-innovation and food technology"}],
        ),
        ("broken", [{"path": "data/clusters/synthetic-0005.yml", "old": "name:\n", "new": "nam:\n"}]),
        ("fixed", [{"path": "data/clusters/synthetic-0005.yml", "old": "nam:\n", "new": "name:\n"}]),
    ]


@pytest.fixture(scope="module")
def many_clusters_run(tmp_path_factory):
    root = synthetic_site(tmp_path_factory.mktemp("preview-many") / "site", MANY)
    write_news(root, MANY, MANY)
    out = tmp_path_factory.mktemp("preview-many-out")
    steps = many_cluster_steps(root)
    return out, dict(zip((name for name, _ in steps), run_preview(root, out, [step for _, step in steps]), strict=True))


@pytest.mark.build
def test_preview_of_many_clusters_equals_a_clean_build_after_every_edit(many_clusters_run):
    out, reports = many_clusters_run
    for name, report in reports.items():
        number = report["step"]
        if name == "broken":
            assert not report["clean_build"]
            page = (out / f"serve-{number}" / "klasteriai" / "synthetic-0001" / "index.html").read_text(encoding="utf-8")
            assert "data/clusters/synthetic-0005.yml" in page
            continue
        assert report["clean_build"], name
        assert differences(out / f"serve-{number}", out / f"clean-{number}") == [], name


@pytest.mark.build
def test_an_edit_to_one_content_file_reads_only_that_file_again(many_clusters_run):
    _, reports = many_clusters_run
    for name in ("news title", "cluster name", "cluster sectors", "news added"):
        report = reports[name]
        assert not report["full"], name
        assert report["files_read"] == 1, (name, report)  # the edited cluster or news pair; every other comes from the last build
        if name != "cluster name":  # every page may link to a cluster by its name (preview.Preview.start_language)
            assert 0 < report["rendered"] < report["skipped"], (name, report)
    assert reports["news deleted"]["files_read"] == 0
    # The directory shows every cluster and no news: rendered again for a cluster's edit, not for a news title's.
    directory = {"klasteriai/index.html", "en/klasteriai/index.html"}
    assert not directory & set(reports["news title"]["pages_written"])
    assert directory <= set(reports["cluster name"]["pages_written"])
    assert reports["vocabulary"]["full"]
    assert reports["vocabulary"]["files_read"] > MANY  # a vocabulary can change what any file's checks say: all read again
    assert reports["fixed"]["files_read"] == 1


@pytest.mark.unit
def test_the_watcher_does_not_look_during_a_build_and_misses_nothing_made_then(tmp_path):
    """The preview's watcher (site_hooks.StillWhileBuilding): a save during a
    build is reported by the first look after it, so it starts the next build."""
    from watchdog.observers.api import EventQueue, ObservedWatch

    import site_hooks

    news = tmp_path / "news.md"
    news.write_text("one", encoding="utf-8")
    queue = EventQueue()
    emitter = site_hooks.StillWhileBuilding(queue, ObservedWatch(str(tmp_path), recursive=True), timeout=0)
    emitter.on_thread_start()  # the first look
    site_hooks.StillWhileBuilding.building.set()
    try:
        news.write_text("two, a save during the build", encoding="utf-8")
        emitter.queue_events(0)
        assert queue.empty()
    finally:
        site_hooks.StillWhileBuilding.building.clear()
    emitter.queue_events(0)
    seen = set()
    while not queue.empty():
        event, _ = queue.get()
        seen.add((event.event_type, event.src_path))
    assert ("modified", str(news)) in seen


@pytest.mark.unit
def test_what_lasts_is_set_aside_and_what_builds_leave_is_still_collected():
    """site_hooks._set_aside_what_lasts: the collector skips what is left after
    a full build, and still frees the cycles later builds leave."""
    import gc
    import weakref

    import site_hooks

    class Node:
        pass

    try:
        site_hooks._set_aside_what_lasts()
        assert gc.get_freeze_count() > 0
        later = Node()
        later.itself = later  # a cycle, as MkDocs' pages and files make
        gone = weakref.ref(later)
        del later
        gc.collect()
        assert gone() is None
    finally:
        gc.unfreeze()
