"""Typed change events (core.changes, ui.change_hub): a click updates only what it touched, a burst of
writes reaches the panels once, and a write on a worker thread reaches them on the GUI thread."""

from __future__ import annotations

import threading

from PySide6.QtCore import QItemSelectionModel, QThread
from PySide6.QtWidgets import QApplication

from qualcoder_cse.core.changes import Change
from qualcoder_cse.ui.change_hub import hub_for


def _codable(w):
    return [c for c in w.project.codes.list() if c.codable]


def test_a_click_recomputes_the_coded_share_of_its_document_only(qtbot, main_window):
    w = main_window
    docs = w.project.documents.list()
    assert len(docs) >= 3
    doc = docs[1]
    w.show_document(doc.id)
    qtbot.wait(10)
    statements: list[str] = []
    w.view.select_cp(0, 12)
    w.project.conn.set_trace_callback(statements.append)
    try:
        w.code_panel.code_activated.emit(_codable(w)[0].id)  # what a click on the code emits
        qtbot.waitUntil(lambda: w.doc_model.data(w.doc_model.index(w.doc_model.row_of(doc.id), 3)) != "0%")
        qtbot.wait(20)  # every deferred update has run
    finally:
        w.project.conn.set_trace_callback(None)
    scans = [s for s in statements if "FROM codings" in s and "ORDER BY document_id, start" in s]
    assert scans and all(f"document_id IN ({doc.id})" in s for s in scans), scans  # not every coding
    counts = [s for s in statements if "count(*) FROM codings" in s]
    assert counts and all("code_id IN (" in s for s in counts), counts  # only the clicked code's count
    assert not any(s.startswith("SELECT id, char_count FROM documents") and "WHERE" not in s for s in statements)


def test_a_burst_of_writes_reaches_each_panel_once(qtbot, main_window):
    w = main_window
    hub = hub_for(w.project)
    seen: list[Change] = []
    hub.listen(seen.append)
    resets: list[int] = []
    w.doc_model.modelReset.connect(lambda: resets.append(1))
    doc = w.project.documents.list()[0]
    code = _codable(w)[0]
    for i in range(50):
        w.project.codings.add(code.id, doc.id, i, i + 3)
    assert seen == []  # nothing yet: the panels hear at the GUI thread's next turn
    qtbot.waitUntil(lambda: len(seen) == 1)
    qtbot.wait(30)
    assert len(seen) == 1 and len(seen[0].coding_ids) == 50
    assert seen[0].document_ids == {doc.id} and seen[0].code_ids == {code.id}
    assert resets == []  # the document list updated one cell, it did not reload
    row = w.code_panel.model.index_of(code.id, 1)
    assert w.code_panel.model.counts[code.id] == len(w.project.codings.list(code_id=code.id)) and row.isValid()
    hub.stop(seen.append)


def test_a_write_on_a_worker_thread_reaches_the_panels_on_the_gui_thread(qtbot, main_window):
    w = main_window
    doc = w.project.documents.list()[0]
    code = _codable(w)[0]
    w.show_document(doc.id)
    gui = QApplication.instance().thread()
    threads: list[bool] = []
    hub = hub_for(w.project)
    record = lambda _change: threads.append(QThread.currentThread() is gui)
    hub.listen(record)
    hub.immediate.connect(record)
    worker = threading.Thread(target=lambda: w.project.codings.add(code.id, doc.id, 5, 25))
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(threads) == 2)
    assert threads == [True, True]
    qtbot.waitUntil(lambda: any(r[3:] == (5, 25) for r in w.project.codings.spans(doc.id))
                    and 5 in [s for s, _e in _painted(w)])
    hub.stop(record)
    hub.immediate.disconnect(record)


def _painted(w) -> list[tuple[int, int]]:
    coding_ids = set(w.view.coding_ids_at(5))
    return [(c.start, c.end) for c in w.project.codings.get_many(sorted(coding_ids))]


def test_the_coded_segments_list_reads_only_the_clicked_document_and_ends_as_a_full_read(qtbot, main_window):
    w = main_window
    code = _codable(w)[0]
    docs = w.project.documents.list()
    for d in docs:  # segments of the code in every document
        w.project.codings.add(code.id, d.id, 0, 10)
    ext = w.segments_extension
    ext.show_codes([code.id])
    panel = ext.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(docs))
    doc = docs[-1]
    w.show_document(doc.id)
    w.view.select_cp(20, 40)
    qtbot.wait(20)  # the setup's own changes have reached the panels
    panel.view.selectRow(0)
    panel.view.selectionModel().select(panel.model.index(len(docs) - 1, 0),
                                       QItemSelectionModel.SelectionFlag.Select | QItemSelectionModel.SelectionFlag.Rows)
    chosen = sorted(s.coding_id for s in panel.selected_segments())
    assert len(chosen) == 2  # the first row and the last
    statements: list[str] = []
    w.project.conn.set_trace_callback(statements.append)
    try:
        w.code_panel.code_activated.emit(code.id)
        qtbot.waitUntil(lambda: panel.model.rowCount() == len(docs) + 1)
    finally:
        w.project.conn.set_trace_callback(None)
    listed = [s for s in statements if "FROM codings c WHERE c.code_id IN" in s]
    assert listed and all(f"c.document_id IN ({doc.id})" in s for s in listed), listed
    assert panel.model.segments == w.project.segments.list(panel.query())  # the same as reading it all again
    assert sorted(s.coding_id for s in panel.selected_segments()) == chosen  # the selection stayed


def test_a_write_just_before_the_project_closes_reaches_no_panel(qtbot, project_path, passphrase):
    from qualcoder_cse.core import Project

    project = Project.open(project_path, passphrase, coder="alice")
    hub = hub_for(project)
    seen: list[Change] = []
    hub.listen(seen.append)
    doc = project.documents.list()[0]
    code = next(c for c in project.codes.list() if c.codable)
    project.codings.add(code.id, doc.id, 0, 5)
    project.close()  # in the same turn: the merged update would make panels read a closed project
    qtbot.wait(30)
    assert seen == []
    hub.stop(seen.append)
