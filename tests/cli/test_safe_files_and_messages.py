"""CLI findings of a security pass: ``anonymise -o`` and ``export --csv`` write like every export (never
through a symlink or into a FIFO, owner-only whatever the umask); a damaged page of the search index is
"damaged" (exit 5), not "unexpected error"; bytes that are not UTF-8 in a passphrase or a file name get one
clear line and exit 2 (a per-file failure for ``import``), no lock file left; true messages and exit codes
for a link to a text file, a FIFO, and ``restore`` from a non-project or with a wrong passphrase.

Real commands (``cli.main``, or the installed module in a child process where the environment itself must
hold bytes that are not UTF-8) on real SQLCipher project files."""

from __future__ import annotations

import os
import shutil
import stat
import subprocess
import sys
from pathlib import Path

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project

TEXT = "John Smith met Mary Jones in Leeds on 3 March 2021.\n"


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


def child(*argv: str | bytes, env: dict[bytes, bytes], cwd: Path, timeout: float = 120):
    """The real command in a fresh process (the environment may hold bytes that are not UTF-8)."""
    base = {k.encode(): v.encode() for k, v in os.environ.items() if not k.startswith("QUALCODER_CSE_PASS")}
    return subprocess.run([sys.executable.encode(), b"-m", b"qualcoder_cse", *[os.fsencode(a) for a in argv]],
                          env={**base, **env}, cwd=cwd, capture_output=True, timeout=timeout, check=False)


@pytest.fixture()
def umask_000():
    old = os.umask(0)
    yield
    os.umask(old)


@pytest.fixture()
def env(project_path, passphrase, monkeypatch, tmp_path):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    monkeypatch.setenv("QUALCODER_CSE_CONFIG_DIR", str(tmp_path / "config"))
    return project_path


# 1. anonymise -o and export --csv write safely

def test_anonymise_output_refuses_a_symlink_and_leaves_its_target_alone(tmp_path, capsys):
    src = tmp_path / "t1.txt"
    src.write_text(TEXT, encoding="utf-8")
    victim = tmp_path / "v.txt"
    victim.write_text("victim\n", encoding="utf-8")
    (tmp_path / "al.txt").symlink_to("v.txt")
    code, _out, err = run(capsys, "anonymise", src, "-o", tmp_path / "al.txt")
    assert code == 2 and "symbolic link" in err and len(err.splitlines()) == 1
    assert victim.read_text(encoding="utf-8") == "victim\n"
    assert (tmp_path / "al.txt").is_symlink()
    assert not list(tmp_path.glob(".*partial"))


def test_anonymise_output_is_owner_only_whatever_the_umask_and_replaces_an_earlier_output(
        tmp_path, capsys, umask_000):
    src = tmp_path / "t1.txt"
    src.write_text(TEXT, encoding="utf-8")
    out_file = tmp_path / "out.txt"
    out_file.write_text("an earlier output\n", encoding="utf-8")
    os.chmod(out_file, 0o666)
    code, _out, err = run(capsys, "anonymise", src, "-o", out_file)
    assert code == 0, err
    assert stat.S_IMODE(out_file.stat().st_mode) == 0o600
    written = out_file.read_text(encoding="utf-8")
    assert "John Smith" not in written and "Leeds" not in written
    assert not list(tmp_path.glob(".*partial"))
    fresh = tmp_path / "fresh.txt"
    assert run(capsys, "anonymise", src, "-o", fresh)[0] == 0
    assert stat.S_IMODE(fresh.stat().st_mode) == 0o600


def test_anonymise_output_refuses_a_fifo_instead_of_blocking_on_it(tmp_path):
    src = tmp_path / "t1.txt"
    src.write_text(TEXT, encoding="utf-8")
    os.mkfifo(tmp_path / "pipe.txt")
    # a child process with a timeout: the old code opened the FIFO for writing and waited for a reader forever
    done = child("anonymise", "t1.txt", "-o", "pipe.txt", env={}, cwd=tmp_path, timeout=30)
    err = done.stderr.decode()
    assert done.returncode == 2 and "not a plain file" in err and len(err.splitlines()) == 1


def test_export_csv_folder_is_owner_only_whatever_the_umask(env, tmp_path, capsys, umask_000):
    folder = tmp_path / "csv"
    code, _out, err = run(capsys, "export", env, tmp_path / "o.xlsx", "--csv", folder, "--clear-ok")
    assert code == 0, err
    assert stat.S_IMODE(folder.stat().st_mode) == 0o700
    assert all(stat.S_IMODE(f.stat().st_mode) == 0o600 for f in folder.iterdir())


# 2. a damaged page of the search index

def test_a_flipped_byte_in_a_search_index_page_is_called_damaged(env, passphrase, tmp_path, capsys):
    with Project.open(env, passphrase, readonly=True) as p:
        root = p.conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'documents_fts_config'").fetchone()[0]
    damaged = tmp_path / "damaged.qcse"
    data = bytearray(env.read_bytes())
    data[(root - 1) * 4096 + 300] ^= 1  # inside the encrypted body of the index's page (its HMAC now fails)
    damaged.write_bytes(bytes(data))
    for argv in (("search", damaged, "police"), ("info", damaged, "--tables")):
        code, _out, err = run(capsys, *argv)
        assert code == 5, (argv, err)
        assert "is damaged" in err and "unexpected" not in err and len(err.splitlines()) == 1
        assert "restore BACKUP NEW.qcse" in err
    assert run(capsys, "search", env, "police")[0] == 0  # the intact original still searches


# 3. bytes that are not UTF-8

def test_a_passphrase_that_is_not_utf8_is_a_clear_input_error(env, tmp_path):
    done = child("info", str(env), env={b"QUALCODER_CSE_PASSPHRASE": b"p\xffassword-long-enough"}, cwd=tmp_path)
    err = done.stderr.decode("utf-8", "replace")
    assert done.returncode == 2, err
    assert "passphrase" in err and "not valid text (UTF-8)" in err and "unexpected" not in err
    assert len(err.splitlines()) == 1 and done.stdout == b""


def test_new_with_a_file_name_that_is_not_utf8_leaves_no_lock_file(tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", "Correct-Horse-Battery-42")
    monkeypatch.chdir(tmp_path)
    name = os.fsdecode(b"p\xff.qcse")
    code, _out, err = run(capsys, "new", name)
    assert code == 2 and "cannot be read as text" in err and "rename it" in err and "unexpected" not in err
    assert "p\\xff.qcse" in err
    assert os.listdir(tmp_path) == []  # no project, no lock file, no -wal


def test_import_of_a_file_named_with_bytes_that_are_not_utf8_fails_alone(env, tmp_path, capsys, passphrase):
    bad = Path(os.fsdecode(bytes(tmp_path) + b"/bad\xff.txt"))
    bad.write_text("P1: At the hotel.\n", encoding="utf-8")
    good = tmp_path / "good.txt"
    good.write_text("P1: At the station.\n", encoding="utf-8")
    code, out, err = run(capsys, "import", env, bad, good, "--anonymise", "off")
    assert code == 1  # the documented per-file failure: the rest is imported
    assert "unexpected" not in err and "bad\\xff.txt cannot be read as text" in err and "rename it" in err
    lines = out.splitlines()
    assert lines[0].startswith("failed\t") and "bad\\xff.txt\t" in lines[0] and lines[1].startswith("imported\t")
    assert lines[-1].startswith("1 imported")
    with Project.open(env, passphrase, readonly=True) as p:
        assert p.documents.by_name("good") is not None


# 4. true messages, true exit codes

def test_a_link_to_a_text_file_is_not_a_project_not_damaged(env, tmp_path, capsys):
    text = tmp_path / "passwd"
    text.write_text("root:x:0:0:root:/root:/bin/bash\ndaemon:x:1:1:daemon:/usr/sbin:/usr/sbin/nologin\n")
    link = tmp_path / "link.qcse"
    link.symlink_to(text)
    code, _out, err = run(capsys, "info", link)
    assert code == 4, err
    assert "not a QualCoder-CSE project" in err and "damaged" not in err and "backup" not in err
    assert str(text) in err  # says where the link points


def test_a_fifo_is_not_a_regular_file_not_empty(env, tmp_path, capsys):
    fifo = tmp_path / "fifo.qcse"
    os.mkfifo(fifo)
    code, _out, err = run(capsys, "info", fifo)
    assert code == 4 and "not a regular file" in err and "empty" not in err


def test_restore_from_a_file_that_is_not_a_backup_says_so(env, tmp_path, capsys):
    text = tmp_path / "notes.txt"
    text.write_text("some notes, not a project\n" * 10, encoding="utf-8")
    code, _out, err = run(capsys, "restore", text, tmp_path / "new.qcse")
    assert code == 4, err
    assert "not a backup of a QualCoder-CSE project" in err and "from a backup" not in err
    assert not (tmp_path / "new.qcse").exists()


def test_restore_with_a_wrong_passphrase_exits_with_the_wrong_passphrase_code(env, tmp_path, capsys,
                                                                              monkeypatch):
    backup = tmp_path / "copy.qcse"
    shutil.copyfile(env, backup)
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", "not the passphrase at all")
    code, _out, err = run(capsys, "restore", backup, tmp_path / "new.qcse")
    assert code == 3 and "Wrong passphrase" in err
    assert not (tmp_path / "new.qcse").exists() and not (tmp_path / "new.qcse.partial").exists()
