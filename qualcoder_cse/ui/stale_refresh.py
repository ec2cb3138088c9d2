"""A panel that shows a computation over the project (the Analysis view) follows the project's changes:
in sight, it recomputes once the changes have paused (a burst of codings is one recomputation, and a
click in the document is never slowed by it); out of sight, it recomputes when it is next shown."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QEvent, QObject, QTimer
from PySide6.QtWidgets import QWidget

PAUSE_MS = 800  # quiet time after the last change before recomputing


class StaleRefresh(QObject):
    def __init__(self, widget: QWidget, refresh: Callable[[], None], pause_ms: int = PAUSE_MS) -> None:
        super().__init__(widget)
        self._widget, self._refresh = widget, refresh
        self.stale = False
        self._timer = QTimer(self, singleShot=True, interval=pause_ms)
        self._timer.timeout.connect(self._now)
        widget.installEventFilter(self)

    def mark(self) -> None:
        """The project changed: what the widget shows is out of date."""
        self.stale = True
        if self._widget.isVisible():
            self._timer.start()  # restarted by each change of a burst

    def _now(self) -> None:
        if self.stale and self._widget.isVisible():
            self.stale = False
            self._refresh()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if watched is self._widget and event.type() == QEvent.Type.Show and self.stale:
            self._timer.start(0)
        return False
