"""Serving a built site on localhost and driving Debian's Chromium with Playwright.

No browser is downloaded: Playwright launches /usr/bin/chromium (Debian's
`chromium` package, which .ci/run installs). The server can mount the site
under a sub-path and applies the site's own `_headers` (so the
Content-Security-Policy is enforced in the browser, as on Netlify).
"""

from __future__ import annotations

import functools
import http.server
import re
import shutil
import threading
from contextlib import contextmanager
from pathlib import Path
from urllib.parse import urlsplit

CHROMIUM = shutil.which("chromium") or "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-quic",
    "--no-first-run",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
]


def site_headers(site: Path) -> dict[str, str]:
    """The headers `_headers` sets for every page (the `<base>*` block)."""
    path = site / "_headers"
    if not path.is_file():
        return {}
    block = path.read_text(encoding="utf-8").split("\n/", 1)[0]
    return dict(re.findall(r"^  ([\w-]+): (.*)$", block, re.M))


def path_headers(site: Path) -> list[tuple[str, dict[str, str], set[str]]]:
    """Every `_headers` block that sets or removes (`! Name`) a policy: (path pattern, set, removed)."""
    path = site / "_headers"
    blocks = []
    for block in re.split(r"\n(?=/)", path.read_text(encoding="utf-8")) if path.is_file() else []:
        pattern, _, body = block.partition("\n")
        blocks.append((pattern.strip(), dict(re.findall(r"^  ([\w-]+): (.*)$", body, re.M)), set(re.findall(r"^  ! ([\w-]+)$", body, re.M))))
    return blocks


class _Handler(http.server.SimpleHTTPRequestHandler):
    prefix = "/"
    headers_to_add: dict[str, str] = {}
    blocks: list[tuple[str, dict[str, str], set[str]]] = []
    extensions_map = {
        **http.server.SimpleHTTPRequestHandler.extensions_map,
        ".js": "text/javascript",
        ".mjs": "text/javascript",
        ".wasm": "application/wasm",
        ".xml": "application/xml",
    }

    def translate_path(self, path: str) -> str:
        parts = urlsplit(path)
        if not parts.path.startswith(self.prefix):
            return str(Path(self.directory) / "__outside_the_prefix__")
        return super().translate_path("/" + parts.path[len(self.prefix) :])

    def end_headers(self) -> None:
        headers = dict(self.headers_to_add)
        path = urlsplit(self.path).path
        for pattern, added, removed in self.blocks[1:]:  # later blocks (/admin/*) as Netlify reads them
            if pattern.endswith("*") and path.startswith(pattern[:-1]):
                headers = {k: v for k, v in headers.items() if k not in removed} | added
        for name, value in headers.items():
            self.send_header(name, value)
        super().end_headers()

    def log_message(self, *args) -> None:  # keep test output quiet
        pass


@contextmanager
def serve(site: Path, prefix: str = "/"):
    """Serve `site` at http://127.0.0.1:<free port><prefix>; yields that base URL."""
    handler = type("Handler", (_Handler,), {"prefix": prefix, "headers_to_add": site_headers(site), "blocks": path_headers(site)})
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(handler, directory=str(site)))
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}{prefix}"
    finally:
        server.shutdown()
        server.server_close()


class PageWatch:
    """Records every request a page makes and every console error."""

    def __init__(self, page):
        self.requests: list[str] = []
        self.errors: list[str] = []
        page.on("request", lambda request: self.requests.append(request.url))
        page.on("console", lambda message: self.errors.append(message.text) if message.type == "error" else None)
        page.on("pageerror", lambda error: self.errors.append(str(error)))

    def hosts(self) -> set[str]:
        return {urlsplit(url).netloc for url in self.requests if urlsplit(url).scheme in ("http", "https")}
