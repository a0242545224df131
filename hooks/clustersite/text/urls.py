"""Every address the site writes or links, in one place.

Paths are relative to a language's root ("" for Lithuanian, "en/" for
English) and end in "/" for pages. A section's address is also the name of
its folder in content/ (MkDocs makes addresses from file paths), so moving a
section means changing its line here and renaming its folder; no template or
module spells an address itself (a test builds the site with one changed).
"""

from __future__ import annotations

SECTIONS = {
    "clusters": "klasteriai",
    "news": "naujienos",
    "story": "sekmes-istorijos",
    "event": "renginiai",
}
PAGES = {
    "home": "",
    "search": "paieska/",
    "privacy": "privatumas/",
    "accessibility": "prieinamumas/",
    "inolink": "inolink/",
    "about": "apie-klasterius/",
    "statistics": "statistika/",
    "open_data": "duomenys/",
}
NEWS_PAGE = "puslapis"  # /naujienos/puslapis/2/
NEWS_YEAR = "archyvas"  # /naujienos/archyvas/2020/
NEWS_TAG = "zymos"  # /naujienos/zymos/<tag>/
NEWS_FEED = "naujienos.xml"  # at each language's root: Material looks for sitemap.xml beside feeds
EVENTS_FEED = "renginiai.ics"
SOCIAL_IMAGE = "assets/images/social.png"  # 1200x630, for link previews
SITE_LOGO = "assets/images/logo.svg"  # the site's mark (overrides/partials/logo.html), square: the publisher's logo in JSON-LD
MEDIA = "media/"  # logos and images copied from the repository, language-neutral
# One page per sector and per county in use, in top folders of their own:
# under klasteriai/ they would share the namespace of cluster slugs.
SECTOR_PAGES = "sektoriai"  # /sektoriai/<sector key>/
COUNTY_PAGES = "apskritys"  # /apskritys/<county key>/
# Open data and reuse: language-neutral folders at the site root whose
# addresses reusers hard-code, so they never move (file names included).
DATA = "data/"
BADGES = "badges/"
EMBED = "embed/"  # per language: /embed/<slug>/, /en/embed/<slug>/
CLUSTER_NEWS_FEED = "naujienos.xml"  # beside a profile: klasteriai/<slug>/naujienos.xml
CLUSTER_CALENDAR = "renginiai.ics"
SECTOR_FEEDS = "sektoriai"  # naujienos/sektoriai/<sector>.xml

# The top menu, in order: (Lithuanian title, file in content/). English
# titles are mkdocs.yml's nav_translations. InoLink, a finished project, is
# linked from the About page and the footer instead.
NAV = (
    ("Pradžia", "index.md"),
    ("Klasteriai", f"{SECTIONS['clusters']}/index.md"),
    ("Naujienos", f"{SECTIONS['news']}.md"),
    ("Sėkmės istorijos", f"{SECTIONS['story']}.md"),
    ("Renginiai", f"{SECTIONS['event']}.md"),
    ("Apie klasterius", "apie-klasterius.md"),
)


def section(kind: str) -> str:
    return f"{SECTIONS[kind]}/"


def page(name: str) -> str:
    return PAGES[name]


def cluster(slug: str) -> str:
    return f"{SECTIONS['clusters']}/{slug}/"


def entry(kind: str, slug: str) -> str:
    return f"{SECTIONS[kind]}/{slug}/"


def news_page(number: int) -> str:
    return section("news") if number == 1 else f"{SECTIONS['news']}/{NEWS_PAGE}/{number}/"


def news_year(year: int) -> str:
    return f"{SECTIONS['news']}/{NEWS_YEAR}/{year}/"


def news_tag(tag: str) -> str:
    return f"{SECTIONS['news']}/{NEWS_TAG}/{tag}/"


def event_calendar(slug: str) -> str:
    """One event's own .ics file, beside its page."""
    return f"{entry('event', slug)}{slug}.ics"


def sector(key: str) -> str:
    return f"{SECTOR_PAGES}/{key}/"


def county(key: str) -> str:
    return f"{COUNTY_PAGES}/{key}/"


def groups(kind: str) -> str:
    """The index of every sector's or county's page: 'sektoriai/', 'apskritys/'."""
    return f"{SECTOR_PAGES if kind == 'sector' else COUNTY_PAGES}/"


def media(repo_path: str) -> str:
    return f"{MEDIA}{repo_path}"


def data_file(name: str) -> str:
    """A file of the open data set: data_file("clusters.csv")."""
    return f"{DATA}{name}"


def badge(slug: str, lang: str = "lt") -> str:
    """The badge in `lang`'s words: badges/<slug>.svg, en/badges/<slug>.svg."""
    return f"{'' if lang == 'lt' else lang + '/'}{BADGES}{slug}.svg"


def badge_endpoint(slug: str, lang: str = "lt") -> str:
    """shields.io's endpoint JSON for the same badge."""
    return f"{'' if lang == 'lt' else lang + '/'}{BADGES}{slug}.json"


def embed(slug: str) -> str:
    """The embeddable card (per language, like pages)."""
    return f"{EMBED}{slug}/"


def cluster_news_feed(slug: str) -> str:
    return f"{cluster(slug)}{CLUSTER_NEWS_FEED}"


def cluster_calendar(slug: str) -> str:
    return f"{cluster(slug)}{CLUSTER_CALENDAR}"


def sector_news_feed(sector: str) -> str:
    return f"{SECTIONS['news']}/{SECTOR_FEEDS}/{sector}.xml"


def source_file(path: str) -> str:
    """The Markdown source (relative to content/, without .md) of a page path: 'a/b/' -> 'a/b'."""
    return path.rstrip("/")


# Folders in content/ that hold only generated stubs (besides hand-written index pages).
GENERATED_FOLDERS = (
    SECTIONS["clusters"],
    f"{SECTIONS['news']}/{NEWS_PAGE}",
    f"{SECTIONS['news']}/{NEWS_YEAR}",
    f"{SECTIONS['news']}/{NEWS_TAG}",
    SECTOR_PAGES,
    COUNTY_PAGES,
)


def link_paths() -> dict[str, object]:
    """What templates link with (`link('cluster', slug)`): names to builders."""
    return {
        "section": section,
        "page": page,
        "cluster": cluster,
        "entry": entry,
        "news_page": news_page,
        "news_year": news_year,
        "news_tag": news_tag,
        "event_calendar": event_calendar,
        "media": media,
        "sector": sector,
        "county": county,
        "groups": groups,
        "embed": embed,
        "cluster_news_feed": cluster_news_feed,
        "cluster_calendar": cluster_calendar,
        "sector_news_feed": sector_news_feed,
    }
