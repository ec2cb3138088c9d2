"""The search, memo, links and cases panels inside the real main window: docks, navigation, memo saved on close."""

from __future__ import annotations

from qualcoder_cse.core import Project
from qualcoder_cse.ui.main_window import MainWindow
from qualcoder_cse.ui.settings import Settings


def test_panels_in_main_window(qtbot, project_path, passphrase, tmp_path):
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    ext = window.workbench_extensions
    assert {"search", "memos", "links", "cases"} <= set(window.docks)
    assert ext.search_host.panel is None
    project = Project.open(project_path, passphrase, coder="alice")
    window.set_project(project)
    search = ext.search_host.panel
    assert search is not None and ext.cases_host.panel is not None and ext.links_host.panel is not None
    assert search.undo_stack is window.undo_stack

    assert search.run_search('"warning notices"') == 1
    hit = search.model.hits[0]
    search.activate(search.model.index(0, 0))
    doc = project.documents.by_name("Police lead 1")
    assert window.current_document_id == doc.id
    assert window.selection() == (doc.id, hit.start, hit.end)
    assert ext.memo_host.panel.kind == "document" and ext.memo_host.panel.target_id == doc.id

    code = project.codes.by_path("Disruption/Child Abduction Warning Notices")
    search.set_code(code.id)
    dialog = search.preview(code.id, "sentence")
    qtbot.addWidget(dialog)
    search.code_segments(code.id, dialog.selected_segments(), "Code search results")
    assert len(project.codings.list(code_id=code.id)) == 1
    window.undo_stack.undo()
    assert project.codings.list(code_id=code.id) == []

    # a memo on a coding in another document: opening it from the list shows that place, and the pane keeps it
    other = project.documents.by_name("Young people chat")
    coding = project.codings.add(code.id, other.id, 0, 10).coding
    memo = ext.memo_host.panel
    memo.set_target("coding", coding.id)
    memo.editor.setPlainText("Check this against the police account")
    memo.save()
    memo.set_target("document", doc.id)
    memo.search.setText("police account")
    memo.open_row(memo.model.index(0, 0))
    assert window.current_document_id == other.id and window.selection() == (other.id, 0, 10)
    assert (memo.kind, memo.target_id) == ("coding", coding.id)
    assert memo.editor.toPlainText() == "Check this against the police account"
    memo.set_target("document", doc.id)
    memo.editor.setPlainText("Typed just before closing")
    window.close_project()  # the memo is saved before the project closes, not lost
    assert ext.memo_host.panel is None and ext.search_host.panel is None
    with Project.open(project_path, passphrase, readonly=True) as again:
        assert [m.text for m in again.memos.list("document", doc.id)] == ["Typed just before closing"]


def test_code_all_results_through_the_window_thread_and_preview(qtbot, project_path, passphrase, tmp_path):
    from PySide6.QtCore import QTimer
    from PySide6.QtWidgets import QApplication

    from qualcoder_cse.ui.autocode_preview_dialog import AutocodePreviewDialog

    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    project = Project.open(project_path, passphrase, coder="alice")
    window.set_project(project)
    search = window.workbench_extensions.search_host.panel
    assert search.runner is not None
    search.run_search("police")
    code = project.codes.by_path("Young people's perspectives on policing/Willingness to seek police help")
    search.set_code(code.id)
    search.scope_box.setCurrentIndex(search.scope_box.findData("turn"))
    seen = []

    def accept_preview() -> None:
        dialog = QApplication.activeModalWidget()
        if isinstance(dialog, AutocodePreviewDialog):
            seen.append(dialog.model.rowCount())
            dialog.accept()
        else:
            QTimer.singleShot(20, accept_preview)

    QTimer.singleShot(20, accept_preview)
    search.code_all_clicked()  # finds the segments in the window's worker thread, then previews
    qtbot.waitUntil(lambda: len(project.codings.list(code_id=code.id)) == seen[0] if seen else False, timeout=10000)
    texts = sorted(project.codings.text(c) for c in project.codings.list(code_id=code.id))
    # these documents have no speaker turns, so "the speaker turn" falls back to the line
    assert texts == ["P1: The police are good at it now 😀 compared with five years ago.", "yp1: police never listen tbh"]
    window.undo_stack.undo()
    assert project.codings.list(code_id=code.id) == []
    window.close_project()
