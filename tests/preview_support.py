"""Drive the incremental preview in one process, as `make serve` does.

    python tests/preview_support.py ROOT OUT EDITS.json

`mkdocs serve --dirty` (make serve) loads the hooks once, calls on_startup
with dirty=True, then for every change loads the config anew and builds with
dirty=True (mkdocs-static-i18n reads `--dirty` from the command line for its
other languages). This does the same without the web server: a first build,
then for each edit in EDITS.json (a list of steps, each a list of
{"path", "old", "new"} replacements in files under ROOT, {"path", "write"}
for a new file or {"path", "delete": true}) the edit and an
incremental build into OUT/serve, copied to OUT/serve-N, and a clean
`mkdocs build` of the same sources into OUT/clean-N (it fails while the
content is broken). It prints one JSON line
per step: the rebuild's wall and CPU seconds, the pages rendered and skipped,
and the HTML pages written.
"""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

EPOCH = "1780272000"


def apply(root: Path, step: list[dict[str, str]]) -> None:
    for edit in step:
        path = root / edit["path"]
        if "write" in edit:  # a new file
            path.write_text(edit["write"], encoding="utf-8")
            continue
        if edit.get("delete"):
            path.unlink()
            continue
        text = path.read_text(encoding="utf-8")
        assert edit["old"] in text, f"{edit['old']!r} not in {path}"
        path.write_text(text.replace(edit["old"], edit["new"], 1), encoding="utf-8")


def pages_written(site: Path) -> dict[str, int]:
    """{page: modification time} of every HTML page in `site`: MkDocs writes a page whenever it renders it."""
    return {path.relative_to(site).as_posix(): path.stat().st_mtime_ns for path in site.rglob("*.html")}


def main(root: Path, out: Path, steps: list[list[dict[str, str]]]) -> None:
    os.environ.update(SOURCE_DATE_EPOCH=EPOCH, NO_MKDOCS_2_WARNING="1")
    os.environ.pop("SITE_URL", None)
    sys.argv = ["mkdocs", "serve", "--dirty"]  # what mkdocs-static-i18n looks for
    from mkdocs.commands.build import build
    from mkdocs.config import load_config

    serve_dir = out / "serve"

    def config():  # as mkdocs.commands.serve does: a fresh config for every build
        return load_config(str(root / "mkdocs.yml"), site_dir=str(serve_dir))

    first = config()
    first.plugins.on_startup(command="serve", dirty=True)
    build(first, dirty=True)
    hooks = sys.modules[next(name for name in sys.modules if name.endswith("site_hooks.py"))]
    for number, step in enumerate(steps, 1):
        apply(root, step)
        before = pages_written(serve_dir)
        start, cpu = time.perf_counter(), time.process_time()
        if number == 1 and os.environ.get("PREVIEW_PROFILE"):
            import cProfile

            cProfile.runctx("build(config(), dirty=True)", globals(), locals(), os.environ["PREVIEW_PROFILE"])
        else:
            build(config(), dirty=True)
        seconds, cpu = time.perf_counter() - start, time.process_time() - cpu
        after = pages_written(serve_dir)
        preview = hooks.state.preview
        shutil.copytree(serve_dir, out / f"serve-{number}", ignore=shutil.ignore_patterns("pagefind"))
        clean = [sys.executable, "-m", "mkdocs", "build", "-q", "-f", str(root / "mkdocs.yml"), "-d", str(out / f"clean-{number}")]
        clean_ok = subprocess.run(clean, cwd=root, capture_output=True).returncode == 0  # fails on broken content
        shutil.rmtree(out / f"clean-{number}" / "pagefind", ignore_errors=True)
        report = {
            "step": number,
            "clean_build": clean_ok,
            "seconds": seconds,
            "cpu": cpu,
            "full": preview.full,
            "rendered": preview.rendered,
            "skipped": preview.skipped,
            "files_read": preview.loads.misses,  # clusters and entry pairs read and checked again (model/load_cache.py)
            "pages_written": sorted(page for page, stamp in after.items() if before.get(page) != stamp),
        }
        print(json.dumps(report), flush=True)


if __name__ == "__main__":
    main(Path(sys.argv[1]), Path(sys.argv[2]), json.loads(Path(sys.argv[3]).read_text(encoding="utf-8")))
