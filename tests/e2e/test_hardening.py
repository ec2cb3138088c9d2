"""Crash dumps are off from the first line of the CLI and the window (qualcoder_cse/hardening.py).

Each check runs in a fresh interpreter: the state is per process, and a process starts dumpable with the
system's core limit, which the 'before' line proves.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]

pytestmark = pytest.mark.skipif(os.name == "nt", reason="checked through /proc and getrlimit (POSIX)")

PROBE = r"""
import json, os, resource, sys
def state():
    out = {"core": list(resource.getrlimit(resource.RLIMIT_CORE))}
    if sys.platform.startswith("linux"):  # PR_GET_DUMPABLE (3); /proc/self/status does not show it
        import ctypes, ctypes.util
        out["dumpable"] = str(ctypes.CDLL(ctypes.util.find_library("c")).prctl(3, 0, 0, 0, 0))
    return out
before = state()
{call}
print(json.dumps({"before": before, "after": state()}))
"""


def _probe(call: str, tmp_path: Path) -> dict:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUALCODER_CSE_")}
    env.update(QT_QPA_PLATFORM="offscreen", HOME=str(tmp_path))
    proc = subprocess.run([sys.executable, "-c", PROBE.replace("{call}", call)], capture_output=True, text=True,
                          cwd=ROOT, env=env, timeout=60, check=False)
    assert proc.returncode == 0, proc.stderr
    return json.loads(proc.stdout.strip().splitlines()[-1])


def _assert_hardened(state: dict) -> None:
    assert state["after"]["core"] == [0, 0]
    if sys.platform.startswith("linux"):
        assert state["after"]["dumpable"] == "0"


def test_cli_main_disables_crash_dumps(tmp_path: Path) -> None:
    state = _probe(
        "import contextlib, io\n"
        "from qualcoder_cse.cli import main\n"
        "with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()):\n"
        "    rc = main(['info', '/nonexistent/p.qcse'])\n",
        tmp_path,
    )
    if sys.platform.startswith("linux"):
        assert state["before"]["dumpable"] == "1"  # so the check below can fail
    _assert_hardened(state)


def test_window_run_disables_crash_dumps(tmp_path: Path) -> None:
    state = _probe(
        "from qualcoder_cse import app\n"
        f"assert app.run(screenshot={str(tmp_path / 'start.png')!r}) == 0\n",  # the start screen, then exit
        tmp_path,
    )
    _assert_hardened(state)


def test_spawned_children_inherit_no_core_limit(tmp_path: Path) -> None:
    """The import pool starts its workers with the spawn method: RLIMIT_CORE 0 is inherited across exec."""
    state = _probe(
        "from qualcoder_cse.hardening import disable_crash_dumps\n"
        "disable_crash_dumps()\n"
        "import multiprocessing as mp, resource\n"
        "ctx = mp.get_context('spawn')\n"
        "with ctx.Pool(1) as pool:\n"
        "    child = pool.apply(resource.getrlimit, (resource.RLIMIT_CORE,))\n"
        "assert list(child) == [0, 0], child\n",
        tmp_path,
    )
    _assert_hardened(state)


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="PR_GET_DUMPABLE is Linux's")
def test_import_pool_workers_are_not_dumpable(tmp_path: Path) -> None:
    """The kernel makes every newly exec'd process dumpable again, so the import pool's workers (which hold
    transcript text while they detect names) must drop it themselves, in the pool's initializer."""
    state = _probe(
        "from concurrent.futures import ProcessPoolExecutor\n"
        "import multiprocessing as mp\n"
        "from qualcoder_cse.hardening import disable_crash_dumps, is_dumpable\n"
        "from qualcoder_cse.workflows import parallel_import\n"
        "disable_crash_dumps()\n"
        "with ProcessPoolExecutor(1, mp_context=mp.get_context('spawn'),\n"
        "                         initializer=parallel_import._init_worker) as pool:\n"
        "    child = pool.submit(is_dumpable).result()\n"
        "assert child is False, child\n",
        tmp_path,
    )
    _assert_hardened(state)
