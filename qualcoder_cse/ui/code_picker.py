"""The code picker shared by the search panel and the auto-code dialog: an editable combo of every code path
with type-to-filter, and the words for each coding scope (hit, sentence, paragraph, speaker turn)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter

if TYPE_CHECKING:
    from ..core.project import Project

SCOPE_LABELS = {"hit": "the hit only", "sentence": "the sentence", "paragraph": "the paragraph",
                "turn": "the speaker turn"}


def fill_codes(box: QComboBox, project: Project | None) -> None:
    """(Re)fill a code picker with every code path, keeping the chosen code when it still exists; empty it
    without a project."""
    current = box.currentData()
    box.blockSignals(True)
    box.clear()
    for c in project.codes.list() if project is not None else ():
        box.addItem(c.path, c.id)
    index = box.findData(current) if current is not None else -1
    box.setCurrentIndex(max(index, 0))
    box.blockSignals(False)
    _show_start(box)


def _show_start(box: QComboBox) -> None:
    """Long paths: show their beginning (the theme), with the whole path as the tooltip."""
    if box.lineEdit() is not None:
        box.lineEdit().setCursorPosition(0)
    box.setToolTip(box.currentText())


def code_picker(project: Project | None, parent=None) -> QComboBox:
    """An editable combo of every code path, with type-to-filter."""
    box = QComboBox(parent)
    box.setEditable(True)
    box.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    fill_codes(box, project)
    completer = QCompleter(box.model(), box)
    completer.setFilterMode(Qt.MatchFlag.MatchContains)
    completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
    box.setCompleter(completer)
    box.setMinimumContentsLength(28)
    box.currentIndexChanged.connect(lambda _i: _show_start(box))
    return box
