"""Issue 23, item 2: the mouse wheel silently moved a speaker to another case in Map speakers to cases, and
Cancel did not undo the mappings chosen in the dialog. In the real main window: no combo box in any window
or dialog changes on a wheel it was not focused for; Cancel writes nothing; OK is one undo step."""

from __future__ import annotations

import sys

from PySide6.QtCore import QEvent, QPoint, QPointF, Qt
from PySide6.QtGui import QWheelEvent
from PySide6.QtWidgets import QApplication, QComboBox, QDialog, QLineEdit, QScrollArea, QVBoxLayout, QWidget

from qualcoder_cse.ui.analysis_view import AnalysisView
from qualcoder_cse.ui.export_dialog import ExportDialog
from qualcoder_cse.ui.import_dialog import ImportDialog
from qualcoder_cse.ui.speaker_mapping_dialog import SpeakerMappingDialog
from qualcoder_cse.ui.wheel_guard import WheelGuard

FOCUS = "P1: Partners share well.\nP2: Health is patchy.\nP4: The MASH helps.\nP3: Agreed.\n"


def _focus_group(project, name="Board focus group 2"):
    turns, pos = [], 0
    for line in FOCUS.splitlines(keepends=True):
        turns.append((pos + 4, pos + len(line) - 1, line[:2]))
        pos += len(line)
    return project.documents.add(name, FOCUS, kind="lscb", turns=turns)


def wheel(widget, steps: int = -1) -> None:
    """One notch of the mouse wheel over the middle of ``widget`` (negative: towards the user)."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)


def _mapping(project, doc_id) -> dict[str, str | None]:
    names = {c.id: c.name for c in project.cases.list()}
    return {t.speaker: names.get(t.case_id) for t in project.turns.list(doc_id)}


def test_wheel_does_not_move_a_speaker_to_another_case(qtbot, main_window):
    project = main_window.project
    doc = _focus_group(project)
    for name in ("P1 case", "P2 case", "P3 case", "P4 case"):
        project.cases.add(name)
    dialog = SpeakerMappingDialog(project, doc.id, main_window, main_window.undo_stack)
    qtbot.addWidget(dialog)
    dialog.show()
    for speaker in dialog.speakers():
        dialog.set_case(speaker, f"{speaker} case")
    box = dialog._box("P2")
    assert not box.hasFocus()
    for _ in range(3):
        wheel(box)  # scrolling the table passes over the P2 box
        wheel(box.lineEdit())  # an editable box: the wheel may land on its text
    assert dialog.case_for("P2") == "P2 case"
    # the guard covers editable boxes without focus, and a box the researcher clicked into still scrolls
    box.setFocus()
    qtbot.waitUntil(box.hasFocus)
    wheel(box)
    assert dialog.case_for("P2") != "P2 case"
    box.clearFocus()


def test_cancel_writes_nothing_even_after_switching_documents(qtbot, main_window):
    project = main_window.project
    first = _focus_group(project)
    second = _focus_group(project, "Board focus group 3")
    before_first, before_second = _mapping(project, first.id), _mapping(project, second.id)
    dialog = SpeakerMappingDialog(project, first.id, main_window, main_window.undo_stack)
    qtbot.addWidget(dialog)
    dialog.set_case("P1", "Board manager")
    dialog.select_document(second.id)  # the old dialog wrote the first document's choices here
    dialog.set_case("P2", "Health lead")
    dialog.select_document(first.id)
    assert dialog.case_for("P1") == "Board manager"  # kept while switching, not written
    assert _mapping(project, first.id) == before_first
    dialog.reject()
    assert _mapping(project, first.id) == before_first and _mapping(project, second.id) == before_second
    assert project.cases.by_name("Board manager") is None
    assert main_window.undo_stack.count() == 0


def test_ok_writes_every_document_as_one_undo_step(qtbot, main_window):
    project = main_window.project
    first = _focus_group(project)
    second = _focus_group(project, "Board focus group 3")
    stack = main_window.undo_stack
    dialog = SpeakerMappingDialog(project, first.id, main_window, stack)
    qtbot.addWidget(dialog)
    dialog.set_case("P1", "Board manager")
    dialog.select_document(second.id)
    dialog.set_case("P2", "Health lead")
    dialog._ok()
    assert dialog.result() == dialog.DialogCode.Accepted
    assert _mapping(project, first.id)["P1"] == "Board manager"
    assert _mapping(project, second.id)["P2"] == "Health lead"
    assert stack.count() == 1 and stack.undoText() == "Map speakers to cases"
    stack.undo()
    assert _mapping(project, first.id)["P1"] is None and _mapping(project, second.id)["P2"] is None
    stack.redo()
    assert _mapping(project, first.id)["P1"] == "Board manager"


def test_no_combo_box_in_the_windows_changes_on_an_unfocused_wheel(qtbot, main_window):
    """Every QComboBox of the analysis view and the import, export and speaker dialogs."""
    project = main_window.project
    _focus_group(project)
    project.cases.add("Some case")
    widgets = [
        AnalysisView(project, main_window),
        ImportDialog(project, main_window),
        ExportDialog(project, None, main_window),
        SpeakerMappingDialog(project, None, main_window, main_window.undo_stack),
    ]
    checked = 0
    for w in widgets:
        qtbot.addWidget(w)
        w.show()
        for box in w.findChildren(QComboBox):
            if box.count() < 2 or not box.isEnabled():
                continue
            before = box.currentIndex()
            box.clearFocus()
            wheel(box, -1)
            wheel(box, 1)
            wheel(box, -1)
            assert box.currentIndex() == before, f"{type(w).__name__}: {box.objectName() or box.currentText()}"
            assert box.focusPolicy() != Qt.FocusPolicy.WheelFocus  # a real wheel must not focus it first
            checked += 1
    assert checked >= 6
    for w in widgets:
        w.close()


def test_boxes_made_later_and_under_style_sheets_are_guarded_without_an_application_filter(
        qtbot, main_window):
    """The guard sees each combo box when the style polishes it (before it is first shown), also under a style
    sheet and for an editable box made after the window; it filters only those boxes' events: an application-wide
    filter put every event of every widget through Python (a fifth of the window's set-up)."""
    seen: list[type] = []  # the objects whose events Qt hands to the guard (a Python frame for each)
    code = WheelGuard.eventFilter.__code__

    def recording(frame, event, _arg):
        # (a box being destroyed is a plain QWidget by then: Qt's type is gone in its destructor)
        if event == "call" and frame.f_code is code and frame.f_locals["event"].type() != QEvent.Type.Destroy:
            seen.append(type(frame.f_locals["obj"]))

    sys.setprofile(recording)
    try:
        _drive(qtbot, main_window, seen)
    finally:
        sys.setprofile(None)
    assert seen and all(issubclass(t, (QComboBox, QLineEdit)) for t in seen), set(seen)


def _drive(qtbot, main_window, seen: list[type]) -> None:
    dialog = QDialog(main_window)
    qtbot.addWidget(dialog)
    dialog.setStyleSheet("QComboBox { padding: 2px; }")
    area = QScrollArea(dialog)
    QVBoxLayout(dialog).addWidget(area)
    form = QWidget()
    rows = QVBoxLayout(form)
    first = QComboBox()
    rows.addWidget(first)
    boxes = []
    for i in range(30):
        box = QComboBox()
        box.addItems(["police", "board", "young people"])
        box.setEditable(i % 2 == 1)
        rows.addWidget(box)
        boxes.append(box)
    area.setWidget(form)
    dialog.resize(300, 200)
    dialog.show()
    qtbot.waitExposed(dialog)
    first.setFocus()
    QApplication.processEvents()
    for box in boxes[:4]:
        wheel(box.lineEdit() or box, -1)
        assert box.currentIndex() == 0, box.isEditable()
    boxes[0].setFocus()
    wheel(boxes[0], -1)
    assert boxes[0].currentIndex() == 1  # a focused box changes as usual
    assert QComboBox in seen  # the wheels above went through the guard
    main_window.resize(main_window.width() + 40, main_window.height())  # layouts, moves, paints of every dock
    main_window.close_project()
    QApplication.processEvents()
