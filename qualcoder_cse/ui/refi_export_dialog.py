"""File > Export > REFI-QDA: the options asked after the file is chosen (which peer will read the file).

- Positions: the standard's code points (QualCoder, ATLAS.ti, MAXQDA, Taguette, and our own import) or
  UTF-16 units for NVivo, which counts them so.
- Case codes: each case also as a code coding its documents (NVivo's form, the only one QualCoder reads).
- Unique code names: a name used under several parents is written with its parent ("Barriers
  (Detection)"), since QualCoder keeps one code per name. When the project has such names the dialog
  says how many, with an example, so the choice is made knowingly; our own import takes the parent off.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QCheckBox, QComboBox, QDialog, QDialogButtonBox, QFormLayout, QLabel

from ..interchange.refi import RefiExportOptions
from ..interchange.refi_names import repeated
from .context_help import install_help

if TYPE_CHECKING:
    from ..core.project import Project

POSITIONS = (
    ("code points", "Code points (the standard: QualCoder, ATLAS.ti, MAXQDA, Taguette)"),
    ("utf16", "UTF-16 units (NVivo)"),
)


class RefiExportOptionsDialog(QDialog):
    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("REFI-QDA export options")
        self.setObjectName("refiExportOptions")
        form = QFormLayout(self)
        self.positions = QComboBox(objectName="refiPositions")
        for value, label in POSITIONS:
            self.positions.addItem(label, value)
        form.addRow("Positions for:", self.positions)
        self.unique = QCheckBox(
            'Make repeated code names unique with their parent, e.g. "Barriers (Detection)" '
            "(QualCoder needs unique names)",
            objectName="refiUniqueNames",
        )
        form.addRow(self.unique)
        names = repeated(project.codes.list())
        self.warning = QLabel(objectName="refiRepeatedNames")
        self.warning.setWordWrap(True)
        if names:
            self.warning.setText(
                f"{len(names)} code name(s) are used under more than one parent (e.g. “{names[0]}”). "
                "QualCoder keeps one code per name and drops the codings of the others unless the box "
                "just above is ticked."
            )
        self.warning.setVisible(bool(names))
        form.addRow(self.warning)
        self.case_codes = QCheckBox(
            "Also write each case as a code on its documents, as NVivo does (QualCoder reads case links so)",
            objectName="refiCaseCodes",
        )
        form.addRow(self.case_codes)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)
        install_help(self, "refi")

    def options(self) -> RefiExportOptions:
        return RefiExportOptions(
            positions=self.positions.currentData(),
            unique_code_names=self.unique.isChecked(),
            case_codes=self.case_codes.isChecked(),
        )
