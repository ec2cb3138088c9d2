"""The heavy modules the Analysis view needs (numpy, pandas, our analysis package), imported while the
researcher is not using the window, one at a time, after a project opens.

Opening Analysis the first time in a session otherwise paid the imports before its first matrix: 0.3-0.5 s on
the bench machine, on top of the 0.2 s the matrix takes. The imports run on the GUI thread because the
modules are ``lazy.lazy_import`` placeholders (importlib's LazyLoader), which Python 3.11 does not load
safely from two threads at once; an import starts only when no key, click or wheel came for ``idle_ms``, so
the 0.1-0.25 s each takes does not fall in the middle of typing, scrolling or a menu. Moving the mouse does
not hold it back (a researcher reading moves it). Nor does one start while a worker thread of the window runs
(an import, an export): a worker touching a placeholder while it loads here would see a half-made module. A
module already loaded is skipped.
"""

from __future__ import annotations

import importlib
import sys
from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QApplication

MODULES = ("numpy", "pandas", "qualcoder_cse.analysis")
IDLE_MS = 1000  # no key, click or wheel for this long before an import
NEXT_MS = 100  # between two imports while the researcher stays away

_INPUT = {QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.Wheel, QEvent.Type.TouchBegin}


def loaded(name: str) -> bool:
    """Whether ``name`` has run its code (a LazyLoader placeholder in sys.modules has not)."""
    module = sys.modules.get(name)
    return module is not None and type(module).__name__ != "_LazyModule"


def load(name: str) -> None:
    """Import ``name`` and run it now, even when it sits in sys.modules as a lazy placeholder."""
    module = importlib.import_module(name)
    getattr(module, "__file__", None)  # any attribute of a placeholder runs the module


class IdleImports(QObject):
    """``start()`` queues the modules not loaded yet; each loads after ``idle_ms`` without input."""

    def __init__(self, parent=None, modules: tuple[str, ...] = MODULES, idle_ms: int = IDLE_MS,
                 busy: Callable[[], bool] = lambda: False) -> None:
        super().__init__(parent)
        self.modules, self.idle_ms, self.busy = modules, idle_ms, busy
        self.pending: list[str] = []
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self._next)
        app = QApplication.instance()
        if app is not None:
            app.focusWindowChanged.connect(self._watch)

    def _watch(self, window) -> None:
        if window is not None:
            window.installEventFilter(self)

    def start(self) -> None:
        self.pending = [m for m in self.modules if not loaded(m)]
        app = QApplication.instance()
        for window in app.topLevelWindows() if app is not None else ():
            self._watch(window)
        if self.pending:
            self.timer.start(self.idle_ms)

    def stop(self) -> None:
        self.pending = []
        self.timer.stop()

    def eventFilter(self, obj, event) -> bool:
        if self.pending and event.type() in _INPUT:
            self.timer.start(self.idle_ms)  # the researcher is here: wait again
        return False

    def _next(self) -> None:
        while self.pending and loaded(self.pending[0]):
            self.pending.pop(0)
        if self.pending and self.busy():  # a worker runs: after it
            self.timer.start(self.idle_ms)
            return
        if self.pending:
            load(self.pending.pop(0))
        if self.pending:
            self.timer.start(NEXT_MS)
