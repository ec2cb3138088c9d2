"""Lock the window (Tools > Lock now, Ctrl+L, or the idle timer): every text hidden until the passphrase the
project was opened with is typed again. Dialogs are cancelled, other windows and the docks and toolbars
hidden; a progress dialog is only hidden (a long import must not be cancelled by the lock)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QApplication,
    QDialog,
    QDockWidget,
    QInputDialog,
    QMenu,
    QProgressDialog,
    QToolBar,
    QToolTip,
    QWidget,
)

if TYPE_CHECKING:
    from .main_window import MainWindow


class WindowLock:
    def __init__(self, window: MainWindow, lock_page: int, work_page: int) -> None:
        self.w = window
        self.lock_page, self.work_page = lock_page, work_page
        self.locked = False
        self._hidden: list[QWidget] = []  # docks and toolbars of the window
        self._hidden_windows: list[QWidget] = []

    def lock(self, *, idle: bool = False) -> None:
        """Hide all text until the passphrase is entered (``idle``: the idle timer ran out; else Lock now)."""
        w = self.w
        if w.project is None or self.locked:
            return
        self.locked = True
        QToolTip.hideText()
        self._hidden_windows = []
        for top in QApplication.topLevelWidgets():
            if top is w or not top.isVisible():
                continue
            if isinstance(top, QProgressDialog):
                top.hide()
                self._hidden_windows.append(top)
            elif isinstance(top, QDialog):
                top.reject()
            elif isinstance(top, QMenu):
                top.close()
            elif not isinstance(top, QDockWidget):
                top.hide()
        self._hidden = [d for d in w.docks.values() if d.isVisible()]
        self._hidden += [t for t in w.findChildren(QToolBar) if t.isVisible() and t.parent() is w]
        for d in self._hidden:
            d.hide()
        w.view.hide()
        w.menuBar().setEnabled(False)
        w.lock_screen.reset(w.project.name, idle=idle)
        w.stack.setCurrentIndex(self.lock_page)
        w.idle.set_active(False)
        w.setWindowTitle("Locked — QualCoder-CSE")

    def unlock(self, passphrase: str) -> bool:
        w = self.w
        if not self.locked or w.project is None:
            return False
        if not w.project.check_passphrase(passphrase):
            w.lock_screen.message.setText("That passphrase is not right. Try again.")
            w.lock_screen.passphrase.selectAll()
            return False
        self.locked = False
        w.lock_screen.passphrase.clear()
        w.stack.setCurrentIndex(self.work_page)
        w.view.show()
        for d in self._hidden:
            d.show()
        for top in self._hidden_windows:
            top.show()
        self._hidden_windows = []
        w.menuBar().setEnabled(True)
        w.setWindowTitle(f"{w.project.name} — QualCoder-CSE")
        w.idle.set_active(True)
        w.coding.refresh_details()
        return True

    def settings_dialog(self) -> None:
        w = self.w
        minutes, ok = QInputDialog.getInt(w, "Idle lock", "Lock the window after this many minutes without use "
                                          "(0 = never):", w.settings.idle_minutes(), 0, 240)
        if ok:
            w.settings.set_idle_minutes(minutes)
            w.idle.set_timeout_ms(minutes * 60_000)
