"""What a click on a code did, said in the status bar with an Undo link.

Clicking a code while text is selected applies it at once (fast coding); an accidental click is therefore
easy to miss. ``CodingFeedback.coded(command, name, excerpt)`` shows "Coded “…” as Code — Undo" until the
next coding (or 15 s); the link undoes exactly that coding, and only while it is still the last step on
the undo stack (otherwise it says so instead of undoing something else).
"""

from __future__ import annotations

import html

from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QFont, QFontMetrics

from .steady_layout import SteadyLabel

SHOW_MS = 15_000


class CodingFeedback(SteadyLabel):
    """Of a steady size (``SteadyLabel``): a new text on each click does not lay out the window again."""

    def __init__(self, window) -> None:
        super().__init__("", window, align=Qt.AlignmentFlag.AlignRight)
        self.setObjectName("codingFeedback")
        self.window_ = window
        self.command = None
        self.setOpenExternalLinks(False)
        self.setTextInteractionFlags(Qt.TextInteractionFlag.LinksAccessibleByMouse
                                     | Qt.TextInteractionFlag.LinksAccessibleByKeyboard)
        self.linkActivated.connect(lambda _link: self.undo())
        self._timer = QTimer(self, singleShot=True, interval=SHOW_MS)
        self._timer.timeout.connect(self.clear_feedback)
        window.statusBar().addPermanentWidget(self)
        # the quote must not outlive the workbench: the idle lock (or the start screen) clears it
        window.stack.currentChanged.connect(lambda _page: self.clear_feedback())
        self.hide()

    def coded(self, command, name: str, excerpt: str) -> None:
        text = " ".join(excerpt.split())
        if len(text) > 60:
            text = text[:40].rstrip() + " … " + text[-15:].lstrip()
        self.command = command
        # its width from the font's measures (laying out the rich text twice, to measure it, cost a millisecond)
        bold = QFont(self.font())
        bold.setBold(True)
        plain = self.fontMetrics()
        size = QSize(plain.horizontalAdvance(f"Coded “{text}” as ") + QFontMetrics(bold).horizontalAdvance(name)
                     + plain.horizontalAdvance(" — Undo (Ctrl+Z)"), max(plain.height(), QFontMetrics(bold).height()))
        self.set_sized_text(f"Coded “{html.escape(text)}” as <b>{html.escape(name)}</b> — "
                            "<a href='undo'>Undo</a> (Ctrl+Z)", size)
        self.show()
        self._timer.start()

    def undo(self) -> bool:
        stack = self.window_.undo_stack
        top = stack.command(stack.index() - 1) if stack.index() > 0 else None
        if self.command is None or top is not self.command:
            self.setText("That coding is no longer the last step; use Edit > Undo.")
            self.command = None
            return False
        stack.undo()
        self.setText("Coding undone.")
        self.command = None
        self._timer.start(4000)
        return True

    def clear_feedback(self) -> None:
        self.command = None
        self.setText("")
        self.hide()
