"""`make new-cluster SLUG=...` and friends: commented templates, ready to fill in.

    python -m clustersite.tools.scaffold cluster|news|story|event SLUG [--date YYYY-MM-DD]

Never overwrites: if any target file exists, nothing is written.
"""

from __future__ import annotations

import argparse
import datetime as dt
import sys
from pathlib import Path

from clustersite.model.cluster_model import RESERVED_SLUGS, SLUG_PATTERN, Cluster
from clustersite.text.layout import DOCS_DIR, REPO_ROOT
from clustersite.text.messages import LANGUAGES, language, say
from clustersite.text.urls import SECTIONS
from clustersite.tools import scaffold_yaml

TEMPLATES = Path(__file__).parent.parent / "templates"
CLUSTER_HEADER = """# yaml-language-server: $schema=../../schemas/cluster.schema.json
# Klasterio profilis. Rašykite tik tai, ką sako viešas šaltinis, ir nurodykite jį
# `sources`. Nepildomus neprivalomus laukus palikite užkomentuotus.
# A cluster profile: only what a public source says, cited under `sources`.
# Failo vardas (__SLUG__.yml) yra puslapio adresas / the file name is the page address.
# Patikrinkite: `make check`; peržiūrėkite: `make serve`.

"""


def template_text(kind: str, name: str) -> str:
    if kind == "cluster":
        return scaffold_yaml.template(Cluster, CLUSTER_HEADER)
    return (TEMPLATES / name).read_text(encoding="utf-8")


def targets(kind: str, slug: str, day: dt.date, root: Path) -> dict[Path, str]:
    if kind == "cluster":
        return {root / "data" / "clusters" / f"{slug}.yml": "new-cluster.yml"}
    stem = f"{day.isoformat()}-{slug}" if kind == "news" else slug
    folder = root / DOCS_DIR / SECTIONS[kind]
    return {folder / f"{stem}.lt.md": f"new-{kind}.md", folder / f"{stem}.en.md": f"new-{kind}.en.md"}


def event_when(date: dt.date | None) -> str:
    """An event's start and end lines: left out (commented) unless a date was
    given, since an event without an announced date is listed as such; never
    a made-up time."""
    if date is None:
        return (
            "# start: YYYY-MM-DD HH:MM   # pradžia, kai paskelbta (Vilniaus laiku) / start, once announced (Vilnius time)\n"
            "# end: YYYY-MM-DD HH:MM     # pabaiga, jei žinoma / end, if known"
        )
    return (
        f"start: {date.isoformat()}     # pridėkite laiką, jei žinomas: {date.isoformat()} 10:00 / add the time if known\n"
        f"# end: {date.isoformat()}   # pabaiga, jei žinoma / end, if known"
    )


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="make new-...", description=__doc__.split("\n\n")[0])
    parser.add_argument("kind", choices=["cluster", "news", "story", "event"])
    parser.add_argument("slug", help="the page address: lowercase letters a-z, digits and hyphens")
    parser.add_argument("--date", default="", help="YYYY-MM-DD (default: today; for an event, no date)")
    parser.add_argument("--root", type=Path, default=REPO_ROOT)
    parser.add_argument("--lang", choices=LANGUAGES, help="language of the messages (default: Lithuanian, English when LANG=en...)")
    args = parser.parse_args(argv)
    lang = language(args.lang)
    problems = []  # every mistake in the command at once
    if not SLUG_PATTERN.fullmatch(args.slug or ""):
        problems.append(say("scaffold-bad-slug", got=repr(args.slug)))
    elif args.slug in RESERVED_SLUGS:
        problems.append(say("scaffold-reserved-slug", got=repr(args.slug)))
    try:  # checked here, not by argparse, so a typo gets one plain line instead of a usage dump
        given = dt.date.fromisoformat(args.date) if args.date else None
    except ValueError:
        problems.append(say("scaffold-bad-date", got=repr(args.date)))
    if problems:
        for problem in problems:
            print(problem.in_lang(lang), file=sys.stderr)
        return 2
    day = given or dt.date.today()
    files = targets(args.kind, args.slug, day, args.root)
    existing = [path for path in files if path.exists()]
    if existing:
        for path in existing:
            print(say("scaffold-exists", path=path.relative_to(args.root).as_posix()).in_lang(lang), file=sys.stderr)
        return 1
    stem = next(iter(files)).name.removesuffix(".yml").removesuffix(".md").removesuffix(".lt")
    for path, template in files.items():
        text = template_text(args.kind, template)
        text = text.replace("__WHEN__", event_when(given)).replace("__SLUG__", stem)
        text = text.replace("__DATE__", day.isoformat()).replace("__TODAY__", dt.date.today().isoformat())
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
        print(say("scaffold-wrote", path=path.relative_to(args.root).as_posix()).in_lang(lang))
    print(say("scaffold-next").in_lang(lang))
    return 0


if __name__ == "__main__":
    sys.exit(main())
