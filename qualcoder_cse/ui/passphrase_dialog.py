"""Open an existing project: ask for the passphrase and the coder name; a wrong passphrase says so and lets
the researcher try again without closing the dialog. On success ``dialog.project`` is the open Project.

The coder is picked, not typed blind: a name that is not one of the project's coders (a typo, "alcie" for
"alice", or "Alice" for "alice") would silently start a new coder, and every coding made under it would be
split from the researcher's own. When the name given is not a coder of the project, the dialog lists the
project's coders (the closest name chosen) and a new coder is added only by pressing "Add ... as a new
coder"."""

from __future__ import annotations

import difflib
import os
from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
)

from ..core import Project
from ..core.errors import ProjectError, WrongPassphrase
from .context_help import install_help
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
        title = QLabel(f"<b>{self.path.name}</b><br><small>{Path(os.path.abspath(self.path)).parent}</small>")
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
        self.coder_box = QComboBox(objectName="coderPicker")  # the project's coders, once it is unlocked
        self.new_coder = QPushButton("", objectName="addCoder")
        self.new_coder.clicked.connect(self._add_new_coder)
        picker = QFormLayout()
        picker.addRow("Coder:", self.coder_box)
        picker.addRow("", self.new_coder)
        layout.addLayout(picker)
        self._picker = (self.coder_box, self.new_coder, picker.labelForField(self.coder_box))
        for w in self._picker:
            w.hide()
        self.buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Open | QDialogButtonBox.StandardButton.Cancel)
        self.buttons.accepted.connect(self.try_open)
        self.buttons.rejected.connect(self.reject)
        layout.addWidget(self.buttons)
        self.passphrase.setFocus()
        install_help(self, "open-project")

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
        if self.project is not None:  # second step: a coder picked from the project's list
            self._use_coder(self.coder_box.currentText())
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
        names = [c.name for c in self.project.coders.list()]
        if not names or coder in names:
            self.accept()
            return
        self._ask_for_coder(coder, names)

    def _ask_for_coder(self, typed: str, names: list[str]) -> None:
        """The name given is not a coder of this project: pick one of its coders or add the name on purpose."""
        self.passphrase.setEnabled(False)
        self.coder.setEnabled(False)
        self.coder_box.clear()
        self.coder_box.addItems(sorted(names, key=str.casefold))
        folded = {n.casefold(): n for n in names}
        close = folded.get(typed.casefold()) or next(iter(difflib.get_close_matches(typed, names, 1, 0.5)), None)
        if close:
            self.coder_box.setCurrentText(close)
        self.new_coder.setText(f"Add “{typed}” as a new coder")
        for w in self._picker:
            w.show()
        self.show_message(
            f"“{typed}” is not a coder in this project yet. Pick your name from the project's coders "
            f"(then Open), or add “{typed}” as a new coder: codings are kept per coder."
        )
        self.buttons.button(QDialogButtonBox.StandardButton.Open).setText("Open as the chosen coder")
        self.coder_box.setFocus()

    def _use_coder(self, name: str) -> None:
        try:
            self.project.set_coder(name)
        except ProjectError as exc:
            self.show_message(message_for(exc))
            return
        self.accept()

    def _add_new_coder(self) -> None:
        """Deliberately a new coder under the typed name (created with the first coding)."""
        self._use_coder(self.coder.text().strip())

    def reject(self) -> None:
        if self.project is not None and self.result() != QDialog.DialogCode.Accepted:
            self.project.close()  # unlocked for the coder step, then cancelled: nothing stays open
            self.project = None
        super().reject()
