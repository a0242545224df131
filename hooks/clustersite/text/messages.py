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
        "nežinoma reikšmė (gauta {got}); {hint}rašykite vieną iš: {listed_in}",
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
    # citations: which source states each fact on a profile (issue 26)
    "cite-missing": (
        "the profile shows this fact, but no source names it; add {field} to the supports list of the source that states it, or remove the fact if none does",
        "profilyje rodomas šis faktas, bet nė vienas šaltinis jo nenurodo; įrašykite {field} į to šaltinio, kuris jį patvirtina, supports sąrašą arba pašalinkite faktą, jei tokio šaltinio nėra",
    ),
    "cite-not-shown": (
        "names {field}, which this profile does not fill; remove it from supports or fill the field",
        "nurodo {field}, bet šis profilis to lauko neturi; pašalinkite jį iš supports arba užpildykite lauką",
    ),
    "cite-no-such-source": (
        "cites source {number} ({marker}), but the page lists only {count}; cite one of them or add the source to sources",
        "cituoja šaltinį nr. {number} ({marker}), bet puslapyje nurodyta šaltinių: {count}; cituokite vieną iš jų arba įrašykite šaltinį į sources",
    ),
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
        "Užpildykite laukus, pažymėtus PRIVALOMA / REQUIRED, tada paleiskite `make check` ir `make serve`.",
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
    # links to the site's pages, news images, the publishing gate (issue 28, links)
    "site-path-unknown": (
        "no page of the site has this address (got {got}); {hint}link a page by its address from the site's root, e.g. /klasteriai/litek/",
        "svetainėje nėra puslapio šiuo adresu (gauta {got}); {hint}nurodykite puslapio adresą nuo svetainės šaknies, pvz., /klasteriai/litek/",
    ),
    "link-not-site-path": (
        "a link in a data file must be a web address (https://...) or a page's address in the site such as /klasteriai/litek/ (got {got})",
        "nuoroda duomenų faile turi būti interneto adresas (https://...) arba svetainės puslapio adresas, pvz., /klasteriai/litek/ (gauta {got})",
    ),
    "publisher-gate-note": (
        "merges into main will not be published while mkdocs.yml does not name who runs the site: fill in {fields} "
        "(the body's name, an e-mail address for questions about the site and a postal address)",
        "kol mkdocs.yml nenurodyta, kas valdo svetainę, į main sujungti pakeitimai nebus paskelbti: užpildykite {fields} "
        "(įstaigos pavadinimą, el. pašto adresą klausimams apie svetainę ir pašto adresą)",
    ),
    "publisher-gate-error": (
        "GitHub Pages publishes this repository, but mkdocs.yml does not name who runs the site: merged, this pull request "
        "would not be published; first fill in {fields} (the body's name, an e-mail address and a postal address)",
        "GitHub Pages skelbia šią saugyklą, bet mkdocs.yml nenurodyta, kas valdo svetainę: sujungus šį pull request, svetainė "
        "nebūtų atnaujinta; pirmiausia užpildykite {fields} (įstaigos pavadinimą, el. pašto adresą ir pašto adresą)",
    ),
    "news-image-place": (
        "news images go in {folder}, named with lowercase letters a-z, digits and hyphens (got {got}); move the file and write e.g. {example}",
        "naujienų paveikslėliai dedami į {folder}, jų vardai – mažosios raidės a–z, skaitmenys ir brūkšneliai (gauta {got}); perkelkite failą ir rašykite, pvz., {example}",
    ),
    "scaffold-reserved-slug": (
        "SLUG cannot be {got}: that name is taken by the section's own page; choose a short name for the content, e.g. SLUG=litek",
        "SLUG negali būti {got}: šis vardas skirtas skyriaus puslapiui; pasirinkite trumpą turinio pavadinimą, pvz., SLUG=litek",
    ),
    # --- facts as the sources give them (labels, places, wording) ---
    "expected-date-month-or-year": (
        "expected a date as YYYY-MM-DD, a month as YYYY-MM, or a year alone (got {got})",
        "tikėtasi datos MMMM-MM-DD, mėnesio MMMM-MM arba vien metų (gauta {got})",
    ),
    "expected-month": ("expected a month as YYYY-MM or a date as YYYY-MM-DD (got {got})", "tikėtasi mėnesio MMMM-MM arba datos MMMM-MM-DD (gauta {got})"),
    "label-text-without-record": (
        'the text says the cluster holds an excellence label ("{found}"), but labels: is empty; add the label as the source gives it (the year alone, or listed_in, will do)',
        "tekste rašoma, kad klasteris turi kokybės ženklą („{found}“), bet labels: tuščias; įrašykite ženklą taip, kaip nurodo šaltinis (užtenka metų arba listed_in)",
    ),
    "city-not-in-table": (
        'city "{got}" is not in data/geo/cities.yml; add it there with its coordinates and their source (see data/geo/README.md), or correct the spelling{hint}',
        "miesto „{got}“ nėra data/geo/cities.yml; įrašykite jį ten su koordinatėmis ir jų šaltiniu (žr. data/geo/README.md) arba pataisykite rašybą{hint}",
    ),
    "wording-slip": (
        'writes "{found}"; write "{better}" instead (CONTRIBUTING.md, units and quotation marks)',
        "parašyta „{found}“; rašykite „{better}“ (CONTRIBUTING.md, vienetai ir kabutės)",
    ),
}

# Everything else an editor reads: reading files, YAML, Markdown, the model's
# checks, pairs of files, the build's and the preview's own lines.
CATALOGUE |= {
    # what `(got ...)` says of a value that is not text
    "got-nothing": ("nothing", "nieko"),
    "got-mapping": ("a mapping", "laukų rinkinys"),
    "got-list": ("a list", "sąrašas"),
    "none": ("none", "nėra"),
    # reading files
    "not-utf8": ("the file is not UTF-8 text; save it with UTF-8 encoding", "failas nėra UTF-8 tekstas; išsaugokite jį UTF-8 koduote"),
    "file-too-large": (
        "the file is {size}; {kind} must stay under {limit} MB — split the text or remove embedded data",
        "failas yra {size}; {kind} turi būti mažesni nei {limit} MB – padalykite tekstą arba pašalinkite įterptus duomenis",
    ),
    "kind-data-files": ("data files", "duomenų failai"),
    "kind-pages": ("Markdown pages", "Markdown puslapiai"),
    "file-missing": ("file missing; restore it from the repository", "failo nėra; atkurkite jį iš saugyklos"),
    "given-twice": ("given twice in the same place; keep only one", "nurodytas du kartus toje pačioje vietoje; palikite vieną"),
    # YAML the parser refuses, in plain words
    "yaml-anchors": (
        "YAML anchors (&) and aliases (*) are not allowed; write the value out in full",
        "YAML inkarai (&) ir nuorodos (*) neleidžiami; parašykite visą reikšmę (tekstą, prasidedantį * ar &, rašykite kabutėse)",
    ),
    "yaml-too-many-values": (
        "more than {limit} values in one file; split it into smaller files or keep only what the site shows",
        "viename faile daugiau nei {limit} reikšmių; padalykite jį į mažesnius failus arba palikite tik tai, ką rodo svetainė",
    ),
    "yaml-too-deep": (
        "nested more than {limit} levels deep; no field needs that many, so remove the extra brackets or indentation",
        "įdėta giliau nei {limit} lygių; tiek nereikia jokiam laukui, pašalinkite nereikalingus skliaustus arba atitraukimus",
    ),
    "yaml-too-many-items": (
        "more than {limit} items; keep at most {limit} (what the page needs) and link to a source for the rest",
        "daugiau nei {limit} elementų; palikite ne daugiau kaip {limit} (kiek reikia puslapiui), o dėl kitų nurodykite šaltinį",
    ),
    "yaml-too-many-keys": (
        "more than {limit} keys; keep at most {limit} (what the page needs) and link to a source for the rest",
        "daugiau nei {limit} laukų; palikite ne daugiau kaip {limit} (kiek reikia puslapiui), o dėl kitų nurodykite šaltinį",
    ),
    "yaml-no-key": (
        "not valid YAML: this line does not fit the fields around it; indent it like its neighbours, "
        "and if a value starts with a quote, [ or {{, put the whole value in quotes",
        "netinkamas YAML: ši eilutė nedera su aplinkiniais laukais; atitraukite ją taip pat kaip kaimynines, "
        "o jei reikšmė prasideda kabutėmis, [ ar {{, visą reikšmę rašykite kabutėse",
    ),
    "yaml-colon": (
        'not valid YAML: a colon and a space inside a value, or a line indented too far; put the value in quotes ("...") or fix the indentation',
        'netinkamas YAML: reikšmėje yra dvitaškis su tarpu arba eilutė atitraukta per toli; reikšmę rašykite kabutėse ("...") arba pataisykite atitraukimą',
    ),
    "yaml-unclosed-quote": (
        "not valid YAML: the quotation mark opened on this line is never closed; add the closing quote",
        "netinkamas YAML: šioje eilutėje atidarytos kabutės neuždarytos; pridėkite uždarančias kabutes",
    ),
    "yaml-flow-list": (
        "not valid YAML: the list in [brackets] that starts on line {start} is not closed with ] or its items are not separated by commas",
        "netinkamas YAML: sąrašas laužtiniuose skliaustuose, prasidedantis {start} eilutėje, neuždarytas ] arba jo elementai neatskirti kableliais",
    ),
    "yaml-flow-mapping": (
        "not valid YAML: the fields in {{braces}} that start on line {start} are not closed with }} or not separated by commas",
        "netinkamas YAML: laukai riestiniuose skliaustuose, prasidedantys {start} eilutėje, neuždaryti }} arba neatskirti kableliais",
    ),
    "yaml-no-dash": (
        "not valid YAML: a list item must start with '- ' and be indented like the items above it",
        "netinkamas YAML: sąrašo elementas turi prasidėti „- “ ir būti atitrauktas taip pat kaip ankstesni",
    ),
    "yaml-bad-start": (
        "not valid YAML: a value cannot start with @ or `; put the whole value in quotes",
        "netinkamas YAML: reikšmė negali prasidėti @ ar `; visą reikšmę rašykite kabutėse",
    ),
    "yaml-star": (
        'not valid YAML: a value that starts with * is read as an alias; put the whole value in quotes ("*...*")',
        'netinkamas YAML: reikšmė, prasidedanti *, laikoma nuoroda; visą reikšmę rašykite kabutėse ("*...*")',
    ),
    "yaml-escape": (
        "not valid YAML: a backslash inside double quotes starts an escape; use single quotes ('...') or write \\\\",
        "netinkamas YAML: kabutėse \"...\" atvirkštinis brūkšnys pradeda valdymo seką; rašykite viengubose kabutėse ('...') arba \\\\",
    ),
    "yaml-tag": (
        "not valid YAML: a value that starts with ! is a YAML tag, which the site does not use; put the value in quotes",
        "netinkamas YAML: reikšmė, prasidedanti !, yra YAML žymė, kurios svetainė nenaudoja; reikšmę rašykite kabutėse",
    ),
    "yaml-directive": (
        "not valid YAML: a line that starts with % is a YAML directive; remove it or put the value in quotes",
        "netinkamas YAML: eilutė, prasidedanti %, yra YAML direktyva; pašalinkite ją arba reikšmę rašykite kabutėse",
    ),
    "yaml-two-documents": (
        "not valid YAML: a line '---' starts a second document; a file holds one, so remove the extra '---'",
        "netinkamas YAML: eilutė „---“ pradeda antrą dokumentą; faile gali būti tik vienas, pašalinkite perteklinę „---“",
    ),
    "yaml-key-not-text": (
        "not valid YAML: a field name must be plain text; write name: value",
        "netinkamas YAML: lauko pavadinimas turi būti paprastas tekstas; rašykite pavadinimas: reikšmė",
    ),
    "yaml-other": (
        "not valid YAML: {reason}; check the indentation and quotes on this line and the one above",
        "netinkamas YAML; patikrinkite atitraukimus ir kabutes šioje ir ankstesnėje eilutėje",
    ),
    # front matter
    "no-front-matter": (
        "no front matter; start the file with a line '---', the fields, and another '---'",
        "nėra antraštės laukų; failą pradėkite eilute „---“, tada laukai ir dar viena eilutė „---“",
    ),
    "front-matter-unclosed": (
        "the front matter is not closed; add a line '---' after the fields",
        "antraštės laukai neuždaryti; po laukų pridėkite eilutę „---“",
    ),
    "front-matter-not-fields": (
        "the front matter must be fields such as 'title: ...'",
        "antraštėje turi būti laukai, pvz., „title: ...“",
    ),
    # single values
    "too-long": (
        "too long: {length} characters, at most {limit} allowed; shorten it",
        "per ilgas: simbolių {length}, leidžiama ne daugiau kaip {limit}; sutrumpinkite",
    ),
    "pattern": ("{hint} (got {got})", "{hint} (gauta {got})"),
    "hint-phone": ("not a phone number; write it like +370 5 123 4567", "ne telefono numeris; rašykite, pvz., +370 5 123 4567"),
    "hint-series": (
        "a short key in lowercase letters, digits and hyphens, shared by every edition, e.g. baltic-cluster-forum",
        "trumpas raktas iš mažųjų raidžių, skaitmenų ir brūkšnelių, bendras visiems leidimams, pvz., baltic-cluster-forum",
    ),
    "hint-site-path": ("a site path such as inolink/", "svetainės kelias, pvz., inolink/"),
    "not-email": ("not an e-mail address (got {got}); write it as name@example.lt", "ne el. pašto adresas (gauta {got}); rašykite, pvz., vardas@pavyzdys.lt"),
    "expected-bool": ("expected true or false (got {got})", "tikėtasi true (taip) arba false (ne) (gauta {got})"),
    "expected-number": ("expected a number (got {got})", "tikėtasi skaičiaus (gauta {got})"),
    "expected-whole-number": ("expected a whole number (got {got})", "tikėtasi sveikojo skaičiaus (gauta {got})"),
    "out-of-range": ("out of range (got {got}); expected {minimum} to {maximum}{unit}", "už ribų (gauta {got}); tikėtasi nuo {minimum} iki {maximum}{unit}"),
    "unit-latitude": (" (latitude inside Lithuania)", " (platuma Lietuvos ribose)"),
    "unit-longitude": (" (longitude inside Lithuania)", " (ilguma Lietuvos ribose)"),
    "too-early-year": ("too early (got {got}); give a year from 1900 on", "per ankstyvi metai (gauta {got}); nurodykite metus nuo 1900"),
    "not-a-year": ("not a year (got {got}); write a year from 1900 to 2100", "ne metai (gauta {got}); rašykite metus nuo 1900 iki 2100"),
    "expected-path": ("expected a file path such as data/logos/x.svg (got {got})", "tikėtasi failo kelio, pvz., data/logos/x.svg (gauta {got})"),
    "path-outside": (
        "must point inside the repository (got {got}); use a path like data/logos/x.svg",
        "kelias turi būti saugyklos viduje (gauta {got}); rašykite, pvz., data/logos/x.svg",
    ),
    "not-image-file": ("not an image file (got {got}); use one of: {allowed}", "ne paveikslėlio failas (gauta {got}); naudokite vieną iš: {allowed}"),
    "no-such-file": ("no such file (got {got}); add the file or fix the path", "tokio failo nėra (gauta {got}); pridėkite failą arba pataisykite kelią"),
    # lists and records
    "expected-list-items": ("expected a list (got {got}); start each item with '- '", "tikėtasi sąrašo (gauta {got}); kiekvieną elementą pradėkite „- “"),
    "expected-list": ("expected a list (got {got})", "tikėtasi sąrašo (gauta {got})"),
    "too-few-items": ("needs at least {count} item(s)", "reikia bent tiek elementų: {count}"),
    "listed-twice": ("listed twice (got {got}); keep one", "įrašyta du kartus (gauta {got}); palikite vieną"),
    "expected-fields": (
        "expected fields ({fields}) (got {got}); write each on its own line, indented below {name}:",
        "tikėtasi laukų ({fields}) (gauta {got}); kiekvieną rašykite atskiroje eilutėje, atitrauktą po {name}:",
    ),
    "not-valid-here": ("{detail} (got {got})", "netinkama reikšmė (gauta {got}); žr. lauko aprašymą schemas/ aplanke"),
    "member-count-too-small": (
        "smaller than the {listed} members listed (got {got}); correct it or remove it",
        "mažiau nei išvardytų narių – {listed} (gauta {got}); pataisykite arba pašalinkite",
    ),
    "label-ends-before-award": (
        "earlier than awarded (got {got}); a label ends after it is awarded",
        "ankstesnė nei suteikimo data (gauta {got}); ženklas baigia galioti po suteikimo",
    ),
    # file names and vocabularies
    "cluster-yaml-suffix": ("cluster files end in .yml; rename it", "klasterių failų vardai baigiasi .yml; pervadinkite"),
    "cluster-not-yml": (
        "only <slug>.yml files belong in data/clusters/; move or delete it",
        "data/clusters/ aplanke gali būti tik <trumpinys>.yml failai; perkelkite arba ištrinkite šį",
    ),
    "cluster-file-name": (
        "the file name is the page address, so it must be lowercase letters a-z, digits and hyphens, and not 'index' (got {got}); rename it, e.g. {suggestion}.yml",
        "failo vardas yra puslapio adresas: tik mažosios raidės a–z, skaitmenys ir brūkšneliai, ir ne „index“ (gauta {got}); pervadinkite, pvz., {suggestion}.yml",
    ),
    "vocabulary-shape": (
        "expected entries of the form key: {{lt: ..., en: ...}} (got {got})",
        "tikėtasi įrašų pavidalu raktas: {{lt: ..., en: ...}} (gauta {got})",
    ),
    "vocabulary-key": ("a key must be lowercase letters, digits and hyphens", "raktą gali sudaryti tik mažosios raidės, skaitmenys ir brūkšneliai"),
    # news, stories, events: a pair of files
    "entry-file-name": (
        "the file name is the page address and must look like {shape} (got {got}); rename it",
        "failo vardas yra puslapio adresas ir turi atrodyti taip: {shape} (gauta {got}); pervadinkite",
    ),
    "field-translation": ("translation", "vertimas"),
    "shape-news": ("yyyy-mm-dd-short-name, e.g. 2020-02-20-inolink", "mmmm-mm-dd-trumpas-vardas, pvz., 2020-02-20-inolink"),
    "shape-entry": ("short-name in lowercase letters, digits and hyphens", "trumpas-vardas iš mažųjų raidžių, skaitmenų ir brūkšnelių"),
    "no-lithuanian-file": (
        "no Lithuanian version; add {path} (the Lithuanian page is the main one)",
        "nėra lietuviškos versijos; pridėkite {path} (lietuviškas puslapis yra pagrindinis)",
    ),
    "no-english-file": (
        "no English version; add {path} with at least a translated title",
        "nėra angliškos versijos; pridėkite {path} bent su išverstu pavadinimu",
    ),
    "differs-from-lithuanian": (
        "differs from the Lithuanian file (got {got}, {path} has {theirs}); keep them the same or leave the field out of the English file",
        "skiriasi nuo lietuviško failo (gauta {got}, {path} yra {theirs}); rašykite tą patį arba angliškame faile šį lauką praleiskite",
    ),
    "news-date-not-file-name": (
        "does not match the date in the file name (got {got}, file name says {file_date}); make them the same",
        "nesutampa su data failo varde (gauta {got}, failo varde {file_date}); suvienodinkite",
    ),
    "end-without-start": ("given without start; add start or remove end", "nurodyta be pradžios (start); pridėkite start arba pašalinkite end"),
    "start-end-mixed": (
        "give both start and end as dates, or both with times",
        "start ir end nurodykite vienodai: abu tik datas arba abu su laiku",
    ),
    "end-before-start": (
        "earlier than start (got {got}); an event ends after it starts",
        "ankstesnė nei pradžia (gauta {got}); renginys baigiasi po to, kai prasideda",
    ),
    # raw HTML and links in Markdown
    "raw-html": ("raw HTML is not allowed in Markdown: {tag}; {advice}", "Markdown tekste HTML neleidžiamas: {tag}; {advice}"),
    "html-remove": ("remove it", "pašalinkite"),
    "listed-clusters": ("data/clusters/ (the file name without .yml)", "data/clusters/ failų vardų (be .yml)"),
    "html-other": ("write plain Markdown without it", "rašykite paprastą Markdown be jo"),
    "html-img": ("use Markdown: ![alt text](path)", "rašykite Markdown: ![aprašymas](kelias)"),
    "html-a": ("use Markdown: [link text](https://...)", "rašykite Markdown: [nuorodos tekstas](https://...)"),
    "html-bold": ("use Markdown: **bold text**", "rašykite Markdown: **paryškintas tekstas**"),
    "html-italic": ("use Markdown: *italic text*", "rašykite Markdown: *kursyvas*"),
    "html-br": (
        "end the line with two spaces for a line break, or leave an empty line for a new paragraph",
        "eilutę baikite dviem tarpais, kad tekstas tęstųsi naujoje eilutėje, arba palikite tuščią eilutę naujai pastraipai",
    ),
    "html-p": ("leave an empty line between paragraphs", "tarp pastraipų palikite tuščią eilutę"),
    "html-heading": ("use Markdown: {hashes} Heading", "rašykite Markdown: {hashes} Antraštė"),
    "html-list": ("use Markdown: - item", "rašykite Markdown: - elementas"),
    "html-numbered": ("use Markdown: 1. item", "rašykite Markdown: 1. elementas"),
    "html-code": ("use Markdown: `code`", "rašykite Markdown: `kodas`"),
    "html-pre": ("use Markdown: a line ``` before and after the code", "rašykite Markdown: eilutė ``` prieš kodą ir po jo"),
    "html-quote": ("use Markdown: > quoted text", "rašykite Markdown: > cituojamas tekstas"),
    "html-hr": ("use Markdown: --- on a line of its own", "rašykite Markdown: --- atskiroje eilutėje"),
    "html-table": ("use a Markdown table: | a | b |", "rašykite Markdown lentelę: | a | b |"),
    "unsafe-link": (
        'unsafe link (got "{shown}"); only https://, http://, mailto: and paths are kept, so {fix}',
        "nesaugi nuoroda (gauta „{shown}“); paliekamos tik https://, http://, mailto: ir keliai, todėl {fix}",
    ),
    "link-https": ("link to an address starting with https://, or mailto: for e-mail", "nurodykite adresą, prasidedantį https://, arba mailto: el. paštui"),
    "unsafe-attributes": (
        "attributes that run scripts or link to scripts are not allowed (got {got}); remove it",
        "atributai, kurie paleidžia ar susieja scenarijus, neleidžiami (gauta {got}); pašalinkite juos",
    ),
    # notes, the publisher, the build's own lines
    "untranslated": (
        "{path}: {field}.en: no English text yet; the English page shows the Lithuanian text marked as not yet translated",
        "{path}: {field}.en: angliško teksto dar nėra; angliškame puslapyje rodomas lietuviškas tekstas su žyma, kad neišverstas",
    ),
    "publisher-missing": (
        "mkdocs.yml: extra.publisher.{key}: empty; write {what} (required before the site is published)",
        "mkdocs.yml: extra.publisher.{key}: tuščia; įrašykite {what} (privaloma prieš paskelbiant svetainę)",
    ),
    "publisher-name": ("the name of the body that runs the site", "svetainę tvarkančios institucijos pavadinimą"),
    "publisher-email": ("its e-mail address for questions about the site", "jos el. pašto adresą klausimams apie svetainę"),
    "publisher-address": ("its postal address", "jos pašto adresą"),
    "publisher-required": (
        "The site cannot be published without naming who runs it:\n{lines}",
        "Svetainės negalima paskelbti nenurodžius, kas ją tvarko:\n{lines}",
    ),
    "content-problems": (
        "The content has {count} {noun}; fix each one and build again:",
        "Turinyje rasta problemų: {count}; ištaisykite kiekvieną ir vėl paleiskite kūrimą:",
    ),
    "stub-no-cluster": (
        "{path}: no data/clusters/{slug}.yml for this page; run the build again (it rewrites the generated pages)",
        "{path}: šiam puslapiui nėra data/clusters/{slug}.yml; paleiskite kūrimą iš naujo (jis perrašo sugeneruotus puslapius)",
    ),
    "stub-no-group": (
        "{path}: no cluster has {kind} {key} (a stub left behind); run the build again (it rewrites the generated pages)",
        "{path}: nė vienas klasteris neturi {kind} {key} (likęs senas puslapis); paleiskite kūrimą iš naujo (jis perrašo sugeneruotus puslapius)",
    ),
    "serve-title": ("The content has problems", "Turinyje yra klaidų"),
    "serve-intro": ("The site was not built: {count} problem(s). Fix each one:", "Svetainė nesukurta: rasta problemų – {count}. Ištaisykite kiekvieną:"),
    "serve-after": (
        "When you save the fixed file this page reloads by itself (make check lists the same problems).",
        "Išsaugojus pataisytą failą, šis puslapis atsinaujins pats (tą patį sąrašą rodo ir make check).",
    ),
    # rules for what the site publishes (once only in the test suite)
    "working-note": (
        "a working note in public text (got {got}); readers would see it: remove it, or keep it as a # comment in a data file",
        "darbinė pastaba viešame tekste (gauta {got}); ją matytų skaitytojai: pašalinkite arba palikite kaip # komentarą duomenų faile",
    ),
    "shallow-sources": (
        "every source is a home page (got {got}); cite at least one exact page the facts were read on",
        "visi šaltiniai yra pagrindiniai puslapiai (gauta {got}); nurodykite bent vieną tikslų puslapį, kuriame faktai rasti",
    ),
    "no-sources": (
        "no source given; every news item, story and event must cite at least one: under sources: write the indented lines "
        "- url: https://… (the exact page the facts were read on) and title: … (publisher and page title)",
        "nenurodytas nė vienas šaltinis; kiekviena naujiena, sėkmės istorija ir renginys turi nurodyti bent vieną: po sources: įrašykite "
        "atitrauktas eilutes - url: https://… (tikslus puslapis, kuriame faktai rasti) ir title: … (leidėjas ir puslapio pavadinimas)",
    ),
    "summary-heading": ("| File | Line | Field | Problem |", "| Failas | Eilutė | Laukas | Problema |"),
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
    return template.format(**{k: _param(v, lang) for k, v in params.items()})


def _param(value: Any, lang: str) -> Any:
    """A parameter in `lang`: a message rendered, a list of lines one per line."""
    if isinstance(value, list | tuple):
        return "\n".join(str(in_lang(item, lang)) for item in value)
    return in_lang(value, lang)


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
