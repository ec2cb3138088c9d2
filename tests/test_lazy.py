"""``qualcoder_cse.lazy``: a placeholder module runs its code once, on first use, and a second thread using it
meanwhile waits for the finished module. Python 3.11's own LazyLoader handed that thread a half-made module
(an AttributeError): what made loading pandas beside the window unsafe. Real modules written to a temporary
folder, real threads."""

from __future__ import annotations

import importlib.util
import sys
import threading

import pytest

from qualcoder_cse import lazy

SLOW = "import time\nRUNS = [1]\ntime.sleep(0.4)\nLATE = 'made after 0.4 s'\n"


@pytest.fixture()
def slow_module(tmp_path, monkeypatch):
    """A module that takes 0.4 s to run and defines LATE at its end."""
    name = f"qcse_slow_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text(SLOW)
    monkeypatch.syspath_prepend(str(tmp_path))
    yield name
    sys.modules.pop(name, None)


def _race(module) -> list:
    got: list = []

    def first():
        got.append(("first", module.RUNS))

    def second():
        try:
            got.append(("second", module.LATE))
        except AttributeError as exc:
            got.append(("second", exc))

    a = threading.Thread(target=first)
    a.start()
    inside = object.__getattribute__(module, "__dict__")  # read without touching the placeholder
    while "RUNS" not in inside:  # until the first thread is inside the module's code (its first line ran)
        threading.Event().wait(0.005)
    b = threading.Thread(target=second)
    b.start()
    a.join()
    b.join()
    return got


def test_a_second_thread_waits_for_the_module_the_first_is_loading(slow_module):
    module = lazy.lazy_import(slow_module)
    assert not lazy.is_loaded(slow_module)
    got = dict(_race(module))
    assert got["second"] == "made after 0.4 s"
    assert module.RUNS == [1] and lazy.is_loaded(slow_module)  # ran once


def test_the_standard_lazy_loader_of_this_python_hands_out_a_half_made_module(slow_module):
    """Why ``lazy`` has its own placeholder: on Python 3.11 the race above fails with importlib's."""
    if sys.version_info >= (3, 12):
        pytest.skip("importlib's LazyLoader is thread-safe from 3.12")
    spec = importlib.util.find_spec(slow_module)
    loader = importlib.util.LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[slow_module] = module
    loader.exec_module(module)
    assert isinstance(dict(_race(module))["second"], AttributeError)


def test_preload_runs_the_modules_in_a_background_thread(slow_module):
    lazy.lazy_import(slow_module)
    thread = lazy.preload([slow_module, "json"])
    assert thread is not None and thread.name == "preload"
    assert sys.modules[slow_module].LATE == "made after 0.4 s"  # used meanwhile: waits, then reads it
    thread.join()
    assert lazy.is_loaded(slow_module) and lazy.preload([slow_module]) is None


def test_a_module_that_fails_raises_at_its_use_every_time(tmp_path, monkeypatch):
    name = f"qcse_broken_{tmp_path.name.replace('-', '_')}"
    (tmp_path / f"{name}.py").write_text("X = 1\nraise RuntimeError('broken module')\n")
    monkeypatch.syspath_prepend(str(tmp_path))
    try:
        module = lazy.lazy_import(name)
        lazy.preload([name]).join()  # fails quietly in the background
        for _ in range(2):
            with pytest.raises(RuntimeError, match="broken module"):
                _ = module.X
    finally:
        sys.modules.pop(name, None)
