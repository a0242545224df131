"""schema.org JSON-LD for the home page (WebSite), profiles (Organization),
news (NewsArticle) and events (Event), built from the same data the pages show."""

from __future__ import annotations

import datetime as dt
from typing import Any
from urllib.parse import urljoin

from clustersite.model.cluster_model import Cluster
from clustersite.model.entries import Event, News
from clustersite.model.site_data import SiteData

CONTEXT = "https://schema.org"


def _iso(value: dt.date | dt.datetime) -> str:
    return value.isoformat()


def website(name: str, lang: str, home_url: str, search_path: str) -> dict[str, Any]:
    """The site itself, with its search: `search_path` is the search page's
    address relative to the language's home, which reads the words from `q`."""
    return {
        "@context": CONTEXT,
        "@type": "WebSite",
        "@id": f"{home_url}#website",
        "name": name,
        "url": home_url,
        "inLanguage": lang,
        "potentialAction": {
            "@type": "SearchAction",
            "target": {"@type": "EntryPoint", "urlTemplate": urljoin(home_url, search_path) + "?q={search_term_string}"},
            "query-input": "required name=search_term_string",
        },
    }


def organization(cluster: Cluster, site: SiteData, lang: str, page_url: str) -> dict[str, Any]:
    other = "en" if lang == "lt" else "lt"
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Organization",
        "@id": f"{page_url}#organization",
        "name": cluster.name.pick(lang).text,
        "description": cluster.summary.pick(lang).text,
        "url": cluster.website or page_url,
        "mainEntityOfPage": page_url,
    }
    other_name = cluster.name.pick(other).text
    if other_name != data["name"]:
        data["alternateName"] = other_name
    if cluster.city or cluster.county:
        address: dict[str, Any] = {"@type": "PostalAddress", "addressCountry": "LT"}
        if cluster.city:
            address["addressLocality"] = cluster.city
        if cluster.county:
            address["addressRegion"] = site.vocabularies["counties"][cluster.county].label.pick(lang).text
        data["address"] = address
    if cluster.founded:
        data["foundingDate"] = str(cluster.founded)
    if cluster.members:
        data["member"] = [{"@type": "Organization", "name": m.name, **({"url": m.website} if m.website else {})} for m in cluster.members]
    if cluster.coordinator:
        data["parentOrganization"] = {"@type": "Organization", "name": cluster.coordinator.name.pick(lang).text}
    return data


def news_article(entry: News, lang: str, page_url: str, publisher: str, image_url: str, logo_url: str = "") -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "NewsArticle",
        "headline": entry.title.pick(lang).text,
        "datePublished": _iso(entry.date),
        "dateModified": _iso(entry.date),
        "inLanguage": lang,
        "url": page_url,
        "mainEntityOfPage": page_url,
        "image": [image_url],
        "author": {"@type": "Organization", "name": publisher},
        "publisher": {"@type": "Organization", "name": publisher},
    }
    if logo_url:
        data["publisher"]["logo"] = {"@type": "ImageObject", "url": logo_url}
    if entry.summary:
        data["description"] = entry.summary.pick(lang).text
    return data


def event(entry: Event, lang: str, page_url: str) -> dict[str, Any]:
    data: dict[str, Any] = {
        "@context": CONTEXT,
        "@type": "Event",
        "name": entry.title.pick(lang).text,
        "url": page_url,
        "inLanguage": lang,
        "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
    }
    if entry.start:  # left out, not invented, when no date is announced
        data["startDate"] = _iso(entry.start)
        data["endDate"] = _iso(entry.end or entry.start)
        data["eventStatus"] = "https://schema.org/EventScheduled"
    if entry.summary:
        data["description"] = entry.summary.pick(lang).text
    if entry.location:
        data["location"] = {"@type": "Place", "name": entry.location.pick(lang).text}
    if entry.organiser:
        data["organizer"] = {"@type": "Organization", "name": entry.organiser}
    return data
