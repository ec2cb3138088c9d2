"""Auto-code dialog: every turn of a speaker or a group of speakers, or every match of a regular expression
(optionally only inside those speakers' turns), widened to a scope. The caller previews and codes the result."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QVBoxLayout,
)

from ..core.autocode import SCOPES, Segment, compile_pattern
from ..core.errors import ProjectError
from .code_picker import SCOPE_LABELS, code_picker
from .context_help import install_help
from .errors import show_error

if TYPE_CHECKING:
    from ..core.project import Project


class AutocodeDialog(QDialog):
    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.project = project
        self.setWindowTitle("Auto-code by speaker or pattern")
        self.resize(520, 520)
        self.code_box = code_picker(project)
        self.speakers = QListWidget()
        self.speakers.setSelectionMode(QListWidget.SelectionMode.MultiSelection)
        for speaker, turns, _case in project.turns.speakers():
            item = QListWidgetItem(f"{speaker}  ({turns} turns)")
            item.setData(Qt.ItemDataRole.UserRole, speaker)
            self.speakers.addItem(item)
        self.pattern = QLineEdit()
        self.pattern.setPlaceholderText(r"optional regular expression, e.g. \bCAWNs?\b")
        self.scope_box = QComboBox()
        for scope in SCOPES:
            self.scope_box.addItem(SCOPE_LABELS[scope], scope)
        self.scope_box.setCurrentIndex(self.scope_box.findData("turn"))
        self.group_box = QComboBox()  # the turns of every case with an attribute value: a speaker group
        self.group_box.addItem("(no group)", None)
        table = project.attributes.table("case")
        for attr in project.attributes.list("case"):
            present = sorted({v[attr.id] for v in table.values() if attr.id in v}, key=str.casefold)
            for value in present:
                shown = project.presets.display_value(attr, value)
                self.group_box.addItem(f"{attr.name} = {shown}", (attr.name, value))
        form = QFormLayout()
        form.addRow("Code", self.code_box)
        form.addRow("Pattern", self.pattern)
        form.addRow("Widen to", self.scope_box)
        form.addRow("Cases where", self.group_box)
        hint = QLabel("Speakers (select one or more: every turn of them is coded; with a pattern, only the "
                      "matches inside their turns). The same label in different documents counts as one speaker. "
                      "'Cases where' adds the turns of the speakers mapped to those cases.")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Preview…")
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(hint)
        layout.addWidget(self.speakers, 1)
        layout.addWidget(buttons)
        install_help(self, "auto-code")

    def set_code(self, code_id: int | None) -> None:
        if code_id is not None:
            self.code_box.setCurrentIndex(self.code_box.findData(code_id))

    def select_speakers(self, labels) -> None:
        wanted = set(labels)
        for i in range(self.speakers.count()):
            item = self.speakers.item(i)
            item.setSelected(item.data(Qt.ItemDataRole.UserRole) in wanted)

    def request(self) -> tuple[int, dict, str]:
        """(code id, keyword arguments for ``project.autocode.segments``, undo label), checked but not run yet:
        a bad pattern or no choice at all is reported here, before any slow work."""
        index = self.code_box.findText(self.code_box.currentText(), Qt.MatchFlag.MatchFixedString)
        if index < 0:
            raise ProjectError("Choose a code from the list first.")
        speakers = [i.data(Qt.ItemDataRole.UserRole) for i in self.speakers.selectedItems()]
        pattern = self.pattern.text().strip() or None
        group = self.group_box.currentData()
        if pattern is None and not speakers and group is None:
            raise ProjectError("Select at least one speaker or a group, or type a pattern.")
        if pattern is not None:
            compile_pattern(pattern)
        case_ids = self.project.autocode.case_ids_where(*group) if group is not None else None
        who = [", ".join(speakers)] if speakers else []
        who += [self.group_box.currentText()] if group is not None else []
        label = f"Auto-code {' + '.join(who) or 'all speakers'}" + (f" matching {pattern}" if pattern else "")
        kwargs = {"pattern": pattern, "speaker": speakers or None, "scope": self.scope_box.currentData(),
                  "case_ids": case_ids}
        return self.code_box.itemData(index), kwargs, label

    def compute(self) -> tuple[int, list[Segment], str]:
        """(code id, segments, undo label): the request run at once."""
        code_id, kwargs, label = self.request()
        return code_id, self.project.autocode.segments(**kwargs), label

    def _ok(self) -> None:
        try:
            self.request()
        except ProjectError as exc:
            show_error(self, exc)
            return
        self.accept()
