"""Dialog to create or edit a link between two codes: from, to, relation, a memo and supporting codings."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QVBoxLayout,
)

from ..core.models import Link
from ..core.schema import LINK_RELATIONS
from .context_help import install_help

if TYPE_CHECKING:
    from ..core.project import Project

MAX_CODINGS_LISTED = 500


class LinkDialog(QDialog):
    def __init__(self, project: Project, parent=None, link: Link | None = None,
                 from_code_id: int | None = None) -> None:
        super().__init__(parent)
        self.project = project
        self.link = link
        self.setWindowTitle("Edit link" if link else "Link two codes")
        self.resize(640, 520)
        codes = project.codes.list()
        self.from_box, self.to_box = QComboBox(), QComboBox()
        for box in (self.from_box, self.to_box):
            for c in codes:
                box.addItem(c.path, c.id)
            box.setMaxVisibleItems(25)
        self.relation = QComboBox()
        self.relation.addItems(list(LINK_RELATIONS))
        self.memo = QPlainTextEdit()
        self.memo.setPlaceholderText("Why are these linked? (theory of change)")
        self.codings = QListWidget()
        self.codings_label = QLabel("Supporting codings (of either code)")
        if link:
            self.from_box.setCurrentIndex(self.from_box.findData(link.from_code_id))
            self.to_box.setCurrentIndex(self.to_box.findData(link.to_code_id))
            self.relation.setCurrentText(link.relation)
            self.memo.setPlainText(link.memo)
            self.from_box.setEnabled(False)
            self.to_box.setEnabled(False)
        elif from_code_id is not None:
            self.from_box.setCurrentIndex(self.from_box.findData(from_code_id))
        if not link and self.to_box.count() > 1 and self.to_box.currentIndex() == self.from_box.currentIndex():
            self.to_box.setCurrentIndex(1 if self.from_box.currentIndex() == 0 else 0)  # never open on a self-link
        form = QFormLayout()
        form.addRow("From code", self.from_box)
        form.addRow("Relation", self.relation)
        form.addRow("To code", self.to_box)
        form.addRow("Memo", self.memo)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.codings_label)
        layout.addWidget(self.codings, 1)
        layout.addWidget(self.buttons)
        self.from_box.currentIndexChanged.connect(self._refill)
        self.to_box.currentIndexChanged.connect(self._refill)
        self._refill()
        install_help(self, "links")

    def _refill(self, *_args) -> None:
        ok = self.buttons.button(QDialogButtonBox.StandardButton.Ok)
        ok.setEnabled(self.from_box.currentData() != self.to_box.currentData())
        chosen = set(self.link.coding_ids) if self.link else set(self.coding_ids())
        self.codings.clear()
        docs = {d.id: d.name for d in self.project.documents.list()}
        texts: dict[int, str] = {}
        listed = 0
        for code_id in dict.fromkeys((self.from_box.currentData(), self.to_box.currentData())):
            path = self.project.codes.path(code_id)
            for c in self.project.codings.list(code_id=code_id):
                if listed >= MAX_CODINGS_LISTED:
                    break
                if c.document_id not in texts:
                    texts[c.document_id] = self.project.documents.text(c.document_id)
                excerpt = " ".join(texts[c.document_id][c.start:c.end].split())[:120]
                item = QListWidgetItem(f"{path} — {docs.get(c.document_id, '')} {c.start}-{c.end}: {excerpt}")
                item.setData(Qt.ItemDataRole.UserRole, c.id)
                item.setFlags(item.flags() | Qt.ItemFlag.ItemIsUserCheckable)
                item.setCheckState(Qt.CheckState.Checked if c.id in chosen else Qt.CheckState.Unchecked)
                self.codings.addItem(item)
                listed += 1
        same = self.from_box.currentData() == self.to_box.currentData()
        self.codings_label.setText("Choose two different codes: a code cannot be linked to itself." if same
                                   else f"Supporting codings (of either code; {listed} listed)")

    def set_codings(self, coding_ids) -> None:
        wanted = set(coding_ids)
        for i in range(self.codings.count()):
            item = self.codings.item(i)
            state = Qt.CheckState.Checked if item.data(Qt.ItemDataRole.UserRole) in wanted else Qt.CheckState.Unchecked
            item.setCheckState(state)

    def coding_ids(self) -> list[int]:
        return [
            self.codings.item(i).data(Qt.ItemDataRole.UserRole)
            for i in range(self.codings.count())
            if self.codings.item(i).checkState() == Qt.CheckState.Checked
        ]

    def values(self) -> tuple[int, int, str, str, list[int]]:
        """(from code id, to code id, relation, memo, supporting coding ids)."""
        return (self.from_box.currentData(), self.to_box.currentData(), self.relation.currentText(),
                self.memo.toPlainText().strip(), self.coding_ids())
