"""File > Export > Excel workbook: choose the file, the grouping attribute, the agreement units, an optional
password and an optional Word briefing; the export runs in a worker thread with a progress bar and Cancel.

The workbook is built and (when asked) encrypted in memory, then written in one go, so Cancel or a failure
leaves nothing behind. The password is held only in the dialog's fields and the worker, never stored.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, QThread, Signal
from PySide6.QtWidgets import (
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QProgressBar,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.errors import ProjectError
from ..core.passphrase_policy import problem as password_problem
from ..lazy import lazy_import
from .clear_export import confirm_clear_export, record_export
from .context_help import install_help
from .errors import log_dir, log_unexpected

if TYPE_CHECKING:
    from ..analysis import Filters
    from ..core.project import Project

# openpyxl and python-docx load when an export runs; pandas beside the window after it starts (lazy.preload)
an = lazy_import("qualcoder_cse.analysis")
excel = lazy_import("qualcoder_cse.exporters.excel")
briefing = lazy_import("qualcoder_cse.exporters.briefing")


class _Cancelled(Exception):
    pass


class _ExportWorker(QObject):
    progress = Signal(int, int, str)
    finished = Signal(object)  # list of written paths
    failed = Signal(str)

    def __init__(self, project: Project, path: Path, options, briefing: Path | None) -> None:
        super().__init__()
        self.project, self.path, self.options, self.briefing = project, path, options, briefing
        self.cancelled = False

    def _report(self, done: int, total: int, message: str) -> None:
        if self.cancelled:
            raise _Cancelled()
        self.progress.emit(done, total, message)

    def run(self) -> None:
        try:
            written = [excel.export_workbook(self.project, self.path, self.options, self._report, audit=False).path]
            if self.briefing is not None:
                written.append(
                    briefing.export_briefing(self.project, self.briefing, self.options, progress=self._report)
                )
            self.finished.emit(written)
        except _Cancelled:
            self.failed.emit("Export cancelled; nothing was written.")
        except ProjectError as exc:
            self.failed.emit(str(exc))
        except Exception as exc:  # noqa: BLE001 - an unexpected bug: a plain line, no transcript text
            log_unexpected(exc)
            self.failed.emit(f"The export failed ({type(exc).__name__}); nothing was written. Details (without any "
                             f"transcript text) are in {log_dir() / 'qualcoder-cse.log'}.")


class ExportDialog(QDialog):
    exported = Signal(object)

    def __init__(
        self,
        project: Project,
        filters: Filters | None = None,
        parent: QWidget | None = None,
        *,
        group_by: str | None = None,
    ) -> None:
        super().__init__(parent)
        self.setWindowTitle("Export analysis workbook")
        self.project = project
        self.filters = filters or an.Filters()
        self._thread: QThread | None = None
        self._worker: _ExportWorker | None = None
        self.written: list[Path] = []

        form = QFormLayout()
        self.path_edit = QLineEdit(str(Path.home() / f"{project.name} analysis.xlsx"))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.path_edit, 1)
        row.addWidget(browse)
        form.addRow("Workbook", row)
        self.group_box = QComboBox()
        self.group_box.addItem("Document kind", "kind")
        for attr in project.attributes.list():
            label = f"{attr.name} ({'case' if attr.scope == 'case' else 'document'})"
            self.group_box.addItem(label, attr.name)
        wanted = group_by or next(
            (
                a.name
                for a in project.attributes.list("case")
                if a.name.casefold() in ("participant group", "group")
            ),
            "kind",
        )
        self.group_box.setCurrentIndex(max(0, self.group_box.findData(wanted)))
        form.addRow("Compare groups by", self.group_box)
        self.units_box = QComboBox()
        for unit in ("character", "sentence", "turn"):
            self.units_box.addItem(f"{unit} units", unit)
        form.addRow("Agreement over", self.units_box)
        self.encrypt_check = QCheckBox("Protect the workbook with a password")
        self.password = QLineEdit(echoMode=QLineEdit.EchoMode.Password, placeholderText="password")
        self.password_again = QLineEdit(echoMode=QLineEdit.EchoMode.Password, placeholderText="again")
        for w in (self.password, self.password_again):
            w.setEnabled(False)
        self.encrypt_check.toggled.connect(self.password.setEnabled)
        self.encrypt_check.toggled.connect(self.password_again.setEnabled)
        form.addRow(self.encrypt_check)
        form.addRow("Password", self.password)
        form.addRow("Repeat", self.password_again)
        self.briefing_check = QCheckBox("Also write a Word briefing (.docx) beside it")
        form.addRow(self.briefing_check)
        self.filters_label = QLabel("; ".join(f"{k}: {v}" for k, v in self.filters.describe()))
        self.filters_label.setWordWrap(True)
        form.addRow("Filters", self.filters_label)

        self.progress = QProgressBar()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status = QLabel("")
        self.status.setWordWrap(True)
        self.buttons = QDialogButtonBox()
        self.export_button = self.buttons.addButton("Export", QDialogButtonBox.ButtonRole.AcceptRole)
        self.cancel_button = self.buttons.addButton(QDialogButtonBox.StandardButton.Close)
        self.export_button.clicked.connect(self.start)
        self.cancel_button.clicked.connect(self._cancel_or_close)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.progress)
        layout.addWidget(self.status)
        layout.addWidget(self.buttons)
        install_help(self, "export-workbook")

    def _browse(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "Export workbook", self.path_edit.text(), "Excel (*.xlsx)"
        )
        if path:
            self.path_edit.setText(path if path.lower().endswith(".xlsx") else path + ".xlsx")

    def _options(self):
        options = excel.ExportOptions(
            filters=self.filters,
            group_by=self.group_box.currentData(),
            agreement_unit=self.units_box.currentData(),
        )
        if self.encrypt_check.isChecked():
            options.password = self.password.text()
        return options

    def validate(self) -> str | None:
        path = Path(self.path_edit.text().strip()).expanduser()
        if not self.path_edit.text().strip() or path.suffix.lower() != ".xlsx":
            return "Give a workbook file name ending in .xlsx."
        if not path.parent.exists():
            return f"The folder {path.parent} does not exist."
        if self.encrypt_check.isChecked():
            if not self.password.text():
                return "Type a password, or untick the password option."
            weak = password_problem(self.password.text(), "workbook password")
            if weak:
                return weak
            if self.password.text() != self.password_again.text():
                return "The two passwords differ."
        return None

    def start(self) -> None:
        problem = self.validate()
        if problem:
            self.status.setText(problem)
            return
        path = Path(self.path_edit.text().strip()).expanduser()
        briefing = path.with_suffix(".docx") if self.briefing_check.isChecked() else None
        clear = [] if self.encrypt_check.isChecked() else [("The workbook", str(path))]
        clear += [("The Word briefing", str(briefing))] if briefing else []
        if not confirm_clear_export(self, clear):
            self.status.setText("Not exported.")
            return
        self._worker = _ExportWorker(self.project, path, self._options(), briefing)
        self._thread = QThread(self)
        self._worker.moveToThread(self._thread)
        self._thread.started.connect(self._worker.run)
        self._worker.progress.connect(self._on_progress)
        self._worker.finished.connect(self._on_finished)
        self._worker.failed.connect(self._on_failed)
        self.export_button.setEnabled(False)
        self.cancel_button.setText("Cancel")
        self.progress.setRange(0, 0)
        self.status.setText("Exporting…")
        self._thread.start()

    def running(self) -> bool:
        return self._thread is not None

    def _on_progress(self, done: int, total: int, message: str) -> None:
        self.progress.setRange(0, max(total, 1))
        self.progress.setValue(done)
        self.status.setText(message)

    def _stop_thread(self) -> None:
        if self._thread is not None:
            self._thread.quit()
            self._thread.wait()
            self._thread = None
            self._worker = None
        self.export_button.setEnabled(True)
        self.cancel_button.setText("Close")

    def _on_finished(self, written: list) -> None:
        self._stop_thread()
        self.written = [Path(p) for p in written]
        self.progress.setRange(0, 1)
        self.progress.setValue(1)
        self.status.setText("Wrote " + ", ".join(str(p) for p in self.written))
        for i, out in enumerate(self.written):  # on the GUI thread, once the worker let go of the connection
            encrypted = i == 0 and self.encrypt_check.isChecked()
            record_export(self.project, "workbook" if i == 0 else "briefing", out, encrypted)
        self.exported.emit(self.written)

    def _on_failed(self, message: str) -> None:
        self._stop_thread()
        self.progress.setRange(0, 1)
        self.progress.setValue(0)
        self.status.setText(message)

    def _cancel_or_close(self) -> None:
        if self._worker is not None:
            self._worker.cancelled = True
            self.status.setText("Cancelling…")
        else:
            self.reject()

    def closeEvent(self, event) -> None:
        if self._worker is not None:
            self._worker.cancelled = True
            self._stop_thread()
        super().closeEvent(event)
