"""How `make check` speaks: Lithuanian unless asked for English, its own report
last (no make noise after it), and under GitHub Actions every problem in the
step summary beyond the ten annotations GitHub shows."""

from __future__ import annotations

from check_support import make_check, run_check
from conftest import minimal_cluster


def test_make_check_ends_with_its_own_report_not_makes(fixture_repo):
    root = fixture_repo({"bandomasis": minimal_cluster(extra="county: nowhere\n")})
    failed = make_check(root)
    assert failed.returncode != 0
    assert failed.stderr.strip() == "1 problem found; fix each one and run `make check` again."
    assert "make:" not in failed.stdout + failed.stderr
    (root / "data" / "clusters" / "bandomasis.yml").write_text(minimal_cluster(), encoding="utf-8")
    passed = make_check(root)
    assert passed.returncode == 0 and passed.stdout.splitlines()[-1].startswith("OK: 1 clusters")


def test_check_speaks_lithuanian_unless_asked_for_english(fixture_repo):
    cluster = minimal_cluster(extra="website: litek\nfounded: 3000\nsektoriai: [ict]\n").replace(
        "summary:\n  lt: Bandomojo klasterio santrauka.\n  en: A test cluster's summary.\n", ""
    )
    root = fixture_repo({"bandomasis": cluster})
    lithuanian = make_check(root, lang="C.UTF-8")
    assert lithuanian.stdout.splitlines() == [
        "data/clusters/bandomasis.yml:1: summary: trūksta; šis laukas privalomas",
        'data/clusters/bandomasis.yml:6: website: ne interneto adresas (gauta "litek"); rašykite visą adresą, pradedant https://',
        "data/clusters/bandomasis.yml:7: founded: metai ateityje (gauta 3000); nurodykite, kuriais metais tai įvyko",
        "data/clusters/bandomasis.yml:8: sektoriai: nežinomas laukas; gal turėjote omenyje „sectors“? čia leidžiami: "
        + lithuanian.stdout.split("čia leidžiami: ")[1].splitlines()[0],
    ]
    assert lithuanian.stderr.strip() == "Rasta problemų: 4; ištaisykite kiekvieną ir vėl paleiskite `make check`."
    english = make_check(root, "--lang en", lang="C.UTF-8")
    assert english.stdout.splitlines()[0] == "data/clusters/bandomasis.yml:1: summary: missing; this field is required"
    assert make_check(root, lang="en_US.UTF-8").stdout == english.stdout
    (root / "data" / "clusters" / "bandomasis.yml").write_text(minimal_cluster(), encoding="utf-8")
    assert make_check(root, lang="C.UTF-8").stdout.splitlines()[-1] == ("Gerai: klasterių – 1, naujienų – 0, sėkmės istorijų – 0, renginių – 0; problemų nėra.")


def test_annotations_beyond_githubs_ten_also_go_to_the_step_summary(fixture_repo, capsys, monkeypatch, tmp_path):
    clusters = {f"c{i:02d}": minimal_cluster(extra="county: nowhere\n") for i in range(12)}
    root = fixture_repo(clusters)
    summary = tmp_path / "summary.md"
    monkeypatch.setenv("GITHUB_ACTIONS", "true")
    monkeypatch.setenv("GITHUB_STEP_SUMMARY", str(summary))
    code, output = run_check(root, capsys, "--lang", "en")
    assert code == 1
    assert sum(line.startswith("::error ") for line in output.splitlines()) == 10
    table = summary.read_text(encoding="utf-8").splitlines()
    assert table[2] == "| File | Line | Field | Problem |"
    rows = table[4:]
    assert len(rows) == 12 and rows[0].startswith('| data/clusters/c00.yml | 9 | county | unknown county (got "nowhere"); ')
