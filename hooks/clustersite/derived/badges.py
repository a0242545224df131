"""Badges a cluster can show on its own website: an SVG in shields.io's
"flat" look and a shields.io endpoint JSON with the same words.

    Lietuvos klasteris | ESCA Bronze 2024

Text width: SVG cannot measure text, so the badge computes it from a
per-character width table and sets `textLength`, which makes every renderer
draw the text exactly that wide whatever font it has; the table is what
keeps "Šiaulių" or "Ūkio" from clipping. The widths are Verdana at 11px (the
font shields.io's badges are measured in), copied from the `anafanafo` npm
package 2.0.0 (data/verdana-11px-normal.json, MIT licence, (c) Metabolize
LLC; shields.io measures with it), for Basic Latin, Latin-1, Latin
Extended-A (all Lithuanian letters) and the quotes and dashes Lithuanian
typography uses. A character outside the table counts as the widest one in
it, so unknown text can only come out roomy, never clipped.

Accessible: `role="img"`, `aria-label` and `<title>` carry the full text
(the shields change in badges/shields#5289); the shadow copy of each text is
`aria-hidden`. Colours give white text at least 4.5:1 contrast (a test
checks).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from clustersite.model.cluster_model import Cluster


# The badge's words in the page's language: a Lithuanian page shows the
# Lithuanian badge (badges/<slug>.svg), an English page the English one
# (en/badges/<slug>.svg); the SVG's title and the <img>'s alt say the same.
@dataclass(frozen=True)
class BadgeWords:
    label: str
    none: str  # the message of a cluster without an excellence label
    expired: str
    unknown: str
    levels: dict[str, str]


WORDS = {
    "lt": BadgeWords(
        "Lietuvos klasteris",
        "profilis",
        "nebegalioja",
        "galiojimas nežinomas",
        {"bronze": "Bronzos ženklas", "silver": "Sidabro ženklas", "gold": "Aukso ženklas"},
    ),
    "en": BadgeWords(
        "Lithuanian cluster",
        "profile",
        "expired",
        "validity not known",
        {"bronze": "Bronze", "silver": "Silver", "gold": "Gold"},  # as ESCA names its labels
    ),
}
LABEL = WORDS["lt"].label
NO_LABEL = WORDS["lt"].none
EXPIRED = WORDS["lt"].expired
LABEL_COLOUR = "555555"
COLOURS = {"gold": "806600", "silver": "636b75", "bronze": "96602e", "expired": "767676", "none": "3f51b5"}
LEVEL_NAMES = WORDS["en"].levels
PADDING = 5  # px each side of a text, as shields.io's flat badges


def _table(groups: dict[float, str]) -> dict[str, float]:
    return {char: width for width, chars in groups.items() for char in chars}


# Width in px at Verdana 11px -> the characters that wide.
VERDANA_11PX = _table(
    {
        0: "\u00ad",
        2.95: "'‘’‚",
        3.02: "ilìíîïĩīĭįıĺļ",
        3.13: "ł",
        3.25: "ľ",
        3.79: "jĵ",
        3.87: " f\u00a0",
        4: ",.·",
        4.33: "!t¡ţťŧ",
        4.63: "IÌÍÎÏĨĪĬĮİ",
        4.69: "rŕŗř",
        5: "()-/:;J[\\]|¦Ĵ",
        5.04: "ŀ",
        5.05: '"“”„',
        5.73: "csçćĉċčśŝşš",
        5.78: "zźżž",
        5.96: "°²³¹",
        6: "?ªº¿",
        6.12: "LĹĻĽĿ",
        6.18: "Ł",
        6.32: "F",
        6.51: "kvxyýķĸŷ",
        6.55: "eèéêëēĕėęě",
        6.61: "aàáâãäåāăą",
        6.63: "P",
        6.66: "Þ",
        6.68: "oòóôõöøōŏő",
        6.73: "ð",
        6.75: "ĳ",
        6.77: "YÝŶŸ",
        6.78: "TŢŤŦ",
        6.82: "ß",
        6.85: "bdgpqþđĝğġģ",
        6.93: "ŭų",
        6.96: "EhnuÈÉÊËñùúûüĒĔĖĘĚĥħńņňŋũūůű",
        6.98: "{}",
        6.99: "$*0123456789_`¢£¤¥§¨¯´¶¸–",
        7.06: "µ",
        7.09: "«»",
        7.12: "ď",
        7.52: "ASVÀÁÂÃÄÅĀĂĄŚŜŞŠ",
        7.54: "BXZŹŻŽ",
        7.62: "KĶ",
        7.65: "RŔŖŘ",
        7.68: "CÇĆĈĊČ",
        7.99: "&",
        8.04: "ŉ",
        8.05: "UÙÚÛÜŨŪŬŮŰŲ",
        8.23: "NÑŃŅŇŊ",
        8.27: "HĤĦ",
        8.48: "DĎ",
        8.53: "GÐĐĜĞĠĢ",
        8.66: "OQÒÓÔÕÖØŌŎŐ",
        9: "#+<=>^w~¬±×÷ŵ…",
        9.27: "M",
        9.58: "Ĳ",
        10.51: "æ",
        10.7: "m",
        10.8: "œ",
        10.83: "Æ",
        10.88: "WŴ",
        11: "@©®¼½¾—",
        11.77: "Œ",
        11.84: "%",
    }
)
WIDEST = max(VERDANA_11PX.values())


def text_width(text: str) -> int:
    """Width of `text` in px at Verdana 11px, rounded up to a whole pixel."""
    return math.ceil(sum(VERDANA_11PX.get(char, WIDEST) for char in text))


@dataclass(frozen=True)
class Badge:
    label: str
    message: str
    colour: str  # hex without "#", as shields.io's endpoint wants it

    @property
    def label_width(self) -> int:
        return text_width(self.label) + 2 * PADDING

    @property
    def message_width(self) -> int:
        return text_width(self.message) + 2 * PADDING

    @property
    def width(self) -> int:
        return self.label_width + self.message_width

    @property
    def text(self) -> str:
        """The whole badge as one phrase, for aria-label, <title> and alt text."""
        return f"{self.label}: {self.message}"


def badge_for(cluster: Cluster, lang: str = "lt") -> Badge:
    """The current label with its award year (when a source gives one) in
    `lang`; an expired one says so, one no source dates says its validity is
    not known; none: "profilis" / "profile"."""
    words = WORDS[lang]
    label = cluster.current_label
    if label is None:
        return Badge(words.label, words.none, COLOURS["none"])
    message = " ".join(str(part) for part in (label.issuer, words.levels[label.level], label.year) if part is not None)
    if label.status == "expired":
        return Badge(words.label, f"{message}, {words.expired}", COLOURS["expired"])
    if label.status == "unknown":
        return Badge(words.label, f"{message}, {words.unknown}", COLOURS["expired"])
    return Badge(words.label, message, COLOURS[label.level])
