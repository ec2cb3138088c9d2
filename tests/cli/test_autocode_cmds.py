"""CLI: autocode, cases, attributes --import, speakers, and search output, run through qualcoder_cse.cli.main."""

from __future__ import annotations

import json

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project

FOCUS = "P1: We use CAWNs. They work.\nP2: CAWNs are paper.\nP1: Hotels help.\n"


@pytest.fixture()
def env(project_path, passphrase, monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    with Project.open(project_path, passphrase) as p:
        turns, pos = [], 0
        for line in FOCUS.splitlines(keepends=True):
            turns.append((pos + 4, pos + len(line) - 1, line[:2]))
            pos += len(line)
        p.documents.add("Focus", FOCUS, kind="lscb", turns=turns)
    return str(project_path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_autocode_pattern_sentence_then_again_skips(env, capsys, passphrase):
    code, out, _err = run(capsys, "autocode", env, "--code", "Disruption/Child Abduction Warning Notices",
                         "--pattern", r"cawns?", "--scope", "sentence", "--coder", "bob")
    assert code == 0 and out == "made 2 codings\n"
    code, out, _ = run(capsys, "autocode", env, "--code", "Disruption/Child Abduction Warning Notices",
                       "--pattern", r"cawns?", "--scope", "sentence", "--coder", "bob")
    assert out == "made 0 codings (2 already coded)\n"
    with Project.open(env, passphrase, readonly=True) as p:
        texts = sorted(p.codings.text(c) for c in p.codings.list())
    assert texts == ["CAWNs are paper.", "We use CAWNs."]


def test_autocode_speaker_creates_code_and_json(env, capsys):
    code, out, _ = run(capsys, "autocode", env, "--code", "Voices/P1", "--speaker", "P1", "--create", "--json")
    assert code == 0 and json.loads(out) == {
        "code": "Voices/P1", "scope": "hit", "segments": 2, "codings": 2, "documents": 1}


def test_autocode_errors_are_one_line(env, capsys):
    code, _out, err = run(capsys, "autocode", env, "--code", "No/Such", "--pattern", "x")
    assert code != 0 and err.count("\n") == 1 and "No code" in err and "Traceback" not in err
    code, _, err = run(capsys, "autocode", env, "--code", "Disruption", "--pattern", "(")
    assert code != 0 and "regular expression" in err
    code, _, err = run(capsys, "autocode", env, "--code", "Disruption")
    assert code != 0 and "--pattern" in err


def test_speakers_map_and_cases(env, capsys):
    code, out, _ = run(capsys, "speakers", env, "--json")
    assert json.loads(out) == [{"speaker": "P1", "turns": 2, "case": None}, {"speaker": "P2", "turns": 1, "case": None}]
    code, out, _ = run(capsys, "speakers", env, "--map", "P1=Board manager A", "--map", "P2=Health lead")
    assert code == 0 and "P1\t2 turns\tBoard manager A" in out
    run(capsys, "cases", env, "--presets", "--set", "Board manager A:Participant group=LSCB/partner",
        "--set", "Board manager A:Police force=GMP")
    code, out, _ = run(capsys, "cases", env, "--json")
    rows = {r["name"]: r for r in json.loads(out)}
    assert rows["Board manager A"]["turns"] == 2 and rows["Health lead"]["turns"] == 1
    assert rows["Board manager A"]["attributes"] == {
        "Participant group": "LSCB/partner", "Police force": "Greater Manchester Police"}
    run(capsys, "cases", env, "--pseudonymise-forces", "on")
    code, out, _ = run(capsys, "cases", env, "--json")
    shown = {r["name"]: r for r in json.loads(out)}["Board manager A"]["attributes"]["Police force"]
    assert shown.startswith("Force ") and "Manchester" not in out
    code, _, err = run(capsys, "speakers", env, "--map", "P9=X")
    assert code != 0 and "No speaker" in err
    code, out, _ = run(capsys, "autocode", env, "--code", "Voices/Partners", "--create",
                       "--group", "Participant group=LSCB/partner")
    assert code == 0 and out == "made 2 codings\n"


def test_attributes_import_report(env, capsys, tmp_path):
    run(capsys, "cases", env, "--add", "DI 1", "--presets")
    sheet = tmp_path / "a.csv"
    sheet.write_text("name,Role,Participant group\nDI 1,Detective inspector,Police\nGhost,x,Police\n", "utf-8")
    code, out, _ = run(capsys, "attributes", env, "--import", str(sheet))
    assert code == 0 and "1 matched a case" in out and "Unmatched row 3: no case called 'Ghost'" in out
    code, out, _ = run(capsys, "attributes", env, "--json")
    assert {a["name"] for a in json.loads(out)} >= {"Role", "Participant group", "Police force"}


def test_search_output_shape(env, capsys):
    _code, out, _ = run(capsys, "search", env, "cawns", "--json")
    rows = json.loads(out)
    assert [(r["document"], r["start"], r["end"]) for r in rows] == [("Focus", 11, 16), ("Focus", 33, 38)]
    assert all(set(r) >= {"document", "start", "end", "snippet"} for r in rows)


def test_autocode_dry_run_with_create_counts_and_creates_nothing(env, capsys, passphrase):
    code, out, err = run(capsys, "autocode", env, "--code", "New theme/Hotels", "--create", "--dry-run",
                         "--pattern", "hotels?", "--doc", "Focus")
    assert code == 0 and err == "" and out == "would code 1 segments in 1 documents\n"
    with Project.open(env, passphrase, readonly=True) as p:
        assert not any(c.path.startswith("New theme") for c in p.codes.list())


def test_autocode_bad_pattern_leaves_no_stray_code(env, capsys, passphrase):
    code, out, err = run(capsys, "autocode", env, "--code", "Stray", "--create", "--pattern", "(unclosed")
    assert code != 0 and out == "" and "not a valid regular expression" in err
    with Project.open(env, passphrase, readonly=True) as p:
        assert not any(c.path == "Stray" for c in p.codes.list())
