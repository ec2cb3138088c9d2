"""File > Restore from backup…: the project's backups with date, reason, counts, size and whether each opens
and verifies (read in a worker thread: each needs the passphrase's key derivation), and restoring one into a
new project file. Nothing is ever written over an existing file, the open project included."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QHeaderView,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from ..core import Project
from ..core import backup_files as bf
from ..core.errors import ProjectError
from .background import Worker
from .context_help import install_help
from .errors import message_for

COLUMNS = ("Taken", "Why", "Documents", "Codes", "Codings", "Size", "State")


class _Run(QObject):
    """``fn()`` in a QThread; ``done(result, exc)`` on the GUI thread."""

    done = Signal(object, object)

    def __init__(self, parent: QObject, fn) -> None:
        super().__init__(parent)
        self.thread = QThread(self)
        self.worker = Worker(lambda _progress: fn())
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._finished)
        self.thread.start()

    @Slot(object, object)
    def _finished(self, result, exc) -> None:
        self.thread.quit()
        self.thread.wait()
        self.done.emit(result, exc)


class RestoreDialog(QDialog):
    def __init__(self, folder: Path, stem: str | None, passphrase: str, parent=None, *, open_path=None,
                 on_restored=None) -> None:
        super().__init__(parent)
        self.setObjectName("restoreDialog")
        self.setWindowTitle("Restore from backup")
        self.resize(860, 420)
        self.folder, self.stem, self._passphrase = Path(folder), stem, passphrase
        self.open_path = Path(open_path).resolve() if open_path else None
        self.on_restored = on_restored
        self.backups: list[bf.BackupInfo] = []
        self.restored: Path | None = None
        self._runs: list[_Run] = []
        layout = QVBoxLayout(self)
        self.header = QLabel(f"Backups in <b>{self.folder}</b>", objectName="header")
        self.header.setWordWrap(True)
        layout.addWidget(self.header)
        self.table = QTableWidget(0, len(COLUMNS), objectName="backupTable")
        self.table.setHorizontalHeaderLabels(COLUMNS)
        self.table.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.table.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.table.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.table.verticalHeader().hide()
        self.table.horizontalHeader().setSectionResizeMode(QHeaderView.ResizeMode.ResizeToContents)
        self.table.horizontalHeader().setStretchLastSection(True)
        self.table.itemSelectionChanged.connect(self._selection)
        layout.addWidget(self.table, 1)
        self.message = QLabel("Reading the backups…", objectName="message")
        self.message.setWordWrap(True)
        layout.addWidget(self.message)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        self.restore_button = QPushButton("Restore into a new file…", objectName="restoreButton")
        self.restore_button.setEnabled(False)
        self.restore_button.clicked.connect(self.choose_and_restore)
        buttons.addButton(self.restore_button, QDialogButtonBox.ButtonRole.ActionRole)
        buttons.rejected.connect(self.reject)
        layout.addWidget(buttons)
        self._start(lambda: bf.list_backups(self.folder, self.stem, self._passphrase), self._listed)
        install_help(self, "restore")

    # ------------------------------------------------------------------ factory for the window
    @classmethod
    def for_window(cls, window) -> RestoreDialog | None:
        project = window.project
        if project is not None:
            folder, stem = project.backups.folder(), Path(project.path).resolve().stem
            passphrase, open_path = project.backups._passphrase, project.path
        else:
            folder = QFileDialog.getExistingDirectory(window, "Folder holding the backups")
            if not folder:
                return None
            passphrase, ok = QInputDialog.getText(window, "Restore from backup", "The backups' passphrase:",
                                                  QLineEdit.EchoMode.Password)
            if not ok or not passphrase:
                return None
            stem, open_path = None, None

        def reopen(path: Path) -> None:
            coder = window.project.coder_name if window.project else window.settings.last_coder() or None
            window.set_project(Project.open(path, passphrase, coder=coder))

        dlg = cls(Path(folder), stem, passphrase, window, open_path=open_path, on_restored=reopen)
        dlg.exec()
        return dlg

    # ------------------------------------------------------------------ listing
    def _start(self, fn, then) -> None:
        run = _Run(self, fn)
        run.done.connect(then)
        self._runs.append(run)

    def wait(self) -> None:
        for run in self._runs:
            run.thread.wait()

    def _listed(self, backups, exc) -> None:
        if exc is not None:
            self.message.setText(message_for(exc))
            return
        self.backups = backups or []
        self.table.setRowCount(len(self.backups))
        for row, b in enumerate(self.backups):
            c = b.counts
            state = "verified" if b.opens else b.problem
            values = (f"{b.taken_at:%Y-%m-%d %H:%M:%S}", b.reason.replace("-", " "), c.get("documents", ""),
                      c.get("codes", ""), c.get("codings", ""), f"{b.size / 1e6:.1f} MB", state)
            for col, value in enumerate(values):
                item = QTableWidgetItem(str(value))
                if col in (2, 3, 4, 5):
                    item.setTextAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
                if not b.opens:
                    item.setForeground(Qt.GlobalColor.darkRed)
                item.setToolTip(str(b.path))
                self.table.setItem(row, col, item)
        if not self.backups:
            self.message.setText("No backups here yet. File > Back up now… writes one.")
        else:
            self.message.setText("Choose a backup. It is restored into a new project file; the project you have "
                                 "open is not touched.")
            first = next((i for i, b in enumerate(self.backups) if b.opens), None)
            if first is not None:
                self.table.selectRow(first)

    def _selection(self) -> None:
        b = self.selected()
        self.restore_button.setEnabled(b is not None and b.opens)

    def selected(self) -> bf.BackupInfo | None:
        rows = self.table.selectionModel().selectedRows()
        return self.backups[rows[0].row()] if rows else None

    # ------------------------------------------------------------------ restoring
    def suggested_path(self, b: bf.BackupInfo) -> Path:
        base = (self.open_path.parent if self.open_path else self.folder)
        stem = self.stem or b.path.stem.split("_")[0]
        return base / f"{stem} restored {b.taken_at:%Y-%m-%d %H%M}.qcse"

    def choose_and_restore(self) -> None:
        b = self.selected()
        if b is None:
            return
        dest, _ = QFileDialog.getSaveFileName(self, "Restore into a new project file", str(self.suggested_path(b)),
                                              "QualCoder-CSE projects (*.qcse)")
        if dest:
            self.restore_into(b, Path(dest))

    def restore_into(self, b: bf.BackupInfo, dest: Path) -> None:
        if dest.suffix.lower() != ".qcse":
            dest = dest.with_name(dest.name + ".qcse")
        if dest.exists() or (self.open_path is not None and dest.resolve() == self.open_path):
            self.message.setText(f"{dest.name} already exists. A backup is only restored into a new file, so "
                                 "nothing is written over a project: choose a new name.")
            return
        self.restore_button.setEnabled(False)
        self.message.setText(f"Restoring into {dest}…")
        self._start(lambda: bf.restore(b.path, self._passphrase, dest), lambda info, exc: self._restored(dest, exc))

    def _restored(self, dest: Path, exc) -> None:
        self._selection()
        if exc is not None:
            self.message.setText(message_for(exc) if isinstance(exc, ProjectError) else f"Not restored: {exc}")
            return
        self.restored = dest
        self.message.setText(f"Restored into {dest}.")
        box = QMessageBox(QMessageBox.Icon.Question, "Restored",
                          f"The backup was restored into\n{dest}\n\nOpen it now? (The project open now is "
                          "closed first; it stays as it is.)",
                          QMessageBox.StandardButton.Open | QMessageBox.StandardButton.No, self)
        box.setObjectName("openRestored")
        if box.exec() == QMessageBox.StandardButton.Open and self.on_restored is not None:
            self.accept()
            try:
                self.on_restored(dest)
            except ProjectError as err:
                QMessageBox.warning(self.parent(), "QualCoder-CSE", message_for(err))
