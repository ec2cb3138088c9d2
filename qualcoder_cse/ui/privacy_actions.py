"""Tools menu actions about re-identification: "Document names with identifiers…" (offer renaming the
documents whose names hold a name, place or number) and "Seal re-identification key…" (destroy the key that
makes placeholders consistent, after a clear confirmation). ``install(window)`` adds them."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import QObject
from PySide6.QtWidgets import QMessageBox

from ..anonymise.doc_names import name_proposals, rename_documents
from ..core.changes import Change
from ..core.errors import ProjectError
from .change_hub import hub_for
from .doc_names_dialog import DocNamesDialog
from .host import WorkbenchHost

if TYPE_CHECKING:
    from ..core.project import Project

SEAL_TEXT = (
    "Sealing destroys this project's re-identification key ({key}).\n\n"
    "Without it nobody, including you, can tell from the project who a placeholder such as [Person 3] was, "
    "and the kept originals (if any) are deleted. What is stored keeps its placeholders.\n\n"
    "Documents imported after sealing start a NEW placeholder series: a person already in the project will "
    "get a different placeholder there.\n\nSeal only when import is done. This cannot be undone."
)


class PrivacyActions(QObject):
    def __init__(self, host: WorkbenchHost) -> None:
        super().__init__(host.window())
        self.host = window = host
        tools = window.menu("tools")
        tools.addSeparator()
        self.names_action = tools.addAction("Document &names with identifiers…", self.check_names)
        self.seal_action = tools.addAction("&Seal re-identification key…", self.seal)
        self.last_result = None
        self._announced: set[str] = set()
        window.project_opened.connect(self._opened)
        window.project_closed.connect(lambda *_: self._enable(False))
        self._enable(window.project is not None)

    def _opened(self, project: Project) -> None:
        self._enable(True)
        hub_for(project).listen(self._on_event)

    def _on_event(self, change: Change) -> None:
        """The first anonymised import wrote a new key (or started a new series after sealing): say where."""
        project = self.host.project
        created = project.pseudonyms.created_key if project is not None else None
        if not change.documents or created is None or str(created) in self._announced:
            return
        self._announced.add(str(created))
        series = project.pseudonyms.status().series
        again = " A new placeholder series started (the project was sealed before)." if series > 1 else ""
        self.host.show_message(
            f"Re-identification key written to {created}: keep it apart from the project (coders need only "
            f"the project); Tools > Seal destroys it when import is done.{again}", 30_000)

    def _enable(self, on: bool) -> None:
        project = self.host.project
        writable = on and project is not None and not project.readonly
        self.names_action.setEnabled(writable)
        self.seal_action.setEnabled(writable)

    # -- document names
    def check_names(self) -> None:
        project = self.host.project
        if project is None:
            return
        self.host.run_in_background(lambda _progress: name_proposals(project), self.offer_renames,
                                      "Looking for identifiers in document names…")

    def offer_renames(self, proposals) -> int:
        if not proposals:
            QMessageBox.information(self.host.window(), "Document names", "No document name holds an identifier.")
            return 0
        dialog = DocNamesDialog(proposals, self.host.window())
        if not dialog.exec():
            return 0
        try:
            return rename_documents(self.host.project, dialog.chosen())
        except ProjectError as exc:
            self.host.show_error(exc)
            return 0

    # -- seal
    def seal(self) -> bool:
        project = self.host.project
        if project is None:
            return False
        status = project.pseudonyms.status()
        box = QMessageBox(QMessageBox.Icon.Warning, "Seal re-identification key", SEAL_TEXT.format(
            key=status.key_file), QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, self.host.window())
        box.setObjectName("sealConfirm")
        box.button(QMessageBox.StandardButton.Yes).setText("Seal and destroy the key")
        box.setDefaultButton(QMessageBox.StandardButton.Cancel)
        if box.exec() != QMessageBox.StandardButton.Yes:
            return False
        try:
            result = project.pseudonyms.seal()
        except ProjectError as exc:
            self.host.show_error(exc)
            return False
        self.last_result = result
        lines = [f"Sealed. {result.pseudonyms} placeholders stay as they are."]
        lines.append(f"The key {result.key_file} was destroyed." if result.key_destroyed
                     else f"There was no key file of this project at {result.key_file}.")
        lines += [f"{b} (a migration backup) may still hold the old key: delete it when you no longer need it."
                  for b in result.backups_with_old_key]
        QMessageBox.information(self.host.window(), "Sealed", "\n\n".join(lines))
        return True


def install(host: WorkbenchHost) -> PrivacyActions:
    return PrivacyActions(host)
