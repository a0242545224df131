"""The `_headers` file read by Netlify and Cloudflare Pages.

The Content-Security-Policy allows scripts only from the site itself plus
the exact inline scripts the built pages contain (Material writes a few),
listed by their SHA-256 hashes, which are computed from the built HTML so
the policy is always the one the site satisfies. Fingerprinted assets
(`name.<8 hex>.min.js|css`) are cached for a year; everything else is
revalidated.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path
from typing import Iterable

# An inline <script> without src and without a data type: JSON and JSON-LD blocks
# are not executed, so CSP ignores them (hashing them made _headers grow with the
# page count: 528 KiB at 5,000 clusters, more than browsers accept).
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc=)(?![^>]*\btype=\"?application/(?:ld\+)?json)[^>]*>(.*?)</script>", re.S)
_FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")


def inline_script_hashes(html_pages: Iterable[str]) -> list[str]:
    hashes = set()
    for html in html_pages:
        for body in _INLINE_SCRIPT.findall(html):
            digest = hashlib.sha256(body.encode("utf-8")).digest()
            hashes.add(f"'sha256-{base64.b64encode(digest).decode()}'")
    return sorted(hashes)


def content_security_policy(script_hashes: list[str]) -> str:
    return "; ".join([
        "default-src 'self'",
        # Pagefind runs its search in WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
        " ".join(["script-src 'self' 'wasm-unsafe-eval'", *script_hashes]),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "connect-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
        "frame-ancestors 'none'",
    ])


def headers_file(site_dir: Path, base_path: str) -> str:
    """`base_path` is the site's path on its host: "/" or "/repo/"."""
    pages = [path.read_text(encoding="utf-8") for path in sorted(site_dir.rglob("*.html"))]
    lines = [
        f"{base_path}*",
        f"  Content-Security-Policy: {content_security_policy(inline_script_hashes(pages))}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "  Cache-Control: public, max-age=0, must-revalidate",
    ]
    for asset in sorted(p for p in site_dir.rglob("*") if _FINGERPRINTED.search(p.name)):
        lines += [f"{base_path}{asset.relative_to(site_dir).as_posix()}", "  ! Cache-Control", "  Cache-Control: public, max-age=31536000, immutable"]
    return "\n".join(lines) + "\n"
