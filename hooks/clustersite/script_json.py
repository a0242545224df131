"""JSON for <script type="application/json"> and <script type="application/ld+json"> blocks."""

from __future__ import annotations

import json
from typing import Any


def script_json(value: Any) -> str:
    """Compact, stable JSON in which no "<", ">" or "&" reaches the HTML parser
    (JSON's \\u escapes mean the same characters), so data cannot end the script."""
    text = json.dumps(value, ensure_ascii=False, separators=(",", ":"), sort_keys=True)
    return text.replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
