"""Plugs the coded-segments dock and word frequency into the main window.

``install(host)`` (from ``MainWindow._install_extensions``; the window seen as a ``WorkbenchHost``) adds the
"Coded segments" dock at the bottom
(tabbed with Search), ``Code > Show coded segments`` (Ctrl+Shift+S, the code selected in the tree), a
double-click on a code in the tree, and ``Tools > Word frequency…``. A passage activated in the list opens
in the document view, selected. The panel is built for the open project when the dock is first shown or a
list is asked for, and dropped when the project closes.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import QKeySequence

from ..lazy import lazy_import
from .host import WorkbenchHost
from .lazy_panel_host import InSightPage
from .merge_dialog import CodePickerDialog
from .segments_panel import SegmentsPanel

if TYPE_CHECKING:
    from ..core.project import Project

_words = lazy_import("qualcoder_cse.ui.word_frequency_dialog")  # the analysis loads on first use


class SegmentsExtension(QObject):
    def __init__(self, host: WorkbenchHost) -> None:
        super().__init__(host.window())
        self.host = window = host
        self._panel: SegmentsPanel | None = None
        # open, the panel not built until the dock is shown or a list is asked for
        self.project: Project | None = None
        self.page = InSightPage(self._ensure)
        self.dock = window.add_dock(self.page, "Coded segments", Qt.DockWidgetArea.BottomDockWidgetArea,
                                    name="segments")
        self.dock.visibilityChanged.connect(self.page.look_soon)  # its tab brought to the front
        search = window.docks.get("search")
        if search is not None:
            window.tab_docks(search, self.dock)
            search.raise_()
        code_menu = window.menu("code")
        code_menu.addSeparator()
        act = code_menu.addAction("Show coded &segments", self.show_current_code)
        act.setShortcut(QKeySequence("Ctrl+Shift+S"))
        window.menu("tools").addAction("&Word frequency…", self.word_frequency_from_menu)
        window.code_panel.view.doubleClicked.connect(self._tree_double_clicked)
        window.project_opened.connect(self._opened)
        window.project_closed.connect(self._closed)

    # ----------------------------------------------------------------- lifecycle
    def _opened(self, project: Project) -> None:
        self._closed()
        self.project = project
        self.page.look_soon()

    @property
    def panel(self) -> SegmentsPanel | None:
        """The panel for the open project (built now if it was not yet)."""
        self._ensure()
        return self._panel

    def _ensure(self) -> None:
        project = self.project
        if self._panel is not None or project is None:
            return
        panel = SegmentsPanel(project, self.host.undo_stack)
        panel.runner = self.host.run_in_background
        panel.pick_code = self.pick_code
        panel.current_tree_code = self.host.code_panel.current_code_id
        panel.passageActivated.connect(self.host.show_document)
        panel.wordFrequencyRequested.connect(lambda query: self.word_frequency(query))
        self.page.layout().addWidget(panel)
        panel.show()  # now, not when Qt's queued show runs: set_codes right after must see it shown
        self._panel = panel

    def _closed(self) -> None:
        self.project = None
        if self._panel is not None:
            self._panel.close()  # unsubscribes from the project
            self._panel.setParent(None)
            self._panel.deleteLater()
            self._panel = None

    # ----------------------------------------------------------------- actions
    def show_codes(self, code_ids: list[int], mode: str | None = None) -> None:
        panel = self.panel
        if panel is None:
            return
        self.dock.show()
        self.dock.raise_()
        self.host.grow_dock(self.dock, 380)
        panel.set_codes(code_ids, mode)

    def show_current_code(self) -> None:
        if self.host.project is None:
            return
        cid = self.host.code_panel.current_code_id()
        if cid is None:
            self.host.show_message("Select a code in the code tree first.", 4000)
            return
        self.show_codes([cid])

    def _tree_double_clicked(self, index) -> None:
        cid = self.host.code_panel.code_id_at(index)
        if cid is not None:
            self.show_codes([cid])

    def pick_code(self) -> int | None:
        dlg = CodePickerDialog(self.host.project, "Choose a code", "Type any part of a code's path, then Enter.",
                               "Choose", parent=self.host.window())
        return dlg.target_id() if dlg.exec() else None

    def word_frequency_from_menu(self):
        """Offers the coded segments listed in the dock too, when it lists any."""
        query = self._panel.query() if self._panel is not None and self._panel.code_ids else None
        dlg = self.word_frequency(query)
        if dlg is not None:
            dlg.some_docs.setChecked(True)  # from the menu: the document open, unless another choice is made
        return dlg

    def word_frequency(self, query=None):
        project = self.host.project
        if project is None:
            return None
        docs = [self.host.current_document_id] if self.host.current_document_id is not None else []
        dlg = _words.WordFrequencyDialog(project, segments=query, documents=docs,
                                  runner=self.host.run_in_background, parent=self.host.window())
        dlg.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
        dlg.show()
        self.word_dialog = dlg
        return dlg


def install(host: WorkbenchHost) -> SegmentsExtension:
    return SegmentsExtension(host)
