"""Open an existing project: ask for the passphrase and the coder name; a wrong passphrase says so and lets
the researcher try again without closing the dialog. On success ``dialog.project`` is the open Project."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QVBoxLayout,
)

from ..core import Project
from ..core.errors import ProjectError, WrongPassphrase
from .errors import message_for


class PassphraseDialog(QDialog):
    def __init__(self, path: str | Path, coder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("passphraseDialog")
        self.path = Path(path)
        self.project: Project | None = None
        self.attempts = 0
        self.setWindowTitle("Open project")
        self.setMinimumWidth(440)
        layout = QVBoxLayout(self)
        title = QLabel(f"<b>{self.path.name}</b><br><small>{self.path.parent}</small>")
        title.setWordWrap(True)
        layout.addWidget(title)
        form = QFormLayout()
        self.passphrase = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="passphrase")
        self.coder = QLineEdit(coder or "researcher", objectName="coder")
        self.coder.setToolTip("Your coder name: every coding you make is recorded under it.")
        form.addRow("Passphrase:", self.passphrase)
        form.addRow("Coding as:", self.coder)
        layout.addLayout(form)
        self.message = QLabel("", objectName="message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout.addWidget(self.message)
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_open)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()

    def show_message(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()

    def try_open(self) -> None:
        pw = self.passphrase.text()
        coder = self.coder.text().strip()
        if not pw:
            self.show_message("Enter the project's passphrase.")
            return
        if not coder:
            self.show_message("Enter your coder name.")
            return
        try:
            self.project = Project.open(self.path, pw, coder=coder)
        except WrongPassphrase:
            self.attempts += 1
            self.show_message("That passphrase is not right for this project. Check it and try again.")
            self.passphrase.selectAll()
            self.passphrase.setFocus()
            return
        except ProjectError as exc:
            self.show_message(message_for(exc))
            return
        self.accept()
