"""The main window's own menus (File, Edit, Code, View, Tools, Help) and its Help boxes; features add their
actions to these menus through the ``WorkbenchHost`` protocol (``host.menu(name)``)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QMessageBox

from .. import __version__
from . import project_opening

if TYPE_CHECKING:
    from .main_window import MainWindow

SHORTCUTS = (
    "1-9\tapply a recent code to the selected text\n"
    "Ctrl+K\tapply a code: type part of its name, Enter\n"
    "Ctrl+Z\tundo\nCtrl+Shift+Z\tredo\n"
    "Ctrl+Shift+R\tremove the coding chosen in Details\n"
    "Ctrl+Shift+F\tfit that coding to the selection\n"
    "Ctrl+Shift+N\tnew code\nF2\trename the code selected in the tree\n"
    "Ctrl+C\tcopy the selected text (the only way text reaches the clipboard)\n"
    "Ctrl+L\tlock the window now"
)


def build_menus(w: MainWindow) -> None:
    bar = w.menuBar()
    for key, title in (("file", "&File"), ("edit", "&Edit"), ("code", "&Code"), ("view", "&View"),
                       ("tools", "&Tools"), ("help", "&Help")):
        w.menus[key] = bar.addMenu(title)
    f = w.menus["file"]
    f.addAction("&New project…", w.new_project_dialog, QKeySequence.StandardKey.New)
    f.addAction("&Open project…", lambda: project_opening.choose_and_open(w), QKeySequence.StandardKey.Open)
    f.addAction("Open the &demo", w.open_demo)
    w.recent_menu = f.addMenu("Open &recent")
    w.recent_menu.aboutToShow.connect(lambda: project_opening.fill_recent_menu(w))
    f.addSeparator()
    w.close_action = f.addAction("&Close project", w.close_project, QKeySequence.StandardKey.Close)
    f.addSeparator()
    w.file_separator = f.addSeparator()  # File > Import and Export go above it
    f.addAction("&Quit", w.close, QKeySequence.StandardKey.Quit)

    e = w.menus["edit"]
    w.undo_action = w.undo_stack.createUndoAction(w, "&Undo")
    w.undo_action.setShortcuts(QKeySequence.StandardKey.Undo)
    w.redo_action = w.undo_stack.createRedoAction(w, "&Redo")
    w.redo_action.setShortcuts([QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")])
    e.addAction(w.undo_action)
    e.addAction(w.redo_action)
    e.addSeparator()
    e.addAction("&Copy selected text", w.view.copy_explicit, QKeySequence.StandardKey.Copy).setShortcutContext(
        Qt.ShortcutContext.WidgetShortcut
    )
    e.addAction("Select &all text", w.view.selectAll)

    c, coding = w.menus["code"], w.coding
    c.addAction("&Apply code to selection…", coding.apply_code_dialog, QKeySequence("Ctrl+K"))
    c.addAction("&Remove coding at cursor", coding.remove_current_coding, QKeySequence("Ctrl+Shift+R"))
    c.addAction("&Fit coding to selection", coding.fit_current_coding, QKeySequence("Ctrl+Shift+F"))
    c.addSeparator()
    c.addAction("&New code…", lambda: w.code_panel.new_code(w.code_panel.current_code_id()),
                QKeySequence("Ctrl+Shift+N"))
    c.addAction("Clear recent codes", coding.clear_recent_codes)

    v = w.menus["view"]
    w.coder_menu = v.addMenu("Show codings of")
    v.addSeparator()
    w.view_docks_separator = v.addSeparator()

    t = w.menus["tools"]
    t.addAction("&Lock now", w.lock, QKeySequence("Ctrl+L"))
    t.addAction("Idle lock &settings…", w.idle_settings_dialog)

    h = w.menus["help"]
    h.addAction("&Keyboard shortcuts", lambda: QMessageBox.information(w, "Keyboard shortcuts", SHORTCUTS))
    h.addAction("&About QualCoder-CSE", w.show_about)


def show_about(w: MainWindow) -> None:
    QMessageBox.about(w, "About QualCoder-CSE", f"QualCoder-CSE {__version__}\n\nEncrypted, anonymised, offline "
                      "qualitative coding for policing and CSE research.")
