"""The one place where the domain's ``Change`` events become Qt signals on the GUI thread.

Every panel listens to the hub of its project instead of subscribing to the project::

    hub = hub_for(project)
    hub.listen(self._on_change)                 # later (closeEvent): hub.stop(self._on_change)

``changed`` carries one merged ``Change`` per turn of the event loop: a burst of writes (an undo macro, a
batch of accepted suggestions) reaches each panel once, and each panel updates only what the change names
(the documents, codes, codings...). ``immediate`` carries each change as it happens, unmerged, for the one
thing that must follow a click before anything else reads it: the document view's highlight.

Writes made on a worker thread are safe: the hub folds them under a lock and its flush runs on the thread
the hub lives on (the GUI thread, where the first ``hub_for`` call made it); ``immediate`` for such a change
is delivered there too, queued.
"""

from __future__ import annotations

import threading
import weakref
from collections.abc import Callable
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QThread, Signal

from ..core.changes import Change, Pending

if TYPE_CHECKING:
    from ..core.project import Project

_HUBS: weakref.WeakKeyDictionary[Project, ChangeHub] = weakref.WeakKeyDictionary()


class ChangeHub(QObject):
    changed = Signal(object)  # a merged Change, once per event-loop turn, on the GUI thread
    immediate = Signal(object)  # every Change as it happens, on the GUI thread
    _wake = Signal()
    _foreign = Signal(object)  # a change made on another thread, carried to ours

    def __init__(self, project: Project) -> None:
        super().__init__()
        self._lock = threading.Lock()
        self._pending = Pending()
        self._scheduled = False
        self._slots: list[Callable[[Change], None]] = []
        self._wake.connect(self.flush, Qt.ConnectionType.QueuedConnection)
        self._foreign.connect(self.immediate.emit, Qt.ConnectionType.QueuedConnection)
        # not a strong reference: the project owns the hub, not the reverse
        self._project: weakref.ref[Project] = weakref.ref(project)
        project.subscribe(self._receive)

    def listen(self, slot: Callable[[Change], None]) -> None:
        """Connect ``slot`` to ``changed`` (once)."""
        if slot not in self._slots:
            self._slots.append(slot)
            self.changed.connect(slot)

    def stop(self, slot: Callable[[Change], None]) -> None:
        """Disconnect ``slot``; harmless when it is not connected (a panel closed twice)."""
        if slot in self._slots:
            self._slots.remove(slot)
            self.changed.disconnect(slot)

    def _receive(self, change: Change) -> None:
        with self._lock:
            self._pending.add(change)
            schedule, self._scheduled = not self._scheduled, True
        if QThread.currentThread() is self.thread():
            self.immediate.emit(change)
        else:
            self._foreign.emit(change)
        if schedule:
            self._wake.emit()  # queued: the flush runs at the GUI thread's next turn

    def flush(self) -> None:
        """Emit what changed since the last flush, as one ``Change`` (nothing when nothing changed)."""
        with self._lock:
            change = self._pending.take()
            self._scheduled = False
        project = self._project()
        if change and project is not None and project.is_open:  # a write just before closing: nothing to show
            self.changed.emit(change)


def hub_for(project: Project) -> ChangeHub:
    """The project's hub, made on first use (call it on the GUI thread)."""
    hub = _HUBS.get(project)
    if hub is None:
        hub = _HUBS[project] = ChangeHub(project)
    return hub
