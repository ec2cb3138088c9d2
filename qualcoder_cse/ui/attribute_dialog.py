"""Dialog to add or edit an attribute: name, type (text, number, date, category) and the category's choices."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QVBoxLayout,
)

from ..core.models import Attribute
from ..core.schema import ATTRIBUTE_TYPES
from .context_help import install_help


class AttributeDialog(QDialog):
    def __init__(self, parent=None, attribute: Attribute | None = None, scope: str = "case") -> None:
        super().__init__(parent)
        self.setWindowTitle("Edit attribute" if attribute else f"New {scope} attribute")
        self.name = QLineEdit(attribute.name if attribute else "")
        self.name.setPlaceholderText("e.g. Participant group")
        self.type = QComboBox()
        self.type.addItems(list(ATTRIBUTE_TYPES))
        if attribute:
            self.type.setCurrentText(attribute.type)
            self.type.setEnabled(False)  # values are stored checked against the type; changing it is unsafe
        self.choices = QPlainTextEdit("\n".join(attribute.choices) if attribute else "")
        self.choices.setPlaceholderText("One choice per line")
        self.choices_label = QLabel("Choices")
        form = QFormLayout()
        form.addRow("Name", self.name)
        form.addRow("Type", self.type)
        form.addRow(self.choices_label, self.choices)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self._accept)
        buttons.rejected.connect(self.reject)
        self.ok_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)
        self.type.currentTextChanged.connect(self._type_changed)
        self.name.textChanged.connect(lambda _t: self.ok_button.setEnabled(bool(self.name.text().strip())))
        self._type_changed(self.type.currentText())
        self.ok_button.setEnabled(bool(self.name.text().strip()))
        install_help(self, "cases-attributes")

    def _type_changed(self, kind: str) -> None:
        self.choices.setVisible(kind == "category")
        self.choices_label.setVisible(kind == "category")

    def _accept(self) -> None:
        if self.name.text().strip():
            self.accept()

    def values(self) -> tuple[str, str, list[str]]:
        """(name, type, choices) as entered; choices deduplicated, in order."""
        seen: dict[str, str] = {}
        for line in self.choices.toPlainText().splitlines():
            if line.strip() and line.strip().casefold() not in seen:
                seen[line.strip().casefold()] = line.strip()
        kind = self.type.currentText()
        return self.name.text().strip(), kind, list(seen.values()) if kind == "category" else []
