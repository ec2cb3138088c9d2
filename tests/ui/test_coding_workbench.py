"""Coding in the real main window: select text, apply a code by click, shortcut and drop; see the highlight;
undo and redo; remove and resize; merge and delete codes from the tree and undo; emoji offsets; idle lock."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor, QGuiApplication, QTextCursor
from PySide6.QtWidgets import QApplication, QDialogButtonBox, QMessageBox

from qualcoder_cse.ui.code_tree_model import SPAN_MIME
from qualcoder_cse.ui.main_window import PAGE_LOCK, PAGE_WORK
from qualcoder_cse.ui.merge_dialog import MergeCodeDialog

CAWN = "Disruption/Child Abduction Warning Notices"
HOTELS = "Disruption/Premises, hotels and licensed venues"


def _code(window, path):
    return window.project.codes.by_path(path)


def _click_code(qtbot, window, code_id):
    panel = window.code_panel
    idx = panel.proxy_index_of(code_id)
    panel.view.scrollTo(idx)
    rect = panel.view.visualRect(idx)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=rect.center())


def _open(window, name):
    doc = window.project.documents.by_name(name)
    window.show_document(doc.id)
    return doc, window.project.documents.text(doc.id)


def _tinted_fraction(window, start, end) -> float:
    """Share of the pixels behind the first line of a span that are not plain white (painted highlight)."""
    view = window.view
    view.select_cp(end)  # no selection, so only our tint can colour the background
    QApplication.processEvents()
    img = view.viewport().grab().toImage()
    cur = QTextCursor(view.document())
    cur.setPosition(view.offsets.to_qt(start))
    r1 = view.cursorRect(cur)
    cur.setPosition(view.offsets.to_qt(start) + 3)
    r2 = view.cursorRect(cur)
    dpr = img.devicePixelRatio()
    xs = range(int(r1.left() * dpr) + 1, int(r2.left() * dpr))
    y = int((r1.top() + 1) * dpr)  # the top row of the line: above the glyphs
    pixels = [QColor(img.pixel(x, y)) for x in xs]
    return sum(1 for c in pixels if c.name() != "#ffffff") / max(1, len(pixels))


def test_apply_by_click_shows_highlight_undo_redo(qtbot, main_window):
    w = main_window
    doc, text = _open(w, "Police lead 1")
    start = text.index("Child Abduction Warning Notices")
    end = start + len("Child Abduction Warning Notices")
    assert _tinted_fraction(w, start, end) == 0
    w.view.select_cp(start, end)
    code = _code(w, CAWN)
    _click_code(qtbot, w, code.id)
    codings = w.project.codings.list(document_id=doc.id)
    assert [(c.code_id, c.start, c.end, c.coder_id) for c in codings] == [(code.id, start, end, w.project.coder.id)]
    assert [p.coding_id for p in w.view.painted] == [codings[0].id]
    assert _tinted_fraction(w, start, end) == 1.0
    qtbot.waitUntil(lambda: w.code_panel.model.totals.get(code.id) == 1)
    assert w.coding.recent_codes == [code.id]

    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.project.codings.list(document_id=doc.id) == []
    assert w.view.painted == []
    assert _tinted_fraction(w, start, end) == 0
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier | Qt.KeyboardModifier.ShiftModifier)
    assert w.project.codings.list(document_id=doc.id) == codings  # same id, span and coder
    assert _tinted_fraction(w, start, end) == 1.0


def test_apply_by_shortcut_and_drop_remove_and_resize(qtbot, main_window):
    w = main_window
    doc, text = _open(w, "Police lead 1")
    cawn, hotels = _code(w, CAWN), _code(w, HOTELS)
    a = text.index("we visit hotels")
    w.view.select_cp(a, a + len("we visit hotels"))
    assert w.coding.apply_code(hotels.id)
    w.view.select_cp(a + 3, a + 15)
    assert w.coding.apply_code(cawn.id)
    assert w.coding.recent_codes == [hotels.id, cawn.id]  # a new code takes the next free key; none moves

    b = text.index("integrated team")
    w.view.select_cp(b, b + len("integrated team"))
    w.activateWindow()
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_1)  # key 1 = hotels, still
    made = [c for c in w.project.codings.list(document_id=doc.id) if c.start == b]
    assert [(c.code_id, c.end) for c in made] == [(hotels.id, b + len("integrated team"))]
    assert w.coding.recent_codes == [hotels.id, cawn.id]  # keys stay stable once given

    # Drag the selection onto a code: the drag carries ids and offsets, never the text.
    c = text.index("Victim support")
    w.view.select_cp(c, c + len("Victim support"))
    mime = w.view.createMimeDataFromSelection()
    assert not mime.hasText() and mime.hasFormat(SPAN_MIME)
    from PySide6.QtCore import QPointF
    from PySide6.QtGui import QDropEvent

    tree = w.code_panel.view
    idx = w.code_panel.proxy_index_of(cawn.id)
    tree.scrollTo(idx)
    rect = tree.visualRect(idx)
    drop = QDropEvent(QPointF(rect.left() + 20, rect.top() + 1), Qt.DropAction.CopyAction, mime,
                      Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier)  # near the row's top edge
    tree.dropEvent(drop)
    assert drop.isAccepted()
    assert any(x.start == c and x.code_id == cawn.id for x in w.project.codings.list(document_id=doc.id))

    # Overlapping codings get their own margin lanes.
    lanes = {p.lane for p in w.view.painted if p.qs < w.view.offsets.to_qt(a + 15)
             and p.qe > w.view.offsets.to_qt(a + 3)}
    assert lanes == {0, 1}

    # Remove the CAWN coding inside the hotels one from the details pane, then undo.
    w.view.select_cp(a + 5)
    qtbot.waitUntil(lambda: w.details.list.topLevelItemCount() == 2)
    target = next(x for x in w.project.codings.at(doc.id, a + 5) if x.code_id == cawn.id)
    for i in range(2):
        item = w.details.list.topLevelItem(i)
        if item.data(0, Qt.ItemDataRole.UserRole) == target.id:
            w.details.list.setCurrentItem(item)
    qtbot.mouseClick(w.details.remove_button, Qt.MouseButton.LeftButton)
    assert target.id not in {x.id for x in w.project.codings.list(document_id=doc.id)}
    w.undo_stack.undo()
    assert w.project.codings.get(target.id) == target

    # Extend the hotels coding to a larger selection, then undo.
    hot = next(x for x in w.project.codings.at(doc.id, a) if x.code_id == hotels.id)
    w.view.select_cp(a - 10, a + 30)
    assert w.coding.fit_coding_to_selection(hot.id)
    assert (w.project.codings.get(hot.id).start, w.project.codings.get(hot.id).end) == (a - 10, a + 30)
    w.undo_stack.undo()
    assert (w.project.codings.get(hot.id).start, w.project.codings.get(hot.id).end) == (hot.start, hot.end)


def test_merge_two_codes_from_the_tree_and_undo(qtbot, main_window):
    w = main_window
    doc, text = _open(w, "Police lead 1")
    cawn, hotels = _code(w, CAWN), _code(w, HOTELS)
    for code, phrase in ((cawn, "Child Abduction"), (hotels, "hotels")):
        s = text.index(phrase)
        w.view.select_cp(s, s + len(phrase))
        w.coding.apply_code(code.id)
    before = w.project.codings.list(document_id=doc.id)

    def choose(dlg):
        assert isinstance(dlg, MergeCodeDialog)
        dlg.filter.setText("abduction")
        dlg.select_code(cawn.id)
        qtbot.mouseClick(dlg.findChild(QDialogButtonBox).button(QDialogButtonBox.StandardButton.Ok),
                         Qt.MouseButton.LeftButton)

    _on_next_modal(choose)
    menu = w.code_panel.build_menu(hotels.id)
    next(a for a in menu.actions() if a.text() == "Merge into…").trigger()
    assert {c.code_id for c in w.project.codings.list(document_id=doc.id)} == {cawn.id}
    qtbot.waitUntil(lambda: hotels.id not in w.code_panel.model.codes)
    assert w.code_panel.model.totals[cawn.id] == 2
    assert w.undo_stack.undoText().startswith("Merge code")
    # a verified backup was taken first, holding both codes (the status bar said where)
    before_merge = [b for b in w.project.backups.list() if b.reason == "before-merge-of-codes"]
    assert len(before_merge) == 1 and before_merge[0].opens and before_merge[0].path.exists()

    w.activateWindow()
    w.view.setFocus()
    qtbot.waitUntil(lambda: QApplication.activeWindow() is w)
    qtbot.keyClick(w.view, Qt.Key.Key_Z, Qt.KeyboardModifier.ControlModifier)
    assert w.project.codings.list(document_id=doc.id) == before
    assert w.project.codes.get(hotels.id).path == HOTELS
    qtbot.waitUntil(lambda: hotels.id in w.code_panel.model.codes)


def test_codebook_changes_are_undoable(qtbot, main_window, monkeypatch):
    w = main_window
    cawn = _code(w, CAWN)
    model = w.code_panel.model
    assert model.setData(model.index_of(cawn.id), "CAWNs")
    assert w.project.codes.get(cawn.id).name == "CAWNs"
    new_id = w.code_panel.new_code(cawn.parent_id, name="Dispersal orders")
    assert w.project.codes.get(new_id).path == "Disruption/Dispersal orders"
    doc, _text = _open(w, "Police lead 1")
    w.view.select_cp(0, 10)
    w.coding.apply_code(cawn.id)
    w.code_panel.move_code(cawn.id, None)
    assert w.project.codes.get(cawn.id).parent_id is None

    _on_next_modal(lambda box: box.button(QMessageBox.StandardButton.Yes).click())
    assert w.code_panel.delete_code(cawn.id)
    assert w.project.codings.list(document_id=doc.id) == []
    for _ in range(5):  # delete, apply, move, new code, rename
        w.undo_stack.undo()
    restored = w.project.codes.get(cawn.id)
    assert restored.path == CAWN
    assert w.project.codes.child_named(cawn.parent_id, "Dispersal orders") is None
    w.undo_stack.redo()
    assert w.project.codes.get(cawn.id).name == "CAWNs"


def test_emoji_offsets_before_inside_and_after(qtbot, main_window):
    w = main_window
    text = "yp1: 😀 hi\nyp2: they tell ur mum 😩 and everyone knows 🤷‍♀️ tbh\nyp1: ok 💯"
    doc = w.project.documents.add("Emoji chat", text, kind="young_person")
    w.show_document(doc.id)
    start, end = text.index("they tell"), text.index(" tbh")  # 😀 before, 😩 inside, 💯 after

    def qt(i):
        return len(text[:i].encode("utf-16-le")) // 2

    cur = w.view.textCursor()
    cur.setPosition(qt(start))
    cur.setPosition(qt(end), QTextCursor.MoveMode.KeepAnchor)
    w.view.setTextCursor(cur)
    assert w.view.selection_cp() == (start, end)
    w.coding.apply_code(_code(w, CAWN).id)
    (coding,) = w.project.codings.list(document_id=doc.id)
    assert (coding.start, coding.end) == (start, end)
    assert w.project.codings.text(coding) == "they tell ur mum 😩 and everyone knows 🤷‍♀️"
    (painted,) = w.view.painted
    assert (painted.qs, painted.qe) == (qt(start), qt(end))
    _open(w, "Police lead 1")
    w.show_document(doc.id, start, end)  # what search results and matrices call
    assert w.current_document_id == doc.id and w.view.selection_cp() == (start, end)
    assert w.view.textCursor().selectedText() == text[start:end]


def test_selection_never_reaches_the_clipboard_without_copy(qtbot, main_window):
    w = main_window
    clip = QGuiApplication.clipboard()
    clip.setText("before")
    _doc, text = _open(w, "Police lead 1")
    w.view.select_cp(0, 20)
    assert clip.text() == "before"
    w.view.setFocus()
    qtbot.keyClick(w.view, Qt.Key.Key_C, Qt.KeyboardModifier.ControlModifier)
    assert clip.text() == text[:20]


def test_coder_filter_shows_mine_or_all(qtbot, main_window):
    w = main_window
    doc, _text = _open(w, "Police lead 1")
    code = _code(w, CAWN)
    w.project.codings.add(code.id, doc.id, 0, 5, coder="bob")
    w.project.codings.add(code.id, doc.id, 10, 15)
    qtbot.waitUntil(lambda: len(w.view.painted) == 2)
    box = w.coder_filter_box
    texts = [box.itemText(i) for i in range(box.count())]
    assert texts[:2] == ["All coders", "My codings (alice)"]
    box.setCurrentIndex(1)
    assert [(p.qs, p.qe) for p in w.view.painted] == [(10, 15)]
    bob = w.project.coders.by_name("bob")
    w.coding.fill_coder_filter()
    box.setCurrentIndex(box.findData(bob.id))
    assert [(p.qs, p.qe) for p in w.view.painted] == [(0, 5)]
    assert w.code_panel.model.totals[code.id] == 1
    assert "alice" in w.coder_label.text()


def test_idle_lock_hides_text_until_passphrase(qtbot, main_window, passphrase):
    w = main_window
    _open(w, "Police lead 1")
    assert w.view.isVisible()
    from PySide6.QtWidgets import QDialog, QProgressDialog

    other = QDialog(w)
    other.setWindowTitle("a dialog showing a quotation")
    other.show()
    progress = QProgressDialog("Importing…", "Cancel", 0, 10, w)
    progress.show()
    cancelled = []
    progress.canceled.connect(lambda: cancelled.append(True))
    w.idle.set_timeout_ms(50)
    qtbot.waitUntil(lambda: w.locked, timeout=3000)
    assert not other.isVisible() and not progress.isVisible()
    assert not cancelled  # a long job goes on behind the lock
    assert not w.coder_bar.isVisible()
    assert w.stack.currentIndex() == PAGE_LOCK
    assert not w.view.isVisible()
    assert not any(d.isVisible() for d in w.docks.values())
    assert w.selection() is None
    w.idle.set_timeout_ms(0)
    qtbot.keyClicks(w.lock_screen.passphrase, "not the passphrase")
    qtbot.mouseClick(w.lock_screen.button, Qt.MouseButton.LeftButton)
    assert w.locked and "not right" in w.lock_screen.message.text()
    w.lock_screen.passphrase.setText(passphrase)
    qtbot.mouseClick(w.lock_screen.button, Qt.MouseButton.LeftButton)
    assert not w.locked
    assert w.stack.currentIndex() == PAGE_WORK and w.view.isVisible()
    assert w.docks["codes"].isVisible()
    assert progress.isVisible() and not other.isVisible()


def _on_next_modal(handler):
    def poll():
        dlg = QApplication.activeModalWidget()
        if dlg is None:
            QTimer.singleShot(20, poll)
        else:
            handler(dlg)

    QTimer.singleShot(0, poll)


def test_unexpected_error_is_a_dialog_not_a_crash(qtbot, main_window, monkeypatch):
    from qualcoder_cse.ui import errors

    shown = []
    monkeypatch.setattr(errors, "show_error", lambda parent, exc, title="": shown.append(errors.message_for(exc)))
    try:
        raise KeyError("transcript words that must not be logged")
    except KeyError as exc:
        safe = errors.safe_traceback(type(exc), exc, exc.__traceback__)
        errors._hook(type(exc), exc, exc.__traceback__)
    assert "transcript words" not in safe and "KeyError" in safe
    assert shown and "KeyError" in shown[0] and "transcript words" not in shown[0]


def test_recent_code_keys_come_from_my_last_codings(qtbot, main_window, project_path, passphrase):
    from qualcoder_cse.core import Project

    w = main_window
    doc, _text = _open(w, "Police lead 1")
    cawn, hotels = _code(w, CAWN), _code(w, HOTELS)
    w.project.codings.add(hotels.id, doc.id, 0, 5)
    w.project.codings.add(cawn.id, doc.id, 5, 9)
    w.project.codings.add(hotels.id, doc.id, 20, 30, coder="bob")
    w.close_project()
    w.set_project(Project.open(project_path, passphrase, coder="alice"))
    assert w.coding.recent_codes == [cawn.id, hotels.id]
    assert w.code_panel.model.index_of(cawn.id).data().endswith("[1]")


def test_speaker_labels_bold_and_only_them(qtbot, main_window):
    from PySide6.QtGui import QFont

    w = main_window

    def weight(pos):
        cur = QTextCursor(w.view.document())
        cur.setPosition(w.view.offsets.to_qt(pos) + 1)
        return cur.charFormat().fontWeight()

    _open(w, "Police lead 1")  # starts with a bold label, where the cursor then stands
    _doc, text = _open(w, "Young people chat")
    assert weight(0) == QFont.Weight.Bold  # "yp1:"
    assert weight(text.index("never listen")) == QFont.Weight.Normal
    assert weight(text.index("yp2:") + 1) == QFont.Weight.Bold


def test_drag_a_code_onto_another_moves_it_and_undo(qtbot, main_window):
    w = main_window
    model = w.code_panel.model
    cawn, hotels = _code(w, CAWN), _code(w, HOTELS)
    mime = model.mimeData([model.index_of(cawn.id)])
    model.dropMimeData(mime, Qt.DropAction.MoveAction, -1, -1, model.index_of(hotels.id))
    assert w.project.codes.get(cawn.id).path == HOTELS + "/Child Abduction Warning Notices"
    qtbot.waitUntil(lambda: model.codes[cawn.id].parent_id == hotels.id)
    w.undo_stack.undo()
    assert w.project.codes.get(cawn.id).path == CAWN


def test_a_refused_change_is_a_plain_dialog(qtbot, main_window):
    w = main_window
    cawn = _code(w, CAWN)
    seen = []

    def read(box):
        seen.append(box.text())
        box.accept()

    _on_next_modal(read)
    w.code_panel.rename_code(cawn.id, "Premises, hotels and licensed venues")  # a sibling has that name
    assert seen and "already exists" in seen[0]
    assert w.project.codes.get(cawn.id).name == "Child Abduction Warning Notices"
    assert w.undo_stack.count() == 0


def test_start_screen_opens_the_demo(qtbot, settings, tmp_path, monkeypatch):
    from qualcoder_cse.ui.main_window import MainWindow

    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "data"))
    monkeypatch.setenv("LOCALAPPDATA", str(tmp_path / "data"))
    window = MainWindow(settings)
    qtbot.addWidget(window)
    window.show()
    qtbot.mouseClick(window.start_screen.demo_button, Qt.MouseButton.LeftButton)
    assert window.project is not None and window.project.path.parent.parent.parent == tmp_path / "data"
    assert window.doc_model.rowCount() == 3 and window.view.painted
    window.close()


def test_hover_names_codes_and_coders(qtbot, main_window):
    w = main_window
    doc, _text = _open(w, "Police lead 1")
    code = _code(w, CAWN)
    w.project.codings.add(code.id, doc.id, 0, 12, coder="bob")
    w.project.codings.add(code.id, doc.id, 5, 20)
    qtbot.waitUntil(lambda: len(w.view.painted) == 2)
    tip = w.view.describe(w.view.painted_at_qt(w.view.offsets.to_qt(8)))
    assert tip.count("Disruption › Child Abduction Warning Notices") == 2 and "bob" in tip and "alice" in tip


def test_project_events_from_a_worker_thread_reach_the_view(qtbot, main_window):
    import threading

    w = main_window
    doc, _text = _open(w, "Police lead 1")
    code = _code(w, CAWN)
    worker = threading.Thread(target=lambda: w.project.codings.add(code.id, doc.id, 0, 12).coding)
    worker.start()
    worker.join()
    qtbot.waitUntil(lambda: len(w.view.painted) == 1)


def test_layout_is_kept_between_sessions(qtbot, main_window, settings):
    from qualcoder_cse.ui.main_window import MainWindow

    main_window.docks["details"].hide()
    main_window.close()
    again = MainWindow(settings)
    qtbot.addWidget(again)
    again.restore_layout()
    assert not again.docks["codes"].isVisible()  # start screen: no docks
    again.close()


def test_run_in_background_reports_result_and_errors(qtbot, main_window):
    from qualcoder_cse.core.errors import InvalidValue

    w = main_window
    results = []

    def work(progress):
        for i in range(3):
            progress(i, 3)
        return w.project.documents.count()

    w.run_in_background(work, results.append, "Counting…")
    qtbot.waitUntil(lambda: results == [3])
    seen = []
    _on_next_modal(lambda box: (seen.append(box.text()), box.accept()))

    def fail(progress):
        raise InvalidValue("A plain sentence.")

    w.run_in_background(fail, results.append)
    qtbot.waitUntil(lambda: seen == ["A plain sentence."])
    assert results == [3]


def test_code_names_with_a_slash(qtbot, main_window):
    w = main_window
    _doc, _text = _open(w, "Police lead 1")
    code_id = w.code_panel.new_code(None, name="Warning letters / informal")
    w.view.select_cp(0, 12)
    assert w.coding.apply_code(code_id)
    assert "<b>Warning letters / informal</b>" in w.coding_feedback.text()
    w.view.select_cp(3)
    qtbot.waitUntil(lambda: w.details.list.topLevelItemCount() == 1)
    assert w.details.list.topLevelItem(0).text(0) == "Warning letters / informal"
    assert "Warning letters / informal" in w.view.describe(w.view.painted_at_qt(3))


def test_coding_memo_from_details_is_undoable(qtbot, main_window):
    w = main_window
    doc, _text = _open(w, "Police lead 1")
    w.view.select_cp(0, 12)
    w.coding.apply_code(_code(w, CAWN).id)
    w.view.select_cp(4)
    qtbot.waitUntil(lambda: w.details.list.topLevelItemCount() == 1)
    w.details.memo.setPlainText("A strong example of an integrated team.")
    qtbot.mouseClick(w.details.save_memo, Qt.MouseButton.LeftButton)
    (coding,) = w.project.codings.list(document_id=doc.id)
    assert coding.memo == "A strong example of an integrated team."
    w.undo_stack.undo()
    assert w.project.codings.get(coding.id).memo == ""


def test_text_context_menu_and_hover(qtbot, main_window):
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QHelpEvent
    from PySide6.QtWidgets import QToolTip

    w = main_window
    doc, _text = _open(w, "Police lead 1")
    cawn = _code(w, CAWN)
    w.view.select_cp(0, 12)
    w.coding.apply_code(cawn.id)
    menu = w.coding.build_text_menu(3)
    labels = [a.text() for a in menu.actions()]
    assert labels[0] == "Apply code" and "Remove coding" in labels and "Copy" in labels
    remove = next(a for a in menu.actions() if a.text() == "Remove coding").menu()
    remove.actions()[0].trigger()
    assert w.project.codings.list(document_id=doc.id) == []
    w.undo_stack.undo()
    w.view.select_cp(20)
    cur = QTextCursor(w.view.document())
    cur.setPosition(3)
    pos = w.view.cursorRect(cur).center()
    w.view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, pos, w.view.viewport().mapToGlobal(pos)))
    assert "Child Abduction Warning Notices — alice" in QToolTip.text()
    w.view.viewportEvent(QHelpEvent(QEvent.Type.ToolTip, QPoint(5, 400), QPoint(5, 400)))


def test_an_error_raised_again_behind_its_dialog_gives_one_dialog(qtbot, main_window, monkeypatch):
    from qualcoder_cse.ui import errors

    shown = []

    def fake_show(parent, exc, title=""):
        shown.append(type(exc).__name__)
        try:
            raise ValueError("again")
        except ValueError as again:
            errors._hook(type(again), again, again.__traceback__)

    monkeypatch.setattr(errors, "show_error", fake_show)
    try:
        raise RuntimeError("first")
    except RuntimeError as exc:
        errors._hook(type(exc), exc, exc.__traceback__)
    assert shown == ["RuntimeError"]


def test_select_with_the_mouse_then_click_a_code(qtbot, main_window):
    w = main_window
    doc, text = _open(w, "Police lead 1")
    start = text.index("integrated team")
    end = start + len("integrated team")

    def point(cp):
        cur = QTextCursor(w.view.document())
        cur.setPosition(w.view.offsets.to_qt(cp))
        r = w.view.cursorRect(cur)
        return r.center()

    vp = w.view.viewport()
    qtbot.mousePress(vp, Qt.MouseButton.LeftButton, pos=point(start))
    qtbot.mouseMove(vp, point(start + 5))
    qtbot.mouseMove(vp, point(end))
    qtbot.mouseRelease(vp, Qt.MouseButton.LeftButton, pos=point(end))
    assert w.view.selection_cp() == (start, end)
    assert "Selected 15 characters" in w.selection_label.text()
    code = _code(w, CAWN)
    _click_code(qtbot, w, code.id)
    assert [(c.start, c.end) for c in w.project.codings.list(document_id=doc.id)] == [(start, end)]


def test_applying_the_same_code_twice_changes_nothing(qtbot, main_window):
    w = main_window
    doc, _text = _open(w, "Police lead 1")
    code = _code(w, CAWN)
    w.view.select_cp(0, 12)
    assert w.coding.apply_code(code.id)
    assert w.coding.apply_code(code.id)
    assert "Already coded" in w.statusBar().currentMessage()
    assert len(w.project.codings.list(document_id=doc.id)) == 1
    assert w.undo_stack.count() == 1
    w.undo_stack.undo()
    assert w.project.codings.list(document_id=doc.id) == []


def test_a_memo_typed_but_not_saved_is_kept(qtbot, main_window):
    w = main_window
    doc, _text = _open(w, "Police lead 1")
    w.view.select_cp(0, 12)
    w.coding.apply_code(_code(w, CAWN).id)
    w.view.select_cp(4)
    qtbot.waitUntil(lambda: w.details.list.topLevelItemCount() == 1)
    w.details.memo.setPlainText("Typed, then the cursor moved on.")
    w.view.select_cp(40)  # no coding here: the pane moves on
    qtbot.waitUntil(lambda: w.details.list.topLevelItemCount() == 0)
    (coding,) = w.project.codings.list(document_id=doc.id)
    assert coding.memo == "Typed, then the cursor moved on."
    assert w.undo_stack.undoText() == "Edit coding memo"


def test_removing_a_coding_with_an_unsaved_memo_is_quiet(qtbot, main_window):
    w = main_window
    doc, _text = _open(w, "Police lead 1")
    w.view.select_cp(0, 12)
    w.coding.apply_code(_code(w, CAWN).id)
    w.view.select_cp(4)
    qtbot.waitUntil(lambda: w.details.list.topLevelItemCount() == 1)
    w.details.memo.setPlainText("half a thought")
    qtbot.mouseClick(w.details.remove_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: w.details.list.topLevelItemCount() == 0)
    assert w.project.codings.list(document_id=doc.id) == []
    assert QApplication.activeModalWidget() is None  # no error dialog
    w.undo_stack.undo()
    assert len(w.project.codings.list(document_id=doc.id)) == 1


def test_apply_by_typing_a_code_name(qtbot, main_window):
    w = main_window
    doc, _text = _open(w, "Police lead 1")
    w.view.select_cp(0, 12)

    def pick(dlg):
        qtbot.keyClicks(dlg.filter, "abduction")
        qtbot.keyClick(dlg.filter, Qt.Key.Key_Return)

    _on_next_modal(pick)
    w.coding.apply_code_dialog()
    (coding,) = w.project.codings.list(document_id=doc.id)
    assert coding.code_id == _code(w, CAWN).id


def test_settings_file_holds_no_transcript_text(qtbot, main_window, settings, passphrase):
    w = main_window
    _doc, text = _open(w, "Board focus group")
    start = text.index("Information sharing")
    w.view.select_cp(start, start + 40)
    w.coding.apply_code(_code(w, CAWN).id)
    w.close()
    settings.sync()
    stored = Path(settings.qs.fileName()).read_text(encoding="utf-8", errors="replace")
    assert "project.qcse" in stored  # the recent list is there...
    for fragment in ("Information sharing", "MASH", "patchy", passphrase):
        assert fragment not in stored  # ...but no words of a transcript, and no passphrase
