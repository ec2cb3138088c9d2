"""The review screen at the scale of a study (issue 15), on the real import and review dialogs, the real
detector and a real encrypted project: undo/redo, reject every mention, pause and resume (also after the
project is closed and opened again), decisions remembered across files and edited in the memory dialog,
chat exports with one numbered placeholder per handle, a header line that is not a turn, and `detect --jsonl`
printing what the screen proposes."""

from __future__ import annotations

import hashlib
import json
import subprocess
import sys
from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QAction, QTextCursor
from PySide6.QtWidgets import QApplication, QMessageBox

from qualcoder_cse.anonymise.review import ACCEPTED, PENDING, REJECTED
from qualcoder_cse.core.project import Project
from qualcoder_cse.ui.import_dialog import ImportDialog
from qualcoder_cse.ui.review_dialog import PAUSED, ReviewDialog
from qualcoder_cse.ui.review_memory_dialog import ReviewMemoryDialog
from qualcoder_cse.workflows.file_import import IMPORTED

ROOT = Path(__file__).resolve().parents[2]
TEXT = (
    "INT: Who was there?\n"
    "YP: Jodie Smith took me to Rochdale. Tariq drove. The CSE worker came.\n"
    "INT: And then?\n"
    "YP: Tariq came back. wobbles was there, and wobbles had a phone. Tariq left.\n"
)


def _write(tmp_path: Path, name: str, text: str) -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def _open_review(qtbot, project, paths) -> tuple[ImportDialog, ReviewDialog]:
    dialog = ImportDialog(project, paths=[str(p) for p in paths])
    qtbot.addWidget(dialog)
    dialog.start_import()
    review = dialog.review_dialog
    qtbot.waitUntil(lambda: review.session is not None, timeout=60000)
    return dialog, review


def _select(view, text: str, surface: str) -> None:
    start = text.index(surface)
    cursor = view.textCursor()
    cursor.setPosition(start)
    cursor.setPosition(start + len(surface), QTextCursor.MoveMode.KeepAnchor)
    view.setTextCursor(cursor)


def _go_to_surface(review, surface: str) -> int:
    s = review.session
    pid = next(p.id for p in s.proposals if s.text[p.start:p.end] == surface)
    review.go_to(pid, reveal=True)
    return pid


def _answer(button) -> None:
    box = QApplication.activeModalWidget()
    assert isinstance(box, QMessageBox)
    box.button(button).click()


def test_undo_redo_inside_the_review(qtbot, project, tmp_path: Path):
    _dialog, review = _open_review(qtbot, project, [_write(tmp_path, "a.txt", TEXT)])
    session, view = review.session, review.text
    total = len(session.proposals)
    assert review.findChild(object, "reviewRemember") is not None

    # One mis-added word makes several proposals; one Ctrl+Z takes them all away.
    _select(view, session.text, "wobbles")
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    assert len(session.proposals) == total + 2
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert len(session.proposals) == total
    assert review.table.rowCount() == total and len(view.extraSelections()) == total
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(session.proposals) == total + 2 and review.table.rowCount() == total + 2

    # A decision, undone and redone with the keys.
    first = _go_to_surface(review, "Jodie Smith")
    qtbot.keyClick(view, Qt.Key.Key_A)
    assert session.get(first).status == ACCEPTED
    qtbot.keyClick(view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert session.get(first).status == PENDING
    assert review.count_label.text().startswith(f"{session.pending_count} of")
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert session.get(first).status == ACCEPTED
    # nothing left to redo: said, nothing changes
    qtbot.keyClick(view, Qt.Key.Key_Y, Qt.KeyboardModifier.ControlModifier)
    assert review.status_label.text() == "Nothing to redo."


def test_reject_every_mention_and_remember_across_files(qtbot, project, tmp_path: Path):
    one = _write(tmp_path, "one.txt", TEXT)
    two = _write(tmp_path, "two.txt", "YP: Tariq was outside again. Jodie Smith rang him.\nINT: Who else?\n"
                                      "YP: Tariq's mate and Jodie Smith.\n")
    dialog, review = _open_review(qtbot, project, [one, two])
    session, view = review.session, review.text
    tariqs = [p for p in session.proposals if session.text[p.start:p.end] == "Tariq"]
    assert len(tariqs) == 3
    _go_to_surface(review, "Tariq")
    qtbot.keyClick(view, Qt.Key.Key_R, Qt.KeyboardModifier.ShiftModifier)  # reject every mention
    assert all(session.get(p.id).status == REJECTED for p in tariqs)
    _go_to_surface(review, "Jodie Smith")
    qtbot.keyClick(view, Qt.Key.Key_E)  # accept every mention
    assert "remembered" in review.status_label.text()
    remembered = {(r.kind, r.surface, r.label) for r in project.review_memory.remembered()}
    assert remembered == {("reject", "Tariq", "ANY"), ("accept", "Jodie Smith", "PERSON")}
    QTimer.singleShot(0, lambda: _answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(view, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    qtbot.mouseClick(review.store_button, Qt.MouseButton.LeftButton)

    # The second file does not ask again about Tariq or Jodie Smith.
    qtbot.waitUntil(lambda: review.session is not None and review.session is not session, timeout=60000)
    s2 = review.session
    by_surface = {}
    for p in s2.proposals:
        by_surface.setdefault(s2.text[p.start:p.end], set()).add(p.status)
    assert by_surface["Tariq"] == {REJECTED} and by_surface["Jodie Smith"] == {ACCEPTED}
    assert "remembered decisions" in review.status_label.text()

    # The memory is editable: remove Tariq from the rejected list, add a string.
    memory = ReviewMemoryDialog(project, review)
    qtbot.addWidget(memory)
    rejected = memory.findChild(object, "rememberRejected")
    assert [rejected.item(i).text() for i in range(rejected.count())] == ["Tariq"]
    rejected.item(0).setSelected(True)
    qtbot.mouseClick(memory.findChild(object, "rememberRejectedRemove"), Qt.MouseButton.LeftButton)
    memory.new_text.setText("Sergeant")
    qtbot.mouseClick(memory.findChild(object, "rememberAdd"), Qt.MouseButton.LeftButton)
    assert {(r.kind, r.surface) for r in project.review_memory.remembered()} == {
        ("reject", "Sergeant"), ("accept", "Jodie Smith")}
    memory.close()
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        QTimer.singleShot(0, lambda: _answer(QMessageBox.StandardButton.Yes))
        qtbot.mouseClick(review.cancel_button, Qt.MouseButton.LeftButton)


def test_pause_and_resume_after_reopening_the_project(qtbot, project, project_path, passphrase, tmp_path: Path):
    path = _write(tmp_path, "interview.txt", TEXT)
    dialog, review = _open_review(qtbot, project, [path])
    session, view = review.session, review.text
    jodie = _go_to_surface(review, "Jodie Smith")
    qtbot.keyClick(view, Qt.Key.Key_A)
    rochdale = _go_to_surface(review, "Rochdale")
    qtbot.keyClick(view, Qt.Key.Key_R)
    _select(view, session.text, "wobbles")
    qtbot.keyClick(view, Qt.Key.Key_1, Qt.KeyboardModifier.ControlModifier)
    decided = {(p.start, p.end, p.label, p.status) for p in session.proposals}
    QTimer.singleShot(0, lambda: _answer(QMessageBox.StandardButton.Yes))
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(review.cancel_button, Qt.MouseButton.LeftButton)  # Cancel keeps the session
    assert [r.status for r in dialog.results] == [PAUSED]
    assert project.documents.list() == [] or all(d.name != "interview" for d in project.documents.list())
    project.close()
    raw = project_path.read_bytes()
    for name in (b"Jodie", b"Tariq", b"wobbles"):
        assert name not in raw  # the paused review is inside the encrypted file

    again = Project.open(project_path, passphrase, coder="alice")
    try:
        [paused] = again.review_memory.paused_list()
        assert paused.name == "interview" and paused.decided >= 3
        dialog2, review2 = _open_review(qtbot, again, [path])
        s2 = review2.session
        assert {(p.start, p.end, p.label, p.status) for p in s2.proposals} == decided
        assert s2.get(jodie).status == ACCEPTED and s2.get(rochdale).status == REJECTED
        assert review2.status_label.text().startswith("Resumed the review paused on")
        QTimer.singleShot(0, lambda: _answer(QMessageBox.StandardButton.Yes))
        qtbot.keyClick(review2.text, Qt.Key.Key_A,
                       Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
        with qtbot.waitSignal(dialog2.imported, timeout=30000):
            qtbot.mouseClick(review2.store_button, Qt.MouseButton.LeftButton)
        [result] = dialog2.results
        assert result.status == IMPORTED
        assert again.review_memory.paused_list() == []  # the original text left with the stored review
        stored = again.documents.text(result.document_id)
        assert "Jodie" not in stored and "wobbles" not in stored and "Rochdale" in stored
    finally:
        again.close()


def test_file_menu_resumes_a_paused_review(qtbot, project, tmp_path: Path):
    from qualcoder_cse.ui.main_window import MainWindow
    from qualcoder_cse.ui.settings import Settings

    path = _write(tmp_path, "interview.txt", TEXT)
    dialog, review = _open_review(qtbot, project, [path])
    jodie = _go_to_surface(review, "Jodie Smith")
    qtbot.keyClick(review.text, Qt.Key.Key_A)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(review.pause_button, Qt.MouseButton.LeftButton)
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    action = window.findChild(QAction, "resumePausedReviewAction")
    assert action in window.menus["import"].actions() and not action.isEnabled()
    window.set_project(project)
    assert action.isEnabled()
    action.trigger()  # one paused review: it is resumed at once
    resumed = window.findChild(ImportDialog)
    qtbot.waitUntil(lambda: resumed.review_dialog is not None and resumed.review_dialog.session is not None,
                    timeout=60000)
    review2 = resumed.review_dialog
    assert review2.session.get(jodie).status == ACCEPTED
    assert review2.status_label.text().startswith("Resumed the review paused on")
    review2.cancel_import(ask=False)


def test_resume_says_where_to_import_a_moved_file(qtbot, project, tmp_path: Path, monkeypatch):
    from qualcoder_cse.ui import review_resume
    from qualcoder_cse.ui.main_window import MainWindow
    from qualcoder_cse.ui.settings import Settings

    path = _write(tmp_path, "moved.txt", TEXT)
    dialog, review = _open_review(qtbot, project, [path])
    qtbot.keyClick(review.text, Qt.Key.Key_A)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(review.pause_button, Qt.MouseButton.LeftButton)
    path.rename(tmp_path / "elsewhere.txt")
    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    window.set_project(project)
    said = []
    monkeypatch.setattr(review_resume.QMessageBox, "information", lambda _w, _t, text: said.append(text))
    [paused] = project.review_memory.paused_list()
    assert review_resume.resume_paused(window, paused) is None
    assert "no longer at" in said[0] and "File > Import > Transcripts" in said[0]
    assert project.review_memory.paused_list()  # nothing lost


def test_pause_button_goes_on_to_the_next_file(qtbot, project, tmp_path: Path):
    files = [_write(tmp_path, "p1.txt", TEXT), _write(tmp_path, "p2.txt", "YP: Zorbek drove to Oldham.\n")]
    dialog, review = _open_review(qtbot, project, files)
    first = review.session
    qtbot.keyClick(review.text, Qt.Key.Key_A)
    qtbot.mouseClick(review.pause_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: review.session is not None and review.session is not first, timeout=60000)
    assert [p.name for p in project.review_memory.paused_list()] == ["p1"]
    assert "File 2 of 2" in review.file_label.text()
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(review.skip_button, Qt.MouseButton.LeftButton)
    assert [r.status for r in dialog.results] == [PAUSED, "skipped"]


CHAT = (
    "Interviewer: Dr Helen Marsh\n"
    "[18:01] deano_x: who's out tonight\n"
    "[18:02] keelz.m: not me im grounded\n"
    "[18:03] deano_x: jay u coming\n"
    "[18:04] keelz.m: no. ask pearl\n"
    "[18:05] jaymoney07: ye me n ty will meet u\n"
    "[18:06] jaymoney07: ok\n"
)


def test_chat_export_one_numbered_placeholder_per_handle_and_a_header_is_no_turn(qtbot, project, tmp_path):
    dialog, review = _open_review(qtbot, project, [_write(tmp_path, "chat.txt", CHAT)])
    session = review.session
    speakers = [t.speaker for t in review.prepared.turns]
    assert speakers == ["deano_x", "keelz.m", "deano_x", "keelz.m", "jaymoney07", "jaymoney07"]
    assert "Interviewer" not in speakers  # "Interviewer: Dr Helen Marsh" is a header, not a turn
    QTimer.singleShot(0, lambda: _answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(review.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert session.pending_count == 0
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(review.store_button, Qt.MouseButton.LeftButton)
    [result] = dialog.results
    turns = project.turns.list(result.document_id)
    labels = [t.speaker for t in turns]
    assert len(set(labels)) == 3 and all(lab.startswith("[Username ") for lab in labels)
    assert labels[0] == labels[2] and labels[1] == labels[3] and labels[0] != labels[1] != labels[4]
    stored = project.documents.text(result.document_id)
    for secret in ("deano_x", "keelz.m", "jaymoney07", "Helen Marsh", "pearl", " ty "):
        assert secret not in stored


def test_detect_jsonl_prints_what_the_review_screen_proposes(qtbot, project, tmp_path: Path):
    text = "YP: Summer Hollins, fourteen at the time, met mel by the Esplanade in FY1. big stevo drove.\n"
    path = _write(tmp_path, "same.txt", text)
    _dialog, review = _open_review(qtbot, project, [path])
    shown = sorted((p.start, p.end, p.label) for p in review.session.proposals)
    out = subprocess.run([sys.executable, "-m", "qualcoder_cse", "detect", "--jsonl", str(path)],
                         capture_output=True, text=True, cwd=ROOT, check=True, timeout=120)
    printed = sorted((s["start"], s["end"], s["label"]) for s in json.loads(out.stdout)["spans"])
    assert printed == shown
    assert any(s.confidence < 0.4 for s in review.session.proposals)  # the unsure ones are in both
    review.cancel_import(ask=False)


def test_detect_as_review_prints_the_screen_offsets_for_a_file_that_needs_normalising(qtbot, project, tmp_path):
    # Windows newlines and a decomposed accent: the screen shows the normalised text, so plain offsets differ
    raw = "INT: Who drove?\r\nYP: Jose\u0301 Marti\u0301nez took me to Rochdale. big stevo drove.\r\n"
    path = tmp_path / "crlf.txt"
    path.write_bytes(raw.encode("utf-8"))
    _dialog, review = _open_review(qtbot, project, [path])
    shown = sorted((p.start, p.end, p.label) for p in review.session.proposals)
    texts = {review.session.text[p.start:p.end] for p in review.session.proposals}
    out = subprocess.run([sys.executable, "-m", "qualcoder_cse", "detect", "--jsonl", "--as-review", str(path)],
                         capture_output=True, text=True, cwd=ROOT, check=True, timeout=120)
    line = json.loads(out.stdout)
    assert line["normalised"] is True
    assert sorted((s["start"], s["end"], s["label"]) for s in line["spans"]) == shown
    assert {s["text"] for s in line["spans"]} == texts
    plain = subprocess.run([sys.executable, "-m", "qualcoder_cse", "detect", "--jsonl", str(path)],
                           capture_output=True, text=True, cwd=ROOT, check=True, timeout=120)
    assert sorted((s["start"], s["end"], s["label"]) for s in json.loads(plain.stdout)["spans"]) != shown
    review.cancel_import(ask=False)


def test_a_paused_review_that_does_not_fit_the_text_is_not_restored(qtbot, project, tmp_path: Path):
    path = _write(tmp_path, "odd.txt", TEXT)
    sha = hashlib.sha256(path.read_bytes()).hexdigest()
    project.review_memory.pause(sha, "odd", str(path), {"session": {"version": 1, "text": "other text",
                                                                    "proposals": []}}, 3)
    _dialog, review = _open_review(qtbot, project, [path])
    assert "does not fit the text" in review.status_label.text()
    assert all(p.status == PENDING for p in review.session.proposals)
    review.cancel_import(ask=False)


DISCORD = (
    "kai.xo — Today at 19:02\n"
    "who's going to the market sat\n"
    "\n"
    "reeceyboy — Today at 19:03\n"
    "me n dev. big ash said he'll drive us\n"
    "\n"
    "kai.xo — Today at 19:05\n"
    "ash is like 25 tho\n"
    "\n"
    "reeceyboy — Today at 19:08\n"
    "he gave tiana a phone\n"
)


def test_discord_export_handles_are_speakers_and_never_stored(qtbot, project, tmp_path):
    dialog, review = _open_review(qtbot, project, [_write(tmp_path, "discord.txt", DISCORD)])
    assert [t.speaker for t in review.prepared.turns] == ["kai.xo", "reeceyboy", "kai.xo", "reeceyboy"]
    assert [t.timestamp for t in review.prepared.turns] == ["19:02", "19:03", "19:05", "19:08"]
    QTimer.singleShot(0, lambda: _answer(QMessageBox.StandardButton.Yes))
    qtbot.keyClick(review.text, Qt.Key.Key_A, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    with qtbot.waitSignal(dialog.imported, timeout=30000):
        qtbot.mouseClick(review.store_button, Qt.MouseButton.LeftButton)
    [result] = dialog.results
    labels = [t.speaker for t in project.turns.list(result.document_id)]
    assert labels[0] == labels[2] != labels[1] == labels[3] and labels[0].startswith("[Username ")
    stored = project.documents.text(result.document_id)
    for secret in ("kai.xo", "reeceyboy", "tiana", "ash", "dev."):
        assert secret not in stored
