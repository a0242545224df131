"""Everything the site shows, loaded and validated once per build."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass
from pathlib import Path

from .cluster_model import Cluster, load_clusters
from .collation import lithuanian_key
from .fields import Context
from .problems import ContentError, Problems
from .vocabularies import Term, load_vocabularies


@dataclass(frozen=True)
class Figures:
    clusters: int
    members: int  # member organisations as far as the data says
    clusters_with_member_data: int
    valid_labels: int


@dataclass(frozen=True)
class SiteData:
    build_date: dt.date
    vocabularies: dict[str, dict[str, Term]]
    clusters: tuple[Cluster, ...]

    @property
    def by_slug(self) -> dict[str, Cluster]:
        return {cluster.slug: cluster for cluster in self.clusters}

    def sorted_clusters(self, lang: str) -> list[Cluster]:
        """Clusters in Lithuanian alphabetical order of their name in `lang`."""
        return sorted(self.clusters, key=lambda c: (lithuanian_key(c.name.pick(lang).text), c.slug))

    def untranslated(self) -> list[str]:
        """One line per text that has no English version yet (not an error)."""
        notes = []
        for cluster in self.clusters:
            for name in ("name", "summary", "description", "join"):
                text = getattr(cluster, name)
                if text is not None and not text.en:
                    notes.append(
                        f"{cluster.path}: {name}.en: no English text yet; the English page shows the Lithuanian text marked as not yet translated"
                    )
        return notes

    def figures(self) -> Figures:
        with_members = [c for c in self.clusters if c.members_total]
        return Figures(
            clusters=len(self.clusters),
            members=sum(c.members_total for c in with_members),
            clusters_with_member_data=len(with_members),
            valid_labels=sum(1 for c in self.clusters if c.current_label and c.current_label.status == "valid"),
        )


def load_site(repo_root: Path, build_date: dt.date) -> SiteData:
    """Load vocabularies and clusters; raise ContentError listing every problem."""
    problems = Problems()
    ctx = Context(problems, build_date, repo_root, {})
    ctx.vocabularies = load_vocabularies(repo_root, ctx)
    clusters = load_clusters(repo_root, ctx)
    if problems:
        raise ContentError(problems)
    return SiteData(build_date, ctx.vocabularies, tuple(clusters))
