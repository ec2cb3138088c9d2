"""A read-only Qt table model over an analysis result (a pandas DataFrame) for the Analysis view.

Numbers display formatted (integers plain, other numbers to 2 decimals) and sort by value through
``SORT_ROLE``; ``HEAT_ROLE`` gives each numeric cell its place (0..1) between the smallest and largest value
of the numeric columns, for the heat-map delegate; ``KEY_ROLE`` gives the (row key, column key) of the cell,
which the view uses to show the cell's quotes. Text columns (code paths, flags) display as they are.

Headers are for reading, not for holding whole paths: a code path shows its own name (the leaf), indented by
its level for rows, and column headers wrap over up to three lines; the tooltip gives the whole label and
``LABEL_ROLE`` returns it. ``row_colours`` shade whole rows (the evidence gaps), so what matters stands out.
"""

from __future__ import annotations

import math
import re

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt
from PySide6.QtGui import QColor

from ..lazy import lazy_import

np = lazy_import("numpy")  # off the start-up path: loaded beside the window (lazy.preload) or at first use
pd = lazy_import("pandas")

SORT_ROLE = Qt.ItemDataRole.UserRole + 1
HEAT_ROLE = Qt.ItemDataRole.UserRole + 2
KEY_ROLE = Qt.ItemDataRole.UserRole + 3
LABEL_ROLE = Qt.ItemDataRole.UserRole + 4  # a header's whole label (the code path, the case name)
PAINT_ROLE = Qt.ItemDataRole.UserRole + 5  # (text, heat) of a plain numeric cell, for the delegate's fast paint
HEADER_LINE = 14  # characters per line of a wrapped column header
_SLASH = re.compile(r"(?<!\\)/")  # a path separator (a slash inside a code's name is escaped)

_Index = QModelIndex | QPersistentModelIndex
_DISPLAY, _ALIGN = int(Qt.ItemDataRole.DisplayRole), int(Qt.ItemDataRole.TextAlignmentRole)
_BACKGROUND = int(Qt.ItemDataRole.BackgroundRole)
_ROLES = frozenset(int(r) for r in (Qt.ItemDataRole.DisplayRole, SORT_ROLE, HEAT_ROLE, KEY_ROLE, PAINT_ROLE,
                                    Qt.ItemDataRole.TextAlignmentRole, Qt.ItemDataRole.ToolTipRole,
                                    Qt.ItemDataRole.BackgroundRole))
_TOOLTIP = int(Qt.ItemDataRole.ToolTipRole)
_HEAD_ROLES = frozenset((_DISPLAY, _TOOLTIP, int(LABEL_ROLE), _ALIGN, _BACKGROUND))
_H, _V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
_LEFT = int(Qt.AlignmentFlag.AlignLeft | Qt.AlignmentFlag.AlignVCenter)


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
        self._row_colours: list[str | None] = []
        self._indent_rows = False
        # the headers as plain strings, whole (``_heads``) and as shown (``_shown``), made once per frame: Qt
        # asks for ~200 sections of each header per layout pass (pandas indexing each time cost 0.3 s on 200
        # codes x 500 cases)
        self._heads: dict[Qt.Orientation, list[str]] = {Qt.Orientation.Horizontal: [], Qt.Orientation.Vertical: []}
        self._shown: dict[Qt.Orientation, list[str]] = {Qt.Orientation.Horizontal: [], Qt.Orientation.Vertical: []}
        self._shape = (0, 0)
        self._layout: tuple = ()

    # ------------------------------------------------------------- loading
    def set_frame(
        self,
        frame: pd.DataFrame,
        *,
        row_keys: list | None = None,
        col_keys: list | None = None,
        heat_columns: list[int] | None = None,
        row_colours: list[str | None] | None = None,
        indent_rows: bool = False,
        path_rows: bool = True,
        path_cols: bool = True,
    ) -> None:
        """Show ``frame``. ``row_keys``/``col_keys`` identify cells for KEY_ROLE (default: index and columns);
        ``heat_columns`` limits the heat map to those columns (default: every numeric column);
        ``row_colours`` shades rows (None: no shade); ``indent_rows``: row labels are code paths in tree
        order, shown as their leaf indented by level; ``path_rows``/``path_cols``: the labels are code paths
        (shown as their leaf), else names shown whole ("LSCB / partner agency").

        The same rows and columns with other values (another measure of a matrix) update the cells in place:
        the headers and the view's layout are kept, only the cells in sight are painted again."""
        heads = {Qt.Orientation.Horizontal: [str(c) for c in frame.columns],
                 Qt.Orientation.Vertical: [str(i) for i in frame.index]}
        layout = (row_colours, indent_rows, path_rows, path_cols)
        same = bool(heads == self._heads and layout == self._layout and len(frame.columns) and len(frame.index))
        if not same:
            self.beginResetModel()
        self._layout = layout
        self._heads = heads
        self._shape = (len(frame.index), len(frame.columns))
        self._frame = frame
        self._row_colours = list(row_colours) if row_colours is not None else []
        self._indent_rows = indent_rows
        # one 2-D array (int64 for a count matrix: no 100,000 boxed values); object when the columns mix kinds
        self._values = frame.to_numpy() if len(frame.columns) else np.empty((len(frame.index), 0), dtype=object)
        self._row_keys = list(row_keys) if row_keys is not None else list(frame.index)
        self._col_keys = list(col_keys) if col_keys is not None else list(frame.columns)
        kinds = {dt: pd.api.types.is_numeric_dtype(dt) and not pd.api.types.is_bool_dtype(dt)
                 for dt in set(frame.dtypes)}  # asked once per dtype, not for each of 500 columns
        self._numeric = [kinds[dt] for dt in frame.dtypes]
        if not same:
            cols_shown = [leaf(h) for h in heads[_H]] if path_cols else heads[_H]
            rows_shown = [leaf(h) for h in heads[_V]] if path_rows else heads[_V]
            if indent_rows:
                rows_shown = ["    " * level(h) + r for h, r in zip(heads[_V], rows_shown, strict=True)]
            self._shown = {_H: [wrap_label(c) for c in cols_shown], _V: rows_shown}
        cols = [i for i, n in enumerate(self._numeric) if n]
        self._heat_cols = set(heat_columns if heat_columns is not None else cols) & set(cols)
        block = _numbers(frame, sorted(self._heat_cols)) if self._heat_cols else np.zeros(0)
        finite = block[np.isfinite(block)]
        self._lo = float(finite.min()) if finite.size else 0.0
        self._hi = float(finite.max()) if finite.size else 0.0
        if same:
            self.dataChanged.emit(self.index(0, 0), self.index(self._shape[0] - 1, self._shape[1] - 1))
        else:
            self.endResetModel()

    def frame(self) -> pd.DataFrame:
        return self._frame

    # ------------------------------------------------------------- Qt API
    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008 - Qt's default argument
        return 0 if parent.isValid() else self._shape[0]

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else self._shape[1]

    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        # a painted cell is asked ~10 roles and this answers 7: the others return at once (plain ints, not
        # Qt's enum members, compared: painting the cells in sight is most of what a shown table costs)
        if role not in _ROLES or not index.isValid():
            return None
        row, col = index.row(), index.column()
        if row >= self._shape[0] or col >= self._shape[1]:
            return None
        value = self._values[row, col]
        numeric = self._numeric[col]
        if role == _DISPLAY:
            return _format(value) if numeric else ("" if value is None else str(value))
        if role == PAINT_ROLE:  # one call per painted cell instead of ~8 (None: paint it the usual way)
            if not numeric or (row < len(self._row_colours) and self._row_colours[row]):
                return None
            return _format(value), self.data(index, HEAT_ROLE)
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
        if role == _ALIGN:
            return _RIGHT if numeric else _LEFT
        if role == Qt.ItemDataRole.ToolTipRole:
            header = self._heads[Qt.Orientation.Horizontal][index.column()]
            label = self._heads[Qt.Orientation.Vertical][index.row()]
            return f"{label} · {header}: {_format(value) if numeric else value}"
        if role == _BACKGROUND and row < len(self._row_colours):
            colour = self._row_colours[row]
            return QColor(colour) if colour else None
        return None

    def headerData(self, section: int, orientation: Qt.Orientation, role: int = _DISPLAY):
        # asked 4 roles x ~200 sections per layout pass: plain ints compared, the strings made in set_frame
        if role not in _HEAD_ROLES:
            return None
        labels = self._heads[_H] if orientation == _H else self._heads[_V]
        if not 0 <= section < len(labels):
            return None
        if role == _DISPLAY:
            return self._shown[_H][section] if orientation == _H else self._shown[_V][section]
        if role == LABEL_ROLE or role == _TOOLTIP:
            return labels[section]
        if orientation == _H:
            return None
        if role == _ALIGN:
            return _LEFT
        colour = self._row_colours[section] if section < len(self._row_colours) else None
        return QColor(colour) if colour else None

    def header_texts(self, orientation: Qt.Orientation) -> list[str]:
        """Every section's header as shown (a column's wrapped over lines), for sizing the headers."""
        return self._shown[_H] if orientation == _H else self._shown[_V]

    def column_texts(self) -> list[tuple[str, str]]:
        """(header as shown, widest value as shown) per column, to size the columns without asking Qt to measure
        every cell: for numbers the largest and smallest values formatted, for text the longest string."""
        frame = self.frame()
        heads = list(self._shown[_H])
        widest = [""] * len(heads)
        numeric = [c for c, n in enumerate(self._numeric) if n]
        if numeric and len(frame):
            block = _numbers(frame, numeric)
            finite = np.isfinite(block)
            hi = np.where(finite, block, -np.inf).max(axis=0)
            lo = np.where(finite, block, np.inf).min(axis=0)
            fraction = (np.where(finite, block, 0) % 1 != 0).any(axis=0)
            shown: dict[float, str] = {}  # columns share their largest values: each formatted once

            def text(v: float) -> str:
                found = shown.get(v)
                if found is None:
                    found = shown[v] = _format(v)
                return found

            for c, h, low, frac in zip(numeric, hi.tolist(), lo.tolist(), fraction.tolist(), strict=True):
                if math.isfinite(h):
                    texts = [text(h), text(low)]
                    if frac:  # two decimals beside the largest whole part
                        texts.append(_format(max(abs(h), abs(low)) // 1 + 0.25))
                    widest[c] = max(texts, key=len)
        for c, n in enumerate(self._numeric):
            if not n:
                widest[c] = max(("" if v is None else str(v) for v in self._values[:, c]), key=len, default="")
        return list(zip(heads, widest, strict=True))

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        return Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable


def _numbers(frame: pd.DataFrame, cols: list[int]) -> np.ndarray:
    """Those columns of ``frame`` as one float array (the whole frame at once when they are all of it)."""
    if len(cols) == len(frame.columns):
        return frame.to_numpy(dtype=float)
    return frame.iloc[:, cols].to_numpy(dtype=float)


def leaf(label: str) -> str:
    """A code path's own name ("Disruption/Taxi licensing" -> "Taxi licensing"); "\\/" inside a name is a
    slash of the name, not of the path."""
    return _SLASH.split(label)[-1].replace("\\/", "/").strip() or label


def level(label: str) -> int:
    return len(_SLASH.findall(label))


def wrap_label(text: str, width: int = HEADER_LINE, lines: int = 3) -> str:
    """Break a header at spaces into at most ``lines`` lines of about ``width`` characters (the last one
    elided with "…" when the text is longer still)."""
    out: list[str] = []
    line = ""
    for word in text.split():
        if line and len(line) + 1 + len(word) > width:
            out.append(line)
            line = word
        else:
            line = f"{line} {word}" if line else word
    if line:
        out.append(line)
    if len(out) > lines:
        out = out[: lines - 1] + [" ".join(out[lines - 1 :])[: width - 1] + "…"]
    return "\n".join(out) or text


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

