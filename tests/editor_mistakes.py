"""Editors' mistakes, one per kind, as files laid over a minimal repository
(one valid cluster, `data/clusters/bandomasis.yml`). Each maps a path under
the repository to its new text (bytes for binary files, None to delete it).

test_editor_mistakes.py runs each through `make check` and a real build and
pins the Lithuanian lines both must print."""

from __future__ import annotations

import re
from collections.abc import Callable

from check_support import SOURCE
from conftest import minimal_cluster

Change = str | bytes | None | Callable[[str], str]

PNG = b"\x89PNG\r\n\x1a\n" + b"\0" * 64
CLUSTER = "data/clusters/x.yml"
VALID = minimal_cluster()


def cluster(**blocks: str) -> dict[str, str]:
    """A cluster file: the minimal valid one with top-level blocks added."""
    return {CLUSTER: minimal_cluster(**blocks)}


def replaced(old: str, new: str) -> dict[str, str]:
    """The minimal valid cluster with one piece of text replaced."""
    assert old in VALID, old
    return {CLUSTER: VALID.replace(old, new, 1)}


def news(lt: str, en: str = "---\ntitle: News\n---\n\nText.\n", day: str = "2024-03-05", slug: str = "naujiena") -> dict[str, str]:
    return {f"content/naujienos/{day}-{slug}.md": lt, f"content/naujienos/{day}-{slug}.en.md": en}


def news_lt(fields: str = "", body: str = "Tekstas.\n", sources: str = SOURCE) -> str:
    return f"---\ntitle: Naujiena\ndate: 2024-03-05\n{fields}{sources}---\n\n{body}"


def story(lt_fields: str) -> dict[str, str]:
    return {
        "content/sekmes-istorijos/istorija.md": f"---\ntitle: Istorija\n{lt_fields}{SOURCE}---\n\nTekstas.\n",
        "content/sekmes-istorijos/istorija.en.md": "---\ntitle: Story\nsummary: Summary.\n---\n\nText.\n",
    }


def event(lt_fields: str, en: str = "---\ntitle: Event\n---\n\nText.\n", sources: str = SOURCE) -> dict[str, str]:
    return {"content/renginiai/renginys.md": f"---\ntitle: Renginys\n{lt_fields}{sources}---\n\nTekstas.\n", "content/renginiai/renginys.en.md": en}


def nested(depth: int) -> str:
    return "name:\n  lt: " + "[" * depth + "x" + "]" * depth + "\n"


MISTAKES: dict[str, dict[str, Change]] = {
    # --- YAML syntax ---------------------------------------------------------
    "yaml-indentation": replaced("  en: Bandomasis klasteris (EN)", " en: Bandomasis klasteris (EN)"),
    "yaml-colon-in-value": replaced("  lt: Bandomojo klasterio santrauka.", "  lt: Tikslas: inovacijos"),
    "yaml-unclosed-double-quote": replaced("  lt: Bandomojo klasterio santrauka.", '  lt: "Bandomojo klasterio santrauka.'),
    "yaml-quote-inside-single-quotes": replaced("  lt: Bandomojo klasterio santrauka.", "  lt: 'Klaipėdos 'uostas' klasteris'"),
    "yaml-unclosed-list": cluster(sectors="sectors: [ict, health\n"),
    "yaml-unclosed-mapping": replaced(
        "name:\n  lt: Bandomasis klasteris\n  en: Bandomasis klasteris (EN)\n", "name: {lt: Bandomasis klasteris, en: Bandomasis\n"
    ),
    "yaml-list-item-without-dash": cluster(more="members:\n  - name: UAB Pirmas\n  name: UAB Antras\n"),
    "yaml-value-starts-with-at": replaced("  lt: Bandomojo klasterio santrauka.", "  lt: @klasteris"),
    "yaml-value-starts-with-star": replaced("  lt: Bandomojo klasterio santrauka.", "  lt: *Svarbu*"),
    "yaml-backslash-in-double-quotes": replaced("  lt: Bandomojo klasterio santrauka.", '  lt: "C:\\duomenys"'),
    "yaml-tab-indentation": replaced("  lt: Bandomasis klasteris\n", "\tlt: Bandomasis klasteris\n"),
    "yaml-two-documents": {CLUSTER: VALID + "---\nname:\n  lt: Antras\n"},
    "yaml-anchor-and-alias": cluster(more="city: &miestas Vilnius\naddress: *miestas\n"),
    "yaml-tag": replaced("  lt: Bandomojo klasterio santrauka.", "  lt: !svarbu Santrauka"),
    "yaml-key-twice": cluster(more="founded: 2010\nfounded: 2011\n"),
    "yaml-byte-order-mark": {CLUSTER: "\ufeff" + VALID},
    "not-utf8": {CLUSTER: VALID.replace("Bandomojo", "Bandomojo \u0161").encode("cp1257")},
    "file-too-large": {CLUSTER: VALID + "# " + "x" * 1_000_100 + "\n"},
    "nested-too-deep": {CLUSTER: nested(25)},
    "list-too-long": cluster(more="members:\n" + "".join(f"  - name: Narys {n}\n" for n in range(1001))),
    # --- cluster fields --------------------------------------------------------
    "required-field-missing": {CLUSTER: VALID.replace("name:\n  lt: Bandomasis klasteris\n  en: Bandomasis klasteris (EN)\n", "")},
    "required-field-blank": replaced("name:\n  lt: Bandomasis klasteris\n  en: Bandomasis klasteris (EN)\n", "name:\n"),
    "lithuanian-text-blank": replaced("  lt: Bandomasis klasteris\n", "  lt:\n"),
    "text-instead-of-languages": replaced("name:\n  lt: Bandomasis klasteris\n  en: Bandomasis klasteris (EN)\n", "name: Bandomasis klasteris\n"),
    "unknown-field": cluster(more="sumary: Santrauka\n"),
    "text-too-long": replaced("  lt: Bandomojo klasterio santrauka.", "  lt: " + "Labai ilga santrauka. " * 30),
    "unknown-sector": cluster(sectors="sectors: [maistas]\n"),
    "sector-by-its-name": cluster(sectors="sectors: [IRT]\n"),
    "sector-listed-twice": cluster(sectors="sectors: [ict, ict]\n"),
    "sectors-not-a-list": cluster(sectors="sectors: ict, health\n"),
    "unknown-county": cluster(county="county: vilniaus\n"),
    "founded-in-the-future": cluster(founded="founded: 3000\n"),
    "founded-too-early": cluster(founded="founded: 1800\n"),
    "founded-not-a-year": cluster(founded="founded: seniai\n"),
    "website-without-https": cluster(website="website: www.klasteris.lt\n"),
    "email-without-at": cluster(contact="contact:\n  email: info.klasteris.lt\n"),
    "phone-in-words": cluster(contact="contact:\n  phone: skambinkite darbo dienomis\n"),
    "latitude-outside-lithuania": cluster(location="location:\n  lat: 25.28\n  lon: 54.69\n"),
    "latitude-not-a-number": cluster(location="location:\n  lat: penkiasdešimt keturi\n  lon: 25.28\n"),
    "member-count-as-a-number": cluster(count="member_count: 12\n"),
    "member-count-without-date": cluster(count="member_count:\n  value: 12\n"),
    "member-count-below-the-list": cluster(count="member_count:\n  value: 1\n  as_of: 2024\nmembers:\n  - name: UAB Pirmas\n  - name: UAB Antras\n"),
    "unknown-member-type": cluster(members="members:\n  - name: UAB Pirmas\n    type: imone\n"),
    "yes-in-lithuanian": cluster(open="open_to_members: taip\n"),
    "logo-missing": cluster(logo="logo: data/logos/nera.svg\n"),
    "logo-not-an-image": {**cluster(logo="logo: data/logos/x.pdf\n"), "data/logos/x.pdf": b"%PDF-1.4\n"},
    "logo-outside-the-repository": cluster(logo="logo: ../x.svg\n"),
    "logo-not-what-its-name-says": {**cluster(logo="logo: data/logos/x.png\n"), "data/logos/x.png": b"GIF89a" + b"\0" * 64},
    "logo-svg-with-script": {
        **cluster(logo="logo: data/logos/x.svg\n"),
        "data/logos/x.svg": '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(1)</script></svg>',
    },
    "logo-too-large": {**cluster(logo="logo: data/logos/x.png\n"), "data/logos/x.png": PNG + b"\0" * 600_000},
    "raw-html-in-description": cluster(description="description:\n  lt: Tekstas su <b>paryškinimu</b>.\n  en: Text.\n"),
    "unsafe-link-in-description": cluster(description="description:\n  lt: '[Spauskite](javascript:alert(1))'\n  en: Text.\n"),
    "label-ends-before-it-is-awarded": cluster(labels="labels:\n  - level: gold\n    issuer: ESCA\n    awarded: 2020-05-01\n    valid_until: 2019-05-01\n"),
    "unknown-label-level": cluster(labels="labels:\n  - level: platinum\n    issuer: ESCA\n    awarded: 2020-05-01\n"),
    "sources-empty": replaced("sources:\n  - url: https://example.org/source\n", "sources: []\n"),
    "source-only-a-home-page": replaced("https://example.org/source", "https://example.org/"),
    "working-note-in-a-value": cluster(city="city: ⚠ Vilnius?\n"),
    "date-that-does-not-exist": cluster(updated="updated: 2024-02-30\n"),
    "month-13": cluster(updated="updated: 2024-13-01\n"),
    "date-in-the-future": cluster(updated="updated: 2999-01-01\n"),
    # --- file names ----------------------------------------------------------
    "cluster-file-name-with-capitals": {"data/clusters/Šilas.yml": VALID},
    "cluster-file-ends-in-yaml": {"data/clusters/silas.yaml": VALID},
    "cluster-file-not-yaml": {"data/clusters/silas.txt": "Pastabos"},
    "news-file-name-without-date": news(news_lt(), slug="naujiena", day="be-datos"),
    # --- news, stories, events (a Lithuanian and an English file) --------------
    "news-date-differs-from-file-name": news(news_lt().replace("date: 2024-03-05", "date: 2024-03-06")),
    "news-without-english-file": {"content/naujienos/2024-03-05-naujiena.md": news_lt()},
    "news-without-lithuanian-file": {"content/naujienos/2024-03-05-naujiena.en.md": "---\ntitle: News\n---\n\nText.\n"},
    "news-without-front-matter": news("Naujiena be laukų.\n"),
    "news-front-matter-not-closed": news("---\ntitle: Naujiena\ndate: 2024-03-05\n\nTekstas.\n"),
    "news-front-matter-a-list": news("---\n- title\n---\n\nTekstas.\n"),
    "news-english-file-changes-a-shared-field": news(news_lt("tags: [inolink]\n"), "---\ntitle: News\ntags: [eu-funding]\n---\n\nText.\n"),
    "news-unknown-cluster": news(news_lt("clusters: [bandomas]\n")),
    "news-unknown-tag": news(news_lt("tags: [naujiena]\n")),
    "news-image-without-description": {**news(news_lt("image: data/images/x.png\n")), "data/images/x.png": PNG},
    "news-image-outside-its-folder": {
        **news(news_lt("image: data/news/Forumas.png\nimage_alt: Forumas\n"), "---\ntitle: News\nimage_alt: Forum\n---\n\nText.\n"),
        "data/news/Forumas.png": PNG,
    },
    "news-broken-link-in-text": news(news_lt(body="Žr. [kitą naujieną](2024-01-01-nera.md).\n")),
    "news-raw-html-in-text": news(news_lt(body="Tekstas su <b>paryškinimu</b>.\n")),
    "news-script-in-english-text": news(news_lt(), "---\ntitle: News\n---\n\n<script>alert(1)</script>\n"),
    "news-english-title-blank": news(news_lt(), "---\ntitle:\n---\n\nText.\n"),
    "news-working-note-in-text": news(news_lt(body="TODO: patikrinti datą.\n")),
    "news-without-sources": news(news_lt(sources="")),
    "news-sources-left-blank": news(news_lt(sources="sources:\n")),
    "event-sources-empty-list": event("start: 2026-10-03\n", sources="sources: []\n"),
    "story-two-required-fields-blank": story("date:\nsummary:\n"),
    "story-without-clusters": story("date: 2024-05-01\nsummary: Santrauka.\n"),
    "event-ends-before-it-starts": event("start: 2026-10-03 10:00\nend: 2026-10-03 09:00\n"),
    "event-end-without-start": event("end: 2026-10-03\n"),
    "event-date-and-time-mixed": event("start: 2026-10-03\nend: 2026-10-03 17:00\n"),
    "event-time-without-date": event("start: 10:00\n"),
    "event-series-with-spaces": event("series: Baltijos forumas\n"),
    "event-address-not-a-link": event("url: renginys.lt\n"),
    "front-matter-indented-with-tab": event("location:\n\tKaunas\n"),
    # --- vocabularies and interface wording ----------------------------------
    "vocabulary-term-without-english": {"data/counties.yml": "vilnius:\n  lt: Vilniaus apskritis\n"},
    "vocabulary-key-with-capitals": {"data/tags.yml": "Inovacijos:\n  lt: Inovacijos\n  en: Innovation\n"},
    "vocabulary-file-deleted": {"data/programmes.yml": None},
    "wording-placeholder-renamed": {"data/ui/en.yml": lambda text: text.replace("{known} of {count} cluster;", "{zinomi} of {count} cluster;")},
    "wording-key-removed": {"data/ui/en.yml": lambda text: re.sub(r"^social\.image_alt:.*\n", "", text, flags=re.M)},
    # --- hand-written pages ----------------------------------------------------
    "page-with-iframe": {"content/apie-nauja.md": "# Apie\n\n<iframe src='https://example.org/'></iframe>\n"},
}
