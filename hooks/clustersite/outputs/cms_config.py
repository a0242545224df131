"""The editing interface's configuration (Decap CMS, /admin/), made from the model.

Nothing here is written by hand per field: every collection walks a content
model (cluster_model.Cluster, entries.NewsFile/StoryFile/EventFile) and turns
each field into a Decap widget: its Lithuanian hint is the field's Help, it
is required when the model requires it, a vocabulary (data/*.yml) becomes a
select, a cluster named by an entry a relation to the clusters collection,
a date a date picker in the form the checker reads (YYYY-MM-DD), a text
{lt, en} an object with the two languages side by side. The only table
here is LABELS: the short Lithuanian name a field carries in the interface
(the model's Help says what to write; a label names the field).

`make schemas` writes admin/config.yml (committed beside schemas/); a test
fails when it drifts from the model, and another compares it field by field.
The build copies it to /admin/config.yml. Two things differ between the
published interface and `make cms`: on the site, changes go through pull
requests (`publish_mode: editorial_workflow`); locally, decap-server writes
the working copy, which has no pull requests (`local_config`).
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel

from clustersite.model.cluster_model import Cluster
from clustersite.model.entries import FILES as ENTRY_FILES
from clustersite.model.entries import REQUIRED_SHARED, TEXT_FIELDS
from clustersite.model.fields import Bool, Choice, Date, DateTime, Email, MarkdownStr, Number, RepoFile, Str, Url, Year
from clustersite.model.records import AsLocalized, field_model, help_of, is_sequence, metadata, spec_of
from clustersite.model.vocabularies import VOCABULARY_FILES
from clustersite.text import urls
from clustersite.text.limits import MAX_ITEMS

CONFIG_FILE = "admin/config.yml"
# The repository on GitHub the published interface edits (`make cms` ignores it).
REPOSITORY = "lietuvos-klasteriai/lietuvos-klasteriai"
# The sign-in proxy for GitHub (docs: CONTRIBUTING.md, "Redagavimas naršyklėje").
OAUTH_PROXY = "https://klasteriai-cms-auth.example.workers.dev"
LOCAL_SERVER = "http://localhost:8081"
LOCALES = ("lt", "en")
DATE_FORMAT = "YYYY-MM-DD"  # moment.js tokens: the checker's ISO date
# Where the CMS puts uploaded files: the folders the image rules name
# (data/logos/README.md for logos; news images beside them in data/images/).
MEDIA = {"logo": "data/logos", "image": "data/images"}

# The short Lithuanian name of each field in the interface, by field name.
LABELS = {
    "name": "Pavadinimas",
    "summary": "Santrauka",
    "description": "Aprašymas",
    "sectors": "Sektoriai",
    "county": "Apskritis",
    "city": "Miestas",
    "location": "Vieta žemėlapyje",
    "lat": "Platuma",
    "lon": "Ilguma",
    "founded": "Įkūrimo metai",
    "website": "Svetainė",
    "contact": "Kontaktai",
    "email": "El. paštas",
    "phone": "Telefonas",
    "address": "Adresas",
    "coordinator": "Koordinatorius",
    "members": "Nariai",
    "type": "Rūšis",
    "member_count": "Narių skaičius",
    "value": "Kiek",
    "as_of": "Kada (data arba metai)",
    "labels": "Kokybės ženklai",
    "level": "Lygis",
    "issuer": "Suteikė",
    "awarded": "Suteiktas",
    "valid_until": "Galioja iki",
    "interviewed": "Vertinimo pokalbis",
    "listed_in": "Nurodytas tarp turėtojų (metai)",
    "supports": "Ką patvirtina",
    "url": "Nuoroda",
    "maturity": "Branda",
    "assessed": "Įvertinta",
    "open_to_members": "Priima naujų narių",
    "join": "Kaip prisijungti",
    "programmes": "Programos",
    "logo": "Logotipas",
    "sources": "Šaltiniai",
    "title": "Antraštė",
    "title_en": "Antraštė angliškai",
    "accessed": "Skaityta",
    "updated": "Patikrinta",
    "date": "Data",
    "clusters": "Klasteriai",
    "tags": "Žymos",
    "image": "Paveikslėlis",
    "image_alt": "Paveikslėlio aprašas",
    "start": "Pradžia",
    "end": "Pabaiga",
    "organiser": "Organizatorius",
    "series": "Renginių ciklas",
    "body": "Tekstas",
    "lt": "Lietuviškai",
    "en": "Angliškai",
}
# Where the vocabulary a select offers is named in the UI wording (data/ui/lt.yml).
FIXED_CHOICE_LABELS = {"member type": "member.type.", "label level": "label.level."}
COLLECTIONS = {
    "clusters": ("Klasteriai", "Klasteris"),
    "news": ("Naujienos", "Naujiena"),
    "story": ("Sėkmės istorijos", "Sėkmės istorija"),
    "event": ("Renginiai", "Renginys"),
}
ENTRY_NAMES = {"news": "{{year}}-{{month}}-{{day}}-{{slug}}", "story": "{{slug}}", "event": "{{slug}}"}
BODY_HINT = "Tekstas (Markdown) šio failo kalba."


def _read(root: Path, name: str) -> dict[str, Any]:
    return dict(yaml.safe_load((root / "data" / f"{name}.yml").read_text(encoding="utf-8")) or {})


class _Vocabularies:
    def __init__(self, root: Path):
        self.terms = {name: _read(root, name) for name in VOCABULARY_FILES}
        self.ui = dict(yaml.safe_load((root / "data" / "ui" / "lt.yml").read_text(encoding="utf-8")) or {})

    def options(self, spec: Choice) -> list[dict[str, str]]:
        if spec.vocabulary:
            return [{"label": term["lt"], "value": key} for key, term in self.terms[spec.vocabulary].items()]
        prefix = FIXED_CHOICE_LABELS.get(spec.noun)
        return [{"label": str(self.ui.get(f"{prefix}{key}", key)).capitalize() if prefix else key, "value": key} for key in spec.choices]


def _pattern(regex: str, hint: str) -> list[str]:
    return [f"^(?:{regex})$", hint]


def _leaf(spec: Any, vocabularies: _Vocabularies, name: str) -> dict[str, Any]:
    """The widget for a field whose value one check reads."""
    if isinstance(spec, Choice):
        if spec.vocabulary == "clusters":
            return {"widget": "relation", "collection": "clusters", "value_field": "{{slug}}", "search_fields": ["name.lt"], "display_fields": ["name.lt"]}
        return {"widget": "select", "options": vocabularies.options(spec)}
    if isinstance(spec, MarkdownStr):
        return {"widget": "markdown", "modes": ["raw"], "sanitize_preview": True}
    if isinstance(spec, Str):
        widget: dict[str, Any] = {"widget": "text" if spec.max_length is None or spec.max_length > 200 else "string"}
        if spec.pattern is not None:
            widget["pattern"] = _pattern(spec.pattern.pattern, "Trumpas raktas: mažosios raidės a–z, skaitmenys ir brūkšneliai")
        elif spec.max_length:
            widget["pattern"] = [f"^[\\s\\S]{{1,{spec.max_length}}}$", f"Ne daugiau kaip {spec.max_length} simbolių"]
        return widget
    if isinstance(spec, Url):
        return {"widget": "string", "pattern": ["^https?://[^\\s/]+\\S*$", "Adresas, prasidedantis http:// arba https://"]}
    if isinstance(spec, Email):
        return {"widget": "string", "pattern": ["^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", "El. pašto adresas, pvz., info@klasteris.lt"]}
    if isinstance(spec, Bool):
        return {"widget": "boolean"}
    if isinstance(spec, Year):
        return {"widget": "number", "value_type": "int", "min": 1900, "max": 2100}
    if isinstance(spec, Number):
        widget = {"widget": "number", "value_type": "int" if spec.integer else "float", "min": spec.minimum, "max": spec.maximum}
        return widget if spec.integer else {**widget, "step": 0.0001}
    if isinstance(spec, Date) and spec.allow_year:
        return {"widget": "string", "pattern": _pattern(r"\d{4}(?:-\d{2}-\d{2})?", "Data MMMM-MM-DD arba tik metai MMMM")}
    if isinstance(spec, Date):
        return {"widget": "datetime", "format": DATE_FORMAT, "date_format": DATE_FORMAT, "time_format": False, "picker_utc": True}
    if isinstance(spec, DateTime):
        return {"widget": "string", "pattern": _pattern(r"\d{4}-\d{2}-\d{2}(?:[ T]\d{1,2}:\d{2})?", "MMMM-MM-DD arba MMMM-MM-DD VV:MM (Vilniaus laiku)")}
    if isinstance(spec, RepoFile):
        folder = MEDIA[name]
        return {"widget": "image", "media_folder": f"/{folder}", "public_folder": folder, "choose_url": False}
    raise TypeError(f"no widget for {type(spec).__name__} ({name}); add one to {__name__}")


def fields(
    model: type[BaseModel], vocabularies: _Vocabularies, translated: tuple[str, ...] | None = None, required_shared: tuple[str, ...] = ()
) -> list[dict[str, Any]]:
    """Every field of `model` as Decap fields, in the model's order.

    `translated`: for an entry pair (one file per language), the fields each
    language has; the others are written in the Lithuanian file only."""
    found = []
    for name, field in model.model_fields.items():
        help = help_of(field)
        assert help is not None, f"{model.__name__}.{name} has no Help"
        widget: dict[str, Any] = {"name": name, "label": LABELS[name], "hint": help.lt}
        widget["required"] = field.is_required() or name in required_shared
        inner = field_model(field)
        localized = next((m for m in metadata(field) if isinstance(m, AsLocalized)), None)
        if localized is not None or (isinstance(inner, type) and issubclass(inner, BaseModel)):
            sub = fields(inner, vocabularies)
            if is_sequence(field.annotation):
                widget |= {"widget": "list", "fields": sub, "collapsed": True, "default": []}  # a new entry starts with no item
                least = next((m.min_items for m in metadata(field) if getattr(m, "min_items", 0)), 0)
                if widget["required"] and least:
                    # Decap 3.16 lets a required list with no item through (the list's own size
                    # check clears the "required" error, and counts only with both bounds),
                    # so a list that needs items says both: at least `least`, at most what a file may hold.
                    widget |= {"min": least, "max": MAX_ITEMS}
                if len(sub) == 1:
                    widget |= {"field": sub[0]}
                    del widget["fields"]
            else:
                if not widget["required"]:
                    # Decap checks an optional object's required fields even when the object
                    # is left out; the checker still requires them once the object is given.
                    sub = _optional(sub)
                widget |= {"widget": "object", "fields": sub, "collapsed": False}
        else:
            spec = spec_of(field)
            if spec is None:  # `tuple[Annotated[str, Check(...)], ...]`: the check is on the item
                spec = next(m.spec for m in metadata(field) if hasattr(m, "spec"))
            leaf = _leaf(spec, vocabularies, name)
            if is_sequence(field.annotation):
                if leaf["widget"] not in ("select", "relation"):
                    raise TypeError(f"{model.__name__}.{name}: a list of {leaf['widget']} has no widget")
                leaf |= {"multiple": True}
            widget |= leaf
        if translated is not None:
            # "none": only in the Lithuanian file, and not shown (nor written back) in the English pane
            # (Decap's configuration allows only true/false on a list or an object)
            widget["i18n"] = True if name in translated else (False if widget["widget"] in ("list", "object") else "none")
        found.append(widget)
    return found


def _optional(found: list[dict[str, Any]]) -> list[dict[str, Any]]:
    return [{**f, "required": False} | ({"fields": _optional(f["fields"])} if f.get("widget") == "object" else {}) for f in found]


def _cluster_collection(vocabularies: _Vocabularies) -> dict[str, Any]:
    plural, singular = COLLECTIONS["clusters"]
    cluster_fields = fields(Cluster, vocabularies)
    # The first line of every cluster file associates it with its JSON Schema
    # (VS Code's YAML extension); Decap writes it as the first key's comment.
    cluster_fields[0]["comment"] = "yaml-language-server: $schema=../../schemas/cluster.schema.json"
    return {
        "name": "clusters",
        "label": plural,
        "label_singular": singular,
        "folder": "data/clusters",
        "extension": "yml",
        "format": "yaml",
        "create": True,
        "identifier_field": "name.lt",
        "slug": "{{slug}}",
        "summary": "{{name.lt}}",
        "sortable_fields": ["name.lt", "founded", "updated"],
        "fields": cluster_fields,
    }


def _entry_collection(kind: str, vocabularies: _Vocabularies) -> dict[str, Any]:
    plural, singular = COLLECTIONS[kind]
    entry_fields = fields(ENTRY_FILES[kind], vocabularies, translated=TEXT_FIELDS, required_shared=REQUIRED_SHARED[kind])
    entry_fields.append(
        {
            "name": "body",
            "label": LABELS["body"],
            "hint": BODY_HINT,
            "widget": "markdown",
            "modes": ["raw"],
            "sanitize_preview": True,
            "i18n": True,
            "required": False,
        }
    )
    collection: dict[str, Any] = {
        "name": kind,
        "label": plural,
        "label_singular": singular,
        "folder": f"content/{urls.SECTIONS[kind]}",
        "extension": "md",
        "format": "yaml-frontmatter",
        "create": True,
        "i18n": True,
        "identifier_field": "title",
        "slug": ENTRY_NAMES[kind],
        "fields": entry_fields,
    }
    if any(f["name"] == "date" for f in entry_fields):
        collection["sortable_fields"] = ["date", "title"]
    return collection


def config(root: Path) -> dict[str, Any]:
    """The published interface's configuration: GitHub, changes as pull requests."""
    vocabularies = _Vocabularies(root)
    return {
        "locale": "lt",
        "backend": {
            "name": "github",
            "repo": REPOSITORY,
            "branch": "main",
            "base_url": OAUTH_PROXY,
            "squash_merges": True,
            "commit_messages": {
                "create": "Naujas įrašas: {{collection}} „{{slug}}“",
                "update": "Pakeista: {{collection}} „{{slug}}“",
                "delete": "Pašalinta: {{collection}} „{{slug}}“",
                "uploadMedia": "Įkeltas failas {{path}}",
                "deleteMedia": "Pašalintas failas {{path}}",
            },
        },
        "publish_mode": "editorial_workflow",
        "local_backend": {"url": f"{LOCAL_SERVER}/api/v1"},
        "media_folder": MEDIA["image"],
        "public_folder": MEDIA["image"],
        "site_url": "/",
        "show_preview_links": False,
        "editor": {"preview": False},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "i18n": {"structure": "multiple_files", "locales": list(LOCALES), "default_locale": LOCALES[0]},
        "collections": [_cluster_collection(vocabularies), *(_entry_collection(kind, vocabularies) for kind in ENTRY_FILES)],
    }


def local_config(published: dict[str, Any]) -> dict[str, Any]:
    """`make cms`: the same collections, saved straight into the working copy."""
    return {**{k: v for k, v in published.items() if k != "publish_mode"}}


HEADER = "# Generated by `make schemas` from the content model (hooks/clustersite/outputs/cms_config.py); do not edit.\n"


def render(data: dict[str, Any]) -> str:
    return HEADER + yaml.safe_dump(data, allow_unicode=True, sort_keys=False, width=1000)
