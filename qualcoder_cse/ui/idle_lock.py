"""The idle lock: after N minutes without keyboard or mouse input the window hides all text until the
project passphrase is entered again (checked in memory by ``project.check_passphrase``, no disk access).
Locking also takes back what the app put on the clipboard, if the clipboard still holds it (``clipboard``)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QTimer, Signal
from PySide6.QtGui import QWindow
from PySide6.QtWidgets import QApplication, QLabel, QLineEdit, QPushButton, QVBoxLayout, QWidget

from .clipboard import clear_ours

_INPUT_EVENTS = {
    QEvent.Type.KeyPress, QEvent.Type.MouseButtonPress, QEvent.Type.MouseMove, QEvent.Type.Wheel,
    QEvent.Type.TouchBegin,
}


class IdleWatcher(QObject):
    """Any input restarts the countdown; ``idle`` fires when it runs out.

    The watcher filters the events of the application's windows (the main window, each dialog as it gets the
    focus), where the keyboard and the mouse deliver theirs first, not every event of the application: an
    application-wide filter put each repaint of each panel through Python (a click's repaint is hundreds).
    """

    idle = Signal()

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.timeout.connect(self.idle)
        self.active = False
        self._attached = False
        app = QApplication.instance()
        if app is not None:
            app.focusWindowChanged.connect(self.watch)
            self._attached = True
            for window in app.topLevelWindows():
                self.watch(window)

    def watch(self, window: QWindow | None) -> None:
        """Count the input of ``window`` (installing twice is harmless: Qt keeps one)."""
        if window is not None:
            window.installEventFilter(self)

    def set_timeout_ms(self, ms: int) -> None:
        """0 switches the lock off."""
        self.timer.setInterval(max(0, ms))
        self.restart()

    def restart(self) -> None:
        app = QApplication.instance()
        for window in app.topLevelWindows() if app is not None else ():  # shown since (a focus may not change)
            self.watch(window)
        if self.active and self.timer.interval() > 0:
            self.timer.start()
        else:
            self.timer.stop()

    def set_active(self, active: bool) -> None:
        self.active = active
        self.restart()

    def eventFilter(self, obj, event) -> bool:
        if self.active and event.type() in _INPUT_EVENTS and self.timer.isActive():
            self.timer.start()
        return False

    def detach(self) -> None:
        """Stop watching (once: a window closed twice detaches twice)."""
        app = QApplication.instance()
        if app is not None and self._attached:
            self._attached = False
            app.focusWindowChanged.disconnect(self.watch)
            for window in app.topLevelWindows():
                window.removeEventFilter(self)


class LockScreen(QWidget):
    """Shown instead of the workbench while locked."""

    unlock_requested = Signal(str)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("lockScreen")
        layout = QVBoxLayout(self)
        layout.addStretch(2)
        self.title = QLabel("<h2>Project locked</h2>")
        layout.addWidget(self.title)
        self.info = QLabel("", objectName="lockInfo")
        self.info.setWordWrap(True)
        layout.addWidget(self.info)
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="unlockPassphrase")
        self.passphrase.setMaximumWidth(360)
        layout.addWidget(self.passphrase)
        self.button = QPushButton("Unlock", objectName="unlockButton")
        self.button.setMaximumWidth(160)
        layout.addWidget(self.button)
        self.message = QLabel("", objectName="unlockMessage")
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        layout.addStretch(3)
        layout.setContentsMargins(80, 20, 80, 20)
        self.button.clicked.connect(self._submit)
        self.passphrase.returnPressed.connect(self._submit)

    def _submit(self) -> None:
        self.unlock_requested.emit(self.passphrase.text())

    def reset(self, project_name: str, *, idle: bool = False) -> None:
        """``idle``: locked by the idle timer; otherwise the researcher locked it (Tools > Lock now)."""
        clear_ours()  # a copied quotation must not stay on the clipboard of a locked, unattended laptop
        self.title.setText(f"<h2>{project_name} is locked</h2>")
        why = (
            "The window was locked because it was not used for a while"
            if idle
            else "You locked the window"
        )
        self.info.setText(f"{why}, so that nobody passing by can read the transcripts. Enter the project "
                          "passphrase to go on.")
        self.passphrase.clear()
        self.message.clear()
        self.passphrase.setFocus()
