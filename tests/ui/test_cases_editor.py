"""Cases editor, its table model and the speaker mapping dialog, driven as real widgets."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtGui import QUndoStack

from qualcoder_cse.ui.attribute_dialog import AttributeDialog
from qualcoder_cse.ui.case_table_model import CaseTableModel
from qualcoder_cse.ui.cases_editor import CasesEditor
from qualcoder_cse.ui.speaker_mapping_dialog import SpeakerMappingDialog

FOCUS = "P1: Partners share well.\nP2: Health is patchy.\nP1: The MASH helps.\nP3: Agreed.\n"


def _focus_group(project):
    turns, pos = [], 0
    for line in FOCUS.splitlines(keepends=True):
        turns.append((pos + 4, pos + len(line) - 1, line[:2]))
        pos += len(line)
    return project.documents.add("Board focus group 2", FOCUS, kind="lscb", turns=turns)


def test_create_case_and_attribute_and_set_values(qtbot, project):
    stack = QUndoStack()
    editor = CasesEditor(project, stack)
    qtbot.addWidget(editor)
    case_id = editor.add_case("DI Jones")
    attr_id = editor.add_attribute("Years in post", "number")
    group_id = editor.add_attribute("Group", "category", ["Police", "LSCB/partner"])
    model = editor.model
    row = model.row_of(case_id)
    col = 1 + [a.id for a in model.attributes()].index(attr_id)
    assert model.setData(model.index(row, col), "12", Qt.ItemDataRole.EditRole)
    assert project.attributes.value(attr_id, case_id) == "12"
    assert not model.setData(model.index(row, col), "twelve", Qt.ItemDataRole.EditRole)
    assert "not a number" in model.last_errors[0] and project.attributes.value(attr_id, case_id) == "12"
    gcol = 1 + [a.id for a in model.attributes()].index(group_id)
    assert model.index(row, gcol).data(Qt.UserRole + 2) == ["Police", "LSCB/partner"]
    assert model.setData(model.index(row, gcol), "police", Qt.ItemDataRole.EditRole)
    assert project.attributes.value(group_id, case_id) == "Police"
    assert model.index(row, gcol).data() == "Police"
    stack.undo()
    assert project.attributes.value(group_id, case_id) == ""
    # rename through the name cell; adding and renaming are undoable too, and redo keeps the case id
    assert model.setData(model.index(model.row_of(case_id), 0), "DI Smith", Qt.ItemDataRole.EditRole)
    assert project.cases.get(case_id).name == "DI Smith"
    stack.undo()
    assert project.cases.get(case_id).name == "DI Jones"
    while stack.canUndo():
        stack.undo()
    assert project.cases.by_name("DI Jones") is None and project.attributes.value(attr_id, case_id) == ""
    while stack.canRedo():
        stack.redo()
    assert project.cases.get(case_id).name == "DI Smith"
    assert project.attributes.value(attr_id, case_id) == "12"


def test_paste_a_column_from_excel_is_one_undo_step(qtbot, project):
    stack = QUndoStack()
    editor = CasesEditor(project, stack)
    qtbot.addWidget(editor)
    ids = [editor.add_case(f"P{i}") for i in range(1, 5)]
    attr_id = editor.add_attribute("Area", "category", ["Urban", "Rural"])
    col = 1 + [a.id for a in editor.model.attributes()].index(attr_id)
    editor.select_id(ids[0], col)
    steps = stack.count()
    done = editor.paste_text("Urban\r\nrural\r\nMars\r\nUrban\r\n")
    assert done == 3 and "Skipped 1" in editor.status.text()
    assert [project.attributes.value(attr_id, i) for i in ids] == ["Urban", "Rural", "", "Urban"]
    assert stack.count() == steps + 1
    stack.undo()
    assert [project.attributes.value(attr_id, i) for i in ids] == ["", "", "", ""]
    qtbot.waitUntil(lambda: editor.model.index(0, col).data() == "")


def test_delete_case_and_pseudonymised_forces(qtbot, project):
    editor = CasesEditor(project)
    qtbot.addWidget(editor)
    editor.add_presets()
    case_id = editor.add_case("Analyst")
    force = project.attributes.by_name("Police force")
    col = 1 + [a.id for a in editor.model.attributes()].index(force.id)
    row = editor.model.row_of(case_id)
    assert editor.model.setData(editor.model.index(row, col), "Kent Police", Qt.ItemDataRole.EditRole)
    editor.pseudonymise.setChecked(True)
    shown = editor.model.index(editor.model.row_of(case_id), col).data()
    assert shown == project.presets.force_pseudonyms()["Kent Police"]
    assert "Kent Police" not in editor.model.index(editor.model.row_of(case_id), col).data(Qt.UserRole + 2)
    assert project.attributes.value(force.id, case_id) == "Kent Police"
    editor.select_id(case_id)
    assert editor.delete_selected(confirm=False) == 1
    assert project.cases.by_name("Analyst") is None


def test_document_scope_and_filter(qtbot, project):
    editor = CasesEditor(project)
    qtbot.addWidget(editor)
    editor.scope_box.setCurrentIndex(1)
    assert editor.model.scope == "document" and editor.proxy.rowCount() == 3
    attr_id = editor.add_attribute("Site", "text")
    doc = project.documents.by_name("Police lead 1")
    model = editor.model
    assert model.setData(model.index(model.row_of(doc.id), 1), "North", Qt.ItemDataRole.EditRole)
    assert project.attributes.values_for(doc.id, "document") == {"Site": "North"}
    assert attr_id in [a.id for a in project.attributes.list("document")]
    editor.filter.setText("board")
    assert editor.proxy.rowCount() == 1


def test_model_passes_qtmodeltester(qtmodeltester, project):
    for i in range(30):
        project.cases.add(f"Case {i:02}")
    attr = project.attributes.add("Group", type="category", choices=["A", "B"])
    project.attributes.set_value(attr.id, project.cases.by_name("Case 03").id, "B")
    model = CaseTableModel(project)
    qtmodeltester.check(model)
    assert model.rowCount() == 30 and model.columnCount() == 2


def test_map_two_focus_group_speakers_to_cases(qtbot, project):
    doc = _focus_group(project)
    existing = project.cases.add("Health lead")
    stack = QUndoStack()
    dialog = SpeakerMappingDialog(project, doc.id, undo_stack=stack)
    qtbot.addWidget(dialog)
    assert dialog.speakers() == ["P1", "P2", "P3"]
    dialog.set_case("P1", "Board manager")  # a new case
    dialog.set_case("P2", "Health lead")  # an existing one
    assert dialog.apply() == 3
    p1 = project.cases.by_name("Board manager")
    turns = {(t.speaker, t.case_id) for t in project.turns.list(doc.id)}
    assert turns == {("P1", p1.id), ("P2", existing.id), ("P3", None)}
    segs = {(c, d, FOCUS[s:e]) for c, d, s, e in project.cases.segments()}
    assert segs == {(p1.id, doc.id, "Partners share well."), (p1.id, doc.id, "The MASH helps."),
                    (existing.id, doc.id, "Health is patchy.")}
    # the dialog shows the stored mapping when opened again, and can unmap
    again = SpeakerMappingDialog(project, doc.id)
    qtbot.addWidget(again)
    assert again.case_for("P1") == "Board manager" and again.case_for("P3") == ""
    again.fill_unmapped()
    assert again.case_for("P3") == "Board focus group 2 P3"
    again.set_case("P2", "")
    again.apply()
    assert {t.speaker: t.case_id for t in project.turns.list(doc.id)}["P2"] is None
    # the first mapping was one undo step: undo puts every turn back unmapped, redo maps them again
    assert stack.count() == 1
    p3 = project.cases.by_name("Board focus group 2 P3").id
    stack.undo()  # P1 and P2 go back to no case; P3 was mapped later, outside that step
    assert {(t.speaker, t.case_id) for t in project.turns.list(doc.id)} == {("P1", None), ("P2", None), ("P3", p3)}
    stack.redo()
    assert {(t.speaker, t.case_id) for t in project.turns.list(doc.id)} == {
        ("P1", p1.id), ("P2", existing.id), ("P3", p3)}


def test_attribute_dialog(qtbot):
    dialog = AttributeDialog()
    qtbot.addWidget(dialog)
    assert not dialog.ok_button.isEnabled()
    dialog.name.setText("Area type")
    dialog.type.setCurrentText("category")
    dialog.choices.setPlainText("Urban\nRural\n\nurban\n")
    assert dialog.values() == ("Area type", "category", ["Urban", "Rural"])
    dialog.type.setCurrentText("number")
    assert dialog.values() == ("Area type", "number", [])


def test_sort_numbers_as_numbers_and_filter_on_any_column(qtbot, project):
    editor = CasesEditor(project)
    qtbot.addWidget(editor)
    years = editor.add_attribute("Years", "number")
    for name, value in (("A", "9"), ("B", "10"), ("C", ""), ("D", "2.5")):
        case_id = editor.add_case(name)
        project.attributes.set_value(years, case_id, value)
    editor.model.reload()
    col = 1 + [a.id for a in editor.model.attributes()].index(years)
    editor.view.sortByColumn(col, Qt.SortOrder.AscendingOrder)
    names = lambda: [editor.proxy.index(r, 0).data() for r in range(editor.proxy.rowCount())]
    assert names() == ["D", "A", "B", "C"]  # 2.5 < 9 < 10, empty last
    editor.view.sortByColumn(0, Qt.SortOrder.DescendingOrder)
    assert names() == ["D", "C", "B", "A"]
    editor.filter.setText("10")
    assert names() == ["B"]


def test_current_case_is_announced(qtbot, project):
    editor = CasesEditor(project)
    qtbot.addWidget(editor)
    first = editor.add_case("First")
    editor.add_case("Second")  # now the current row
    with qtbot.waitSignal(editor.caseSelected) as signal:
        editor.select_id(first, 0)
    assert signal.args == [first]


def test_undo_never_deletes_a_case_that_gained_a_memo(qtbot, project):
    stack = QUndoStack()
    editor = CasesEditor(project, stack)
    qtbot.addWidget(editor)
    case_id = editor.add_case("YP 3")
    project.memos.add("case", case_id, "Met twice; prefers text contact")
    errors = []
    stack.command(0).on_error = errors.append
    stack.undo()
    assert project.cases.get(case_id).name == "YP 3" and len(project.memos.list("case", case_id)) == 1
    assert "has memos" in str(errors[0])


def test_case_covers_whole_documents_undoably(qtbot, project):
    from qualcoder_cse.ui.case_documents_dialog import CaseDocumentsDialog

    stack = QUndoStack()
    case = project.cases.add("DI Lee")
    police = project.documents.by_name("Police lead 1")
    chat = project.documents.by_name("Young people chat")
    dialog = CaseDocumentsDialog(project, case.id, undo_stack=stack)
    qtbot.addWidget(dialog)
    assert dialog.checked() == []
    dialog.set_checked([police.id, chat.id])
    dialog.apply()
    assert sorted(project.cases.documents_of(case.id)) == sorted([police.id, chat.id])
    again = CaseDocumentsDialog(project, case.id, undo_stack=stack)
    qtbot.addWidget(again)
    again.set_checked([police.id])
    again.apply()
    assert project.cases.documents_of(case.id) == [police.id]
    assert (case.id, police.id, 0, police.char_count) in project.cases.segments()
    stack.undo()
    assert sorted(project.cases.documents_of(case.id)) == sorted([police.id, chat.id])
    stack.undo()
    assert project.cases.documents_of(case.id) == []
