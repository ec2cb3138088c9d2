"""Qt table model of cases (or documents) by attributes: the grid of the cases editor.

Rows are cases (scope "case") or documents (scope "document"); column 0 is the name, then one column per
attribute of that scope. The whole grid is read in two queries into plain dicts, so painting 5,000 cases x 10
attributes is dict look-ups only. Police forces are shown pseudonymised when the project says so. Edits go
through ``SetAttributeValues`` on the undo stack when one is given; a pasted block is one undo step.
Project notifications are coalesced into one reload per event-loop turn.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, QPersistentModelIndex, Qt

from ..core.changes import Change
from ..core.errors import InvalidValue, ProjectError
from ..core.models import Attribute
from .change_hub import hub_for
from .commands import push
from .workbench_commands import RenameCase, SetAttributeValues

if TYPE_CHECKING:
    from ..core.project import Project

TYPE_LABELS = {"text": "text", "number": "number", "date": "date", "category": "category"}
IdRole = Qt.ItemDataRole.UserRole + 1
ChoicesRole = Qt.ItemDataRole.UserRole + 2


_ROLES = frozenset({
    Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole, Qt.ItemDataRole.ToolTipRole,
    Qt.ItemDataRole.TextAlignmentRole, IdRole, ChoicesRole,
})


class CaseTableModel(QAbstractTableModel):
    def __init__(self, project: Project, scope: str = "case", undo_stack=None, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.scope = scope
        self.undo_stack = undo_stack
        self._rows: list[tuple[int, str]] = []
        self._attrs: list[Attribute] = []
        self._values: dict[int, dict[int, str]] = {}
        self._mapping: dict[str, str] | None = None
        self._sort: tuple[int, Qt.SortOrder] | None = None
        self._muted = False  # our own batch edits update the cache directly; no reload for them
        self.last_errors: list[str] = []
        self.reload()
        self._hub = hub_for(project)
        self._hub.listen(self._on_change)

    def close(self) -> None:
        self._hub.stop(self._on_change)

    # ----------------------------------------------------------------- loading
    def reload(self) -> None:
        if not self.project.is_open:
            return
        self.beginResetModel()
        if self.scope == "case":
            self._rows = [(c.id, c.name) for c in self.project.cases.list()]
        else:
            self._rows = [(d.id, d.name) for d in self.project.documents.list()]
        self._attrs = self.project.attributes.list(self.scope)
        self._values = self.project.attributes.table(self.scope)
        presets = self.project.presets
        self._mapping = presets.force_pseudonyms() if presets.forces_pseudonymised() else None
        if self._sort is not None:
            column, order = self._sort
            if column <= len(self._attrs):
                self.sort(column, order)
        self.endResetModel()

    def _on_change(self, change: Change) -> None:
        """Rows are cases (or documents), columns attributes: reload when one of those changed, unless the
        change is our own batch edit (already in the cache)."""
        rows = change.cases if self.scope == "case" else change.documents
        if (rows or change.attributes) and not self._muted:
            self.reload()

    # ----------------------------------------------------------------- lookup helpers
    def row_id(self, row: int) -> int:
        return self._rows[row][0]

    def row_of(self, target_id: int) -> int:
        for i, (rid, _name) in enumerate(self._rows):
            if rid == target_id:
                return i
        return -1

    def attribute(self, column: int) -> Attribute | None:
        return self._attrs[column - 1] if column >= 1 else None

    def attributes(self) -> list[Attribute]:
        return list(self._attrs)

    def _shown(self, attr: Attribute, value: str) -> str:
        if self._mapping is None or not value:
            return value
        return self.project.presets.display_value(attr, value, self._mapping)

    def shown_choices(self, attr: Attribute) -> list[str]:
        return [self._shown(attr, c) for c in attr.choices]

    # ----------------------------------------------------------------- Qt model
    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self._rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 1 + len(self._attrs)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if role not in _ROLES or not index.isValid():  # most roles a view asks for: answered at once
            return None
        row, col = index.row(), index.column()
        if not (0 <= row < len(self._rows)) or not (0 <= col <= len(self._attrs)):
            return None
        target_id, name = self._rows[row]
        if col == 0:
            if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
                return name
            if role == IdRole:
                return target_id
            return None
        attr = self._attrs[col - 1]
        value = self._values.get(target_id, {}).get(attr.id, "")
        if role in (Qt.ItemDataRole.DisplayRole, Qt.ItemDataRole.EditRole):
            return self._shown(attr, value)
        if role == Qt.ItemDataRole.ToolTipRole:
            return f"{attr.name} ({attr.type})"
        if role == Qt.ItemDataRole.TextAlignmentRole and attr.type == "number":
            return int(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
        if role == IdRole:
            return target_id
        if role == ChoicesRole:
            return self.shown_choices(attr) if attr.type == "category" else None
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal:
            if role == Qt.ItemDataRole.DisplayRole:
                if section == 0:
                    return "Case" if self.scope == "case" else "Document"
                if section - 1 < len(self._attrs):
                    return self._attrs[section - 1].name
            if role == Qt.ItemDataRole.ToolTipRole and 1 <= section <= len(self._attrs):
                attr = self._attrs[section - 1]
                extra = f": {', '.join(self.shown_choices(attr))}" if attr.choices else ""
                return f"{attr.name} ({attr.type}){extra}"
            return None
        if role == Qt.ItemDataRole.DisplayRole and 0 <= section < len(self._rows):
            return section + 1
        return None

    def flags(self, index):
        if not index.isValid():
            return Qt.ItemFlag.NoItemFlags
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        if self.project.readonly or (index.column() == 0 and self.scope != "case"):
            return base
        return base | Qt.ItemFlag.ItemIsEditable

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role != Qt.ItemDataRole.EditRole or not index.isValid():
            return False
        self.last_errors = []
        try:
            if index.column() == 0:
                self._run(RenameCase(self.project, self.row_id(index.row()), str(value)))
                self.reload()
                return True
            return self.set_values([(index.row(), index.column(), "" if value is None else str(value))]) > 0
        except ProjectError as exc:
            self.last_errors = [str(exc)]
            return False

    def _run(self, cmd) -> None:
        if self.undo_stack is not None:
            push(self.undo_stack, cmd)
        else:
            cmd.apply()

    # ----------------------------------------------------------------- sorting and filtering
    def sort(self, column: int, order=Qt.SortOrder.AscendingOrder) -> None:
        """Sort the rows in place (one Python sort: much faster than a proxy comparing through data())."""
        self._sort = (column, order)
        attr = self.attribute(column)

        def key(row: tuple[int, str]):
            if attr is None:
                return (0, row[1].casefold(), 0.0)
            value = self._shown(attr, self._values.get(row[0], {}).get(attr.id, ""))
            if attr.type == "number" and value:
                try:
                    return (0, "", float(value))
                except ValueError:
                    pass
            return (0 if value else 1, value.casefold(), 0.0)  # empty cells last either way

        self.layoutAboutToBeChanged.emit()
        self._rows.sort(key=key, reverse=order == Qt.SortOrder.DescendingOrder)
        self.layoutChanged.emit()

    def row_matches(self, row: int, needle: str) -> bool:
        """Does any cell of the row contain ``needle`` (already casefolded)?"""
        target_id, name = self._rows[row]
        if needle in name.casefold():
            return True
        values = self._values.get(target_id, {})
        return any(needle in self._shown(a, values.get(a.id, "")).casefold() for a in self._attrs)

    # ----------------------------------------------------------------- batch edits
    def set_values(self, cells: list[tuple[int, int, str]]) -> int:
        """Set shown values at (row, column) cells in one undo step; invalid ones are skipped and listed in
        ``last_errors``. Returns how many cells were accepted."""
        changes: list[tuple[int, int, str]] = []
        self.last_errors = []
        for row, col, shown in cells:
            attr = self.attribute(col)
            if attr is None or not (0 <= row < len(self._rows)):
                continue
            target_id = self._rows[row][0]
            try:
                stored = self.project.presets.stored_value(attr, shown.strip())
                stored = self.project.attributes.normalise(attr, stored)
            except InvalidValue as exc:
                self.last_errors.append(f"Row {row + 1}: {exc}")
                continue
            if self._values.get(target_id, {}).get(attr.id, "") != stored:
                changes.append((attr.id, target_id, stored))
        if not changes:
            return 0 if self.last_errors else len(cells)
        label = "Set attribute value" if len(changes) == 1 else f"Paste {len(changes)} attribute values"
        cmd = SetAttributeValues(self.project, changes, label)
        self._muted = True
        try:
            if self.undo_stack is not None:
                push(self.undo_stack, cmd)
            else:
                cmd.apply()
            self._hub.flush()  # the change reaches every listener now, while this model ignores it
        finally:
            self._muted = False
        for attr_id, target_id, stored in changes:  # keep the cache in step without a full reload
            if stored:
                self._values.setdefault(target_id, {})[attr_id] = stored
            else:
                self._values.get(target_id, {}).pop(attr_id, None)
        self.dataChanged.emit(self.index(0, 1), self.index(len(self._rows) - 1, len(self._attrs)))
        return len(changes)

    def paste(self, top: QModelIndex | QPersistentModelIndex, text: str) -> int:
        """Paste tab-separated rows (as copied from Excel) with their top-left cell at ``top``."""
        lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
        if lines and lines[-1] == "":
            lines.pop()
        cells = []
        for r, line in enumerate(lines):
            for c, cell in enumerate(line.split("\t")):
                row, col = top.row() + r, top.column() + c
                if row < len(self._rows) and 1 <= col <= len(self._attrs):
                    cells.append((row, col, cell))
        return self.set_values(cells) if cells else 0
