"""Rules the real content must keep, whatever it says: editors can add and
change content without breaking these, as long as they keep the rules."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

import pytest

from clustersite.model.site_data import load_site
from conftest import BUILD_DATE, REPO

# Working notes that must never reach a reader.
INTERNAL_NOTES = re.compile(
    r"⚠|\bTODO\b|source does not say|sources do not say|not in the calendar file|šaltini\w* nenurodo|nerasta|not found",
    re.IGNORECASE,
)


def real():
    return load_site(REPO, BUILD_DATE)


def is_deep(url: str) -> bool:
    parts = urlsplit(url)
    return parts.path.strip("/") != "" or bool(parts.query)


def test_every_cluster_cites_a_page_deeper_than_a_home_page():
    shallow = [c.slug for c in real().clusters if not any(is_deep(s.url) for s in c.sources)]
    assert shallow == []


def test_every_news_story_and_event_cites_its_source():
    missing = [e.path for e in real().entries if not e.sources]
    assert missing == []


def test_no_working_notes_in_public_text():
    texts = []
    for path in [*(REPO / "data" / "clusters").glob("*.yml"), *(REPO / "content").rglob("*.md")]:
        text = path.read_text(encoding="utf-8")
        if "Generated before each build" in text:
            continue
        texts += [
            (path.relative_to(REPO).as_posix(), n, line)
            for n, line in enumerate(text.splitlines(), 1)
            if not line.lstrip().startswith(("#", "- url:", "url:")) and INTERNAL_NOTES.search(line)
        ]
    assert texts == []


def test_member_counts_say_when_they_held_and_never_undercount_the_list():
    for c in real().clusters:
        if c.member_count:
            assert c.member_count.as_of and c.member_count.value >= len(c.members), c.slug


@pytest.mark.build
def test_pages_declare_their_language_for_link_previews(real_site):
    for root, locale in (("", "lt_LT"), ("en/", "en_GB")):
        for path in (root, f"{root}klasteriai/"):
            page = real_site.page(path)
            assert page.find("meta", property="og:locale")["content"] == locale
