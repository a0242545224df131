"""Controlled vocabularies: sectors, counties, maturity levels, programmes.

Each lives in `data/<name>.yml` as `key: {lt: ..., en: ...}` (programmes may
add a `page`); cluster files refer to the keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

from clustersite.model.fields import INVALID, SLUG, Context, Field, Obj, Str, Text, Where
from clustersite.source.yaml_source import LineDict, load_yaml
from clustersite.text.localized import LocalizedText
from clustersite.text.problems import describe

VOCABULARY_FILES = {
    "sectors": Text("Economic sectors, as used by klaster.lt.", "Ūkio sektoriai, kaip juos skirsto klaster.lt."),
    "counties": Text("Lithuania's ten counties.", "Dešimt Lietuvos apskričių."),
    "maturity": Text("The four official cluster maturity levels.", "Keturi oficialūs klasterių brandos lygiai."),
    "tags": Text("Topics for news posts.", "Naujienų temos (žymos)."),
    "programmes": Text("Support programmes a cluster took part in.", "Paramos programos, kuriose dalyvavo klasteris."),
}

TERM = Obj(
    [
        Field("lt", Str(max_length=120), required=True, description=Text("Name in Lithuanian.", "Pavadinimas lietuviškai.")),
        Field("en", Str(max_length=120), required=True, description=Text("Name in English.", "Pavadinimas angliškai.")),
        Field(
            "page",
            Str(pattern=r"[a-z0-9/-]+/", pattern_hint="a site path such as inolink/"),
            description=Text("Site page about it, e.g. inolink/.", "Svetainės puslapis apie jį, pvz., inolink/."),
        ),
    ]
)


@dataclass(frozen=True)
class Term:
    key: str
    label: LocalizedText
    page: str | None = None


def load_vocabularies(repo_root: Path, ctx: Context) -> dict[str, dict[str, Term]]:
    """Load every vocabulary; an unreadable one is reported and left empty."""
    vocabularies: dict[str, dict[str, Term]] = {}
    for name in VOCABULARY_FILES:
        vocabularies[name] = _load_terms(repo_root, f"data/{name}.yml", ctx)
    return vocabularies


def _load_terms(repo_root: Path, shown_as: str, ctx: Context) -> dict[str, Term]:
    path = repo_root / shown_as
    if not path.is_file():
        ctx.problems.add(shown_as, 0, "", "file missing; restore it from the repository")
        return {}
    data = load_yaml(path, shown_as, ctx.problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        ctx.problems.add(shown_as, 1, "", f"expected entries of the form key: {{lt: ..., en: ...}} (got {describe(data)})")
        return {}
    lines = data if isinstance(data, LineDict) else LineDict(data)
    terms: dict[str, Term] = {}
    for key, value in data.items():
        where = Where(shown_as, lines.line_of(key), str(key))
        if not isinstance(key, str) or not re.fullmatch(SLUG, key):
            ctx.report(where, "a key must be lowercase letters, digits and hyphens")
            continue
        clean = TERM.check(value, where, ctx)
        if clean is not INVALID:
            terms[key] = Term(key, LocalizedText(clean["lt"], clean["en"]), clean.get("page"))
    return terms
