"""Deferred imports for heavy libraries (pandas, numpy, our analysis package) on the window's start-up path.

``pd = lazy_import("pandas")`` returns the module object at once but runs its code only on the first
attribute access (as ``importlib.util.LazyLoader``), so a module that uses pandas only inside methods can be
imported while the window starts without paying ~1 s for pandas. ``preload`` then runs such modules in a
background thread (the window calls it once it is shown).

The placeholder is thread-safe, as CPython's own became in 3.12 (gh-114763): on Python 3.11 a second thread
touching a placeholder while the first ran its code saw a half-made module (an AttributeError for a name
not yet defined). Here the first access takes a per-module lock and runs the code; any other thread waits on
that lock, then reads the finished module. Headless: no Qt here.
"""

from __future__ import annotations

import importlib
import importlib.util
import sys
import threading
import types
from collections.abc import Iterable
from types import ModuleType


class _LazyModule(types.ModuleType):
    """A module whose code runs on first attribute access (under its lock: one thread runs it)."""

    def __getattribute__(self, attr):
        spec = object.__getattribute__(self, "__spec__")
        state = spec.loader_state
        with state["lock"]:
            # the first thread in runs the module and restores its class; the others find it done
            if object.__getattribute__(self, "__class__") is _LazyModule:
                cls = state["__class__"]
                if state["is_loading"]:  # the module's own code reading itself while it runs
                    return cls.__getattribute__(self, attr)
                state["is_loading"] = True
                attrs = cls.__getattribute__(self, "__dict__")
                then = state["__dict__"]
                updated = {k: v for k, v in attrs.items() if k not in then or then[k] is not v}
                try:
                    spec.loader.exec_module(self)
                except BaseException:
                    state["is_loading"] = False  # the next use runs it again and raises what it raises
                    raise
                if spec.name in sys.modules and sys.modules[spec.name] is not self:
                    raise ValueError(f"module object for {spec.name!r} substituted in sys.modules during a lazy load")
                attrs.update(updated)
                if isinstance(self, _LazyModule):
                    object.__setattr__(self, "__class__", cls)
        return getattr(self, attr)

    def __delattr__(self, attr):
        self.__getattribute__(attr)  # load first (and raise if there is no such attribute)
        delattr(self, attr)


class _LazyLoader(importlib.util.LazyLoader):
    def exec_module(self, module: ModuleType) -> None:
        module.__spec__.loader = self.loader
        module.__loader__ = self.loader
        module.__spec__.loader_state = {
            "__dict__": module.__dict__.copy(), "__class__": module.__class__,
            "lock": threading.RLock(), "is_loading": False,
        }
        module.__class__ = _LazyModule


def lazy_import(name: str) -> ModuleType:
    """``name`` as a module that loads on first use (or the real one if it is already imported)."""
    module = sys.modules.get(name)
    if module is not None:
        return module
    spec = importlib.util.find_spec(name)
    if spec is None or spec.loader is None:
        raise ModuleNotFoundError(f"No module named {name!r}", name=name)
    loader = _LazyLoader(spec.loader)
    spec.loader = loader
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    loader.exec_module(module)
    return module


def is_loaded(name: str) -> bool:
    """Whether ``name`` has run its code (a placeholder in sys.modules has not)."""
    module = sys.modules.get(name)
    return module is not None and type(module) is not _LazyModule


def load(name: str) -> None:
    """Import ``name`` and run it now, even when it sits in sys.modules as a placeholder."""
    module = importlib.import_module(name)
    getattr(module, "__file__", None)  # any attribute of a placeholder runs the module


def preload(names: Iterable[str]) -> threading.Thread | None:
    """Load the modules of ``names`` not loaded yet, in this order, in a background thread (started and
    returned; None when there is nothing to load). A module that fails to load is left for its first use,
    which raises as it would have."""
    pending = [n for n in names if not is_loaded(n)]
    if not pending:
        return None

    def run() -> None:
        for name in pending:
            try:
                load(name)
            except Exception:  # noqa: BLE001 - raised again, with its stack, where the module is first used
                return

    # a daemon: quitting at once (the app's --screenshot, a closed window) does not wait for pandas
    thread = threading.Thread(target=run, name="preload", daemon=True)
    thread.start()
    return thread
