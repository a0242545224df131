"""Files for people who reuse the directory elsewhere, written after the pages.

After each language's build (`language_files`):
    embed/<slug>/index.html              a card for iframes (en/embed/... in English)
    klasteriai/<slug>/naujienos.xml      Atom: news naming the cluster
    klasteriai/<slug>/renginiai.ics      iCalendar: its events
    naujienos/sektoriai/<sector>.xml     Atom: news naming any cluster of the sector
After the last language (`site_files`, language-neutral):
    data/...                             the open data set (open_data.py)
    badges/<slug>.svg, badges/<slug>.json (en/badges/… in English words)

Every address comes from urls.py and exists for every cluster and every
sector, even with no news yet (an empty feed), so a subscription or a badge
never breaks because content changed. Nothing here reads the clock.
"""

from __future__ import annotations

import base64
import functools
import hashlib
import itertools
from collections.abc import Callable
from urllib.parse import urljoin

import jinja2
from markupsafe import Markup

from clustersite.derived import county_map
from clustersite.derived.badges import badge_for
from clustersite.derived.open_data import FILES, bundle
from clustersite.derived.same_inputs import PerKey
from clustersite.model.cluster_model import Cluster
from clustersite.model.site_data import SiteData
from clustersite.outputs.badge_files import badge_svg, endpoint_json
from clustersite.outputs.build import Build
from clustersite.outputs.feeds import FEED_ENTRIES, FeedContext, atom_feed, calendar
from clustersite.outputs.templating import TEMPLATE_DIR, TEMPLATES
from clustersite.text import urls
from clustersite.text.localized import LANGUAGES

EMBED_CSS = (TEMPLATE_DIR / "embed-card.css").read_text(encoding="utf-8").strip()


def language_files(site: SiteData, build: Build) -> dict[str, bytes]:
    """This language's embeds and follower feeds: {path under the site folder: bytes}."""
    return embeds(site, build) | follower_feeds(site, build)


def site_files(site: SiteData, build: Build) -> dict[str, bytes]:
    """The language-neutral files: the open data set and the badges."""
    files = {urls.data_file(name): data for name, data in bundle(site, build.site_url).files.items()}
    for cluster in site.clusters:
        for lang in LANGUAGES:  # each language's badge in its own words
            svg, endpoint = _BADGES.get((cluster.slug, lang), (cluster,), (site.build_date,), functools.partial(_badge_files, cluster, lang))
            files[urls.badge(cluster.slug, lang)] = svg
            files[urls.badge_endpoint(cluster.slug, lang)] = endpoint
    return files


def _badge_files(cluster: Cluster, lang: str) -> tuple[bytes, bytes]:
    badge = badge_for(cluster, lang)
    return badge_svg(badge), endpoint_json(badge)


def embeds(site: SiteData, build: Build) -> dict[str, bytes]:
    lang, t = build.lang, build.t
    template = TEMPLATES.get_template("embed-card.html")
    files = {}
    for cluster in site.clusters:
        files[f"{build.lang_root}{urls.embed(cluster.slug)}index.html"] = _EMBEDS.get(
            (lang, cluster.slug),
            (cluster, site.vocabularies, t),
            (build.site_name, build.site_url, build.lang_root),
            functools.partial(_embed, site, build, template, cluster),
        )
    return files


# Under `make serve`, an embed or a feed whose inputs are the same objects as
# in the last build is not made again (derived/same_inputs.py).
_EMBEDS: PerKey[bytes] = PerKey()
_FEEDS: PerKey[bytes] = PerKey()
_BADGES: PerKey[tuple[bytes, bytes]] = PerKey()


def _embed(site: SiteData, build: Build, template: jinja2.Template, cluster: Cluster) -> bytes:
    lang, t = build.lang, build.t
    county = site.vocabularies["counties"][cluster.county].label.pick(lang).text if cluster.county else None
    html = template.render(
        lang=lang,
        t=t,
        cluster=cluster,
        site_name=build.site_name,
        css=Markup(EMBED_CSS),  # marked safe: the package's own stylesheet file, no data in it
        name=cluster.name.pick(lang),
        summary=cluster.summary.pick(lang),
        label=cluster.current_label,
        sectors=[site.vocabularies["sectors"][key].label.pick(lang).text for key in cluster.sectors],
        place=", ".join(part for part in (county_map.city_name(cluster.city, lang) if cluster.city else None, county) if part),
        profile_url=urljoin(build.site_url, build.lang_root + urls.cluster(cluster.slug)),
    )
    return html.encode("utf-8")


def follower_feeds(site: SiteData, build: Build) -> dict[str, bytes]:
    lang, t, root = build.lang, build.t, build.lang_root
    common: FeedContext = {"lang": lang, "site_url": build.site_url, "lang_root": root, "build_date": site.build_date}
    tags, organiser = site.vocabularies["tags"], t("event.organiser")
    files = {}
    same = (build.site_url, root, site.build_date, build.site_name)  # with lang in each key: what else the feeds say
    for cluster in site.clusters:
        related, name = site.related(cluster.slug), cluster.name.pick(lang).text
        news = related.news[:FEED_ENTRIES]
        news_feed = functools.partial(
            atom_feed,
            news,
            tags,
            title=t("follow.cluster_news", name=name),
            author=build.site_name,
            self_path=urls.cluster_news_feed(cluster.slug),
            list_path=urls.cluster(cluster.slug),
            feed_key=f"cluster-news/{cluster.slug}",
            **common,
        )
        path = root + urls.cluster_news_feed(cluster.slug)
        files[path] = _FEEDS.get(path, (cluster, tags, t, *news), same, functools.partial(_encoded, news_feed))
        path = root + urls.cluster_calendar(cluster.slug)
        events = functools.partial(calendar, related.events, name=t("follow.cluster_events", name=name), organiser_label=organiser, **common)
        files[path] = _FEEDS.get(path, (cluster, t, *related.events), same, events)
    for key, term in site.vocabularies["sectors"].items():
        members = {c.slug for c in site.clusters if key in c.sectors}
        news = list(itertools.islice((entry for entry in site.news if not members.isdisjoint(entry.clusters)), FEED_ENTRIES))
        sector_feed = functools.partial(
            atom_feed,
            news,
            tags,
            title=t("follow.sector_news", sector=term.label.pick(lang).text),
            author=build.site_name,
            self_path=urls.sector_news_feed(key),
            list_path=urls.section("clusters"),
            feed_key=f"sector-news/{key}",
            **common,
        )
        path = root + urls.sector_news_feed(key)
        files[path] = _FEEDS.get(path, (term, tags, t, *news), same, functools.partial(_encoded, sector_feed))
    return files


def _encoded(feed: Callable[[], str]) -> bytes:
    return feed().encode("utf-8")


def extra_headers(base_path: str, languages_roots: tuple[str, ...]) -> str:
    """Lines for the `_headers` file: embeds may be framed by any site (and
    need their inline style allowed); the data and badges may be fetched by
    scripts on other sites (CORS), and GeoJSON and CSV get their media types.
    `! Content-Security-Policy` drops the site-wide policy first (Cloudflare
    Pages; Netlify would merge both, which still forbids framing)."""
    style = base64.b64encode(hashlib.sha256(EMBED_CSS.encode("utf-8")).digest()).decode()
    policy = "; ".join(
        [
            "default-src 'none'",
            f"style-src 'sha256-{style}'",
            "img-src 'self'",
            "base-uri 'none'",
            "form-action 'none'",
            "frame-ancestors *",
        ]
    )
    lines = []
    for root in languages_roots:
        lines += [f"{base_path}{root}{urls.EMBED}*", "  ! Content-Security-Policy", f"  Content-Security-Policy: {policy}"]
    for folder in (urls.DATA, urls.BADGES):
        lines += [f"{base_path}{folder}*", "  Access-Control-Allow-Origin: *"]
    for file in FILES:
        if file.format in ("csv", "geojson"):
            media_type = f"{file.media_type}; charset=utf-8" if file.format == "csv" else file.media_type
            lines += [f"{base_path}{urls.data_file(file.name)}", f"  Content-Type: {media_type}"]
    return "\n".join(lines) + "\n"
