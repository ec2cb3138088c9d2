"""Before the window writes a file that is not encrypted (a workbook without a password, a Word briefing,
CSV, REFI-QDA, coded segments, word frequencies): one confirmation saying so; and after it, the audit record
(what, where, encrypted or not; never content). The words are the CLI's (``exporters.safe_write``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtWidgets import QMessageBox, QWidget

from ..exporters.safe_write import audit_export, clear_warning

if TYPE_CHECKING:
    from ..core.project import Project


def confirm_clear_export(parent: QWidget | None, items: list[tuple[str, str]]) -> bool:
    """Ask before writing the clear files ``items`` [(what, path)]; True to go on. Cancel is the default."""
    if not items:
        return True
    text = "\n\n".join(clear_warning(what, path) for what, path in items)
    box = QMessageBox(QMessageBox.Icon.Warning, "Export without encryption", text,
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.Cancel, parent)
    box.setObjectName("clearExportConfirm")
    box.button(QMessageBox.StandardButton.Yes).setText("Export anyway")
    box.setDefaultButton(QMessageBox.StandardButton.Cancel)
    return box.exec() == QMessageBox.StandardButton.Yes


def record_export(project: Project, what: str, path, encrypted: bool) -> None:
    """The audit row, on the GUI thread (the project's connection is not shared with a worker mid-write)."""
    audit_export(project, what, path, encrypted)
