"""Controlled vocabularies: sectors, counties, maturity levels, programmes.

Each lives in `data/<name>.yml` as `key: {lt: ..., en: ...}` (programmes may
add a `page`); cluster files refer to the keys.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path
from typing import Annotated

from clustersite.model.fields import SLUG, Context, Str, Text, Where
from clustersite.model.records import Check, Help, Record, validate
from clustersite.source.yaml_source import LineDict, load_yaml
from clustersite.text.localized import LocalizedText
from clustersite.text.messages import say
from clustersite.text.problems import describe

VOCABULARY_FILES = {
    "sectors": Text("Economic sectors, as used by klaster.lt.", "Ūkio sektoriai, kaip juos skirsto klaster.lt."),
    "counties": Text("Lithuania's ten counties.", "Dešimt Lietuvos apskričių."),
    "maturity": Text("The four official cluster maturity levels.", "Keturi oficialūs klasterių brandos lygiai."),
    "tags": Text("Topics for news posts.", "Naujienų temos (žymos)."),
    "programmes": Text("Support programmes a cluster took part in.", "Paramos programos, kuriose dalyvavo klasteris."),
}


class TermFile(Record):
    """One term of a vocabulary as its file gives it: `key: {lt: ..., en: ...}`."""

    lt: Annotated[str, Check(Str(max_length=120)), Help("Name in Lithuanian.", "Pavadinimas lietuviškai.")]
    en: Annotated[str, Check(Str(max_length=120)), Help("Name in English.", "Pavadinimas angliškai.")]
    page: Annotated[
        Annotated[str, Check(Str(pattern=r"[a-z0-9/-]+/", pattern_hint=say("hint-site-path")))] | None,
        Help("Site page about it, e.g. inolink/.", "Svetainės puslapis apie jį, pvz., inolink/."),
    ] = None


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
        ctx.problems.add(shown_as, 1, "", say("file-missing"))
        return {}
    data = load_yaml(path, shown_as, ctx.problems)
    if data is None:
        return {}
    if not isinstance(data, dict):
        ctx.problems.add(shown_as, 1, "", say("vocabulary-shape", got=describe(data)))
        return {}
    lines = data if isinstance(data, LineDict) else LineDict(data)
    terms: dict[str, Term] = {}
    for key, value in data.items():
        where = Where(shown_as, lines.line_of(key), str(key))
        if not isinstance(key, str) or not re.fullmatch(SLUG, key):
            ctx.report(where, say("vocabulary-key"))
            continue
        term = validate(TermFile, value, where, ctx)
        if term is not None:
            terms[key] = Term(key, LocalizedText(term.lt, term.en), term.page)
    return terms
