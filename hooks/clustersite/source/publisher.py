"""Who runs the site: mkdocs.yml `extra.publisher` (name, e-mail, address).

A public-sector site must name its publisher (footer, privacy notice,
accessibility statement). Nobody is invented: while a field is empty,
`make check` says what to fill in, and a build for a public address fails
with the same lines, so the site cannot go live without a contact.
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any
from urllib.parse import urlsplit

from clustersite.text.errors import ConfigError
from clustersite.text.messages import Message, say

FIELDS = ("name", "email", "address")  # what each is: "publisher-<field>" in the catalogue
LOCAL_HOSTS = {"127.0.0.1", "localhost", "::1", ""}


def missing(extra: Mapping[str, Any] | None) -> list[Message]:
    publisher = (extra or {}).get("publisher") or {}
    return [say("publisher-missing", key=key, what=say(f"publisher-{key}")) for key in FIELDS if not str(publisher.get(key) or "").strip()]


def missing_fields(extra: Mapping[str, Any] | None) -> str:
    """The empty fields' full names, for the publishing gate: "extra.publisher.name, extra.publisher.email"."""
    publisher = (extra or {}).get("publisher") or {}
    return ", ".join(f"extra.publisher.{key}" for key in FIELDS if not str(publisher.get(key) or "").strip())


def is_public(site_url: str | None) -> bool:
    return (urlsplit(site_url or "").hostname or "") not in LOCAL_HOSTS


def require(site_url: str | None, extra: Mapping[str, Any] | None) -> None:
    """ConfigError listing what is missing, for a build meant for a public address."""
    if is_public(site_url) and (lines := missing(extra)):
        raise ConfigError(say("publisher-required", lines=lines))
