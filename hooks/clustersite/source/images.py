"""Images from contributors (logos, news pictures), checked by content, not name.

A file's first bytes say what it is (PNG, JPEG, WebP); an SVG must parse
as XML with an <svg> root. An SVG is code a browser runs when opened
directly, so scripts, event handlers (`on*`) and links to other files or
sites are refused. A size limit keeps pages light.
"""

from __future__ import annotations

import re
from pathlib import Path
from xml.etree import ElementTree

from clustersite.text.limits import MAX_IMAGE_BYTES, kilobytes
from clustersite.text.messages import Message, say

SIGNATURES = {".png": (b"\x89PNG\r\n\x1a\n",), ".jpg": (b"\xff\xd8\xff",), ".jpeg": (b"\xff\xd8\xff",)}
KIND_NAMES = {".png": "PNG", ".jpg": "JPEG", ".jpeg": "JPEG", ".webp": "WebP", ".svg": "SVG"}


def _looks_like(head: bytes, suffix: str) -> bool:
    if suffix == ".webp":
        return head[:4] == b"RIFF" and head[8:12] == b"WEBP"
    return any(head.startswith(signature) for signature in SIGNATURES.get(suffix, ()))


def image_problem(path: Path, noun: str, width_hint: int) -> Message | None:
    """Why `path` cannot be published as an image, or None."""
    size = path.stat().st_size
    if size > MAX_IMAGE_BYTES:
        return say("image-too-large", noun=say(f"noun-{noun}"), size=kilobytes(size), limit=kilobytes(MAX_IMAGE_BYTES), width=width_hint)
    suffix = path.suffix.lower()
    data = path.read_bytes()
    if suffix == ".svg":
        return svg_problem(data)
    if not _looks_like(data[:16], suffix):
        return say("image-not-that-kind", kind=KIND_NAMES[suffix])
    return None


def svg_problem(data: bytes) -> Message | None:
    if b"<!DOCTYPE" in data.upper() or b"<!ENTITY" in data.upper():
        return say("svg-unsafe", what="<!DOCTYPE>/<!ENTITY>")  # entities can expand without bound
    try:
        root = ElementTree.fromstring(data)
    except ElementTree.ParseError:
        return say("svg-not-xml")
    if _local(root.tag) != "svg":
        return say("svg-not-xml")
    for element in root.iter():
        if _local(element.tag) in ("script", "foreignObject"):
            return say("svg-unsafe", what=f"<{_local(element.tag)}>")
        for name, value in element.attrib.items():
            attribute = _local(name)
            if attribute.lower().startswith("on"):
                return say("svg-unsafe", what=f"{attribute}=")
            if attribute == "href" and not value.strip().startswith("#"):
                return say("svg-unsafe", what=f'{"xlink:" if name.startswith("{") else ""}href="{value.strip()[:40]}"')
        if _local(element.tag) == "style" and re.search(r"url\(\s*['\"]?(?!#)", element.text or "", re.I):
            return say("svg-unsafe", what="url(...) in <style>")
    return None


def _local(name: str) -> str:
    return name.rsplit("}", 1)[-1]
