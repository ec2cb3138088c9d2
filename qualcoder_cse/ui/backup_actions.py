"""File > Back up now…, File > Restore from backup…, File > Backup settings…, and the automatic backups: on
open (at most once per the configured interval, in the background) and on close when something changed.

Every backup runs in a worker thread on connections of its own (``core.backup.run_job``), so the window stays
responsive; the audit line and any failure are handled back on the GUI thread. A failed backup is always
shown, never skipped silently.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QEventLoop, QObject, Qt, QThread, Signal, Slot
from PySide6.QtWidgets import QMessageBox, QProgressDialog

from ..core.backup import run_job
from .background import Worker

if TYPE_CHECKING:
    from ..core.project import Project


class BackupRun(QObject):
    """One backup in a QThread; ``done(info, exc)`` arrives on the GUI thread."""

    done = Signal(object, object)

    def __init__(self, parent: QObject, job) -> None:
        super().__init__(parent)
        self.job = job
        self.thread = QThread(self)
        self.worker = Worker(lambda _progress: run_job(job))
        self.worker.moveToThread(self.thread)
        self.thread.started.connect(self.worker.run)
        self.worker.finished.connect(self._finished)
        self.running = False

    def start(self) -> None:
        self.running = True
        self.thread.start()

    @Slot(object, object)
    def _finished(self, info, exc) -> None:
        self.thread.quit()
        self.thread.wait()
        self.running = False
        self.done.emit(info, exc)

    def wait(self) -> None:
        """Block (keeping the window painted) until the backup is done."""
        if not self.running:
            return
        loop = QEventLoop()
        self.done.connect(loop.quit)
        if self.running:
            loop.exec()


class BackupActions(QObject):
    def __init__(self, window) -> None:
        super().__init__(window)
        self.window = window
        self.current: BackupRun | None = None
        file_menu = window.menus["file"]
        before = window.file_separator
        self.now_action = file_menu.addAction("&Back up now…", self.back_up_now)
        self.restore_action = file_menu.addAction("Res&tore from backup…", self.restore_dialog)
        self.settings_action = file_menu.addAction("Backup &settings…", self.settings_dialog)
        for action in (self.now_action, self.restore_action, self.settings_action):
            file_menu.removeAction(action)
            file_menu.insertAction(before, action)
        file_menu.insertSeparator(self.now_action)
        window.project_opened.connect(self._opened)
        window.project_closing.connect(self._closing)
        window.project_closed.connect(self._enable)
        self._enable()

    def _enable(self) -> None:
        project = self.window.project
        self.now_action.setEnabled(project is not None)
        self.settings_action.setEnabled(project is not None and not project.readonly)

    # ------------------------------------------------------------------ running one
    def start(self, reason: str, on_done=None) -> BackupRun | None:
        project = self.window.project
        if project is None:
            return None
        if self.current is not None and self.current.running:
            self.current.wait()
        run = BackupRun(self, project.backups.job(reason))
        run.done.connect(lambda info, exc: self._done(project, reason, info, exc, on_done))
        self.current = run
        self.window.statusBar().showMessage(f"Backing up ({reason})…")
        run.start()
        return run

    def _done(self, project: Project, reason: str, info, exc, on_done) -> None:
        if project.is_open:
            project.backups.record(reason, info, exc)
        if exc is not None:
            self.window.statusBar().showMessage("The backup failed.", 10000)
            self.window.show_error(f"The {reason} backup failed: {exc}")
        else:
            self.window.statusBar().showMessage(f"Backup written and verified: {info.path}", 10000)
        if on_done is not None:
            on_done(info, exc)

    # ------------------------------------------------------------------ automatic
    def _opened(self, project: Project) -> None:
        self._enable()
        if project.readonly_reason:
            self.window.statusBar().showMessage(project.readonly_reason)
            return
        if not project.readonly and project.backups.due_on_open():
            self.start("on open")

    def _closing(self) -> None:
        project = self.window.project
        if project is None:
            return
        if self.current is not None and self.current.running:
            self.current.wait()  # an automatic backup still running finishes before the file closes
        if project.readonly or not project.backups.due_on_close():
            return
        progress = QProgressDialog("Backing up the changes of this session…", "", 0, 0, self.window)
        progress.setObjectName("closingBackup")
        progress.setCancelButton(None)
        progress.setWindowModality(Qt.WindowModality.WindowModal)
        progress.setMinimumDuration(400)
        run = self.start("on close")
        if run is not None:
            run.wait()
        progress.close()

    # ------------------------------------------------------------------ menu actions
    def back_up_now(self) -> None:
        def said(info, exc) -> None:
            if exc is None:
                box = QMessageBox(QMessageBox.Icon.Information, "Backup written",
                                  f"A verified encrypted backup was written:\n{info.path}\n\n{info.summary()}",
                                  QMessageBox.StandardButton.Ok, self.window)
                box.setObjectName("backupDone")
                box.open()

        self.start("manual", said)

    def settings_dialog(self) -> None:
        from .backup_settings_dialog import BackupSettingsDialog

        if self.window.project is not None:
            BackupSettingsDialog(self.window.project, self.window).exec()

    def restore_dialog(self) -> None:
        from .restore_dialog import RestoreDialog

        RestoreDialog.for_window(self.window)


def install(window) -> BackupActions:
    window.backup_actions = BackupActions(window)
    return window.backup_actions
