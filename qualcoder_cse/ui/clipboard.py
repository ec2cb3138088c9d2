"""What the app puts on the clipboard, and taking it back: every explicit Copy goes through ``copy_text``,
which remembers a hash of the text (never the text); when the window locks, ``clear_ours`` empties the
clipboard only if it still holds exactly what we put there (something the user copied since from another
program is left alone), and drops the X11 primary selection when it is ours (a selection in the window)."""

from __future__ import annotations

import hashlib

from PySide6.QtGui import QClipboard, QGuiApplication

_ours: bytes | None = None


def _digest(text: str) -> bytes:
    return hashlib.sha256(text.encode("utf-8", "surrogatepass")).digest()


def copy_text(text: str) -> None:
    """Put ``text`` on the clipboard as an explicit Copy, remembering that it was us."""
    global _ours
    QGuiApplication.clipboard().setText(text)
    _ours = _digest(text)


def clear_ours() -> bool:
    """Clear the clipboard if it still holds what the app put there; True when it was cleared."""
    global _ours
    clipboard = QGuiApplication.clipboard()
    cleared = False
    if _ours is not None and _digest(clipboard.text()) == _ours:
        clipboard.clear(QClipboard.Mode.Clipboard)
        cleared = True
    _ours = None
    if clipboard.supportsSelection() and clipboard.ownsSelection():
        clipboard.clear(QClipboard.Mode.Selection)
    return cleared
