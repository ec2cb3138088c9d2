"""The encrypted project file: round trip, nothing in clear, and each kind of bad file refused untouched."""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest

from qualcoder_cse.core import (
    CorruptProject,
    NotAProject,
    Project,
    ProjectExists,
    ProjectLocked,
    SchemaTooNew,
    WrongPassphrase,
    schema,
)
from qualcoder_cse.core import connection as cx
from qualcoder_cse.core.lock import ProjectLock

SENTENCE = "The safeguarding lead said the taxi firm had been warned twice about the same driver."


def lock_is_free(path: Path) -> bool:
    """The lock file stays (it is never unlinked) but nobody holds it."""
    lock = ProjectLock(path)
    try:
        lock.acquire()
    except ProjectLocked:
        return False
    lock.release()
    return True


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_create_open_close_round_trip(tmp_path, passphrase):
    path = tmp_path / "study.qcse"
    with Project.create(path, passphrase, framework="policing-cse", coder="alice") as project:
        doc = project.documents.add("Interview 1", SENTENCE, kind="police")
        code = project.codes.by_path("Disruption/Taxi and private hire licensing")
        project.codings.add(code.id, doc.id, 4, 21)
        assert project.info().codes == 93
    with Project.open(path, passphrase, coder="bob") as project:
        info = project.info()
        assert (info.documents, info.codings, info.coders) == (1, 1, 1)  # opening writes nothing
        assert project.documents.text(doc.id) == SENTENCE
        coding = project.codings.list()[0]
        assert project.codings.text(coding) == "safeguarding lead"
        assert project.codes.get(coding.code_id).path == "Disruption/Taxi and private hire licensing"
        project.codings.add(coding.code_id, doc.id, 0, 3)
        assert project.info().coders == 2 and project.coder.name == "bob"
    assert lock_is_free(path)


def test_no_clear_text_in_file_or_wal(tmp_path, passphrase):
    path = tmp_path / "secret.qcse"
    project = Project.create(path, passphrase, framework="none")
    project.documents.add("Doc", SENTENCE * 20)
    project.codes.add("Taxi firms")
    # While the project is open the WAL holds recent pages: check it too.
    companions = [Path(str(path) + s) for s in ("-wal", "-journal", "-shm")]
    open_files = [path] + [p for p in companions if p.exists()]
    assert any(p.name.endswith("-wal") for p in open_files), "expected a WAL file while open"
    for p in open_files:
        data = p.read_bytes()
        if p.name.endswith("-shm"):
            continue  # shared-memory index: page numbers and checksums only
        assert b"taxi firm" not in data.lower() and b"Taxi firms" not in data
        assert "taxi firm".encode("utf-16-le") not in data
        assert not data.startswith(b"SQLite format 3")
    project.close()
    data = path.read_bytes()
    assert b"safeguarding" not in data and not data.startswith(b"SQLite format 3")
    assert not any(p.exists() and p.stat().st_size and p.name.endswith("-journal") for p in companions)


def test_wrong_passphrase_leaves_file_unchanged(project_path):
    before = digest(project_path)
    with pytest.raises(WrongPassphrase) as err:
        Project.open(project_path, "not the passphrase")
    assert "Wrong passphrase" in str(err.value)
    assert digest(project_path) == before
    assert lock_is_free(project_path)


@pytest.mark.parametrize("size", [0, 5000, 8192])
def test_random_or_empty_file_is_refused(tmp_path, passphrase, size):
    path = tmp_path / "random.qcse"
    path.write_bytes(os.urandom(size))
    before = digest(path)
    with pytest.raises((NotAProject, CorruptProject, WrongPassphrase)) as err:
        Project.open(path, passphrase)
    if size == 0:
        assert isinstance(err.value, NotAProject)
    if size == 5000:  # not a whole number of pages
        assert isinstance(err.value, CorruptProject)
    assert digest(path) == before


def test_plain_sqlite_file_is_not_a_project(tmp_path, passphrase):
    import sqlite3

    path = tmp_path / "plain.qcse"
    conn = sqlite3.connect(path)
    conn.execute("create table t(x)")
    conn.commit()
    conn.close()
    before = digest(path)
    with pytest.raises(NotAProject, match="unencrypted"):
        Project.open(path, passphrase)
    assert digest(path) == before


def test_encrypted_database_that_is_not_ours(tmp_path, passphrase):
    path = tmp_path / "other.qcse"
    conn = cx.raw_connect(path, passphrase)
    conn.execute("create table t(x)")
    conn.close()
    before = digest(path)
    with pytest.raises(NotAProject):
        Project.open(path, passphrase)
    assert digest(path) == before


@pytest.mark.parametrize("cut", ["half_page", "whole_pages"])
def test_truncated_copy_is_refused(project_path, tmp_path, passphrase, cut):
    with Project.open(project_path, passphrase) as project:
        project.documents.add("Long", "words " * 40000)
    data = project_path.read_bytes()
    keep = len(data) // 2 - 100 if cut == "half_page" else (len(data) // 2 // 4096) * 4096
    truncated = tmp_path / "truncated.qcse"
    truncated.write_bytes(data[:keep])
    before = digest(truncated)
    with pytest.raises(CorruptProject, match="truncated|damaged"):
        Project.open(truncated, passphrase)
    assert digest(truncated) == before


def test_newer_schema_is_refused(project_path, passphrase):
    conn = cx.raw_connect(project_path, passphrase)
    conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION + 1}")
    conn.close()
    before = digest(project_path)
    with pytest.raises(SchemaTooNew, match="newer version"):
        Project.open(project_path, passphrase)
    assert digest(project_path) == before


def test_second_writer_is_locked_out(project_path, passphrase):
    first = Project.open(project_path, passphrase)
    try:
        code = textwrap.dedent(
            f"""
            import sys
            from qualcoder_cse.core import Project, ProjectLocked
            try:
                Project.open({str(project_path)!r}, {passphrase!r})
            except ProjectLocked as e:
                print("LOCKED", e)
                sys.exit(0)
            sys.exit(1)
            """
        )
        result = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=60)
        assert result.returncode == 0, result.stdout + result.stderr
        assert "already open for writing" in result.stdout
        with pytest.raises(ProjectLocked):
            Project.open(project_path, passphrase)
        # a read-only viewer is still allowed
        with Project.open(project_path, passphrase, readonly=True) as viewer:
            assert viewer.documents.count() == 3
    finally:
        first.close()
    with Project.open(project_path, passphrase):
        pass


def test_create_refuses_existing_file(project_path, passphrase):
    before = digest(project_path)
    with pytest.raises(ProjectExists):
        Project.create(project_path, passphrase)
    assert digest(project_path) == before


def test_rekey_then_open(project_path, passphrase):
    with Project.open(project_path, passphrase) as project:
        project.rekey("a new passphrase")
        project.codes.add("After rekey")
    with pytest.raises(WrongPassphrase):
        Project.open(project_path, passphrase)
    with Project.open(project_path, "a new passphrase") as project:
        assert project.codes.child_named(None, "After rekey") is not None


def test_backup_is_encrypted_and_opens(project, tmp_path, passphrase):
    dest = project.backup(tmp_path / "copy.qcse")
    assert not dest.read_bytes().startswith(b"SQLite format 3")
    with pytest.raises(ProjectExists):
        project.backup(dest)
    with Project.open(dest, passphrase, readonly=True) as copy:
        assert copy.documents.count() == 3


def test_killed_writer_leaves_all_or_nothing(project_path, passphrase):
    """A process killed in the middle of a many-row write: the project opens, with none of that write."""
    code = textwrap.dedent(
        f"""
        import sys, time
        from qualcoder_cse.core import Project
        p = Project.open({str(project_path)!r}, {passphrase!r})
        code = p.codes.add("Batch")
        doc = p.documents.list()[0]
        with p.transaction():
            for i in range(2000):
                p.codings.add(code.id, doc.id, 0, 1 + (i % 40), coder=f"coder{{i}}")
                if i == 1000:
                    print("HALFWAY", flush=True)
                    time.sleep(60)
        """
    )
    proc = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True)
    try:
        assert proc.stdout.readline().strip() == "HALFWAY"
        proc.kill()
        proc.wait(timeout=30)
    finally:
        if proc.poll() is None:
            proc.kill()
    with Project.open(project_path, passphrase) as project:
        assert project.codings.count() == 0
        assert project.codes.child_named(None, "Batch") is not None  # committed before the batch
        assert project.verify() == []


def test_killed_after_commit_keeps_everything(project_path, passphrase):
    code = textwrap.dedent(
        f"""
        import os, signal
        from qualcoder_cse.core import Project
        p = Project.open({str(project_path)!r}, {passphrase!r})
        code = p.codes.add("Batch")
        doc = p.documents.list()[0]
        p.codings.add_many([(code.id, doc.id, i % 100, i % 100 + 1 + i // 100) for i in range(500)], coder="carol")
        os.kill(os.getpid(), signal.SIGKILL)
        """
    )
    subprocess.run([sys.executable, "-c", code], timeout=60)
    with Project.open(project_path, passphrase) as project:
        assert project.codings.count() == 500


def test_migration_takes_encrypted_backup_and_is_atomic(project_path, passphrase, monkeypatch):
    def v2(conn):
        conn.execute("CREATE TABLE extra (x INTEGER)")

    def v3_broken(conn):
        conn.execute("CREATE TABLE extra2 (x INTEGER)")
        raise RuntimeError("boom")

    now = schema.SCHEMA_VERSION  # the version a new project has; the test adds the next two

    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + [v2])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    with Project.open(project_path, passphrase) as project:
        assert project.schema_version() == now + 1
        project.conn.execute("SELECT count(*) FROM extra").fetchone()
    backups = list((project_path.parent / "project backups").glob(f"project_*_before-schema-v{now + 1}.qcse"))
    assert len(backups) == 1
    assert not backups[0].read_bytes().startswith(b"SQLite format 3")
    with Project.open(backups[0], passphrase, readonly=True) as old:
        assert old.schema_version() == now

    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + [v3_broken])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 2)
    with pytest.raises(RuntimeError):
        Project.open(project_path, passphrase)
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    with Project.open(project_path, passphrase) as project:
        assert project.schema_version() == now + 1
        assert project.conn.execute("SELECT count(*) FROM sqlite_master WHERE name = 'extra2'").fetchone()[0] == 0


def test_copy_of_template_is_independent(project_path, template_project):
    assert project_path != template_project
    shutil.copyfile(project_path, project_path.with_suffix(".copy"))


@pytest.mark.parametrize(("head", "what"), [(b"PK\x03\x04", "ZIP archive"), (b"%PDF-1.7\n", "PDF document"),
                                            (b"{\\rtf1\\ansi ", "RTF document")])
def test_a_file_of_another_format_is_named_not_called_damaged(tmp_path, passphrase, head, what):
    path = tmp_path / "picked by mistake.qcse"
    path.write_bytes(head + b"x" * 3001)
    with pytest.raises(NotAProject, match=what):
        Project.open(path, passphrase)


def test_a_whole_page_file_with_such_a_start_is_still_tried_as_a_project(tmp_path, passphrase):
    path = tmp_path / "salt.qcse"
    path.write_bytes(b"PK\x03\x04" + os.urandom(cx.PAGE_SIZE * 2 - 4))  # a salt may start like this
    with pytest.raises((WrongPassphrase, CorruptProject)):
        Project.open(path, passphrase)
