"""Context help: every dialog calls ``install_help(self, "section-id")`` once, at the end of its ``__init__``.
That gives it F1 and a Help button (in its button box, or a "?" button when it has none) opening the user
guide at that section. A subclass calling it again only changes the section.
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractButton,
    QBoxLayout,
    QDialogButtonBox,
    QFormLayout,
    QGridLayout,
    QHBoxLayout,
    QPushButton,
    QToolButton,
    QWidget,
)

from .guide_window import GuideWindow, open_guide

HELP_BUTTON = "helpButton"


def help_section(widget: QWidget) -> str:
    return str(widget.property("helpSection") or "")


def show_help(dialog: QWidget) -> GuideWindow:
    """The guide at the dialog's section, in a window the (possibly modal) dialog does not block."""
    return open_guide(dialog, help_section(dialog) or None)


def install_help(dialog: QWidget, section_id: str) -> None:
    """F1 and a Help button on DIALOG, opening the guide at SECTION_ID."""
    first = not help_section(dialog)
    dialog.setProperty("helpSection", section_id)
    if not first:
        return
    shortcut = QShortcut(QKeySequence(Qt.Key.Key_F1), dialog, activated=lambda: show_help(dialog))
    shortcut.setContext(Qt.ShortcutContext.WindowShortcut)
    tip = "Open the user guide at this dialog's section (F1)"
    boxes = [b for b in dialog.findChildren(QDialogButtonBox) if b.window() is dialog]
    if boxes:
        button: QAbstractButton = boxes[-1].addButton(QDialogButtonBox.StandardButton.Help)
    else:
        button = QToolButton(text="?")
        button.setFocusPolicy(Qt.FocusPolicy.NoFocus)  # keys such as Space stay the dialog's (F1 is the key)
        _place(dialog, button)
    button.setObjectName(HELP_BUTTON)
    button.setToolTip(tip)
    if isinstance(button, QPushButton):
        button.setAutoDefault(False)  # Enter keeps pressing the dialog's own default button
    button.clicked.connect(lambda: show_help(dialog))


def _place(dialog: QWidget, button: QToolButton) -> None:
    """A "?" button at the bottom right of a dialog without a button box."""
    layout = dialog.layout()
    if isinstance(layout, QBoxLayout):
        row = QHBoxLayout()
        row.addStretch(1)
        row.addWidget(button)
        layout.addLayout(row)
    elif isinstance(layout, QFormLayout):
        layout.addRow(button)
    elif isinstance(layout, QGridLayout):
        layout.addWidget(button, layout.rowCount(), max(layout.columnCount() - 1, 0),
                         Qt.AlignmentFlag.AlignRight)
    else:  # no layout: float it in the corner
        button.setParent(dialog)
        button.move(max(dialog.width() - 32, 0), 4)
