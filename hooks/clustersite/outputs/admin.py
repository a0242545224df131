"""/admin/: the editing interface (Decap CMS), copied into the site.

The interface is one script from npm (decap-cms, pinned in package.json and
package-lock.json, installed by `npm ci`), its lazily loaded parts and its
WebAssembly, copied from node_modules/decap-cms/dist/ next to a page of our
own and the configuration made from the content model (cms_config.py).
Nothing comes from a CDN. The page is `noindex`, linked from no public page,
and has its own Content-Security-Policy (security_headers.admin_policy),
in `_headers` for hosts that read it and in a <meta> for GitHub Pages.

A build without node_modules (a test's copy of the sources) has no /admin/;
`make build`, `make serve` and the deploy workflow install it first.
"""

from __future__ import annotations

import shutil
from html import escape
from pathlib import Path

from clustersite.outputs import cms_config
from clustersite.outputs.security_headers import admin_policy

FOLDER = "admin"
BUNDLE = Path("node_modules") / "decap-cms" / "dist"
SCRIPT = "decap-cms.js"
TITLE = "Turinio redagavimas – Lietuvos klasteriai"


def bundle_files(repo_root: Path) -> list[Path]:
    """The interface's files from npm: the script, its chunks, WebAssembly and licence (no source maps)."""
    dist = repo_root / BUNDLE
    if not (dist / SCRIPT).is_file():
        return []
    return sorted(p for p in dist.iterdir() if p.name == SCRIPT or p.name.endswith((".decap-cms.js", ".wasm")) or p.name == f"{SCRIPT}.LICENSE.txt")


def page(local: bool) -> str:
    return (
        "<!doctype html>\n"
        '<html lang="lt">\n'
        "<head>\n"
        '<meta charset="utf-8">\n'
        '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
        '<meta name="robots" content="noindex">\n'
        f'<meta http-equiv="Content-Security-Policy" content="{escape(admin_policy(local, in_meta=True))}">\n'
        '<meta name="referrer" content="same-origin">\n'
        f"<title>{escape(TITLE)}</title>\n"
        "</head>\n"
        "<body>\n"
        f'<script src="{SCRIPT}"></script>\n'
        "</body>\n"
        "</html>\n"
    )


def write_admin(repo_root: Path, site_dir: Path, local: bool) -> bool:
    """Write /admin/; False (and nothing written) when npm's packages are not installed."""
    files = bundle_files(repo_root)
    if not files:
        return False
    target = site_dir / FOLDER
    target.mkdir(parents=True, exist_ok=True)
    for path in files:
        shutil.copyfile(path, target / path.name)
    published = cms_config.config(repo_root)
    (target / "config.yml").write_text(cms_config.render(cms_config.local_config(published) if local else published), encoding="utf-8")
    (target / "index.html").write_text(page(local), encoding="utf-8")
    return True
