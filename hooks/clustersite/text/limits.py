"""How much a contributor's file may hold: one place for every size limit.

Content arrives by pull request, also from outside contributors, so a file
must not be able to make `make check` or the build slow, huge or crash.
Each limit is far above what real content needs (a cluster file is a few
kilobytes, nests four levels and lists tens of members).
"""

from __future__ import annotations

import math

from clustersite.text.messages import Message, say

MAX_FILE_BYTES = 1_000_000
"""A data file, or a Markdown page's front matter and body together."""

MAX_DEPTH = 20
"""Lists and mappings inside each other; deeper input is refused before it is
built, so neither the parser's recursion nor Python's can be exhausted."""

MAX_ITEMS = 1_000
"""Items in one list, or keys in one mapping."""

MAX_VALUES = 20_000
"""Values of any kind in one file (a cluster file has a few hundred). Bounds
the time and memory a file within MAX_FILE_BYTES can cost, e.g. 500 lists
of 1,000 empty lists each."""


MAX_IMAGE_BYTES = 500_000
"""A logo or a news picture: a 400 px logo is a few dozen kilobytes."""


def kilobytes(size: int) -> str:
    """`480 KB` below a megabyte, `5.1 MB` above (rounded up, as in megabytes)."""
    return f"{math.ceil(size / 1_000)} KB" if size < 1_000_000 else megabytes(size)


def megabytes(size: int) -> str:
    """`1.4 MB`, rounded up so a file just over the limit never reads as `1.0 MB`."""
    return f"{math.ceil(size / 100_000) / 10:.1f} MB"


def file_too_large(size: int, kind: str) -> Message:
    """`kind` names what the limit is for: "data-files" or "pages"."""
    return say("file-too-large", size=megabytes(size), kind=say(f"kind-{kind}"), limit=MAX_FILE_BYTES // 1_000_000)
