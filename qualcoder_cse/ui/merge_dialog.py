"""Dialog to choose the code another code is merged into (searchable list of code paths)."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ..core.codes import split_path
from .code_tree_model import colour_icon


class MergeCodeDialog(QDialog):
    def __init__(self, project, source_id: int, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("mergeCodeDialog")
        self.setWindowTitle("Merge code")
        self.resize(520, 460)
        source = project.codes.get(source_id)
        below = set(project.codes.descendants(source_id))
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"Merge “{source.name}” into the code you choose. Its codings move to that code, its child codes "
            "move under it, and then “" + source.name + "” is removed. You can undo this (Ctrl+Z)."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.filter = QLineEdit(placeholderText="Filter codes…")
        layout.addWidget(self.filter)
        self.list = QListWidget()
        for code in project.codes.list():
            if code.id in below:
                continue
            parts = split_path(code.path)
            item = QListWidgetItem(colour_icon(code.colour), "      " * (len(parts) - 1) + code.name)
            item.setData(Qt.ItemDataRole.UserRole, code.id)
            item.setData(Qt.ItemDataRole.UserRole + 1, " › ".join(parts).casefold())
            item.setToolTip(" › ".join(parts))
            if len(parts) == 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Merge")
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.list.itemDoubleClicked.connect(lambda _i: self._accept())

    def _filter(self, text: str) -> None:
        t = text.casefold()
        for i in range(self.list.count()):
            item = self.list.item(i)
            item.setHidden(t not in item.data(Qt.ItemDataRole.UserRole + 1))

    def select_code(self, code_id: int) -> None:
        for i in range(self.list.count()):
            if self.list.item(i).data(Qt.ItemDataRole.UserRole) == code_id:
                self.list.setCurrentRow(i)
                return

    def target_id(self) -> int | None:
        item = self.list.currentItem()
        return item.data(Qt.ItemDataRole.UserRole) if item and not item.isHidden() else None

    def _accept(self) -> None:
        if self.target_id() is not None:
            self.accept()
