"""The Documents dock: the project's documents (name, kind, words, coded share), filtered by name and kind,
sortable (the model sorts and filters its rows itself: no proxy); choosing a row opens that document in the view
(``document_chosen``)."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QHBoxLayout, QHeaderView, QLineEdit, QTableView, QVBoxLayout, QWidget

from .document_list_model import KIND_LABELS, DocumentListModel


class DocumentsPanel(QWidget):
    document_chosen = Signal(int)

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        v = QVBoxLayout(self)
        v.setContentsMargins(4, 4, 4, 4)
        row = QHBoxLayout()
        self.filter = QLineEdit(placeholderText="Filter documents…", objectName="documentFilter")
        self.filter.setClearButtonEnabled(True)
        self.kind_filter = QComboBox(objectName="kindFilter")
        self.kind_filter.addItem("All kinds", None)
        for key, label in KIND_LABELS.items():
            self.kind_filter.addItem(label, key)
        row.addWidget(self.filter, 2)
        row.addWidget(self.kind_filter, 1)
        v.addLayout(row)
        self.model = DocumentListModel(None, self)
        self.table = t = QTableView(objectName="documentList")
        t.setModel(self.model)
        t.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        t.setSelectionMode(QTableView.SelectionMode.SingleSelection)
        t.setSortingEnabled(True)
        t.sortByColumn(0, Qt.SortOrder.AscendingOrder)
        t.verticalHeader().hide()
        t.setShowGrid(False)
        t.setAlternatingRowColors(True)
        t.setWordWrap(False)
        h = t.horizontalHeader()
        h.setSectionResizeMode(0, QHeaderView.ResizeMode.Stretch)
        # Kind, words and coded share are fitted to their values when the list is (re)loaded, not on every
        # change of a coded share: fitting to contents measured the rows in sight again after each click.
        for col in (1, 2, 3):
            h.setSectionResizeMode(col, QHeaderView.ResizeMode.Fixed)
        self.model.modelReset.connect(self._fit_columns)
        self._fit_columns()
        v.addWidget(t)
        self.filter.textChanged.connect(self.model.set_text)
        self.kind_filter.currentIndexChanged.connect(lambda _i: self.model.set_kind(self.kind_filter.currentData()))
        t.selectionModel().currentRowChanged.connect(self._row_changed)

    def _fit_columns(self) -> None:
        # Kind fits every kind's label (a kind is one of them), coded share "100%": only the word counts are
        # measured, as the model formats them (not read cell by cell through Qt: 500 calls into the model).
        fm, h = self.table.fontMetrics(), self.table.horizontalHeader()
        words = self.model.word_labels()
        for col, texts in ((1, set(KIND_LABELS.values())), (2, words), (3, {"100%"})):
            texts.add(DocumentListModel.HEADERS[col])
            h.resizeSection(col, max(fm.horizontalAdvance(t) for t in texts) + 18)

    def _row_changed(self, current, _previous) -> None:
        if current.isValid() and 0 <= current.row() < self.model.rowCount():
            self.document_chosen.emit(self.model.document_id(current.row()))

    def first_id(self) -> int | None:
        """The document in the first row as sorted and filtered (None when the list is empty)."""
        return self.model.document_id(0) if self.model.rowCount() else None

    def select(self, doc_id: int) -> None:
        """Show ``doc_id``'s row as the current one (without emitting ``document_chosen``)."""
        row = self.model.row_of(doc_id)
        if row < 0:
            return
        sm = self.table.selectionModel()
        sm.blockSignals(True)
        self.table.setCurrentIndex(self.model.index(row, 0))
        self.table.selectRow(row)
        sm.blockSignals(False)
        self.table.viewport().update()
