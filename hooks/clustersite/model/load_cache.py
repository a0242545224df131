"""Each content file's reading and checking, kept between the preview's builds.

`make serve` loads the whole site again on every save (`load_site`): at
1,000 clusters and 1,000 news pairs that was some 10 s of reading YAML and
front matter and validating records, nearly all of it for files that had
not changed. A `LoadCache` keeps, for each file, what reading and checking
it gave (the record, the problems and site links it reported) under a key
that holds everything that result depends on: the bytes of its files and
whatever the caller adds (the cluster files an entry may name). A file whose
key is unchanged gives the same record object and the same problems again,
in the same order, so the list of problems is the one a cold `load_site`
makes; checks across files (citations, links, the content rules) run in
full on every build.

What a file's result depends on beyond its own bytes (vocabularies, the
city table, images, the interface's wording, the code) is not in the key:
the preview starts a new cache whenever anything but a cluster's YAML or a
Markdown file in content/ changed (outputs/preview.py).
"""

from __future__ import annotations

from collections.abc import Callable, Hashable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, TypeVar

from clustersite.model.fields import Context
from clustersite.source.site_paths import SiteLink
from clustersite.text.problems import Problem

Loaded = TypeVar("Loaded")


def file_bytes(path: Path) -> bytes | None:
    """A file's bytes for a key; None if it is not there or cannot be read (its reader says why)."""
    try:
        return path.read_bytes()
    except OSError:
        return None


@dataclass
class LoadCache:
    results: dict[Hashable, tuple[Any, list[Problem], list[Problem], list[SiteLink]]] = field(default_factory=dict)
    used: set[Hashable] = field(default_factory=set)  # this build's keys: the others are dropped at its end
    hits: int = 0
    misses: int = 0
    dates: Hashable = None

    def load(self, key: Hashable, ctx: Context, read: Callable[[], Loaded]) -> Loaded:
        """`read()`'s result for `key`, from the last build when its key is the same."""
        self.used.add(key)
        found = self.results.get(key)
        if found is not None:
            self.hits += 1
            value, errors, warnings, links = found
            ctx.problems.items.extend(errors)
            ctx.problems.warnings.extend(warnings)
            ctx.site_links.extend(links)
            return value
        self.misses += 1
        errors_before, warnings_before, links_before = len(ctx.problems.items), len(ctx.problems.warnings), len(ctx.site_links)
        value = read()
        errors = ctx.problems.items[errors_before:]
        warnings = ctx.problems.warnings[warnings_before:]
        self.results[key] = (value, errors, warnings, ctx.site_links[links_before:])
        return value

    def start(self, dates: Hashable) -> None:
        """Before a build's loading. `dates`: the build date and the latest date
        content may carry (which moves at midnight); checks depend on both."""
        if dates != self.dates:
            self.results, self.dates = {}, dates
        self.used = set()
        self.hits = self.misses = 0

    def finish(self) -> None:
        """After it: forget the files that were changed or removed."""
        self.results = {key: found for key, found in self.results.items() if key in self.used}

    def clear(self) -> None:
        self.results = {}
