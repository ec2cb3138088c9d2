"""File > New, Open, Open recent and the demo: each ends in ``window.set_project`` with the project open, or
says plainly why not (a missing file, a wrong passphrase) and changes nothing."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtWidgets import QFileDialog

from ..core.project import Project
from ..demo import DEMO_PASSPHRASE, ensure_demo_project
from .new_project_dialog import NewProjectDialog
from .passphrase_dialog import PassphraseDialog

if TYPE_CHECKING:
    from .main_window import MainWindow


def _is_open(window: MainWindow, path: str | Path) -> bool:
    return window.project is not None and Path(path).resolve() == Path(window.project.path).resolve()


def new_project(window: MainWindow) -> None:
    dlg = NewProjectDialog(coder=window.settings.last_coder(), parent=window)
    if dlg.exec() and dlg.project is not None:
        window.set_project(dlg.project)


def choose_and_open(window: MainWindow) -> None:
    recent = window.settings.recent_projects()
    start = str(Path(recent[0]).parent) if recent else ""
    path, _ = QFileDialog.getOpenFileName(window, "Open project", start, "QualCoder-CSE projects (*.qcse)")
    if path:
        open_path(window, path)


def open_path(window: MainWindow, path: str) -> bool:
    if _is_open(window, path):
        window.show_message("That project is already open.", 4000)
        return True
    if not Path(path).exists():
        window.show_error(f"The project file {path} was not found; it may have been moved or deleted.")
        window.settings.remove_recent(path)
        window.start_screen.set_recent(window.settings.recent_projects())
        return False
    dlg = PassphraseDialog(path, coder=window.settings.last_coder(), parent=window)
    if dlg.exec() and dlg.project is not None:
        window.set_project(dlg.project)
        return True
    return False


def open_demo(window: MainWindow) -> None:
    try:
        path, passphrase = ensure_demo_project()
        if _is_open(window, path):
            window.show_message("The demo is already open.", 4000)
            return
        coder = window.settings.last_coder() or "alice"
        window.set_project(Project.open(path, passphrase or DEMO_PASSPHRASE, coder=coder))
    except Exception as exc:  # noqa: BLE001 - shown plainly
        window.show_error(exc)


def fill_recent_menu(window: MainWindow) -> None:
    menu = window.recent_menu
    menu.clear()
    for p in window.settings.recent_projects():
        menu.addAction(p, lambda p=p: open_path(window, p))
    if menu.isEmpty():
        menu.addAction("(none)").setEnabled(False)
