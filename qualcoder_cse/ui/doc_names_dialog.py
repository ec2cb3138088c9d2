"""Document names that hold an identifier ("Interview Jodie Smith 2023"), each with the anonymised name
proposed; the researcher ticks which to rename (all by default) and can edit a proposal before renaming."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QHeaderView,
    QLabel,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..anonymise.doc_names import NameProposal
from .context_help import install_help


class DocNamesDialog(QDialog):
    def __init__(self, proposals: list[NameProposal], parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("docNamesDialog")
        self.setWindowTitle("Document names with identifiers")
        self.setMinimumWidth(640)
        self.proposals = proposals
        layout = QVBoxLayout(self)
        intro = QLabel(
            f"{len(proposals)} document name(s) may hold a name, place or other identifier: a document takes "
            "its file's name, which anonymising the text does not change. Tick the ones to rename; you can "
            "edit the new name."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        self.table = QTableWidget(len(proposals), 3, objectName="docNamesTable")
        self.table.setHorizontalHeaderLabels(["Rename", "Now", "New name"])
        for row, p in enumerate(proposals):
            tick = QTableWidgetItem(", ".join(sorted(set(p.labels))))
            tick.setFlags(Qt.ItemFlag.ItemIsUserCheckable | Qt.ItemFlag.ItemIsEnabled)
            tick.setCheckState(Qt.CheckState.Checked)
            now = QTableWidgetItem(p.name)
            now.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsSelectable)
            self.table.setItem(row, 0, tick)
            self.table.setItem(row, 1, now)
            self.table.setItem(row, 2, QTableWidgetItem(p.proposed))
        header = self.table.horizontalHeader()
        header.setSectionResizeMode(0, QHeaderView.ResizeMode.ResizeToContents)
        header.setSectionResizeMode(1, QHeaderView.ResizeMode.Stretch)
        header.setSectionResizeMode(2, QHeaderView.ResizeMode.Stretch)
        layout.addWidget(self.table)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Rename ticked")
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        install_help(self, "document-names")

    def chosen(self) -> list[NameProposal]:
        """The ticked proposals, with the new names as edited."""
        out = []
        for row, p in enumerate(self.proposals):
            if self.table.item(row, 0).checkState() == Qt.CheckState.Checked:
                name = " ".join(self.table.item(row, 2).text().split()) or p.proposed
                out.append(NameProposal(p.document_id, p.name, name, p.labels))
        return out
