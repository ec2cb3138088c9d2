"""Plugs "Suggest codings" into the main window.

``install(window)`` adds a "Suggestions" dock at the bottom (tabbed with the coded-segments list) and
``Code > Suggest codings…`` (Ctrl+Shift+G). A suggestion selected in the list opens its passage in the document
view; the suggested passages of the document open are marked there in their own style (a dashed violet
underline, apart from the codings' tints). The panel is built when a project opens and dropped when it closes.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QVBoxLayout, QWidget

from .merge_dialog import CodePickerDialog
from .suggest_panel import SuggestPanel


class SuggestExtension(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.panel: SuggestPanel | None = None
        self.host = QWidget()
        QVBoxLayout(self.host).setContentsMargins(0, 0, 0, 0)
        self.dock = window.add_dock(self.host, "Suggestions", Qt.DockWidgetArea.BottomDockWidgetArea,
                                    name="suggestions")
        segments = window.docks.get("segments") or window.docks.get("search")
        if segments is not None:
            window.tabifyDockWidget(segments, self.dock)
            segments.raise_()
        act = window.menus["code"].addAction("Su&ggest codings…", self.show_panel)
        act.setShortcut(QKeySequence("Ctrl+Shift+G"))
        window.project_opened.connect(self._opened)
        window.project_closing.connect(self._stop)  # a training must not read a project being closed
        window.project_closed.connect(self._closed)
        window.document_shown.connect(lambda _doc: self.highlight())

    def _opened(self, project) -> None:
        self._closed()
        panel = SuggestPanel(project, self.window.undo_stack)
        panel.current_document = lambda: self.window.current_document_id
        panel.pick_code = self.pick_code
        panel.passageActivated.connect(self.window.show_document)
        panel.highlightsChanged.connect(self.highlight)
        self.host.layout().addWidget(panel)
        self.panel = panel

    def _stop(self) -> None:
        if self.panel is not None:
            self.panel.shutdown()

    def _closed(self) -> None:
        if self.panel is not None:
            self.panel.shutdown()
            self.panel.setParent(None)
            self.panel.deleteLater()
            self.panel = None
            self.window.view.set_suggestions([])

    def show_panel(self) -> SuggestPanel | None:
        if self.panel is None:
            return None
        self.dock.show()
        self.dock.raise_()
        if not self.dock.isFloating() and self.dock.height() < 380:
            self.window.resizeDocks([self.dock], [380], Qt.Orientation.Vertical)
        return self.panel

    def highlight(self) -> None:
        doc = self.window.current_document_id
        spans = self.panel.spans_in(doc) if self.panel is not None and doc is not None else []
        self.window.view.set_suggestions(spans)

    def pick_code(self) -> int | None:
        dlg = CodePickerDialog(self.window.project, "Suggest codings for one code",
                               "Type any part of a code's path, then Enter.", "Choose", parent=self.window)
        return dlg.target_id() if dlg.exec() else None


def install(window) -> SuggestExtension:
    window.suggest_extension = SuggestExtension(window)
    return window.suggest_extension
