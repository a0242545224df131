"""JSON for <script type="application/json"> and <script type="application/ld+json"> blocks."""

from __future__ import annotations

import json
from typing import Any

from markupsafe import Markup


def script_json(value: Any) -> Markup:
    """Compact, stable JSON in which no "<", ">" or "&" reaches the HTML parser
    (JSON's \\u escapes mean the same characters), so data cannot end the script.

    Marked safe: a trusted step. json.dumps quotes every string, and with those
    three characters escaped no value can close the <script> element or open
    a tag or an entity, so the text is inert inside the block; HTML-escaping
    it instead would change the JSON (a script block's text is not unescaped)."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return Markup(text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026"))
