"""The "Suggest codings" panel: train on the project's own coding, list suggestions like search results,
accept or reject them one by one or all at once (one undo step per button press).

Scope: the document open, a set of documents, or one code across the project. Training and suggesting run in
a worker thread with a progress bar and Cancel in the panel; the training material is read on the GUI thread
first (the worker only reads documents to suggest in). Each suggestion shows its code's trust (precision and
recall by cross-validation, and the passages learned from); codes with too few codings offer nothing and say
so in the "Trust per code" tab. ``highlightsChanged`` tells the window which spans of which document to mark.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QItemSelectionModel, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDoubleSpinBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableView,
    QTableWidget,
    QTableWidgetItem,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import ProjectError
from ..suggest.errors import Cancelled
from ..suggest.manager import DEFAULT_THRESHOLD, Suggestion
from .background import Worker
from .commands import push
from .errors import show_error
from .suggest_commands import AcceptSuggestions, RejectSuggestions
from .suggest_documents_dialog import SuggestDocumentsDialog
from .suggest_model import COL_TEXT, SUGGESTION_ROLE, SuggestionsModel

if TYPE_CHECKING:
    from ..core.project import Project

SCOPES = (("document", "the document open"), ("documents", "chosen documents…"), ("code", "one code, every document"))


class SuggestPanel(QWidget):
    highlightsChanged = Signal()
    passageActivated = Signal(int, int, int)  # document id, start, end

    def __init__(self, project: Project, undo_stack, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("suggestPanel")
        self.project, self.undo_stack = project, undo_stack
        self.current_document = lambda: None  # set by the window: the document open (id or None)
        self.pick_code = None  # optional callable() -> code id | None
        self.documents: list[int] = []
        self.code_id: int | None = None
        self._thread: QThread | None = None
        self._worker: Worker | None = None

        top = QHBoxLayout()
        top.addWidget(QLabel("Suggest in"))
        self.scope_box = QComboBox(objectName="suggestScope")
        for key, label in SCOPES:
            self.scope_box.addItem(label, key)
        top.addWidget(self.scope_box)
        top.addWidget(QLabel("passages:"))
        self.unit_box = QComboBox(objectName="suggestUnit")
        self.unit_box.addItem("sentences", "sentence")
        self.unit_box.addItem("speaker turns", "turn")
        top.addWidget(self.unit_box)
        top.addWidget(QLabel("confidence at least"))
        self.threshold = QDoubleSpinBox(objectName="suggestThreshold", decimals=2, singleStep=0.05)
        self.threshold.setRange(0.05, 1.0)
        self.threshold.setValue(DEFAULT_THRESHOLD)
        self.threshold.setToolTip("Higher: fewer suggestions, more of them right. The default favours precision.")
        top.addWidget(self.threshold)
        self.run_button = QPushButton("Train and suggest", objectName="suggestRun")
        top.addWidget(self.run_button)
        self.progress = QProgressBar(objectName="suggestProgress")
        self.progress.setMaximumWidth(160)
        self.progress.hide()
        top.addWidget(self.progress)
        self.cancel_button = QPushButton("Cancel", objectName="suggestCancel")
        self.cancel_button.hide()
        top.addWidget(self.cancel_button)
        top.addStretch(1)

        self.status = QLabel("The suggester learns from this project's coding only; nothing leaves the laptop.",
                             objectName="suggestStatus")
        self.status.setWordWrap(True)
        self.model = SuggestionsModel(self)
        self.view = QTableView(objectName="suggestionsTable")
        self.view.setModel(self.model)
        self.view.setSortingEnabled(True)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.ExtendedSelection)
        self.view.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.view.verticalHeader().hide()
        self.view.setAlternatingRowColors(True)
        self.view.setWordWrap(False)
        h = self.view.horizontalHeader()
        h.setSectionResizeMode(QHeaderView.ResizeMode.Interactive)
        h.setSectionResizeMode(COL_TEXT, QHeaderView.ResizeMode.Stretch)
        self.trust_table = QTableWidget(0, 2, objectName="suggestTrust")
        self.trust_table.setHorizontalHeaderLabels(["Code", "Trust"])
        self.trust_table.horizontalHeader().setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        self.trust_table.horizontalHeader().setSectionResizeMode(1, QHeaderView.ResizeMode.ResizeToContents)
        self.trust_table.setWordWrap(False)
        self.trust_table.verticalHeader().hide()
        self.trust_table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.view, "Suggestions")
        self.tabs.addTab(self.trust_table, "Trust per code")

        buttons = QHBoxLayout()
        self.accept_button = QPushButton("Accept", objectName="suggestAccept")
        self.reject_button = QPushButton("Reject", objectName="suggestReject")
        self.accept_all_button = QPushButton("Accept all listed", objectName="suggestAcceptAll")
        self.reject_all_button = QPushButton("Reject all listed", objectName="suggestRejectAll")
        for b in (self.accept_button, self.reject_button, self.accept_all_button, self.reject_all_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(6, 6, 6, 6)
        layout.addLayout(top)
        layout.addWidget(self.status)
        layout.addWidget(self.tabs, 1)
        layout.addLayout(buttons)

        self.run_button.clicked.connect(self.run)
        self.cancel_button.clicked.connect(self.cancel)
        self.accept_button.clicked.connect(lambda: self.accept(self.selected()))
        self.reject_button.clicked.connect(lambda: self.reject(self.selected()))
        self.accept_all_button.clicked.connect(lambda: self.accept(list(self.model.items)))
        self.reject_all_button.clicked.connect(lambda: self.reject(list(self.model.items)))
        self.view.doubleClicked.connect(self._activated)
        self.view.selectionModel().currentRowChanged.connect(lambda cur, _prev: self._activated(cur))
        self.model.modelReset.connect(self._update_buttons)
        self._update_buttons()

    # ----------------------------------------------------------------- scope
    def choose_documents(self) -> bool:
        dlg = SuggestDocumentsDialog(self.project, self.documents, self)
        if dlg.exec() and dlg.checked():
            self.documents = dlg.checked()
            return True
        return False

    def _scope(self) -> tuple[list[int] | None, int | None] | None:
        """(documents, code) to suggest for, or None when the researcher backed out."""
        key = self.scope_box.currentData()
        if key == "document":
            doc = self.current_document()
            if doc is None:
                self.status.setText("Open a document first, or choose other documents or one code.")
                return None
            return [doc], None
        if key == "documents":
            if not self.documents and not self.choose_documents():
                return None
            return list(self.documents), None
        if self.code_id is None and self.pick_code is not None:
            self.code_id = self.pick_code()
        if self.code_id is None:
            return None
        return None, self.code_id

    # ----------------------------------------------------------------- training and suggesting
    def run(self) -> None:
        """Train on the project's coding (read here, fitted in a worker), then suggest for the scope."""
        if self._thread is not None:
            return
        scope = self._scope()
        if scope is None:
            return
        documents, code_id = scope
        sug, threshold = self.project.suggestions, self.threshold.value()
        try:
            material = sug.collect(self.unit_box.currentData())
        except ProjectError as exc:
            show_error(self, exc)
            return

        def work(progress):
            sug.fit(material, progress, threshold=threshold)
            return sug.suggest(documents, code_id, threshold, progress)

        self._start(work)

    def _start(self, fn) -> None:
        self._thread = QThread(self)
        self._worker = Worker(fn)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._progress)
        self._worker.finished.connect(self._finished)
        self.progress.setRange(0, 0)
        self.progress.show()
        self.cancel_button.show()
        self.run_button.setEnabled(False)
        self.status.setText("Training on this project's coding…")
        self._thread.start()

    def cancel(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True
            self.status.setText("Cancelling…")

    @Slot(int, int)
    def _progress(self, done: int, total: int) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(min(done, max(total, 1)))

    @Slot(object, object)
    def _finished(self, result, exc) -> None:
        self._stop_thread()
        if isinstance(exc, Cancelled):
            self.status.setText("Cancelled; the suggestions listed before are unchanged.")
            return
        if isinstance(exc, ProjectError):  # nothing to learn from yet, and the like: said in the panel
            self.status.setText(str(exc))
            return
        if exc is not None:
            self.status.setText("Training failed.")
            show_error(self, exc)
            return
        self.show_suggestions(result)

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread.deleteLater()
        self._thread = self._worker = None
        self.progress.hide()
        self.cancel_button.hide()
        self.run_button.setEnabled(True)

    def show_suggestions(self, items: list[Suggestion]) -> None:
        report = self.project.suggestions.report
        trust = {t.code_id: t for t in report.trust} if report else {}
        colours = {c.id: c.colour for c in self.project.codes.list()}
        self.model.set_items(items, trust, colours)
        self.trust_table.setRowCount(len(trust))
        for row, t in enumerate(trust.values()):
            self.trust_table.setItem(row, 0, QTableWidgetItem(t.code_path))
            self.trust_table.setItem(row, 1, QTableWidgetItem(t.describe()))
        usable = sum(1 for t in trust.values() if t.enough)
        self.status.setText(
            f"{len(items)} suggestion(s) at confidence {self.threshold.value():.2f} or more. Learned from "
            f"{report.units if report else 0:,} passages; {usable} code(s) have enough codings to suggest, "
            f"{len(trust) - usable} too few (see Trust per code).")
        for col, most in ((0, 150), (2, 200), (3, 80), (4, 200)):  # the passage takes the rest
            self.view.resizeColumnToContents(col)
            self.view.setColumnWidth(col, min(self.view.columnWidth(col), most))
        self.highlightsChanged.emit()

    # ----------------------------------------------------------------- decisions
    def selected(self) -> list[Suggestion]:
        rows = sorted({i.row() for i in self.view.selectionModel().selectedRows()})
        return [self.model.items[r] for r in rows if r < len(self.model.items)]

    def accept(self, items: list[Suggestion]) -> None:
        self._decide(AcceptSuggestions(self.project, items, self._decided), items)

    def reject(self, items: list[Suggestion]) -> None:
        self._decide(RejectSuggestions(self.project, items, self._decided), items)

    def _decide(self, cmd, items: list[Suggestion]) -> None:
        if not items:
            return
        try:
            push(self.undo_stack, cmd)
        except ProjectError as exc:
            show_error(self, exc)

    def _decided(self, items: list[Suggestion], decided: bool) -> None:
        """A decision was made (or undone): the list and the highlights follow."""
        row = self.view.currentIndex().row()
        if decided:
            self.model.remove(items)
        else:
            self.model.add(items)
        if self.model.items and row >= 0:
            self.view.selectionModel().setCurrentIndex(
                self.model.index(min(row, len(self.model.items) - 1), 0),
                QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows)
        self.highlightsChanged.emit()

    def spans_in(self, document_id: int) -> list[tuple[int, int]]:
        return sorted({(s.start, s.end) for s in self.model.items if s.document_id == document_id})

    def _activated(self, index) -> None:
        if index.isValid():
            s = self.model.data(index, SUGGESTION_ROLE)
            if s is not None:
                self.passageActivated.emit(s.document_id, s.start, s.end)

    def _update_buttons(self) -> None:
        has = bool(self.model.items)
        for b in (self.accept_button, self.reject_button, self.accept_all_button, self.reject_all_button):
            b.setEnabled(has and not self.project.readonly)

    def shutdown(self) -> None:
        """The project is closing: stop a running training and drop its result."""
        if self._worker is None:
            return
        self._worker.cancelled = True
        self._worker.finished.disconnect(self._finished)
        self._stop_thread()
