"""The coded-segments dock on the real window: open from the menu and the tree, AND/OR/NOT and filters
against the codings table, jump to a passage, recode and uncode with undo, the list following new codings,
export read back, and word frequency from the list."""

from __future__ import annotations

from docx import Document
from openpyxl import load_workbook
from PySide6.QtCore import QItemSelectionModel, Qt
from PySide6.QtGui import QGuiApplication

from qualcoder_cse.analysis.word_frequency import WordCount
from qualcoder_cse.core.segments import SegmentQuery
from qualcoder_cse.ui.segments_model import CODING_ID_ROLE, SegmentsModel
from qualcoder_cse.ui.word_frequency_model import WordFrequencyModel

CAWN = "Disruption/Child Abduction Warning Notices"
HOTELS = "Disruption/Premises, hotels and licensed venues"


def _code_at(w, path, phrase, doc_name="Police lead 1", coder=None):
    doc = w.project.documents.by_name(doc_name)
    text = w.project.documents.text(doc.id)
    a = text.index(phrase)
    if coder:
        return w.project.codings.add(w.project.codes.by_path(path).id, doc.id, a, a + len(phrase), coder=coder).coding
    w.show_document(doc.id)
    w.view.select_cp(a, a + len(phrase))
    assert w.coding.apply_code(w.project.codes.by_path(path).id)
    return next(c for c in w.project.codings.list(document_id=doc.id) if c.start == a)


def _select(panel, row: int) -> None:
    """Select one row whatever modifier state the last synthetic key left behind."""
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    panel.view.selectionModel().setCurrentIndex(panel.model.index(row, 0), flags)


def _listed(panel) -> set[int]:
    return {panel.model.index(r, 0).data(CODING_ID_ROLE) for r in range(panel.model.rowCount())}


def _table(w, code_ids, mode="or", children=False, coders=None) -> set[int]:
    """What the codings table says, computed here from raw rows (the reference for the list)."""
    rows = w.project.conn.execute('SELECT id, code_id, document_id, start, "end", coder_id FROM codings').fetchall()
    if coders:
        rows = [r for r in rows if r[5] in coders]
    sets = [set(w.project.codes.descendants(c)) if children else {c} for c in code_ids]
    groups = [[r for r in rows if r[1] in s] for s in sets]

    def hits(r, group):
        return any(r[2] == o[2] and r[3] < o[4] and o[3] < r[4] for o in group)

    if mode == "or":
        return {r[0] for g in groups for r in g}
    if mode == "not":
        return {r[0] for r in groups[0] if not any(hits(r, g) for g in groups[1:])}
    return {r[0] for i, g in enumerate(groups) for r in g
            if all(hits(r, o) for j, o in enumerate(groups) if j != i)}


def _setup(w):
    cawn = _code_at(w, CAWN, "Child Abduction Warning Notices")
    hotels = _code_at(w, HOTELS, "we visit hotels with licensing")
    both = _code_at(w, HOTELS, "Child Abduction Warning", coder="bob")
    _code_at(w, CAWN, "Information sharing is patchy", doc_name="Board focus group", coder="bob")
    return cawn, hotels, both


def test_models_pass_the_qt_model_tester(qtmodeltester, project):
    theme = project.codes.by_path("Disruption")
    doc = project.documents.by_name("Police lead 1")
    project.codings.add(theme.id, doc.id, 0, 20)
    model = SegmentsModel()
    model.set_segments(project.segments.list(SegmentQuery((theme.id,))), {theme.id: "#ff0000"})
    qtmodeltester.check(model)
    words = WordFrequencyModel()
    words.set_words([WordCount("police", 3, 0.5, 1), WordCount("hotel", 3, 0.5, 2)])
    qtmodeltester.check(words)


def test_open_from_menu_and_tree_modes_filters(qtbot, main_window):
    w = main_window
    cawn, hotels, both = _setup(w)
    ext = w.segments_extension
    w.code_panel.select_code(cawn.code_id)
    next(a for a in w.menus["code"].actions() if a.text() == "Show coded &segments").trigger()
    panel = ext.panel
    assert ext.dock.isVisible() and panel.code_ids == [cawn.code_id]
    assert _listed(panel) == _table(w, [cawn.code_id]) and len(_listed(panel)) == 2
    assert panel.count_label.text() == "2 segments in 2 documents"
    # the theme by a double-click in the tree, with its children
    theme = w.project.codes.by_path("Disruption").id
    w.code_panel.view.doubleClicked.emit(w.code_panel.proxy_index_of(theme))
    assert panel.code_ids == [theme] and _listed(panel) == _table(w, [theme], children=True)
    assert len(_listed(panel)) == 4
    panel.children_box.setChecked(False)
    assert _listed(panel) == set()
    panel.children_box.setChecked(True)
    # AND / NOT of two codes
    panel.set_codes([cawn.code_id, hotels.code_id], "and")
    assert _listed(panel) == _table(w, [cawn.code_id, hotels.code_id], "and", True) == {cawn.id, both.id}
    panel.mode_box.setCurrentIndex(panel.mode_box.findData("not"))
    assert _listed(panel) == _table(w, [cawn.code_id, hotels.code_id], "not", True) != set()
    panel.mode_box.setCurrentIndex(panel.mode_box.findData("or"))
    # filters: coder, document, kind
    bob = w.project.coders.by_name("bob").id
    panel.filters.choose(panel.filters.coder_box, bob)
    assert _listed(panel) == _table(w, [cawn.code_id, hotels.code_id], "or", True, {bob}) and len(_listed(panel)) == 2
    board = w.project.documents.by_name("Board focus group").id
    panel.filters.choose(panel.filters.document_box, board)
    assert len(_listed(panel)) == 1
    panel.filters.choose(panel.filters.kind_box, "police")
    assert _listed(panel) == set()
    for box in (panel.filters.coder_box, panel.filters.document_box, panel.filters.kind_box):
        box.setCurrentIndex(0)
    assert len(_listed(panel)) == 4


def test_jump_recode_uncode_and_follow_changes(qtbot, main_window):
    w = main_window
    cawn, hotels, _both = _setup(w)
    panel = w.segments_extension.panel
    w.segments_extension.show_codes([cawn.code_id])
    board = w.project.documents.by_name("Board focus group")
    row = next(r for r in range(panel.model.rowCount()) if panel.model.index(r, 0).data() == "Board focus group")
    _select(panel, row)
    assert "Information sharing is patchy" in panel.passage.toPlainText()
    rect = panel.view.visualRect(panel.model.index(row, 1))
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())
    seg = panel.current_segment()
    assert w.current_document_id == board.id and w.view.selection_cp() == (seg.start, seg.end)
    assert panel.view.hasFocus()
    # Ctrl+C in the list copies the passages with their sources (an explicit copy)
    qtbot.keyClick(panel.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert QGuiApplication.clipboard().text() == (
        f"“Information sharing is patchy” ({seg.source}; {CAWN}; bob)")
    # recode the selected segment, then undo
    _select(panel, row)
    assert panel.recode_selected(hotels.code_id)
    assert w.project.codings.get(seg.coding_id).code_id == hotels.code_id
    qtbot.waitUntil(lambda: seg.coding_id not in _listed(panel))
    w.undo_stack.undo()
    assert w.project.codings.get(seg.coding_id).code_id == cawn.code_id
    qtbot.waitUntil(lambda: seg.coding_id in _listed(panel))
    # uncode keeps the memo for undo
    w.project.memos.add("coding", seg.coding_id, "why this counts")
    row = next(r for r in range(panel.model.rowCount()) if panel.model.index(r, 0).data(CODING_ID_ROLE) == seg.coding_id)
    _select(panel, row)
    assert panel.uncode_selected()
    assert seg.coding_id not in {c.id for c in w.project.codings.list()}
    qtbot.waitUntil(lambda: seg.coding_id not in _listed(panel))
    w.undo_stack.undo()
    assert [m.text for m in w.project.memos.list("coding", seg.coding_id)] == ["why this counts"]
    qtbot.waitUntil(lambda: seg.coding_id in _listed(panel))
    # a new coding in the document view appears in the list
    made = _code_at(w, CAWN, "integrated team")
    qtbot.waitUntil(lambda: made.id in _listed(panel))
    assert _listed(panel) == _table(w, [cawn.code_id])


def test_export_and_word_frequency_from_the_list(qtbot, main_window, tmp_path):
    w = main_window
    cawn, _hotels, _both = _setup(w)
    panel = w.segments_extension.panel
    w.segments_extension.show_codes([cawn.code_id])
    out = tmp_path / "cawn.xlsx"
    panel.export_clicked("xlsx", str(out))
    qtbot.waitUntil(lambda: out.exists() and "cawn.xlsx" in panel.count_label.text(), timeout=30_000)
    rows = list(load_workbook(out)["Segments"].values)
    assert {r[8] for r in rows[1:]} == {"Child Abduction Warning Notices", "Information sharing is patchy"}
    assert all(r[12].startswith(r[0]) for r in rows[1:])  # the source names the document
    docx = tmp_path / "cawn.docx"
    panel.export_clicked("docx", str(docx))
    qtbot.waitUntil(lambda: docx.exists() and "cawn.docx" in panel.count_label.text(), timeout=30_000)
    assert any("Police lead 1" in p.text for p in Document(str(docx)).paragraphs)
    # word frequency of the listed segments, sorted by word
    panel.words_button.click()
    dlg = w.segments_extension.word_dialog  # deletes itself on close
    assert dlg.from_segments.isChecked()
    dlg.count_button.click()
    qtbot.waitUntil(lambda: dlg.model.rowCount() > 0, timeout=10_000)
    words = {dlg.model.index(r, 0).data() for r in range(dlg.model.rowCount())}
    assert {"child", "abduction", "warning", "notices", "information", "sharing", "patchy"} == words
    dlg.table.sortByColumn(0, Qt.SortOrder.AscendingOrder)
    assert dlg.proxy.index(0, 0).data() == "abduction"
    csv_out = tmp_path / "words.csv"
    dlg.export(str(csv_out))
    assert csv_out.read_text(encoding="utf-8-sig").splitlines()[0] == "Word,Count,Share of words,Documents"
    dlg.close()


def test_a_deleted_code_leaves_the_list_cleanly(qtbot, main_window):
    w = main_window
    cawn, _hotels, _both = _setup(w)
    panel = w.segments_extension.panel
    w.segments_extension.show_codes([cawn.code_id])
    assert len(_listed(panel)) == 2
    assert w.code_panel.delete_code(cawn.code_id, confirm=False)
    qtbot.waitUntil(lambda: panel.model.rowCount() == 0)
    assert panel.code_ids == [] and "Choose a code" in panel.count_label.text()


def test_word_frequency_from_the_tools_menu(qtbot, main_window):
    w = main_window
    _setup(w)
    doc = w.project.documents.by_name("Police lead 1")
    w.show_document(doc.id)
    next(a for a in w.menus["tools"].actions() if a.text() == "&Word frequency…").trigger()
    dlg = w.segments_extension.word_dialog
    assert dlg.some_docs.isChecked() and not dlg.from_segments.isEnabled()
    ticked = [dlg.doc_list.item(i).text() for i in range(dlg.doc_list.count())
              if dlg.doc_list.item(i).checkState() == Qt.CheckState.Checked]
    assert ticked == ["Police lead 1"]
    dlg.count_button.click()
    qtbot.waitUntil(lambda: dlg.model.rowCount() > 0, timeout=10_000)
    words = {dlg.model.index(r, 0).data(): int(dlg.model.index(r, 1).data()) for r in range(dlg.model.rowCount())}
    assert words["team"] == 2 and "int" not in words and "di" not in words and "the" not in words
    assert "Police lead 1" not in dlg.summary.text() and "1 document" in dlg.summary.text()
    dlg.close()
