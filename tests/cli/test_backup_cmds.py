"""CLI: backups, restore, and the verified backup merge / import-codebook / rescan --apply take first."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project
from qualcoder_cse.core import backup_files as bf

MINIMAL = Path(__file__).resolve().parents[1] / "data" / "refi" / "minimal" / "minimal-codebook.qdc"


@pytest.fixture()
def env(project_path, passphrase, monkeypatch, tmp_path):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    monkeypatch.setenv("QUALCODER_CSE_CONFIG_DIR", str(tmp_path / "config"))
    return project_path


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def test_backups_lists_date_counts_size_and_restore_writes_a_new_file(env, capsys, tmp_path, passphrase):
    code, out, err = run(capsys, "backups", env)
    assert code == 0 and out.startswith("no backups of project.qcse in ")
    with Project.open(env, passphrase) as project:
        first = project.backups.take()
        project.documents.add("Another", "text")
        second = project.backups.take("before merge")
    code, out, err = run(capsys, "backups", env)
    assert code == 0, err
    lines = out.splitlines()
    assert len(lines) == 2 and lines[0].startswith(str(second.path))
    fields = lines[0].split("\t")
    assert fields[1] == f"{second.taken_at:%Y-%m-%d %H:%M:%S}" and fields[2] == "before-merge"
    assert fields[3].endswith(" MB") and fields[4:] == ["4 documents", "93 codes", "0 codings", "verified"]
    code, out, err = run(capsys, "backups", env, "--json")
    listed = json.loads(out)
    assert [b["path"] for b in listed] == [str(second.path), str(first.path)]
    assert listed[1]["counts"]["documents"] == 3 and listed[1]["verified"] and listed[1]["size"] > 0

    new = tmp_path / "restored.qcse"
    code, out, err = run(capsys, "restore", first.path, new)
    assert code == 0 and out.startswith(f"restored {first.path.name} (") and "3 documents" in out
    code, out, err = run(capsys, "info", new, "--json")
    assert json.loads(out)["documents"] == 3
    code, out, err = run(capsys, "restore", first.path, env)  # never over an existing file
    assert code == 8 and "already exists" in err


def test_backups_of_a_damaged_project_still_lists_them(env, capsys, passphrase):
    with Project.open(env, passphrase) as project:
        project.backups.take()
    data = bytearray(env.read_bytes())
    data[100] ^= 1  # page 1: the project cannot be opened at all
    env.write_bytes(bytes(data))
    code, out, err = run(capsys, "backups", env)
    assert code == 0 and len(out.splitlines()) == 1 and out.rstrip().endswith("verified")
    code, out, err = run(capsys, "info", env)
    assert code == 5 and "first page" in err and "The newest backup that opens is" in err


def test_merge_takes_a_verified_backup_first_and_says_where(env, capsys, passphrase, tmp_path):
    other = tmp_path / "bob.qcse"
    shutil.copyfile(env, other)
    with Project.open(other, passphrase, coder="bob") as p:
        doc = p.documents.by_name("Police lead 1")
        p.codings.add(p.codes.by_path("Disruption").id, doc.id, 5, 9)
    code, out, err = run(capsys, "merge", env, other, "--dry-run")
    assert code == 0 and "backup before" not in out and not (tmp_path / "project backups").exists()
    code, out, err = run(capsys, "merge", env, other)
    assert code == 0, err
    assert out.splitlines()[0] == "merged bob.qcse"
    last = out.splitlines()[-1]
    assert last.startswith("backup before merge: ")
    backup = Path(last.removeprefix("backup before merge: "))
    assert backup.exists() and backup.parent == tmp_path / "project backups" and "_before-merge" in backup.name
    with Project.open(backup, passphrase, readonly=True) as before:  # the state before the merge
        assert before.info().codings == 0 and before.coders.by_name("bob") is None
    with Project.open(env, passphrase, readonly=True) as project:
        assert project.info().codings == 1
        assert any(e.action == "backup" and "before merge" in e.detail for e in project.audit.list())
    code, out, err = run(capsys, "merge", env, other, "--json")
    assert json.loads(out)["counts"]["codings added"] == 0 and "backup before merge: " in err


def test_codebook_import_and_rescan_apply_take_a_backup_first(env, capsys, tmp_path):
    code, out, err = run(capsys, "import-codebook", env, MINIMAL)
    assert code == 0, err
    assert out.splitlines()[-1].startswith("backup before codebook import: ")
    code, out, err = run(capsys, "rescan", env, "--apply")
    assert code == 0, err
    assert out.splitlines()[-1].startswith("backup before rescan --apply: ")
    assert len(bf.backup_files(tmp_path / "project backups", "project")) == 2


def test_a_failed_pre_merge_backup_stops_the_merge(env, capsys, passphrase, tmp_path):
    from qualcoder_cse.core.backup import BackupSettings

    other = tmp_path / "bob.qcse"
    shutil.copyfile(env, other)
    with Project.open(env, passphrase) as project:
        project.backups.save_settings(BackupSettings(folder=str(env / "sub")))  # under a file: no backup
    code, out, err = run(capsys, "merge", env, other)
    assert code == 16 and "No backup was written" in err and "merge did not run" in err and out == ""
    with Project.open(env, passphrase, readonly=True) as project:
        assert project.coders.by_name("bob") is None


def test_backup_while_the_project_is_open_in_the_window(env, capsys, passphrase, tmp_path):
    """A researcher with the project open in the window takes a backup from the command line: it is written
    and verified through a read-only open, with a note that the audit trail could not record it (it was
    refused: "already open for writing", exit 7). What the window committed is in it."""
    with Project.open(env, passphrase) as window:  # the window's open (this process holds the lock)
        window.codes.add("Written in the window")
        code, out, err = run(capsys, "backup", env, tmp_path / "now.qcse")
        assert code == 0, err
        assert out.strip() == f"encrypted backup written to {tmp_path / 'now.qcse'}"
        assert "could not be recorded in its audit trail" in err
        window.codes.add("After the backup")
    with Project.open(tmp_path / "now.qcse", passphrase, readonly=True) as copy:
        names = {c.name for c in copy.codes.list()}
    assert "Written in the window" in names and "After the backup" not in names
