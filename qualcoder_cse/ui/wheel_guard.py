"""No combo box changes on a mouse wheel it did not get focus for.

Scrolling a table or dialog with the wheel passes over combo boxes; Qt's default lets each one it passes
change its value (a speaker's case "P2" silently became "P4", and every by-case matrix with it). One
application-wide event filter, installed once by the main window (``install_wheel_guard``), covers every
QComboBox of every window and dialog: a wheel over a combo box that does not have the keyboard focus is
passed to the widget behind it (so the table or form still scrolls) and the box keeps its value. Click or
Tab into a box first and the wheel changes it as usual.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QWidget

_GUARDED = (QComboBox, QLineEdit)  # a box, or the line edit of an editable box


def _combo_of(obj: QObject) -> QComboBox | None:
    """The combo box an event is for: the box itself or its line edit (editable boxes)."""
    if isinstance(obj, QComboBox):
        return obj
    parent = obj.parent() if isinstance(obj, QWidget) else None
    return parent if isinstance(parent, QComboBox) else None


class WheelGuard(QObject):
    """Event filter: a wheel over an unfocused combo box scrolls what is behind it instead."""

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        # Every event of the application passes here: a type check on the object first (cheap) keeps the
        # event's type (an enum PySide converts on each call) out of the path of all but combo boxes.
        if not isinstance(obj, _GUARDED):
            return False
        kind = event.type()
        if kind == QEvent.Type.Polish and isinstance(obj, QComboBox):
            # Qt's default (WheelFocus) gives the box focus on a real wheel before any filter sees it
            if obj.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                obj.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            return False
        if kind != QEvent.Type.Wheel:
            return False
        combo = _combo_of(obj)
        if combo is None or combo.hasFocus() or (combo.lineEdit() is not None and combo.lineEdit().hasFocus()):
            return False
        behind = combo.parentWidget()
        if behind is not None:
            QCoreApplication.sendEvent(behind, event)  # the table or scroll area scrolls as if no box were there
        return True


def install_wheel_guard(app: QCoreApplication | None = None) -> WheelGuard | None:
    """Install the guard on the application once; returns it (None without an application)."""
    app = app or QApplication.instance()
    if app is None:
        return None
    guard = getattr(app, "_qcse_wheel_guard", None)
    if guard is None:
        guard = WheelGuard(app)
        app.installEventFilter(guard)
        app._qcse_wheel_guard = guard
    return guard
