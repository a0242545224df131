"""Synthetic cluster files for benchmarks (never for the real site).

Every field is filled so templates do their full work; names use Lithuanian
letters so collation is exercised.
"""

from __future__ import annotations

import random
from pathlib import Path

import yaml

SECTORS = ["agro-food", "energy-construction", "manufacturing-engineering", "ict", "creative-industries", "health", "transport", "tourism"]
COUNTIES = ["alytus", "kaunas", "klaipeda", "marijampole", "panevezys", "siauliai", "taurage", "telsiai", "utena", "vilnius"]
WORDS = [
    "Šiaurės",
    "Žalias",
    "Čiurlionio",
    "Ąžuolo",
    "Inovacijų",
    "Saulės",
    "Baltijos",
    "Nemuno",
    "Technologijų",
    "Kūrybos",
    "Jūros",
    "Gintaro",
    "Ėglių",
    "Upės",
]


def cluster_data(index: int, rng: random.Random) -> dict:
    name = f"{rng.choice(WORDS)} {rng.choice(WORDS).lower()} klasteris {index}"
    year = rng.randint(2015, 2025)
    return {
        "name": {"lt": name, "en": f"{name} (EN)"},
        "summary": {"lt": f"Sintetinis klasteris nr. {index} bandymams.", "en": f"Synthetic cluster no. {index} for benchmarks."},
        "description": {"lt": "Aprašymas **Markdown** kalba.\n\n- vienas\n- du", "en": "A description in **Markdown**.\n\n- one\n- two"},
        "sectors": rng.sample(SECTORS, rng.randint(1, 3)),
        "county": rng.choice(COUNTIES),
        "city": "Vilnius",
        "founded": rng.randint(1995, 2024),
        "website": f"https://example.org/c{index}",
        "members": [{"name": f"Narys {index}-{m}", "type": "company"} for m in range(rng.randint(5, 40))],
        "labels": [{"level": rng.choice(["bronze", "silver", "gold"]), "issuer": "ESCA", "awarded": f"{year}-05-01"}],
        "maturity": {"level": rng.choice(["emerging", "formed", "developing", "mature"])},
        "open_to_members": rng.random() < 0.5,
        "sources": [{"url": "https://example.org/source"}],
    }


def write_clusters(folder: Path, count: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    folder.mkdir(parents=True, exist_ok=True)
    for index in range(count):
        text = yaml.safe_dump(cluster_data(index, rng), allow_unicode=True, sort_keys=False)
        (folder / f"synthetic-{index:04d}.yml").write_text(text.replace("'20", "20").replace("-01'", "-01"), encoding="utf-8")


def synthetic_site(target: Path, count: int) -> Path:
    """A copy of the site (tests/conftest.py helpers) with `count` synthetic
    clusters in place of the real ones, and no news, stories or events."""
    from conftest import copy_site_sources, replace_content

    root = replace_content(copy_site_sources(target), {})
    write_clusters(root / "data" / "clusters", count)
    return root
