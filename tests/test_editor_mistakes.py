"""One verdict: every editor's mistake in editor_mistakes.py is caught by
`make check` with `file:line` and a fix, in Lithuanian unless English is
asked for, and a real build stops with the same lines; nothing ends in a
traceback. The Lithuanian lines are pinned in EXPECTED."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from check_support import run_check
from clustersite.model.site_data import load_site
from clustersite.model.ui_strings import check_wording, markup_in_wording
from clustersite.text.errors import ContentError
from clustersite.text.layout import UI_DIR
from clustersite.text.messages import Message
from clustersite.text.problems import Problem, Problems
from conftest import BUILD_DATE, copy_site_sources, minimal_cluster, replace_content, run_build
from editor_mistakes import MISTAKES

PROBLEM_LINE = re.compile(r"^(?:data|content)/[^:]+:\d+: ")


def repository(tmp_path: Path, name: str) -> Path:
    root = replace_content(copy_site_sources(tmp_path / "repo", content=False), {"bandomasis": minimal_cluster()})
    for relative, change in MISTAKES[name].items():
        path = root / relative
        path.parent.mkdir(parents=True, exist_ok=True)
        if change is None:
            path.unlink()
        elif isinstance(change, bytes):
            path.write_bytes(change)
        elif isinstance(change, str):
            path.write_text(change, encoding="utf-8")
        else:
            path.write_text(change(path.read_text(encoding="utf-8")), encoding="utf-8")
    return root


def problems_of(root: Path) -> list[Problem]:
    """What `make check` reports, as Problem objects (errors, else warnings and wording)."""
    try:
        site = load_site(root, BUILD_DATE)
    except ContentError as error:
        return error.problems
    found = Problems()
    check_wording(root, found)
    return sorted([*site.warnings, *markup_in_wording(root / UI_DIR), *found.sorted()])


def problem_lines(output: str) -> list[str]:
    """The problem lines of a check's or a build's output, without MkDocs' level prefix."""
    lines = (re.sub(r"^(?:ERROR|WARNING)\s+-\s+", "", line) for line in output.splitlines())
    return [line for line in lines if PROBLEM_LINE.match(line)]


@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_check_catches_each_mistake_in_lithuanian_with_its_line_and_a_fix(name, tmp_path, capsys, monkeypatch):
    root = repository(tmp_path, name)
    monkeypatch.setenv("LANG", "lt_LT.UTF-8")
    code, output = run_check(root, capsys)
    assert code == 1, output
    assert "Traceback" not in output
    assert problem_lines(output) == EXPECTED[name]
    for problem in problems_of(root):  # every message from the catalogue, and in Lithuanian it reads differently
        assert isinstance(problem.message, Message), problem
        assert problem.in_lang("lt") != problem.in_lang("en"), problem
    code, english = run_check(root, capsys, "--lang", "en")
    assert len(problem_lines(english)) == len(EXPECTED[name]) and problem_lines(english) != EXPECTED[name]


@pytest.mark.build
@pytest.mark.parametrize("name", sorted(MISTAKES))
def test_the_build_stops_with_the_same_lines(name, tmp_path):
    root = repository(tmp_path, name)
    build = run_build(root, tmp_path / "site", env_extra={"LANG": "lt_LT.UTF-8"})
    assert build.returncode != 0
    assert "Traceback" not in build.output
    assert problem_lines(build.output) == EXPECTED[name], build.output


EXPECTED: dict[str, list[str]] = {
    "cluster-file-ends-in-yaml": [
        "data/clusters/silas.yaml:1: klasterių failų vardai baigiasi .yml; pervadinkite",
    ],
    "cluster-file-name-with-capitals": [
        'data/clusters/Šilas.yml:1: failo vardas yra puslapio adresas: tik mažosios raidės a–z, skaitmenys ir brūkšneliai, ir ne „index“ (gauta "Šilas"); pervadinkite, pvz., silas.yml',
    ],
    "cluster-file-not-yaml": [
        "data/clusters/silas.txt:1: data/clusters/ aplanke gali būti tik <trumpinys>.yml failai; perkelkite arba ištrinkite šį",
    ],
    "date-in-the-future": [
        "data/clusters/x.yml:9: updated: data ateityje (gauta 2999-01-01)",
    ],
    "date-that-does-not-exist": [
        'data/clusters/x.yml:9: updated: tokio mėnesio 30 dienos nėra (gauta "2024-02-30"); patikrinkite datą',
    ],
    "email-without-at": [
        'data/clusters/x.yml:10: contact.email: ne el. pašto adresas (gauta "info.klasteris.lt"); rašykite, pvz., vardas@pavyzdys.lt',
    ],
    "event-address-not-a-link": [
        'content/renginiai/renginys.md:3: url: ne interneto adresas (gauta "renginys.lt"); rašykite visą adresą, pradedant https://',
    ],
    "event-date-and-time-mixed": [
        "content/renginiai/renginys.md:4: end: start ir end nurodykite vienodai: abu tik datas arba abu su laiku",
    ],
    "event-end-without-start": [
        "content/renginiai/renginys.md:3: end: nurodyta be pradžios (start); pridėkite start arba pašalinkite end",
    ],
    "event-ends-before-it-starts": [
        "content/renginiai/renginys.md:4: end: ankstesnė nei pradžia (gauta 2026-10-03 09:00); renginys baigiasi po to, kai prasideda",
    ],
    "event-series-with-spaces": [
        'content/renginiai/renginys.md:3: series: trumpas raktas iš mažųjų raidžių, skaitmenų ir brūkšnelių, bendras visiems leidimams, pvz., baltic-cluster-forum (gauta "Baltijos forumas")',
    ],
    "event-sources-empty-list": [
        "content/renginiai/renginys.md:4: sources: nenurodytas nė vienas šaltinis; kiekviena naujiena, sėkmės istorija ir renginys turi nurodyti bent vieną: po sources: įrašykite atitrauktas eilutes - url: https://… (tikslus puslapis, kuriame faktai rasti) ir title: … (leidėjas ir puslapio pavadinimas)",
    ],
    "event-time-without-date": [
        "content/renginiai/renginys.md:3: start: laikas be datos perskaitomas kaip skaičius (gauta 600); rašykite start: 2026-12-10 10:00",
    ],
    "file-too-large": [
        "data/clusters/x.yml:1: failas yra 1.1 MB; duomenų failai turi būti mažesni nei 1 MB – padalykite tekstą arba pašalinkite įterptus duomenis",
    ],
    "founded-in-the-future": [
        "data/clusters/x.yml:9: founded: metai ateityje (gauta 3000); nurodykite, kuriais metais tai įvyko",
    ],
    "founded-not-a-year": [
        'data/clusters/x.yml:9: founded: tikėtasi metų, pvz., 2011 (gauta "seniai")',
    ],
    "founded-too-early": [
        "data/clusters/x.yml:9: founded: per ankstyvi metai (gauta 1800); nurodykite metus nuo 1900",
    ],
    "front-matter-indented-with-tab": [
        "content/renginiai/renginys.md:4: 4 eilutėje yra tabuliacijos ženklas; atitraukite tarpais",
    ],
    "label-ends-before-it-is-awarded": [
        "data/clusters/x.yml:13: labels[0].valid_until: ankstesnė nei suteikimo data (gauta 2019-05-01); ženklas baigia galioti po suteikimo",
    ],
    "latitude-not-a-number": [
        'data/clusters/x.yml:10: location.lat: tikėtasi skaičiaus (gauta "penkiasdešimt keturi")',
    ],
    "latitude-outside-lithuania": [
        "data/clusters/x.yml:10: location.lat: už ribų (gauta 25.28); tikėtasi nuo 53.85 iki 56.5 (platuma Lietuvos ribose)",
        "data/clusters/x.yml:11: location.lon: už ribų (gauta 54.69); tikėtasi nuo 20.9 iki 26.9 (ilguma Lietuvos ribose)",
    ],
    "list-too-long": [
        "data/clusters/x.yml:9: members: daugiau nei 1000 elementų; palikite ne daugiau kaip 1000 (kiek reikia puslapiui), o dėl kitų nurodykite šaltinį",
    ],
    "lithuanian-text-blank": [
        "data/clusters/x.yml:2: name.lt: tuščias; užpildykite jį",
    ],
    "logo-missing": [
        'data/clusters/x.yml:9: logo: tokio failo nėra (gauta "data/logos/nera.svg"); pridėkite failą arba pataisykite kelią',
    ],
    "logo-not-an-image": [
        'data/clusters/x.yml:9: logo: ne paveikslėlio failas (gauta "data/logos/x.pdf"); naudokite vieną iš: .svg, .png, .jpg, .jpeg, .webp',
    ],
    "logo-not-what-its-name-says": [
        "data/clusters/x.yml:9: logo: failas nėra PNG paveikslėlis, nors taip pavadintas; eksportuokite jį iš naujo kaip PNG",
    ],
    "logo-outside-the-repository": [
        'data/clusters/x.yml:9: logo: kelias turi būti saugyklos viduje (gauta "../x.svg"); rašykite, pvz., data/logos/x.svg',
    ],
    "logo-svg-with-script": [
        "data/clusters/x.yml:9: logo: SVG faile yra <script>, o tai neleidžiama (scenarijai, įvykių apdorojimas, nuorodos į kitus failus); eksportuokite jį iš naujo kaip paprastą SVG",
    ],
    "logo-too-large": [
        "data/clusters/x.yml:9: logo: logotipas yra 601 KB; turi būti mažesnis nei 500 KB, eksportuokite 400 px pločio",
    ],
    "member-count-as-a-number": [
        "data/clusters/x.yml:9: member_count: tikėtasi laukų (value, as_of) (gauta 12); kiekvieną rašykite atskiroje eilutėje, atitrauktą po member_count:",
    ],
    "member-count-below-the-list": [
        "data/clusters/x.yml:10: member_count.value: mažiau nei išvardytų narių – 2 (gauta 1); pataisykite arba pašalinkite",
    ],
    "member-count-without-date": [
        "data/clusters/x.yml:10: member_count.as_of: trūksta; šis laukas privalomas",
    ],
    "month-13": [
        'data/clusters/x.yml:9: updated: 13 mėnesio nėra (gauta "2024-13-01"); rašykite datą MMMM-MM-DD, mėnesį nuo 01 iki 12',
    ],
    "nested-too-deep": [
        "data/clusters/x.yml:2: įdėta giliau nei 20 lygių; tiek nereikia jokiam laukui, pašalinkite nereikalingus skliaustus arba atitraukimus",
    ],
    "news-broken-link-in-text": [
        'content/naujienos/2024-03-05-naujiena.md:7: tokio failo nėra (gauta "2024-01-01-nera.md"); pataisykite kelią arba pridėkite failą',
    ],
    "news-date-differs-from-file-name": [
        "content/naujienos/2024-03-05-naujiena.md:3: date: nesutampa su data failo varde (gauta 2024-03-06, failo varde 2024-03-05); suvienodinkite",
    ],
    "news-english-file-changes-a-shared-field": [
        'content/naujienos/2024-03-05-naujiena.en.md:3: tags: skiriasi nuo lietuviško failo (gauta "eu-funding", content/naujienos/2024-03-05-naujiena.md yra "inolink"); rašykite tą patį arba angliškame faile šį lauką praleiskite',
    ],
    "news-english-title-blank": [
        "content/naujienos/2024-03-05-naujiena.en.md:2: title: tuščias; užpildykite jį",
    ],
    "news-file-name-without-date": [
        'content/naujienos/be-datos-naujiena.md:1: failo vardas yra puslapio adresas ir turi atrodyti taip: mmmm-mm-dd-trumpas-vardas, pvz., 2020-02-20-inolink (gauta "be-datos-naujiena"); pervadinkite',
    ],
    "news-front-matter-a-list": [
        "content/naujienos/2024-03-05-naujiena.md:2: antraštėje turi būti laukai, pvz., „title: ...“",
    ],
    "news-front-matter-not-closed": [
        "content/naujienos/2024-03-05-naujiena.md:1: antraštės laukai neuždaryti; po laukų pridėkite eilutę „---“",
    ],
    "news-image-without-description": [
        "content/naujienos/2024-03-05-naujiena.en.md:2: image_alt: trūksta; aprašykite paveikslėlį šio failo kalba (nurodytas image)",
        "content/naujienos/2024-03-05-naujiena.md:2: image_alt: trūksta; aprašykite paveikslėlį šio failo kalba (nurodytas image)",
    ],
    "news-image-outside-its-folder": [
        'content/naujienos/2024-03-05-naujiena.md:4: image: naujienų paveikslėliai dedami į data/images/, jų vardai – mažosios raidės a–z, skaitmenys ir brūkšneliai (gauta "data/news/Forumas.png"); perkelkite failą ir rašykite, pvz., data/images/forumas.png',
    ],
    "news-raw-html-in-text": [
        "content/naujienos/2024-03-05-naujiena.md:7: Markdown tekste HTML neleidžiamas: <b>; rašykite Markdown: **paryškintas tekstas**",
    ],
    "news-script-in-english-text": [
        "content/naujienos/2024-03-05-naujiena.en.md:5: Markdown tekste HTML neleidžiamas: <script>; pašalinkite",
    ],
    "news-sources-left-blank": [
        "content/naujienos/2024-03-05-naujiena.md:4: sources: nenurodytas nė vienas šaltinis; kiekviena naujiena, sėkmės istorija ir renginys turi nurodyti bent vieną: po sources: įrašykite atitrauktas eilutes - url: https://… (tikslus puslapis, kuriame faktai rasti) ir title: … (leidėjas ir puslapio pavadinimas)",
    ],
    "news-unknown-cluster": [
        'content/naujienos/2024-03-05-naujiena.md:4: clusters[0]: nežinoma reikšmė (gauta "bandomas"); gal turėjote omenyje „bandomasis“? rašykite vieną iš: data/clusters/ failų vardų (be .yml)',
    ],
    "news-unknown-tag": [
        'content/naujienos/2024-03-05-naujiena.md:4: tags[0]: nežinoma reikšmė (gauta "naujiena"); rašykite vieną iš: inolink, eu-funding, cluster-policy, eu-projects, labels, international, events, food, photonics, health, automotive, manufacturing, creative-industries, maritime, energy',
    ],
    "news-without-english-file": [
        "content/naujienos/2024-03-05-naujiena.md:1: vertimas: nėra angliškos versijos; pridėkite content/naujienos/2024-03-05-naujiena.en.md bent su išverstu pavadinimu",
    ],
    "news-without-front-matter": [
        "content/naujienos/2024-03-05-naujiena.md:1: nėra antraštės laukų; failą pradėkite eilute „---“, tada laukai ir dar viena eilutė „---“",
    ],
    "news-without-lithuanian-file": [
        "content/naujienos/2024-03-05-naujiena.en.md:1: vertimas: nėra lietuviškos versijos; pridėkite content/naujienos/2024-03-05-naujiena.lt.md (lietuviškas puslapis yra pagrindinis)",
    ],
    "news-without-sources": [
        "content/naujienos/2024-03-05-naujiena.md:2: sources: nenurodytas nė vienas šaltinis; kiekviena naujiena, sėkmės istorija ir renginys turi nurodyti bent vieną: po sources: įrašykite atitrauktas eilutes - url: https://… (tikslus puslapis, kuriame faktai rasti) ir title: … (leidėjas ir puslapio pavadinimas)",
    ],
    "news-working-note-in-text": [
        'content/naujienos/2024-03-05-naujiena.md:7: darbinė pastaba viešame tekste (gauta "TODO"); ją matytų skaitytojai: pašalinkite arba palikite kaip # komentarą duomenų faile',
    ],
    "not-utf8": [
        "data/clusters/x.yml:1: failas nėra UTF-8 tekstas; išsaugokite jį UTF-8 koduote",
    ],
    "page-with-iframe": [
        "content/apie-nauja.md:3: Markdown tekste HTML neleidžiamas: <iframe …>; pašalinkite",
    ],
    "phone-in-words": [
        'data/clusters/x.yml:10: contact.phone: ne telefono numeris; rašykite, pvz., +370 5 123 4567 (gauta "skambinkite darbo dienomis")',
    ],
    "raw-html-in-description": [
        "data/clusters/x.yml:10: description.lt: Markdown tekste HTML neleidžiamas: <b>; rašykite Markdown: **paryškintas tekstas**",
    ],
    "required-field-blank": [
        "data/clusters/x.yml:1: name: tuščias; užpildykite jį",
    ],
    "required-field-missing": [
        "data/clusters/x.yml:1: name: trūksta; šis laukas privalomas",
    ],
    "sector-by-its-name": [
        'data/clusters/x.yml:9: sectors[0]: nežinoma reikšmė (gauta "IRT"); gal turėjote omenyje ict (IRT)? rašykite vieną iš: agro-food, energy-construction, manufacturing-engineering, ict, creative-industries, health, transport, tourism',
    ],
    "sector-listed-twice": [
        'data/clusters/x.yml:9: sectors[1]: įrašyta du kartus (gauta "ict"); palikite vieną',
    ],
    "sectors-not-a-list": [
        'data/clusters/x.yml:9: sectors: tikėtasi sąrašo (gauta "ict, health"); kiekvieną elementą pradėkite „- “',
    ],
    "source-only-a-home-page": [
        'data/clusters/x.yml:7: sources: visi šaltiniai yra pagrindiniai puslapiai (gauta "https://example.org/"); nurodykite bent vieną tikslų puslapį, kuriame faktai rasti',
    ],
    "sources-empty": [
        "data/clusters/x.yml:7: sources: tuščias sąrašas; įrašykite bent vieną reikšmę",
    ],
    "story-two-required-fields-blank": [
        "content/sekmes-istorijos/istorija.md:2: clusters: trūksta; šis laukas privalomas",
        "content/sekmes-istorijos/istorija.md:3: date: tuščias; užpildykite jį",
        "content/sekmes-istorijos/istorija.md:4: summary: tuščias; užpildykite jį",
    ],
    "story-without-clusters": [
        "content/sekmes-istorijos/istorija.md:2: clusters: trūksta; šis laukas privalomas",
    ],
    "text-instead-of-languages": [
        'data/clusters/x.yml:1: name: tikėtasi laukų (lt, en) (gauta "Bandomasis klasteris"); kiekvieną rašykite atskiroje eilutėje, atitrauktą po name:',
    ],
    "text-too-long": [
        "data/clusters/x.yml:5: summary.lt: per ilgas: simbolių 659, leidžiama ne daugiau kaip 200; sutrumpinkite",
    ],
    "unknown-county": [
        'data/clusters/x.yml:9: county: nežinoma reikšmė (gauta "vilniaus"); gal turėjote omenyje „vilnius“? rašykite vieną iš: alytus, kaunas, klaipeda, marijampole, panevezys, siauliai, taurage, telsiai, utena, vilnius',
    ],
    "unknown-field": [
        "data/clusters/x.yml:9: sumary: nežinomas laukas; gal turėjote omenyje „summary“? čia leidžiami: name, summary, description, sectors, county, city, location, founded, website, contact, coordinator, members, member_count, labels, maturity, open_to_members, join, programmes, logo, sources, updated",
    ],
    "unknown-label-level": [
        'data/clusters/x.yml:10: labels[0].level: nežinoma reikšmė (gauta "platinum"); rašykite vieną iš: bronze, silver, gold',
    ],
    "unknown-member-type": [
        'data/clusters/x.yml:11: members[0].type: nežinoma reikšmė (gauta "imone"); rašykite vieną iš: company, research, education, public, association, other',
    ],
    "unknown-sector": [
        'data/clusters/x.yml:9: sectors[0]: nežinoma reikšmė (gauta "maistas"); rašykite vieną iš: agro-food, energy-construction, manufacturing-engineering, ict, creative-industries, health, transport, tourism',
    ],
    "unsafe-link-in-description": [
        "data/clusters/x.yml:10: description.lt: nesaugi nuoroda (gauta „javascript:alert(1)“); paliekamos tik https://, http://, mailto: ir keliai, todėl pašalinkite",
    ],
    "vocabulary-file-deleted": [
        "data/programmes.yml:1: failo nėra; atkurkite jį iš saugyklos",
    ],
    "vocabulary-key-with-capitals": [
        "data/tags.yml:1: Inovacijos: raktą gali sudaryti tik mažosios raidės, skaitmenys ir brūkšneliai",
    ],
    "vocabulary-term-without-english": [
        "data/counties.yml:2: vilnius.en: trūksta; šis laukas privalomas",
    ],
    "website-without-https": [
        'data/clusters/x.yml:9: website: ne interneto adresas (gauta "www.klasteris.lt"); rašykite visą adresą, pradedant https://',
    ],
    "wording-key-removed": [
        "data/ui/en.yml:1: social.image_alt: trūksta; jį naudoja overrides/main.html; įrašykite jį į šį failą",
    ],
    "wording-placeholder-renamed": [
        "data/ui/en.yml:9: home.figure.members_note.one: vietos žymės skiriasi nuo data/ui/lt.yml (ten {count}, {known}, čia {count}, {zinomi}); rašykite tuos pačius vardus riestiniuose skliaustuose",
    ],
    "working-note-in-a-value": [
        'data/clusters/x.yml:9: darbinė pastaba viešame tekste (gauta "⚠"); ją matytų skaitytojai: pašalinkite arba palikite kaip # komentarą duomenų faile',
        "data/clusters/x.yml:9: city: miesto „⚠ Vilnius?“ nėra data/geo/cities.yml; įrašykite jį ten su koordinatėmis ir jų šaltiniu (žr. data/geo/README.md) arba pataisykite rašybą",
    ],
    "yaml-anchor-and-alias": [
        "data/clusters/x.yml:9: YAML inkarai (&) ir nuorodos (*) neleidžiami; parašykite visą reikšmę (tekstą, prasidedantį * ar &, rašykite kabutėse)",
        "data/clusters/x.yml:10: YAML inkarai (&) ir nuorodos (*) neleidžiami; parašykite visą reikšmę (tekstą, prasidedantį * ar &, rašykite kabutėse)",
    ],
    "yaml-backslash-in-double-quotes": [
        "data/clusters/x.yml:5: netinkamas YAML: kabutėse \"...\" atvirkštinis brūkšnys pradeda valdymo seką; rašykite viengubose kabutėse ('...') arba \\\\",
    ],
    "yaml-byte-order-mark": [
        "data/clusters/x.yml:1: failo pradžioje yra nematomas baitų tvarkos ženklas (BOM); išsaugokite failą kaip UTF-8 be BOM",
    ],
    "yaml-colon-in-value": [
        'data/clusters/x.yml:5: netinkamas YAML: reikšmėje yra dvitaškis su tarpu arba eilutė atitraukta per toli; reikšmę rašykite kabutėse ("...") arba pataisykite atitraukimą',
    ],
    "yaml-indentation": [
        "data/clusters/x.yml:3: netinkamas YAML: ši eilutė nedera su aplinkiniais laukais; atitraukite ją taip pat kaip kaimynines, o jei reikšmė prasideda kabutėmis, [ ar {, visą reikšmę rašykite kabutėse",
    ],
    "yaml-key-twice": [
        "data/clusters/x.yml:10: founded: nurodytas du kartus toje pačioje vietoje; palikite vieną",
    ],
    "yaml-list-item-without-dash": [
        "data/clusters/x.yml:11: netinkamas YAML: sąrašo elementas turi prasidėti „- “ ir būti atitrauktas taip pat kaip ankstesni",
    ],
    "yaml-quote-inside-single-quotes": [
        "data/clusters/x.yml:5: netinkamas YAML: ši eilutė nedera su aplinkiniais laukais; atitraukite ją taip pat kaip kaimynines, o jei reikšmė prasideda kabutėmis, [ ar {, visą reikšmę rašykite kabutėse",
    ],
    "yaml-tab-indentation": [
        "data/clusters/x.yml:2: 2 eilutėje yra tabuliacijos ženklas; atitraukite tarpais",
    ],
    "yaml-tag": [
        "data/clusters/x.yml:5: netinkamas YAML: reikšmė, prasidedanti !, yra YAML žymė, kurios svetainė nenaudoja; reikšmę rašykite kabutėse",
    ],
    "yaml-two-documents": [
        "data/clusters/x.yml:9: netinkamas YAML: eilutė „---“ pradeda antrą dokumentą; faile gali būti tik vienas, pašalinkite perteklinę „---“",
    ],
    "yaml-unclosed-double-quote": [
        "data/clusters/x.yml:5: netinkamas YAML: šioje eilutėje atidarytos kabutės neuždarytos; pridėkite uždarančias kabutes",
    ],
    "yaml-unclosed-list": [
        "data/clusters/x.yml:10: netinkamas YAML: sąrašas laužtiniuose skliaustuose, prasidedantis 9 eilutėje, neuždarytas ] arba jo elementai neatskirti kableliais",
    ],
    "yaml-unclosed-mapping": [
        "data/clusters/x.yml:2: netinkamas YAML: laukai riestiniuose skliaustuose, prasidedantys 1 eilutėje, neuždaryti } arba neatskirti kableliais",
    ],
    "yaml-value-starts-with-at": [
        "data/clusters/x.yml:5: netinkamas YAML: reikšmė negali prasidėti @ ar `; visą reikšmę rašykite kabutėse",
    ],
    "yaml-value-starts-with-star": [
        'data/clusters/x.yml:5: netinkamas YAML: reikšmė, prasidedanti *, laikoma nuoroda; visą reikšmę rašykite kabutėse ("*...*")',
    ],
    "yes-in-lithuanian": [
        'data/clusters/x.yml:9: open_to_members: tikėtasi true (taip) arba false (ne) (gauta "taip")',
    ],
}
