"""The main window: start screen, the coding workbench, menus, docks, the shared undo stack, the idle lock.

Layout: the document view in the middle (with a header naming the document and a bar of recent codes with
their 1-9 shortcuts), the document list docked left, the code tree and the details pane docked right.
Other features plug in through ``add_dock``, ``menus``, ``undo_stack``, ``show_document`` and the
``project_opened`` signal (see docs/ui_extension.md); ``_install_extensions`` is the one place to add them.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence, QUndoStack
from PySide6.QtWidgets import (
    QApplication,
    QComboBox,
    QDialog,
    QDockWidget,
    QFileDialog,
    QHBoxLayout,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMainWindow,
    QMenu,
    QMessageBox,
    QProgressDialog,
    QStackedWidget,
    QTableView,
    QToolBar,
    QToolTip,
    QVBoxLayout,
    QWidget,
)

from ..core.changes import Change
from . import code_keys
from . import commands as cmd
from .background import BackgroundJob
from .change_hub import hub_for
from .code_shades import display_colours
from .code_tree import CodeTreePanel
from .code_tree_model import colour_icon
from .coding_feedback import CodingFeedback
from .details_pane import DetailsPane
from .document_list_model import KIND_LABELS, DocumentFilterProxy, DocumentListModel
from .document_view import CodingTextEdit
from .errors import show_error as _show_error
from .idle_lock import IdleWatcher, LockScreen
from .settings import Settings
from .start_screen import StartScreen
from .wheel_guard import install_wheel_guard

PAGE_START, PAGE_WORK, PAGE_LOCK = 0, 1, 2
MAX_RECENT_CODES = 9


class MainWindow(QMainWindow):
    project_opened = Signal(object)
    project_closed = Signal()
    project_closing = Signal()  # the project is still open: panels save unsaved edits (memo text)
    document_shown = Signal(int)

    def __init__(self, settings: Settings | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("QualCoder-CSE")
        self.resize(1440, 900)
        self.settings = settings or Settings()
        self.project = None
        self.undo_stack = QUndoStack(self)
        self.menus: dict[str, QMenu] = {}
        self.docks: dict[str, QDockWidget] = {}
        self.current_document_id: int | None = None
        self.recent_codes: list[int] = []
        self._key_use: dict[int, int] = {}  # code id -> when it was last applied (for keys 1-9)
        self._locked = False
        self._hidden_docks: list[QDockWidget] = []
        self._jobs: list[BackgroundJob] = []
        self._code_info: dict[int, tuple[str, str, str]] = {}  # id -> (readable path, colour, name)
        self._coder_names: dict[int, str] = {}

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
        self._build_menus()
        self._build_status()
        self.idle = IdleWatcher(self)
        self.idle.idle.connect(lambda: self.lock(idle=True))
        install_wheel_guard()  # no combo box in any window changes on a wheel it was not focused for
        self.idle.set_timeout_ms(self.settings.idle_minutes() * 60_000)
        self.lock_screen.unlock_requested.connect(self.unlock)

        self.start_screen.new_requested.connect(self.new_project_dialog)
        self.start_screen.open_requested.connect(self.open_project_dialog)
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
        self.view.selection_changed_cp.connect(self._selection_changed)
        self.view.cursor_moved_cp.connect(lambda _p: self._cursor_timer.start())
        self.view.context_requested.connect(self._text_context_menu)
        self._cursor_timer = QTimer(self, singleShot=True, interval=60)
        self._cursor_timer.timeout.connect(self.refresh_details)
        self.shortcut_actions: list[QAction] = []
        for digit in range(1, MAX_RECENT_CODES + 1):
            act = QAction(self.view)
            act.setShortcut(QKeySequence(str(digit)))
            act.setShortcutContext(Qt.ShortcutContext.WidgetWithChildrenShortcut)
            act.triggered.connect(lambda _checked=False, d=digit: self.apply_recent(d))
            self.view.addAction(act)
            self.shortcut_actions.append(act)
        self._refresh_recent_bar()
        return page

    def _build_docks(self) -> None:
        docs = QWidget()
        v = QVBoxLayout(docs)
        v.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.doc_filter = QLineEdit(placeholderText="Filter documents…", objectName="documentFilter")
        self.doc_filter.setClearButtonEnabled(True)
        self.kind_filter = QComboBox(objectName="kindFilter")
        self.kind_filter.addItem("All kinds", None)
        for key, label in KIND_LABELS.items():
            self.kind_filter.addItem(label, key)
        row.addWidget(self.doc_filter, 2)
        row.addWidget(self.kind_filter, 1)
        v.addLayout(row)
        self.doc_model = DocumentListModel(None, self)
        self.doc_proxy = DocumentFilterProxy(self)
        self.doc_proxy.setSourceModel(self.doc_model)
        self.doc_table = QTableView(objectName="documentList")
        self.doc_table.setModel(self.doc_proxy)
        self.doc_table.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.doc_table.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        self.doc_table.setSortingEnabled(True)
        self.doc_table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        self.doc_table.verticalHeader().hide()
        self.doc_table.setShowGrid(False)
        self.doc_table.setAlternatingRowColors(True)
        self.doc_table.setWordWrap(False)
        h = self.doc_table.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        for c in (1, 2, 3):
            h.setSectionResizeMode(c, QHeaderView.ResizeMode.ResizeToContents)
        # Fit to the rows in sight only: fitting to all read every row on each layout (42,000 data() calls for
        # 500 documents when a project opens).
        h.setResizeContentsPrecision(0)
        v.addWidget(self.doc_table)
        self.doc_filter.textChanged.connect(self.doc_proxy.set_text)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.doc_proxy.set_kind(self.kind_filter.currentData()))
        self.doc_table.selectionModel().currentRowChanged.connect(self._doc_row_changed)
        self.add_dock(docs, "Documents", Qt.DockWidgetArea.LeftDockWidgetArea, name="documents")

        self.code_panel = CodeTreePanel(self)
        self.code_panel.code_activated.connect(self.apply_code)
        self.add_dock(self.code_panel, "Codes", Qt.DockWidgetArea.RightDockWidgetArea, name="codes")

        self.details = DetailsPane(self)
        self.details.remove_requested.connect(self.remove_coding)
        self.details.fit_requested.connect(self.fit_coding_to_selection)
        self.details.memo_changed.connect(self.set_coding_memo)
        self.add_dock(self.details, "Details", Qt.DockWidgetArea.RightDockWidgetArea, name="details")
        self.resizeDocks([self.docks["documents"], self.docks["codes"]], [330, 420], Qt.Orientation.Horizontal)
        self.resizeDocks([self.docks["codes"], self.docks["details"]], [560, 300], Qt.Orientation.Vertical)

    def _build_menus(self) -> None:
        bar = self.menuBar()
        for key, title in (("file", "&File"), ("edit", "&Edit"), ("code", "&Code"), ("view", "&View"),
                           ("tools", "&Tools"), ("help", "&Help")):
            self.menus[key] = bar.addMenu(title)
        f = self.menus["file"]
        f.addAction("&New project…", self.new_project_dialog, QKeySequence.StandardKey.New)
        f.addAction("&Open project…", self.open_project_dialog, QKeySequence.StandardKey.Open)
        f.addAction("Open the &demo", self.open_demo)
        self.recent_menu = f.addMenu("Open &recent")
        self.recent_menu.aboutToShow.connect(self._fill_recent_menu)
        f.addSeparator()
        self.close_action = f.addAction("&Close project", self.close_project, QKeySequence.StandardKey.Close)
        f.addSeparator()
        self.file_separator = f.addSeparator()  # others may insert import/export actions before it
        f.addAction("&Quit", self.close, QKeySequence.StandardKey.Quit)

        e = self.menus["edit"]
        self.undo_action = self.undo_stack.createUndoAction(self, "&Undo")
        self.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
        self.redo_action = self.undo_stack.createRedoAction(self, "&Redo")
        self.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
        e.addAction(self.undo_action)
        e.addAction(self.redo_action)
        e.addSeparator()
        e.addAction("&Copy selected text", self.view.copy_explicit, QKeySequence.StandardKey.Copy).setShortcutContext(
            Qt.ShortcutContext.WidgetShortcut
        )
        e.addAction("Select &all text", self.view.selectAll)

        c = self.menus["code"]
        c.addAction("&Apply code to selection…", self.apply_code_dialog, QKeySequence("Ctrl+K"))
        c.addAction("&Remove coding at cursor", self._remove_current_coding, QKeySequence("Ctrl+Shift+R"))
        c.addAction("&Fit coding to selection", self._fit_current_coding, QKeySequence("Ctrl+Shift+F"))
        c.addSeparator()
        c.addAction("&New code…", lambda: self.code_panel.new_code(self.code_panel.current_code_id()),
                    QKeySequence("Ctrl+Shift+N"))
        c.addAction("Clear recent codes", self.clear_recent_codes)

        v = self.menus["view"]
        self.coder_menu = v.addMenu("Show codings of")
        v.addSeparator()
        self.view_docks_separator = v.addSeparator()

        t = self.menus["tools"]
        t.addAction("&Lock now", self.lock, QKeySequence("Ctrl+L"))
        t.addAction("Idle lock &settings…", self.idle_settings_dialog)

        h = self.menus["help"]
        h.addAction("&Keyboard shortcuts", self.show_shortcuts)
        h.addAction("&About QualCoder-CSE", self.show_about)

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
        """Other features add their docks, dialogs and menu actions here (one import + one call each)."""
        from .workbench_extensions import install as install_workbench  # search, memos, links, cases

        install_workbench(self)
        from .refi_dialogs import install as install_refi  # File > Import/Export REFI-QDA, File > Merge

        install_refi(self)
        from .import_dialog import install as install_import  # File > Import > Transcripts (Ctrl+I)

        install_import(self)
        from .review_memory_dialog import install as install_review_memory  # Tools > Anonymisation memory

        install_review_memory(self)
        from .analysis_actions import install as install_analysis  # Tools > Analysis, File > Export > Excel

        install_analysis(self)
        from .segments_extension import install as install_segments  # Coded segments dock, word frequency

        install_segments(self)
        from .suggest_extension import install as install_suggest  # Code > Suggest codings (Suggestions dock)

        install_suggest(self)
        from .privacy_actions import install as install_privacy  # Tools > document names, seal the key

        install_privacy(self)
        from .backup_actions import install as install_backups  # File > Back up now, Restore, Backup settings

        install_backups(self)
        from .guide_actions import install as install_guide  # Help > User guide (F1), guided tour

        install_guide(self)
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

    # ================================================================= extension hooks
    def menu(self, name: str) -> QMenu:
        return self.menus[name]

    def file_submenu(self, key: str, title: str) -> QMenu:
        """File > Import or File > Export (shared by the features that add to them), made on first use
        above Quit."""
        if key not in self.menus:
            file_menu = self.menus["file"]
            menu = QMenu(title, file_menu)
            before = getattr(self, "file_separator", None)
            if before is not None:
                file_menu.insertMenu(before, menu)
            else:
                file_menu.addMenu(menu)
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

    def show_error(self, error) -> None:
        _show_error(self, error)

    def coder_filter(self) -> int | None:
        return self.coder_filter_box.currentData() if self.coder_filter_box.count() else None

    def selection(self) -> tuple[int, int, int] | None:
        if self.current_document_id is None or self._locked:
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
        for dock in self.docks.values():
            dock.hide()
        self.coder_bar.hide()
        self.recent_bar.hide()
        self.close_action.setEnabled(False)
        self.menus["code"].setEnabled(False)
        self.coder_label.setText("")
        self.setWindowTitle("QualCoder-CSE")

    def set_project(self, project) -> None:
        """Show an open project in the workbench (closing any other first)."""
        if self.project is not None:
            self.close_project()
        self.project = project
        self.undo_stack.clear()
        self.recent_codes = project.codings.recent_codes(project.coder.id) if project.coder else []
        self._hub = hub_for(project)
        self._hub.immediate.connect(self._on_immediate)
        self._hub.listen(self._on_change)
        self.settings.add_recent(project.path)
        if project.coder is not None:
            self.settings.set_last_coder(project.coder.name)
        self._refresh_lookup()
        self._fill_coder_filter()
        self.doc_model.set_project(project)
        self.code_panel.set_project(project)
        self.code_panel.model.set_coder(self.coder_filter())
        self._refresh_recent_bar()
        self.stack.setCurrentIndex(PAGE_WORK)
        for dock in self.docks.values():
            dock.show()
        self.coder_bar.show()
        self.recent_bar.show()
        self.close_action.setEnabled(True)
        self.menus["code"].setEnabled(True)
        coder = project.coder.name if project.coder else "?"
        self.coder_label.setText(f"Coding as: <b>{coder}</b>")
        self.setWindowTitle(f"{project.name} — QualCoder-CSE")
        self.idle.set_active(True)
        self.project_opened.emit(project)
        if self.doc_proxy.rowCount():
            self.show_document(self.doc_proxy.index(0, 0).data(Qt.ItemDataRole.UserRole + 2))
        else:
            self._clear_view()

    def close_project(self) -> None:
        if self.project is None:
            return
        self.project_closing.emit()
        self.details.keep_memo_edit()
        # A job still writing must stop before the file closes; every job (also the REFI ones) is our child.
        for job in self.findChildren(BackgroundJob):
            job.abandon()
        project, self.project = self.project, None
        self._hub.immediate.disconnect(self._on_immediate)
        self._hub.stop(self._on_change)
        self.undo_stack.clear()
        self._clear_view()
        self.doc_model.set_project(None)
        self.code_panel.set_project(None)
        self.details.show_codings(None, [])
        self.idle.set_active(False)
        try:
            project.close()
        finally:
            self.project_closed.emit()
            self._show_start()

    def _clear_view(self) -> None:
        self.current_document_id = None
        self.view.clear_document()
        if self.project is None:
            self.doc_header.setText("")
        elif self.doc_model.rowCount() == 0:  # a new project: say how to fill it, not just "nothing here"
            self.doc_header.setText("No documents yet: add transcripts with File > Import > Transcripts…")
        else:
            self.doc_header.setText("No document open")

    def new_project_dialog(self) -> None:
        from .new_project_dialog import NewProjectDialog

        dlg = NewProjectDialog(coder=self.settings.last_coder(), parent=self)
        if dlg.exec() and dlg.project is not None:
            self.set_project(dlg.project)

    def open_project_dialog(self) -> None:
        start = str(Path(self.settings.recent_projects()[0]).parent) if self.settings.recent_projects() else ""
        path, _ = QFileDialog.getOpenFileName(self, "Open project", start, "QualCoder-CSE projects (*.qcse)")
        if path:
            self.open_project_path(path)

    def open_project_path(self, path: str) -> bool:
        from .passphrase_dialog import PassphraseDialog

        if self.project is not None and Path(path).resolve() == Path(self.project.path).resolve():
            self.statusBar().showMessage("That project is already open.", 4000)
            return True
        if not Path(path).exists():
            self.show_error(f"The project file {path} was not found; it may have been moved or deleted.")
            self.settings.remove_recent(path)
            self.start_screen.set_recent(self.settings.recent_projects())
            return False
        dlg = PassphraseDialog(path, coder=self.settings.last_coder(), parent=self)
        if dlg.exec() and dlg.project is not None:
            self.set_project(dlg.project)
            return True
        return False

    def open_demo(self) -> None:
        from ..core import Project
        from ..demo import DEMO_PASSPHRASE, ensure_demo_project

        try:
            path, passphrase = ensure_demo_project()
            if self.project is not None and Path(path).resolve() == Path(self.project.path).resolve():
                self.statusBar().showMessage("The demo is already open.", 4000)
                return
            coder = self.settings.last_coder() or "alice"
            self.set_project(Project.open(path, passphrase or DEMO_PASSPHRASE, coder=coder))
        except Exception as exc:  # noqa: BLE001 - shown plainly
            self.show_error(exc)

    def _fill_recent_menu(self) -> None:
        self.recent_menu.clear()
        for p in self.settings.recent_projects():
            self.recent_menu.addAction(p, lambda p=p: self.open_project_path(p))
        if self.recent_menu.isEmpty():
            self.recent_menu.addAction("(none)").setEnabled(False)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.project is not None and not self._locked:  # only a workbench layout is worth keeping
            self.settings.set_window_state(self.saveGeometry(), self.saveState())
        self.idle.detach()
        self.close_project()
        super().closeEvent(event)

    # ================================================================= refreshing from project events
    def _on_immediate(self, change: Change) -> None:
        """The highlight follows a coding at once (before anything reads the view, e.g. its context menu)."""
        if change.codings and self.current_document_id is not None \
                and change.touches("document", self.current_document_id):
            self.reload_codings()

    def _on_change(self, change: Change) -> None:
        """Once per event-loop turn, with the changes of that turn merged: update only what they touch."""
        if self.project is None:
            return
        if change.codes or change.coders:
            self._refresh_lookup()
        if change.coders:
            self._fill_coder_filter(keep=True)
        if change.codes:
            self.code_panel.model.refresh()
            self.recent_codes = [c for c in self.recent_codes if c in self._code_info]
            self._refresh_recent_bar()
            self.reload_codings()
        elif change.codings:
            self.code_panel.model.refresh_counts(change.code_ids)
        if change.documents:
            current = self.current_document_id
            self.doc_model.refresh()
            if current is None or self.doc_model.row_of(current) < 0:
                self._clear_view()  # also turns the empty-project hint into "No document open"
            else:
                self._select_doc_row(current)
        elif change.codings:
            self.doc_model.refresh_coded(change.document_ids)
        here = self.current_document_id is not None and change.touches("document", self.current_document_id)
        if change.codes or change.coders or change.memos or (change.codings and here):
            self.refresh_details()

    def _refresh_lookup(self) -> None:
        if self.project is None:
            return
        codes = self.project.codes.list()
        shown = display_colours(codes)  # sub-codes in shades of their theme's colour
        self._code_info = {c.id: (readable_path(c.path), shown[c.id], c.name) for c in codes}
        self._coder_names = {c.id: c.name for c in self.project.coders.list()}
        self.view.set_lookup(self._code_info, self._coder_names)

    def _fill_coder_filter(self, keep: bool = False) -> None:
        box = self.coder_filter_box
        current = box.currentData() if keep else None
        box.blockSignals(True)
        box.clear()
        box.addItem("All coders", None)
        me = self.project.coder
        if me is not None:
            box.addItem(f"My codings ({me.name})", me.id)
        for coder in self.project.coders.list():
            if me is None or coder.id != me.id:
                box.addItem(coder.name, coder.id)
        box.setCurrentIndex(max(0, box.findData(current)) if current is not None else 0)
        box.blockSignals(False)
        self.coder_menu.clear()
        for i in range(box.count()):
            self.coder_menu.addAction(box.itemText(i), lambda i=i: box.setCurrentIndex(i))

    def _coder_filter_changed(self, _index: int) -> None:
        if self.project is None:
            return
        self.code_panel.model.set_coder(self.coder_filter())
        self.reload_codings()
        self.refresh_details()

    # ================================================================= documents
    def _doc_row_changed(self, current, _previous) -> None:
        if not current.isValid():
            return
        doc_id = self.doc_proxy.index(current.row(), 0).data(Qt.ItemDataRole.UserRole + 2)
        if doc_id is not None and doc_id != self.current_document_id:
            self.show_document(doc_id)

    def _select_doc_row(self, doc_id: int) -> None:
        row = self.doc_model.row_of(doc_id)
        if row < 0:
            return
        idx = self.doc_proxy.mapFromSource(self.doc_model.index(row, 0))
        if idx.isValid():
            sm = self.doc_table.selectionModel()
            sm.blockSignals(True)
            self.doc_table.setCurrentIndex(idx)
            self.doc_table.selectRow(idx.row())
            sm.blockSignals(False)
            self.doc_table.viewport().update()

    def show_document(self, doc_id: int, start: int | None = None, end: int | None = None) -> None:
        """Open a document in the view; with ``start`` (and ``end``), select that span and scroll to it."""
        if self.project is None:
            return
        if doc_id != self.current_document_id:
            doc = self.project.documents.get(doc_id)
            text = self.project.documents.text(doc_id)
            labels = []
            for t in self.project.turns.list(doc_id):
                if t.speaker and text.startswith(t.speaker, t.start):
                    e = t.start + len(t.speaker)
                    labels.append((t.start, e + 1 if text[e:e + 1] == ":" else e))
            self.current_document_id = doc_id
            self.view.load(doc_id, text, labels or None)
            self.reload_codings()
            kind = KIND_LABELS.get(doc.kind, doc.kind)
            self.doc_header.setText(f"<b>{_esc(doc.name)}</b> &nbsp; <span style='color:#666'>{kind} · "
                                    f"{doc.word_count:,} words</span>")
            self._select_doc_row(doc_id)
            self.document_shown.emit(doc_id)
        if start is not None:
            self.view.select_cp(start, end)
            self.view.setFocus()
        self.refresh_details()

    def reload_codings(self) -> None:
        if self.project is None or self.current_document_id is None:
            return
        rows = self.project.codings.spans(self.current_document_id, self.coder_filter())
        if any(r[2] not in self._coder_names for r in rows):  # a coder new to this session (e.g. a merge)
            self._refresh_lookup()
            self._fill_coder_filter(keep=True)
        elif any(r[1] not in self._code_info for r in rows):  # a code made a moment ago
            self._refresh_lookup()
        self.view.set_codings(rows)

    # ================================================================= coding
    def _selection_changed(self) -> None:
        sel = self.view.selection_cp()
        if sel:
            self.selection_label.setText(f"Selected {sel[1] - sel[0]:,} characters — click a code, press 1-9, "
                                         "or drag the selection onto a code")
        else:
            self.selection_label.setText("")

    def apply_code(self, code_id: int) -> bool:
        if self.project is None:
            return False
        sel = self.selection()
        if sel is None:
            self.statusBar().showMessage("Select some text first, then click a code to apply it.", 5000)
            return False
        doc_id, start, end = sel
        name = self._code_name(code_id)
        try:
            command = cmd.push(self.undo_stack, cmd.AddCoding(self.project, code_id, doc_id, start, end, name))
        except Exception as exc:  # noqa: BLE001 - plain dialog, nothing changed
            self.show_error(exc)
            return False
        self._remember_code(code_id)
        if command.existed:
            self.statusBar().showMessage(f"Already coded as “{name}”.", 4000)
        else:
            self.coding_feedback.coded(command, name, self.view.textCursor().selectedText())
        return True

    def _code_name(self, code_id: int) -> str:
        if code_id not in self._code_info and self.project is not None:
            self._refresh_lookup()
        return self._code_info.get(code_id, ("?", "", "?"))[2]

    def apply_recent(self, digit: int) -> bool:
        if 1 <= digit <= len(self.recent_codes):
            return self.apply_code(self.recent_codes[digit - 1])
        self.statusBar().showMessage(f"No code on key {digit} yet: codes you apply get keys 1-9.", 4000)
        return False

    def _remember_code(self, code_id: int) -> None:
        keys = code_keys.remember(self.recent_codes, code_id, self._key_use)  # keys never move
        if keys != self.recent_codes:
            self.recent_codes = keys
            self._refresh_recent_bar()

    def clear_recent_codes(self) -> None:
        self.recent_codes = []
        self._refresh_recent_bar()

    def _refresh_recent_bar(self) -> None:
        self.recent_bar.clear()
        label = QLabel(" Recent codes: ")
        label.setStyleSheet("color: #555;")
        self.recent_bar.addWidget(label)
        if not self.recent_codes:
            hint = QLabel("codes you apply appear here with keys 1-9")
            hint.setStyleSheet("color: #888;")
            self.recent_bar.addWidget(hint)
        for i, cid in enumerate(self.recent_codes, start=1):
            path, colour, name = self._code_info.get(cid, ("?", "#999999", "?"))
            short = name if len(name) <= 20 else name[:18].rstrip() + "…"
            act = self.recent_bar.addAction(colour_icon(colour), f"{i} {short}", lambda cid=cid: self.apply_code(cid))
            act.setToolTip(f"{path} (key {i})")
        if hasattr(self, "code_panel"):
            self.code_panel.model.set_shortcuts({cid: i for i, cid in enumerate(self.recent_codes, start=1)})

    def apply_code_dialog(self) -> None:
        from .merge_dialog import CodePickerDialog

        if self.project is None or self.selection() is None:
            self.statusBar().showMessage("Select some text first.", 4000)
            return
        dlg = CodePickerDialog(self.project, "Apply code", "Type part of a code's name, then Enter.", "Apply",
                               parent=self)
        current = self.code_panel.current_code_id()
        if current is not None:
            dlg.select_code(current)
        if dlg.exec() and dlg.target_id() is not None:
            self.apply_code(dlg.target_id())

    def codings_at_cursor(self) -> list:
        if self.project is None or self.current_document_id is None:
            return []
        ids = set(self.view.coding_ids_at(self.view.cursor_cp()))
        sel = self.view.selection_cp()
        if sel and not ids:
            ids = set(self.view.coding_ids_at(sel[0]))
        return [c for c in self.project.codings.get_many(sorted(ids))]

    def refresh_details(self) -> None:
        if self.project is None or self._locked:
            return
        keep = self.details.current_coding_id()
        self.details.show_codings(self.project, self.codings_at_cursor(), self._code_info, self._coder_names, keep)

    def remove_coding(self, coding_id: int) -> bool:
        try:
            c = self.project.codings.get(coding_id)
            name = self._code_name(c.code_id)
            cmd.push(self.undo_stack, cmd.RemoveCoding(self.project, coding_id, f"“{name}”"))
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return False
        self.statusBar().showMessage(f"Removed the “{name}” coding. Ctrl+Z brings it back.", 4000)
        return True

    def fit_coding_to_selection(self, coding_id: int) -> bool:
        sel = self.selection()
        if sel is None:
            self.statusBar().showMessage("Select the text the coding should cover, then choose Fit.", 5000)
            return False
        try:
            cmd.push(self.undo_stack, cmd.ResizeCoding(self.project, coding_id, sel[1], sel[2]))
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)
            return False
        return True

    def set_coding_memo(self, coding_id: int, memo: str) -> None:
        try:
            cmd.push(self.undo_stack, cmd.SetCodingMemo(self.project, coding_id, memo))
            self.statusBar().showMessage("Memo saved.", 3000)
        except Exception as exc:  # noqa: BLE001
            self.show_error(exc)

    def _remove_current_coding(self) -> None:
        cid = self.details.current_coding_id()
        if cid is not None:
            self.remove_coding(cid)

    def _fit_current_coding(self) -> None:
        cid = self.details.current_coding_id()
        if cid is not None:
            self.fit_coding_to_selection(cid)

    def _text_context_menu(self, global_pos, cp: int) -> None:
        if self.project is not None:
            self.build_text_menu(cp).exec(global_pos)

    def build_text_menu(self, cp: int) -> QMenu:
        """The document view's context menu for the position ``cp`` (code points)."""
        menu = QMenu(self)
        has_sel = self.selection() is not None
        apply_menu = _submenu(menu, "Apply code")
        apply_menu.setEnabled(has_sel)
        for i, cid in enumerate(self.recent_codes, start=1):
            apply_menu.addAction(f"{i}  {self._code_info.get(cid, ('?',))[0]}", lambda cid=cid: self.apply_code(cid))
        if self.recent_codes:
            apply_menu.addSeparator()
        apply_menu.addAction("Choose a code…", self.apply_code_dialog)
        current = self.code_panel.current_code_id()
        if current is not None:
            menu.addAction(f"Apply “{self._code_name(current)}” (selected in the tree)",
                           lambda: self.apply_code(current)).setEnabled(has_sel)
        here = self.project.codings.get_many(self.view.coding_ids_at(cp))
        if here:
            menu.addSeparator()
            rm = _submenu(menu, "Remove coding")
            fit = _submenu(menu, "Fit coding to selection")
            fit.setEnabled(has_sel)
            for c in here:
                label = f"{self._code_info.get(c.code_id, ('?',))[0]} — {self._coder_names.get(c.coder_id, '?')}"
                rm.addAction(label, lambda cid=c.id: self.remove_coding(cid))
                fit.addAction(label, lambda cid=c.id: self.fit_coding_to_selection(cid))
        menu.addSeparator()
        menu.addAction("Copy", self.view.copy_explicit).setEnabled(has_sel)
        return menu

    # ================================================================= idle lock
    @property
    def locked(self) -> bool:
        return self._locked

    def lock(self, *, idle: bool = False) -> None:
        """Hide all text until the passphrase is entered (``idle``: the idle timer ran out; else Lock now)."""
        if self.project is None or self._locked:
            return
        self._locked = True
        QToolTip.hideText()
        # Other windows may show text too: dialogs are cancelled, other windows and toolbars hidden.
        # Progress dialogs are only hidden: a long import must not be cancelled by the lock.
        self._hidden_windows = []
        for top in QApplication.topLevelWidgets():
            if top is self or not top.isVisible():
                continue
            if isinstance(top, QProgressDialog):
                top.hide()
                self._hidden_windows.append(top)
            elif isinstance(top, QDialog):
                top.reject()
            elif isinstance(top, QMenu):
                top.close()
            elif not isinstance(top, QDockWidget):
                top.hide()
        self._hidden_docks = [d for d in self.docks.values() if d.isVisible()]
        self._hidden_docks += [t for t in self.findChildren(QToolBar) if t.isVisible() and t.parent() is self]
        for d in self._hidden_docks:
            d.hide()
        self.view.hide()
        self.menuBar().setEnabled(False)
        self.lock_screen.reset(self.project.name, idle=idle)
        self.stack.setCurrentIndex(PAGE_LOCK)
        self.idle.set_active(False)
        self.setWindowTitle("Locked — QualCoder-CSE")

    def unlock(self, passphrase: str) -> bool:
        if not self._locked or self.project is None:
            return False
        if not self.project.check_passphrase(passphrase):
            self.lock_screen.message.setText("That passphrase is not right. Try again.")
            self.lock_screen.passphrase.selectAll()
            return False
        self._locked = False
        self.lock_screen.passphrase.clear()
        self.stack.setCurrentIndex(PAGE_WORK)
        self.view.show()
        for d in self._hidden_docks:
            d.show()
        for top in getattr(self, "_hidden_windows", []):
            top.show()
        self._hidden_windows = []
        self.menuBar().setEnabled(True)
        self.setWindowTitle(f"{self.project.name} — QualCoder-CSE")
        self.idle.set_active(True)
        self.refresh_details()
        return True

    def idle_settings_dialog(self) -> None:
        minutes, ok = QInputDialog.getInt(self, "Idle lock", "Lock the window after this many minutes without "
                                          "use (0 = never):", self.settings.idle_minutes(), 0, 240)
        if ok:
            self.settings.set_idle_minutes(minutes)
            self.idle.set_timeout_ms(minutes * 60_000)

    # ================================================================= help
    def show_shortcuts(self) -> None:
        QMessageBox.information(self, "Keyboard shortcuts", (
            "1-9\tapply a recent code to the selected text\n"
            "Ctrl+K\tapply a code: type part of its name, Enter\n"
            "Ctrl+Z\tundo\nCtrl+Shift+Z\tredo\n"
            "Ctrl+Shift+R\tremove the coding chosen in Details\n"
            "Ctrl+Shift+F\tfit that coding to the selection\n"
            "Ctrl+Shift+N\tnew code\nF2\trename the code selected in the tree\n"
            "Ctrl+C\tcopy the selected text (the only way text reaches the clipboard)\n"
            "Ctrl+L\tlock the window now"))

    def show_about(self) -> None:
        from .. import __version__

        QMessageBox.about(self, "About QualCoder-CSE", f"QualCoder-CSE {__version__}\n\nEncrypted, anonymised, "
                          "offline qualitative coding for policing and CSE research.")


def _submenu(menu: QMenu, title: str) -> QMenu:
    """A submenu owned by its menu (``addMenu(title)``'s wrapper can be collected before the menu shows)."""
    sub = QMenu(title, menu)
    menu.addMenu(sub)
    return sub


def readable_path(path: str) -> str:
    """``Theme/Code`` (with ``\\/`` escapes) as ``Theme › Code`` for people."""
    from ..core.codes import split_path

    return " › ".join(split_path(path))


def _esc(text: str) -> str:
    import html

    return html.escape(text)
