"""File > Backup settings…: where the project's automatic backups go, how many are kept, how often one is
taken on open, and whether one is taken on close after changes. Saved in the project (and the folder is
remembered per user, so a damaged project still finds its backups)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from ..core.backup import BackupSettings, default_folder
from ..core.errors import ProjectError
from .context_help import install_help
from .errors import message_for

if TYPE_CHECKING:
    from ..core.project import Project


class BackupSettingsDialog(QDialog):
    def __init__(self, project: Project, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("backupSettingsDialog")
        self.setWindowTitle("Backup settings")
        self.setMinimumWidth(560)
        self.project = project
        current = project.backups.settings()
        layout = QVBoxLayout(self)
        intro = QLabel(
            "Backups are encrypted with the project's passphrase, verified after writing (they must open and "
            "hold the same counts), and named with their date and time. A second drive or an encrypted USB "
            "stick is the safest place."
        )
        intro.setWordWrap(True)
        layout.addWidget(intro)
        form = QFormLayout()
        self.folder = QLineEdit(current.folder, objectName="backupFolder")
        self.folder.setPlaceholderText(str(default_folder(project.path)))
        browse = QPushButton("Choose…", objectName="chooseFolder")
        browse.clicked.connect(self._choose)
        row = QWidget()
        row_layout = QHBoxLayout(row)
        row_layout.setContentsMargins(0, 0, 0, 0)
        row_layout.addWidget(self.folder, 1)
        row_layout.addWidget(browse)
        form.addRow("Backup folder:", row)
        self.keep = QSpinBox(objectName="keep", minimum=1, maximum=1000, value=int(current.keep))
        self.keep.setSuffix(" backups")
        form.addRow("Keep the newest:", self.keep)
        self.on_open = QCheckBox("When the project is opened, at most once every", objectName="onOpen")
        self.on_open.setChecked(current.on_open)
        self.interval = QDoubleSpinBox(objectName="interval", minimum=0, maximum=24 * 365, decimals=1)
        self.interval.setValue(float(current.interval_hours))
        self.interval.setSuffix(" hours")
        self.on_open.toggled.connect(self.interval.setEnabled)
        self.interval.setEnabled(current.on_open)
        open_row = QWidget()
        open_layout = QHBoxLayout(open_row)
        open_layout.setContentsMargins(0, 0, 0, 0)
        open_layout.addWidget(self.on_open)
        open_layout.addWidget(self.interval)
        open_layout.addStretch(1)
        form.addRow("Back up:", open_row)
        self.on_close = QCheckBox("When the project is closed after changes", objectName="onClose")
        self.on_close.setChecked(current.on_close)
        form.addRow("", self.on_close)
        layout.addLayout(form)
        self.message = QLabel("", objectName="message")
        self.message.setWordWrap(True)
        self.message.setStyleSheet("color: #b00020;")
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.save)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        install_help(self, "backup-settings")

    def _choose(self) -> None:
        start = self.folder.text() or str(default_folder(self.project.path).parent)
        folder = QFileDialog.getExistingDirectory(self, "Backup folder", start)
        if folder:
            self.folder.setText(folder)

    def settings(self) -> BackupSettings:
        return BackupSettings(
            folder=self.folder.text().strip(),
            keep=self.keep.value(),
            interval_hours=self.interval.value(),
            on_open=self.on_open.isChecked(),
            on_close=self.on_close.isChecked(),
        )

    def save(self) -> None:
        try:
            self.project.backups.save_settings(self.settings())
        except ProjectError as exc:
            self.message.setText(message_for(exc))
            return
        self.accept()
