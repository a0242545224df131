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

from clustersite.derived import content_rules
from clustersite.derived.content_rules import SLIP_WORDS, SLIPS
from clustersite.source.working_notes import INTERNAL_NOTES, NOTE_WORDS, notes_in


@pytest.mark.build
def test_pages_declare_their_language_for_link_previews(real_site):
    for root, locale in (("", "lt_LT"), ("en/", "en_GB")):
        for path in (root, f"{root}klasteriai/"):
            page = real_site.page(path)
            assert page.find("meta", property="og:locale")["content"] == locale


# --- the quick look before the rules' regular expressions --------------------


def test_every_slip_pattern_needs_a_word_the_quick_look_finds():
    for patterns in SLIPS.values():
        for pattern, _ in patterns:
            assert any(word in pattern.pattern for word in SLIP_WORDS), pattern.pattern


def test_every_working_note_needs_a_word_the_quick_look_finds():
    for alternative in INTERNAL_NOTES.pattern.split("|"):
        assert any(word in alternative.casefold() for word in NOTE_WORDS), alternative


@pytest.mark.parametrize(
    "line, lang, found",
    [
        ("Augo 12 %.", "lt", "12 %"),
        ("Skirta 3 mln. eurų.", "lt", "mln. eurų"),
        ("Kaina 100 EUR.", "lt", "100 EUR"),
        ("Jos vykdantysis direktorius", "lt", "vykdantysis direktorius"),
        ("Grew by 12 proc. a year", "en", "12 proc."),
        ("Grew by 12 % a year", "en", "12 %"),
        ("The „cluster“ grew", "en", "„cluster“"),
    ],
)
def test_the_quick_look_lets_every_slip_through(line, lang, found):
    slips = content_rules._file_slips("page.md", lang, f"Pirma eilutė.\n{line}\n")
    assert [(problem.line, problem.message.params["found"]) for problem in slips] == [(2, found)]


@pytest.mark.parametrize(
    "line",
    [
        "⚠ patikrinti",
        "TODO: data",
        "The source does not say",
        "Sources do not say so",
        "not in the calendar file",
        "ŠALTINIAI NENURODO",
        "Nerasta",
        "NOT FOUND",
    ],
)
def test_the_quick_look_lets_every_working_note_through(line):
    assert [number for number, _ in notes_in(f"Pirma eilutė.\n{line}\n")] == [2]
