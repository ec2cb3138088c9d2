"""Create a project: name, folder, passphrase twice with a strength hint, framework, coder name."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core import Project
from ..core.errors import ProjectError
from ..core.passphrase_policy import problem, strength_hint
from ..core.project import PROJECT_SUFFIX
from .context_help import install_help

__all__ = ["FRAMEWORK_CHOICES", "NewProjectDialog", "strength_hint"]

FRAMEWORK_CHOICES = [
    ("Policing models for CSE (built-in framework)", "policing-cse"),
    ("Empty codebook", "none"),
]


class NewProjectDialog(QDialog):
    def __init__(self, folder: str | Path | None = None, coder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("newProjectDialog")
        self.setWindowTitle("New project")
        self.setMinimumWidth(520)
        self.project: Project | None = None
        layout = QVBoxLayout(self)
        intro = QLabel("The project is one encrypted file. Without the passphrase nobody, including you, can "
                       "open it again: keep it somewhere safe.")
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.name = QLineEdit(objectName="name", placeholderText="e.g. CSE policing study 2024")
        self.folder = QLineEdit(str(folder or Path.home()), objectName="folder")
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QWidget()
        h = QHBoxLayout(row)
        h.setContentsMargins(0, 0, 0, 0)
        h.addWidget(self.folder)
        h.addWidget(browse)
        self.pass1 = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="passphrase1")
        self.pass2 = QLineEdit(echoMode=QLineEdit.EchoMode.Password, objectName="passphrase2")
        self.strength = QLabel("", objectName="strength")
        self.strength.setMinimumWidth(360)  # the longest hint fits on one line, never cut off
        self.framework = QComboBox(objectName="framework")
        for label, value in FRAMEWORK_CHOICES:
            self.framework.addItem(label, value)
        self.coder = QLineEdit(coder or "researcher", objectName="coder")
        form.addRow("Project name:", self.name)
        form.addRow("Folder:", row)
        form.addRow("Passphrase:", self.pass1)
        form.addRow("", self.strength)
        form.addRow("Passphrase again:", self.pass2)
        form.addRow("Codebook:", self.framework)
        form.addRow("Your coder name:", self.coder)
        layout.addLayout(form)
        self.message = QLabel("", objectName="message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        self.message.hide()
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Create")
        buttons.accepted.connect(self.try_create)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self.pass1.textChanged.connect(self._update_strength)
        install_help(self, "new-project")

    def _browse(self) -> None:
        folder = QFileDialog.getExistingDirectory(self, "Folder for the project", self.folder.text())
        if folder:
            self.folder.setText(folder)

    def _update_strength(self, text: str) -> None:
        score, hint = strength_hint(text)
        colour = ["#b00020", "#b05000", "#8a6d00", "#2e7d32", "#1b5e20"][score]
        self.strength.setText(f"<span style='color:{colour}'>{hint}</span>")

    def _fit_height(self) -> None:
        """Grow to show a wrapped hint or message whole (a shown dialog does not grow by itself)."""
        self.layout().activate()
        need = self.layout().totalHeightForWidth(self.width()) if self.layout().hasHeightForWidth() else 0
        need = max(need, self.sizeHint().height())
        if need > self.height():
            self.resize(self.width(), need)

    def target_path(self) -> Path:
        name = self.name.text().strip()
        if not name.endswith(PROJECT_SUFFIX):
            name += PROJECT_SUFFIX
        return Path(self.folder.text().strip()).expanduser() / name

    def _fail(self, text: str) -> None:
        self.message.setText(text)
        self.message.show()
        self._fit_height()

    def try_create(self) -> None:
        name = self.name.text().strip()
        stem = name.removesuffix(PROJECT_SUFFIX)
        if not stem.strip() or any(ch in name for ch in '/\\:*?"<>|') or any(ord(ch) < 32 for ch in name):
            return self._fail("Give the project a name (letters, numbers, spaces; no / \\ : * ? \" < > |).")
        weak = problem(self.pass1.text())
        if weak:
            return self._fail(weak)
        if self.pass1.text() != self.pass2.text():
            return self._fail("The two passphrases are not the same.")
        if not self.coder.text().strip():
            return self._fail("Enter your coder name.")
        try:
            self.project = Project.create(
                self.target_path(), self.pass1.text(), framework=self.framework.currentData(),
                coder=self.coder.text().strip(), name=name,
            )
        except ProjectError as exc:
            return self._fail(str(exc))
        except (OSError, ValueError) as exc:  # e.g. a name too long for the file system
            why = getattr(exc, "strerror", None) or "the file name is not allowed"
            return self._fail(f"Cannot create the project file there: {why}. Try a shorter name or another folder.")
        self.accept()
