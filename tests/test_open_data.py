"""Open data, badges, embeds and follower feeds: built into a fixture site
(and the real one) and read back the way reusers read them."""

from __future__ import annotations

import base64
import csv
import datetime as dt
import hashlib
import io
import json
import re
import shutil
import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urljoin, urlsplit

import feedparser
import icalendar
import pytest
from bs4 import BeautifulSoup

from check_support import SOURCE
from clustersite.derived import badges, open_data
from clustersite.derived.similar import similar
from clustersite.model.cluster_model import LAT_RANGE, LON_RANGE
from clustersite.model.site_data import SiteData
from clustersite.model.vocabularies import Term
from clustersite.text import urls
from clustersite.text.localized import LocalizedText
from conftest import REPO, copy_site_sources, minimal_cluster, replace_content, run_build

SITE_URL = "https://example.org/klasteriai-lt/"
SVG = "{http://www.w3.org/2000/svg}"
ALFA = minimal_cluster(
    "Alfa",
    extra="""\
    sectors: [ict, health]
    county: vilnius
    city: Vilnius
    location: {lat: 54.6872, lon: 25.2797}
    founded: 2012
    website: https://alfa.example.lt/
    coordinator:
      name: {lt: Alfos asociacija, en: Alfa Association}
    members:
      - {name: "UAB „Šiaulių ąžuolas“", type: company}
      - {name: Kauno technologijos universitetas, type: research, website: https://ktu.example.lt/}
    member_count: {value: 12, as_of: 2025}
    labels:
      - {level: bronze, issuer: ESCA, awarded: 2021}
      - {level: silver, issuer: ESCA, awarded: 2025-03-01}
    open_to_members: true
    updated: 2026-01-10
""",
)
BETA = minimal_cluster(
    "Beta",
    extra="""\
    sectors: [ict]
    county: vilnius
    location: {lat: 54.9, lon: 23.9}
    members:
      - {name: "Įmonė, kuri turi \\"kabučių\\"", type: company}
""",
)
GAMA = minimal_cluster(
    "Gama",
    extra="""\
    sectors: [health]
    county: kaunas
    labels:
      - {level: gold, issuer: ESCA, awarded: 2019}
""",
)
CLUSTERS = {"alfa": ALFA, "beta": BETA, "gama": GAMA, "delta": minimal_cluster("Delta")}
ENTRIES = {
    "naujienos/2026-01-05-alfa-zinia.md": f"---\ntitle: Alfos žinia\ndate: 2026-01-05\nclusters: [alfa]\nsummary: Apie Alfą.\n{SOURCE}---\nTekstas.\n",
    "naujienos/2026-01-05-alfa-zinia.en.md": "---\ntitle: Alfa news\nsummary: About Alfa.\n---\nText.\n",
    "naujienos/2026-02-01-gama-zinia.md": f"---\ntitle: Gamos žinia\ndate: 2026-02-01\nclusters: [gama]\n{SOURCE}---\nTekstas.\n",
    "naujienos/2026-02-01-gama-zinia.en.md": "---\ntitle: Gama news\n---\nText.\n",
    "renginiai/alfos-diena.md": f"---\ntitle: Alfos diena\nstart: 2026-10-03 9:30\nend: 2026-10-03 17:00\nclusters: [alfa]\n{SOURCE}---\n",
    "renginiai/alfos-diena.en.md": "---\ntitle: Alfa day\n---\n",
}
ALLOWED_HOSTS = {"www.w3.org", "creativecommons.org", "datapackage.org", "schema.org"}  # licence and namespace URIs


def make_repo(base: Path, clusters: dict[str, str]) -> Path:
    # overrides/cluster.html itself includes reuse-link.html and similar-clusters.html; the data page reuse-snippets.html.
    return replace_content(copy_site_sources(base / "repo"), clusters, ENTRIES)


def build(root: Path, name: str = "site"):
    result = run_build(root, root.parent / name, env_extra={"SITE_URL": SITE_URL})
    assert result.returncode == 0, result.output
    return result


@pytest.fixture(scope="module")
def site(tmp_path_factory):
    return build(make_repo(tmp_path_factory.mktemp("open-data"), CLUSTERS))


def reuse_paths(slugs, sectors) -> list[str]:
    """Every address this feature promises, for these clusters and sectors."""
    paths = [urls.data_file(f.name) for f in open_data.FILES]
    for slug in slugs:
        paths += [urls.badge(slug), urls.badge_endpoint(slug)]
        for root in ("", "en/"):
            paths += [root + urls.embed(slug) + "index.html", root + urls.cluster_news_feed(slug), root + urls.cluster_calendar(slug)]
    for key in sectors:
        paths += [root + urls.sector_news_feed(key) for root in ("", "en/")]
    return paths


def sectors() -> list[str]:
    import yaml

    return list(yaml.safe_load((REPO / "data" / "sectors.yml").read_text(encoding="utf-8")))


def read_csv(path: Path) -> list[dict[str, str]]:
    return list(csv.DictReader(io.StringIO(path.read_bytes().decode("utf-8"), newline="")))


# --- the files -------------------------------------------------------------


@pytest.mark.build
def test_every_promised_file_exists(site):
    missing = [p for p in reuse_paths(CLUSTERS, sectors()) if not (site.site / p).is_file()]
    assert missing == []
    assert (site.site / "duomenys" / "index.html").is_file() and (site.site / "en" / "duomenys" / "index.html").is_file()


@pytest.mark.build
def test_reuse_files_are_byte_identical_across_builds(site, tmp_path):
    again = build(site.root, "again")
    for path in reuse_paths(CLUSTERS, sectors()) + ["duomenys/index.html", "en/duomenys/index.html"]:
        assert (site.site / path).read_bytes() == (again.site / path).read_bytes(), path


@pytest.mark.build
def test_frictionless_finds_the_package_valid(site):
    from frictionless import validate

    report = validate(str(site.site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    package = json.loads((site.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    assert package["licenses"][0]["name"] == "CC-BY-4.0"
    assert [r["name"] for r in package["resources"] if r.get("type") == "table"] == ["clusters", "members", "labels", "sources"]
    members = next(r for r in package["resources"] if r["name"] == "members")
    assert members["schema"]["foreignKeys"] == [{"fields": ["cluster"], "reference": {"resource": "clusters", "fields": ["slug"]}}]


@pytest.mark.build
def test_frictionless_reports_a_latitude_out_of_range(site, tmp_path):
    from frictionless import validate

    copy = tmp_path / "data"
    shutil.copytree(site.site / "data", copy)
    text = (copy / "clusters.csv").read_text(encoding="utf-8").replace("54.6872", "64.6872")
    (copy / "clusters.csv").write_text(text, encoding="utf-8", newline="")
    report = validate(str(copy / "datapackage.json"))
    assert not report.valid
    assert "constraint-error" in {error[0] for error in report.flatten(["type"])}


@pytest.mark.build
def test_field_descriptions_come_from_the_model(site):
    from clustersite.model.cluster_model import Cluster, Location
    from clustersite.model.records import help_of

    package = json.loads((site.site / "data" / "datapackage.json").read_text(encoding="utf-8"))
    fields = {f["name"]: f for f in package["resources"][0]["schema"]["fields"]}
    founded = help_of(Cluster.model_fields["founded"])
    assert founded and founded.en in fields["founded"]["description"] and founded.lt in fields["founded"]["description"]
    lat = help_of(Location.model_fields["lat"])
    assert lat is not None
    assert lat.en in fields["lat"]["description"]
    assert all(f["description"].strip() for f in fields.values())


@pytest.mark.build
def test_csv_is_rfc_4180_utf8_without_bom(site):
    raw = (site.site / "data" / "clusters.csv").read_bytes()
    assert not raw.startswith(b"\xef\xbb\xbf")
    assert raw.count(b"\r\n") == raw.count(b"\n") and raw.endswith(b"\r\n")
    members = read_csv(site.site / "data" / "members.csv")
    assert {m["name"] for m in members} >= {"UAB „Šiaulių ąžuolas“", 'Įmonė, kuri turi "kabučių"'}
    assert b'"\xc4\xaemon\xc4\x97, kuri turi ""kabu\xc4\x8di\xc5\xb3"""' in (site.site / "data" / "members.csv").read_bytes()


@pytest.mark.build
def test_one_row_per_cluster_with_resolved_values(site):
    rows = read_csv(site.site / "data" / "clusters.csv")
    assert [r["slug"] for r in rows] == sorted(CLUSTERS)
    alfa = rows[0]
    assert (alfa["county"], alfa["sectors"], alfa["lat"], alfa["lon"]) == ("LT-VL", "ict;health", "54.6872", "25.2797")
    assert (alfa["label_level"], alfa["label_status"], alfa["label_valid_until"]) == ("silver", "valid", "2027-03-01")
    assert (alfa["member_count"], alfa["member_count_as_of"], alfa["open_to_members"]) == ("12", "2025", "true")
    assert (alfa["url_lt"], alfa["url_en"]) == (f"{SITE_URL}klasteriai/alfa/", f"{SITE_URL}en/klasteriai/alfa/")
    gama = next(r for r in rows if r["slug"] == "gama")
    assert (gama["county"], gama["label_level"], gama["label_status"]) == ("LT-KU", "gold", "expired")
    labels = read_csv(site.site / "data" / "labels.csv")
    assert [(l["cluster"], l["position"], l["level"], l["ends"]) for l in labels if l["cluster"] == "alfa"] == [
        ("alfa", "1", "bronze", "2023-12-31"),
        ("alfa", "2", "silver", "2027-03-01"),
    ]


@pytest.mark.build
def test_json_nests_and_names_vocabularies_in_both_languages(site):
    data = json.loads((site.site / "data" / "clusters.json").read_text(encoding="utf-8"))
    alfa = data["clusters"][0]
    assert alfa["county"] == {"key": "vilnius", "iso": "LT-VL", "lt": "Vilniaus apskritis", "en": "Vilnius County"}
    assert alfa["sectors"][0]["key"] == "ict" and alfa["sectors"][0]["lt"] and alfa["sectors"][0]["en"]
    assert alfa["current_label"]["level"] == "silver" and "logo" not in alfa
    counts = json.loads((site.site / "data" / "counts.json").read_text(encoding="utf-8"))
    assert counts["clusters"] == 4
    assert {row["key"]: row["clusters"] for row in counts["by_sector"]}["ict"] == 2
    assert {row["iso"]: row["clusters"] for row in counts["by_county"]}["LT-VL"] == 2
    assert counts["by_label"] == {"gold": 0, "silver": 1, "bronze": 0, "expired": 1, "unknown": 0, "none": 2}


@pytest.mark.build
def test_geojson_points_lie_in_lithuania(site):
    data = json.loads((site.site / "data" / "clusters.geojson").read_text(encoding="utf-8"))
    assert data["type"] == "FeatureCollection"
    # a point per placed cluster, with its precision; delta has no place and no point
    assert [(f["properties"]["slug"], f["properties"]["precision"]) for f in data["features"]] == [
        ("alfa", "location"),
        ("beta", "location"),
        ("gama", "county"),
    ]
    gama = data["features"][2]
    assert gama["properties"]["city"] is None and gama["properties"]["county"] == "LT-KU"
    for feature in data["features"]:
        assert feature["geometry"]["type"] == "Point"
        lon, lat = feature["geometry"]["coordinates"]
        assert LON_RANGE[0] <= lon <= LON_RANGE[1] and LAT_RANGE[0] <= lat <= LAT_RANGE[1], feature["id"]


@pytest.mark.build
def test_dsa_manifest_has_its_header_and_is_open_everywhere(site):
    text = (site.site / "data" / "dsa.csv").read_bytes().decode("utf-8")
    rows = list(csv.reader(io.StringIO(text, newline="")))
    assert rows[0] == [
        "id",
        "dataset",
        "resource",
        "base",
        "model",
        "property",
        "type",
        "ref",
        "source",
        "prepare",
        "level",
        "access",
        "uri",
        "title",
        "description",
    ]
    assert all(len(row) == 15 for row in rows)
    records = [dict(zip(rows[0], row, strict=False)) for row in rows[1:]]
    assert all(r["access"] == "open" for r in records)
    (dataset,) = [r for r in records if r["dataset"]]
    assert re.fullmatch(r"datasets/gov/[a-z0-9_]+/klasteriai", dataset["dataset"])
    resources = [r for r in records if r["resource"]]
    assert {r["type"] for r in resources} == {"csv"}
    for resource in resources:
        assert resource["source"].startswith(SITE_URL + "data/")
        assert (site.site / urlsplit(resource["source"]).path.removeprefix(urlsplit(SITE_URL).path)).is_file()
    properties = [r for r in records if r["property"]]
    assert all(r["type"] and r["source"] and r["level"] and r["title"] and r["description"] for r in properties)
    assert {"schema:name", "schema:latitude"} <= {r["uri"] for r in properties}
    assert [r["ref"] for r in properties if r["type"] == "ref"] == ["Klasteris"] * 3


@pytest.mark.build
def test_no_reuse_file_points_at_another_host(site):
    host = urlsplit(SITE_URL).netloc
    checked = 0
    for path in reuse_paths(CLUSTERS, sectors()):
        if path.endswith(".csv") and not path.endswith("dsa.csv") or path.endswith(("clusters.json", ".geojson")):
            continue  # the data itself: clusters' and sources' own websites
        text = (site.site / path).read_text(encoding="utf-8")
        for address in re.findall(r"https?://[^\s\"'<>)]+", text):
            assert urlsplit(address).netloc in ALLOWED_HOSTS | {host}, f"{path}: {address}"
            checked += 1
    assert checked > 50


# --- badges and embeds -----------------------------------------------------


@pytest.mark.build
def test_badge_svg_is_accessible_and_matches_its_endpoint(site):
    root = ET.fromstring((site.site / "badges" / "alfa.svg").read_bytes())
    assert root.tag == f"{SVG}svg" and root.get("role") == "img"
    assert root.get("aria-label") == "Lietuvos klasteris: ESCA Sidabro ženklas 2025"
    assert root.find(f"{SVG}title").text == root.get("aria-label")
    endpoint = json.loads((site.site / "badges" / "alfa.json").read_text(encoding="utf-8"))
    assert endpoint == {"schemaVersion": 1, "label": "Lietuvos klasteris", "message": "ESCA Sidabro ženklas 2025", "color": badges.COLOURS["silver"]}
    assert json.loads((site.site / "badges" / "gama.json").read_text(encoding="utf-8"))["message"] == "ESCA Aukso ženklas 2019, nebegalioja"
    assert json.loads((site.site / "badges" / "delta.json").read_text(encoding="utf-8"))["message"] == "profilis"
    # The English badge speaks English, in its words and its title.
    english = ET.fromstring((site.site / "en" / "badges" / "alfa.svg").read_bytes())
    assert english.get("aria-label") == "Lithuanian cluster: ESCA Silver 2025" == english.find(f"{SVG}title").text
    assert json.loads((site.site / "en" / "badges" / "gama.json").read_text(encoding="utf-8"))["message"] == "ESCA Gold 2019, expired"
    assert json.loads((site.site / "en" / "badges" / "delta.json").read_text(encoding="utf-8"))["message"] == "profile"


@pytest.mark.build
def test_embed_cards_stand_alone_in_both_languages(site):
    for root, lang in (("", "lt"), ("en/", "en")):
        page = BeautifulSoup((site.site / root / "embed" / "alfa" / "index.html").read_text(encoding="utf-8"), "html.parser")
        assert page.html["lang"] == lang
        assert not page.find("script") and not page.find("link", rel="stylesheet") and not page.find(class_="md-header")
        links = page.find_all("a")
        assert links and all(a["target"] == "_top" and a["href"] == f"{SITE_URL}{root}klasteriai/alfa/" for a in links)
        assert page.find("meta", attrs={"name": "robots"})["content"] == "noindex"
    headers = (site.site / "_headers").read_text(encoding="utf-8")
    assert "/klasteriai-lt/embed/*\n  ! Content-Security-Policy\n" in headers and "frame-ancestors *" in headers
    # The embed's own policy allows exactly its inline style, by hash.
    style = re.search(r"<style>(.*?)</style>", (site.site / "embed" / "alfa" / "index.html").read_text(encoding="utf-8"), re.S)[1]
    digest = base64.b64encode(hashlib.sha256(style.encode("utf-8")).digest()).decode()
    assert f"style-src 'sha256-{digest}'" in headers


@pytest.mark.build
def test_profile_offers_feeds_and_links_the_badge_and_embed_code_on_the_data_page(site):
    """No code on profiles: their feeds, and one link to the data page, which
    shows the badge and embed code for one cluster, in the page's language,
    and says how to adapt it."""
    for root, alt in (("", "Lietuvos klasteris: ESCA Sidabro ženklas 2025"), ("en/", "Lithuanian cluster: ESCA Silver 2025")):
        page = site.page(f"{root}klasteriai/alfa/")
        section = page.find("section", class_="cs-reuse")
        assert not page.select("pre, iframe") and "&lt;iframe" not in str(page)
        here = f"{SITE_URL}{root}klasteriai/alfa/"
        feeds = {a["type"]: a["href"] for a in section.find_all("a", type=True)}
        assert urljoin(here, feeds["application/atom+xml"]) == f"{here}naujienos.xml"
        assert urljoin(here, feeds["text/calendar"]) == f"{here}renginiai.ics"
        (webmasters,) = section.select("a.cs-reuse__webmasters")
        assert urljoin(here, webmasters["href"]) == f"{SITE_URL}{root}duomenys/#cs-reuse"
        assert section.find("code").get_text() == "alfa"
        similar_names = [a.get_text(strip=True) for a in page.select(".cs-similar a")]
        assert similar_names == (["Beta", "Gama"] if root == "" else ["Beta (EN)", "Gama (EN)"])

        data_page = site.page(f"{root}duomenys/")
        snippets = data_page.find("section", class_="cs-reuse")
        assert snippets.h2["id"] == "cs-reuse"
        img = snippets.find("img")
        assert img["alt"] == alt and urljoin(f"{SITE_URL}{root}duomenys/", img["src"]) == f"{SITE_URL}{root}badges/alfa.svg"
        codes = [code.get_text() for code in snippets.select("pre > code")]
        assert codes[0] == f"[![{img['alt']}]({SITE_URL}{root}badges/alfa.svg)]({here})"
        assert f'alt="{img["alt"]}"' in codes[1]
        iframe = BeautifulSoup(codes[2], "html.parser").iframe
        assert iframe["src"] == f"{SITE_URL}{root}embed/alfa/" and iframe["title"]


# --- feeds -----------------------------------------------------------------


@pytest.mark.build
def test_cluster_and_sector_feeds_carry_their_news_and_events(site):
    alfa = feedparser.parse((site.site / "klasteriai" / "alfa" / "naujienos.xml").read_bytes())
    assert [e.title for e in alfa.entries] == ["Alfos žinia"]
    assert alfa.feed.title == "Alfa: naujienos"
    assert next(l.href for l in alfa.feed.links if l.rel == "self") == f"{SITE_URL}klasteriai/alfa/naujienos.xml"
    english = feedparser.parse((site.site / "en" / "klasteriai" / "alfa" / "naujienos.xml").read_bytes())
    assert [e.title for e in english.entries] == ["Alfa news"] and english.feed.id != alfa.feed.id
    assert feedparser.parse((site.site / "klasteriai" / "beta" / "naujienos.xml").read_bytes()).entries == []
    health = feedparser.parse((site.site / "naujienos" / "sektoriai" / "health.xml").read_bytes())
    assert [e.title for e in health.entries] == ["Gamos žinia", "Alfos žinia"]
    calendar = icalendar.Calendar.from_ical((site.site / "klasteriai" / "alfa" / "renginiai.ics").read_bytes())
    assert [str(e["summary"]) for e in calendar.walk("VEVENT")] == ["Alfos diena"]


# --- the data page -----------------------------------------------------------


@pytest.mark.build
def test_data_page_lists_files_with_their_real_sizes_and_json_ld(site):
    for root, lang in (("", "lt"), ("en/", "en")):
        page = site.page(f"{root}duomenys/")
        assert page.html["lang"] == lang
        rows = page.select("table.cs-data-files tbody tr")
        assert [r.find("code").get_text() for r in rows] == [f.name for f in open_data.FILES]
        for row in rows:
            name = row.find("code").get_text()
            assert int(row.find("data")["value"]) == (site.site / "data" / name).stat().st_size, name
        (dataset,) = [json.loads(s.string) for s in page.find_all("script", type="application/ld+json")]
        assert dataset["@type"] == "Dataset" and 50 <= len(dataset["description"]) <= 5000
        assert dataset["license"] == "https://creativecommons.org/licenses/by/4.0/"
        assert [d["contentUrl"] for d in dataset["distribution"]] == [f"{SITE_URL}data/{f.name}" for f in open_data.FILES]
        assert open_data.DSA_DATASET not in page.get_text()  # the data.gov.lt code is shown once an institution registers the set
        fields = [code.get_text() for code in page.select("table.cs-data-fields th code")]
        assert "member_count_as_of" in fields and "slug" in fields


# --- content changes never move an address ---------------------------------


@pytest.mark.build
def test_adding_a_cluster_keeps_every_address(site, tmp_path):
    more = dict(CLUSTERS, epsilon=minimal_cluster("Epsilonas"))
    bigger = build(make_repo(tmp_path, more))
    before = reuse_paths(CLUSTERS, sectors())
    assert [p for p in before if not (bigger.site / p).is_file()] == []
    assert (bigger.site / "badges" / "epsilon.svg").is_file()
    assert len(read_csv(bigger.site / "data" / "clusters.csv")) == len(more)


# --- the real site -----------------------------------------------------------


def test_the_data_page_shows_sizes_handed_over_without_making_the_files(monkeypatch):
    site = SiteData(dt.date(2026, 6, 1), {}, (), ())
    handed = open_data.Published(dict.fromkeys((f.name for f in open_data.FILES), 7), "https://example.lt/")

    def made(*_args):
        raise AssertionError("the files were made again")

    monkeypatch.setattr(open_data, "build_open_data", made)
    open_data.give_published(site, handed)
    assert open_data.published(site, "https://example.lt/") is handed
    assert open_data.published(site, "https://example.lt/").url("clusters.csv") == "https://example.lt/" + urls.data_file("clusters.csv")


@pytest.mark.build
def test_real_site_data_matches_the_cluster_files(real_site):
    from frictionless import validate

    files = sorted(p.stem for p in (REPO / "data" / "clusters").glob("*.yml"))
    rows = read_csv(real_site.site / "data" / "clusters.csv")
    assert [r["slug"] for r in rows] == files
    report = validate(str(real_site.site / "data" / "datapackage.json"))
    assert report.valid, report.flatten(["type", "note"])
    for slug in files:
        assert (real_site.site / "badges" / f"{slug}.svg").is_file()


# --- units -------------------------------------------------------------------


def test_every_lithuanian_letter_has_a_measured_width():
    letters = "aąbcčdeęėfghiįyjklmnoprsštuųūvzž"
    missing = [c for c in letters + letters.upper() + "„“–" if c not in badges.VERDANA_11PX]
    assert missing == []
    assert badges.text_width("Lietuvos klasteris") == 96  # 95.35 px, rounded up
    assert badges.text_width("Ūkis") > badges.text_width("ūkis")
    assert badges.text_width("☃") == badges.text_width("%")  # unknown: the widest in the table


def test_badge_text_width_grows_with_lithuanian_text():
    short = badges.Badge("Lietuvos klasteris", "ESCA Gold 2024", badges.COLOURS["gold"])
    longer = badges.Badge("Lietuvos klasteris", "ESCA Gold 2024, nebegaliojantis ženklas", badges.COLOURS["gold"])
    assert short.message_width == badges.text_width("ESCA Gold 2024") + 2 * badges.PADDING
    assert longer.message_width > short.message_width
    assert short.width == short.label_width + short.message_width


def _contrast(hex_colour: str) -> float:
    def channel(value: int) -> float:
        c = value / 255
        return c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (int(hex_colour[i : i + 2], 16) for i in (0, 2, 4))
    return 1.05 / (0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b) + 0.05)


def test_badge_colours_keep_white_text_readable():
    for colour in (badges.LABEL_COLOUR, *badges.COLOURS.values()):
        assert _contrast(colour) >= 4.5, colour


def _site(clusters) -> SiteData:
    term = lambda key: Term(key, LocalizedText(key, key))
    vocab = {
        "sectors": {k: term(k) for k in ("ict", "health", "food")},
        "counties": {k: term(k) for k in ("vilnius", "kaunas")},
        "maturity": {},
        "programmes": {},
        "tags": {},
    }
    return SiteData(dt.date(2026, 6, 1), vocab, tuple(clusters))


def _cluster(slug, name, sectors=(), county=None, types=()):
    from clustersite.model.cluster_model import Cluster, Member

    member = Member.model_construct
    record = Cluster.model_construct(
        name=LocalizedText(name, name),
        summary=LocalizedText("s"),
        sectors=tuple(sectors),
        county=county,
        members=tuple(member(name=f"m{i}", type=t) for i, t in enumerate(types)),
    )
    record._slug, record._path = slug, f"data/clusters/{slug}.yml"
    return record


def test_similar_ranks_by_sectors_then_county_then_member_types():
    site = _site(
        [
            _cluster("me", "Aš", ["ict", "health"], "vilnius", ["company", "research"]),
            _cluster("two-sectors", "Zeta", ["ict", "health"]),  # 6
            _cluster("sector-county", "Yra", ["ict"], "vilnius"),  # 5
            _cluster("county-types", "Xenon", [], "vilnius", ["company", "research"]),  # 4
            _cluster("types-only", "Omega", [], "kaunas", ["company"]),  # 1
            _cluster("nothing", "Alfa", ["food"], "kaunas"),  # 0: never offered
        ]
    )
    assert [c.slug for c in similar(site, "me", limit=10)] == ["two-sectors", "sector-county", "county-types", "types-only"]
    assert [c.slug for c in similar(site, "me")] == ["two-sectors", "sector-county", "county-types"]


def test_similar_breaks_ties_by_lithuanian_name_then_slug():
    site = _site(
        [
            _cluster("me", "Aš", ["ict"]),
            _cluster("z-slug", "Čia", ["ict"]),
            _cluster("c-slug", "Dora", ["ict"]),
            _cluster("b-slug", "Ciklas", ["ict"]),
            _cluster("a-slug", "Ciklas", ["ict"]),
        ]
    )
    # Lithuanian order: C < Č < D; equal names fall back to the slug.
    assert [c.slug for c in similar(site, "me", limit=4)] == ["a-slug", "b-slug", "z-slug", "c-slug"]


@pytest.mark.parametrize("seed", range(5))
def test_similar_answers_as_scoring_every_pair_would(seed):
    """The index scores profiles sharing a sector one by one and the rest as
    groups: its answers are those of scoring every pair and sorting."""
    import random

    from clustersite.derived.similar import score
    from clustersite.text.collation import lithuanian_key

    rng = random.Random(seed)
    sectors, counties, types = ["ict", "health", "food"], ["vilnius", "kaunas", None], ["company", "research", "education"]
    clusters = [
        _cluster(
            f"c{index:03d}",
            rng.choice(["Alfa", "Beta", "Čia", "Dora", "Šilas", "Žalia"]),
            rng.sample(sectors, rng.randint(0, 2)),
            rng.choice(counties),
            rng.sample(types, rng.randint(0, 2)),
        )
        for index in range(60)
    ]
    site = _site(clusters)
    for one in clusters:
        others = [c for c in clusters if c is not one and score(one, c) > 0]
        expected = sorted(others, key=lambda c: (-score(one, c), lithuanian_key(c.name.lt), c.slug))
        for limit in (1, 3, 10):
            assert [c.slug for c in similar(site, one.slug, limit)] == [c.slug for c in expected[:limit]], (one.slug, limit)
