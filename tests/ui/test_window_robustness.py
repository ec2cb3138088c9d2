"""Regression tests from driving the window as a demanding researcher: odd sequences must give a plain answer."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import threading
from pathlib import Path

import pytest
from PySide6.QtGui import QUndoStack
from PySide6.QtWidgets import QDialogButtonBox, QLabel

from qualcoder_cse.core import Project
from qualcoder_cse.core.errors import ProjectError
from qualcoder_cse.ui.cases_editor import CasesEditor
from qualcoder_cse.ui.errors import message_for
from qualcoder_cse.ui.link_dialog import LinkDialog
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.new_project_dialog import NewProjectDialog
from qualcoder_cse.ui.passphrase_dialog import PassphraseDialog
from qualcoder_cse.ui.search_panel import SearchPanel


def _collect_errors(window, monkeypatch) -> list[str]:
    errors: list[str] = []
    monkeypatch.setattr(window, "show_error", lambda e: errors.append(e if isinstance(e, str) else message_for(e)))
    return errors


def test_opening_the_demo_again_keeps_it_open_without_a_lock_error(qtbot, settings, tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("HOME", str(tmp_path))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    errors = _collect_errors(window, monkeypatch)
    window.open_demo()
    first = window.project
    assert first is not None and first.is_open
    window.open_demo()  # File > Open the demo while it is open: it was "already open (pid ...)"
    assert errors == []
    assert window.project is first and first.is_open
    assert "already open" in window.statusBar().currentMessage()
    window.close()


@pytest.mark.parametrize(
    ("name", "folder", "expected"),
    [
        ("x" * 300, None, "Try a shorter name"),
        ("study", "FILE", "is a file, not a folder"),
        ("study", "/proc", "Cannot create the project file in /proc"),
        ("a\x00b", None, "Give the project a name"),
        (".qcse", None, "Give the project a name"),
    ],
)
def test_new_project_with_an_impossible_name_or_folder_says_why(qtbot, tmp_path, name, folder, expected):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    where = {None: tmp_path, "FILE": a_file}.get(folder, folder)
    dialog = NewProjectDialog(folder=where)
    qtbot.addWidget(dialog)
    dialog.name.setText(name)
    dialog.pass1.setText("correct horse battery staple")
    dialog.pass2.setText("correct horse battery staple")
    dialog.try_create()  # raised OSError / ValueError / NotADirectoryError before
    assert dialog.project is None
    assert expected in dialog.message.text()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["notes.txt"]  # no half-made file or stale lock


def test_core_create_in_a_file_or_proc_raises_project_error(tmp_path):
    a_file = tmp_path / "notes.txt"
    a_file.write_text("not a folder")
    for path in (a_file / "p.qcse", Path("/proc/p.qcse")):
        with pytest.raises(ProjectError):
            Project.create(path, "correct horse battery staple", framework="none")


def test_opening_a_project_locked_by_another_process_does_not_offer_a_missing_read_only_mode(
    qtbot, tmp_path, project_path, passphrase
):
    path = tmp_path / "shared.qcse"
    shutil.copy(project_path, path)
    holder = subprocess.Popen(
        [sys.executable, "-c", ("import sys, time; from qualcoder_cse.core import Project; "
         "p = Project.open(sys.argv[1], sys.argv[2]); print('open', flush=True); time.sleep(60)"),
         str(path), passphrase],
        stdout=subprocess.PIPE, text=True,
    )
    try:
        assert holder.stdout.readline().strip() == "open"
        dialog = PassphraseDialog(path)
        qtbot.addWidget(dialog)
        dialog.passphrase.setText(passphrase)
        dialog.try_open()
        assert dialog.project is None
        text = dialog.message.text()
        assert "already open" in text and "read-only" not in text
    finally:
        holder.kill()
        holder.wait()


def test_search_pane_explains_itself_before_a_search_and_counts_in_plain_english(qtbot, main_window):
    panel = SearchPanel(main_window.project)
    qtbot.addWidget(panel)
    assert "press Enter" in panel.status.text()  # was an empty table with no word of explanation
    panel.run_search("police")
    text = panel.status.text()
    assert text != "No matches." and "1 documents" not in text and " 1 hits" not in text


def test_pasting_garbage_into_a_number_column_keeps_the_table_clean(qtbot, project):
    editor = CasesEditor(project, QUndoStack())
    qtbot.addWidget(editor)
    ids = [editor.add_case(f"P{i}") for i in range(1, 5)]
    years = editor.add_attribute("Years", "number")
    editor.select_id(ids[0], 1)
    done = editor.paste_text("nan\ninf\n1e400\n" + "x" * 5000 + "\n")
    assert done == 0  # nan / inf / 1e400 were stored as numbers before
    assert [project.attributes.value(years, i) for i in ids] == ["", "", "", ""]
    status = editor.status.text()
    assert "Skipped 4" in status and len(status) < 1000  # the 5,000-character cell was quoted whole


def test_link_dialog_opens_on_two_different_codes_and_explains_a_self_link(qtbot, project):
    first = project.codes.list()[0]
    dialog = LinkDialog(project, from_code_id=first.id)
    qtbot.addWidget(dialog)
    ok = dialog.buttons.button(QDialogButtonBox.StandardButton.Ok)
    assert dialog.to_box.currentData() != first.id and ok.isEnabled()  # opened on a disabled self-link before
    dialog.to_box.setCurrentIndex(dialog.to_box.findData(first.id))
    assert not ok.isEnabled() and "cannot be linked to itself" in dialog.codings_label.text()


def test_an_empty_project_says_how_to_fill_its_panes(qtbot, settings, tmp_path):
    project = Project.create(tmp_path / "empty.qcse", "correct horse battery staple", framework="none", coder="alice")
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.set_project(project)
    window.show()
    qtbot.waitExposed(window)
    assert "File > Import" in window.doc_header.text()  # was a blank "No document open" over empty panes
    hint = window.code_panel.empty_hint
    assert hint.isVisible() and "New code" in hint.text()
    window.code_panel.new_code(None, "First code")
    qtbot.waitUntil(lambda: not hint.isVisible())  # the tree refreshes on the next event-loop turn
    window.undo_stack.undo()
    qtbot.waitUntil(hint.isVisible)
    project.documents.add("Interview 1", "P1: Hello.\n", kind="police")
    qtbot.waitUntil(lambda: window.doc_header.text() == "No document open")
    window.close()


def test_new_code_without_a_project_asks_for_one_instead_of_failing(qtbot, settings, monkeypatch):
    window = MainWindow(settings)
    qtbot.addWidget(window)
    errors = _collect_errors(window, monkeypatch)
    new_code = next(a for a in window.menus["code"].actions() if a.text() == "&New code…")
    new_code.trigger()  # opened the name prompt, then an AttributeError dialog, with no project open
    assert errors == [] and "Open or create a project" in window.statusBar().currentMessage()
    window.close()


def test_closing_the_window_with_jobs_running_stops_them_first_and_drops_their_results(
    qtbot, main_window, monkeypatch
):
    window, project = main_window, main_window.project
    errors = _collect_errors(window, monkeypatch)
    hooked: list[BaseException] = []
    monkeypatch.setattr(sys, "excepthook", lambda _t, exc, _tb: hooked.append(exc))
    seen_open: list[bool] = []
    results: list = []

    def work(progress):
        for step in range(200):
            seen_open.append(project.is_open)
            if not progress(step, 200):
                return "stopped"
            project.codings.count()  # reads the project, as real jobs do
            threading.Event().wait(0.01)
        return "finished"

    def done(result) -> None:
        results.append(result)
        project.codings.count()  # raised AttributeError on the closed project before

    window.run_in_background(work, done, "Working…")
    window.refi_actions._run(work, done, "Merging…")  # REFI jobs were not stopped at all before
    qtbot.waitUntil(lambda: len(seen_open) >= 4)
    window.close()
    qtbot.wait(200)  # let any queued "finished" signal arrive
    assert not project.is_open
    assert all(seen_open) and results == [] and errors == [] and hooked == []


def test_coder_filter_lists_a_coder_whose_codings_arrive_in_another_document(qtbot, main_window):
    window, project = main_window, main_window.project
    other_doc = next(d.id for d in project.documents.list() if d.id != window.current_document_id)
    code_id = next(c.id for c in project.codes.list() if not project.codes.children(c.id))
    with project.transaction():  # what a merge of another coder's project does, in a document not shown
        bob = project.coders.get_or_create("bob")
        project.codings.add(code_id, other_doc, 0, 5, coder=bob.id)
    box = window.coder_filter_box
    qtbot.waitUntil(lambda: box.findText("bob") >= 0)  # only appeared once bob's document was opened


def test_a_hard_linked_project_is_refused_with_advice_the_window_can_follow(qtbot, tmp_path, project_path, passphrase):
    """The refusal said "(cp) ... or open it read-only": a shell command and a mode the window does not have."""
    path = tmp_path / "study.qcse"
    shutil.copy(project_path, path)
    os.link(path, tmp_path / "alias.qcse")
    dialog = PassphraseDialog(path)
    qtbot.addWidget(dialog)
    dialog.passphrase.setText(passphrase)
    dialog.try_open()
    assert dialog.project is None
    text = dialog.message.text()
    assert "2 names on disk" in text and "open the copy here" in text
    assert "read-only" not in text and "(cp)" not in text


def test_a_project_named_by_a_relative_path_shows_its_real_folder(qtbot, tmp_path, project_path, monkeypatch):
    """`qualcoder-cse gui study.qcse` showed "." as the project's folder in the passphrase box."""
    shutil.copy(project_path, tmp_path / "study.qcse")
    monkeypatch.chdir(tmp_path)
    dialog = PassphraseDialog("study.qcse")
    qtbot.addWidget(dialog)
    labels = [w.text() for w in dialog.findChildren(QLabel)]
    assert any(f"<small>{tmp_path}</small>" in t for t in labels), labels
