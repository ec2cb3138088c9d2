"""The idle lock counts the keyboard and the mouse where they arrive, in the window and in a dialog: input
postpones the lock, no input lets it engage; the panels' repaints do not pass through the watcher."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QPoint, Qt
from PySide6.QtTest import QTest
from PySide6.QtWidgets import QDialog, QLineEdit, QVBoxLayout


def _busy(qtbot, window, steps: int, key: bool = False) -> None:
    """A person at work: input every 100 ms for ``steps`` times, as the platform delivers it (to the window)."""
    for i in range(steps):
        if key:
            QTest.keyClick(window, Qt.Key.Key_A)
        else:
            QTest.mouseMove(window, QPoint(200 + (i % 7) * 9, 200 + (i % 5) * 7))
        qtbot.wait(100)


def test_input_in_the_window_or_a_dialog_postpones_the_lock(qtbot, main_window):
    w = main_window
    w.activateWindow()
    qtbot.waitUntil(lambda: w.windowHandle() is not None)
    w.idle.set_timeout_ms(500)
    try:
        _busy(qtbot, w.windowHandle(), 12)  # 1.2 s of mouse moves: more than the timeout
        assert not w.locked
        dialog = QDialog(w)
        QVBoxLayout(dialog).addWidget(QLineEdit())
        dialog.show()
        dialog.activateWindow()
        qtbot.waitUntil(lambda: dialog.windowHandle() is not None)
        _busy(qtbot, dialog.windowHandle(), 12, key=True)  # typing in a dialog counts too
        assert not w.locked
        qtbot.waitUntil(lambda: w.locked, timeout=3000)  # then nothing: the lock engages
    finally:
        w.idle.set_timeout_ms(0)


def test_repaints_do_not_pass_through_the_idle_watcher(qtbot, main_window):
    w = main_window
    seen: list[int] = []
    original = w.idle.eventFilter

    def counting(obj, event):
        if event.type() == QEvent.Type.Paint:
            seen.append(1)
        return original(obj, event)

    w.idle.eventFilter = counting
    w.repaint()
    for dock in w.docks.values():
        dock.repaint()
    assert seen == []
