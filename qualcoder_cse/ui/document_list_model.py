"""Table model of the project's documents: name, kind, words, coded % (sortable, filterable by kind and name).

The model sorts and filters its own rows (one key per document, ``sort`` / ``set_kind`` / ``set_text``), so the
view needs no proxy: a ``QSortFilterProxyModel`` asked Python's ``data()`` for both rows of every comparison at
each reset (500 documents: ~9,000 calls per open) and added three Python calls to every cell painted."""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

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
_BATCH = 32  # coded shares read together (about a screen of rows: 25 in a 900-pixel window)
# Qt asks about ten roles of each painted cell; the ones answered here, as plain ints (the others leave first)
_DISPLAY, _ALIGN, _TIP = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.TextAlignmentRole,
                                           Qt.ItemDataRole.ToolTipRole))
_SORT, _ID, _KIND = int(SORT_ROLE), int(ID_ROLE), int(KIND_ROLE)
_ROLES = frozenset((_DISPLAY, _ALIGN, _TIP, _SORT, _ID, _KIND))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)


class DocumentListModel(QAbstractTableModel):
    HEADERS = ("Document", "Kind", "Words", "Coded")

    def __init__(self, project: Project | None = None, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self._all: list = []  # every document of the project, in the sort order
        self._docs: list = []  # the rows shown: _all filtered by kind and name
        self._coded: dict[int, float] = {}
        self._order: tuple[int, bool] = (0, False)  # column, descending
        self._kind: str | None = None
        self._text = ""
        self.refresh()

    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.refresh()

    def refresh(self) -> None:
        self.beginResetModel()
        self._all = self.project.documents.list() if self.project is not None and self.project.is_open else []
        self._coded = {}  # filled as rows are shown, a batch of rows at a time (_coded_of)
        self._sort_all()
        self._docs = self._filtered()
        self.endResetModel()

    # ----------------------------------------------------------------- order and filter
    def _sort_all(self) -> None:
        col, desc = self._order
        if col == 3:  # the coded share of every document: read only when sorting by it
            missing = [d.id for d in self._all if d.id not in self._coded]
            if missing and self.project is not None and self.project.is_open:
                self._coded.update(self.project.documents.coded_fraction(missing))
            coded = self._coded
            self._all.sort(key=lambda d: (coded.get(d.id, 0.0), d.name.casefold()), reverse=desc)
        else:
            key = (lambda d: d.name.casefold(), lambda d: d.kind, lambda d: d.word_count)[col]
            self._all.sort(key=lambda d: (key(d), d.name.casefold()), reverse=desc)

    def _filtered(self) -> list:
        kind, text = self._kind, self._text
        if not kind and not text:
            return list(self._all)
        return [d for d in self._all if (not kind or d.kind == kind) and (not text or text in d.name.casefold())]

    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        if not 0 <= column < len(self.HEADERS):
            return
        self._order = (column, order == Qt.SortOrder.DescendingOrder)
        self._relayout(sort=True)

    def sort_order(self) -> tuple[int, Qt.SortOrder]:
        col, desc = self._order
        return col, Qt.SortOrder.DescendingOrder if desc else Qt.SortOrder.AscendingOrder

    def set_kind(self, kind: str | None) -> None:
        self._kind = kind or None
        self._relayout()

    def set_text(self, text: str) -> None:
        self._text = text.casefold().strip()
        self._relayout()

    def _relayout(self, sort: bool = False) -> None:
        """Rows reordered or filtered: the view's current row and selection follow their documents (a row
        filtered out loses them)."""
        self.layoutAboutToBeChanged.emit()
        old = [d.id for d in self._docs]
        if sort:
            self._sort_all()
        self._docs = self._filtered()
        new = {d.id: i for i, d in enumerate(self._docs)}
        moved_from = self.persistentIndexList()
        moved_to = []
        for ix in moved_from:
            row = new.get(old[ix.row()], -1) if 0 <= ix.row() < len(old) else -1
            moved_to.append(self.index(row, ix.column()) if row >= 0 else QModelIndex())
        self.changePersistentIndexList(moved_from, moved_to)
        self.layoutChanged.emit()

    # ----------------------------------------------------------------- coded share
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
        """Recompute the coded share of the named documents (all when None) and repaint their cells (or put
        the rows in order again when they are sorted by it)."""
        if self.project is None or not self._all:
            return
        if document_ids is None:
            self._coded = {}  # read again as the rows are shown
        else:
            known = {d.id for d in self._all}
            named = [d for d in document_ids if d in known]
            if not named:
                return
            self._coded.update(self.project.documents.coded_fraction(named))
        if self._order[0] == 3:
            self._relayout(sort=True)
            return
        rows = {d.id: i for i, d in enumerate(self._docs)}
        for i in sorted(rows.values()) if document_ids is None else sorted(rows[d] for d in named if d in rows):
            self.dataChanged.emit(self.index(i, 3), self.index(i, 3))

    # ----------------------------------------------------------------- rows
    def document_id(self, row: int) -> int:
        return self._docs[row].id

    def row_of(self, doc_id: int) -> int:
        """The row showing ``doc_id`` (-1 when the filter hides it or the project has no such document)."""
        for i, d in enumerate(self._docs):
            if d.id == doc_id:
                return i
        return -1

    def word_labels(self) -> set[str]:
        """The Words column's texts of every document (shown or filtered out): what the column is sized to."""
        return {f"{d.word_count:,}" for d in self._all}

    def has(self, doc_id: int) -> bool:
        """Whether the project has ``doc_id``, shown or filtered out."""
        return any(d.id == doc_id for d in self._all)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._docs)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None
        row = index.row()
        if not 0 <= row < len(self._docs):
            return None
        doc = self._docs[row]
        col = index.column()
        if role == _DISPLAY:
            if col == 3:
                return f"{self._coded_of(row):.0%}"
            return (doc.name, KIND_LABELS.get(doc.kind, doc.kind), f"{doc.word_count:,}")[col]
        if role == _ALIGN:
            return _RIGHT if col >= 2 else None
        if role == _SORT:
            return self._coded_of(row) if col == 3 else (doc.name.casefold(), doc.kind, doc.word_count)[col]
        if role == _ID:
            return doc.id
        if role == _KIND:
            return doc.kind
        coded = self._coded_of(row)  # the tooltip
        return f"{doc.name}\n{KIND_LABELS.get(doc.kind, doc.kind)}, {doc.word_count:,} words, {coded:.0%} coded"
