"""``ui.idle_imports``: heavy modules load on the GUI thread when the window is idle, never while a worker
thread of the window runs (a worker touching a lazy placeholder while it loads would see a half-made module)
and never during typing. A real lazy placeholder (``lazy.lazy_import``) of a standard module stands for pandas."""

from __future__ import annotations

import sys

from qualcoder_cse.lazy import lazy_import
from qualcoder_cse.ui.idle_imports import IdleImports, loaded

MODULE = "tabnanny"  # a standard module nothing here imports


def _placeholder():
    sys.modules.pop(MODULE, None)
    lazy_import(MODULE)
    assert not loaded(MODULE)


def test_a_placeholder_loads_when_idle_and_not_while_a_worker_runs(qtbot):
    _placeholder()
    running = {"on": True}  # the window's rule (a QThread of it running) is checked in tests/e2e
    imports = IdleImports(modules=(MODULE,), idle_ms=50, busy=lambda: running["on"])
    try:
        imports.start()
        qtbot.wait(400)
        assert not loaded(MODULE)  # a worker runs: held back
        running["on"] = False
        qtbot.waitUntil(lambda: loaded(MODULE), timeout=2000)
        assert sys.modules[MODULE].check  # the real module, run
    finally:
        imports.stop()
        sys.modules.pop(MODULE, None)


def test_stop_forgets_what_was_queued(qtbot):
    _placeholder()
    imports = IdleImports(modules=(MODULE,), idle_ms=50)
    try:
        imports.start()
        imports.stop()
        qtbot.wait(200)
        assert not loaded(MODULE)
    finally:
        sys.modules.pop(MODULE, None)
