"""Before an anonymised import in the window: make sure the project's re-identification key is at hand, and
when it is not where it is looked for, say so in the window's words and let the researcher locate the file
(the command line's ``--key-file``). Without the key, new placeholders could not match those already stored."""

from __future__ import annotations

import os
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog, QMessageBox, QWidget

from ..core.idkey import KeyUnavailable

if TYPE_CHECKING:
    from ..core.project import Project

MISSING = (
    "This project's re-identification key is not at {path}.\n\n"
    "It keeps placeholders consistent: the same person gets the same placeholder in every document. "
    "Locate the key file to go on. If it is lost, or this copy must never re-identify anyone, cancel and seal "
    "the project (Tools > Seal re-identification key): new imports then start a new placeholder series."
)


def key_ready(project: Project, parent: QWidget | None) -> bool:
    """True when the key of the current placeholder series is found (or a first one was started); else ask
    where it is, and False if the researcher cancels or picks a file that is not this project's key."""
    try:
        project.pseudonyms.ensure_key()
        return True
    except KeyUnavailable as exc:
        status = project.pseudonyms.status()
        text = MISSING.format(path=os.path.abspath(status.key_file)) if not status.present else str(exc)
    box = QMessageBox(QMessageBox.Icon.Warning, "Re-identification key", text, parent=parent)
    box.setObjectName("locateKeyBox")
    locate = box.addButton("Locate key file…", QMessageBox.ButtonRole.AcceptRole)
    box.addButton(QMessageBox.StandardButton.Cancel)
    box.exec()
    if box.clickedButton() is not locate:
        return False
    chosen, _filter = QFileDialog.getOpenFileName(parent, "Locate the re-identification key",
                                                  str(project.path.parent), "Key files (*.idkey);;All files (*)")
    if not chosen:
        return False
    previous = project.pseudonyms.key_file
    project.pseudonyms.key_file = chosen
    try:
        project.pseudonyms.ensure_key()
        return True
    except KeyUnavailable as exc:
        project.pseudonyms.key_file = previous
        QMessageBox.warning(parent, "Re-identification key", f"{exc}\n\nNothing was imported.")
        return False
