"""Which whole documents a case covers (an interview is usually one participant's case): a checklist."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QListWidget, QListWidgetItem, QVBoxLayout

from ..core.errors import ProjectError
from .commands import push
from .context_help import install_help
from .errors import show_error
from .workbench_commands import SetCaseDocuments

if TYPE_CHECKING:
    from ..core.project import Project


class CaseDocumentsDialog(QDialog):
    def __init__(self, project: Project, case_id: int, parent=None, undo_stack=None) -> None:
        super().__init__(parent)
        self.project = project
        self.case_id = case_id
        self.undo_stack = undo_stack
        case = project.cases.get(case_id)
        self.setWindowTitle(f"Documents of {case.name}")
        self.resize(460, 480)
        covered = set(project.cases.documents_of(case_id))
        self.list = QListWidget()
        for doc in project.documents.list():
            others = [c.name for c in project.cases.of_document(doc.id) if c.id != case_id]
            label = doc.name + (f"  (also: {', '.join(others)})" if others else "")
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, doc.id)
            item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Checked if doc.id in covered else Qt.CheckState.Unchecked)
            self.list.addItem(item)
        hint = QLabel("Tick the documents this case covers as a whole (for speakers inside a focus group, map "
                      "the speakers instead).")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.list, 1)
        layout.addWidget(buttons)
        install_help(self, "cases-attributes")

    def set_checked(self, document_ids) -> None:
        wanted = set(document_ids)
        for i in range(self.list.count()):
            item = self.list.item(i)
            on = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if on else Qt.CheckState.Unchecked)

    def checked(self) -> list[int]:
        return [self.list.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.list.count())
                if self.list.item(i).checkState() == Qt.CheckState.Checked]

    def apply(self) -> None:
        cmd = SetCaseDocuments(self.project, self.case_id, self.checked())
        if self.undo_stack is not None:
            push(self.undo_stack, cmd)
        else:
            cmd.apply()

    def _ok(self) -> None:
        try:
            self.apply()
        except ProjectError as exc:
            show_error(self, exc)
            return
        self.accept()
