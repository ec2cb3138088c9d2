"""The CLI contract for the core commands: outputs, one-line errors, exit codes, nothing changed on failure."""

from __future__ import annotations

import hashlib
import json
import os
import subprocess
import sys

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project


def run(args, passphrase, capsys, env_pass=True):
    if env_pass:
        os.environ["QUALCODER_CSE_PASSPHRASE"] = passphrase
    try:
        code = main(args)
    finally:
        os.environ.pop("QUALCODER_CSE_PASSPHRASE", None)
    out, err = capsys.readouterr()
    return code, out, err


def test_new_info_codes(tmp_path, passphrase, capsys):
    path = str(tmp_path / "new.qcse")
    code, out, _ = run(["new", path, "--coder", "alice"], passphrase, capsys)
    assert code == 0 and "created" in out
    code, out, _ = run(["info", path, "--json"], passphrase, capsys)
    info = json.loads(out)
    assert info["codes"] == 93 and info["documents"] == 0 and info["coders"] == 1 and info["schema_version"] >= 1
    code, out, _ = run(["codes", path, "--json"], passphrase, capsys)
    rows = json.loads(out)
    paths = [r["path"] for r in rows]
    assert "Disruption/Child Abduction Warning Notices" in paths
    assert {"path", "description", "colour", "codings"} <= set(rows[0])
    code, out, _ = run(["new", str(tmp_path / "empty.qcse"), "--framework", "none"], passphrase, capsys)
    code, out, _ = run(["info", str(tmp_path / "empty.qcse"), "--json"], passphrase, capsys)
    assert json.loads(out)["codes"] == 0


def test_code_codings_text_search(project_path, passphrase, capsys):
    p = str(project_path)
    code, out, err = run(["code", p, "--doc", "Police lead 1", "--code", "Disruption/Child Abduction Warning Notices",
                          "--start", "0", "--end", "4", "--coder", "bob"], passphrase, capsys)
    assert code == 0, err
    code, out, err = run(["code", p, "--doc", "1", "--code", "New theme/New code", "--start", "5", "--end", "8",
                          "--create", "--memo", "why"], passphrase, capsys)
    assert code == 0, err
    code, out, _ = run(["codings", p, "--json"], passphrase, capsys)
    rows = json.loads(out)
    assert [(r["code"], r["coder"], r["start"], r["end"], r["text"]) for r in rows] == [
        ("Disruption/Child Abduction Warning Notices", "bob", 0, 4, "INT:"),
        ("New theme/New code", "alice", 5, 8, "Can"),  # the creator is the default coder
    ]
    assert rows[1]["memo"] == "why" and rows[0]["document"] == "Police lead 1"
    code, out, _ = run(["codings", p, "--json", "--coder", "bob"], passphrase, capsys)
    assert len(json.loads(out)) == 1
    code, out, _ = run(["text", p, "Board focus group"], passphrase, capsys)
    assert out.startswith("[Facilitator] How do partners share information?\n") and "😀" in out
    code, out, _ = run(["search", p, "police", "--json"], passphrase, capsys)
    hits = json.loads(out)
    assert hits and {"document", "start", "end", "snippet"} <= set(hits[0])
    with Project.open(project_path, passphrase, readonly=True) as project:
        for h in hits:
            doc = project.documents.by_name(h["document"])
            assert project.documents.text(doc.id)[h["start"]:h["end"]].lower() == "police"
    code, out, _ = run(["docs", p, "--json"], passphrase, capsys)
    docs = json.loads(out)
    assert {d["name"] for d in docs} == {"Police lead 1", "Board focus group", "Young people chat"}
    assert {"id", "name", "kind", "words", "attributes"} <= set(docs[0])


@pytest.mark.parametrize(
    "args, message",
    [
        (["code", "{p}", "--doc", "Nope", "--code", "Disruption", "--start", "0", "--end", "3"], "No document"),
        (["code", "{p}", "--doc", "1", "--code", "No/Such", "--start", "0", "--end", "3"], "No code"),
        (["code", "{p}", "--doc", "1", "--code", "Disruption", "--start", "0", "--end", "99999"], "not inside"),
        (["text", "{p}", "Missing doc"], "No document"),
    ],
)
def test_user_errors_are_one_line_and_change_nothing(project_path, passphrase, capsys, args, message):
    before = hashlib.sha256(project_path.read_bytes()).digest()
    code, out, err = run([a.format(p=project_path) for a in args], passphrase, capsys)
    assert code != 0
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert hashlib.sha256(project_path.read_bytes()).digest() == before


def test_errors_from_a_real_process(project_path, tmp_path, passphrase):
    """Through the installed entry point: wrong passphrase, not a project, locked: one line, no traceback."""
    env = dict(os.environ, QUALCODER_CSE_PASSPHRASE="wrong")
    exe = [sys.executable, "-m", "qualcoder_cse"]
    r = subprocess.run(exe + ["info", str(project_path)], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode != 0 and "Wrong passphrase" in r.stderr and "Traceback" not in r.stderr
    assert r.stderr.count("\n") == 1
    junk = tmp_path / "junk.qcse"
    junk.write_bytes(b"hello" * 100)
    env["QUALCODER_CSE_PASSPHRASE"] = passphrase
    r = subprocess.run(exe + ["info", str(junk)], env=env, capture_output=True, text=True, timeout=60)
    assert r.returncode != 0 and "Traceback" not in r.stderr and r.stderr.strip()
    with Project.open(project_path, passphrase):
        r = subprocess.run(exe + ["code", str(project_path), "--doc", "1", "--code", "Disruption", "--start", "0",
                                  "--end", "2"], env=env, capture_output=True, text=True, timeout=60)
        assert r.returncode != 0 and "already open" in r.stderr and "Traceback" not in r.stderr
    r = subprocess.run(exe + ["info", str(project_path)], env={k: v for k, v in env.items()
                       if k != "QUALCODER_CSE_PASSPHRASE"}, capture_output=True, text=True, timeout=60,
                       stdin=subprocess.DEVNULL)
    assert r.returncode != 0 and "QUALCODER_CSE_PASSPHRASE" in r.stderr


def test_rekey_and_backup(project_path, tmp_path, passphrase, capsys):
    newfile = tmp_path / "new.txt"
    newfile.write_text("brand new passphrase\n")
    code, out, err = run(["rekey", str(project_path), "--new-passphrase-file", str(newfile)], passphrase, capsys)
    assert code == 0, err
    code, out, err = run(["info", str(project_path)], passphrase, capsys)
    assert code != 0 and "Wrong passphrase" in err
    code, out, err = run(["backup", str(project_path), str(tmp_path / "b.qcse")], "brand new passphrase", capsys)
    assert code == 0, err
    code, out, err = run(["info", str(tmp_path / "b.qcse"), "--json"], "brand new passphrase", capsys)
    assert json.loads(out)["documents"] == 3


def test_passphrase_file_option(project_path, tmp_path, passphrase, capsys):
    pf = tmp_path / "pass.txt"
    pf.write_text(passphrase + "\n")
    code, out, err = run(["info", str(project_path), "--passphrase-file", str(pf)], passphrase, capsys, env_pass=False)
    assert code == 0, err


def test_doc_argument_numbers_ids_and_clashes(project_path, passphrase, capsys):
    with Project.open(project_path, passphrase) as p:
        first = p.documents.list()[0]
        named = p.documents.add(str(first.id), "A document whose name is a number.\n", kind="police")
        assert named.id != first.id
    for ref, expected in [("²", "No document called '²'"), ("99999999999999999999999", "No document called"),
                          (str(first.id), "write #"), ("#987654", "No document with id 987654")]:
        code, out, err = run(["text", str(project_path), ref], passphrase, capsys)
        assert code != 0 and out == "" and expected in err and "unexpected" not in err
    code, out, _ = run(["text", str(project_path), f"#{named.id}"], passphrase, capsys)
    assert code == 0 and out.startswith("A document whose name is a number.")
    code, out, _ = run(["text", str(project_path), f"#{first.id}"], passphrase, capsys)
    assert code == 0 and not out.startswith("A document whose name is a number.")
