"""Memos: a pane to write the memo of the current target (project, document, code, coding or case) and a
searchable list of every memo in the project.

The main window calls ``set_target(kind, id)`` when the selection changes; the pane then shows that target's
latest memo (or an empty one to start); text is saved 1.5 s after typing stops. Memos live in the encrypted project like everything else; nothing is
written anywhere else (no autosave file). The list also shows the short notes kept on codings themselves
(``coding.memo``) so a search finds every piece of the researcher's writing. Activating a row emits
``targetActivated(kind, id)`` so the window can jump to the coding or document.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt, QTimer, Signal
from PySide6.QtWidgets import (
    QComboBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QPushButton,
    QSplitter,
    QTableView,
    QVBoxLayout,
    QWidget,
)

from ..core.changes import Change
from ..core.errors import NotFound, ProjectError
from .change_hub import hub_for
from .errors import show_error

if TYPE_CHECKING:
    from ..core.project import Project

KINDS = ("project", "document", "code", "coding", "case")


def describe_target(project: Project, kind: str, target_id: int | None) -> str:
    """A short label for what a memo is about (names and offsets only, never transcript text)."""
    try:
        if kind == "project":
            return f"Project: {project.name}"
        if kind == "document":
            return f"Document: {project.documents.get(target_id).name}"
        if kind == "code":
            return f"Code: {project.codes.path(target_id)}"
        if kind == "case":
            return f"Case: {project.cases.get(target_id).name}"
        if kind == "coding":
            c = project.codings.get(target_id)
            doc = project.documents.get(c.document_id).name
            return f"Coding: {project.codes.path(c.code_id)} in {doc} {c.start}-{c.end}"
    except NotFound:
        return f"{kind.capitalize()} {target_id} (deleted)"
    return kind


@dataclass(frozen=True)
class MemoRow:
    memo_id: int | None  # None: the note stored on a coding itself
    kind: str
    target_id: int | None
    about: str
    title: str
    text: str
    updated: str


class MemoListModel(QAbstractTableModel):
    HEADERS = ("About", "Title", "Memo", "Updated")

    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.rows: list[MemoRow] = []
        self.search_text = ""
        self.kind = ""

    def reload(self) -> None:
        p = self.project
        memos = p.memos.search(self.search_text) if self.search_text else p.memos.list()
        rows = [MemoRow(m.id, m.target_type, m.target_id, describe_target(p, m.target_type, m.target_id),
                        m.title, m.text, m.updated_at[:16].replace("T", " ")) for m in memos]
        if self.kind in ("", "coding"):
            for c in p.codings.with_memo(self.search_text):
                rows.append(MemoRow(None, "coding", c.id, describe_target(p, "coding", c.id), "(coding note)",
                                    c.memo, c.created_at[:16].replace("T", " ")))
        if self.kind:
            rows = [r for r in rows if r.kind == self.kind]
        self.beginResetModel()
        self.rows = rows
        self.endResetModel()

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.rows)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.HEADERS)

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.rows)):
            return None
        row = self.rows[index.row()]
        if role == Qt.ItemDataRole.DisplayRole:
            text = " ".join(row.text.split())
            return (row.about, row.title, text[:160], row.updated)[index.column()]
        if role == Qt.ItemDataRole.ToolTipRole and index.column() == 2:
            return row.text[:2000]
        return None

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None


class MemoPanel(QWidget):
    targetActivated = Signal(str, int)  # kind, id (0 for the project)

    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.kind, self.target_id = "project", None
        self.memo_id: int | None = None
        self._dirty = False

        # --- the pane
        self.about = QLabel()
        self.about.setWordWrap(True)
        self.title = QLineEdit()
        self.title.setPlaceholderText("Title (optional)")
        self.editor = QPlainTextEdit()
        self.editor.setPlaceholderText("Write a memo…")
        self.save_button = QPushButton("Save memo")
        self.new_button = QPushButton("New memo")
        self.delete_button = QPushButton("Delete memo")
        self.save_button.clicked.connect(lambda: self._guard(self.save))
        self.new_button.clicked.connect(lambda: self._guard(self.new_memo))
        self.delete_button.clicked.connect(lambda: self._guard(self.delete_memo))
        self.editor.textChanged.connect(self._changed)
        self.title.textEdited.connect(self._changed)
        # Saved into the encrypted project shortly after typing stops, so closing the project loses nothing.
        self._autosave = QTimer(self, singleShot=True, interval=1500)
        self._autosave.timeout.connect(self._autosave_now)
        pane = QWidget()
        pl = QVBoxLayout(pane)
        pl.setContentsMargins(0, 0, 0, 0)
        pl.addWidget(self.about)
        pl.addWidget(self.title)
        pl.addWidget(self.editor, 1)
        buttons = QHBoxLayout()
        for b in (self.save_button, self.new_button, self.delete_button):
            buttons.addWidget(b)
        buttons.addStretch(1)
        pl.addLayout(buttons)

        # --- the list
        self.search = QLineEdit()
        self.search.setPlaceholderText("Search memos…")
        self.search.setClearButtonEnabled(True)
        self.kind_box = QComboBox()
        self.kind_box.addItem("All memos", "")
        for kind in KINDS:
            self.kind_box.addItem(kind.capitalize(), kind)
        self.model = MemoListModel(project, self)
        self.list = QTableView()
        self.list.setModel(self.model)
        self.list.setSelectionBehavior(QTableView.SelectionBehavior.SelectRows)
        self.list.setEditTriggers(QTableView.EditTrigger.NoEditTriggers)
        self.list.horizontalHeader().setStretchLastSection(False)
        self.list.horizontalHeader().setDefaultSectionSize(180)
        self.list.verticalHeader().setVisible(False)
        self.list.activated.connect(self.open_row)
        self.list.doubleClicked.connect(self.open_row)
        self.search.textChanged.connect(self.set_search)
        self.kind_box.currentIndexChanged.connect(lambda _i: self._set_kind(self.kind_box.currentData()))
        lst = QWidget()
        ll = QVBoxLayout(lst)
        ll.setContentsMargins(0, 0, 0, 0)
        row = QHBoxLayout()
        row.addWidget(self.search, 1)
        row.addWidget(self.kind_box)
        ll.addLayout(row)
        ll.addWidget(self.list, 1)

        split = QSplitter(Qt.Orientation.Vertical)
        split.addWidget(pane)
        split.addWidget(lst)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(split)
        self._hub = hub_for(project)
        self._hub.listen(self._on_change)
        self.set_target("project", None)
        self.model.reload()

    def _guard(self, fn) -> None:
        try:
            fn()
        except ProjectError as exc:
            show_error(self, exc)

    def _on_change(self, change: Change) -> None:
        """Read the list again only when the change can alter a row: a memo, a name shown in "About" (code,
        document, case), or a listed coding (its memo, passage or code)."""
        if not self.project.is_open:
            return
        listed = change.codings and any(r.kind == "coding" and change.touches("coding", r.target_id)
                                        for r in self.model.rows)
        if change.memos or change.codes or change.documents or change.cases or listed:
            self.model.reload()

    def _changed(self) -> None:
        self._dirty = True
        self._autosave.start()

    def _autosave_now(self) -> None:
        if self._dirty and self.project.is_open and not self.project.readonly:
            self._guard(self.save)

    def flush(self) -> None:
        """Save unsaved text now (call before the project closes)."""
        self._autosave.stop()
        self._autosave_now()

    # ----------------------------------------------------------------- the pane
    def set_target(self, kind: str, target_id: int | None) -> None:
        """Show the memo of a target; unsaved text of the previous memo is saved first."""
        self.flush()
        self.kind, self.target_id = kind, (None if kind == "project" else target_id)
        memos = self.project.memos.list(kind, self.target_id) if kind != "project" else [
            m for m in self.project.memos.list("project")]
        self._show(memos[0] if memos else None)

    def _show(self, memo) -> None:
        self._autosave.stop()
        self.about.setText(describe_target(self.project, self.kind, self.target_id))
        self.memo_id = memo.id if memo else None
        self.title.setText(memo.title if memo else "")
        self.editor.blockSignals(True)
        self.editor.setPlainText(memo.text if memo else "")
        self.editor.blockSignals(False)
        self.delete_button.setEnabled(memo is not None)
        self._dirty = False

    def save(self) -> int | None:
        text, title = self.editor.toPlainText(), self.title.text().strip()
        if self.memo_id is None:
            if not text.strip() and not title:
                self._dirty = False
                return None
            memo = self.project.memos.add(self.kind, self.target_id, text, title)
        else:
            memo = self.project.memos.update(self.memo_id, text, title)
        self.memo_id = memo.id
        self.delete_button.setEnabled(True)
        self._dirty = False
        return memo.id

    def new_memo(self) -> None:
        self.flush()
        self._show(None)
        self.editor.setFocus()

    def delete_memo(self) -> None:
        if self.memo_id is not None:
            self.project.memos.delete(self.memo_id)
        self._show(None)

    # ----------------------------------------------------------------- the list
    def set_search(self, text: str) -> None:
        self.model.search_text = text.strip()
        self.model.reload()

    def _set_kind(self, kind: str) -> None:
        self.model.kind = kind or ""
        self.model.reload()

    def open_row(self, index: QModelIndex) -> None:
        if not index.isValid():
            return
        row = self.model.rows[index.row()]
        if row.memo_id is not None:
            self.flush()
            self.kind, self.target_id = row.kind, row.target_id
            self._show(self.project.memos.get(row.memo_id))
        self.targetActivated.emit(row.kind, row.target_id or 0)

    def closeEvent(self, event) -> None:
        self.flush()
        self._hub.stop(self._on_change)
        super().closeEvent(event)
