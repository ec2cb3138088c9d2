"""CLI suggest: TSV and JSON suggestions for a document and one code, --evaluate per code, nothing written
to the project, and clear errors for an unknown code or a bad threshold."""

from __future__ import annotations

import json

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project
from tests.suggest_material import CAWN, HOTELS, build


@pytest.fixture()
def env(project_path, passphrase, monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    with Project.open(project_path, passphrase, coder="alice") as p:
        build(p)
    return str(project_path)


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_suggest_tsv_json_and_scope(env, capsys, project_path, passphrase):
    with Project.open(project_path, passphrase, readonly=True) as p:
        changes = p.info().codings
    code, out, _ = run(capsys, "suggest", env, "--doc", "Suggest test 9")
    assert code == 0
    rows = [line.split("\t") for line in out.splitlines()]
    assert rows and all(r[0] == "Suggest test 9" and len(r) == 6 for r in rows)
    assert {r[3] for r in rows} <= {HOTELS, CAWN} and all(0.6 <= float(r[4]) <= 1 for r in rows)
    code, out, _ = run(capsys, "suggest", env, "--code", HOTELS, "--json")
    items = json.loads(out)
    assert items and {i["code"] for i in items} == {HOTELS}
    assert {"document", "start", "end", "confidence", "text", "speaker"} <= set(items[0])
    with Project.open(project_path, passphrase, readonly=True) as p:
        assert p.info().codings == changes  # suggesting writes nothing


def test_evaluate(env, capsys):
    code, out, _ = run(capsys, "suggest", env, "--evaluate", "--json")
    assert code == 0
    by = {r["code"]: r for r in json.loads(out)}
    assert by[HOTELS]["enough"] and by[HOTELS]["precision"] > 0.8 and by[HOTELS]["passages"] > 20
    assert by[HOTELS]["trust"].startswith("trust: ")
    code, out, _ = run(capsys, "suggest", env, "--evaluate")
    line = next(x for x in out.splitlines() if x.startswith(HOTELS + "\t"))
    assert "coded passages" in line


def test_errors(env, capsys):
    code, _out, err = run(capsys, "suggest", env, "--code", "No/Such code")
    assert code != 0 and "Traceback" not in err and err.strip()
    code, _out, err = run(capsys, "suggest", env, "--threshold", "1.5")
    assert code != 0 and "threshold" in err and "Traceback" not in err


def test_a_project_without_codings_says_so(tmp_path, passphrase, monkeypatch, capsys):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    path = tmp_path / "empty.qcse"
    Project.create(path, passphrase).close()
    for extra in ([], ["--evaluate"]):
        code, _out, err = run(capsys, "suggest", str(path), *extra)
        assert code != 0 and "no coded passages" in err and "unexpected" not in err
