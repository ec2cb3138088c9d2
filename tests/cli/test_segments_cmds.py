"""CLI segments: TSV and JSON shapes, and/or/not, --children, --coder, --case, --attr, and clear errors."""

from __future__ import annotations

import json

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project

FOCUS = "P1: We use CAWNs. They work.\nP2: CAWNs are paper.\nP1: Hotels help.\n"


@pytest.fixture()
def env(project_path, passphrase, monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    with Project.open(project_path, passphrase, coder="alice") as p:
        turns, pos = [], 0
        for line in FOCUS.splitlines(keepends=True):
            turns.append((pos, pos + len(line) - 1, line[:2]))
            pos += len(line)
        doc = p.documents.add("Focus", FOCUS, kind="lscb", turns=turns)
        case = p.cases.add("Participant one")
        p.turns.map_speaker(doc.id, "P1", case.id)
        theme = p.codes.by_path("Voices", create=True)
        trust = p.codes.add("Trust", theme.id)
        doubt = p.codes.by_path("Doubt", create=True)
        s1 = FOCUS.index("We use CAWNs.")
        s2 = FOCUS.index("CAWNs are paper.")
        s3 = FOCUS.index("Hotels help.")
        p.codings.add(theme.id, doc.id, s1, s1 + 13)
        p.codings.add(trust.id, doc.id, s3, s3 + 12, coder="bob")
        p.codings.add(doubt.id, doc.id, s1 + 7, s1 + 12, coder="bob")
        p.codings.add(doubt.id, doc.id, s2, s2 + 16)
    return str(project_path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_tsv_shape_and_children(env, capsys):
    code, out, _ = run(capsys, "segments", env, "--code", "Voices")
    assert code == 0 and out == "Focus\t4\t17\tVoices\talice\tParticipant one\tWe use CAWNs.\n"
    code, out, _ = run(capsys, "segments", env, "--code", "Voices", "--children")
    assert out.splitlines() == ["Focus\t4\t17\tVoices\talice\tParticipant one\tWe use CAWNs.",
                                "Focus\t54\t66\tVoices/Trust\tbob\tParticipant one\tHotels help."]


def test_modes_coder_case_and_json(env, capsys):
    code, out, _ = run(capsys, "segments", env, "--code", "Voices", "--code", "Doubt", "--mode", "and", "--json")
    rows = json.loads(out)
    assert code == 0 and [(r["code"], r["start"], r["end"]) for r in rows] == [("Voices", 4, 17), ("Doubt", 11, 16)]
    assert rows[0] | {"coding_id": 0} == {
        "coding_id": 0, "document": "Focus", "document_id": rows[0]["document_id"], "start": 4, "end": 17,
        "code": "Voices", "coder": "alice", "cases": ["Participant one"], "speaker": "P1", "memo": "",
        "text": "We use CAWNs.", "before": "P1: ", "after": " They work.\nP2: CAWNs are paper."}
    _, out, _ = run(capsys, "segments", env, "--code", "Doubt", "--code", "Voices", "--mode", "not")
    assert out == "Focus\t33\t49\tDoubt\talice\t\tCAWNs are paper.\n"
    _, out, _ = run(capsys, "segments", env, "--code", "Doubt", "--code", "Voices", "--children", "--coder", "bob")
    assert [line.split("\t")[3] for line in out.splitlines()] == ["Doubt", "Voices/Trust"]
    _, out, _ = run(capsys, "segments", env, "--code", "Doubt", "--case", "Participant one")
    assert out == "Focus\t11\t16\tDoubt\tbob\tParticipant one\tCAWNs\n"
    _, out, _ = run(capsys, "segments", env, "--code", "Doubt", "--kind", "police")
    assert out == ""


def test_errors_are_one_line(env, capsys):
    code, _, err = run(capsys, "segments", env, "--code", "No/Such")
    assert code == 9 and err.count("\n") == 1 and "No code" in err
    code, _, err = run(capsys, "segments", env, "--code", "Voices", "--coder", "zed")
    assert code == 9 and "coder" in err
    code, _, err = run(capsys, "segments", env, "--code", "Voices", "--case", "Nobody")
    assert code == 9 and "case" in err
    code, _, err = run(capsys, "segments", env, "--code", "Voices", "--mode", "not")
    assert code == 11 and "two codes" in err and "Traceback" not in err
    code, _, err = run(capsys, "segments", env, "--code", "Voices", "--attr", "novalue")
    assert code == 2 and "NAME=VALUE" in err
