"""Table model of the project's documents: name, kind, words, coded % (sortable, filterable by kind)."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

if TYPE_CHECKING:
    from ..core.project import Project

KIND_LABELS = {
    "police": "Police",
    "lscb": "LSCB",
    "young_person": "Young people",
    "fieldnote": "Field note",
    "other": "Other",
}

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
ID_ROLE = Qt.ItemDataRole.UserRole + 2
KIND_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
_BATCH = 64  # coded shares read together (about two screens of rows)


class DocumentListModel(QAbstractTableModel):
    HEADERS = ("Document", "Kind", "Words", "Coded")

    def __init__(self, project: Project | None = None, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self._docs: list = []
        self._coded: dict[int, float] = {}
        self.refresh()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._docs = self.project.documents.list() if self.project is not None and self.project.is_open else []
        self._coded = {}  # filled as rows are shown, a batch of rows at a time (_coded_of)
        self.endResetModel()

    def _coded_of(self, row: int) -> float:
        """The coded share of the document in ``row``: read with the next rows' on first need, so opening a
        project reads the codings of the documents in sight, not of every document."""
        doc_id = self._docs[row].id
        got = self._coded.get(doc_id)
        if got is None:
            if self.project is None or not self.project.is_open:
                return 0.0
            batch = [d.id for d in self._docs[row:row + _BATCH] if d.id not in self._coded]
            self._coded.update(self.project.documents.coded_fraction(batch))
            got = self._coded.get(doc_id, 0.0)
        return got

    def refresh_coded(self, document_ids: Iterable[int] | None = None) -> None:
        """Recompute the coded share of the named documents (all when None) and repaint their cells."""
        if self.project is None or not self._docs:
            return
        if document_ids is None:
            self._coded = {}  # read again as the rows are shown
            self.dataChanged.emit(self.index(0, 3), self.index(len(self._docs) - 1, 3))
            return
        rows = {d.id: i for i, d in enumerate(self._docs)}
        named = [d for d in document_ids if d in rows]
        if not named:
            return
        self._coded.update(self.project.documents.coded_fraction(named))
        for d in named:
            self.dataChanged.emit(self.index(rows[d], 3), self.index(rows[d], 3))

    def document_id(self, row: int) -> int:
        return self._docs[row].id

    def row_of(self, doc_id: int) -> int:
        for i, d in enumerate(self._docs):
            if d.id == doc_id:
                return i
        return -1

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self._docs)):
            return None
        doc = self._docs[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            if col == 3:
                return f"{self._coded_of(index.row()):.0%}"
            return (doc.name, KIND_LABELS.get(doc.kind, doc.kind), f"{doc.word_count:,}")[col]
        if role == SORT_ROLE:
            return self._coded_of(index.row()) if col == 3 else (doc.name.casefold(), doc.kind, doc.word_count)[col]
        if role == ID_ROLE:
            return doc.id
        if role == KIND_ROLE:
            return doc.kind
        if role == Qt.ItemDataRole.TextAlignmentRole and col >= 2:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            coded = self._coded_of(index.row())
            return f"{doc.name}\n{KIND_LABELS.get(doc.kind, doc.kind)}, {doc.word_count:,} words, {coded:.0%} coded"
        return None


class DocumentFilterProxy(QSortFilterProxyModel):
    """Filters by kind (exact) and by a name substring; sorts numerically on the numeric columns."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._kind: str | None = None
        self._text = ""
        self.setSortRole(SORT_ROLE)

    def set_kind(self, kind: str | None) -> None:
        self._refilter(lambda: setattr(self, "_kind", kind or None))

    def set_text(self, text: str) -> None:
        self._refilter(lambda: setattr(self, "_text", text.casefold().strip()))

    def _refilter(self, change) -> None:
        if hasattr(self, "beginFilterChange"):  # Qt >= 6.9; invalidateFilter is deprecated there
            self.beginFilterChange()
            change()
            self.endFilterChange(QSortFilterProxyModel.Direction.Rows)
        else:
            change()
            self.invalidateFilter()

    def filterAcceptsRow(self, row: int, parent: _Index) -> bool:
        src = self.sourceModel()
        idx = src.index(row, 0, parent)
        if self._kind and src.data(idx, KIND_ROLE) != self._kind:
            return False
        return not self._text or self._text in str(src.data(idx, Qt.ItemDataRole.DisplayRole)).casefold()
