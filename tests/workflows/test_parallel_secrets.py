"""The import pool under the spawn start method (Linux): its worker processes are fresh interpreters
(``multiprocessing.spawn``, not forks), store exactly what the serial import stores, and never see the
project passphrase (or any other secret of ours) in their environment."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.workflows import file_import, parallel_import
from qualcoder_cse.workflows.file_import import IMPORTED, ImportOptions
from tests.conftest import PASSPHRASE

pytestmark = [
    pytest.mark.skipif(not file_import.anonymiser_available(), reason="the anonymiser is not installed"),
    pytest.mark.skipif(not Path("/proc/self/environ").exists(), reason="needs Linux /proc"),
]

TEXTS = [
    "INT: Tell me about Jodie Smith.\nP1: Jodie was found at 14 Mill Lane, Ashworth by PC Daniel Price.\n",
    "Facilitator: And then?\nSarah Jones: Jodie Smith rang 07700 900123 from Breckley.\n",
    "YP1: my social worker Amy Clarke never listens tbh\nYP2: Amy did ring my nan once\n",
]
SECRET = "pass phrase never in a child 7731"


def _children() -> dict[int, tuple[bytes, bytes]]:
    """{pid: (cmdline, environ)} of this process's live children."""
    me, out = os.getpid(), {}
    for entry in os.listdir("/proc"):
        if not entry.isdigit():
            continue
        try:
            with open(f"/proc/{entry}/stat", "rb") as fh:
                ppid = int(fh.read().rsplit(b")", 1)[1].split()[1])
            if ppid != me:
                continue
            with open(f"/proc/{entry}/cmdline", "rb") as fh:
                cmd = fh.read()
            with open(f"/proc/{entry}/environ", "rb") as fh:
                env = fh.read()
        except (OSError, ValueError, IndexError):
            continue
        out[int(entry)] = (cmd, env)
    return out


def test_spawned_workers_store_what_serial_does_and_never_see_the_passphrase(tmp_path, template_project,
                                                                            monkeypatch):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", SECRET)
    monkeypatch.setenv("QUALCODER_CSE_EXPORT_PASSWORD", SECRET + " xlsx")
    paths = []
    for i, text in enumerate(TEXTS):
        p = tmp_path / f"t{i}.txt"
        p.write_text(text, encoding="utf-8")
        paths.append(p)
    seen: dict[int, tuple[bytes, bytes]] = {}

    def progress(done, total, path, result):
        seen.update(_children())

    stored = {}
    for mode in ("serial", "parallel"):
        dest = tmp_path / f"{mode}.qcse"
        dest.write_bytes(template_project.read_bytes())
        with Project.open(dest, PASSPHRASE) as project:
            options = ImportOptions(anonymise=True)
            anonymiser = file_import.load_anonymiser()
            if mode == "serial":
                results = [file_import.import_one(project, p, options, anonymiser) for p in paths]
            else:
                results = parallel_import.import_parallel(project, paths, options, anonymiser, 2, progress=progress)
            assert [r.status for r in results] == [IMPORTED] * len(paths)
            stored[mode] = {d.name: project.documents.text(d.id) for d in project.documents.list()}
    assert stored["parallel"] == stored["serial"]
    workers = {pid: v for pid, v in seen.items() if b"multiprocessing" in v[0]}
    assert any(b"spawn_main" in cmd for cmd, _ in workers.values()), "the pool must use spawn, not fork"
    assert workers
    for cmd, env in workers.values():
        assert SECRET.encode() not in env and b"QUALCODER_CSE_PASSPHRASE" not in env
        assert SECRET.encode() not in cmd
    assert os.environ["QUALCODER_CSE_PASSPHRASE"] == SECRET  # this process still reads it
