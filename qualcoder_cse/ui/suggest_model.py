"""Table model of coding suggestions: one row per ``suggest.manager.Suggestion``.

Columns: document, passage, code, confidence, trust (the code's cross-validated precision and recall, from
``project.suggestions``). Sorted by the model itself, like the coded-segments list; the passage's tooltip shows
it whole with its position.
"""

from __future__ import annotations

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..core.codes import split_path
from ..suggest.manager import CodeTrust, Suggestion

SUGGESTION_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex
COL_DOCUMENT, COL_TEXT, COL_CODE, COL_CONFIDENCE, COL_TRUST = range(5)


def _short(text: str, n: int = 200) -> str:
    text = " ".join(text.split())
    return text if len(text) <= n else text[: n - 1].rstrip() + "…"


class SuggestionsModel(QAbstractTableModel):
    HEADERS = ("Document", "Passage", "Code", "Confidence", "Trust")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.items: list[Suggestion] = []
        self.trust: dict[int, CodeTrust] = {}
        self.colours: dict[int, str] = {}
        self.sort_column, self.sort_order = COL_DOCUMENT, Qt.SortOrder.AscendingOrder

    def set_items(self, items: list[Suggestion], trust: dict[int, CodeTrust] | None = None,
                  colours: dict[int, str] | None = None) -> None:
        self.beginResetModel()
        self.items = list(items)
        if trust is not None:
            self.trust = dict(trust)
        if colours is not None:
            self.colours = dict(colours)
        self._sort_list()
        self.endResetModel()

    def remove(self, gone: list[Suggestion]) -> None:
        """Drop decided suggestions (accepted or rejected), keeping the rest in place."""
        drop = set(gone)
        keep = [s for s in self.items if s not in drop]
        if len(keep) != len(self.items):
            self.beginResetModel()
            self.items = keep
            self.endResetModel()

    def add(self, back: list[Suggestion]) -> None:
        """Put suggestions back (an undone decision)."""
        have = set(self.items)
        new = [s for s in back if s not in have]
        if new:
            self.beginResetModel()
            self.items += new
            self._sort_list()
            self.endResetModel()

    def sort(self, column: int, order: Qt.SortOrder = Qt.SortOrder.AscendingOrder) -> None:
        self.sort_column, self.sort_order = column, order
        self.layoutAboutToBeChanged.emit()
        self._sort_list()
        self.layoutChanged.emit()

    def _sort_list(self) -> None:
        col = self.sort_column

        def position(s: Suggestion):
            return (s.document_name.casefold(), s.document_id, s.start, s.code_path.casefold())

        if col == COL_CONFIDENCE:
            key = (lambda s: (s.confidence, position(s)))
        elif col == COL_CODE:
            key = (lambda s: (s.code_path.casefold(), position(s)))
        elif col == COL_TRUST:
            key = (lambda s: (self._precision(s), position(s)))
        else:
            key = position
        self.items.sort(key=key, reverse=self.sort_order == Qt.SortOrder.DescendingOrder)

    def _precision(self, s: Suggestion) -> float:
        t = self.trust.get(s.code_id)
        return t.precision if t is not None and t.precision is not None else -1.0

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.items)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole \
                and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.items)):
            return None
        s = self.items[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return self._display(s, col)
        if role == Qt.ItemDataRole.ToolTipRole:
            if col == COL_TEXT:
                who = f"{s.speaker}, " if s.speaker else ""
                return f"{_short(s.text, 800)}\n\n{s.document_name}, {who}characters {s.start}-{s.end}"
            if col == COL_CODE:
                return " › ".join(split_path(s.code_path))
            if col == COL_TRUST:
                t = self.trust.get(s.code_id)
                return t.describe() if t is not None else ""
            return self._display(s, col)
        if role == Qt.ItemDataRole.DecorationRole and col == COL_CODE:
            colour = self.colours.get(s.code_id)
            return QColor(colour) if colour else None
        if role == Qt.ItemDataRole.TextAlignmentRole and col == COL_CONFIDENCE:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == SUGGESTION_ROLE:
            return s
        return None

    def _display(self, s: Suggestion, col: int) -> str:
        if col == COL_DOCUMENT:
            return s.document_name
        if col == COL_TEXT:
            return _short(s.text)
        if col == COL_CODE:
            return split_path(s.code_path)[-1] if s.code_path else ""
        if col == COL_CONFIDENCE:
            return f"{s.confidence:.2f}"
        if col == COL_TRUST:  # short here; the tooltip and the Trust per code tab say it in full
            t = self.trust.get(s.code_id)
            if t is None or t.precision is None:
                return t.describe() if t is not None else ""
            return f"P {t.precision:.2f} · R {t.recall:.2f} · {t.passages} passages"
        return ""

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
