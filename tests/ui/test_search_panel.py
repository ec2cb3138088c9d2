"""Search panel: results with context, jump to a hit, code all results by sentence as one undo step;
auto-code by speaker."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from qualcoder_cse.core.errors import ProjectError
from qualcoder_cse.ui.autocode_dialog import AutocodeDialog
from qualcoder_cse.ui.search_panel import SearchPanel

FOCUS = (
    "P1: Motels are a problem. We do motel visits with licensing. It works.\n"
    "P2: The motels never call us. Nobody checks.\n"
    "P3: Taxis too.\n"
)


def _focus(project):
    turns, pos = [], 0
    for line in FOCUS.splitlines(keepends=True):
        turns.append((pos + 4, pos + len(line) - 1, line[:2]))
        pos += len(line)
    return project.documents.add("Focus hotels", FOCUS, kind="lscb", turns=turns)


def test_search_code_all_results_by_sentence_and_undo(qtbot, project):
    doc = _focus(project)
    stack = QUndoStack()
    panel = SearchPanel(project, stack)
    qtbot.addWidget(panel)
    panel.show()
    qtbot.keyClicks(panel.query_edit, "motel*")
    qtbot.keyClick(panel.query_edit, Qt.Key.Key_Return)
    hits = [(h.document_name, FOCUS[h.start:h.end]) for h in panel.model.hits]
    assert hits == [("Focus hotels", "Motels"), ("Focus hotels", "motel"), ("Focus hotels", "motels")]
    assert "3 hits in 1 document" in panel.status.text()
    first = panel.model.hits[0]
    assert "Motels are a problem" in first.snippet
    panel.view.grab()  # paints the context delegate

    with qtbot.waitSignal(panel.hitActivated) as signal:
        panel.activate(panel.model.index(1, 2))
    assert signal.args == [doc.id, FOCUS.index("motel visits"), FOCUS.index("motel visits") + 5]

    code = project.codes.by_path("Disruption/Premises, hotels and licensed venues")
    panel.set_code(code.id)
    panel.scope_box.setCurrentIndex(panel.scope_box.findData("sentence"))
    before = project.codings.count()
    dialog = panel.preview(panel.current_code_id(), panel.scope_box.currentData())
    qtbot.addWidget(dialog)
    shown = [dialog.model.index(r, 3).data() for r in range(dialog.model.rowCount())]
    assert shown == ["Motels are a problem.", "We do motel visits with licensing.", "The motels never call us."]
    assert "3 segments (sentence) in 1 documents" in dialog.summary.text()
    made = panel.code_segments(code.id, dialog.selected_segments(), "Code search results")
    assert made == 3 and stack.count() == 1
    coded = sorted(project.codings.text(c) for c in project.codings.list(code_id=code.id))
    assert coded == ["Motels are a problem.", "The motels never call us.", "We do motel visits with licensing."]

    stack.undo()
    assert project.codings.count() == before and project.codings.list(code_id=code.id) == []
    stack.redo()
    assert len(project.codings.list(code_id=code.id)) == 3


def test_preview_can_untick_and_paging(qtbot, project):
    _focus(project)
    panel = SearchPanel(project)
    qtbot.addWidget(panel)
    assert panel.run_search("motels") == 2
    code = project.codes.by_path("Disruption/Premises, hotels and licensed venues")
    dialog = panel.preview(code.id, "turn")
    qtbot.addWidget(dialog)
    assert dialog.model.rowCount() == 2
    dialog.model.setData(dialog.model.index(1, 0), Qt.CheckState.Unchecked.value, Qt.ItemDataRole.CheckStateRole)
    assert panel.code_segments(code.id, dialog.selected_segments(), "x") == 1
    assert [project.codings.text(c) for c in project.codings.list(code_id=code.id)] == [
        "Motels are a problem. We do motel visits with licensing. It works."]
    assert panel.run_search("nothingmatcheshere") == 0 and panel.status.text() == "No matches."
    assert not panel.code_all_button.isEnabled()


def test_autocode_by_speaker_group(qtbot, project):
    doc = _focus(project)
    dialog = AutocodeDialog(project)
    qtbot.addWidget(dialog)
    code = project.codes.by_path("Multi-agency working/Information sharing")
    dialog.set_code(code.id)
    dialog.select_speakers(["P2", "P3"])
    code_id, segments, label = dialog.compute()
    assert code_id == code.id and "P2, P3" in label
    assert [FOCUS[s:e] for _d, s, e in segments] == ["The motels never call us. Nobody checks.", "Taxis too."]
    assert {d for d, _s, _e in segments} == {doc.id}
    dialog.pattern.setText("nobody")
    dialog.scope_box.setCurrentIndex(dialog.scope_box.findData("sentence"))
    _c, segments, _l = dialog.compute()
    assert [FOCUS[s:e] for _d, s, e in segments] == ["Nobody checks."]
    dialog.pattern.setText("(unclosed")
    with pytest.raises(ProjectError, match="regular expression"):
        dialog.request()
    dialog.pattern.clear()
    dialog.select_speakers([])
    with pytest.raises(ProjectError, match="at least one speaker"):
        dialog.request()


def test_autocode_by_case_group(qtbot, project):
    doc = _focus(project)
    group = project.attributes.add("Participant group", type="category", choices=["Police", "LSCB/partner"])
    for speaker, name, value in (("P1", "DS Kerr", "Police"), ("P2", "Nurse Ade", "LSCB/partner"),
                                 ("P3", "Chair", "LSCB/partner")):
        case = project.cases.add(name)
        project.attributes.set_value(group.id, case.id, value)
        project.turns.map_speaker(doc.id, speaker, case.id)
    dialog = AutocodeDialog(project)
    qtbot.addWidget(dialog)
    dialog.group_box.setCurrentIndex(dialog.group_box.findText("Participant group = LSCB/partner"))
    _code, segments, label = dialog.compute()
    assert [FOCUS[s:e] for _d, s, e in segments] == ["The motels never call us. Nobody checks.", "Taxis too."]
    assert "Participant group = LSCB/partner" in label


def test_code_picker_follows_new_codes(qtbot, project):
    panel = SearchPanel(project)
    qtbot.addWidget(panel)
    first = panel.code_box.currentData()
    code = project.codes.add("Hotel watch schemes")
    qtbot.waitUntil(lambda: panel.code_box.findData(code.id) >= 0)
    assert panel.code_box.currentData() == first


def test_results_come_a_page_at_a_time(qtbot, project):
    text = "\n".join(f"P{i % 3 + 1}: the caravan site again, visit {i}." for i in range(130))
    project.documents.add("Caravans", text, kind="fieldnote")
    panel = SearchPanel(project)
    qtbot.addWidget(panel)
    assert panel.run_search("caravan") == 100
    assert panel.status.text().startswith("100+ hits") and not panel.more_button.isHidden()
    assert panel.more() == 30
    assert len(panel.model.hits) == 130 and panel.more_button.isHidden()
    starts = [h.start for h in panel.model.hits]
    assert starts == sorted(starts) and len(set(starts)) == 130
