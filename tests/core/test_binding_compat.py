"""The SQLCipher binding changed (``sqlcipher3-binary`` 0.6.0 -> ``sqlcipher3`` 0.6.4): the file format did not.

``tests/data/projects/old_binding.qcse`` was written by the real CLI on the old binding (SQLCipher 4.12.0),
``new_binding.qcse`` by the same commands on the new one (SQLCipher 4.19.0); see the README there.
The new binding must open both with the expected counts, texts and codings, write to the old file, and
create files with the same cipher settings (PBKDF2-HMAC-SHA512 with 256,000 iterations, HMAC-SHA512,
AES-256 in 4096-byte pages, no plaintext header).

The other direction (the OLD binding opens the NEW file) cannot be installed offline in CI, so it was
checked by hand on 2026-12-03, running the real CLI with the old wheel put first on the import path::

    pip download --no-deps sqlcipher3-binary==0.6.0 -d /tmp/whl && mkdir /tmp/oldsq
    (cd /tmp/oldsq && unzip -q /tmp/whl/sqlcipher3_binary-0.6.0-*.whl)
    cp tests/data/projects/new_binding.qcse /tmp/nb.qcse
    QUALCODER_CSE_PASSPHRASE=fixture-new-binding PYTHONPATH=/tmp/oldsq .venv/bin/qualcoder-cse info /tmp/nb.qcse
    ... codings /tmp/nb.qcse        (PRAGMA cipher_version there: '4.12.0 community')

which printed 1 document, 26 words, 3 codes, 2 codings and both coded passages; on a fresh copy the old
binding's ``PRAGMA cipher_integrity_check`` reported no page errors and ``integrity_check`` 'ok'. Set
``QCSE_OLD_SQLCIPHER=/tmp/oldsq`` and ``test_old_binding_opens_new_file`` repeats that check here.
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.core import connection as cx
from qualcoder_cse.core.errors import WrongPassphrase

DATA = Path(__file__).resolve().parents[1] / "data" / "projects"
FIXTURES = {"old_binding.qcse": "fixture-old-binding", "new_binding.qcse": "fixture-new-binding"}
TEXT = (
    "Interviewer: How did the referral reach you?\n"
    "Officer: Through the MASH, on a Tuesday.\n"
    "Interviewer: And then?\n"
    "Officer: We opened a strategy discussion the same day."
)


def _copy(name: str, tmp_path: Path) -> Path:
    dest = tmp_path / name
    shutil.copyfile(DATA / name, dest)
    return dest


def _cipher_settings(conn) -> dict[str, str]:
    names = ("kdf_iter", "cipher_hmac_algorithm", "cipher_kdf_algorithm", "cipher_page_size", "cipher_use_hmac",
             "cipher_plaintext_header_size")
    return {name: str(conn.execute(f"PRAGMA {name}").fetchone()[0]) for name in names}


EXPECTED_SETTINGS = {
    "kdf_iter": "256000",
    "cipher_hmac_algorithm": "HMAC_SHA512",
    "cipher_kdf_algorithm": "PBKDF2_HMAC_SHA512",
    "cipher_page_size": "4096",
    "cipher_use_hmac": "1",
    "cipher_plaintext_header_size": "0",
}


@pytest.mark.parametrize("name", sorted(FIXTURES))
def test_new_binding_reads_checked_in_project(name: str, tmp_path: Path) -> None:
    path = _copy(name, tmp_path)
    with Project.open(path, FIXTURES[name], readonly=True) as project:
        info = project.info()
        assert (info.documents, info.codes, info.codings, info.coders) == (1, 3, 2, 1)
        [doc] = project.documents.list()
        assert doc.name == "interview"
        assert project.documents.text(doc.id).rstrip("\n") == TEXT
        codings = project.codings.list()
        got = [(project.codes.path(c.code_id), c.start, c.end, project.codings.text(c), c.memo) for c in codings]
        assert got == [
            ("Multi-agency/MASH", 62, 70, "the MASH", ""),
            ("Multi-agency/Strategy discussion", 130, 149, "strategy discussion", "same-day response"),
        ]
        assert project.verify() == []
        assert project.search.query("strategy")  # the FTS5 index written by that binding answers
        assert _cipher_settings(project.conn) == EXPECTED_SETTINGS
        # Every page's HMAC checked by this binding's SQLCipher against the key derived from the passphrase.
        assert project.conn.execute("PRAGMA cipher_integrity_check").fetchall() == []


def test_new_binding_writes_to_old_file_and_reopens(tmp_path: Path) -> None:
    path = _copy("old_binding.qcse", tmp_path)
    with Project.open(path, "fixture-old-binding") as project:
        doc = project.documents.list()[0]
        code = project.codes.by_path("Multi-agency/Referral", create=True)
        project.codings.add(code.id, doc.id, 0, 11, coder="bob")
    with pytest.raises(WrongPassphrase):
        Project.open(path, "fixture-new-binding", readonly=True)
    with Project.open(path, "fixture-old-binding", readonly=True) as project:
        assert project.info().codings == 3
        assert project.verify() == []


def test_cipher_settings_of_a_new_project(tmp_path: Path) -> None:
    path = tmp_path / "fresh.qcse"
    Project.create(path, "pass phrase", framework="none").close()
    assert not path.read_bytes().startswith(cx.SQLITE_MAGIC)
    conn = cx.open_connection(path, "pass phrase")
    try:
        version = conn.execute("PRAGMA cipher_version").fetchone()[0]
        major = int(version.split(".")[0])
        assert major == 4 and "community" in version, version
        assert _cipher_settings(conn) == EXPECTED_SETTINGS
        assert int(conn.execute("PRAGMA page_size").fetchone()[0]) == 4096
        assert conn.execute("PRAGMA cipher_provider").fetchone()[0] == "openssl"
        assert conn.execute("PRAGMA cipher").fetchone()[0].upper() == "AES-256-CBC"
        assert conn.execute("PRAGMA cipher_default_kdf_iter").fetchone()[0] == "256000"
    finally:
        conn.close()


def test_new_file_has_no_plaintext_header(tmp_path: Path) -> None:
    """The first 16 bytes are the random salt, never 'SQLite format 3' (the plaintext-header option is off)."""
    a, b = tmp_path / "a.qcse", tmp_path / "b.qcse"
    for path in (a, b):
        Project.create(path, "same passphrase", framework="none").close()
    assert a.read_bytes()[:16] != b.read_bytes()[:16]
    assert len(a.read_bytes()) % 4096 == 0


@pytest.mark.skipif(not os.environ.get("QCSE_OLD_SQLCIPHER"), reason="set QCSE_OLD_SQLCIPHER to an unpacked "
                    "sqlcipher3-binary 0.6.0 wheel (see the module docstring)")
def test_old_binding_opens_new_file(tmp_path: Path) -> None:
    path = _copy("new_binding.qcse", tmp_path)
    old = os.environ["QCSE_OLD_SQLCIPHER"]
    env = dict(os.environ, PYTHONPATH=old, QUALCODER_CSE_PASSPHRASE="fixture-new-binding")
    probe = subprocess.run([sys.executable, "-c", "import sqlcipher3; print(sqlcipher3.__file__)"], env=env,
                           capture_output=True, text=True, check=True)
    assert probe.stdout.strip().startswith(old)
    cli = [sys.executable, "-m", "qualcoder_cse"]
    out = subprocess.run([*cli, "codings", str(path)], env=env, capture_output=True, text=True, timeout=120,
                         check=False)
    assert out.returncode == 0, out.stderr
    assert "the MASH" in out.stdout and "strategy discussion" in out.stdout
