"""Sort keys for Lithuanian alphabetical order (CLDR's `lt` tailoring).

Č, Š and Ž are letters of their own, after C, S and Z; Y sorts with I;
the nosine and long vowels (Ą, Ę, Ė, Į, Ų, Ū) sort with their base letter
and only break ties. Hand-written because the data is small and PyICU
would need a C toolchain and libicu on every machine.
"""

from __future__ import annotations

import functools
import unicodedata

_OWN_LETTERS = {"č": "c~", "š": "s~", "ž": "z~"}  # "~" sorts after every letter


def _primary(char: str) -> str:
    if char in _OWN_LETTERS:
        return _OWN_LETTERS[char]
    base = unicodedata.normalize("NFD", char)[0]
    return "i" if base == "y" else base


def _secondary(char: str) -> str:
    decomposed = unicodedata.normalize("NFD", char)
    marks = decomposed[1:] if char not in _OWN_LETTERS else ""
    return marks + ("y" if decomposed[0] == "y" else "")


def organisation_key(name: str) -> str:
    """One key per organisation however its name is typed: case, quotation
    marks and spacing aside ("VšĮ „Saulėtekio slėnis“" = "VšĮ Saulėtekio slėnis")."""
    folded = unicodedata.normalize("NFC", name).casefold()
    return " ".join("".join(char for char in folded if char not in "„“”\"'«»").split())


@functools.cache  # names are sorted over and over (similar clusters, members, the directory); there are only so many
def lithuanian_key(text: str) -> tuple:
    folded = unicodedata.normalize("NFC", text).casefold()
    letters = [char for char in folded if char.isalnum() or char == " "]
    return (
        tuple(_primary(char) for char in letters),
        tuple(_secondary(char) for char in letters),
        text.swapcase(),  # lowercase before uppercase, like CLDR's tertiary level
    )
