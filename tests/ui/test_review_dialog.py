"""The anonymisation review screen of File > Import > Transcripts, on a real encrypted project.

Drives the real import dialog (review each file is the default), the real detector and the real storage:
highlighting at the right places (also after emoji), keyboard decisions, adding a missed name, Store only
when nothing is pending, only anonymised text in the project, cancel and skip storing nothing.
"""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QTextCharFormat, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from qualcoder_cse.anonymise.review import ACCEPTED, PENDING, REJECTED
from qualcoder_cse.ui.import_dialog import ImportDialog
from qualcoder_cse.ui.review_dialog import PAUSED, SKIPPED, ReviewDialog
from qualcoder_cse.workflows.file_import import CANCELLED, IMPORTED

TEXT = (
    "INT: How did you meet them? 😀\n"
    "YP: 😢😢 Jodie Smith took me to Rochdale. Tariq drove. me and wobbles went to the park, "
    "wobbles had a phone.\n"
    "INT: And then?\n"
    "YP: Jodie rang 07700 900123 🙂 and Tariq came.\n"
)
NAMES = ("Jodie", "Smith", "Tariq", "wobbles", "900123")


def _qt(text: str, cp: int) -> int:
    """Qt position of a code-point offset, computed independently of ui.offsets."""
    return len(text[:cp].encode("utf-16-le")) // 2


def _open_review(qtbot, project, paths) -> tuple[ImportDialog, ReviewDialog]:
    dialog = ImportDialog(project, paths=[str(p) for p in paths])
    qtbot.addWidget(dialog)
    assert dialog.anonymise_mode.currentData() == "review"  # the default
    dialog.start_import()
    review = dialog.review_dialog
    assert isinstance(review, ReviewDialog)
    qtbot.waitUntil(lambda: review.session is not None, timeout=60000)
    return dialog, review


def _answer_yes() -> None:
    _answer(QMessageBox.StandardButton.Yes)


def _answer(button) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    box.button(button).click()


def _back_to(qtbot, window) -> None:
    """The offscreen platform does not give activation back when a menu or box closes; a desktop does."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def test_review_decide_add_and_store(qtbot, project, project_path: Path, tmp_path: Path):
    before = len(project.documents.list())
    dialog, review = _open_review(qtbot, project, [_write(tmp_path, "Interview with Jodie.txt", TEXT)])
    session, view = review.session, review.text
    text = session.text
    assert "File 1 of 1: Interview with Jodie.txt" in review.file_label.text()

    # Every proposal is highlighted exactly over its text, emoji before it or not.
    selections = view.extraSelections()
    assert len(selections) == len(session.proposals) >= 5
    for sel, p in zip(selections, session.proposals, strict=True):
        assert sel.cursor.selectionStart() == _qt(text, p.start)
        assert sel.cursor.selectedText() == text[p.start:p.end]
    surfaces = {text[p.start:p.end] for p in session.proposals}
    assert {"Jodie Smith", "Rochdale", "Tariq"} <= surfaces
    assert review.table.rowCount() == len(session.proposals)

    # Keyboard: A accepts the current one (the first), R rejects the next; the count follows.
    total = len(session.proposals)
    assert review.count_label.text().startswith(f"{total} of {total} left")
    assert not review.store_button.isEnabled()
    first = review.current
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert session.get(first).status == ACCEPTED
    assert review.count_label.text().startswith(f"{total - 1} of {total} left")
    rochdale = review.current
    assert text[session.get(rochdale).start:session.get(rochdale).end] == "Rochdale"
    qtbot.keyClick(view, Qt.Key.Key_R)
    assert session.get(rochdale).status == REJECTED
    assert review.count_label.text().startswith(f"{total - 2} of {total} left")
    assert not review.store_button.isEnabled()

    # A missed nickname: select it (Qt positions, after emoji) and add it as a person with Ctrl+1.
    start = text.index("wobbles")
    cursor = view.textCursor()
    cursor.setPosition(_qt(text, start))
    cursor.setPosition(_qt(text, start + len("wobbles")), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    wobbles = [p for p in session.proposals if text[p.start:p.end] == "wobbles"]
    assert [(p.label, p.status, p.source) for p in wobbles] == [
        ("PERSON", ACCEPTED, "manual"), ("PERSON", PENDING, "mention"),
    ]
    assert review.current == wobbles[1].id  # the other mention is shown for a decision
    assert review.table.rowCount() == len(session.proposals) == total + 2
    assert len(view.extraSelections()) == total + 2

    # Accept all remaining: asks first; then Store is enabled.
    QTimer.singleShot(0, _answer_yes)
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.pending_count == 0
    assert review.store_button.isEnabled()
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(review.store_button, Qt.MouseButton.LeftButton)

    [result] = dialog.results
    assert result.status == IMPORTED
    assert len(project.documents.list()) == before + 1
    stored = project.documents.text(result.document_id)
    assert "[Person" in stored and "Rochdale" in stored  # Rochdale was rejected: left as it was
    for name in NAMES:
        assert name not in stored
    assert project.documents.get(result.document_id).name.startswith("Interview with [Person")
    decisions = sorted(e.decision for e in project.pseudonyms.log(result.document_id))
    assert "added" in decisions and "rejected" in decisions
    raw = b"".join(p.read_bytes() for p in project_path.parent.glob(project_path.name + "*"))
    for name in NAMES:
        assert name.encode() not in raw and name.encode("utf-16-le") not in raw


def test_store_waits_for_every_decision_and_relabel(qtbot, project, tmp_path: Path):
    text = "YP: Tariq drove to Rochdale. We went up Brimbleworth.\n"
    dialog, review = _open_review(qtbot, project, [_write(tmp_path, "a.txt", text)])
    session = review.session
    # An unsure proposal is marked in the table and with a wavy underline in the text.
    unsure = [p for p in session.proposals if p.unsure]
    assert unsure and all("Brimbleworth" in session.surface(p.id) for p in unsure)
    for p in session.proposals:
        row = review.table.row_of[p.id]
        assert ("unsure" in review.table.item(row, 2).text()) == p.unsure
    wavy = QTextCharFormat.UnderlineStyle.WaveUnderline
    styles = {sel.cursor.selectedText(): sel.format.underlineStyle() for sel in review.text.extraSelections()}
    assert [t for t, style in styles.items() if style == wavy] == [session.surface(p.id) for p in unsure]
    # Clicking into a highlight makes it the current proposal.
    tariq = next(p for p in session.proposals if session.surface(p.id) == "Tariq")
    cursor = review.text.textCursor()
    cursor.setPosition(tariq.start + 2)
    review.text.setTextCursor(cursor)
    assert review.current == tariq.id and review.table.currentRow() == review.table.row_of[tariq.id]
    review.relabel_current("ORG")
    assert review.table.item(review.table.row_of[tariq.id], 0).text() == "Organisation"
    while session.pending_count > 1:
        assert not review.store_button.isEnabled()
        qtbot.keyClick(review.text, Qt.Key.Key_A)
    assert not review.store_button.isEnabled()
    qtbot.keyClick(review.text, Qt.Key.Key_A)
    assert review.store_button.isEnabled()
    pseudonyms = project.pseudonyms.count()
    review.preview_button.setChecked(True)  # the preview shows the placeholders and keeps none of them
    assert "Tariq" not in review.text.toPlainText() and "[Organisation" in review.text.toPlainText()
    assert project.pseudonyms.count() == pseudonyms
    assert "as the document 'a'" in review.status_label.text()
    review.preview_button.setChecked(False)
    assert review.text.toPlainText() == session.text
    assert "as it would be stored" not in review.status_label.text()  # back to the review's own hint
    assert "Decide on each highlighted proposal" in review.status_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.keyClick(review.text, Qt.Key.Key_Return, Qt.KeyboardModifier.ControlModifier)
    stored = project.documents.text(dialog.results[0].document_id)
    assert "[Organisation" in stored and "[Place" in stored
    assert "Tariq" not in stored and "Rochdale" not in stored and "Brimbleworth" not in stored


def test_cancel_and_skip_store_nothing(qtbot, project, tmp_path: Path):
    before = [d.id for d in project.documents.list()]
    pseudonyms, log = project.pseudonyms.count(), project.pseudonyms.log()
    files = [_write(tmp_path, f"{n}.txt", TEXT.replace("Jodie", name)) for n, name in (("one", "Kayleigh"),
                                                                                       ("two", "Bethany"))]
    dialog, review = _open_review(qtbot, project, files)
    qtbot.mouseClick(review.skip_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.session is not None, timeout=60000)
    assert "File 2 of 2" in review.file_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(review.cancel_button, Qt.MouseButton.LeftButton)
    assert [r.status for r in dialog.results] == [SKIPPED, CANCELLED]
    assert review.text.toPlainText() == "" and review.table.rowCount() == 0  # nothing left in memory on screen
    assert [d.id for d in project.documents.list()] == before
    assert project.pseudonyms.count() == pseudonyms and project.pseudonyms.log() == log


def test_from_the_main_window_keys_and_confirmations(qtbot, main_window, tmp_path: Path):
    project = main_window.project
    before = [d.id for d in project.documents.list()]
    main_window.import_transcripts_action.trigger()
    dialog = main_window.import_dialog
    dialog.add_paths([str(_write(tmp_path, "yp.txt", TEXT))])
    dialog.start_import()
    review = dialog.review_dialog
    qtbot.waitUntil(lambda: review.session is not None, timeout=60000)
    session, view = review.session, review.text
    ids = [p.id for p in session.proposals]
    assert review.current == ids[0]
    qtbot.keyClick(view, Qt.Key.Key_N)
    qtbot.keyClick(view, Qt.Key.Key_Space)
    assert review.current == ids[2]
    qtbot.keyClick(view, Qt.Key.Key_P)
    qtbot.keyClick(view, Qt.Key.Key_N, Qt.KeyboardModifier.ShiftModifier)
    assert review.current == ids[0]
    assert review.table.currentRow() == 0

    # L: the relabel menu at the current proposal.
    def pick_place() -> None:
        menu = QApplication.activePopupWidget()
        next(a for a in menu.actions() if a.text() == "Place").trigger()
        menu.close()

    QTimer.singleShot(0, pick_place)
    qtbot.keyClick(view, Qt.Key.Key_L)
    assert session.get(ids[0]).label == "LOCATION" and session.get(ids[0]).relabelled
    _back_to(qtbot, review)

    # Accept all remaining, answered No: nothing changes.
    pending = session.pending_count
    QTimer.singleShot(0, lambda: _answer(QMessageBox.StandardButton.No))
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.pending_count == pending and not review.store_button.isEnabled()
    _back_to(qtbot, review)

    # Cancel after a decision asks first; No keeps the review open, Yes ends it with nothing stored.
    qtbot.keyClick(view, Qt.Key.Key_A)
    QTimer.singleShot(0, lambda: _answer(QMessageBox.StandardButton.No))
    qtbot.mouseClick(review.cancel_button, Qt.MouseButton.LeftButton)
    assert review.isVisible() and review.session is session
    QTimer.singleShot(0, _answer_yes)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(review.cancel_button, Qt.MouseButton.LeftButton)
    # the decisions are not lost: the review is kept (paused) inside the project, nothing is stored
    assert [r.status for r in dialog.results] == [PAUSED]
    assert [d.id for d in project.documents.list()] == before
    assert dialog.status_label.text() == "0 imported, 0 duplicate, 0 failed, 1 paused (kept to resume)."


def test_idle_lock_closes_the_review_without_asking(qtbot, main_window, tmp_path: Path):
    project = main_window.project
    before = [d.id for d in project.documents.list()]
    main_window.import_transcripts_action.trigger()
    dialog = main_window.import_dialog
    dialog.add_paths([str(_write(tmp_path, "yp.txt", TEXT))])
    dialog.start_import()
    review = dialog.review_dialog
    qtbot.waitUntil(lambda: review.session is not None, timeout=60000)
    qtbot.keyClick(review.text, Qt.Key.Key_A)  # a decision made: Cancel would ask, the lock must not
    questions: list[str] = []

    def answer_any_question() -> None:
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox):
            questions.append(box.text())
            box.button(QMessageBox.StandardButton.Yes).click()

    QTimer.singleShot(0, answer_any_question)
    with qtbot.waitSignal(dialog.imported, timeout=30000) as finished:
        main_window.lock()
    results = finished.args[0]  # the dialogs are closed (and deleted) by the lock
    qtbot.wait(10)  # let the watcher run if no question held the lock up
    assert questions == []
    assert [r.status for r in results] == [PAUSED]  # the decision is kept to resume, nothing stored
    assert [d.id for d in project.documents.list()] == before
    assert [p.name for p in project.review_memory.paused_list()] == ["yp"]


def test_cancel_while_a_file_is_being_read(qtbot, project, tmp_path: Path):
    before = [d.id for d in project.documents.list()]
    dialog = ImportDialog(project, paths=[str(_write(tmp_path, "yp.txt", TEXT))])
    qtbot.addWidget(dialog)
    dialog.start_import()
    review = dialog.review_dialog
    assert review.session is None and review.progress.isVisible()
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(review.cancel_button, Qt.MouseButton.LeftButton)
    qtbot.wait(50)  # the worker's late answer, if any, is ignored
    assert review.session is None and [r.status for r in dialog.results] == [CANCELLED]
    assert [d.id for d in project.documents.list()] == before


def test_adding_text_that_is_in_stored_documents_warns(qtbot, project, tmp_path: Path):
    text = "YP: we went with the MASH people.\n"
    _dialog, review = _open_review(qtbot, project, [_write(tmp_path, "b.txt", text)])
    cursor = review.text.textCursor()
    cursor.setPosition(text.index("MASH"))
    cursor.setPosition(text.index("MASH") + 4, QTextCursor.MoveMode.KeepAnchor)
    review.text.setTextCursor(cursor)
    qtbot.keyClick(review.text, Qt.Key.Key_3, Qt.KeyboardModifier.ControlModifier)
    [mash] = [p for p in review.session.proposals if review.session.surface(p.id) == "MASH"]
    assert (mash.label, mash.status, mash.source) == ("ORG", ACCEPTED, "manual")
    assert "WARNING" in review.status_label.text() and "Board focus group" in review.status_label.text()
    cursor.setPosition(text.index("went"))  # in no stored document: no warning
    cursor.setPosition(text.index("went") + 4, QTextCursor.MoveMode.KeepAnchor)
    review.text.setTextCursor(cursor)
    qtbot.keyClick(review.text, Qt.Key.Key_4, Qt.KeyboardModifier.ControlModifier)
    assert review.status_label.text() == "Added as Date; 0 other mentions proposed for review."
