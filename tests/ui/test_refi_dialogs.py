"""File > Export/Import REFI-QDA and File > Merge in the real main window: menu entries, background work
with progress, the report dialog, opening the imported project, and a merge whose codes reach the tree."""

from __future__ import annotations

import shutil
from pathlib import Path

from PySide6.QtWidgets import QMessageBox

from qualcoder_cse.core import Project
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.refi_dialogs import ImportRefiDialog
from qualcoder_cse.ui.settings import Settings


def _window(qtbot, tmp_path):
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    return window


def _titles(menu) -> list[str]:
    return [a.text() for a in menu.actions()]


def test_export_then_import_through_the_window(qtbot, project_path, passphrase, tmp_path, monkeypatch):
    window = _window(qtbot, tmp_path)
    actions = window.refi_actions
    assert "&Merge another coder's project…" in _titles(window.menus["file"])
    assert "REFI-QDA project or codebook…" in _titles(window.menus["export"])
    assert "REFI-QDA project or codebook…" in _titles(window.menus["import"])
    assert not actions.export_action.isEnabled()  # nothing to export on the start screen
    project = Project.open(project_path, passphrase, coder="alice")
    window.set_project(project)
    assert actions.export_action.isEnabled() and actions.merge_action.isEnabled()
    code = project.codes.by_path("Mine/Emoji", create=True)
    doc = project.documents.by_name("Board focus group")
    project.codings.add(code.id, doc.id, 0, 13)

    out = tmp_path / "out.qdpx"
    actions.export_to(out)
    qtbot.waitUntil(lambda: bool(actions.last_report), timeout=20000)
    assert out.is_file() and actions.last_report[0] == f"wrote {out}"
    assert "codings: 1" in actions.last_report[1]
    assert actions.report_dialog.text.toPlainText().startswith(f"wrote {out}")
    assert project.audit.list(5)[0].action == "export REFI-QDA project"

    dialog = ImportRefiDialog("carol")
    qtbot.addWidget(dialog)
    assert dialog.problem() == "Choose the REFI-QDA file to import."
    dialog.source.setText(str(out))
    dialog.target.setText(str(tmp_path / "imported"))
    dialog.passphrase.setText("a")
    dialog.again.setText("a")
    assert "too short" in dialog.problem()  # the new-project rule, here too
    dialog.passphrase.setText("new secret")
    dialog.again.setText("other")
    assert dialog.problem() == "The two passphrases differ."
    dialog.again.setText("new secret")
    assert dialog.problem() == ""
    assert dialog.values()[4] == "auto"  # anonymised unless the user says the texts already are
    dialog.already.setChecked(True)
    source, target, secret, coder, anonymise = dialog.values()
    assert target.name == "imported.qcse" and anonymise == "off" and coder == "carol"

    monkeypatch.setattr(QMessageBox, "question", lambda *a, **k: QMessageBox.StandardButton.Yes)
    actions.last_report = []
    actions.import_file(source, target, secret, coder, anonymise)
    qtbot.waitUntil(lambda: bool(actions.last_report), timeout=20000)
    assert actions.last_report[0].startswith("imported out.qdpx (project")
    assert actions.last_report[-1] == f"created {target}"
    qtbot.waitUntil(lambda: window.project is not None and window.project.path == target, timeout=5000)
    assert [c.path for c in window.project.codes.list() if c.path.startswith("Mine")] == [
        "Mine",
        "Mine/Emoji",
    ]
    window.close_project()


def test_merge_through_the_window_refreshes_the_code_tree(qtbot, project_path, passphrase, tmp_path):
    other = tmp_path / "bob.qcse"
    shutil.copyfile(project_path, other)
    with Project.open(other, passphrase, coder="bob") as p:
        code = p.codes.by_path("Bob's codes/Hotels", create=True)
        p.codings.add(code.id, p.documents.by_name("Police lead 1").id, 3, 20)
    window = _window(qtbot, tmp_path)
    project = Project.open(project_path, passphrase, coder="alice")
    window.set_project(project)
    seen: list = []
    project.subscribe(seen.append)
    actions = window.refi_actions
    actions.merge_from(other, passphrase)
    qtbot.waitUntil(lambda: bool(actions.last_report), timeout=20000)
    assert actions.last_report[0] == "merged bob.qcse"
    assert "codings added: 1" in actions.last_report[1]
    bob = project.coders.by_name("bob")
    assert len(project.codings.list(coder_id=bob.id)) == 1
    # announced once, on the GUI thread, after the worker ended
    assert len(seen) == 1 and seen[0].codes and seen[0].codings and seen[0].coders
    qtbot.waitUntil(lambda: "Bob's codes" in _all_names(window.code_panel.model), timeout=5000)

    qdc = Path(__file__).resolve().parents[1] / "data" / "refi" / "minimal" / "minimal-codebook.qdc"
    actions.import_codebook(qdc)
    assert "codes added: 2" in actions.last_report[1]
    qtbot.waitUntil(lambda: "Barriers" in _all_names(window.code_panel.model), timeout=5000)
    window.close_project()


def _all_names(model) -> set[str]:
    names: set[str] = set()

    def walk(parent) -> None:
        for row in range(model.rowCount(parent)):
            index = model.index(row, 0, parent)
            names.add(str(model.data(index)))
            walk(index)

    from PySide6.QtCore import QModelIndex

    walk(QModelIndex())
    return names
