"""Rules the real content must keep, whatever it says: editors can add and
change content without breaking these, as long as they keep the rules.

Rules an editor can break live in `make check` (and so in the build and in
a content-only pull request's check), not here: a cluster's sources deeper
than a home page (model/cluster_model.py), a source for every news item,
story and event (model/entries.py), no working notes in public text
(source/working_notes.py), a member count dated and never below the list
(model/cluster_model.py); test_editor_mistakes.py shows each one caught."""

from __future__ import annotations

import pytest


@pytest.mark.build
def test_pages_declare_their_language_for_link_previews(real_site):
    for root, locale in (("", "lt_LT"), ("en/", "en_GB")):
        for path in (root, f"{root}klasteriai/"):
            page = real_site.page(path)
            assert page.find("meta", property="og:locale")["content"] == locale
