"""Table model of a word frequency result (word, count, share, documents), sortable by number."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, QSortFilterProxyModel, Qt

if TYPE_CHECKING:
    from ..analysis.word_frequency import WordCount

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
_Index = QModelIndex | QPersistentModelIndex


class WordFrequencyModel(QAbstractTableModel):
    HEADERS = ("Word", "Count", "Share of words", "Documents")

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.words: list[WordCount] = []

    def set_words(self, words: list[WordCount]) -> None:
        self.beginResetModel()
        self.words = list(words)
        self.endResetModel()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.words)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        horizontal = orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole
        if horizontal and 0 <= section < len(self.HEADERS):
            return self.HEADERS[section]
        return None

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.words)):
            return None
        w = self.words[index.row()]
        col = index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (w.word, f"{w.count:,}", f"{w.share:.2%}", f"{w.documents:,}")[col]
        if role == SORT_ROLE:
            return (w.word, w.count, w.share, w.documents)[col]
        if role == Qt.ItemDataRole.TextAlignmentRole and col > 0:
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        return None


class WordFrequencyProxy(QSortFilterProxyModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setSortRole(SORT_ROLE)
