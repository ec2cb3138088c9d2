"""When the idle lock engages, the quotation the researcher copied leaves the clipboard; something copied
since from another program (or by hand) is left alone."""

from __future__ import annotations

from PySide6.QtGui import QGuiApplication, QTextCursor


def _select_and_copy(w, qtbot) -> str:
    doc = w.project.documents.by_name("Police lead 1")
    w.show_document(doc.id)
    cur = w.view.textCursor()
    cur.setPosition(0)
    cur.setPosition(30, QTextCursor.MoveMode.KeepAnchor)
    w.view.setTextCursor(cur)
    assert w.view.copy_explicit()
    text = QGuiApplication.clipboard().text()
    assert text.strip()
    return text


def test_idle_lock_clears_what_the_app_copied(qtbot, main_window, passphrase):
    w = main_window
    _select_and_copy(w, qtbot)
    w.idle.set_timeout_ms(50)
    qtbot.waitUntil(lambda: w.locked, timeout=3000)
    assert QGuiApplication.clipboard().text() == ""
    w.idle.set_timeout_ms(0)
    w.lock_screen.passphrase.setText(passphrase)
    w.lock_screen.button.click()
    assert not w.locked


def test_idle_lock_leaves_what_was_copied_elsewhere_since(qtbot, main_window):
    w = main_window
    _select_and_copy(w, qtbot)
    QGuiApplication.clipboard().setText("a shopping list from another program")
    w.idle.set_timeout_ms(50)
    qtbot.waitUntil(lambda: w.locked, timeout=3000)
    assert QGuiApplication.clipboard().text() == "a shopping list from another program"
    w.idle.set_timeout_ms(0)
