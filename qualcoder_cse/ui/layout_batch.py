"""Show or hide many children of a window with one layout of the window. Qt lays a window out again at each
child shown (to size the child before it appears): opening a project showed ten docks and two bars, i.e. a
dozen layouts of the whole main window, where one does."""

from __future__ import annotations

from collections.abc import Iterable

from PySide6.QtWidgets import QWidget


def set_visible_together(window: QWidget, widgets: Iterable[QWidget], visible: bool) -> None:
    layout = window.layout()
    layout.setEnabled(False)  # a disabled layout is not activated by each show, nor by each hide
    try:
        for widget in widgets:
            widget.setVisible(visible)
    finally:
        layout.setEnabled(True)
    layout.activate()
