"""The main window: layout and wiring of the start screen, the coding workbench, menus, docks, the shared undo
stack and the idle lock.

Layout: the document view in the middle (with a header naming the document and a bar of recent codes with
their 1-9 shortcuts), the document list docked left, the code tree and the details pane docked right. What
happens on a click lives elsewhere: coding in ``coding_controller``, following the project's changes in
``workbench_updates``, the lock in ``window_lock``, opening projects in ``project_opening``. Other features
plug in through the ``WorkbenchHost`` protocol (``ui.host``; see docs/ui_extension.md), installed in
``_install_extensions``.
"""

from __future__ import annotations

import html

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QCloseEvent, QUndoStack
from PySide6.QtWidgets import (
    QComboBox,
    QDockWidget,
    QLabel,
    QMainWindow,
    QMenu,
    QStackedWidget,
    QToolBar,
    QVBoxLayout,
    QWidget,
)

from ..core.project import Project
from . import (
    analysis_actions,
    backup_actions,
    guide_actions,
    import_dialog,
    privacy_actions,
    project_opening,
    refi_dialogs,
    review_resume,
    segments_extension,
    suggest_extension,
    workbench_extensions,
)
from .background import BackgroundJob, wait_for_readers
from .code_tree import CodeTreePanel
from .coding_controller import CodingController
from .coding_feedback import CodingFeedback
from .details_pane import DetailsPane
from .document_list_model import KIND_LABELS
from .document_panel import DocumentsPanel
from .document_view import CodingTextEdit
from .errors import show_error as _show_error
from .idle_lock import IdleWatcher, LockScreen
from .layout_batch import set_visible_together
from .settings import Settings
from .start_screen import StartScreen
from .wheel_guard import install_wheel_guard
from .window_lock import WindowLock
from .window_menus import build_menus, show_about
from .workbench_updates import WorkbenchUpdates

PAGE_START, PAGE_WORK, PAGE_LOCK = 0, 1, 2


class MainWindow(QMainWindow):
    project_opened = Signal(object)
    project_closed = Signal()
    project_closing = Signal()  # the project is still open: panels save unsaved edits (memo text)
    document_shown = Signal(int)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        install_wheel_guard()  # first (it sets the style): no combo box changes on a wheel it was not focused for
        self.setObjectName("mainWindow")
        self.setWindowTitle("QualCoder-CSE")
        self.resize(1440, 900)
        self.settings = settings or Settings()
        self.project: Project | None = None
        self.undo_stack = QUndoStack(self)
        self.menus: dict[str, QMenu] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.current_document_id: int | None = None
        self._jobs: list[BackgroundJob] = []
        self.coding = CodingController(self)
        self.updates = WorkbenchUpdates(self)
        self.locking = WindowLock(self, PAGE_LOCK, PAGE_WORK)

        self.stack = QStackedWidget()
        self.setCentralWidget(self.stack)
        self.start_screen = StartScreen()
        self.stack.addWidget(self.start_screen)
        self.stack.addWidget(self._build_workbench())
        self.lock_screen = LockScreen()
        self.stack.addWidget(self.lock_screen)

        # Side docks run the full height; bottom docks (search, cases...) sit under the text only.
        self.setCorner(Qt.Corner.BottomLeftCorner, Qt.DockWidgetArea.LeftDockWidgetArea)
        self.setCorner(Qt.Corner.BottomRightCorner, Qt.DockWidgetArea.RightDockWidgetArea)
        self._build_docks()
        build_menus(self)
        self._build_status()
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        self.idle.set_timeout_ms(self.settings.idle_minutes() * 60_000)
        self.lock_screen.unlock_requested.connect(self.unlock)

        self.start_screen.new_requested.connect(self.new_project_dialog)
        self.start_screen.open_requested.connect(lambda: project_opening.choose_and_open(self))
        self.start_screen.open_path_requested.connect(self.open_project_path)
        self.start_screen.demo_requested.connect(self.open_demo)
        self._install_extensions()
        self._default_layout()
        self._show_start()

    # ================================================================= construction
    def _build_workbench(self) -> QWidget:
        page = QWidget()
        layout = QVBoxLayout(page)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(0)
        self.doc_header = QLabel("", objectName="documentHeader")
        self.doc_header.setStyleSheet("padding: 6px 10px; font-size: 12pt; background: #fafafa;"
                                      " border-bottom: 1px solid #ddd;")
        layout.addWidget(self.doc_header)
        self.recent_bar = QToolBar("Recent codes")
        self.recent_bar.setObjectName("recentCodesBar")
        self.recent_bar.setToolButtonStyle(Qt.ToolButtonStyle.ToolButtonTextBesideIcon)
        self.recent_bar.setStyleSheet("QToolBar { padding: 2px 6px; }")
        layout.addWidget(self.recent_bar)
        self.view = CodingTextEdit()
        layout.addWidget(self.view, 1)
        self.view.selection_changed_cp.connect(self.coding.selection_changed)
        self.view.cursor_moved_cp.connect(lambda _p: self._cursor_timer.start())
        self.view.context_requested.connect(self.coding.text_context_menu)
        self._cursor_timer = QTimer(self, singleShot=True, interval=60)
        self._cursor_timer.timeout.connect(self.coding.refresh_details)
        self.shortcut_actions = self.coding.add_key_shortcuts(self.view)  # keys 1-9
        return page

    def _build_docks(self) -> None:
        self.documents_panel = DocumentsPanel(self)
        self.doc_model = self.documents_panel.model  # sorts and filters its rows itself (the view's model)
        self.documents_panel.document_chosen.connect(self._document_chosen)
        self.add_dock(self.documents_panel, "Documents", Qt.DockWidgetArea.LeftDockWidgetArea, name="documents")
        self.code_panel = CodeTreePanel(self)
        self.code_panel.code_activated.connect(self.coding.apply_code)  # a click on a code
        self.add_dock(self.code_panel, "Codes", Qt.DockWidgetArea.RightDockWidgetArea, name="codes")
        self.details = DetailsPane(self)
        self.details.remove_requested.connect(self.coding.remove_coding)
        self.details.fit_requested.connect(self.coding.fit_coding_to_selection)
        self.details.memo_changed.connect(self.coding.set_coding_memo)
        self.add_dock(self.details, "Details", Qt.DockWidgetArea.RightDockWidgetArea, name="details")
        self.resizeDocks([self.docks["documents"], self.docks["codes"]], [330, 420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["codes"], self.docks["details"]], [560, 300], Qt.Orientation.Vertical)
        self.coding.refresh_recent_bar()

    def _build_status(self) -> None:
        bar = QToolBar("Coder")
        bar.setObjectName("coderBar")
        bar.addWidget(QLabel(" Show codings of: "))
        self.coder_filter_box = QComboBox(objectName="coderFilter")
        self.coder_filter_box.setMinimumWidth(170)
        self.coder_filter_box.currentIndexChanged.connect(self._coder_filter_changed)
        bar.addWidget(self.coder_filter_box)
        self.addToolBar(Qt.ToolBarArea.TopToolBarArea, bar)
        self.coder_bar = bar
        self.coder_label = QLabel("", objectName="coderLabel")
        self.selection_label = QLabel("")
        self.statusBar().addWidget(self.selection_label, 1)
        self.statusBar().addPermanentWidget(self.coder_label)

    def _install_extensions(self) -> None:
        """Other features add their docks, dialogs and menu actions here (one line each); each sees the
        window as a ``WorkbenchHost`` and returns what it built."""
        self.workbench_extensions = workbench_extensions.install(self)  # search, memos, links, cases
        self.refi_actions = refi_dialogs.install(self)  # File > Import/Export REFI-QDA, File > Merge
        import_dialog.install(self)  # File > Import > Transcripts (Ctrl+I)
        review_resume.install(self)  # Tools > Anonymisation memory, File > Import > Resume paused review
        analysis_actions.install(self)  # Tools > Analysis, File > Export > Excel
        self.segments_extension = segments_extension.install(self)  # Coded segments dock, word frequency
        self.suggest_extension = suggest_extension.install(self)  # Code > Suggest codings (Suggestions dock)
        self.privacy_actions = privacy_actions.install(self)  # Tools > document names, seal the key
        backup_actions.install(self)  # File > Back up now, Restore, Backup settings
        guide_actions.install(self)  # Help > User guide (F1), guided tour
        self.coding_feedback = CodingFeedback(self)  # "Coded … as X — Undo" in the status bar

    def restore_layout(self) -> None:
        """Window size and dock layout from the last session (by the docks' object names)."""
        geometry, state = self.settings.window_state()
        if geometry is not None:
            self.restoreGeometry(geometry)
        if state is not None:
            self.restoreState(state)
        if self.project is None:
            for dock in self.docks.values():
                dock.hide()
            self.coder_bar.hide()

    def _default_layout(self) -> None:
        """Sizes that give the text most of the room: narrow side docks, a short bottom area."""
        self.resizeDocks([self.docks["documents"], self.docks["codes"]], [380, 430], Qt.Orientation.Horizontal)
        bottom = [d for d in self.docks.values()
                  if self.dockWidgetArea(d) == Qt.DockWidgetArea.BottomDockWidgetArea]
        if bottom:
            self.resizeDocks(bottom, [190] * len(bottom), Qt.Orientation.Vertical)

    # ================================================================= the WorkbenchHost protocol (ui.host)
    def menu(self, name: str) -> QMenu:
        return self.menus[name]

    def file_submenu(self, key: str, title: str) -> QMenu:
        """File > Import or File > Export (shared by the features that add to them), made on first use
        above Quit."""
        if key not in self.menus:
            menu = QMenu(title, self.menus["file"])
            self.menus["file"].insertMenu(self.file_separator, menu)
            self.menus[key] = menu
        return self.menus[key]

    def add_dock(self, widget: QWidget, title: str, area=Qt.DockWidgetArea.RightDockWidgetArea, *,
                 name: str | None = None, visible: bool = True) -> QDockWidget:
        dock = QDockWidget(title, self)
        dock.setObjectName(f"dock_{name or title.lower().replace(' ', '_')}")
        dock.setWidget(widget)
        dock.setFeatures(QDockWidget.DockWidgetFeature.DockWidgetMovable
                         | QDockWidget.DockWidgetFeature.DockWidgetClosable
                         | QDockWidget.DockWidgetFeature.DockWidgetFloatable)
        self.addDockWidget(area, dock)
        self.docks[name or title] = dock
        if "view" in self.menus:
            self.menus["view"].addAction(dock.toggleViewAction())
        dock.setVisible(visible and self.project is not None)
        return dock

    def tab_docks(self, first: QDockWidget, second: QDockWidget) -> None:
        self.tabifyDockWidget(first, second)

    def grow_dock(self, dock: QDockWidget, height: int) -> None:
        if not dock.isFloating() and dock.height() < height:  # the bottom area is short by default
            self.resizeDocks([dock], [height], Qt.Orientation.Vertical)

    def show_message(self, text: str, ms: int = 4000) -> None:
        self.statusBar().showMessage(text, ms)

    def show_error(self, error) -> None:
        _show_error(self, error)

    def coder_filter(self) -> int | None:
        return self.coder_filter_box.currentData() if self.coder_filter_box.count() else None

    def selection(self) -> tuple[int, int, int] | None:
        if self.current_document_id is None or self.locked:
            return None
        sel = self.view.selection_cp()
        return (self.current_document_id, sel[0], sel[1]) if sel else None

    def run_in_background(self, fn, on_done, progress_label: str = "Working…") -> None:
        """Run ``fn(progress)`` in a thread with a modal progress dialog; ``on_done(result)`` on success."""
        job = BackgroundJob(self, fn, on_done, progress_label)
        self._jobs.append(job)
        job.ended.connect(lambda: self._jobs.remove(job))
        job.start()

    # ================================================================= project lifecycle
    def _show_start(self) -> None:
        self.start_screen.set_recent(self.settings.recent_projects())
        self.stack.setCurrentIndex(PAGE_START)
        set_visible_together(self, (*self.docks.values(), self.coder_bar, self.recent_bar), False)
        self.close_action.setEnabled(False)
        self.menus["code"].setEnabled(False)
        self.coder_label.setText("")
        self.setWindowTitle("QualCoder-CSE")

    def set_project(self, project: Project) -> None:
        """Show an open project in the workbench (closing any other first)."""
        if self.project is not None:
            self.close_project()
        self.project = project
        self.undo_stack.clear()
        self.coding.recent_codes = project.codings.code_keys(project.coder.id) if project.coder else []
        self.updates.attach(project)
        self.settings.add_recent(project.path)
        if project.coder is not None:
            self.settings.set_last_coder(project.coder.name)
        self.coding.refresh_lookup()
        self.coding.fill_coder_filter()
        self.doc_model.set_project(project)
        self.code_panel.model.set_coder(self.coder_filter())  # before the project: its codings counted once
        self.code_panel.set_project(project)
        self.coding.refresh_recent_bar()
        self.stack.setCurrentIndex(PAGE_WORK)
        set_visible_together(self, (*self.docks.values(), self.coder_bar, self.recent_bar), True)
        self.close_action.setEnabled(True)
        self.menus["code"].setEnabled(True)
        self.coder_label.setText(f"Coding as: <b>{project.coder.name if project.coder else '?'}</b>")
        self.setWindowTitle(f"{project.name} — QualCoder-CSE")
        self.idle.set_active(True)
        self.project_opened.emit(project)
        first = self.documents_panel.first_id()
        if first is not None:
            self.show_document(first)
        else:
            self.clear_view()

    def close_project(self) -> None:
        if self.project is None:
            return
        self.project_closing.emit()
        self.details.keep_memo_edit()
        # A job still writing must stop before the file closes; every job (also the REFI ones) is our child.
        for job in self.findChildren(BackgroundJob):
            job.abandon()
        wait_for_readers(self, self.project)  # an analysis still reading would crash when the file closes
        project, self.project = self.project, None
        self.updates.detach()
        self.undo_stack.clear()
        self.clear_view()
        self.doc_model.set_project(None)
        self.code_panel.set_project(None)
        self.details.show_codings(None, [])
        self.idle.set_active(False)
        try:
            project.close()
        finally:
            self.project_closed.emit()
            self._show_start()

    def clear_view(self) -> None:
        self.current_document_id = None
        self.view.clear_document()
        if self.project is None:
            self.doc_header.setText("")
        elif self.doc_model.rowCount() == 0:  # a new project: say how to fill it, not just "nothing here"
            self.doc_header.setText("No documents yet: add transcripts with File > Import > Transcripts…")
        else:
            self.doc_header.setText("No document open")

    def new_project_dialog(self) -> None:
        project_opening.new_project(self)

    def open_project_path(self, path: str) -> bool:
        return project_opening.open_path(self, path)

    def open_demo(self) -> None:
        project_opening.open_demo(self)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.project is not None and not self.locked:  # only a workbench layout is worth keeping
            self.settings.set_window_state(self.saveGeometry(), self.saveState())
        self.idle.detach()
        self.close_project()
        super().closeEvent(event)

    # ================================================================= the coder filter, documents
    def _coder_filter_changed(self, _index: int) -> None:
        if self.project is not None:
            self.code_panel.model.set_coder(self.coder_filter())
            self.coding.reload_codings()
            self.coding.refresh_details()

    def _document_chosen(self, doc_id: int) -> None:
        if doc_id != self.current_document_id:
            self.show_document(doc_id)

    def show_document(self, doc_id: int, start: int | None = None, end: int | None = None) -> None:
        """Open a document in the view; with ``start`` (and ``end``), select that span and scroll to it."""
        if self.project is None:
            return
        if doc_id != self.current_document_id:
            doc = self.project.documents.get(doc_id)
            self.current_document_id = doc_id
            self.coding.load_document(doc_id)
            self.doc_header.setText(f"<b>{html.escape(doc.name)}</b> &nbsp; <span style='color:#666'>"
                                    f"{KIND_LABELS.get(doc.kind, doc.kind)} · {doc.word_count:,} words</span>")
            self.documents_panel.select(doc_id)
            self.document_shown.emit(doc_id)
        if start is not None:
            self.view.select_cp(start, end)
            self.view.setFocus()
        self.coding.refresh_details()

    # ================================================================= idle lock
    @property
    def locked(self) -> bool:
        return self.locking.locked

    def lock(self, *, idle: bool = False) -> None:
        self.locking.lock(idle=idle)

    def unlock(self, passphrase: str) -> bool:
        return self.locking.unlock(passphrase)

    def idle_settings_dialog(self) -> None:
        self.locking.settings_dialog()

    def show_about(self) -> None:
        show_about(self)
