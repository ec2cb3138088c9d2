"""File > Resume paused review…: pick one of the project's paused anonymisation reviews and go on with it.

A paused review is found again by the file's content (SHA-256), so resuming means importing the same file:
the import opens the review screen with every decision restored. When the file is no longer where it was
paused, the researcher is told to import it from where it is now (a moved or renamed file still matches).
Also installs Tools > Anonymisation memory… (``review_memory_dialog``), so the window needs one line.
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction
from PySide6.QtWidgets import QInputDialog, QMessageBox

from . import review_memory_dialog
from .import_dialog import ImportDialog

if TYPE_CHECKING:
    from ..core.review_memory import PausedReview
    from .host import WorkbenchHost


def describe(p: PausedReview) -> str:
    return f"{p.name} — paused {p.saved_at[:16].replace('T', ' ')} by {p.coder}, {p.decided} decisions"


def resume_paused(host: WorkbenchHost, paused: PausedReview) -> ImportDialog | None:
    """Import the paused file again (its review resumes); None, with a message, when the file has moved."""
    if host.project is None:
        return None
    if not Path(paused.source_path).is_file():
        QMessageBox.information(
            host.window(), "Resume paused review",
            f"“{paused.name}” is no longer at {paused.source_path}.\n\nImport it again from where it is now "
            "(File > Import > Transcripts): the paused review is found by the file's content and resumes "
            "with every decision.")
        return None
    dialog = ImportDialog(host.project, host.window(), paths=[paused.source_path])
    dialog.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
    dialog.open()
    dialog.start_import()
    return dialog


def choose_and_resume(host: WorkbenchHost) -> ImportDialog | None:
    if host.project is None:
        return None
    paused = host.project.review_memory.paused_list()
    if not paused:
        host.show_message("No paused reviews in this project.")
        return None
    if len(paused) == 1:
        return resume_paused(host, paused[0])
    labels = [describe(p) for p in paused]
    choice, ok = QInputDialog.getItem(host.window(), "Resume paused review", "Paused reviews:", labels, 0, False)
    if not ok:
        return None
    return resume_paused(host, paused[labels.index(choice)])


def install(host: WorkbenchHost) -> QAction:
    """File > Resume paused review… and Tools > Anonymisation memory… (enabled while a project is open)."""
    review_memory_dialog.install(host)
    action = QAction("Resume paused &review…", host.window())
    action.setObjectName("resumePausedReviewAction")
    action.triggered.connect(lambda: choose_and_resume(host))
    host.file_submenu("import", "&Import").addAction(action)
    action.setEnabled(host.project is not None)
    host.project_opened.connect(lambda _p: action.setEnabled(True))
    host.project_closed.connect(lambda: action.setEnabled(False))
    return action
