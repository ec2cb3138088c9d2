"""Which documents to suggest codings in: a checklist of the project's documents (for "a set of documents")."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from .context_help import install_help

if TYPE_CHECKING:
    from ..core.project import Project


class SuggestDocumentsDialog(QDialog):
    def __init__(self, project: Project, checked: list[int] | None = None, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Suggest codings in documents")
        self.resize(420, 460)
        wanted = set(checked or [])
        self.list = QListWidget(objectName="suggestDocuments")
        for doc in project.documents.list():
            item = QListWidgetItem(doc.name)
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if doc.id in wanted else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(QLabel("Tick the documents to look for suggestions in."))
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        install_help(self, "suggestions")

    def set_checked(self, document_ids) -> None:
        wanted = set(document_ids)
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]
