"""Map the speakers detected in focus-group transcripts to cases, so each speaker's turns count for that case.

One row per speaker label of the chosen document (or, when asked, of every document at once: "P1" in two
focus groups is usually two people, so per document is the default): the number of turns and an editable
case box listing the existing cases; typing a new name creates that case. "One case per speaker" fills the
unmapped rows with a case named after the document and the speaker. Nothing is written until OK: the
choices made for each document shown are kept while the researcher switches documents, and OK writes them
all as one undo step (Edit > Undo puts every turn back); Cancel writes nothing. From then on every matrix
counts those turns for the case (``project.cases.segments``). The case boxes do not change on a mouse wheel
unless clicked first (``wheel_guard``), so scrolling the table cannot move a speaker to another case.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

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
from .context_help import install_help
from .errors import show_error
from .workbench_commands import MapSpeakers

if TYPE_CHECKING:
    from ..core.project import Project

NO_CASE = ""
ALL_DOCUMENTS = -1


class SpeakerMappingDialog(QDialog):
    def __init__(self, project: Project, document_id: int | None = None, parent=None,
                 undo_stack=None) -> None:
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
        self._pending: dict[int | None, dict[str, str]] = {}  # document -> {speaker: case} not yet written
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
        install_help(self, "speakers-to-cases")

    def _document_changed(self, _index: int) -> None:
        self._keep_changes()  # remembered, not written: Cancel must still cancel them
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
            self._original[speaker] = current
            box.setCurrentText(self._pending.get(self.document_id, {}).get(speaker, current))
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

    def _keep_changes(self) -> None:
        changes = self.changes()
        if changes:
            self._pending[self.document_id] = changes
        else:
            self._pending.pop(self.document_id, None)

    def pending(self) -> dict[int | None, dict[str, str]]:
        """Every change not yet written: {document id (None: all documents): {speaker: case name or ""}}."""
        self._keep_changes()
        return {doc: dict(c) for doc, c in self._pending.items()}

    def apply(self) -> int:
        """Write every change made in the dialog (for each document shown) as one undo step when the dialog
        has the undo stack; returns the number of turns re-assigned."""
        pending = self.pending()
        if not pending:
            return 0
        commands = [MapSpeakers(self.project, doc, changes) for doc, changes in pending.items()]
        if self.undo_stack is not None:
            self.undo_stack.beginMacro("Map speakers to cases")
            try:
                for cmd in commands:
                    push(self.undo_stack, cmd)
            finally:
                self.undo_stack.endMacro()
        else:
            for cmd in commands:
                cmd.apply()
        self._pending.clear()
        self._original.update({s: self.case_for(s) for s in self.speakers()})
        return sum(cmd.turns_changed for cmd in commands)

    def _ok(self) -> None:
        try:
            self.apply()
        except ProjectError as exc:
            show_error(self, exc)
            return
        self.accept()
