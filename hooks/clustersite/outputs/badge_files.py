"""A cluster's badge as files: an SVG for pages and READMEs, and the JSON
shields.io reads (clustersite.derived.badges computes what it says)."""

from __future__ import annotations

import json

from clustersite.derived.badges import LABEL_COLOUR, Badge
from clustersite.outputs.templating import TEMPLATES


def badge_svg(badge: Badge) -> bytes:
    return TEMPLATES.get_template("badge.svg").render(badge=badge, label_colour=LABEL_COLOUR).encode("utf-8")


def endpoint_json(badge: Badge) -> bytes:
    """shields.io's endpoint badge: https://img.shields.io/endpoint?url=<this file's address>."""
    data = {"schemaVersion": 1, "label": badge.label, "message": badge.message, "color": badge.colour}
    return (json.dumps(data, ensure_ascii=False, sort_keys=True, indent=2) + "\n").encode("utf-8")
