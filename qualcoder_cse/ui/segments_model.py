"""Table model of the coded-segments list: one row per ``core.segments.Segment``.

Columns: document, speaker, code, passage, case, coder, memo. The model sorts itself (``sort``, called by
the view's header): a proxy would ask ``data()`` for every row many times, which for 5,000 segments took
over a second in Python; sorting the list by precomputed keys takes milliseconds. Document and passage sort
by document and position. The tooltip of a row shows the passage with its line of context either side.
"""

from __future__ import annotations

import bisect

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..core.codes import split_path
from ..core.segments import Segment

SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 1
CODING_ID_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
COL_DOCUMENT, COL_SPEAKER, COL_CODE, COL_TEXT, COL_CASE, COL_CODER, COL_MEMO = range(7)


def _position(s: Segment) -> tuple:
    """Where a segment stands in the list by position: document name, then place in the document."""
    return (s.document_name.casefold(), s.document_id, s.start, s.end, s.coding_id)


def _short(text: str, n: int = 300) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


class SegmentsModel(QAbstractTableModel):
    HEADERS = ("Document", "Speaker", "Code", "Passage", "Case", "Coder", "Memo")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.segments: list[Segment] = []
        self.colours: dict[int, str] = {}  # code id -> colour shown beside the code
        self.sort_column, self.sort_order = COL_DOCUMENT, Qt.SortOrder.AscendingOrder

    def set_segments(self, segments: list[Segment], colours: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.segments = list(segments)
        self._sort_list()
        if colours is not None:
            self.colours = dict(colours)
        self.endResetModel()

    def replace_documents(self, document_ids: frozenset[int], fresh: list[Segment]) -> None:
        """Put ``fresh`` in place of the segments of ``document_ids``, row by row (no reset: the view keeps
        its scroll position and selection). Sorted by another column than position, the list is re-sorted."""
        if self.sort_column not in (COL_DOCUMENT, COL_TEXT) or self.sort_order != Qt.SortOrder.AscendingOrder:
            self.set_segments([s for s in self.segments if s.document_id not in document_ids] + fresh)
            return
        gone = [i for i, s in enumerate(self.segments) if s.document_id in document_ids]
        while gone:  # a document's rows are contiguous: remove them as runs, last run first
            last = first = gone.pop()
            while gone and gone[-1] == first - 1:
                first = gone.pop()
            self.beginRemoveRows(QModelIndex(), first, last)
            del self.segments[first : last + 1]
            self.endRemoveRows()
        blocks: dict[int, list[Segment]] = {}
        for seg in sorted(fresh, key=_position):  # by position: a document's rows stay one block
            blocks.setdefault(seg.document_id, []).append(seg)
        for block in blocks.values():
            i = bisect.bisect_left(self.segments, _position(block[0]), key=_position)  # log n keys
            self.beginInsertRows(QModelIndex(), i, i + len(block) - 1)
            self.segments[i:i] = block
            self.endInsertRows()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self._sort_list()
        self.layoutChanged.emit()

    def _sort_list(self) -> None:
        col = self.sort_column
        if col in (COL_DOCUMENT, COL_TEXT):
            key = _position
        else:
            key = (lambda s: ((self._display(s, col) or "").casefold(), _position(s)))
        self.segments.sort(key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.segments)):
            return None
        s = self.segments[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TEXT:
                return f"{_short(s.before, 240)} [{_short(s.text, 600)}] {_short(s.after, 240)}\n\n{s.source}"
            if col == COL_CODE:
                return " › ".join(split_path(s.code_path))
            return self._display(s, col)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_CODE:
            colour = self.colours.get(s.code_id)
            return QColor(colour) if colour else None
        if role == SEGMENT_ROLE:
            return s
        if role == CODING_ID_ROLE:
            return s.coding_id
        return None

    @staticmethod
    def _display(s: Segment, col: int) -> str:
        if col == COL_DOCUMENT:
            return s.document_name
        if col == COL_SPEAKER:
            return s.speaker
        if col == COL_CASE:
            return "; ".join(s.cases)
        if col == COL_CODE:  # the code's own name; the tooltip has its path
            return split_path(s.code_path)[-1] if s.code_path else ""
        if col == COL_CODER:
            return s.coder
        if col == COL_TEXT:
            return _short(s.text, 200)
        if col == COL_MEMO:
            return _short(s.memo, 80)
        return ""

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

