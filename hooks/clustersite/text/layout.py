"""Where things live in the repository, anchored at this package, never the working directory."""

from __future__ import annotations

from pathlib import Path

REPO_ROOT = Path(__file__).resolve().parents[3]
DOCS_DIR = "content"  # mkdocs.yml's docs_dir; a test keeps the two the same
UI_DIR = "data/ui"
NEWS_IMAGES = "data/images"  # a news post's picture: data/images/<name>.jpg, the one place (model/entries.py)
