"""A profile's facts at a glance: the same fields in the same order on every
profile, each either known from the data or explicitly not known, and
whether the profile is thin.

The fields, in their order (`FIELDS`): the newest dated evidence that the
cluster is at work, where it is, when it was founded, its size as a source
states it, its sectors, its labels, whether it is open to members, and how
to get in touch. The template shows each with `partials/at-a-glance.html`,
one row per field, so a marker (a citation, say) can follow each value.
"""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

from clustersite.model.cluster_model import Cluster
from clustersite.model.entries import Entry
from clustersite.model.labels import Label
from clustersite.model.site_data import SiteData
from clustersite.text.dates import Month

EVIDENCE_KINDS = ("news", "story", "event", "label", "size", "maturity")
FIELDS = ("evidence", "where", "founded", "size", "sectors", "labels", "open_to_members", "contact")
THIN_BELOW = len(FIELDS) // 2
"""A profile that knows fewer than half of the fields, or has no description,
is thin: it is marked as such and invites corrections to the publisher."""


@dataclass(frozen=True)
class Evidence:
    """A dated sign of the cluster at work: an entry naming it, a label, a dated count or assessment."""

    kind: str  # one of EVIDENCE_KINDS
    day: dt.date | Month | int  # a month or a bare year where the source gives only that
    entry: Entry | None = None
    label: Label | None = None

    @property
    def sort_day(self) -> dt.date:
        if isinstance(self.day, int):
            return dt.date(self.day, 1, 1)
        return self.day.first_day if isinstance(self.day, Month) else self.day


@dataclass(frozen=True)
class ContactRoute:
    kind: str  # join (how to join, on the page), email, phone, website
    value: str


@dataclass(frozen=True)
class Glance:
    evidence: Evidence | None
    contact: ContactRoute | None
    labels: tuple[Label, ...]  # newest award first
    checked: dt.date
    known: frozenset[str]  # the FIELDS the data gives
    thin: bool

    def has(self, name: str) -> bool:
        return name in self.known


def latest_evidence(cluster: Cluster, site: SiteData) -> Evidence | None:
    """The newest dated evidence naming the cluster, or None."""
    related = site.related(cluster.slug)
    found = [Evidence("news", e.date, entry=e) for e in related.news]
    found += [Evidence("story", e.date, entry=e) for e in related.stories]
    found += [Evidence("event", _day(e.start), entry=e) for e in related.events if e.start]
    found += [Evidence("label", label.awarded, label=label) for label in cluster.labels if label.awarded is not None]
    if cluster.member_count:
        found.append(Evidence("size", cluster.member_count.as_of))
    if cluster.maturity and cluster.maturity.assessed:
        found.append(Evidence("maturity", cluster.maturity.assessed))
    return max(found, key=lambda evidence: evidence.sort_day, default=None)


def _day(moment: dt.date | dt.datetime) -> dt.date:
    return moment.date() if isinstance(moment, dt.datetime) else moment


def contact_route(cluster: Cluster) -> ContactRoute | None:
    """The most direct way in: how to join when the profile says, else the e-mail, phone or website."""
    if cluster.join:
        return ContactRoute("join", "#cs-join")
    contact = cluster.contact
    if contact and contact.email:
        return ContactRoute("email", contact.email)
    if cluster.website:
        return ContactRoute("website", cluster.website)
    if contact and contact.phone:
        return ContactRoute("phone", contact.phone)
    return None


def glance(cluster: Cluster, site: SiteData) -> Glance:
    evidence = latest_evidence(cluster, site)
    route = contact_route(cluster)
    given = {
        "evidence": evidence is not None,
        "where": bool(cluster.county or cluster.city),
        "founded": cluster.founded is not None,
        "size": cluster.member_count is not None,
        "sectors": bool(cluster.sectors),
        "labels": bool(cluster.labels),
        "open_to_members": cluster.open_to_members is not None,
        "contact": route is not None,
    }
    known = frozenset(name for name in FIELDS if given[name])
    return Glance(
        evidence=evidence,
        contact=route,
        labels=tuple(sorted(cluster.labels, key=lambda label: label.awarded_on, reverse=True)),
        checked=site.checked_on(cluster),
        known=known,
        thin=len(known) < THIN_BELOW or cluster.description is None,
    )
