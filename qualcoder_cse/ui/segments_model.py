"""Table model of the coded-segments list: one row per ``core.segments.Segment``.

Columns: document, speaker, code, passage, case, coder, memo. The model sorts itself (``sort``, called by
the view's header): a proxy would ask ``data()`` for every row many times, which for 5,000 segments took
over a second in Python; sorting the list by precomputed keys takes milliseconds. Document and passage sort
by document and position. The tooltip of a row shows the passage with its line of context either side.
"""

from __future__ import annotations

import bisect
from collections import Counter

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor, QFontMetrics

from ..core.codes import split_path
from ..core.segments import Segment

SEGMENT_ROLE = Qt.ItemDataRole.UserRole + 1
CODING_ID_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
COL_DOCUMENT, COL_SPEAKER, COL_CODE, COL_TEXT, COL_CASE, COL_CODER, COL_MEMO = range(7)


def _position(s: Segment) -> tuple:
    """Where a segment stands in the list by position: document name, then place in the document."""
    return (s.document_name.casefold(), s.document_id, s.start, s.end, s.coding_id)


def _document(s: Segment) -> tuple:
    return (s.document_name.casefold(), s.document_id)




# the roles data() answers (a repaint asks seven per cell; the others are answered first, with nothing)
_DISPLAY, _TOOLTIP, _DECORATION = (int(r) for r in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole,
                                                    Qt.ItemDataRole.DecorationRole))
_PRINTABLE = [chr(c) for c in range(32, 127)]  # after whitespace is collapsed, what an ASCII passage holds
_ROLES = frozenset({_DISPLAY, _TOOLTIP, _DECORATION, int(SEGMENT_ROLE), int(CODING_ID_ROLE)})


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
        self.passage_chars = 200  # of a passage shown in its cell (``fit_passages``)
        self._rows_of: Counter[int] = Counter()  # document id -> its rows
        self._key_of: dict[int, tuple] = {}  # document id -> where its rows stand (``_document``)
        self._icons: dict[str, QColor] = {}
        self._names: dict[str, str] = {}  # code path -> the code's own name
        self._font_key: tuple = ()
        self._narrowest = 1

    def set_segments(self, segments: list[Segment], colours: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.segments = list(segments)
        self._rows_of = Counter(s.document_id for s in self.segments)
        self._key_of = {s.document_id: _document(s) for s in self.segments}
        self._sort_list()
        if colours is not None:
            self.colours = dict(colours)
            self._icons.clear()
        self.endResetModel()

    def document_count(self) -> int:
        """How many documents the listed segments come from."""
        return len(self._rows_of)

    def fit_passages(self, width: int, metrics: QFontMetrics) -> None:
        """The passage column is ``width`` pixels wide: a cell gets no more characters than can show (Qt
        measures all it gets to elide it: 200 characters made a paint of the list milliseconds slower). An
        ASCII passage is cut after more characters than the narrowest could fill the width with, so Qt
        elides it at the same place; the cell looks the same."""
        key = metrics.fontDpi(), metrics.height(), metrics.averageCharWidth()
        if key != self._font_key:
            self._font_key = key
            self._narrowest = max(1, min(metrics.horizontalAdvance(c) for c in _PRINTABLE))
        self.passage_chars = max(20, min(200, width // self._narrowest + 3))

    def replace_documents(self, document_ids: frozenset[int], fresh: list[Segment]) -> None:
        """Put ``fresh`` in place of the segments of ``document_ids``, row by row (no reset: the view keeps
        its scroll position and selection). Sorted by another column than position, the list is re-sorted."""
        if self.sort_column not in (COL_DOCUMENT, COL_TEXT) or self.sort_order != Qt.SortOrder.AscendingOrder:
            self.set_segments([s for s in self.segments if s.document_id not in document_ids] + fresh)
            return
        runs = []  # a document's rows are one run, found by bisection (the list is sorted by document)
        for doc_id in document_ids:
            row = self._first_row(doc_id)
            if row is not None:
                key = _document(self.segments[row])
                runs.append((row, bisect.bisect_right(self.segments, key, lo=row, key=_document) - 1))
        for first, last in sorted(runs, reverse=True):  # last run first: the rows above keep their numbers
            self.beginRemoveRows(QModelIndex(), first, last)
            del self.segments[first : last + 1]
            self.endRemoveRows()
        for doc_id in document_ids:
            self._rows_of.pop(doc_id, None)
            self._key_of.pop(doc_id, None)
        self._rows_of.update(s.document_id for s in fresh)
        self._key_of.update((s.document_id, _document(s)) for s in fresh)
        blocks: dict[int, list[Segment]] = {}
        for seg in sorted(fresh, key=_position):  # by position: a document's rows stay one block
            blocks.setdefault(seg.document_id, []).append(seg)
        for block in blocks.values():
            i = bisect.bisect_left(self.segments, _position(block[0]), key=_position)  # log n keys
            self.beginInsertRows(QModelIndex(), i, i + len(block) - 1)
            self.segments[i:i] = block
            self.endInsertRows()

    def _first_row(self, doc_id: int) -> int | None:
        """The first row of a document listed, or None."""
        key = self._key_of.get(doc_id)
        if key is None:
            return None
        row = bisect.bisect_left(self.segments, key, key=_document)
        if row < len(self.segments) and self.segments[row].document_id == doc_id:
            return row
        return next((i for i, s in enumerate(self.segments) if s.document_id == doc_id), None)

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
        if role not in _ROLES:
            return None
        row = index.row()  # -1 for an invalid index
        if not 0 <= row < len(self.segments):
            return None
        s = self.segments[row]
        col = index.column()
        if role == _DISPLAY:
            return self._display(s, col)
        if role == _TOOLTIP:
            if col == COL_TEXT:
                return f"{_short(s.before, 240)} [{_short(s.text, 600)}] {_short(s.after, 240)}\n\n{s.source}"
            if col == COL_CODE:
                return " › ".join(split_path(s.code_path))
            return self._display(s, col)
        if role == _DECORATION:
            colour = self.colours.get(s.code_id) if col == COL_CODE else None
            if not colour:
                return None
            icon = self._icons.get(colour)
            if icon is None:
                icon = self._icons[colour] = QColor(colour)
            return icon
        if role == SEGMENT_ROLE:
            return s
        if role == CODING_ID_ROLE:
            return s.coding_id
        return None

    def _display(self, s: Segment, col: int) -> str:
        if col == COL_DOCUMENT:
            return s.document_name
        if col == COL_SPEAKER:
            return s.speaker
        if col == COL_CASE:
            return "; ".join(s.cases)
        if col == COL_CODE:  # the code's own name; the tooltip has its path
            name = self._names.get(s.code_path)
            if name is None:
                name = self._names[s.code_path] = split_path(s.code_path)[-1] if s.code_path else ""
            return name
        if col == COL_CODER:
            return s.coder
        if col == COL_TEXT:
            text = " ".join(s.text.split())
            n = self.passage_chars if text.isascii() else 200  # other scripts: no narrowest character known
            return text if len(text) <= n else text[: n - 1].rstrip() + "…"
        if col == COL_MEMO:
            return _short(s.memo, 80)
        return ""

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable

