"""No coding lost: aliases of one project file, the lock, the migration backup, and true messages for damage.

Each test reproduces an outside security check that failed on the earlier code (issue 14, "Loss"): a second
writer through a hard link or symlink, a lock held twice, a migration backup missing -wal content, and false
"damaged"/"wrong passphrase"/"unexpected error" messages.
"""

from __future__ import annotations

import hashlib
import os
import shutil
import subprocess
import sys
import tempfile
import textwrap
import time
from pathlib import Path

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import CorruptProject, Project, ProjectLocked, ReadOnly, WrongPassphrase, schema
from qualcoder_cse.core.errors import ProjectAliased
from qualcoder_cse.core.lock import ProjectLock

ROOT = Path(__file__).resolve().parents[2]
PAGE = 4096


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest() if path.exists() else "absent"


def cli(args: list[str], passphrase: str, capsys) -> tuple[int, str, str]:
    os.environ["QUALCODER_CSE_PASSPHRASE"] = passphrase
    try:
        code = main(args)
    finally:
        os.environ.pop("QUALCODER_CSE_PASSPHRASE", None)
    out, err = capsys.readouterr()
    return code, out, err


def leave_changes_in_wal(path: Path, passphrase: str, n: int = 40) -> None:
    """Add ``n`` documents in another process that then dies without closing: they are committed but only
    in the -wal file (the state after a crash or a killed window)."""
    code = textwrap.dedent(
        f"""
        import os
        from qualcoder_cse.core import Project
        p = Project.open({str(path)!r}, {passphrase!r})
        p.conn.execute("PRAGMA wal_autocheckpoint = 0")
        for i in range({n}):
            p.documents.add(f"wal doc {{i}}", "Only in the write-ahead log. " * 40)
        os._exit(0)
        """
    )
    subprocess.run([sys.executable, "-c", code], cwd=ROOT, check=True, timeout=120)
    assert Path(str(path) + "-wal").stat().st_size > 0


# ------------------------------------------------------------------ aliases and the lock
def test_a_symlink_alias_is_refused_while_the_project_is_open(project_path, passphrase, tmp_path):
    alias = tmp_path / "alias.qcse"
    alias.symlink_to(project_path)
    with Project.open(project_path, passphrase), pytest.raises(ProjectLocked):
        Project.open(alias, passphrase)
    with Project.open(alias, passphrase) as project:  # and the other way round
        with pytest.raises(ProjectLocked):
            Project.open(project_path, passphrase)
        project.documents.add("Through the alias", "Written through the symlink.")
    with Project.open(project_path, passphrase, readonly=True) as project:
        assert project.info().documents == 4


def test_a_hard_linked_project_is_refused_for_writing_with_the_reason(project_path, passphrase, tmp_path, capsys):
    second = tmp_path / "second name.qcse"
    os.link(project_path, second)
    for name in (project_path, second):
        with pytest.raises(ProjectAliased, match="2 names on disk"):
            Project.open(name, passphrase)
    with Project.open(second, passphrase, readonly=True) as project:  # reading is safe
        assert project.info().documents == 3
    code, _, err = cli(["code", str(second), "--doc", "1", "--code", "Disruption", "--start", "0", "--end", "3"],
                       passphrase, capsys)
    assert code == ProjectAliased.exit_code == 15 and "hard links" in err and "Traceback" not in err
    second.unlink()
    with Project.open(project_path, passphrase) as project:  # one name again: writable
        assert not project.readonly


def test_two_writers_through_two_names_cannot_both_import(project_path, passphrase, tmp_path):
    """The outside check: ``ln p q``, then imports into p and q at once."""
    second = tmp_path / "q.qcse"
    os.link(project_path, second)
    src = tmp_path / "in"
    src.mkdir()
    for i in range(5):
        (src / f"t{i}.txt").write_text(f"INT: question {i}\nP1: answer {i}\n" * 30, encoding="utf-8")
    env = dict(os.environ, QUALCODER_CSE_PASSPHRASE=passphrase)
    exe = [sys.executable, "-m", "qualcoder_cse", "import"]
    procs = [subprocess.Popen(exe + [str(p), str(src), "--anonymise", "off"], env=env, cwd=ROOT,
                              stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
             for p in (project_path, second)]
    results = [p.communicate(timeout=120) + (p.returncode,) for p in procs]
    assert all(rc == 15 and "hard links" in err for _, err, rc in results), results
    with Project.open(project_path, passphrase, readonly=True) as project:
        assert project.verify() == [] and project.info().documents == 3


_HAMMER = textwrap.dedent(
    """
    import os, sys, time
    from pathlib import Path
    from qualcoder_cse.core.lock import ProjectLock
    from qualcoder_cse.core.errors import ProjectLocked
    project, marker, until = Path(sys.argv[1]), sys.argv[2], float(sys.argv[3])
    doubles = holds = 0
    while time.time() < until:
        lock = ProjectLock(project)
        try:
            lock.acquire()
        except ProjectLocked:
            continue
        holds += 1
        try:
            fd = os.open(marker, os.O_CREAT | os.O_EXCL | os.O_WRONLY)  # only one holder may create it
        except FileExistsError:
            doubles += 1
        else:
            os.close(fd)
            os.unlink(marker)
        lock.release()
    print(holds, doubles)
    """
)


def test_the_lock_is_never_held_twice(project_path):
    """Four processes acquire and release as fast as they can; a holder that finds another holder's marker
    counts a double hold. (The earlier release() unlinked the lock file: tens of thousands of doubles.)"""
    marker = project_path.parent / "held-by"
    until = time.time() + 4
    procs = [subprocess.Popen([sys.executable, "-c", _HAMMER, str(project_path), str(marker), str(until)],
                              cwd=ROOT, stdout=subprocess.PIPE, text=True) for _ in range(4)]
    counts = [tuple(map(int, p.communicate(timeout=60)[0].split())) for p in procs]
    assert sum(h for h, _ in counts) > 100, counts  # the lock really changed hands many times
    assert sum(d for _, d in counts) == 0, counts
    lock_file = project_path.with_name(project_path.name + ".lock")
    assert lock_file.exists() and oct(lock_file.stat().st_mode & 0o777) == "0o600"


def test_a_lock_file_planted_as_a_symlink_is_not_followed(project_path, passphrase, tmp_path):
    victim = tmp_path / "victim.txt"
    victim.write_text("keep me")
    project_path.with_name(project_path.name + ".lock").symlink_to(victim)
    with pytest.raises(Exception, match="symbolic link"):
        ProjectLock(project_path).acquire()
    assert victim.read_text() == "keep me"


# ------------------------------------------------------------------ the migration backup
def test_the_migration_backup_holds_what_is_only_in_the_wal(project_path, passphrase, monkeypatch):
    leave_changes_in_wal(project_path, passphrase, n=60)
    now = schema.SCHEMA_VERSION
    monkeypatch.setattr(schema, "MIGRATIONS", schema.MIGRATIONS + [lambda c: c.execute("CREATE TABLE x (y)")])
    monkeypatch.setattr(schema, "SCHEMA_VERSION", now + 1)
    from qualcoder_cse.core import project as project_module

    monkeypatch.setattr(project_module, "SCHEMA_VERSION", now + 1, raising=False)  # where the old code read it
    with Project.open(project_path, passphrase) as project:
        assert project.info().documents == 63
    found = list((project_path.parent / "project backups").glob("*before-schema*.qcse"))
    assert len(found) == 1, found
    assert oct(found[0].stat().st_mode & 0o777) == "0o600"
    with Project.open(found[0], passphrase, readonly=True) as old:
        assert old.info().documents == 63 and old.schema_version() == now


# ------------------------------------------------------------------ true messages
def _flip(path: Path, offset: int) -> None:
    data = bytearray(path.read_bytes())
    data[offset] ^= 0x01
    path.write_bytes(bytes(data))


@pytest.fixture()
def big_project(tmp_path, passphrase) -> Path:
    path = tmp_path / "big.qcse"
    with Project.create(path, passphrase, framework="none") as project, project.transaction():
        for i in range(60):
            project.documents.add(f"Interview {i}", f"INT: question {i}\nP1: a long answer. " * 1200)
    assert path.stat().st_size // PAGE > 400  # mostly document text: the middle page is some transcript
    return path


def test_one_flipped_byte_in_page_1_is_damage_not_a_wrong_passphrase(big_project, passphrase, capsys):
    _flip(big_project, 100)  # inside page 1's encrypted body, after the 16-byte salt
    before = digest(big_project)
    with pytest.raises(CorruptProject, match="first page") as err:
        Project.open(big_project, passphrase)
    assert "Wrong passphrase" not in str(err.value)
    with pytest.raises(WrongPassphrase):  # a wrong passphrase is still called that
        Project.open(big_project, "not the passphrase at all")
    code, _, err_text = cli(["info", str(big_project)], passphrase, capsys)
    assert code == 5 and "first page" in err_text and "Traceback" not in err_text
    assert digest(big_project) == before


def test_a_flipped_salt_byte_says_honestly_what_cannot_be_told_apart(big_project, passphrase):
    _flip(big_project, 3)
    with pytest.raises(WrongPassphrase, match="cannot be told apart"):
        Project.open(big_project, passphrase)


def _text_page(path: Path, passphrase: str) -> tuple[int, int, int]:
    """The first page from the middle on whose damage a text read meets (the middle page itself may hold the
    search index or the stored word starts rather than transcript text), with a document whose text it
    damages and one whose text still reads."""
    middle = path.stat().st_size // PAGE // 2
    for page in range(middle, middle + 64):
        trial = path.with_name("trial.qcse")
        shutil.copyfile(path, trial)
        _flip(trial, page * PAGE + 200)
        damaged, healthy = None, None
        try:
            with Project.open(trial, passphrase, readonly=True) as p:
                for doc in p.documents.list():
                    try:
                        p.documents.text(doc.id)
                        healthy = doc.id if healthy is None else healthy
                    except Exception:  # noqa: BLE001 - whatever a damaged page raises: this page holds text
                        damaged = doc.id if damaged is None else damaged
        finally:
            trial.unlink()
        if damaged is not None and healthy is not None:
            return page, damaged, healthy
    raise AssertionError("no page of transcript text near the middle")


def test_a_damaged_middle_page_is_called_damaged_and_refuses_writes(big_project, passphrase, capsys):
    page, damaged, healthy = _text_page(big_project, passphrase)
    _flip(big_project, page * PAGE + 200)
    before = digest(big_project)
    with pytest.raises(CorruptProject, match="fail their integrity check"):
        Project.open(big_project, passphrase)
    code, _, err = cli(["code", str(big_project), "--doc", "1", "--code", "A", "--create", "--start", "0",
                        "--end", "3"], passphrase, capsys)
    assert code == 5 and "damaged" in err and "unexpected" not in err
    outcomes = {}
    for doc in (healthy, damaged):  # a document on a sound page still reads; the damaged page's says why not
        code, _, err = cli(["text", str(big_project), str(doc)], passphrase, capsys)
        outcomes[code] = err
    assert set(outcomes) == {0, 5}, outcomes
    assert "damaged" in outcomes[5] and "unexpected" not in outcomes[5] and "Traceback" not in outcomes[5]
    assert digest(big_project) == before


def _as_unprivileged(code: str, cwd: Path) -> subprocess.CompletedProcess:
    """Run Python code as a user the folder's permissions apply to (root ignores them)."""
    kwargs = {}
    if os.geteuid() == 0:
        def drop() -> None:
            os.setgid(65534)
            os.setuid(65534)

        kwargs["preexec_fn"] = drop
    return subprocess.run([sys.executable, "-c", code], check=False, cwd=ROOT, capture_output=True, text=True,
                          timeout=120,
                          env=dict(os.environ, HOME=str(cwd), QUALCODER_CSE_CONFIG_DIR=str(cwd)), **kwargs)


@pytest.mark.skipif(os.name == "nt", reason="POSIX folder permissions")
def test_a_healthy_project_in_a_read_only_folder_opens_read_only(template_project, passphrase):
    base = Path(tempfile.mkdtemp(prefix="qcse-ro-"))
    try:
        base.chmod(0o755)
        folder = base / "read only"
        folder.mkdir()
        project = folder / "study.qcse"
        shutil.copyfile(template_project, project)
        project.chmod(0o644)
        folder.chmod(0o555)
        before = digest(project)
        code = textwrap.dedent(
            f"""
            from qualcoder_cse.core import Project, ReadOnly
            with Project.open({str(project)!r}, {passphrase!r}) as p:
                print(p.readonly, p.info().documents)
                print(p.readonly_reason)
                try:
                    p.documents.add("x", "y")
                except ReadOnly as e:
                    print("refused:", e)
            import os, sys
            from qualcoder_cse.cli import main
            os.environ["QUALCODER_CSE_PASSPHRASE"] = {passphrase!r}
            print("info", main(["info", {str(project)!r}]))
            print("code", main(["code", {str(project)!r}, "--doc", "1", "--code", "Disruption", "--start", "0",
                                "--end", "3"]))
            """
        )
        r = _as_unprivileged(code, base)
        assert r.returncode == 0, r.stderr
        lines = r.stdout.splitlines()
        assert lines[0] == "True 3"
        assert "open read-only" in lines[1] and "not writable" in lines[1]
        assert lines[2].startswith("refused:") and "not writable" in lines[2]
        assert "info 0" in lines and f"code {ReadOnly.exit_code}" in lines
        assert "not writable" in r.stderr and "unexpected" not in r.stderr and "damaged" not in r.stderr
        assert digest(project) == before
        assert sorted(p.name for p in folder.iterdir()) == ["study.qcse"]  # nothing created beside it
    finally:
        for p in (base / "read only",):
            if p.exists():
                p.chmod(0o755)
        shutil.rmtree(base, ignore_errors=True)


def test_a_symlink_to_a_project_with_changes_in_its_wal_loses_and_modifies_nothing(project_path, passphrase,
                                                                                   tmp_path, capsys):
    leave_changes_in_wal(project_path, passphrase)
    wal = Path(str(project_path) + "-wal")
    link_dir = tmp_path / "elsewhere"
    link_dir.mkdir()
    alias = link_dir / "study.qcse"
    alias.symlink_to(project_path)
    before = (digest(project_path), digest(wal))
    with Project.open(alias, passphrase, readonly=True) as project:
        assert project.info().documents == 43
    code, out, err = cli(["info", str(alias), "--json"], passphrase, capsys)
    assert code == 0 and '"documents": 43' in out, err
    assert (digest(project_path), digest(wal)) == before  # reading changed nothing
    assert not list(link_dir.glob("study.qcse-*"))  # no -wal/-shm of its own beside the alias
    with Project.open(alias, passphrase) as project:  # writing through it uses the real file's -wal
        assert project.info().documents == 43
        project.documents.add("After", "Added through the alias.")
    with Project.open(project_path, passphrase, readonly=True) as project:
        assert project.info().documents == 44 and project.verify() == []
