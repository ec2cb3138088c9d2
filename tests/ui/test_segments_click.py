"""The coded-segments list on a click: the rows of the clicked document are found by bisection and put back
in place, the code tree is not read again (the panel keeps the codes until a change of codes), and a
passage cell shows no more characters than can show, painted exactly as the whole passage would be."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtWidgets import QApplication

from qualcoder_cse.ui.segments_model import COL_TEXT


def _settle() -> None:
    for _ in range(4):
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def _panel(qtbot, w, code_id):
    ext = w.segments_extension
    ext.show_codes([code_id])
    panel = ext.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == len(w.project.segments.list(panel.query())))
    return panel


def test_clicks_in_listed_and_new_documents_end_as_a_full_read_without_reading_the_code_tree(qtbot, main_window):
    w = main_window
    code = next(c for c in w.project.codes.list() if c.codable)
    docs = w.project.documents.list()
    for d in docs[::2]:  # every other document has segments of the code, two each
        w.project.codings.add(code.id, d.id, 0, 10)
        w.project.codings.add(code.id, d.id, 30, 45)
    panel = _panel(qtbot, w, code.id)
    middle = docs[len(docs) // 2 // 2 * 2]  # listed already, rows above and below it
    new = docs[1]  # not listed yet
    for doc, (start, end) in ((middle, (12, 20)), (new, (5, 25)), (middle, (50, 70))):
        w.show_document(doc.id)
        w.view.select_cp(start, end)
        statements: list[str] = []
        w.project.conn.set_trace_callback(statements.append)
        try:
            w.code_panel.code_activated.emit(code.id)
            _settle()
        finally:
            w.project.conn.set_trace_callback(None)
        assert panel.model.segments == w.project.segments.list(panel.query())
        assert not [s for s in statements if "FROM codes" in s and "WHERE id =" not in s], statements
        docs_listed = len({s.document_id for s in panel.model.segments})
        assert panel.count_label.text() == f"{len(panel.model.segments)} segments in {docs_listed} documents"
    w.undo_stack.undo()  # the middle document's last coding goes: its rows shrink in place
    _settle()
    assert panel.model.segments == w.project.segments.list(panel.query())
    w.project.codes.rename(code.id, "Renamed by the test")  # a change of codes: read again
    qtbot.waitUntil(lambda: all(s.code_path.endswith("Renamed by the test") for s in panel.model.segments))
    panel.view.selectionModel().select(panel.model.index(0, 0), QItemSelectionModel.SelectionFlag.ClearAndSelect
                                       | QItemSelectionModel.SelectionFlag.Rows)
    assert panel.selected_segments()[0] == panel.model.segments[0]


def test_a_long_passage_cell_looks_as_if_it_held_the_whole_passage(qtbot, main_window):
    w = main_window
    long_text = " ".join(f"word{i} and a little more" for i in range(120))  # ASCII, far wider than a cell
    doc = w.project.documents.add("Long passage", long_text)
    code = next(c for c in w.project.codes.list() if c.codable)
    w.project.codings.add(code.id, doc.id, 0, len(long_text))
    panel = _panel(qtbot, w, code.id)
    row = next(i for i, s in enumerate(panel.model.segments) if s.document_id == doc.id)
    panel.view.scrollTo(panel.model.index(row, COL_TEXT))
    _settle()
    shown = panel.model.index(row, COL_TEXT).data(Qt.ItemDataRole.DisplayRole)
    assert panel.model.passage_chars < 200 and len(shown) == panel.model.passage_chars < len(long_text)
    rect = panel.view.visualRect(panel.model.index(row, COL_TEXT))
    fitted = panel.view.viewport().grab(rect).toImage()
    panel.model.passage_chars = 200  # as before: Qt elides 200 characters
    panel.view.viewport().update()
    _settle()
    assert panel.view.viewport().grab(rect).toImage() == fitted
    panel.view.setColumnWidth(0, 40)  # a wider passage column gets more characters
    _settle()
    assert len(panel.model.index(row, COL_TEXT).data(Qt.ItemDataRole.DisplayRole)) > len(shown)
