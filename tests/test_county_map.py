"""The county map: vendored boundaries, LKS94 projection, SVG geometry, and the partial.

No site build: the module is imported directly and the partial is rendered
with plain Jinja2, autoescaping on as in MkDocs.
"""

from __future__ import annotations

import gzip
import json
import math
import re
from pathlib import Path

import jinja2
import pytest
import yaml
from bs4 import BeautifulSoup

from clustersite.derived import county_map as cm
from clustersite.model.ui_strings import translators

REPO = Path(__file__).resolve().parent.parent
VILNIUS = (54.6872, 25.2797)  # lat, lon
COUNTIES = {
    "LT-AL": "alytus",
    "LT-KU": "kaunas",
    "LT-KL": "klaipeda",
    "LT-MR": "marijampole",
    "LT-PN": "panevezys",
    "LT-SA": "siauliai",
    "LT-TA": "taurage",
    "LT-TE": "telsiai",
    "LT-UT": "utena",
    "LT-VL": "vilnius",
}


@pytest.fixture(scope="module")
def county_map() -> cm.CountyMap:
    return cm.build_county_map()


def render(county_map, dots, counts, lang="lt", **options) -> BeautifulSoup:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(str(REPO / "overrides")), autoescape=True)
    template = env.from_string('{% from "partials/county-map.html" import county_map %}{{ county_map(map, dots, counts, t, lang, **options) }}')
    html = template.render(map=county_map, dots=dots, counts=counts, t=translators(REPO / "data" / "ui")[lang], lang=lang, options=options)
    return html


def dot_inputs() -> list[cm.DotInput]:
    return [
        cm.DotInput("film", "Baltic Film & Creative Tech", "klasteriai/film/", "vilnius", "Vilnius"),
        cm.DotInput("laser", "Lazerių klasteris", "klasteriai/laser/", "vilnius", "Vilnius"),
        cm.DotInput("evil", "Bad <script>alert(1)</script> name", "klasteriai/evil/", "kaunas", None),
        cm.DotInput("nowhere", "No place given", "klasteriai/nowhere/", None, None),
    ]


# --- Vendored data ----------------------------------------------------------


def test_geojson_has_the_ten_counties_with_iso_codes_keys_and_names():
    collection = json.loads((REPO / "data" / "geo" / "counties.geojson").read_text(encoding="utf-8"))
    properties = [feature["properties"] for feature in collection["features"]]
    assert {p["iso"]: p["key"] for p in properties} == COUNTIES
    names = yaml.safe_load((REPO / "data" / "counties.yml").read_text(encoding="utf-8"))
    assert {p["key"]: (p["lt"], p["en"]) for p in properties} == {k: (v["lt"], v["en"]) for k, v in names.items()}
    assert all(f["geometry"]["type"] in {"Polygon", "MultiPolygon"} for f in collection["features"])


def test_geojson_stays_small_and_rounded():
    text = (REPO / "data" / "geo" / "counties.geojson").read_text(encoding="utf-8")
    assert len(text.encode()) <= 26_000
    assert not re.search(r"\d\.\d{5,}", text), "coordinates are rounded to 4 decimals"


def test_cities_are_in_lithuania_with_four_decimals():
    cities = cm.load_cities()
    assert "Vilnius" in cities
    for name, (lat, lon) in cities.items():
        assert 53.8 < lat < 56.5 and 20.9 < lon < 26.9, name
        assert round(lat, 4) == lat and round(lon, 4) == lon, name


# --- Projection -------------------------------------------------------------


def test_vilnius_projects_to_its_lks94_coordinates():
    easting, northing = cm.project_lks94(VILNIUS[1], VILNIUS[0])
    assert math.hypot(easting - 582_510, northing - 6_061_948) < 1_000
    # Krüger's series is far better than the kilometre asked for: within a metre.
    assert math.hypot(easting - 582_510, northing - 6_061_948) < 1


def test_central_meridian_keeps_false_easting_and_scale():
    easting, northing = cm.project_lks94(24.0, 0.0)
    assert (round(easting, 6), round(northing, 6)) == (500_000, 0)
    # One degree of latitude along 24°E near 55°N is about 111.2 km, times 0.9998.
    _, n1 = cm.project_lks94(24.0, 55.0)
    _, n2 = cm.project_lks94(24.0, 56.0)
    assert 111_150 < n2 - n1 < 111_350


# --- Shapes -----------------------------------------------------------------


def test_ten_county_shapes_with_expected_codes_and_keys(county_map):
    assert {county.iso: county.key for county in county_map.counties} == COUNTIES
    assert all(county.path_d.startswith("M") and county.path_d.endswith("Z") for county in county_map.counties)
    klaipeda = county_map.county("klaipeda")
    assert klaipeda.path_d.count("M") >= 2, "Klaipėda includes the Curonian Spit as a second polygon"


def test_view_box_is_600_wide_with_the_aspect_kept(county_map):
    assert county_map.view_box.startswith("0 0 600 ")
    width, height = map(float, county_map.view_box.split()[2:])
    # Lithuania in LKS94 is about 373 km wide and 276 km tall (plus the padding).
    assert 0.72 < (height - 16) / (width - 16) < 0.78


def test_vilnius_lies_in_vilnius_county_not_kaunas(county_map):
    x, y = county_map.place(*VILNIUS)
    assert county_map.county("vilnius").contains(x, y)
    assert not county_map.county("kaunas").contains(x, y)
    assert county_map.county_at(x, y).key == "vilnius"


def test_north_is_up(county_map):
    _, y_north = county_map.place(56.2, 24.0)
    _, y_south = county_map.place(54.2, 24.0)
    assert y_north < y_south


def test_label_points_lie_inside_their_own_county(county_map):
    for county in county_map.counties:
        assert county.contains(county.label_x, county.label_y), county.key
        others = [other.key for other in county_map.counties if other.key != county.key]
        assert not any(county_map.county(key).contains(county.label_x, county.label_y) for key in others)


def test_label_point_falls_back_inside_a_concave_ring():
    # A U shape: its centroid (in the gap between the arms) is outside it.
    u_shape = [[(0, 0), (10, 0), (10, 10), (8, 10), (8, 2), (2, 2), (2, 10), (0, 10), (0, 0)]]
    cx, cy = cm.ring_centroid(u_shape[0])
    assert not cm.point_in_polygons(cx, cy, [u_shape])
    x, y = cm.label_point([u_shape])
    assert cm.point_in_polygons(x, y, [u_shape])


def test_svg_output_is_deterministic(county_map):
    first = cm.build_county_map.__wrapped__()
    second = cm.build_county_map.__wrapped__()
    assert first is not second
    assert [c.path_d for c in first.counties] == [c.path_d for c in second.counties]
    assert [c.path_d for c in first.counties] == [c.path_d for c in county_map.counties]
    assert cm.svg_path([[(0.04, 0.0), (1.25, 0), (1, 1.96), (-0.04, 0)]]) == "M0 0L1.2 0L1 2Z"


def test_shared_borders_are_identical_in_both_counties():
    # Simplified once per border, so along a border both counties have the same
    # edges: no gaps or overlaps between neighbours.
    counties = cm.load_counties()
    edges = {}
    vertices = {}
    for county in counties:
        rings = [ring for polygon in county.polygons for ring in polygon]
        edges[county.key] = {frozenset(pair) for ring in rings for pair in zip(ring, ring[1:], strict=False)}
        vertices[county.key] = {point for ring in rings for point in ring}
    border_edges = 0
    for a in counties:
        for b in counties:
            if a.key >= b.key:
                continue
            on_border = {e for e in edges[a.key] if e <= vertices[b.key]}
            assert on_border == {e for e in edges[b.key] if e <= vertices[a.key]}, (a.key, b.key)
            border_edges += len(on_border)
    assert border_edges > 300


# --- Dots -------------------------------------------------------------------


def test_dots_at_the_city_or_near_the_county_centre(county_map):
    dots = cm.place_dots(county_map, dot_inputs())
    assert [dot.slug for dot in dots] == ["film", "laser", "evil"], "no place: no dot; input order kept"
    film, laser, evil = dots
    assert film.exact and laser.exact and not evil.exact
    assert (film.x, film.y) != (laser.x, laser.y), "two clusters in one city do not hide each other"
    vilnius_x, vilnius_y = county_map.place(*cm.load_cities()["Vilnius"])
    assert math.dist((film.x, film.y), (vilnius_x, vilnius_y)) == pytest.approx(7, abs=0.2)
    kaunas = county_map.county("kaunas")
    assert kaunas.contains(evil.x, evil.y)
    assert evil.x == kaunas.label_x and evil.y == pytest.approx(kaunas.label_y + 16, abs=0.1)


def test_county_counts():
    assert cm.county_counts(["vilnius", None, "kaunas", "vilnius"]) == {"kaunas": 1, "vilnius": 2}


# --- The partial ------------------------------------------------------------


@pytest.fixture(scope="module")
def full_map(county_map):
    inputs = dot_inputs()
    dots = cm.place_dots(county_map, inputs)
    counts = cm.county_counts(item.county for item in inputs)
    return render(county_map, dots, counts)


def test_partial_draws_ten_counties_with_counts_as_text(full_map):
    soup = BeautifulSoup(full_map, "html.parser")
    svg = soup.find("svg", class_="cs-map__svg")
    assert svg["role"] == "group"
    title_id = svg["aria-labelledby"]
    assert soup.find(id=title_id).name == "title" and soup.find(id=title_id).text == "Klasteriai pagal apskritis"
    assert len(svg.select("path.cs-map__county")) == 10
    counts = {text.text for text in svg.select("text.cs-map__count")}
    assert counts == {"0", "1", "2"}
    desc = soup.find(id=svg["aria-describedby"]).text
    assert "Vilniaus apskritis: 2" in desc and "Kauno apskritis: 1" in desc


def test_partial_has_one_link_per_dot_named_by_the_cluster(full_map):
    soup = BeautifulSoup(full_map, "html.parser")
    links = soup.select("svg a")
    assert [a["aria-label"] for a in links] == [
        "Baltic Film & Creative Tech",
        "Lazerių klasteris",
        "Bad <script>alert(1)</script> name",
    ]
    assert [a["href"] for a in links] == ["klasteriai/film/", "klasteriai/laser/", "klasteriai/evil/"]
    assert [a["class"][1] for a in links] == ["cs-map__dot--city", "cs-map__dot--city", "cs-map__dot--county"]
    assert "žinoma tik apskritis" in links[2].title.text
    legend = soup.select(".cs-map__legend li")
    assert len(legend) == 3, "filled dot, hollow dot, and the count"


def test_partial_escapes_names(full_map):
    assert "<script>" not in full_map
    assert "Bad &lt;script&gt;alert(1)&lt;/script&gt; name" in full_map
    assert 'aria-label="Bad &lt;script&gt;' in full_map


def test_partial_has_no_external_reference(full_map):
    assert re.findall(r"https?://[^\s\"'<>]+", full_map) == ["http://www.w3.org/2000/svg"]
    assert "<script" not in full_map.replace("&lt;script", "")
    assert "<image" not in full_map and "url(" not in full_map


def test_mini_map_without_counts_highlights_a_county(county_map):
    dots = cm.place_dots(county_map, dot_inputs()[:1], spread_radius=14)
    html = render(county_map, dots, None, lang="en", size="mini", highlight="vilnius", id="mini")
    soup = BeautifulSoup(html, "html.parser")
    assert "cs-map--mini" in soup.figure["class"]
    assert soup.select("text.cs-map__count") == []
    highlighted = soup.select("path.cs-map__county--highlight")
    assert [path.title.text for path in highlighted] == ["Vilnius County"]
    assert soup.find("circle", class_="cs-map__mark")["r"] == "12"
    assert [li.text.strip() for li in soup.select(".cs-map__legend li")] == ["cluster in its city"]
    assert soup.find(id="mini-title") is not None


def test_link_callable_overrides_dot_hrefs(county_map):
    dots = cm.place_dots(county_map, dot_inputs()[:1])
    html = render(county_map, dots, {}, link=lambda slug: f"../{slug}/")
    assert 'href="../film/"' in html


def test_full_map_weight(full_map):
    svg = full_map[full_map.index("<svg") : full_map.index("</svg>") + 6]
    assert len(svg.encode()) < 25_000
    assert len(gzip.compress(svg.encode())) < 8_000


def test_map_strings_exist_in_both_languages():
    template = (REPO / "overrides" / "partials" / "county-map.html").read_text(encoding="utf-8")
    used = set(re.findall(r"t\('(map\.[a-z_]+)'\)", template))
    for lang in ("lt", "en"):
        strings = yaml.safe_load((REPO / "data" / "ui" / f"{lang}.yml").read_text(encoding="utf-8"))
        assert used - set(strings) == set(), lang


def test_stylesheet_has_a_visible_focus_style_and_no_external_reference():
    css = (REPO / "content" / "assets" / "map.css").read_text(encoding="utf-8")
    assert ".cs-map__dot:focus-visible .cs-map__target" in css
    assert "http" not in css and "url(" not in css and "@import" not in css


def test_close_dots_become_one_link_with_their_number_and_far_ones_stay():
    from clustersite.derived.county_map import MapDot, merge_close_dots

    dots = [
        MapDot("a", "A", "/a/", 100.0, 100.0, True, "vilnius", place="Vilnius"),
        MapDot("b", "B", "/b/", 110.0, 100.0, True, "vilnius", place="Vilnius"),
        MapDot("c", "C", "/c/", 130.0, 100.0, False, "kaunas", place="Kauno apskritis"),  # chained through b
        MapDot("d", "D", "/d/", 400.0, 300.0, True, "utena", place="Utena"),
    ]
    found = merge_close_dots(dots, 42)
    assert [(d.slug, d.count) for d in found] == [("", 3), ("d", 1)]
    group = found[0]
    assert (group.x, group.y, group.county, group.exact) == (round(340 / 3, 1), 100.0, "vilnius", False)
    assert group.place == "Vilnius, Kauno apskritis"
    assert found[1] is dots[3]
    # Whatever the input, no two links left are closer than the distance asked.
    assert all(((p.x - q.x) ** 2 + (p.y - q.y) ** 2) ** 0.5 >= 42 for i, p in enumerate(found) for q in found[i + 1 :])
