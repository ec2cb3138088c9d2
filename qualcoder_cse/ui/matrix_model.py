"""A read-only Qt table model over an analysis result (a pandas DataFrame) for the Analysis view.

Numbers display formatted (integers plain, other numbers to 2 decimals) and sort by value through
``SORT_ROLE``; ``HEAT_ROLE`` gives each numeric cell its place (0..1) between the smallest and largest value
of the numeric columns, for the heat-map delegate; ``KEY_ROLE`` gives the (row key, column key) of the cell,
which the view uses to show the cell's quotes. Text columns (code paths, flags) display as they are.
"""

from __future__ import annotations

import math

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..lazy import lazy_import

np = lazy_import("numpy")  # numpy and pandas load with the first matrix, not when the window starts
pd = lazy_import("pandas")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
HEAT_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex


class MatrixModel(QAbstractTableModel):
    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self._frame = pd.DataFrame()
        self._values: list[list] = []
        self._row_keys: list = []
        self._col_keys: list = []
        self._numeric: list[bool] = []
        self._lo = 0.0
        self._hi = 0.0
        self._heat_cols: set[int] = set()

    # ------------------------------------------------------------- loading
    def set_frame(
        self,
        frame: pd.DataFrame,
        *,
        row_keys: list | None = None,
        col_keys: list | None = None,
        heat_columns: list[int] | None = None,
    ) -> None:
        """Show ``frame``. ``row_keys``/``col_keys`` identify cells for KEY_ROLE (default: index and columns);
        ``heat_columns`` limits the heat map to those columns (default: every numeric column)."""
        self.beginResetModel()
        self._frame = frame
        self._values = (
            frame.to_numpy(dtype=object).tolist() if len(frame.columns) else [[] for _ in frame.index]
        )
        self._row_keys = list(row_keys) if row_keys is not None else list(frame.index)
        self._col_keys = list(col_keys) if col_keys is not None else list(frame.columns)
        self._numeric = (
            [
                pd.api.types.is_numeric_dtype(frame[c]) and not pd.api.types.is_bool_dtype(frame[c])
                for c in frame.columns
            ]
            if len(frame.columns)
            else []
        )
        cols = [i for i, n in enumerate(self._numeric) if n]
        self._heat_cols = set(heat_columns if heat_columns is not None else cols) & set(cols)
        values = [
            float(v) for row in self._values for i, v in enumerate(row) if i in self._heat_cols and _finite(v)
        ]
        self._lo = min(values) if values else 0.0
        self._hi = max(values) if values else 0.0
        self.endResetModel()

    def frame(self) -> pd.DataFrame:
        return self._frame

    # ------------------------------------------------------------- Qt API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else len(self._values)

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._frame.columns)

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or index.row() >= len(self._values) or index.column() >= len(self._numeric):
            return None
        value = self._values[index.row()][index.column()]
        numeric = self._numeric[index.column()]
        if role == Qt.ItemDataRole.DisplayRole:
            return _format(value) if numeric else ("" if value is None else str(value))
        if role == SORT_ROLE:
            if numeric:
                return float(value) if _finite(value) else -math.inf
            return "" if value is None else str(value).casefold()
        if role == HEAT_ROLE:
            if index.column() not in self._heat_cols or not _finite(value) or self._hi <= self._lo:
                return None
            return (float(value) - self._lo) / (self._hi - self._lo)
        if role == KEY_ROLE:
            return (self._row_keys[index.row()], self._col_keys[index.column()])
        if role == Qt.ItemDataRole.TextAlignmentRole:
            if numeric:
                return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            return int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)
        if role == Qt.ItemDataRole.ToolTipRole:
            header = self._frame.columns[index.column()]
            label = self._frame.index[index.row()]
            return f"{label} · {header}: {_format(value) if numeric else value}"
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.ToolTipRole):
            return None
        if orientation == Qt.Orientation.Horizontal:
            if 0 <= section < len(self._frame.columns):
                return str(self._frame.columns[section])
            return None
        if 0 <= section < len(self._frame.index):
            return str(self._frame.index[section])  # the view elides long paths; the tooltip is whole
        return None

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _finite(v) -> bool:
    return (
        isinstance(v, (int, float, np.integer, np.floating)) and not isinstance(v, bool) and math.isfinite(v)
    )


def _format(v) -> str:
    if v is None or (isinstance(v, (float, np.floating)) and math.isnan(v)):
        return ""
    if isinstance(v, (int, np.integer)):
        return str(int(v))
    if isinstance(v, (float, np.floating)):
        return str(int(v)) if float(v).is_integer() else f"{float(v):.2f}"
    return str(v)
