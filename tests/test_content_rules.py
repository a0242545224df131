"""Rules the real content must keep, whatever it says: editors can add and
change content without breaking these, as long as they keep the rules.

Rules an editor can break live in `make check` (and so in the build and in
a content-only pull request's check), not here: a cluster's sources deeper
than a home page (model/cluster_model.py), no working notes in public text
(source/working_notes.py), a member count dated and never below the list
(model/cluster_model.py); test_editor_mistakes.py shows each one caught."""

from __future__ import annotations

import pytest

from clustersite.model.site_data import load_site
from conftest import BUILD_DATE, REPO


def real():
    return load_site(REPO, BUILD_DATE)


def test_every_news_story_and_event_cites_its_source():
    missing = [e.path for e in real().entries if not e.sources]
    assert missing == []


@pytest.mark.build
def test_pages_declare_their_language_for_link_previews(real_site):
    for root, locale in (("", "lt_LT"), ("en/", "en_GB")):
        for path in (root, f"{root}klasteriai/"):
            page = real_site.page(path)
            assert page.find("meta", property="og:locale")["content"] == locale
