"""The mark of a generated stub: what writes one and what must skip one agree here.

Pages made from data are Markdown stubs in the docs folder (see
clustersite.pages.generated_pages): front matter whose first line is MARKER.
Loading hand-written pages skips them, writing stubs deletes only them, and
the tests copy a site without them; all three ask `is_stub`.
"""

from __future__ import annotations

from collections.abc import Mapping
from pathlib import Path

import yaml

_DUMPER = getattr(yaml, "CSafeDumper", yaml.SafeDumper)  # libyaml's, where PyYAML has it: the same text, a third of the time
MARKER = "# Generated before each build from data/ and content/; do not edit, edit the source."


def stub_text(meta: Mapping[str, object]) -> str:
    key = repr(sorted(meta.items()))  # plain values: a slug, a number, a list of names
    text = _TEXTS.get(key)
    if text is None:
        text = _TEXTS[key] = f"---\n{MARKER}\n{yaml.dump(dict(meta), Dumper=_DUMPER, allow_unicode=True, sort_keys=True)}---\n"
    return text


# Each stub's text, kept for the process: `make serve` asks for every stub
# again on every save (1 s of YAML at 1,000 clusters); a few thousand short strings.
_TEXTS: dict[str, str] = {}


def is_stub(path: Path) -> bool:
    """Whether `path` starts with a stub's front matter (any line ending)."""
    with path.open("rb") as handle:
        return handle.read(len(MARKER) + 8).replace(b"\r\n", b"\n").startswith(f"---\n{MARKER}".encode())


def is_stub_text(text: str) -> bool:
    """`is_stub` for a file already read."""
    return text[: len(MARKER) + 8].replace("\r\n", "\n").startswith(f"---\n{MARKER}")
