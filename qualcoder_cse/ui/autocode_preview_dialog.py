"""Preview before auto-coding: every segment that would be coded, with its text, each one can be unticked.

Used by the search panel ("code all results") and the auto-code dialog (by speaker or pattern). Accepting
does not code anything itself: the caller pushes one ``AutocodeSegments`` command with
``selected_segments()``, so the whole batch is one undo step.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QAbstractTableModel, QModelIndex, Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableView,
    QVBoxLayout,
)

from ..core.autocode import Segment
from .context_help import install_help

if TYPE_CHECKING:
    from ..core.project import Project


class SegmentModel(QAbstractTableModel):
    HEADERS = ("Document", "Start", "End", "Text")

    def __init__(self, project: Project, segments: list[Segment], parent=None) -> None:
        super().__init__(parent)
        self.segments = list(segments)
        self.checked = [True] * len(self.segments)
        self._names = {d.id: d.name for d in project.documents.list()}
        self._texts: dict[int, str] = {}
        self._project = project

    def _excerpt(self, seg: Segment) -> str:
        doc_id, s, e = seg
        if doc_id not in self._texts:
            self._texts[doc_id] = self._project.documents.text(doc_id)
        text = " ".join(self._texts[doc_id][s:e].split())
        return text if len(text) <= 200 else text[:197] + "…"

    def rowCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else len(self.segments)

    def columnCount(self, parent=QModelIndex()) -> int:  # noqa: B008
        return 0 if parent.isValid() else 4

    def data(self, index, role=Qt.ItemDataRole.DisplayRole):
        if not index.isValid() or not (0 <= index.row() < len(self.segments)):
            return None
        seg, col = self.segments[index.row()], index.column()
        if role == Qt.ItemDataRole.DisplayRole:
            return (self._names.get(seg[0], str(seg[0])), seg[1], seg[2], self._excerpt(seg) if col == 3 else "")[col]
        if role == Qt.ItemDataRole.CheckStateRole and col == 0:
            return Qt.CheckState.Checked if self.checked[index.row()] else Qt.CheckState.Unchecked
        return None

    def setData(self, index, value, role=Qt.ItemDataRole.EditRole) -> bool:
        if role == Qt.ItemDataRole.CheckStateRole and index.column() == 0:
            self.checked[index.row()] = Qt.CheckState(value) == Qt.CheckState.Checked
            self.dataChanged.emit(index, index, [role])
            return True
        return False

    def flags(self, index):
        base = Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable
        return base | Qt.ItemFlag.ItemIsUserCheckable if index.column() == 0 else base

    def headerData(self, section, orientation, role=Qt.ItemDataRole.DisplayRole):
        if orientation == Qt.Orientation.Horizontal and role == Qt.ItemDataRole.DisplayRole:
            return self.HEADERS[section]
        return None

    def set_all(self, on: bool) -> None:
        self.checked = [on] * len(self.segments)
        if self.segments:
            self.dataChanged.emit(self.index(0, 0), self.index(len(self.segments) - 1, 0))


class AutocodePreviewDialog(QDialog):
    def __init__(self, project: Project, segments: list[Segment], code_path: str, scope: str,
                 parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Preview auto-coding")
        self.resize(820, 520)
        self.model = SegmentModel(project, segments, self)
        docs = len({s[0] for s in segments})
        self.summary = QLabel(
            f"{len(segments)} segments ({scope}) in {docs} documents will be coded as “{code_path}”. "
            "Untick any you do not want. This is one step: Undo removes them all."
        )
        self.summary.setWordWrap(True)
        self.view = QTableView()
        self.view.setModel(self.model)
        self.view.verticalHeader().setVisible(False)
        self.view.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.view.setColumnWidth(0, 200)
        all_button, none_button = QPushButton("Tick all"), QPushButton("Untick all")
        all_button.clicked.connect(lambda: self.model.set_all(True))
        none_button.clicked.connect(lambda: self.model.set_all(False))
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Code them")
        buttons.button(QDialogButtonBox.StandardButton.Ok).setEnabled(bool(segments))
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(all_button)
        row.addWidget(none_button)
        row.addStretch(1)
        row.addWidget(buttons)
        layout = QVBoxLayout(self)
        layout.addWidget(self.summary)
        layout.addWidget(self.view, 1)
        layout.addLayout(row)
        install_help(self, "auto-code")

    def selected_segments(self) -> list[Segment]:
        return [s for s, on in zip(self.model.segments, self.model.checked, strict=True) if on]
