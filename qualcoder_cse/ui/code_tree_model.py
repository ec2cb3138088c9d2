"""Tree model of the codebook: themes and codes with their colours and codings counts.

Structure changes (add, move, merge, delete) reset the model; count changes only emit ``dataChanged`` so the
view keeps its expansion and selection. Drag and drop: codes are dragged by id (to move them), and text
spans from the document view (``SPAN_MIME``, ids and offsets only, never text) are dropped on a code to apply
it. The model does not change the project itself: it calls ``on_move(code_id, parent_id, row)``,
``on_apply(code_id)`` and ``on_rename(code_id, name)`` set by the panel, which push undo commands.
"""

from __future__ import annotations

import json
from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from PySide6.QtCore import (
    QAbstractItemModel,
    QMimeData,
    QModelIndex,
    QPersistentModelIndex,
    QSortFilterProxyModel,
    Qt,
)
from PySide6.QtGui import QColor, QIcon, QPainter, QPixmap

from ..core.codes import split_path
from .code_shades import display_colours

if TYPE_CHECKING:
    from ..core.project import Project

CODE_MIME = "application/x-qualcoder-cse-code"
SPAN_MIME = "application/x-qualcoder-cse-span"
ID_ROLE = Qt.ItemDataRole.UserRole + 1
PATH_ROLE = Qt.ItemDataRole.UserRole + 2
COLOUR_ROLE = Qt.ItemDataRole.UserRole + 3

_Index = QModelIndex | QPersistentModelIndex
# the roles data() answers, as plain ints: Qt asks about ten roles of each painted or measured cell, and the
# ones not answered leave at once instead of after a chain of enum comparisons
_DISPLAY, _EDIT, _DECORATION, _TIP, _ALIGN = (int(r) for r in (
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.DecorationRole,
    Qt.ItemDataRole.ToolTipRole, Qt.ItemDataRole.TextAlignmentRole))
_ID, _PATH, _COLOUR = int(ID_ROLE), int(PATH_ROLE), int(COLOUR_ROLE)
_ROLES = frozenset((_DISPLAY, _EDIT, _DECORATION, _TIP, _ALIGN, _ID, _PATH, _COLOUR))
_RIGHT = int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
# flags() is asked for every row drawn or laid out: combined once (each | of Python enum flags is a call)
_COUNT_FLAGS = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable | Qt.ItemFlag.ItemIsDropEnabled
_NAME_FLAGS = _COUNT_FLAGS | Qt.ItemFlag.ItemIsDragEnabled | Qt.ItemFlag.ItemIsEditable


_ICONS: dict[tuple[str, int], QIcon] = {}


def colour_icon(colour: str, size: int = 14) -> QIcon:
    """A rounded square of ``colour`` (one per colour and size, kept: a new icon is drawn and scaled again by
    every view that paints it)."""
    icon = _ICONS.get((colour, size))
    if icon is None:
        if len(_ICONS) > 2000:  # colours seen in a session: a bound, not a leak
            _ICONS.clear()
        icon = _ICONS[(colour, size)] = _draw_icon(colour, size)
    return icon


def _draw_icon(colour: str, size: int) -> QIcon:
    pix = QPixmap(size, size)
    pix.fill(Qt.GlobalColor.transparent)
    p = QPainter(pix)
    p.setRenderHint(QPainter.RenderHint.Antialiasing)
    p.setBrush(QColor(colour))
    p.setPen(QColor(colour).darker(140))
    p.drawRoundedRect(1, 1, size - 2, size - 2, 3, 3)
    p.end()
    return QIcon(pix)


class CodeTreeModel(QAbstractItemModel):
    HEADERS = ("Code", "Codings")

    def __init__(self, project: Project | None = None, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.coder_id: int | None = None
        self.codes: dict[int, object] = {}
        self.children_of: dict[int | None, list[int]] = {None: []}
        self.counts: dict[int, int] = {}
        self.totals: dict[int, int] = {}
        self.shortcuts: dict[int, int] = {}  # code id -> digit of its recent-codes shortcut
        self.shown: dict[int, str] = {}  # code id -> colour shown (sub-codes in shades of their theme's)
        self._icons: dict[str, QIcon] = {}
        self.on_move: Callable[[int, int | None, int], None] | None = None
        self.on_apply: Callable[[int], None] | None = None
        self.on_rename: Callable[[int, str], None] | None = None
        self.refresh()

    # ----------------------------------------------------------------- loading
    def set_project(self, project: Project | None) -> None:
        self.project = project
        self.refresh()

    def set_coder(self, coder_id: int | None) -> None:
        self.coder_id = coder_id
        self.refresh_counts()

    def refresh(self) -> None:
        self.beginResetModel()
        self.codes, self.children_of = {}, {None: []}
        if self.project is not None and self.project.is_open:
            for code in self.project.codes.list():
                self.codes[code.id] = code
                self.children_of.setdefault(code.parent_id, []).append(code.id)
                self.children_of.setdefault(code.id, [])
        self.shown = display_colours(self.codes.values())
        self._load_counts()
        self.endResetModel()

    def _load_counts(self) -> None:
        self.counts = self.project.codes.counts(self.coder_id) if self.project and self.project.is_open else {}
        totals: dict[int, int] = {}

        def total(cid: int) -> int:
            t = self.counts.get(cid, 0) + sum(total(k) for k in self.children_of.get(cid, []))
            totals[cid] = t
            return t

        for root in self.children_of.get(None, []):
            total(root)
        self.totals = totals

    def refresh_counts(self, code_ids: Iterable[int] | None = None) -> None:
        """Count again the codings of the named codes (all when None); their themes' totals follow."""
        if code_ids is None or not self.project or not self.project.is_open:
            self._load_counts()
            if self.codes:
                self._emit_all_changed(QModelIndex())
            return
        named = [c for c in code_ids if c in self.codes]
        if not named:
            return
        for cid, n in self.project.codes.counts(self.coder_id, named).items():
            delta = n - self.counts.get(cid, 0)
            self.counts[cid] = n
            up: int | None = cid
            while up is not None:  # the code and every theme above it
                self.totals[up] = self.totals.get(up, 0) + delta
                self._cell_changed(up)
                up = self.codes[up].parent_id

    def _cell_changed(self, code_id: int) -> None:
        cell = self.index_of(code_id, 1)  # the count only: the name's wrapped row is not measured again
        self.dataChanged.emit(cell, cell, [Qt.ItemDataRole.DisplayRole])

    def set_shortcuts(self, shortcuts: dict[int, int]) -> None:
        self.shortcuts = dict(shortcuts)
        if self.codes:
            self._emit_all_changed(QModelIndex())

    def _emit_all_changed(self, parent: QModelIndex) -> None:
        n = self.rowCount(parent)
        if n == 0:
            return
        self.dataChanged.emit(self.index(0, 0, parent), self.index(n - 1, 1, parent))
        for r in range(n):
            child = self.index(r, 0, parent)
            if self.rowCount(child):
                self._emit_all_changed(child)

    # ----------------------------------------------------------------- structure
    def _parent_id(self, code_id: int) -> int | None:
        return self.codes[code_id].parent_id

    def code_id(self, index: _Index) -> int | None:
        return int(index.internalId()) if index.isValid() else None

    def index_of(self, code_id: int, column: int = 0) -> QModelIndex:
        if code_id not in self.codes:
            return QModelIndex()
        siblings = self.children_of.get(self._parent_id(code_id), [])
        return self.createIndex(siblings.index(code_id), column, code_id)

    def index(self, row: int, column: int, parent: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if column < 0 or column >= len(self.HEADERS):
            return QModelIndex()
        kids = self.children_of.get(self.code_id(parent), [])
        if 0 <= row < len(kids):
            return self.createIndex(row, column, kids[row])
        return QModelIndex()

    def parent(self, index: _Index = QModelIndex()) -> QModelIndex:  # noqa: B008
        if not index.isValid():
            return QModelIndex()
        pid = self._parent_id(int(index.internalId()))
        return self.index_of(pid) if pid is not None else QModelIndex()

    def rowCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        if parent.isValid() and parent.column() != 0:
            return 0
        return len(self.children_of.get(self.code_id(parent), []))

    def columnCount(self, parent: _Index = QModelIndex()) -> int:  # noqa: B008
        return len(self.HEADERS)

    def headerData(self, section: int, orientation, role: int = Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    # ----------------------------------------------------------------- data
    def data(self, index: _Index, role: int = Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():
            return None
        cid = int(index.internalId())
        code = self.codes.get(cid)
        if code is None:
            return None
        col = index.column()
        if role == _DISPLAY:
            if col == 0:
                key = self.shortcuts.get(cid)
                return f"{code.name}  [{key}]" if key else code.name
            return str(self.totals.get(cid, 0))
        if role == _EDIT and col == 0:
            return code.name
        if role == _DECORATION and col == 0:
            colour = self.shown.get(cid, code.colour)
            icon = self._icons.get(colour)
            if icon is None:
                icon = self._icons[colour] = colour_icon(colour)
            return icon
        if role == _TIP:
            desc = code.description.split("\n\n")[0] if code.description else "No description."
            own, total = self.counts.get(cid, 0), self.totals.get(cid, 0)
            counts = f"{own} codings here" + (f", {total - own} in sub-codes" if total != own else "")
            key = self.shortcuts.get(cid)
            shortcut = f"\nKey {key} applies it to the selected text." if key else ""
            return f"{' › '.join(split_path(code.path))}\n{counts}{shortcut}\n\n{desc}"
        if role == _ALIGN:
            return _RIGHT if col == 1 else None
        if role == _ID:
            return cid
        if role == _PATH:
            return code.path
        if role == _COLOUR:
            return code.colour
        return None

    def setData(self, index: _Index, value, role: int = Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid() or index.column() != 0:
            return False
        name = str(value).strip()
        cid = int(index.internalId())
        if not name or name == self.codes[cid].name or self.on_rename is None:
            return False
        self.on_rename(cid, name)  # pushes a command; the project notification refreshes the model
        return True

    def flags(self, index: _Index) -> Qt.ItemFlag:
        if not index.isValid():
            return Qt.ItemFlag.ItemIsDropEnabled
        return _NAME_FLAGS if index.column() == 0 else _COUNT_FLAGS

    # ----------------------------------------------------------------- drag and drop
    def supportedDropActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction | Qt.DropAction.CopyAction

    def supportedDragActions(self) -> Qt.DropAction:
        return Qt.DropAction.MoveAction

    def mimeTypes(self) -> list[str]:
        return [CODE_MIME, SPAN_MIME]

    def mimeData(self, indexes) -> QMimeData:
        ids = sorted({int(i.internalId()) for i in indexes if i.isValid()})
        mime = QMimeData()
        mime.setData(CODE_MIME, json.dumps(ids).encode())
        return mime

    def canDropMimeData(self, data, action, row, column, parent) -> bool:
        if data.hasFormat(SPAN_MIME):
            return parent.isValid()
        return data.hasFormat(CODE_MIME)

    def dropMimeData(self, data: QMimeData, action, row: int, column: int, parent: _Index) -> bool:
        target = self.code_id(parent)
        if data.hasFormat(SPAN_MIME):
            if target is None or self.on_apply is None:
                return False
            self.on_apply(target)
            return False  # nothing to remove at the source
        if not data.hasFormat(CODE_MIME) or self.on_move is None:
            return False
        ids = json.loads(bytes(data.data(CODE_MIME)).decode() or "[]")
        for cid in ids:
            if cid in self.codes and cid != target:
                self.on_move(cid, target, row)
        return False  # the model is rebuilt from the project, so the view must not remove rows itself


class CodeFilterProxy(QSortFilterProxyModel):
    """Case-insensitive name filter that keeps the ancestors of matches and the children of a matching theme."""

    def __init__(self, parent=None) -> None:
        super().__init__(parent)
        self.setRecursiveFilteringEnabled(True)
        self.setAutoAcceptChildRows(True)
        self.setFilterCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.setFilterRole(Qt.ItemDataRole.EditRole)
        self.setFilterKeyColumn(0)
