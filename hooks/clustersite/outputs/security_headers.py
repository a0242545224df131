"""The `_headers` file read by Netlify and Cloudflare Pages, and the list of
inline scripts its Content-Security-Policy allows.

The policy allows scripts from the site itself plus the inline scripts in
`inline_scripts()`, a fixed list written here by hand: Material's and the
project's own, each with what it does. Their SHA-256 hashes come from this
list, never from the built pages, so a script that reached a page any other
way (from content, say) is not allowed by the policy, and `unlisted_scripts`
makes the build fail on the page that has it. When an upgrade of Material
changes one of its scripts, the build names the page and shows the script:
read it in Material's templates (partials/javascripts/), and if it is
Material's own, replace its text here.

Fingerprinted assets (`name.<8 hex>.min.js|css`) are cached for a year;
everything else is revalidated.
"""

from __future__ import annotations

import base64
import hashlib
import re
from pathlib import Path

# Material's partials/javascripts/base.html, on every page: the helpers
# (__md_get, __md_set) its other scripts use to keep preferences in
# localStorage under the site's path. `{scope}` is `extra.scope`, which the
# adapter sets to the site's path so that the text is the same on every page
# (Material's default is the page's relative base URL: one text per depth).
MATERIAL_STORAGE = (
    '__md_scope=new URL("{scope}",location),__md_hash=e=>[...e].reduce(((e,_)=>(e<<5)-e+_.charCodeAt(0)),0),'
    '__md_get=(e,_=localStorage,t=__md_scope)=>JSON.parse(_.getItem(t.pathname+"."+e)),'
    '__md_set=(e,_,t=localStorage,a=__md_scope)=>{{try{{t.setItem(a.pathname+"."+e,JSON.stringify(_))}}catch(e){{}}}}'
)
# Material's partials/javascripts/content.html, on every page: a link to a
# content tab's anchor opens that tab.
MATERIAL_TAB_ANCHOR = 'var target=document.getElementById(location.hash.slice(1));target&&target.name&&(target.checked=target.name.startsWith("__tabbed_"))'
# Ours, overrides/main.html, on every page: marks pages where scripts run
# before the first paint, so controls that need JavaScript show without a shift.
OURS_JS_CLASS = 'document.documentElement.classList.add("cs-js")'
# Ours, overrides/cluster-directory.html: the directory's filters start open
# on wide screens and folded on phones, decided before the first paint.
OURS_FILTERS_OPEN = 'document.currentScript.previousElementSibling.open = matchMedia("(min-width: 60em)").matches'


def inline_scripts(scope: str) -> tuple[str, ...]:
    """The only inline scripts a page may carry, for a site whose path is `scope`."""
    return (MATERIAL_STORAGE.format(scope=scope), MATERIAL_TAB_ANCHOR, OURS_JS_CLASS, OURS_FILTERS_OPEN)


# An inline <script> without src and without a data type: JSON and JSON-LD
# blocks are not executed, so CSP ignores them. Tag and attribute names are
# matched in any case, as the HTML parser reads them.
_INLINE_SCRIPT = re.compile(r"<script(?![^>]*\bsrc\s*=)(?![^>]*\btype\s*=\s*[\"']?application/(?:ld\+)?json[\"'\s>])[^>]*>(.*?)</script\s*>", re.S | re.I)
_FINGERPRINTED = re.compile(r"\.[0-9a-f]{8}\.min\.(?:js|css)$")


def unlisted_scripts(html: str, allowed: tuple[str, ...]) -> list[str]:
    """The page's inline scripts that are not on the list (empty when all are)."""
    return [body for body in _INLINE_SCRIPT.findall(html) if body not in allowed]


def script_hash(body: str) -> str:
    return f"'sha256-{base64.b64encode(hashlib.sha256(body.encode('utf-8')).digest()).decode()}'"


def content_security_policy(scripts: tuple[str, ...]) -> str:
    return "; ".join(
        [
            "default-src 'self'",
            # Pagefind runs its search in WebAssembly, which needs 'wasm-unsafe-eval' (not 'unsafe-eval').
            " ".join(["script-src 'self' 'wasm-unsafe-eval'", *sorted(script_hash(body) for body in scripts)]),
            "style-src 'self'",
            "img-src 'self' data:",
            "font-src 'self'",
            "connect-src 'self'",
            "object-src 'none'",
            "base-uri 'self'",
            "form-action 'self'",
            "frame-ancestors 'none'",
        ]
    )


# The editing interface (/admin/, outputs/admin.py) runs Decap CMS, which
# needs more than the public pages and gets its own policy: its styles are
# injected at run time (emotion: 'unsafe-inline' styles), its configuration
# validator compiles code ('unsafe-eval'), entries and uploads pass through blob: URLs.
# It talks only to GitHub's API (signed-in editing on the published site,
# avatars from GitHub) or, with `make cms`, to decap-server on localhost.
ADMIN_PUBLISHED_HOSTS = ("https://api.github.com",)
ADMIN_LOCAL_HOSTS = ("http://localhost:8081",)
ADMIN_IMAGE_HOSTS = ("https://avatars.githubusercontent.com",)


def admin_policy(local: bool = False, in_meta: bool = False) -> str:
    """The Content-Security-Policy of /admin/: published (GitHub) or local (decap-server)."""
    hosts = ADMIN_LOCAL_HOSTS if local else ADMIN_PUBLISHED_HOSTS
    images = () if local else ADMIN_IMAGE_HOSTS
    parts = [
        "default-src 'self'",
        "script-src 'self' 'unsafe-eval' 'wasm-unsafe-eval'",
        "style-src 'self' 'unsafe-inline'",
        " ".join(["img-src 'self' data: blob:", *images]),
        "font-src 'self' data:",
        " ".join(["connect-src 'self' blob:", *hosts]),
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'none'",
    ]
    # A <meta> policy cannot say frame-ancestors (browsers ignore it there).
    return "; ".join(parts if in_meta else [*parts, "frame-ancestors 'none'"])


def headers_file(site_dir: Path, base_path: str, local_cms: bool = False) -> str:
    """`base_path` is the site's path on its host: "/" or "/repo/"; it is also
    the scope Material's storage script is written with."""
    lines = [
        f"{base_path}*",
        f"  Content-Security-Policy: {content_security_policy(inline_scripts(base_path))}",
        "  X-Content-Type-Options: nosniff",
        "  Referrer-Policy: strict-origin-when-cross-origin",
        "  Permissions-Policy: camera=(), microphone=(), geolocation=(), interest-cohort=()",
        "  Cache-Control: public, max-age=0, must-revalidate",
    ]
    if (site_dir / "admin" / "index.html").is_file():  # its own policy instead of the pages' ("!" removes a header)
        lines += [f"{base_path}admin/*", "  ! Content-Security-Policy", f"  Content-Security-Policy: {admin_policy(local_cms)}", "  X-Robots-Tag: noindex"]
    # Fingerprinted files are Material's scripts and stylesheets, all in assets/:
    # a walk over that folder, not over every page of the site.
    for asset in sorted(p for p in (site_dir / "assets").rglob("*") if _FINGERPRINTED.search(p.name)):
        lines += [f"{base_path}{asset.relative_to(site_dir).as_posix()}", "  ! Cache-Control", "  Cache-Control: public, max-age=31536000, immutable"]
    return "\n".join(lines) + "\n"
