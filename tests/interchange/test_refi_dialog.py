"""The window's REFI export options: the dialog, driven with qtbot, reaches the written file."""

from __future__ import annotations

import zipfile

from PySide6.QtCore import Qt

from qualcoder_cse.core import Project
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.refi_export_dialog import RefiExportOptionsDialog
from qualcoder_cse.ui.settings import Settings


def test_options_dialog_warns_of_repeated_names_and_its_choices_reach_the_file(
    qtbot, project_path, passphrase, tmp_path
):
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    project = Project.open(project_path, passphrase, coder="alice")
    window.set_project(project)
    a = project.codes.by_path("Detection/Barriers", create=True)
    project.codes.by_path("Support/Barriers", create=True)
    doc = project.documents.by_name("Board focus group")
    text = project.documents.text(doc.id)
    emoji = text.index("😀")
    project.codings.add(a.id, doc.id, emoji + 2, emoji + 10)

    dialog = RefiExportOptionsDialog(project, window)
    qtbot.addWidget(dialog)
    dialog.show()
    assert dialog.warning.isVisible() and "Barriers" in dialog.warning.text()
    assert dialog.options().positions == "code points" and not dialog.options().unique_code_names
    dialog.positions.setCurrentIndex(dialog.positions.findData("utf16"))
    qtbot.mouseClick(dialog.unique, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(dialog.case_codes, Qt.MouseButton.LeftButton)
    options = dialog.options()
    assert options.positions == "utf16" and options.unique_code_names and options.case_codes
    dialog.grab().save(str(tmp_path / "refi_options.png"))

    actions = window.refi_actions
    out = tmp_path / "out.qdpx"
    actions.export_to(out, options)
    qtbot.waitUntil(lambda: bool(actions.last_report), timeout=20000)
    with zipfile.ZipFile(out) as zf:
        qde = zf.read("project.qde").decode("utf-8")
    assert 'name="Barriers (Detection)"' in qde and 'name="Barriers (Support)"' in qde
    assert f'startPosition="{emoji + 3}"' in qde  # the emoji counts two UTF-16 units
    assert not any(line.startswith("warning:") for line in actions.last_report)

    actions.last_report = []
    actions.export_to(tmp_path / "plain.qdpx")
    qtbot.waitUntil(lambda: bool(actions.last_report), timeout=20000)
    assert any(line.startswith("warning:") and "Barriers" in line for line in actions.last_report)
    window.close()
