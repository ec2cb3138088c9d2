"""Plugs "Suggest codings" into the main window.

``install(host)`` (the window seen as a ``WorkbenchHost``) adds a "Suggestions" dock at the bottom (tabbed
with the coded-segments list) and ``Code > Suggest codings…`` (Ctrl+Shift+G). A suggestion selected in the
list opens its passage in the document view; the suggested passages of the document open are marked there
in their own style (a dashed violet underline, apart from the codings' tints). The panel is built when its
tab is first looked at (or Ctrl+Shift+G), not when a project opens, and dropped when the project closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from .host import WorkbenchHost
from .lazy_panel_host import InSightPage
from .merge_dialog import CodePickerDialog
from .suggest_panel import SuggestPanel

if TYPE_CHECKING:
    from ..core.project import Project


class SuggestExtension(QObject):
    def __init__(self, host: WorkbenchHost) -> None:
        super().__init__(host.window())
        self.host = window = host
        self.panel: SuggestPanel | None = None
        # open; the panel is built when its tab is first looked at or Ctrl+Shift+G
        self.project: Project | None = None
        self.page = InSightPage(self._ensure)
        self.dock = window.add_dock(self.page, "Suggestions", Qt.DockWidgetArea.BottomDockWidgetArea,
                                    name="suggestions")
        self.dock.visibilityChanged.connect(self.page.look_soon)
        segments = window.docks.get("segments") or window.docks.get("search")
        if segments is not None:
            window.tab_docks(segments, self.dock)
            segments.raise_()
        act = window.menu("code").addAction("Su&ggest codings…", self.show_panel)
        act.setShortcut(QKeySequence("Ctrl+Shift+G"))
        window.project_opened.connect(self._opened)
        window.project_closing.connect(self._stop)  # a training must not read a project being closed
        window.project_closed.connect(self._closed)
        window.document_shown.connect(lambda _doc: self.highlight())

    def _opened(self, project: Project) -> None:
        self._closed()
        self.project = project
        self.page.look_soon()

    def _ensure(self) -> None:
        if self.panel is not None or self.project is None:
            return
        panel = SuggestPanel(self.project, self.host.undo_stack)
        panel.current_document = lambda: self.host.current_document_id
        panel.pick_code = self.pick_code
        panel.passageActivated.connect(self.host.show_document)
        panel.highlightsChanged.connect(self.highlight)
        self.page.layout().addWidget(panel)
        self.panel = panel

    def _stop(self) -> None:
        if self.panel is not None:
            self.panel.shutdown()

    def _closed(self) -> None:
        self.project = None
        if self.panel is not None:
            self.panel.shutdown()
            self.panel.setParent(None)
            self.panel.deleteLater()
            self.panel = None
            self.host.view.set_suggestions([])

    def show_panel(self) -> SuggestPanel | None:
        self._ensure()
        if self.panel is None:
            return None
        self.dock.show()
        self.dock.raise_()
        self.host.grow_dock(self.dock, 380)
        return self.panel

    def highlight(self) -> None:
        doc = self.host.current_document_id
        spans = self.panel.spans_in(doc) if self.panel is not None and doc is not None else []
        self.host.view.set_suggestions(spans)

    def pick_code(self) -> int | None:
        dlg = CodePickerDialog(self.host.project, "Suggest codings for one code",
                               "Type any part of a code's path, then Enter.", "Choose", parent=self.host.window())
        return dlg.target_id() if dlg.exec() else None


def install(host: WorkbenchHost) -> SuggestExtension:
    return SuggestExtension(host)
