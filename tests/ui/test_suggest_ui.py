"""Suggest codings on the real window: the model passes Qt's model tester; code passages in the window,
train in the worker, see the suggestions listed and marked in the text, accept one and undo it, reject all
(one undo step), and a cancelled training leaves the list as it was."""

from __future__ import annotations

from PySide6.QtCore import QItemSelectionModel

from qualcoder_cse.suggest.manager import Suggestion
from qualcoder_cse.ui.suggest_model import SuggestionsModel
from tests.suggest_material import HOTELS, build


def test_model_passes_the_qt_model_tester(qtmodeltester):
    model = SuggestionsModel()
    items = [Suggestion(1, "A/B", 1, f"Doc {i}", i, i + 5, f"text {i}", 0.5 + i / 100) for i in range(6)]
    model.set_items(items)
    qtmodeltester.check(model)
    model.sort(3)
    qtmodeltester.check(model)
    model.remove(items[:2])
    assert model.rowCount() == 4


def _panel(w):
    panel = w.suggest_extension.show_panel()
    assert panel is not None
    return panel


def _run(qtbot, panel):
    panel.run_button.click()
    qtbot.waitUntil(lambda: panel._thread is None, timeout=60_000)


def test_code_train_accept_undo_in_the_window(qtbot, main_window):
    w = main_window
    doc_ids = build(w.project, documents=10, coded=7, coder="alice")
    hotels = w.project.codes.by_path(HOTELS)
    # code a few more passages the way a researcher does: select in the view, apply the code
    w.show_document(doc_ids[7])
    text = w.project.documents.text(doc_ids[7])
    for phrase in ("hotel",):
        a = text.find(phrase)
        if a >= 0:
            start = text.rfind(" ", 0, text.rfind(".", 0, a) + 1) + 1 if text.rfind(".", 0, a) > 0 else 4
            end = text.index(".", a) + 1
            w.view.select_cp(start, end)
            assert w.coding.apply_code(hotels.id)
    # suggest in the document open
    w.show_document(doc_ids[9])
    panel = _panel(w)
    panel.scope_box.setCurrentIndex(0)
    _run(qtbot, panel)
    assert panel.model.rowCount() > 0, panel.status.text()
    assert "suggestion(s)" in panel.status.text()
    assert panel.trust_table.rowCount() >= 2
    assert w.view.extraSelections(), "suggestions are marked in the text"
    assert len(w.view.extraSelections()) == len(panel.spans_in(doc_ids[9]))

    first = panel.model.items[0]
    flags = QItemSelectionModel.SelectionFlag.ClearAndSelect | QItemSelectionModel.SelectionFlag.Rows
    panel.view.selectionModel().setCurrentIndex(panel.model.index(0, 0), flags)
    rows = panel.model.rowCount()
    before = w.project.codings.count()
    panel.accept_button.click()
    assert w.project.codings.count() == before + 1
    made = [c for c in w.project.codings.list(document_id=first.document_id)
            if (c.code_id, c.start, c.end) == (first.code_id, first.start, first.end)]
    assert len(made) == 1 and w.project.coders.get(made[0].coder_id).name == "alice"
    assert any(e.action == "accept suggestion" and e.target_id == made[0].id for e in w.project.audit.list(20))
    assert panel.model.rowCount() == rows - 1 and first not in panel.model.items

    w.undo_stack.undo()
    assert w.project.codings.count() == before
    assert first in panel.model.items and panel.model.rowCount() == rows
    w.undo_stack.redo()
    assert w.project.codings.count() == before + 1
    w.undo_stack.undo()

    # reject everything listed: one undo step
    left = list(panel.model.items)
    index = w.undo_stack.index()
    panel.reject_all_button.click()
    assert panel.model.rowCount() == 0 and w.project.suggestions.rejected_count() == len(left)
    assert w.undo_stack.index() == index + 1
    assert not w.view.extraSelections()
    w.undo_stack.undo()
    assert w.project.suggestions.rejected_count() == 0 and panel.model.rowCount() == len(left)


def test_cancel_keeps_the_list(qtbot, main_window):
    w = main_window
    doc_ids = build(w.project, documents=8, coded=6, coder="alice")
    w.show_document(doc_ids[7])
    panel = _panel(w)
    _run(qtbot, panel)
    listed = list(panel.model.items)
    panel.run_button.click()
    panel.cancel()
    qtbot.waitUntil(lambda: panel._thread is None, timeout=60_000)
    assert panel.status.text().startswith("Cancelled")  # the worker checks the flag before each code
    assert panel.model.items == listed and panel.run_button.isEnabled() and panel.progress.isHidden()


def test_one_code_across_the_project_and_chosen_documents(qtbot, main_window):
    w = main_window
    doc_ids = build(w.project, documents=10, coded=7, coder="alice")
    hotels = w.project.codes.by_path(HOTELS)
    panel = _panel(w)
    panel.scope_box.setCurrentIndex(2)
    panel.pick_code = lambda: hotels.id
    _run(qtbot, panel)
    items = list(panel.model.items)
    assert items and {s.code_id for s in items} == {hotels.id}
    assert {s.document_id for s in items} & set(doc_ids[7:])  # documents nobody coded
    panel.scope_box.setCurrentIndex(1)
    panel.documents = [doc_ids[8]]
    _run(qtbot, panel)
    assert panel.model.items and {s.document_id for s in panel.model.items} == {doc_ids[8]}
    # the marks follow the document shown
    w.show_document(doc_ids[8])
    assert len(w.view.extraSelections()) == len(panel.spans_in(doc_ids[8])) > 0
    w.show_document(doc_ids[0])
    assert not w.view.extraSelections()


def test_nothing_coded_yet_is_said_in_the_panel(qtbot, main_window):
    w = main_window
    doc = w.project.documents.add("Uncoded", "DI: We went to the hotel that night with the team.\n", kind="police")
    for c in w.project.codings.list():
        w.project.codings.remove(c.id)
    w.show_document(doc.id)
    panel = _panel(w)
    _run(qtbot, panel)
    assert "no coded passages" in panel.status.text() and panel.model.rowCount() == 0
    assert panel.run_button.isEnabled()


def test_closing_the_project_while_training(qtbot, main_window):
    w = main_window
    build(w.project, documents=10, coded=8, coder="alice")
    panel = _panel(w)
    panel.scope_box.setCurrentIndex(2)
    panel.pick_code = lambda: w.project.codes.by_path(HOTELS).id
    panel.run_button.click()
    assert panel._thread is not None
    w.close_project()
    assert w.suggest_extension.panel is None and not w.view.extraSelections()
