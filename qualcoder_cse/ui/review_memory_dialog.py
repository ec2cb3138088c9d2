"""Tools > Anonymisation memory…: the project's remembered review decisions and its paused reviews.

Two lists, editable: strings always rejected ("CSE", "Sergeant") and names always accepted (with their label);
the review screen applies them to every file reviewed later. Below, the paused reviews (a file whose review
was cancelled or paused, kept encrypted in the project with every decision; importing the same file again
resumes it), which can be discarded here (their original text is deleted at once).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPushButton,
    QVBoxLayout,
)

from ..anonymise.spans import LABELS
from ..core.errors import ProjectError
from .context_help import install_help
from .review_view import LABEL_NAMES

if TYPE_CHECKING:
    from ..core.project import Project
    from .host import WorkbenchHost

ROLE = Qt.ItemDataRole.UserRole


class ReviewMemoryDialog(QDialog):
    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Anonymisation memory")
        self.resize(620, 560)
        layout = QVBoxLayout(self)
        intro = QLabel("Decisions remembered for this project are applied to every file reviewed later "
                       "(the researcher still sees them and can change them). Kept inside the encrypted project.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        lists = QHBoxLayout()
        self.rejected = self._list_box(lists, "Always rejected", "reject", "rememberRejected")
        self.accepted = self._list_box(lists, "Always accepted", "accept", "rememberAccepted")
        layout.addLayout(lists, 2)

        add_row = QHBoxLayout()
        self.new_text = QLineEdit(objectName="rememberText", placeholderText="String or name to remember")
        self.new_kind = QComboBox(objectName="rememberKind")
        self.new_kind.addItem("Always reject (any label)", ("reject", "ANY"))
        for label in LABELS:
            self.new_kind.addItem(f"Always accept as {LABEL_NAMES[label]}", ("accept", label))
        add_button = QPushButton("Add", objectName="rememberAdd", clicked=self.add)
        add_row.addWidget(self.new_text, 1)
        add_row.addWidget(self.new_kind)
        add_row.addWidget(add_button)
        layout.addLayout(add_row)

        paused_box = QGroupBox("Paused reviews (import the same file again to resume)")
        pv = QVBoxLayout(paused_box)
        self.paused = QListWidget(objectName="pausedReviews")
        discard = QPushButton("Discard the selected paused review", objectName="pausedDiscard",
                              clicked=self.discard_paused)
        pv.addWidget(self.paused)
        pv.addWidget(discard)
        layout.addWidget(paused_box, 1)
        self.status = QLabel(objectName="rememberStatus")
        self.status.setWordWrap(True)
        layout.addWidget(self.status)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.reload()
        install_help(self, "anonymisation-memory")

    def _list_box(self, row: QHBoxLayout, title: str, kind: str, name: str) -> QListWidget:
        box = QGroupBox(title)
        v = QVBoxLayout(box)
        widget = QListWidget(objectName=name)
        widget.setSelectionMode(QListWidget.SelectionMode.ExtendedSelection)
        remove = QPushButton("Remove selected", objectName=name + "Remove",
                             clicked=lambda: self.remove(kind, widget))
        v.addWidget(widget)
        v.addWidget(remove)
        row.addWidget(box)
        return widget

    def reload(self) -> None:
        self.rejected.clear()
        self.accepted.clear()
        for r in self.project.review_memory.remembered():
            target = self.rejected if r.kind == "reject" else self.accepted
            text = r.surface if r.kind == "reject" else f"{r.surface}  ({LABEL_NAMES.get(r.label, r.label)})"
            item = QListWidgetItem(text)
            item.setData(ROLE, r.surface)
            target.addItem(item)
        self.paused.clear()
        for p in self.project.review_memory.paused_list():
            item = QListWidgetItem(f"{p.name} — paused {p.saved_at[:16].replace('T', ' ')} by {p.coder}, "
                                   f"{p.decided} decision{'' if p.decided == 1 else 's'}")
            item.setData(ROLE, p.sha256)
            self.paused.addItem(item)

    def add(self) -> None:
        kind, label = self.new_kind.currentData()
        try:
            added = self.project.review_memory.remember(kind, self.new_text.text(), label)
        except ProjectError as exc:
            self.status.setText(str(exc))
            return
        self.status.setText("Added." if added else "Already remembered.")
        self.new_text.clear()
        self.reload()

    def remove(self, kind: str, widget: QListWidget) -> None:
        items = widget.selectedItems()
        if not items:
            self.status.setText("Select the strings to remove first.")
            return
        for item in items:
            self.project.review_memory.forget(kind, item.data(ROLE))
        self.status.setText(f"Removed {len(items)}; later files will ask about them again.")
        self.reload()

    def discard_paused(self) -> None:
        item = self.paused.currentItem()
        if item is None:
            self.status.setText("Select a paused review first.")
            return
        answer = QMessageBox.question(self, "Discard paused review",
                                      "Discard this paused review and every decision in it? Its text is deleted "
                                      "from the project; the file itself is not touched.")
        if answer == QMessageBox.StandardButton.Yes:
            self.project.review_memory.discard_paused(item.data(ROLE))
            self.status.setText("Discarded.")
            self.reload()


def install(host: WorkbenchHost) -> QAction:
    """Tools > Anonymisation memory… in the main window (enabled while a project is open)."""
    action = QAction("Anonymisation &memory…", host.window())
    action.setObjectName("anonymisationMemoryAction")

    def open_dialog() -> None:
        if host.project is not None:
            ReviewMemoryDialog(host.project, host.window()).exec()

    action.triggered.connect(open_dialog)
    host.menu("tools").addAction(action)
    action.setEnabled(host.project is not None)
    host.project_opened.connect(lambda _p: action.setEnabled(True))
    host.project_closed.connect(lambda: action.setEnabled(False))
    return action
