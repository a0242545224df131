"""Text in Lithuanian (the default language) and English, with fallback."""

from __future__ import annotations

from dataclasses import dataclass

LANGUAGES = ("lt", "en")
DEFAULT_LANGUAGE = "lt"


@dataclass(frozen=True)
class Shown:
    """Text as shown in one language: which language it really is in, and
    whether it is a fallback, so templates can mark it with `lang` and a note."""

    text: str
    lang: str
    fallback: bool

    def __str__(self) -> str:
        return self.text


@dataclass(frozen=True)
class LocalizedText:
    lt: str
    en: str | None = None

    def pick(self, lang: str) -> Shown:
        text = self.en if lang == "en" else self.lt
        if text:
            return Shown(text, lang, False)
        return Shown(self.lt, DEFAULT_LANGUAGE, True)

    @classmethod
    def from_clean(cls, value: dict | None) -> LocalizedText | None:
        return cls(value["lt"], value.get("en")) if value else None
