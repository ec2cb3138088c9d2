"""Map the speakers detected in focus-group transcripts to cases, so each speaker's turns count for that case.

One row per speaker label of the chosen document (or, when asked, of every document at once: "P1" in two
focus groups is usually two people, so per document is the default): the number of turns and an editable
case box listing the existing cases; typing a new name creates that case. "One case per speaker" fills the
unmapped rows with a case named after the document and the speaker. Applying writes every change in one
transaction and one undo step; from then on every matrix counts those turns for the case
(``project.cases.segments``).
"""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core.errors import ProjectError
from .commands import push
from .errors import show_error
from .workbench_commands import MapSpeakers

NO_CASE = ""
ALL_DOCUMENTS = -1


class SpeakerMappingDialog(QDialog):
    def __init__(self, project, document_id: int | None = None, parent=None, undo_stack=None) -> None:
        super().__init__(parent)
        self.project = project
        self.undo_stack = undo_stack
        self.document_id = document_id
        self.setWindowTitle("Speakers and cases")
        self.resize(560, 420)
        self.document_box = QComboBox()
        for doc in project.documents.list():
            if project.turns.speakers(doc.id):
                self.document_box.addItem(doc.name, doc.id)
        self.document_box.addItem("All documents (same label = same person)", ALL_DOCUMENTS)
        index = self.document_box.findData(document_id) if document_id is not None else 0
        self.document_box.setCurrentIndex(max(index, 0))
        self.document_id = self._current_document()
        self.document_box.currentIndexChanged.connect(self._document_changed)
        self._cases = {c.id: c.name for c in project.cases.list()}
        self._original: dict[str, str] = {}
        self.table = QTableWidget(0, 3)
        self.table.setHorizontalHeaderLabels(["Speaker", "Turns", "Case"])
        self.table.horizontalHeader().setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        self.table.verticalHeader().setVisible(False)
        self.auto_button = QPushButton("One case per unmapped speaker")
        self.auto_button.clicked.connect(self.fill_unmapped)
        hint = QLabel("Choose a case for each speaker, or type a new case name. Leave empty for none.")
        hint.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._ok)
        buttons.rejected.connect(self.reject)
        row = QHBoxLayout()
        row.addWidget(self.auto_button)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(self.document_box)
        layout.addWidget(hint)
        layout.addWidget(self.table)
        layout.addLayout(row)
        layout.addWidget(buttons)
        self._load()

    def _document_changed(self, _index: int) -> None:
        try:
            self.apply()  # keep what was chosen for the previous document
        except ProjectError as exc:
            show_error(self, exc)
        self.document_id = self._current_document()
        self._cases = {c.id: c.name for c in self.project.cases.list()}
        self._load()

    def _current_document(self) -> int | None:
        data = self.document_box.currentData()
        return None if data == ALL_DOCUMENTS else data

    def select_document(self, document_id: int | None) -> None:
        """Show one document's speakers (None: every document's labels at once)."""
        self.document_box.setCurrentIndex(
            self.document_box.findData(ALL_DOCUMENTS if document_id is None else document_id)
        )

    def _load(self) -> None:
        self._original = {}
        speakers = self.project.turns.speakers(self.document_id)
        self.table.setRowCount(len(speakers))
        names = sorted(self._cases.values(), key=str.casefold)
        for r, (speaker, turns, case_id) in enumerate(speakers):
            item = QTableWidgetItem(speaker)
            item.setFlags(item.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 0, item)
            count = QTableWidgetItem(str(turns))
            count.setFlags(count.flags() & ~Qt.ItemFlag.ItemIsEditable)
            self.table.setItem(r, 1, count)
            box = QComboBox()
            box.setEditable(True)
            box.addItem(NO_CASE)
            box.addItems(names)
            current = self._cases.get(case_id, NO_CASE) if case_id is not None else NO_CASE
            box.setCurrentText(current)
            self._original[speaker] = current
            self.table.setCellWidget(r, 2, box)

    # ----------------------------------------------------------------- reading and changing rows
    def speakers(self) -> list[str]:
        return [self.table.item(r, 0).text() for r in range(self.table.rowCount())]

    def _box(self, speaker: str) -> QComboBox:
        return self.table.cellWidget(self.speakers().index(speaker), 2)

    def set_case(self, speaker: str, case_name: str) -> None:
        self._box(speaker).setCurrentText(case_name)

    def case_for(self, speaker: str) -> str:
        return self._box(speaker).currentText().strip()

    def fill_unmapped(self) -> None:
        prefix = self.project.documents.get(self.document_id).name + " " if self.document_id is not None else ""
        for speaker in self.speakers():
            if not self.case_for(speaker):
                self.set_case(speaker, f"{prefix}{speaker}".strip())

    def changes(self) -> dict[str, str]:
        """{speaker: case name or ""} for the rows that differ from what is stored."""
        return {s: self.case_for(s) for s in self.speakers() if self.case_for(s) != self._original.get(s, NO_CASE)}

    def apply(self) -> int:
        """Write the changes in one transaction (one undo step when the dialog has the undo stack);
        returns the number of turns re-assigned."""
        changes = self.changes()
        if not changes:
            return 0
        cmd = MapSpeakers(self.project, self.document_id, changes)
        if self.undo_stack is not None:
            push(self.undo_stack, cmd)
        else:
            cmd.apply()
        self._original.update({s: self.case_for(s) for s in self.speakers()})
        return cmd.turns_changed

    def _ok(self) -> None:
        try:
            self.apply()
        except ProjectError as exc:
            show_error(self, exc)
            return
        self.accept()
