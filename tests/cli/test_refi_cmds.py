"""CLI: export-refi, import-refi and merge through qualcoder_cse.cli.main, including their failure lines."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project
from qualcoder_cse.interchange.refi_import import import_refi
from tests.interchange.refi_helpers import shared

SAMPLES = shared("samples")


@pytest.fixture()
def env(project_path, passphrase, monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    with Project.open(project_path, passphrase, coder="alice") as p:
        doc = p.documents.by_name("Board focus group")
        code = p.codes.by_path("Mine/Emoji", create=True)
        p.codings.add(code.id, doc.id, 0, 13)
    return project_path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_export_import_round_trip_on_the_command_line(env, tmp_path, capsys, passphrase):
    code, out, err = run(capsys, "export-refi", env, tmp_path / "out.qdpx")
    assert code == 0 and out.startswith(f"wrote {tmp_path / 'out.qdpx'} (") and "codings: 1" in out
    code, out, err = run(capsys, "import-refi", tmp_path / "out.qdpx", tmp_path / "new.qcse", "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["counts"]["codings"] == 1 and report["not_carried_over"] == []
    with Project.open(tmp_path / "new.qcse", passphrase, readonly=True) as p:
        assert [c.path for c in p.codes.list() if c.path.startswith("Mine")] == ["Mine", "Mine/Emoji"]
    code, out, err = run(capsys, "export-refi", env, tmp_path / "book.qdc")
    assert code == 0 and "codes:" in out


def test_import_sample_prints_report(env, tmp_path, capsys):
    code, out, _err = run(
        capsys, "import-refi", SAMPLES / "taguette141_uto_tag" / "codebook.qdc", tmp_path / "t.qcse"
    )
    assert code == 0
    assert out.splitlines()[0] == "imported codebook.qdc (codebook, written by Taguette 1.4.1)"
    assert "tolerated:" in out and "Sets" in out and out.rstrip().endswith(f"created {tmp_path / 't.qcse'}")


def test_failures_are_one_line_and_leave_nothing(env, tmp_path, capsys):
    bad = tmp_path / "bad.qdpx"
    bad.write_bytes(b"nope")
    code, out, err = run(capsys, "import-refi", bad, tmp_path / "x.qcse")
    assert code != 0 and out == "" and len(err.strip().splitlines()) == 1 and "not a .qdpx" in err
    assert not (tmp_path / "x.qcse").exists()
    code, out, err = run(capsys, "import-refi", SAMPLES / "taguette141_uto_tag" / "codebook.qdc", env)
    assert code != 0 and "already exists" in err
    code, out, err = run(capsys, "export-refi", env, tmp_path / "x.txt")
    assert code != 0 and ".qdpx" in err and not (tmp_path / "x.txt").exists()
    code, out, err = run(capsys, "import-refi", tmp_path / "missing.qdpx", tmp_path / "y.qcse")
    assert code != 0 and "no such file" in err


def test_merge_command(env, tmp_path, capsys, passphrase):
    other = tmp_path / "bob.qcse"
    shutil.copyfile(env, other)
    with Project.open(other, passphrase, coder="bob") as p:
        doc = p.documents.by_name("Police lead 1")
        p.codings.add(p.codes.by_path("Mine/Emoji").id, doc.id, 5, 9)
    secret = tmp_path / "other.pw"
    secret.write_text(passphrase + "\n")
    code, out, err = run(capsys, "merge", env, other, "--dry-run")
    assert code == 0 and out.startswith("would merge bob.qcse (dry run") and "codings added: 1" in out
    with Project.open(env, passphrase, readonly=True) as p:
        assert p.coders.by_name("bob") is None
    code, out, err = run(capsys, "merge", env, other, "--other-passphrase-file", secret)
    assert code == 0, err
    assert out.splitlines()[0] == "merged bob.qcse" and "codings added: 1" in out and "conflicts: none" in out
    code, out, err = run(capsys, "merge", env, other, "--json")
    assert json.loads(out)["counts"]["codings added"] == 0
    code, out, err = run(capsys, "codings", env, "--coder", "bob", "--json")
    assert code == 0 and len(json.loads(out)) == 1


def test_import_codebook_command(env, capsys):
    qdc = Path(__file__).resolve().parents[1] / "data" / "refi" / "minimal" / "minimal-codebook.qdc"
    code, out, err = run(capsys, "import-codebook", env, qdc)
    assert code == 0, err
    assert "codes added: 2, codes already here: 0" in out
    code, out, err = run(capsys, "codes", env, "--json")
    assert any(c["path"] == "Barriers/Cost" for c in json.loads(out))


def test_import_refi_writes_the_key_where_it_is_told_and_says_where(env, tmp_path, capsys, monkeypatch):
    """--key-file and QUALCODER_CSE_KEY_FILE are honoured by import-refi as by import; stderr and the JSON
    name the key actually written (before, the message looked only beside the project)."""
    code, _out, err = run(capsys, "export-refi", env, tmp_path / "out.qdpx", "--clear-ok")
    assert code == 0, err
    key = tmp_path / "keys" / "study.idkey"
    key.parent.mkdir()
    code, out, err = run(capsys, "import-refi", tmp_path / "out.qdpx", tmp_path / "a.qcse", "--key-file", key,
                         "--json")
    assert code == 0, err
    assert key.is_file() and not (tmp_path / "a.qcse.idkey").exists()
    assert f"re-identification key written to {key}" in err and json.loads(out)["key_file"] == str(key)
    with Project.open(tmp_path / "a.qcse", env_passphrase()) as p:
        p.pseudonyms.key_file = str(key)
        assert p.pseudonyms.status().present and p.pseudonyms.status().series == 1

    other = tmp_path / "env.idkey"
    monkeypatch.setenv("QUALCODER_CSE_KEY_FILE", str(other))
    code, out, err = run(capsys, "import-refi", tmp_path / "out.qdpx", tmp_path / "b.qcse")
    assert code == 0, err
    assert other.is_file() and f"re-identification key written to {other}" in err


def test_a_failed_anonymised_refi_import_leaves_no_key_behind(env, tmp_path, capsys):
    """A cancelled import removes the project and the key it wrote, so trying again works (a key left
    beside a removed project is refused as another project's key)."""
    code, _out, err = run(capsys, "export-refi", env, tmp_path / "out.qdpx", "--clear-ok")
    assert code == 0, err
    target = tmp_path / "c.qcse"

    def cancel(done, total, _stage):
        raise KeyboardInterrupt

    with pytest.raises(KeyboardInterrupt):
        import_refi(tmp_path / "out.qdpx", target, env_passphrase(), anonymise="auto", progress=cancel)
    assert not target.exists() and not Path(f"{target}.idkey").exists()
    report = import_refi(tmp_path / "out.qdpx", target, env_passphrase(), anonymise="auto")
    assert report.key_file == f"{target}.idkey" and Path(report.key_file).is_file()


def env_passphrase() -> str:
    return os.environ["QUALCODER_CSE_PASSPHRASE"]
