"""A CLI import killed with SIGKILL leaves no detection worker behind: the workers (each holding transcript
text and the detector, ~200 MB) notice their parent is gone and end within seconds instead of living on,
reparented to init."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.workflows import file_import, parallel_import
from tests.conftest import PASSPHRASE

ROOT = Path(__file__).resolve().parents[2]

pytestmark = [
    pytest.mark.skipif(os.name != "posix", reason="SIGKILL and ps are POSIX"),
    pytest.mark.skipif(not file_import.anonymiser_available(), reason="the anonymiser is not installed"),
    pytest.mark.skipif(parallel_import.worker_count(4) == 0, reason="one core: the import runs serially"),
]

LINES = [
    "INT: Tell me about the night Jodie Smith went missing from Mill Lane, Ashworth, on {i} May.",
    "P1: PC Daniel Price found her at the Premier Inn; her mum rang 07700 900123 at {i} o'clock.",
    "P2: Sarah Jones from the MASH in Breckley emailed sarah.jones@example.org about Kyle Brown ({i}).",
]


def _processes() -> dict[int, tuple[int, str, str]]:
    """pid -> (parent pid, state, command line) of every process, from ps (Linux and macOS)."""
    out = subprocess.run(["ps", "-axo", "pid=,ppid=,stat=,args="], capture_output=True, text=True,
                         check=True).stdout
    table = {}
    for line in out.splitlines():
        parts = line.split(None, 3)
        if len(parts) == 4:
            table[int(parts[0])] = (int(parts[1]), parts[2], parts[3])
    return table


def _workers_of(pid: int) -> set[int]:
    return {p for p, (ppid, _, args) in _processes().items() if ppid == pid and "multiprocessing" in args}


def _alive(pids: set[int]) -> set[int]:
    table = _processes()
    return {p for p in pids if p in table and not table[p][1].startswith("Z")}  # a zombie holds nothing


def test_workers_end_when_the_cli_import_is_killed(tmp_path: Path):
    project = tmp_path / "pk.qcse"
    Project.create(project, PASSPHRASE, framework="none").close()
    files = []
    for name in "abcd":
        path = tmp_path / f"{name}.txt"
        path.write_text("\n".join(LINES[i % 3].format(i=i) for i in range(3000)), encoding="utf-8")
        files.append(str(path))
    env = os.environ | {"QUALCODER_CSE_PASSPHRASE": PASSPHRASE}
    cli = subprocess.Popen([sys.executable, "-m", "qualcoder_cse", "import", str(project), *files],
                           cwd=ROOT, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    workers: set[int] = set()
    try:
        deadline = time.monotonic() + 60
        while not workers and cli.poll() is None and time.monotonic() < deadline:
            time.sleep(0.1)
            workers = _workers_of(cli.pid)
        assert workers, "the import started no worker process"
        time.sleep(2)  # the workers have loaded the detector and are detecting
        workers |= _workers_of(cli.pid)
        assert cli.poll() is None, "the import finished before it could be killed; give it more text"
        cli.send_signal(signal.SIGKILL)
        cli.wait(timeout=10)
        deadline = time.monotonic() + 5
        while _alive(workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not _alive(workers), "worker processes outlived the killed import"
    finally:
        if cli.poll() is None:
            cli.kill()
            cli.wait()
        for pid in _alive(workers):  # only ours: children of the import this test started
            os.kill(pid, signal.SIGKILL)
