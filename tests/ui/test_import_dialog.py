"""File > Import > Transcripts on a real project: speaker preview, options, background import, cancel."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QTableWidgetItem

from qualcoder_cse.ui.import_dialog import ImportDialog
from qualcoder_cse.workflows.file_import import CANCELLED, IMPORTED
from tests.importers import builders as b

FOCUS = "[Facilitator] What helps?\nP1: Youth workers.\nP2: Being believed.\nP1: And time.\n"


def _dialog(qtbot, project, paths) -> ImportDialog:
    dialog = ImportDialog(project, paths=[str(p) for p in paths])
    qtbot.addWidget(dialog)
    dialog.anonymise_mode.setCurrentIndex(dialog.anonymise_mode.findData("off"))  # these texts hold no identifiers; the anonymiser has its tests
    return dialog


def test_preview_options_and_import(qtbot, project, tmp_path: Path):
    fg = tmp_path / "FG Bradford.txt"
    fg.write_text(FOCUS, encoding="utf-8")
    scan = b.build_blank_pdf(tmp_path / "scan.pdf")
    docx = b.build_docx(tmp_path / "fg4.docx")
    dialog = _dialog(qtbot, project, [fg, scan, docx])
    assert dialog.file_list.count() == 3 and dialog.import_button.isEnabled()

    # The first file is previewed: its speakers, with editable case cells.
    table = dialog.speaker_table
    assert [(table.item(r, 0).text(), table.item(r, 1).text()) for r in range(table.rowCount())] == [
        ("Facilitator", "1"), ("P1", "2"), ("P2", "1"),
    ]
    assert "4 turns, 3 speakers" in dialog.preview_label.text()
    table.item(1, 2).setText("Young person A")
    dialog.file_list.setCurrentRow(1)
    assert "no text layer" in dialog.preview_label.text() and table.rowCount() == 0
    dialog.file_list.setCurrentRow(0)
    assert table.item(1, 2).text() == "Young person A"  # the mapping is kept

    dialog.kind_box.setCurrentIndex(dialog.kind_box.findData("young_person"))
    dialog.attr_table.setItem(0, 0, QTableWidgetItem("Area"))
    dialog.attr_table.setItem(0, 1, QTableWidgetItem("West Yorkshire"))
    dialog.cases_box.setChecked(True)
    events: list = []
    project.subscribe(events.append)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    statuses = [(Path(r.path).name, r.status) for r in dialog.results]
    assert statuses == [("FG Bradford.txt", "imported"), ("scan.pdf", "failed"), ("fg4.docx", "imported")]
    assert dialog.results_table.rowCount() == 3 and "no text layer" in dialog.results_table.item(1, 4).text()
    assert dialog.status_label.text() == "2 imported, 0 duplicate, 1 failed."
    # held back during the worker, announced once on the GUI thread afterwards
    assert len(events) == 1 and events[0].documents and len(events[0].document_ids) == 2

    doc = project.documents.by_name("FG Bradford")
    assert doc.kind == "young_person"
    assert project.attributes.values_for(doc.id, "document") == {"Area": "West Yorkshire"}
    names = {c.id: c.name for c in project.cases.list()}
    assert [names.get(t.case_id) for t in project.turns.list(doc.id)] == [
        None, "Young person A", "FG Bradford: P2", "Young person A",
    ]
    assert project.documents.text(project.documents.by_name("fg4").id) == b.DOCX_TEXT
    assert dialog.cancel_button.text() == "Close"


def test_custom_pattern_in_preview(qtbot, project, tmp_path: Path):
    chat = tmp_path / "chat.txt"
    chat.write_text("<kaz> hiya\n<mo> u ok\n<kaz> ye\n", encoding="utf-8")
    dialog = _dialog(qtbot, project, [chat])
    assert dialog.speaker_table.rowCount() == 0
    dialog.pattern_edit.setText(r"^<(?P<speaker>\w+)>")
    dialog.refresh_preview()
    rows = [dialog.speaker_table.item(r, 0).text() for r in range(dialog.speaker_table.rowCount())]
    assert rows == ["kaz", "mo"]
    dialog.pattern_edit.setText("(broken")
    dialog.refresh_preview()
    assert "not a valid regular expression" in dialog.preview_label.text()


def test_cancel_stops_between_files(qtbot, project, tmp_path: Path):
    paths = []
    for i in range(40):
        path = tmp_path / f"t{i:02d}.txt"
        path.write_text(f"INT: question {i}\nP1: answer {i}\n" * 50, encoding="utf-8")
        paths.append(path)
    dialog = _dialog(qtbot, project, paths)
    with qtbot.waitSignal(dialog.imported, timeout=60000):
        dialog.start_import()
        assert dialog.running()
        dialog.reject()  # Esc while importing cancels instead of closing
    assert not dialog.running()
    statuses = [r.status for r in dialog.results]
    assert len(statuses) == 40 and statuses[-1] == CANCELLED
    n = statuses.count(IMPORTED)
    assert statuses == [IMPORTED] * n + [CANCELLED] * (40 - n)
    assert len([d for d in project.documents.list() if d.name.startswith("t")]) == n


def test_file_import_menu_in_the_main_window(qtbot, project, tmp_path: Path):
    from qualcoder_cse.ui.main_window import MainWindow
    from qualcoder_cse.ui.settings import Settings

    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    action = window.import_transcripts_action
    assert action in window.menus["import"].actions() and action.shortcut().toString() == "Ctrl+I"
    assert not action.isEnabled()  # no project on the start screen
    window.set_project(project)
    assert action.isEnabled()
    path = tmp_path / "late.txt"
    path.write_text("INT: a\nP1: b\n", encoding="utf-8")
    action.trigger()
    dialog = window.import_dialog
    assert dialog.isVisible()
    dialog.anonymise_mode.setCurrentIndex(dialog.anonymise_mode.findData("off"))
    dialog.add_paths([str(path)])
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        dialog.start_import()
    qtbot.waitUntil(lambda: window.doc_model.row_of(project.documents.by_name("late").id) >= 0, timeout=5000)
    window.close_project()


def test_files_dropped_on_the_dialog_join_the_list(qtbot, project, tmp_path: Path):
    from PySide6.QtCore import QMimeData, QPointF, QUrl
    from PySide6.QtGui import QDropEvent

    folder = tmp_path / "drop"
    folder.mkdir()
    (folder / "a.txt").write_text("P1: a\n", encoding="utf-8")
    (folder / "b.vtt").write_text(b.VTT_SOURCE, encoding="utf-8")
    (folder / "ignore.jpg").write_bytes(b"\xff\xd8\xff")
    dialog = _dialog(qtbot, project, [])
    mime = QMimeData()
    mime.setUrls([QUrl.fromLocalFile(str(folder))])
    event = QDropEvent(QPointF(10, 10), Qt.DropAction.CopyAction, mime, Qt.MouseButton.LeftButton,
                       Qt.KeyboardModifier.NoModifier)
    dialog.dropEvent(event)
    assert [p.name for p in dialog.paths()] == ["a.txt", "b.vtt"]
    dialog.dropEvent(event)  # the same files again are not listed twice
    assert dialog.file_list.count() == 2
