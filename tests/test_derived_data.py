"""Derived values: label validity, Lithuanian order, dates, safe Markdown, stubs, wording."""

from __future__ import annotations

import datetime as dt
import re

import pytest

from clustersite.model.fields import Context
from clustersite.model.labels import Label, default_valid_until
from clustersite.model.ui_strings import USED_KEY, load_strings
from clustersite.pages.generated_pages import cluster_stubs, news_list_stubs, sync_stubs
from clustersite.source.markdown_text import render_markdown
from clustersite.text.collation import lithuanian_key
from clustersite.text.dates import VILNIUS, Month, build_date, format_date, format_span
from clustersite.text.problems import Problems
from conftest import REPO


@pytest.mark.parametrize(
    ("awarded", "expected"),
    [
        (dt.date(2020, 3, 15), dt.date(2022, 3, 15)),
        (dt.date(2020, 2, 29), dt.date(2022, 2, 28)),
        (2018, dt.date(2020, 12, 31)),  # year only: valid at most to the end of year + 2
    ],
)
def test_labels_are_valid_for_two_years(awarded, expected):
    assert default_valid_until(awarded) == expected


def label_on(clean, day):
    return Label.model_validate(clean, context={"ctx": Context(Problems(), day, REPO, {})})


def test_label_status_compares_with_the_build_date():
    label = {"level": "gold", "issuer": "EUCLES", "awarded": dt.date(2024, 5, 1)}
    assert label_on(label, dt.date(2026, 5, 1)).status == "valid"
    assert label_on(label, dt.date(2026, 5, 2)).status == "expired"
    explicit = dict(label, valid_until=dt.date(2030, 1, 1))
    assert label_on(explicit, dt.date(2029, 12, 31)).status == "valid"


@pytest.mark.parametrize(
    ("given", "precision", "shown_until", "status_on_2016_09_30", "status_on_2016_10_01"),
    [
        # the issuer's rule: two years from the interview month, to that month's end
        ({"awarded": "2014-10-10", "interviewed": "2014-09"}, "day", Month(2016, 9), "valid", "expired"),
        ({"awarded": "2014-09"}, "month", Month(2016, 9), "valid", "expired"),
        ({"awarded": 2014}, "year", 2016, "valid", "valid"),
        ({"listed_in": 2014}, "listed", 2016, "valid", "valid"),  # held in 2014: ended by 2016 at the latest
        ({}, "none", None, "unknown", "unknown"),  # no date: validity is not known, never guessed
    ],
)
def test_a_label_is_as_precise_as_its_source(given, precision, shown_until, status_on_2016_09_30, status_on_2016_10_01):
    clean = {"level": "bronze", "issuer": "ESCA", **given}
    label = label_on(clean, dt.date(2016, 9, 30))
    assert (label.precision, label.shown_until, label.status) == (precision, shown_until, status_on_2016_09_30)
    assert label_on(clean, dt.date(2016, 10, 1)).status == status_on_2016_10_01


def test_a_month_reads_right_in_both_languages():
    assert format_date(Month(2022, 2), "lt") == "2022 m. vasario mėn."
    assert format_date(Month(2022, 2), "en") == "February 2022"


def test_lithuanian_alphabetical_order():
    names = ["Žuvėdra", "Zarasai", "Čiurlionis", "Cukrus", "Šaltinis", "Saulė", "Ąžuolas", "Azotas", "Yla", "Ieva", "Jūra"]
    assert sorted(names, key=lithuanian_key) == [
        "Azotas",
        "Ąžuolas",
        "Cukrus",
        "Čiurlionis",
        "Ieva",
        "Yla",
        "Jūra",
        "Saulė",
        "Šaltinis",
        "Zarasai",
        "Žuvėdra",
    ]


def test_dates_in_each_language():
    day = dt.date(2020, 2, 20)
    assert format_date(day, "lt") == "2020 m. vasario 20 d."
    assert format_date(day, "en") == "20 February 2020"
    assert format_date(2018, "lt") == "2018 m."
    start = dt.datetime(2026, 10, 3, 7, 0, tzinfo=dt.UTC)
    assert format_span(start, start + dt.timedelta(hours=3), "lt", VILNIUS) == "2026 m. spalio 3 d. 10:00–13:00"
    assert format_span(dt.date(2025, 5, 1), dt.date(2025, 5, 2), "en") == "1–2 May 2025"


def test_day_ranges_write_a_shared_month_and_year_once():
    spans = {
        (dt.date(2022, 4, 26), dt.date(2022, 4, 27)): ("2022 m. balandžio 26–27 d.", "26–27 April 2022"),
        (dt.date(2022, 4, 30), dt.date(2022, 5, 2)): ("2022 m. balandžio 30 d. – gegužės 2 d.", "30 April – 2 May 2022"),
        (dt.date(2022, 12, 30), dt.date(2023, 1, 2)): ("2022 m. gruodžio 30 d. – 2023 m. sausio 2 d.", "30 December 2022 – 2 January 2023"),
    }
    for (start, end), (lt, en) in spans.items():
        assert (format_span(start, end, "lt"), format_span(start, end, "en")) == (lt, en)
    assert format_span(dt.date(2022, 4, 26), dt.date(2022, 4, 26), "en") == "26 April 2022"


def test_build_date_follows_source_date_epoch():
    assert build_date({"SOURCE_DATE_EPOCH": "1582156800"}) == dt.date(2020, 2, 20)


def test_markdown_from_data_cannot_carry_html_or_script_links():
    html = render_markdown("# Title\n\n<script>alert(1)</script>\n\n[x](javascript:alert(1)) [ok](https://litek.lt/)")
    assert "<script" not in html
    assert "&lt;script&gt;" in html
    assert "javascript:" not in html
    assert '<a href="https://litek.lt/">ok</a>' in html
    assert html.startswith("<h3>Title</h3>")


def test_stubs_are_written_once_and_stale_ones_removed(tmp_path):
    docs = tmp_path / "content"
    assert sync_stubs(docs, cluster_stubs(["a", "b"])) == (4, 0)
    assert sync_stubs(docs, cluster_stubs(["a", "b"])) == (0, 0)
    (docs / "klasteriai" / "index.md").write_text("# Directory\n")  # hand-written: kept
    assert sync_stubs(docs, cluster_stubs(["a"])) == (0, 2)
    assert sorted(p.name for p in (docs / "klasteriai").iterdir()) == ["a.en.md", "a.md", "index.md"]


def test_news_list_pages_beyond_the_first_years_and_tags():
    stubs = news_list_stubs(page_count=3, years=[2020, 2019], tags=["inolink"])
    assert sorted(stubs) == [
        "naujienos/archyvas/2019.en.md",
        "naujienos/archyvas/2019.md",
        "naujienos/archyvas/2020.en.md",
        "naujienos/archyvas/2020.md",
        "naujienos/puslapis/2.en.md",
        "naujienos/puslapis/2.md",
        "naujienos/puslapis/3.en.md",
        "naujienos/puslapis/3.md",
        "naujienos/zymos/inolink.en.md",
        "naujienos/zymos/inolink.md",
    ]
    assert "news_page: 3\ntemplate: news-list.html" in stubs["naujienos/puslapis/3.md"]


def test_every_interface_string_used_exists_in_the_default_language():
    lt = load_strings(REPO / "data" / "ui", "lt")
    en = load_strings(REPO / "data" / "ui", "en")
    used = set()
    for template in (REPO / "overrides").rglob("*.html"):
        used |= set(USED_KEY.findall(template.read_text(encoding="utf-8")))
    prefixes = {key for key in used if key.endswith(".")}
    missing = sorted(key for key in used - prefixes if key not in lt and f"{key}.other" not in lt)
    assert used and missing == []

    # Plural forms differ by language (CLDR): Lithuanian has few and many, English has not.
    def base(keys, lang):
        forms = {"one", "few", "many", "other"} - set(PLURAL_FORMS[lang])
        return {key for key in keys if key.rsplit(".", 1)[-1] not in forms}

    assert sorted(base(en, "en") - base(lt, "lt")) == []
    assert sorted(base(lt, "en") - base(en, "lt")) == []


PLURAL_FORMS = {"lt": ("one", "few", "many", "other"), "en": ("one", "other")}


@pytest.mark.parametrize("lang", ["lt", "en"])
def test_plural_forms_follow_cldr_for_0_to_111(lang):
    """Every plural key has each of its language's forms, and the translator picks
    the form CLDR's rule gives (lt: 1, 21, 101 klasteris; 2-9, 22 klasteriai; 0, 10-20, 111 klasterių)."""
    from clustersite.model.ui_strings import translators

    strings = load_strings(REPO / "data" / "ui", lang)
    plural_keys = {key.rsplit(".", 1)[0] for key in strings if key.endswith(".other") and key.replace(".other", ".one") in strings}
    assert plural_keys
    for key in plural_keys:
        assert all(f"{key}.{form}" in strings for form in PLURAL_FORMS[lang]), key
    t = translators(REPO / "data" / "ui")[lang]

    def cldr(n):
        if lang == "en":
            return "one" if n == 1 else "other"
        if n % 10 == 1 and not 11 <= n % 100 <= 19:
            return "one"
        if 2 <= n % 10 <= 9 and not 11 <= n % 100 <= 19:
            return "few"
        return "other"

    for n in range(112):
        assert t("count.clusters", count=n) == strings[f"count.clusters.{cldr(n)}"].format(count=n)


def test_every_computed_interface_string_exists_in_both_languages():
    """Keys built at run time (`t('label.level.' ~ level)`, `f"directory.label.{v}"`)
    escape the literal-key test above: each prefix's values are listed here, and
    a prefix used in a template but missing from this table fails the test."""
    from clustersite.derived import at_a_glance, directory
    from clustersite.model.cluster_model import MEMBER_TYPES
    from clustersite.model.sources import FACT_FIELDS
    from clustersite.pages import kinds as pages

    computed = {
        "label.level.": ("bronze", "silver", "gold"),
        "label.status.": ("valid", "expired"),
        "member.type.": MEMBER_TYPES,
        "cluster.member_group.": MEMBER_TYPES + ("none",),
        "directory.sort.": tuple(sort.key for sort in directory.SORTS),
        "directory.label.": directory.LABEL_VALUES,
        "search.": pages.SEARCH_STRINGS,
        "groups.": tuple(f"{kind}_{part}" for kind in ("sector", "county") for part in ("title", "description", "intro")),
        "glance.": at_a_glance.FIELDS,
        "glance.evidence.": at_a_glance.EVIDENCE_KINDS,
        "cite.field.": tuple(field for field in FACT_FIELDS if field != "county"),  # the county is named with the place ("city")
    }
    used_prefixes = set()
    for template in (REPO / "overrides").rglob("*.html"):
        used_prefixes |= set(re.findall(r"t\('([a-z_.]+\.)' ~", template.read_text(encoding="utf-8")))
    assert used_prefixes and used_prefixes <= set(computed)
    for lang in ("lt", "en"):
        strings = load_strings(REPO / "data" / "ui", lang)
        missing = [prefix + value for prefix, values in computed.items() for value in values if prefix + value not in strings]
        assert missing == [], lang
