"""Plugs the cases, memos, links and search panels into the main window (docks, menus, navigation).

``install(host)`` is called once from ``MainWindow._install_extensions``; the window is seen only as a
``WorkbenchHost`` (``ui.host``). Each panel takes the project in
its constructor, so a host widget per dock builds the panel for the open project when its dock is first shown
(or the panel is first needed) and drops it when the project closes; the search panel, in sight on every open,
is built once per window and pointed at each project instead. Navigation: a search hit or a memo on a coding opens the document at that span
(``host.show_document``); the memo pane follows the document shown and the code selected.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Qt, QTimer
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QDialog

from ..core.errors import NotFound, ProjectError
from .host import WorkbenchHost
from .lazy_panel_host import LazyPanelHost

if TYPE_CHECKING:
    from ..core.project import Project

PREBUILD_MS = 300  # after start-up: the window is painted first, and nobody opens a project quicker


class WorkbenchExtensions(QObject):
    def __init__(self, host: WorkbenchHost) -> None:
        super().__init__(host.window())
        self.host = host
        w = host
        # the search panel is the bottom area's front tab, in sight on every open: built once, while the start
        # screen waits (PREBUILD_MS after the window is up), then pointed at each project
        self.search_host = LazyPanelHost(self._make_search, keep=True)
        QTimer.singleShot(PREBUILD_MS, self.search_host, self.search_host.prebuild)
        self.memo_host = LazyPanelHost(self._make_memos)
        self.links_host = LazyPanelHost(lambda p: self._links_panel_class()(p, w.undo_stack))
        self.cases_host = LazyPanelHost(self._make_cases)
        bottom, right = Qt.DockWidgetArea.BottomDockWidgetArea, Qt.DockWidgetArea.RightDockWidgetArea
        self.search_dock = w.add_dock(self.search_host, "Search", bottom, name="search")
        self.links_dock = w.add_dock(self.links_host, "Links", bottom, name="links")
        self.cases_dock = w.add_dock(self.cases_host, "Cases", bottom, name="cases")
        self.memo_dock = w.add_dock(self.memo_host, "Memos", right, name="memos")
        for page, dock in ((self.search_host, self.search_dock), (self.links_host, self.links_dock),
                           (self.cases_host, self.cases_dock), (self.memo_host, self.memo_dock)):
            dock.visibilityChanged.connect(page.look_soon)  # a tab brought to the front
        w.tab_docks(self.search_dock, self.links_dock)
        w.tab_docks(self.links_dock, self.cases_dock)
        if "details" in w.docks:
            w.tab_docks(w.docks["details"], self.memo_dock)
        self._menus()
        w.project_opened.connect(self._opened)
        w.project_closed.connect(self._closed)
        w.project_closing.connect(self._closing)
        self._navigating = False  # opening a memo's place must not switch the memo pane to the document
        self._memo_pending: tuple | None = None  # the memo pane's target while it is not built yet
        self.memo_host.on_built = self._memo_built
        w.document_shown.connect(lambda doc_id: self._navigating or self._memo_target("document", doc_id))
        w.code_panel.current_code_changed.connect(
            lambda code_id: code_id is not None and self._memo_target("code", code_id))

    @staticmethod
    def _links_panel_class():
        from .links_panel import LinksPanel

        return LinksPanel

    @staticmethod
    def _cases_editor_class():
        from .cases_editor import CasesEditor

        return CasesEditor

    def _make_cases(self, project: Project):
        editor = self._cases_editor_class()(project, self.host.undo_stack)
        editor.caseSelected.connect(lambda case_id: self._memo_target("case", case_id))
        return editor

    def _make_search(self, project: Project | None):
        from .search_panel import SearchPanel

        panel = SearchPanel(project, self.host.undo_stack)
        panel.runner = self.host.run_in_background
        panel.hitActivated.connect(self.host.show_document)
        return panel

    def _make_memos(self, project: Project):
        from .memo_panel import MemoPanel

        panel = MemoPanel(project)
        panel.targetActivated.connect(self._go_to)
        return panel

    def _menus(self) -> None:
        t = self.host.menu("tools")
        t.addSeparator()
        act = t.addAction("&Search the project…", self.focus_search)
        act.setShortcut(QKeySequence("Ctrl+Alt+F"))
        t.addAction("Auto-code by speaker or pattern…", lambda: self._guard(self.autocode_dialog))
        t.addAction("Cases and &attributes", lambda: self._raise(self.cases_dock))
        t.addAction("Map speakers to cases…", lambda: self._guard(self.speakers_dialog))
        t.addAction("&Links between codes", lambda: self._raise(self.links_dock))
        t.addAction("&Memos", lambda: self._raise(self.memo_dock))
        t.addAction("Project memo", lambda: self._memo_target("project", None, show=True))
        c = self.host.menu("code")
        c.addSeparator()
        c.addAction("Memo on the coding at the cursor", lambda: self._guard(self.memo_on_coding))
        c.addAction("Link the selected code to…", lambda: self._guard(self.link_current_code))

    # ----------------------------------------------------------------- project lifecycle
    def _opened(self, project: Project) -> None:
        for host in (self.search_host, self.memo_host, self.links_host, self.cases_host):
            host.open(project)
        self.search_dock.raise_()

    def _closing(self) -> None:
        self._memo_pending = None
        if self.memo_host.built is not None:
            self.memo_host.built.flush()

    def _closed(self) -> None:
        for host in (self.search_host, self.memo_host, self.links_host, self.cases_host):
            host.drop()

    # ----------------------------------------------------------------- actions
    def _guard(self, fn) -> None:
        if self.host.project is None:
            return
        try:
            fn()
        except ProjectError as exc:
            self.host.show_error(exc)

    @staticmethod
    def _raise(dock) -> None:
        dock.show()
        dock.raise_()

    def focus_search(self) -> None:
        if self.search_host.panel is not None:
            self._raise(self.search_dock)
            self.search_host.panel.query_edit.setFocus()
            self.search_host.panel.query_edit.selectAll()

    def _memo_built(self, panel) -> None:
        if self._memo_pending is not None:
            panel.set_target(*self._memo_pending)
            self._memo_pending = None

    def _memo_target(self, kind: str, target_id, show: bool = False) -> None:
        if self.memo_host.built is None and not show:
            if self.memo_host.project is not None:
                self._memo_pending = (kind, target_id)
            return
        panel = self.memo_host.panel
        if panel is not None:
            panel.set_target(kind, target_id)
            if show:
                self._raise(self.memo_dock)
                panel.editor.setFocus()

    def memo_on_coding(self) -> None:
        codings = self.host.coding.codings_at_cursor()
        if not codings:
            raise ProjectError("Put the cursor in a coded passage first.")
        self._memo_target("coding", codings[0].id, show=True)

    def _go_to(self, kind: str, target_id: int) -> None:
        project = self.host.project
        if project is None:
            return
        self._navigating = True
        try:
            if kind == "coding":
                c = project.codings.get(target_id)
                self.host.show_document(c.document_id, c.start, c.end)
            elif kind == "document":
                self.host.show_document(target_id)
        except NotFound:
            pass  # the memo outlived its target; the memo pane still shows it
        finally:
            self._navigating = False

    def autocode_dialog(self) -> None:
        if self.search_host.panel is not None:
            self.search_host.panel.autocode_clicked()

    def speakers_dialog(self) -> None:
        from .speaker_mapping_dialog import SpeakerMappingDialog

        dialog = SpeakerMappingDialog(self.host.project, self.host.current_document_id, self.host.window(),
                                      self.host.undo_stack)
        if dialog.exec() == QDialog.DialogCode.Accepted and self.cases_host.built is not None:
            self.cases_host.built.model.reload()

    def link_current_code(self) -> None:
        panel = self.links_host.panel
        if panel is None:
            return
        code_id = self.host.code_panel.current_code_id()
        self._raise(self.links_dock)
        panel.add_clicked(code_id)


def install(host: WorkbenchHost) -> WorkbenchExtensions:
    return WorkbenchExtensions(host)
