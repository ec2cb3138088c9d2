"""``new`` is all or nothing: the whole project (schema, coder, framework codes) is built under a temporary
name and renamed into place last. Killed half-way, ``kn.qcse`` used to open with 0 codes and refuse a second
``new`` as "already exists", and a ``.creating`` file with its ``-journal`` stayed behind."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.core.errors import InvalidValue
from qualcoder_cse.core.project import CREATING
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]


def _codes(path: Path) -> int:
    with Project.open(path, PASSPHRASE, readonly=True) as p:
        return p.info().codes


def _temporaries(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if CREATING in p.name)


@pytest.fixture(scope="module")
def full_codes(tmp_path_factory) -> int:
    path = tmp_path_factory.mktemp("full") / "full.qcse"
    Project.create(path, PASSPHRASE).close()
    return _codes(path)


@pytest.mark.skipif(os.name != "posix", reason="SIGKILL is POSIX")
@pytest.mark.parametrize("delay", [0.0, 0.05, 0.15, 0.3, 0.5])
def test_new_killed_mid_creation_leaves_no_half_project(tmp_path, full_codes, delay):
    path = tmp_path / "kn.qcse"
    env = os.environ | {"QUALCODER_CSE_PASSPHRASE": PASSPHRASE}
    new = [sys.executable, "-m", "qualcoder_cse", "new", str(path)]
    proc = subprocess.Popen(new, cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        deadline = time.monotonic() + 60
        while proc.poll() is None and not _temporaries(tmp_path) and time.monotonic() < deadline:
            time.sleep(0.002)
        time.sleep(delay)
        proc.send_signal(signal.SIGKILL)
    finally:
        proc.wait(timeout=30)
    # under the final name: nothing, or the whole project
    assert not path.exists() or _codes(path) == full_codes
    if path.exists():
        path.unlink()
    done = subprocess.run(new, check=False, cwd=ROOT, env=env, capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    assert _codes(path) == full_codes
    assert _temporaries(tmp_path) == []  # what the killed run left is gone


def test_stale_temporaries_are_removed_and_nothing_else(tmp_path, full_codes):
    path = tmp_path / "kn.qcse"
    stale = [tmp_path / f".kn.qcse.0123abcd{CREATING}{s}" for s in ("", "-journal")]
    for p in stale:
        p.write_bytes(os.urandom(8192))  # a killed run's half-written encrypted file and journal
    other = tmp_path / "other.qcse"
    Project.create(other, PASSPHRASE, framework="none").close()
    lookalikes = [tmp_path / f"kn.qcse{CREATING}", tmp_path / f".other.qcse.0123abcd{CREATING}",
                  tmp_path / f".kn.qcse.0123abcd{CREATING}.bak"]
    for p in lookalikes:
        p.write_bytes(b"not ours to remove")
    with Project.create(path, PASSPHRASE) as project:
        assert project.info().codes == full_codes
    assert not any(p.exists() for p in stale)
    assert all(p.read_bytes() == b"not ours to remove" for p in lookalikes)
    assert _codes(other) == 0
    assert sorted(p.name for p in tmp_path.iterdir() if p.name.startswith(".kn")) == [
        f".kn.qcse.0123abcd{CREATING}.bak"]


def test_a_failed_creation_leaves_nothing_and_the_name_free(tmp_path):
    path = tmp_path / "kn.qcse"
    with pytest.raises(InvalidValue):
        Project.create(path, PASSPHRASE, framework="no-such-framework")
    assert not path.exists() and _temporaries(tmp_path) == []
    Project.create(path, PASSPHRASE, framework="none").close()
    assert _codes(path) == 0
