"""Searchable code pickers: ``CodePickerDialog`` (choose any code, e.g. to apply it: Ctrl+K) and
``MergeCodeDialog`` (choose the code another code is merged into)."""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from .code_shades import display_colours
from .code_tree_model import colour_icon
from .context_help import install_help

if TYPE_CHECKING:
    from ..core.project import Project

_PATH_ROLE = Qt.ItemDataRole.UserRole + 1


class CodePickerDialog(QDialog):
    """The code tree as an indented list with a filter box: type, arrow keys, Enter."""

    def __init__(self, project: Project, title: str, intro: str, ok_text: str,
                 exclude: set[int] = frozenset(), parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("codePickerDialog")
        self.setWindowTitle(title)
        self.resize(520, 460)
        layout = QVBoxLayout(self)
        label = QLabel(intro)
        label.setWordWrap(True)
        layout.addWidget(label)
        self.filter = QLineEdit(placeholderText="Type to filter codes…")
        self.filter.setClearButtonEnabled(True)
        layout.addWidget(self.filter)
        self.list = QListWidget()
        self.list.setObjectName("codePickerList")
        codes = project.codes.list()
        shown = display_colours(codes)
        for code in codes:
            if code.id in exclude:
                continue
            parts = split_path(code.path)
            # the full path, so "Disruption › Hotels" and "Partnership › Hotels" are told apart
            item = QListWidgetItem(colour_icon(shown.get(code.id, code.colour)), " › ".join(parts))
            item.setData(Qt.ItemDataRole.UserRole, code.id)
            item.setData(_PATH_ROLE, " ".join(parts).casefold())
            item.setToolTip(" › ".join(parts))
            if len(parts) == 1:
                font = item.font()
                font.setBold(True)
                item.setFont(font)
            self.list.addItem(item)
        layout.addWidget(self.list)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText(ok_text)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.filter.textChanged.connect(self._filter)
        self.filter.returnPressed.connect(self._accept)
        self.list.itemDoubleClicked.connect(lambda _i: self._accept())
        self.filter.setFocus()
        install_help(self, "coding")

    def _filter(self, text: str) -> None:
        """Every word typed must occur somewhere in the path (theme or code, any order): "hotel disr"
        finds "Disruption › Premises, hotels and licensed venues"."""
        terms = text.casefold().split()
        t = bool(terms)
        first = None
        for i in range(self.list.count()):
            item = self.list.item(i)
            path = item.data(_PATH_ROLE)
            item.setHidden(t and not all(term in path for term in terms))
            if first is None and not item.isHidden() and t:
                first = item
        if first is not None:
            self.list.setCurrentItem(first)

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


class MergeCodeDialog(CodePickerDialog):
    def __init__(self, project: Project, source_id: int, parent=None) -> None:
        source = project.codes.get(source_id)
        super().__init__(
            project, "Merge code",
            f"Merge “{source.name}” into the code you choose. Its codings move to that code, its child codes "
            f"move under it, and then “{source.name}” is removed. You can undo this (Ctrl+Z).",
            "Merge", exclude=set(project.codes.descendants(source_id)), parent=parent,
        )
        self.setObjectName("mergeCodeDialog")
        install_help(self, "edit-codes")
