"""File > Export > REFI-QDA, File > Import > REFI-QDA and File > Merge: dialogs over the headless functions in
``interchange/refi.py``, ``interchange/refi_import.py`` and ``workflows/merge.py``.

``install(window)`` adds the actions to the File menu. The work runs in a worker thread with a progress
dialog and Cancel (``BackgroundJob``: its results reach the GUI thread through slots of a QObject living
there, since a signal connected to a plain function would run it in the worker thread); the merge writes
into the open project under ``project.quiet()`` so that no listener touches a widget from the worker
thread, and the held-back change notifications are sent on the GUI thread when it ends. Each run ends
with a report dialog listing what was tolerated, what could not be carried over and the conflicts; reports
name documents and codes, never transcript text.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtGui import QAction
from PySide6.QtWidgets import (
    QCheckBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QInputDialog,
    QLabel,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from ..core.backup import run_before as run_backup_first
from ..core.backup import take_before as take_backup_first
from ..core.changes import Change
from ..core.passphrase_policy import problem as passphrase_problem
from ..core.project import PROJECT_SUFFIX, Project
from .background import BackgroundJob
from .clear_export import confirm_clear_export, record_export
from .context_help import install_help
from .refi_export_dialog import RefiExportOptionsDialog


class ReportDialog(QDialog):
    """A plain, copyable report (import, export or merge)."""

    def __init__(self, title: str, lines: list[str], parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.resize(720, 460)
        layout = QVBoxLayout(self)
        self.text = QPlainTextEdit(objectName="reportText")
        self.text.setReadOnly(True)
        self.text.setPlainText("\n".join(lines))
        layout.addWidget(self.text)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        buttons.accepted.connect(self.accept)
        layout.addWidget(buttons)
        install_help(self, "refi")


def _file_row(edit: QLineEdit, pick) -> QWidget:
    row = QWidget()
    h = QHBoxLayout(row)
    h.setContentsMargins(0, 0, 0, 0)
    h.addWidget(edit, 1)
    button = QPushButton("Browse…")
    button.clicked.connect(pick)
    h.addWidget(button)
    return row


class ImportRefiDialog(QDialog):
    """Choose the REFI-QDA file, the new project file, its passphrase, the coder and the anonymisation."""

    def __init__(self, coder: str = "", parent=None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Import a REFI-QDA project or codebook")
        form = QFormLayout()
        self.source = QLineEdit(objectName="refiSource")
        self.target = QLineEdit(objectName="refiTarget")
        self.passphrase = QLineEdit(objectName="refiPassphrase", echoMode=QLineEdit.EchoMode.Password)
        self.again = QLineEdit(objectName="refiPassphraseAgain", echoMode=QLineEdit.EchoMode.Password)
        self.coder = QLineEdit(coder or "researcher", objectName="refiCoder")
        self.already = QCheckBox(
            "The texts are already anonymised (do not run the anonymiser)", objectName="refiAlreadyAnonymised"
        )
        self.already.setChecked(False)  # anonymise by default: raw text is stored only when the user says so
        form.addRow("REFI-QDA file (.qdpx, .qde, .qdc):", _file_row(self.source, self._pick_source))
        form.addRow("New project file:", _file_row(self.target, self._pick_target))
        form.addRow("Passphrase:", self.passphrase)
        form.addRow("Passphrase again:", self.again)
        form.addRow("Your coder name:", self.coder)
        form.addRow("", self.already)
        note = QLabel(
            "When the anonymiser runs, every proposed redaction is accepted and codings move onto the "
            "anonymised text; review the documents afterwards."
        )
        note.setWordWrap(True)
        self.message = QLabel("", objectName="refiMessage")
        self.message.setStyleSheet("color: #b00020;")
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel
        )
        buttons.button(QDialogButtonBox.StandardButton.Ok).setText("Import")
        buttons.accepted.connect(self.try_accept)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(note)
        layout.addWidget(self.message)
        layout.addWidget(buttons)
        install_help(self, "refi")

    def _pick_source(self) -> None:
        path, _ = QFileDialog.getOpenFileName(
            self, "REFI-QDA file", "", "REFI-QDA (*.qdpx *.qde *.qdc);;All files (*)"
        )
        if path:
            self.source.setText(path)
            if not self.target.text():
                self.target.setText(str(Path(path).with_suffix(PROJECT_SUFFIX)))

    def _pick_target(self) -> None:
        path, _ = QFileDialog.getSaveFileName(
            self, "New project", self.target.text(), f"QualCoder-CSE projects (*{PROJECT_SUFFIX})"
        )
        if path:
            self.target.setText(path)

    def values(self) -> tuple[Path, Path, str, str, str]:
        target = Path(self.target.text().strip())
        if target.name and target.suffix.lower() != PROJECT_SUFFIX:
            target = target.with_name(target.name + PROJECT_SUFFIX)
        anonymise = "off" if self.already.isChecked() else "auto"
        return (
            Path(self.source.text().strip()),
            target,
            self.passphrase.text(),
            self.coder.text().strip(),
            anonymise,
        )

    def problem(self) -> str:
        source, target, passphrase, coder, _ = self.values()
        if not self.source.text().strip() or not source.is_file():
            return "Choose the REFI-QDA file to import."
        if source.suffix.lower() not in (".qdpx", ".qde", ".qdc"):
            return "REFI-QDA files end in .qdpx, .qde or .qdc."
        if not self.target.text().strip():
            return "Choose where to save the new project."
        if target.exists():
            return f"{target.name} already exists; choose another name."
        if not target.parent.is_dir():
            return f"The folder {target.parent} does not exist."
        if not passphrase:
            return "Choose a passphrase for the new project."
        weak = passphrase_problem(passphrase)
        if weak:
            return weak
        if passphrase != self.again.text():
            return "The two passphrases differ."
        if not coder:
            return "Enter your coder name."
        return ""

    def try_accept(self) -> None:
        problem = self.problem()
        self.message.setText(problem)
        if not problem:
            self.accept()


# ---------------------------------------------------------------------------------------------- actions
class RefiActions:
    """The three File menu actions of one window."""

    def __init__(self, window) -> None:
        self.window = window
        self.last_report: list[str] = []  # kept for tests and for "show again"
        self.jobs: list[BackgroundJob] = []
        file_menu = window.menus["file"]
        before = getattr(window, "file_separator", None)  # Import/Export/Merge go above Quit
        # File > Import and File > Export are shared with other features: reuse them when they exist.
        self.import_menu = window.file_submenu("import", "&Import")
        self.export_menu = window.file_submenu("export", "&Export")
        self.export_action = self.export_menu.addAction("REFI-QDA project or codebook…", self.export_dialog)
        self.import_action = self.import_menu.addAction("REFI-QDA project or codebook…", self.import_dialog)
        self.codebook_action = self.import_menu.addAction(
            "REFI-QDA codebook into this project…", self.import_codebook_dialog
        )
        self.merge_action = QAction("&Merge another coder's project…", file_menu)
        self.merge_action.triggered.connect(self.merge_dialog)
        if before is not None:
            file_menu.insertAction(before, self.merge_action)
        else:
            file_menu.addAction(self.merge_action)
        window.project_opened.connect(lambda _p: self._enable(True))
        window.project_closed.connect(lambda: self._enable(False))
        self._enable(window.project is not None)

    def _enable(self, on: bool) -> None:
        self.export_action.setEnabled(on)
        self.merge_action.setEnabled(on)
        self.codebook_action.setEnabled(on)

    def _run(self, work, done, label: str) -> None:
        job = BackgroundJob(self.window, work, done, label)
        self.jobs.append(job)
        job.ended.connect(lambda: self.jobs.remove(job))
        job.start()

    def _report(self, title: str, lines: list[str]) -> None:
        self.last_report = lines
        dialog = ReportDialog(title, lines, self.window)
        dialog.setObjectName("refiReport")
        dialog.open()
        self.report_dialog = dialog

    # -- export
    def export_dialog(self) -> None:
        if self.window.project is None:
            return
        path, chosen = QFileDialog.getSaveFileName(
            self.window,
            "Export as REFI-QDA",
            f"{self.window.project.name}.qdpx",
            "REFI-QDA project (*.qdpx);;REFI-QDA codebook (*.qdc)",
        )
        if path:
            if Path(path).suffix.lower() not in (".qdpx", ".qdc"):
                path += ".qdc" if "qdc" in chosen else ".qdpx"
            options = RefiExportOptionsDialog(self.window.project, self.window)
            what = "The REFI-QDA codebook" if path.lower().endswith(".qdc") else "The REFI-QDA project"
            if options.exec() and confirm_clear_export(self.window, [(what, path)]):
                self.export_to(Path(path), options.options())

    def export_to(self, path: Path, options=None) -> None:
        from ..interchange.refi import export_refi

        project = self.window.project

        def work(progress):
            return export_refi(project, path, options, progress=lambda d, t, _s: progress(d, t))

        def done(result) -> None:
            # on the GUI thread, once the worker has let go of the connection
            what = "REFI-QDA codebook" if path.suffix.lower() == ".qdc" else "REFI-QDA project"
            record_export(project, what, result.path, False)
            lines = [f"wrote {result.path}", "  " + ", ".join(f"{k}: {v}" for k, v in result.counts.items())]
            lines += [f"not exported: {n}" for n in result.notes]
            lines += [f"warning: {w}" for w in result.warnings]
            self._report("REFI-QDA export", lines)

        self._run(work, done, "Exporting to REFI-QDA…")

    # -- import
    def import_dialog(self) -> None:
        dialog = ImportRefiDialog(self.window.settings.last_coder(), self.window)
        if dialog.exec():
            self.import_file(*dialog.values())

    def import_file(self, source: Path, target: Path, passphrase: str, coder: str, anonymise: str) -> None:
        from ..interchange.refi_import import import_refi

        def work(progress):
            return import_refi(
                source,
                target,
                passphrase,
                coder=coder,
                anonymise=anonymise,
                progress=lambda d, t, _s: progress(d, t),
            )

        def done(report) -> None:
            key = []
            if report.key_file:
                key.append(f"re-identification key written to {report.key_file}: keep it apart from the project "
                           "(coders need only the project); Tools > Seal re-identification key destroys it when "
                           "import is done.")
            self._report("REFI-QDA import", [*report.lines(), f"created {target}", *key])
            answer = QMessageBox.question(
                self.window,
                "Open the new project",
                f"Open {target.name} now? (The current project will be closed.)",
            )
            if answer == QMessageBox.StandardButton.Yes:
                self.open_imported(target, passphrase, coder)

        self._run(work, done, "Importing from REFI-QDA…")

    def open_imported(self, target: Path, passphrase: str, coder: str) -> None:
        from ..core import Project

        try:
            self.window.set_project(Project.open(target, passphrase, coder=coder))
        except Exception as exc:  # noqa: BLE001 - shown plainly
            self.window.show_error(exc)

    # -- codebook into the open project (small: runs on the GUI thread, one transaction)
    def import_codebook_dialog(self) -> None:
        if self.window.project is None:
            return
        path, _ = QFileDialog.getOpenFileName(
            self.window,
            "Import a REFI-QDA codebook",
            "",
            "REFI-QDA codebook (*.qdc);;REFI-QDA (*.qdpx *.qde)",
        )
        if path:
            self.import_codebook(Path(path))

    def import_codebook(self, path: Path) -> None:
        from ..interchange.refi_import import import_codebook

        try:
            saved = take_backup_first(self.window.project, "codebook import")
            report = import_codebook(self.window.project, path)
        except Exception as exc:  # noqa: BLE001 - shown plainly; the transaction was rolled back
            self.window.show_error(exc)
            return
        self._report("REFI-QDA codebook import", [*report.lines(), f"Backup before the import: {saved}"])

    # -- merge
    def merge_dialog(self) -> None:
        if self.window.project is None:
            return
        start = str(self.window.project.path.parent)
        path, _ = QFileDialog.getOpenFileName(
            self.window, "Merge another coder's project", start, f"QualCoder-CSE projects (*{PROJECT_SUFFIX})"
        )
        if not path:
            return
        passphrase, ok = QInputDialog.getText(
            self.window, "Passphrase", f"Passphrase of {Path(path).name}:", QLineEdit.EchoMode.Password
        )
        if ok and passphrase:
            self.merge_from(Path(path), passphrase)

    def merge_from(self, other_path: Path, passphrase: str) -> None:
        from ..core import Project
        from ..workflows.merge import merge_projects

        project = self.window.project
        held: list[Change] = []
        job = project.backups.job("before merge")
        saved = []

        def work(progress):
            saved.append(run_backup_first(job, "merge"))  # its own connections: safe in the worker
            with Project.open(other_path, passphrase, readonly=True) as other, project.quiet() as changes:
                try:
                    return merge_projects(project, other, progress=lambda d, t, _s: progress(d, t))
                finally:
                    held.append(changes.take())

        def done(report) -> None:
            project.backups.record("before merge", saved[0])
            self._announce(project, held)
            self._report("Merge", [*report.lines(), f"Backup before the merge: {saved[0].path}"])

        # On failure the merge's transaction is rolled back, so there is nothing to announce.
        self._run(work, done, "Merging…")

    @staticmethod
    def _announce(project: Project, held: list[Change]) -> None:
        change = Change.merged(held)
        if change:
            project.publish(change)  # on the GUI thread: the panels hear once what the worker wrote


def install(window) -> RefiActions:
    window.refi_actions = RefiActions(window)
    return window.refi_actions
