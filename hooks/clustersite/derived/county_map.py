"""Lithuania's ten counties as an inline SVG map, without tiles or JavaScript.

`data/geo/counties.geojson` (Natural Earth admin-1, simplified; see
`data/geo/README.md`) is projected to LKS94 / Lithuania TM (EPSG:3346) and
fitted into an SVG viewBox. The template `overrides/partials/county-map.html`
draws the result; nothing here writes HTML.

Everything is deterministic: the same GeoJSON gives the same path strings,
so built pages do not change between builds.

A hook or page builder uses it like this (hrefs are the caller's, since only
it knows the page's address):

    county_map = build_county_map()          # cached; width 600
    items = [DotInput(c.slug, c.name.pick(lang).text, href(c), c.county, c.city) for c in clusters]
    dots = place_dots(county_map, items)     # filled at a known city, hollow otherwise
    counts = county_counts(c.county for c in clusters)

and passes `county_map`, `dots` and `counts` to the `county_map` macro.
"""

from __future__ import annotations

import json
import math
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import cast

import yaml

GEO_FOLDER = Path(__file__).resolve().parents[3] / "data" / "geo"
COUNTIES_FILE = GEO_FOLDER / "counties.geojson"
CITIES_FILE = GEO_FOLDER / "cities.yml"

Point = tuple[float, float]
Ring = list[Point]
Polygon = list[Ring]  # outer ring first, then holes

# --- LKS94 / Lithuania TM (EPSG:3346) ---------------------------------------
# Transverse Mercator on GRS80 with Krüger's series (as PROJ's default tmerc):
# well under a millimetre of error across Lithuania, so no pyproj needed.
_A = 6378137.0
_F = 1 / 298.257222101
_K0 = 0.9998
_LON0 = math.radians(24.0)
_FALSE_EASTING = 500_000.0
_FALSE_NORTHING = 0.0
_N = _F / (2 - _F)
_RECTIFYING_RADIUS = _A / (1 + _N) * (1 + _N**2 / 4 + _N**4 / 64)
_ALPHA = (
    _N / 2 - 2 * _N**2 / 3 + 5 * _N**3 / 16 + 41 * _N**4 / 180,
    13 * _N**2 / 48 - 3 * _N**3 / 5 + 557 * _N**4 / 1440,
    61 * _N**3 / 240 - 103 * _N**4 / 140,
    49561 * _N**4 / 161280,
)
_E2N = 2 * math.sqrt(_N) / (1 + _N)  # first eccentricity


def project_lks94(lon: float, lat: float) -> Point:
    """WGS84 longitude/latitude in degrees → LKS94 (easting, northing) in metres.

    ETRS89, which LKS94 uses, and WGS84 differ by well under a metre here.
    """
    phi = math.radians(lat)
    dlon = math.radians(lon) - _LON0
    sin_phi = math.sin(phi)
    t = math.sinh(math.atanh(sin_phi) - _E2N * math.atanh(_E2N * sin_phi))
    xi = math.atan2(t, math.cos(dlon))
    eta = math.atanh(math.sin(dlon) / math.sqrt(1 + t * t))
    x = eta
    y = xi
    for j, alpha in enumerate(_ALPHA, start=1):
        x += alpha * math.cos(2 * j * xi) * math.sinh(2 * j * eta)
        y += alpha * math.sin(2 * j * xi) * math.cosh(2 * j * eta)
    return (_FALSE_EASTING + _K0 * _RECTIFYING_RADIUS * x, _FALSE_NORTHING + _K0 * _RECTIFYING_RADIUS * y)


# --- Plane geometry ---------------------------------------------------------


def ring_area(ring: Ring) -> float:
    """Signed area (shoelace); the sign depends on the winding."""
    total = 0.0
    for (x1, y1), (x2, y2) in zip(ring, ring[1:] + ring[:1], strict=False):
        total += x1 * y2 - x2 * y1
    return total / 2


def ring_centroid(ring: Ring) -> Point:
    """Area centroid of a simple ring."""
    pairs = zip(ring, ring[1:] + ring[:1], strict=False)
    cx = cy = area2 = 0.0
    for (x1, y1), (x2, y2) in pairs:
        cross = x1 * y2 - x2 * y1
        area2 += cross
        cx += (x1 + x2) * cross
        cy += (y1 + y2) * cross
    if area2 == 0:
        xs, ys = zip(*ring, strict=False)
        return (sum(xs) / len(xs), sum(ys) / len(ys))
    return (cx / (3 * area2), cy / (3 * area2))


def _closed(ring: Sequence[Point]) -> bool:
    return len(ring) > 1 and ring[0] == ring[-1]


def point_in_ring(x: float, y: float, ring: Sequence[Point]) -> bool:
    """Even-odd ray casting; a point exactly on an edge may fall either way."""
    inside = False
    j = len(ring) - 1
    for i in range(len(ring)):
        xi, yi = ring[i]
        xj, yj = ring[j]
        if (yi > y) != (yj > y) and x < (xj - xi) * (y - yi) / (yj - yi) + xi:
            inside = not inside
        j = i
    return inside


def point_in_polygons(x: float, y: float, polygons: Iterable[Polygon]) -> bool:
    """Inside any polygon's outer ring and outside all of its holes."""
    for outer, *holes in polygons:
        if point_in_ring(x, y, outer) and not any(point_in_ring(x, y, hole) for hole in holes):
            return True
    return False


def _distance_to_segment(px: float, py: float, a: Point, b: Point) -> float:
    (ax, ay), (bx, by) = a, b
    dx, dy = bx - ax, by - ay
    length2 = dx * dx + dy * dy
    if length2 == 0:
        return math.hypot(px - ax, py - ay)
    t = max(0.0, min(1.0, ((px - ax) * dx + (py - ay) * dy) / length2))
    return math.hypot(px - ax - t * dx, py - ay - t * dy)


def _distance_to_boundary(x: float, y: float, polygon: Polygon) -> float:
    return min(_distance_to_segment(x, y, ring[i - 1], ring[i]) for ring in polygon for i in range(1, len(ring)))


def label_point(polygons: Sequence[Polygon]) -> Point:
    """A point inside the largest polygon, where a label or a dot can sit.

    The centroid of the largest outer ring when it falls inside (true for
    every county today); otherwise the grid point farthest from the edges
    (a coarse pole of inaccessibility), refined once around the best cell.
    """
    largest = max(polygons, key=lambda polygon: abs(ring_area(polygon[0])))
    cx, cy = ring_centroid(largest[0])
    if point_in_polygons(cx, cy, [largest]):
        return (cx, cy)
    xs = [x for x, _ in largest[0]]
    ys = [y for _, y in largest[0]]
    x0, x1, y0, y1 = min(xs), max(xs), min(ys), max(ys)
    best, best_distance = (cx, cy), -1.0
    steps = 24
    for _ in range(2):
        dx, dy = (x1 - x0) / steps, (y1 - y0) / steps
        for i in range(steps + 1):
            for j in range(steps + 1):
                x, y = x0 + i * dx, y0 + j * dy
                if point_in_polygons(x, y, [largest]):
                    distance = _distance_to_boundary(x, y, largest)
                    if distance > best_distance:
                        best, best_distance = (x, y), distance
        x0, x1, y0, y1 = best[0] - dx, best[0] + dx, best[1] - dy, best[1] + dy
    return best


# --- Loading ----------------------------------------------------------------


@dataclass(frozen=True)
class CountyGeometry:
    """One county as stored: names, and polygons in longitude/latitude."""

    key: str
    iso: str
    lt: str
    en: str
    polygons: tuple[Polygon, ...]


@lru_cache(maxsize=4)
def load_counties(path: Path = COUNTIES_FILE) -> tuple[CountyGeometry, ...]:
    """Read the vendored county GeoJSON once (per path), sorted by key."""
    collection = json.loads(Path(path).read_text(encoding="utf-8"))
    counties = []
    for feature in collection["features"]:
        geometry = feature["geometry"]
        parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
        polygons = tuple([[(float(lon), float(lat)) for lon, lat in ring] for ring in part] for part in parts)
        props = feature["properties"]
        counties.append(CountyGeometry(props["key"], props["iso"], props["lt"], props["en"], polygons))
    return tuple(sorted(counties, key=lambda county: county.key))


@lru_cache(maxsize=4)
def load_cities(path: Path = CITIES_FILE) -> dict[str, Point]:
    """City name (as written in cluster files) → (lat, lon)."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {name: (float(entry["lat"]), float(entry["lon"])) for name, entry in data.items()}


@lru_cache(maxsize=4)
def city_names(path: Path = CITIES_FILE) -> dict[str, dict[str, str]]:
    """City name as written in cluster files (Lithuanian) → its name per language."""
    data = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    return {name: {"lt": name, "en": str(entry.get("en") or name)} for name, entry in data.items()}


def city_name(city: str, lang: str) -> str:
    """A city's name in `lang` from the city table; the name as written when it is not there."""
    return city_names().get(city, {}).get(lang, city)


def county_centre(key: str, path: Path = COUNTIES_FILE) -> tuple[float, float] | None:
    """(lat, lon) of the point inside a county where its label stands, for a
    cluster placed only by its county (the open data's precision "county")."""
    for county in load_counties(path):
        if county.key == key:
            lon, lat = label_point(county.polygons)  # in degrees: a point inside, not an exact centroid
            return (round(lat, 4), round(lon, 4))
    return None


# --- The map ----------------------------------------------------------------


def _number(value: float) -> str:
    """One decimal, no trailing '.0', no '-0': short and stable SVG numbers."""
    text = f"{round(value, 1):.1f}"
    if text.endswith(".0"):
        text = text[:-2]
    return "0" if text == "-0" else text


def svg_path(rings: Iterable[Sequence[Point]]) -> str:
    """SVG path data for rings already in viewBox units: `M…L…Z` per ring.

    Points that round to the same spot as the previous one are dropped, and
    rings that round to fewer than three points are left out.
    """
    parts = []
    for ring in rings:
        if _closed(ring):
            ring = ring[:-1]
        points: list[tuple[str, str]] = []
        for x, y in ring:
            point = (_number(x), _number(y))
            if not points or point != points[-1]:
                points.append(point)
        while len(points) > 1 and points[-1] == points[0]:
            points.pop()  # Z closes the ring
        if len(points) >= 3:
            parts.append("M" + "L".join(f"{x} {y}" for x, y in points) + "Z")
    return "".join(parts)


@dataclass(frozen=True)
class CountyShape:
    """One county ready to draw; coordinates in viewBox units."""

    key: str
    iso: str
    lt: str
    en: str
    path_d: str
    label_x: float
    label_y: float
    polygons: tuple[Polygon, ...]  # projected, for hit tests; not for templates

    def name(self, lang: str) -> str:
        return self.lt if lang == "lt" else self.en

    def contains(self, x: float, y: float) -> bool:
        return point_in_polygons(x, y, self.polygons)


@dataclass(frozen=True)
class CountyMap:
    """All ten counties fitted into `0 0 width height`, north up."""

    width: float
    height: float
    counties: tuple[CountyShape, ...]
    # LKS94 → viewBox: x = (E - origin_e) * scale + padding, y = (origin_n - N) * scale + padding
    origin_e: float
    origin_n: float
    scale: float
    padding: float

    @property
    def view_box(self) -> str:
        return f"0 0 {_number(self.width)} {_number(self.height)}"

    def to_view(self, easting: float, northing: float) -> Point:
        return (
            (easting - self.origin_e) * self.scale + self.padding,
            (self.origin_n - northing) * self.scale + self.padding,
        )

    def place(self, lat: float, lon: float) -> Point:
        """A WGS84 point in viewBox units, rounded like the paths."""
        x, y = self.to_view(*project_lks94(lon, lat))
        return (round(x, 1), round(y, 1))

    def county(self, key: str) -> CountyShape | None:
        return next((county for county in self.counties if county.key == key), None)

    def county_at(self, x: float, y: float) -> CountyShape | None:
        return next((county for county in self.counties if county.contains(x, y)), None)


@lru_cache(maxsize=8)
def build_county_map(width: float = 600, padding: float = 8, path: Path = COUNTIES_FILE) -> CountyMap:
    """Project, fit and trace the counties. Cached: the result is immutable."""
    geometries = load_counties(path)
    projected = [[[[project_lks94(lon, lat) for lon, lat in ring] for ring in polygon] for polygon in county.polygons] for county in geometries]
    eastings = [e for county in projected for polygon in county for ring in polygon for e, _ in ring]
    northings = [n for county in projected for polygon in county for ring in polygon for _, n in ring]
    min_e, max_e, min_n, max_n = min(eastings), max(eastings), min(northings), max(northings)
    scale = (width - 2 * padding) / (max_e - min_e)
    height = round((max_n - min_n) * scale + 2 * padding, 1)
    frame = CountyMap(width, height, (), min_e, max_n, scale, padding)

    shapes = []
    for county, polygons in zip(geometries, projected, strict=False):
        in_view = tuple([[frame.to_view(e, n) for e, n in ring] for ring in polygon] for polygon in polygons)
        label_x, label_y = label_point(in_view)
        shapes.append(
            CountyShape(
                key=county.key,
                iso=county.iso,
                lt=county.lt,
                en=county.en,
                path_d=svg_path(ring for polygon in in_view for ring in polygon),
                label_x=round(label_x, 1),
                label_y=round(label_y, 1),
                polygons=in_view,
            )
        )
    return CountyMap(width, height, tuple(shapes), min_e, max_n, scale, padding)


# --- Dots for clusters ------------------------------------------------------


@dataclass(frozen=True)
class MapDot:
    """One cluster on the map.

    `exact` is true when the dot stands at the cluster's city; false when only
    the county is known and the dot stands at the county's label point (the
    template draws those hollow).
    """

    slug: str
    name: str
    href: str
    x: float
    y: float
    exact: bool
    county: str
    count: int = 1  # more than 1: a group of clusters too close to tell apart (merge_close_dots); `name` names its places
    place: str = ""  # the city, or for a dot with only its county, the county's name


def merge_close_dots(dots: Sequence[MapDot], min_distance: float) -> list[MapDot]:
    """Dots closer than `min_distance` (the width of a link's target) become
    one dot with a count, so no two targets overlap and each can be hit.

    Dots chain into a group when any two are too close (single linkage); the
    group stands at its dots' mean, takes the county most of them are in
    (its link goes to that county's page) and names its places in the order
    of `dots`. Groups are checked again until none are too close.
    """
    groups: list[list[MapDot]] = [[dot] for dot in dots]

    def centre(group: list[MapDot]) -> Point:
        return (sum(d.x for d in group) / len(group), sum(d.y for d in group) / len(group))

    merged = True
    while merged:
        merged = False
        for i, first in enumerate(groups):
            for j in range(i + 1, len(groups)):
                (x1, y1), (x2, y2) = centre(first), centre(groups[j])
                if math.hypot(x1 - x2, y1 - y2) < min_distance:
                    first.extend(groups.pop(j))
                    merged = True
                    break
            if merged:
                break
    found = []
    for group in groups:
        if len(group) == 1:
            found.append(group[0])
            continue
        x, y = centre(group)
        counties = [d.county for d in group]
        county = max(dict.fromkeys(counties), key=counties.count)
        places = ", ".join(dict.fromkeys(d.place for d in group if d.place))
        found.append(MapDot("", places, "", round(x, 1), round(y, 1), all(d.exact for d in group), county, len(group), places))
    return found


def _ring_offset(count: int, index: int, radius: float) -> Point:
    """Offset of the index-th of `count` dots sharing a city: a small ring."""
    if count == 1:
        return (0.0, 0.0)
    angle = 2 * math.pi * index / count - math.pi / 2
    return (radius * math.cos(angle), radius * math.sin(angle))


def _row_offset(count: int, index: int, gap: float, per_row: int = 5) -> Point:
    """Offset of the index-th of `count` county-only dots: centred rows of five."""
    row, column = divmod(index, per_row)
    in_row = min(per_row, count - row * per_row)
    return ((column - (in_row - 1) / 2) * gap, row * gap)


@dataclass(frozen=True)
class DotInput:
    """What the map needs to know about one cluster."""

    slug: str
    name: str
    href: str
    county: str | None
    city: str | None
    county_name: str = ""  # in the page's language: names a group of dots with only their county


def place_dots(
    county_map: CountyMap,
    items: Iterable[DotInput],
    cities: dict[str, Point] | None = None,
    spread_radius: float = 7.0,
    county_offset: float = 16.0,
) -> list[MapDot]:
    """Dots for clusters that have a known city or county; others are left out.

    A cluster whose city is in `cities` (default: data/geo/cities.yml) stands
    at the city; clusters sharing a city are set on a ring of `spread_radius`
    around it. A cluster with only a county stands in a row `county_offset`
    units below the county's label point (where the map writes the count),
    or above it when that would crowd a city's dots. The order of `items`
    decides the order of the dots, and so the tab order.
    """
    cities = load_cities() if cities is None else cities
    at_city: list[tuple[DotInput, Point, str]] = []
    county_only: list[tuple[DotInput, CountyShape]] = []
    order: list[str] = []
    for item in items:
        order.append(item.slug)
        if item.city and item.city in cities:
            x, y = county_map.place(*cities[item.city])
            shape = county_map.county(item.county) if item.county else county_map.county_at(x, y)
            at_city.append((item, (x, y), shape.key if shape else ""))
        elif item.county and (shape := county_map.county(item.county)):
            county_only.append((item, shape))

    placed: dict[str, MapDot] = {}
    city_groups: dict[Point, list[DotInput]] = {}
    for item, spot, _ in at_city:
        city_groups.setdefault(spot, []).append(item)
    for item, (x, y), county in at_city:
        group = city_groups[(x, y)]
        dx, dy = _ring_offset(len(group), group.index(item), spread_radius)
        placed[item.slug] = MapDot(item.slug, item.name, item.href, round(x + dx, 1), round(y + dy, 1), True, county, place=item.city or "")

    county_groups: dict[str, list[DotInput]] = {}
    for item, shape in county_only:
        county_groups.setdefault(shape.key, []).append(item)
    gap = 2 * spread_radius
    for key, group in county_groups.items():
        shape = cast(CountyShape, county_map.county(key))  # a key of a shape in county_only
        rows = (len(group) + 4) // 5
        below = shape.label_y + county_offset
        above = shape.label_y - county_offset - (rows - 1) * gap
        crowded = any(abs(x - shape.label_x) < 3 * gap and below - gap < y < below + rows * gap for _, (x, y), _ in at_city)
        top = above if crowded else below
        for index, item in enumerate(group):
            dx, dy = _row_offset(len(group), index, gap)
            placed[item.slug] = MapDot(item.slug, item.name, item.href, round(shape.label_x + dx, 1), round(top + dy, 1), False, key, place=item.county_name)
    return [placed[slug] for slug in order if slug in placed]


def county_counts(counties: Iterable[str | None]) -> dict[str, int]:
    """Clusters per county key (counties with none are absent)."""
    counts: dict[str, int] = {}
    for key in counties:
        if key:
            counts[key] = counts.get(key, 0) + 1
    return dict(sorted(counts.items()))
