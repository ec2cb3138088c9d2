"""A researcher's whole day in one window session (issue 23): every step follows the one before, as the
suite's separate tests never did, so that a step that breaks a later one (opening Analysis broke Agreement
and File > Export for the rest of the session) fails here.

Create a project; import three transcripts (police interview, focus group, young people's chat) through
the review screen, each with its own kind; code by click, key and drag; undo and redo; write a coding memo;
map speakers to cases (a wheel over the case boxes changes nothing) and set a case attribute; search and
code every hit; close and come back as a second coder (picked deliberately) who double-codes; open Analysis
and visit every matrix; export the workbook, the encrypted workbook and the briefing from the window; lock
and unlock; close and reopen; then check every output: the workbook read back with pandas and openpyxl
(one header row per sheet, values matching the codings), the encrypted one decrypted to the same, the
briefing. Real MainWindow, real SQLCipher file, real dialogs, offscreen.

The day runs in a fresh Python process (as the app starts: pandas and the analysis package not yet loaded),
so that a bug that depends on what was imported first (item 1 of the issue was one) cannot be hidden by
the tests that ran before it in the same process.
"""

from __future__ import annotations

import io
import os
import shutil
import subprocess
import sys
from pathlib import Path

import docx
import msoffcrypto
import openpyxl
import pandas as pd
import pytest
from PySide6.QtCore import QPoint, QPointF, Qt, QTimer
from PySide6.QtGui import QDropEvent, QWheelEvent
from PySide6.QtWidgets import QApplication, QDialog, QMessageBox

from qualcoder_cse.ui.analysis_tables import MATRICES
from qualcoder_cse.ui.autocode_preview_dialog import AutocodePreviewDialog
from qualcoder_cse.ui.main_window import PAGE_LOCK, PAGE_WORK, MainWindow
from qualcoder_cse.ui.new_project_dialog import NewProjectDialog
from qualcoder_cse.ui.passphrase_dialog import PassphraseDialog
from qualcoder_cse.ui.settings import Settings
from qualcoder_cse.ui.speaker_mapping_dialog import SpeakerMappingDialog

JOURNEY = Path(__file__).resolve().parents[1] / "data" / "journey"
PASSPHRASE = "Mersey ferries at dawn 1947"
CAWN = "Disruption/Child Abduction Warning Notices"
HOTELS = "Disruption/Premises, hotels and licensed venues"
INTEGRATED = "Policing models and organisational arrangements/Integrated specialist CSE team"
SHARING = "Multi-agency working/Information sharing"
JUDGED = "Young people's perspectives on policing/Feeling judged, blamed or criminalised"
POSITIVE = "Young people's perspectives on policing/Positive encounters"


def on_next_modal(handler, *, cls=None, name: str | None = None, tries: int | None = None) -> None:
    """Run ``handler(dialog)`` on the next modal dialog (of ``cls``, named ``name``) once exec() shows it;
    with ``tries``, give up after that many polls (a question that may not be asked)."""
    left = [tries]

    def poll():
        dlg = QApplication.activeModalWidget()
        wrong = dlg is None or (cls is not None and not isinstance(dlg, cls)) or (
            name is not None and dlg.objectName() != name)
        if not wrong:
            try:
                handler(dlg)
            except BaseException as exc:  # noqa: BLE001 - raised again by the test after exec() returns
                FAILURES.append(exc)
                dlg.reject()  # never leave the test hanging in exec()
        elif left[0] is None or left[0] > 0:
            left[0] = None if left[0] is None else left[0] - 1
            QTimer.singleShot(20, poll)

    QTimer.singleShot(0, poll)


FAILURES: list[BaseException] = []


def modal(handler, call, **which):
    """``call()`` opens a modal dialog that ``handler`` drives; a failure inside the handler fails the test."""
    FAILURES.clear()
    on_next_modal(handler, **which)
    result = call()
    if FAILURES:
        raise FAILURES[0]
    return result


def export_anyway() -> None:
    """The window asks before writing a file in clear: answer "Export anyway" (if it asks)."""
    on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click(), cls=QMessageBox,
                  name="clearExportConfirm", tries=150)


def wheel(widget, steps: int = -1) -> None:
    """One notch of the mouse wheel over the middle of ``widget``."""
    centre = QPointF(widget.rect().center())
    event = QWheelEvent(
        centre, QPointF(widget.mapToGlobal(centre.toPoint())), QPoint(0, 0), QPoint(0, 120 * steps),
        Qt.MouseButton.NoButton, Qt.KeyboardModifier.NoModifier, Qt.ScrollPhase.NoScrollPhase, False,
    )
    QApplication.sendEvent(widget, event)


def back_to(qtbot, window) -> None:
    """The offscreen platform does not give activation back when a dialog closes; a desktop does."""
    window.activateWindow()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is window, timeout=5000)


def click_code(qtbot, window, path: str) -> None:
    panel = window.code_panel
    idx = panel.proxy_index_of(window.project.codes.by_path(path).id)
    panel.view.scrollTo(idx)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(idx).center())


def select(window, doc_name: str, phrase: str) -> tuple[int, int]:
    doc = window.project.documents.by_name(doc_name)
    if window.current_document_id != doc.id:
        window.show_document(doc.id)
    text = window.project.documents.text(doc.id)
    start = text.index(phrase)
    window.view.select_cp(start, start + len(phrase))
    return start, start + len(phrase)


def codings_of(project, path: str) -> list:
    return project.codings.list(code_id=project.codes.by_path(path).id)


def open_as(qtbot, window, path: Path, coder: str, *, new_coder: bool = False) -> None:
    """File > Open through the passphrase dialog (with the coder picker when the name is new)."""

    def fill(dlg):
        dlg.passphrase.setText(PASSPHRASE)
        dlg.coder.setText(coder)
        dlg.try_open()
        if new_coder:
            assert dlg.coder_box.isVisibleTo(dlg) and "not a coder in this project" in dlg.message.text()
            dlg.new_coder.click()

    assert modal(fill, lambda: window.open_project_path(str(path)), cls=PassphraseDialog)
    assert window.project.coder_name == coder


def decrypt(path: Path) -> io.BytesIO:
    office = msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes()))
    assert office.is_encrypted()
    office.load_key(password="workbook pass 1")
    clear = io.BytesIO()
    office.decrypt(clear)
    clear.seek(0)
    return clear


@pytest.fixture()
def window(qtbot, tmp_path):
    w = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(w)
    w.resize(1400, 900)
    w.show()
    qtbot.waitExposed(w)
    yield w
    if w.project is not None:
        w.close_project()
    w.close()


CHILD = "QCSE_JOURNEY_CHILD"


def test_a_researchers_day_in_one_window(tmp_path):
    """Runs the day below in a fresh process, as the app starts."""
    env = dict(os.environ, **{CHILD: "1", "QT_QPA_PLATFORM": "offscreen"})
    here = Path(__file__).resolve()
    proc = subprocess.run(
        [sys.executable, "-m", "pytest", f"{here}::test_the_day", "-q", "-p", "no:cacheprovider",
         "--basetemp", str(tmp_path / "child")],
        check=False, cwd=here.parents[2], env=env, capture_output=True, text=True, timeout=600,
    )
    assert proc.returncode == 0, proc.stdout[-6000:] + proc.stderr[-2000:]
    assert "1 passed" in proc.stdout


@pytest.mark.skipif(os.environ.get(CHILD) != "1", reason="run by test_a_researchers_day_in_one_window")
def test_the_day(qtbot, window, tmp_path):
    assert type(sys.modules.get("qualcoder_cse.analysis")) is not type(os)  # not loaded yet, as in the app
    w = window
    out = tmp_path / "out"
    out.mkdir()
    files = [Path(shutil.copy(f, tmp_path / f.name)) for f in sorted(JOURNEY.glob("*.txt"))]

    # ---- 1. create a project (File > New, the real dialog)
    def create(dlg):
        dlg.name.setText("Policing CSE study")
        dlg.folder.setText(str(tmp_path))
        dlg.pass1.setText(PASSPHRASE)
        dlg.pass2.setText(PASSPHRASE)
        dlg.framework.setCurrentIndex(dlg.framework.findData("policing-cse"))
        dlg.coder.setText("alice")
        dlg.try_create()

    modal(create, w.new_project_dialog, cls=NewProjectDialog)
    assert w.project is not None and w.project.coder_name == "alice"
    project_path = Path(w.project.path)

    # ---- 2. import three transcripts through the review screen, each with its own kind
    w.import_transcripts_action.trigger()
    imp = w.import_dialog
    imp.add_paths([str(f) for f in files])
    kinds = {Path(p).name: k for p, k in imp.kinds().items()}
    assert kinds == {"focus_group.txt": "lscb", "police_interview.txt": "police",
                     "young_peoples_chat.txt": "young_person"}
    if imp.anonymise_mode.isEnabled():
        assert imp.anonymise_mode.currentData() == "review"
    with qtbot.waitSignal(imp.imported, timeout=60_000):
        imp.start_import()
        review = imp.review_dialog
        while review is not None and imp.review_dialog is not None:
            qtbot.waitUntil(lambda r=review: r.session is not None, timeout=60_000)
            session = review.session
            while session.pending_count:
                qtbot.keyClick(review.text, Qt.Key.Key_A)  # accept each proposal (these texts have few)
            qtbot.waitUntil(review.store_button.isEnabled)
            review.store_button.click()
            qtbot.waitUntil(lambda s=session, r=review: r.session is not s or imp.review_dialog is None,
                            timeout=60_000)
            review = imp.review_dialog
    assert [r.status for r in imp.results] == ["imported"] * 3
    imp.close()
    p = w.project
    docs = {d.name: d for d in p.documents.list()}
    assert {d.kind for d in docs.values()} == {"police", "lscb", "young_person"}
    police = next(n for n, d in docs.items() if d.kind == "police")
    focus = next(n for n, d in docs.items() if d.kind == "lscb")
    chat = next(n for n, d in docs.items() if d.kind == "young_person")

    # ---- 3. code by click, by key and by drag; undo and redo
    select(w, police, "Child Abduction Warning Notices")
    click_code(qtbot, w, CAWN)  # click: key 1 is now CAWN
    assert len(codings_of(p, CAWN)) == 1
    select(w, police, "A notice tells him we know")
    back_to(qtbot, w)
    w.view.setFocus()
    assert w.coding.recent_codes[0] == p.codes.by_path(CAWN).id
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # key
    assert len(codings_of(p, CAWN)) == 2
    select(w, police, "we visit hotels and taxi firms with licensing")
    mime = w.view.createMimeDataFromSelection()
    tree = w.code_panel.view
    idx = w.code_panel.proxy_index_of(p.codes.by_path(HOTELS).id)
    tree.scrollTo(idx)
    rect = tree.visualRect(idx)
    drop = QDropEvent(QPointF(rect.left() + 20, rect.top() + 1), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)
    tree.dropEvent(drop)  # drag
    assert drop.isAccepted() and len(codings_of(p, HOTELS)) == 1
    select(w, police, "Victim support officers sit with the investigators")
    click_code(qtbot, w, INTEGRATED)
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert codings_of(p, INTEGRATED) == []
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert len(codings_of(p, INTEGRATED)) == 1

    # ---- 4. a memo on a coding, from the details pane
    start, _end = select(w, police, "Child Abduction Warning Notices")
    w.view.select_cp(start + 3)
    qtbot.waitUntil(lambda: w.details.list.topLevelItemCount() == 1)
    w.details.memo.setPlainText("CAWNs used as routine disruption.")
    qtbot.mouseClick(w.details.save_memo, Qt.MouseButton.LeftButton)
    assert codings_of(p, CAWN)[0].memo == "CAWNs used as routine disruption."

    # more coding in the other two transcripts
    select(w, focus, "Information sharing with health is patchy")
    click_code(qtbot, w, SHARING)
    select(w, focus, "Through the MASH mostly")
    click_code(qtbot, w, SHARING)
    select(w, chat, "most of them judge u for going missing")
    click_code(qtbot, w, JUDGED)
    select(w, chat, "the officer was kind")
    click_code(qtbot, w, POSITIVE)

    # ---- 5. map speakers to cases (Tools > Map speakers to cases), one undo step; then an attribute
    ext = w.workbench_extensions
    mapping = {police: {"DS": "Police lead A"},
               focus: {"P1": "Board member P1", "P2": "Board member P2", "P3": "Board member P3"},
               chat: {"yp1": "Young person 1", "yp2": "Young person 2", "yp3": "Young person 3"}}

    def map_speakers(dlg):
        for name, speakers in mapping.items():
            dlg.select_document(docs[name].id)
            for speaker, case in speakers.items():
                dlg.set_case(speaker, case)
            if name == focus:
                before = dlg.case_for("P2")
                for _ in range(3):
                    wheel(dlg._box("P2"))  # scrolling over the table must not move P2
                assert dlg.case_for("P2") == before
        dlg._ok()

    steps = w.undo_stack.count()
    modal(map_speakers, ext.speakers_dialog, cls=SpeakerMappingDialog)
    assert w.undo_stack.count() == steps + 1
    cases = {c.name: c.id for c in p.cases.list()}
    assert set(cases) == {c for m in mapping.values() for c in m.values()}
    turns = {t.speaker: t.case_id for t in p.turns.list(docs[focus].id)}
    assert turns["P2"] == cases["Board member P2"]
    ext._raise(ext.cases_dock)
    editor = ext.cases_host.panel
    group = editor.add_attribute("participant group", "category", ["police", "board", "young people"])
    model = editor.model
    col = 1 + [a.id for a in model.attributes()].index(group)
    for name, cid in cases.items():
        value = "police" if name.startswith("Police") else "board" if name.startswith("Board") else "young people"
        assert model.setData(model.index(model.row_of(cid), col), value, Qt.ItemDataRole.EditRole)
    assert p.attributes.value(group, cases["Young person 2"]) == "young people"

    # ---- 6. search and code every hit (Tools > Search, Code all)
    ext.focus_search()
    search = ext.search_host.panel
    search.query_edit.clear()
    qtbot.keyClicks(search.query_edit, "police")
    qtbot.keyClick(search.query_edit, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: len(search.model.hits) > 0)
    search.set_code(p.codes.by_path(SHARING).id)
    before = len(codings_of(p, SHARING))
    modal(lambda dlg: dlg.accept(), search.code_all_clicked, cls=AutocodePreviewDialog)
    qtbot.waitUntil(lambda: len(codings_of(p, SHARING)) > before, timeout=30_000)
    alice_codings = p.codings.count()

    # ---- 7. close; a second coder opens the project (picked deliberately as new) and double-codes
    w.close_project()
    open_as(qtbot, w, project_path, "bob", new_coder=True)
    p = w.project
    select(w, police, "Child Abduction Warning Notices")
    click_code(qtbot, w, CAWN)
    select(w, police, "we visit hotels")
    click_code(qtbot, w, HOTELS)
    select(w, chat, "most of them judge u")
    click_code(qtbot, w, JUDGED)
    assert sorted(c.name for c in p.coders.list()) == ["alice", "bob"]

    # ---- 8. open Analysis and visit every matrix
    view = w.analysis_actions.show_analysis()
    for name in MATRICES:
        view.matrix_box.setCurrentText(name)
        qtbot.waitUntil(lambda: not view.busy(), timeout=60_000)
        assert view.current == name
        assert "failed" not in view.status.text(), f"{name}: {view.status.text()}"
        assert view.model.rowCount() > 0, name
        if name == "Agreement":
            assert "alice and bob: " in view.note.text() and "document(s) that either coded" in view.note.text()
    w.analysis_actions.dock.hide()

    # ---- 9. export the workbook, the encrypted workbook and the briefing from the window (File > Export)
    plain, secret = out / "study.xlsx", out / "study-protected.xlsx"
    dialog = w.analysis_actions.export_dialog()
    dialog.path_edit.setText(str(plain))
    export_anyway()
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
    dialog.close()
    dialog = w.analysis_actions.export_dialog()
    dialog.path_edit.setText(str(secret))
    dialog.encrypt_check.setChecked(True)
    dialog.password.setText("workbook pass 1")
    dialog.password_again.setText("workbook pass 1")
    dialog.briefing_check.setChecked(True)
    export_anyway()
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
    assert [Path(x) for x in dialog.written] == [secret, secret.with_suffix(".docx")]
    dialog.close()

    # ---- 10. lock (Tools > Lock now) and unlock
    lock_now = next(a for a in w.menuBar().findChildren(type(w.undo_action)) if a.text() == "&Lock now")
    lock_now.trigger()
    assert w.locked and w.stack.currentIndex() == PAGE_LOCK
    assert w.lock_screen.info.text().startswith("You locked the window")
    qtbot.keyClicks(w.lock_screen.passphrase, PASSPHRASE)
    qtbot.mouseClick(w.lock_screen.button, Qt.MouseButton.LeftButton)
    assert not w.locked and w.stack.currentIndex() == PAGE_WORK

    # ---- 11. close and reopen: everything is still there
    total = w.project.codings.count()
    assert total == alice_codings + 3
    w.close_project()
    open_as(qtbot, w, project_path, "alice")
    p = w.project
    assert p.codings.count() == total
    assert codings_of(p, CAWN)[0].memo == "CAWNs used as routine disruption."

    # ---- 12. every output
    frames = pd.read_excel(plain, sheet_name=None)
    wb = openpyxl.load_workbook(plain)
    assert list(frames) == wb.sheetnames
    for name, df in frames.items():
        assert not [c for c in df.columns if str(c).startswith("Unnamed")], name  # one header row, in row 1
        assert wb[name].print_title_rows == "$1:$1" and wb[name].page_setup.orientation == "landscape"
    codings = frames["Codings"]
    assert len(codings) == total
    by_case = frames["Code x Case codings"].set_index("Code")
    case_of = {}  # what the matrix must say, counted from the project itself
    for c in p.codings.list():
        path = p.codes.path(c.code_id)
        for turn in p.turns.list(c.document_id):
            if turn.case_id is not None and c.start < turn.end and turn.start < c.end:
                key = (path, p.cases.get(turn.case_id).name)
                case_of.setdefault(key, set()).add((c.document_id, c.start, c.end, c.coder_id))
    for (path, case), segments in case_of.items():
        assert by_case.loc[path, case] == len(segments), (path, case)
    assert by_case.loc[CAWN, "Police lead A"] == 3  # alice twice, bob once
    memos = frames["Memos"]
    assert "CAWNs used as routine disruption." in set(memos["Memo"])
    agreement = frames["Agreement"].set_index("Code")
    assert agreement.loc[CAWN, "Coder A"] == "alice" and agreement.loc[CAWN, "Documents"] == 3
    assert (frames["Agreement"]["Note"] == "not used by either").any()
    same = pd.read_excel(decrypt(secret), sheet_name=None)
    assert list(same) == list(frames)
    pd.testing.assert_frame_equal(same["Code x Case codings"], frames["Code x Case codings"])
    assert b"Child Abduction" not in secret.read_bytes()
    brief = docx.Document(decrypt(secret.with_suffix(".docx")))  # the briefing is protected with it too
    headings = [x.text for x in brief.paragraphs if x.style.name == "Heading 1"]
    assert "Disruption" in headings
    quotes = [x.text for x in brief.paragraphs if x.style.name == "Intense Quote"]
    assert len(quotes) == len(set(quotes))
    assert QMessageBox not in {type(x) for x in QApplication.topLevelWidgets() if x.isVisible()}
    assert not [x for x in QApplication.topLevelWidgets() if isinstance(x, QDialog) and x.isVisible()]
