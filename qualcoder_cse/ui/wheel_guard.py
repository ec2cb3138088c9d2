"""No combo box changes on a mouse wheel it did not get focus for.

Scrolling a table or dialog with the wheel passes over combo boxes; Qt's default lets each one it passes
change its value (a speaker's case "P2" silently became "P4", and every by-case matrix with it). The guard,
installed once by the main window (``install_wheel_guard``), covers every QComboBox of every window and dialog:
a wheel over a combo box that does not have the keyboard focus is passed to the widget behind it (so the table
or form still scrolls) and the box keeps its value. Click or Tab into a box first and the wheel changes it as
usual.

How it sees every box: the application's style is wrapped in a proxy whose ``polish`` (called once for each
widget before it is first shown) puts the guard's event filter on each combo box and on the line edit of an
editable one. An event filter on the application did the same, but every event of every widget then passed
through Python (a fifth of the main window's set-up went into wrapping events for it).
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QEvent, QObject, Qt
from PySide6.QtWidgets import QApplication, QComboBox, QLineEdit, QProxyStyle, QWidget


def _combo_of(obj: QObject) -> QComboBox | None:
    """The combo box an event is for: the box itself or its line edit (editable boxes)."""
    if isinstance(obj, QComboBox):
        return obj
    parent = obj.parent() if isinstance(obj, QWidget) else None
    return parent if isinstance(parent, QComboBox) else None


class WheelGuard(QObject):
    """Event filter on each combo box (and its line edit): a wheel over an unfocused box scrolls what is behind
    it instead."""

    def watch(self, widget: QWidget) -> None:
        """Guard ``widget`` if it is a combo box or a combo box's line edit (once: Qt keeps one entry)."""
        combo = _combo_of(widget) if isinstance(widget, (QComboBox, QLineEdit)) else None
        if combo is None:
            return
        if widget is combo:
            # Qt's default (WheelFocus) gives the box focus on a real wheel before any filter sees it
            if combo.focusPolicy() == Qt.FocusPolicy.WheelFocus:
                combo.setFocusPolicy(Qt.FocusPolicy.StrongFocus)
            if combo.lineEdit() is not None:
                combo.lineEdit().installEventFilter(self)
        widget.installEventFilter(self)

    def eventFilter(self, obj: QObject, event: QEvent) -> bool:
        if event.type() != QEvent.Type.Wheel:
            return False
        combo = _combo_of(obj)
        if combo is None or combo.hasFocus() or (combo.lineEdit() is not None and combo.lineEdit().hasFocus()):
            return False
        behind = combo.parentWidget()
        if behind is not None:
            QCoreApplication.sendEvent(behind, event)  # the table or scroll area scrolls as if no box were there
        return True


class _GuardingStyle(QProxyStyle):
    """The application's style unchanged, except that each combo box it polishes is put under the guard."""

    def __init__(self, key: str, guard: WheelGuard) -> None:
        super().__init__(key)
        self._guard = guard

    def polish(self, target):  # QStyle.polish has QWidget, QApplication and QPalette overloads
        result = super().polish(target)
        if isinstance(target, (QComboBox, QLineEdit)):
            self._guard.watch(target)
        return result


def install_wheel_guard(app: QCoreApplication | None = None) -> WheelGuard | None:
    """Install the guard on the application once; returns it (None without an application). Call it before
    the first window is built: changing the style polishes every widget that exists again."""
    app = app or QApplication.instance()
    if not isinstance(app, QApplication):
        return None
    guard = getattr(app, "_qcse_wheel_guard", None)
    if guard is None:
        guard = WheelGuard(app)
        style = _GuardingStyle(app.style().name(), guard)
        app.setStyle(style)
        app._qcse_wheel_guard = guard
        app._qcse_wheel_guard_style = style  # the application does not keep the Python wrapper alive
        for widget in app.allWidgets():  # boxes polished before the guard (none when called first)
            guard.watch(widget)
    return guard
