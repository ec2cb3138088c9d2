"""Issue 23, item 6: Tools > Lock now said "locked after a period without use". The lock screen says why it
is locked: the researcher's own Lock now, or the idle timer."""

from __future__ import annotations


def _lock_now_action(window):
    return next(a for a in window.menuBar().findChildren(type(window.undo_action)) if a.text() == "&Lock now")


def test_manual_lock_says_the_researcher_locked_it(qtbot, main_window, passphrase):
    _lock_now_action(main_window).trigger()  # Ctrl+L, as the menu sends it
    assert main_window.locked
    text = main_window.lock_screen.info.text()
    assert text.startswith("You locked the window") and "without use" not in text and "while" not in text
    assert main_window.unlock(passphrase)
    main_window.idle.idle.emit()  # the idle timer ran out
    assert main_window.locked
    assert "not used for a while" in main_window.lock_screen.info.text()
    assert main_window.unlock(passphrase)
