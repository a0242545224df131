"""Editors' messages in Lithuanian and English, keyed by message id.

A message is made with `say(id, **params)`: it is a `str` (the English
text, which the build log, sorting and existing callers read) that also
remembers its id and parameters, so `make check`, scaffolding and the
serve error page can print it in either language with `in_lang`.
Parameters that are messages themselves (a "did you mean" hint) are
rendered in the same language.

`make check` and `make new-*` speak Lithuanian unless told `--lang en` or
run with `LANG=en…` (see `language`).
"""

from __future__ import annotations

import os
from collections.abc import Mapping
from typing import Any

LANGUAGES = ("lt", "en")

CATALOGUE: dict[str, tuple[str, str]] = {  # id: (English, Lithuanian)
    "missing": ("missing; this field is required", "trūksta; šis laukas privalomas"),
    "empty-required": ("is empty; fill it in", "tuščias; užpildykite jį"),
    "empty-text": ("is empty; write the text or remove the field", "tuščias; parašykite tekstą arba pašalinkite lauką"),
    "empty-list-required": ("is empty; list at least one", "tuščias sąrašas; įrašykite bent vieną reikšmę"),
    "unknown-field": ("unknown field; {hint}allowed here: {allowed}", "nežinomas laukas; {hint}čia leidžiami: {allowed}"),
    "did-you-mean": ('did you mean "{close}"? ', "gal turėjote omenyje „{close}“? "),
    "did-you-mean-name": ("did you mean {key} ({name})? ", "gal turėjote omenyje {key} ({name})? "),
    "unknown-choice": ("unknown {noun} (got {got}); {hint}use one of: {allowed}", "nežinoma reikšmė (gauta {got}); {hint}rašykite vieną iš: {allowed}"),
    "unknown-choice-listed": (
        "unknown {noun} (got {got}); {hint}use one listed in {listed_in}",
        "nežinoma reikšmė (gauta {got}); {hint}rašykite vieną iš nurodytų {listed_in}",
    ),
    "expected-date": ("expected a date as YYYY-MM-DD (got {got})", "tikėtasi datos MMMM-MM-DD (gauta {got})"),
    "expected-date-or-year": ("expected a date as YYYY-MM-DD, or a year alone (got {got})", "tikėtasi datos MMMM-MM-DD arba vien metų (gauta {got})"),
    "expected-moment": (
        "expected a date as YYYY-MM-DD or a date and time as YYYY-MM-DD HH:MM (got {got})",
        "tikėtasi datos MMMM-MM-DD arba datos ir laiko MMMM-MM-DD VV:MM (gauta {got})",
    ),
    "no-such-month": (
        "month {month} does not exist (got {got}); write the date as YYYY-MM-DD with a month from 01 to 12",
        "{month} mėnesio nėra (gauta {got}); rašykite datą MMMM-MM-DD, mėnesį nuo 01 iki 12",
    ),
    "no-such-day": ("day {day} does not exist in that month (got {got}); check the date", "tokio mėnesio {day} dienos nėra (gauta {got}); patikrinkite datą"),
    "sexagesimal-time": (
        "a time written without a date is read as a number (got {number}); write {name}: {example}",
        "laikas be datos perskaitomas kaip skaičius (gauta {number}); rašykite {name}: {example}",
    ),
    "future-date": ("is in the future (got {got})", "data ateityje (gauta {got})"),
    "future-year": ("is in the future (got {got}); give the year it happened", "metai ateityje (gauta {got}); nurodykite, kuriais metais tai įvyko"),
    "expected-year": ("expected a year such as 2011 (got {got})", "tikėtasi metų, pvz., 2011 (gauta {got})"),
    "not-url": (
        "not a web address (got {got}); write it in full, starting with https://",
        "ne interneto adresas (gauta {got}); rašykite visą adresą, pradedant https://",
    ),
    "expected-url": ("expected a web address (got {got})", "tikėtasi interneto adreso (gauta {got})"),
    "expected-text": ("expected text (got {got})", "tikėtasi teksto (gauta {got})"),
    "bom": (
        "the file starts with an invisible byte-order mark; save it as UTF-8 without BOM",
        "failo pradžioje yra nematomas baitų tvarkos ženklas (BOM); išsaugokite failą kaip UTF-8 be BOM",
    ),
    "tab": ("a tab character on line {line}; indent with spaces", "{line} eilutėje yra tabuliacijos ženklas; atitraukite tarpais"),
    "ui-missing": ("missing; {template} uses it; add it to this file", "trūksta; jį naudoja {template}; įrašykite jį į šį failą"),
    "ui-placeholders": (
        "placeholders differ from {default} ({theirs} there, {ours} here); use the same names in braces",
        "vietos žymės skiriasi nuo {default} (ten {theirs}, čia {ours}); rašykite tuos pačius vardus riestiniuose skliaustuose",
    ),
    "ui-markup": (
        "interface wording is plain text, but this has markup ({found}); write the words only (the site escapes it and shows the characters)",
        "sąsajos tekstas yra paprastas tekstas, o čia yra žymėjimas ({found}); palikite tik žodžius (svetainė jį rodytų kaip simbolius)",
    ),
    "stale-schema": (
        "out of date after a model or vocabulary change; run `make schemas` and commit the result",
        "pasenęs po modelio ar žodyno pakeitimo; paleiskite `make schemas` ir įtraukite rezultatą į commit",
    ),
    "broken-link": ("no such file (got {got}); fix the path or add the file", "tokio failo nėra (gauta {got}); pataisykite kelią arba pridėkite failą"),
    "image-too-large": (
        "{noun} is {size}; keep it under {limit}, export at {width} px",
        "{noun} yra {size}; turi būti mažesnis nei {limit}, eksportuokite {width} px pločio",
    ),
    "image-not-that-kind": (
        "the file is not a {kind} image, whatever its name says; export it again as {kind}",
        "failas nėra {kind} paveikslėlis, nors taip pavadintas; eksportuokite jį iš naujo kaip {kind}",
    ),
    "svg-not-xml": (
        "the SVG file is not valid SVG (XML with an <svg> root); export it again",
        "SVG failas nėra tvarkingas SVG (XML su <svg> šaknimi); eksportuokite jį iš naujo",
    ),
    "svg-unsafe": (
        "the SVG contains {what}, which is not allowed (scripts, event handlers, links to other files); export it again as plain SVG",
        "SVG faile yra {what}, o tai neleidžiama (scenarijai, įvykių apdorojimas, nuorodos į kitus failus); eksportuokite jį iš naujo kaip paprastą SVG",
    ),
    "image-alt-missing": (
        "missing; describe the image in this file's language (image is set)",
        "trūksta; aprašykite paveikslėlį šio failo kalba (nurodytas image)",
    ),
    "noun-logo": ("logo", "logotipas"),
    "noun-image": ("image", "paveikslėlis"),
    # summaries
    "summary-problems": (
        "{count} {noun} found; fix each one and run `make check` again.",
        "Rasta problemų: {count}; ištaisykite kiekvieną ir vėl paleiskite `make check`.",
    ),
    "summary-ok": (
        "OK: {clusters} clusters, {news} news posts, {stories} success stories, {events} events; no problems.",
        "Gerai: klasterių – {clusters}, naujienų – {news}, sėkmės istorijų – {stories}, renginių – {events}; problemų nėra.",
    ),
    "note": ("note: {text}", "pastaba: {text}"),
    # scaffold
    "scaffold-wrote": ("wrote {path}", "sukurta {path}"),
    "scaffold-next": (
        "Fill in the fields marked REQUIRED, then run `make check` and `make serve`.",
        "Užpildykite laukus, pažymėtus REQUIRED, tada paleiskite `make check` ir `make serve`.",
    ),
    "entry-two-lithuanian-files": (
        "two Lithuanian files for one page; keep {keep} (the editing interface writes that one) and delete this one",
        "du lietuviški failai vienam puslapiui; palikite {keep} (jį rašo redagavimo sąsaja), o šį ištrinkite",
    ),
    "scaffold-exists": (
        "{path}: already exists; nothing was written (choose another SLUG or edit that file)",
        "{path}: jau yra; nieko neįrašyta (pasirinkite kitą SLUG arba redaguokite tą failą)",
    ),
    "scaffold-bad-slug": (
        "SLUG must be lowercase letters a-z, digits and hyphens (got {got}), e.g. SLUG=litek",
        "SLUG gali turėti tik mažąsias raides a–z, skaitmenis ir brūkšnelius (gauta {got}), pvz., SLUG=litek",
    ),
    "scaffold-bad-date": (
        "DATE must be a real date as YYYY-MM-DD (got {got}), e.g. DATE=2026-03-04",
        "DATE turi būti tikra data MMMM-MM-DD (gauta {got}), pvz., DATE=2026-03-04",
    ),
}


class Message(str):
    """The English text of a catalogued message, which also renders in Lithuanian."""

    id: str
    params: Mapping[str, Any]

    def __new__(cls, id: str, params: Mapping[str, Any]):
        text = super().__new__(cls, _render(id, params, "en"))
        text.id, text.params = id, dict(params)
        return text

    def in_lang(self, lang: str) -> str:
        return _render(self.id, self.params, lang)

    def __reduce__(self):  # picklable, for multiprocessing test helpers
        return (Message, (self.id, self.params))


def _render(id: str, params: Mapping[str, Any], lang: str) -> str:
    template = CATALOGUE[id][0 if lang == "en" else 1]
    return template.format(**{k: in_lang(v, lang) for k, v in params.items()})


def say(id: str, **params: Any) -> Message:
    return Message(id, params)


def in_lang(text: Any, lang: str) -> Any:
    """A message in `lang`; anything else (older, English-only messages) as it is."""
    return text.in_lang(lang) if isinstance(text, Message) else text


def language(requested: str | None = None, environ: Mapping[str, str] | None = None) -> str:
    """`--lang` when given; else English when the locale (LC_ALL, LC_MESSAGES,
    LANG, the first set) is English; else Lithuanian, the editors' language."""
    if requested:
        return requested
    environ = os.environ if environ is None else environ
    locale = next((environ[name] for name in ("LC_ALL", "LC_MESSAGES", "LANG") if environ.get(name)), "")
    return "en" if locale.lower().startswith("en") else "lt"
