"""Tools > Seal re-identification key (with a clear confirmation; Cancel keeps the key) and Tools > Document
names with identifiers (the names are found, the ticked ones renamed), driven in the real window."""

from __future__ import annotations

from PySide6.QtCore import QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

NAME = "Interview Zebedee Quixley"


def _answer(qtbot, object_name: str, act) -> list:
    """Act on the next modal widget called ``object_name`` (polled, since exec() blocks the test)."""
    seen: list = []
    tries = [0]

    def poll():
        box = QApplication.activeModalWidget()
        if box is not None and box.objectName() == object_name:
            seen.append(box)
            act(box)
            return
        tries[0] += 1
        if tries[0] < 2000:
            QTimer.singleShot(30, poll)

    QTimer.singleShot(30, poll)
    return seen


def _close_next_info_box():
    tries = [0]

    def poll():
        box = QApplication.activeModalWidget()
        if isinstance(box, QMessageBox) and box.objectName() == "":
            box.accept()
            return
        tries[0] += 1
        if tries[0] < 200:
            QTimer.singleShot(50, poll)

    QTimer.singleShot(50, poll)


def test_seal_asks_first_and_cancel_keeps_the_key(qtbot, main_window):
    w = main_window
    w.project.pseudonyms.ensure_key()
    key = w.project.path.with_name(w.project.path.name + ".idkey")
    assert key.exists()
    seen = _answer(qtbot, "sealConfirm", lambda b: b.button(QMessageBox.StandardButton.Cancel).click())
    assert w.privacy_actions.seal() is False
    assert seen and "NEW placeholder series" in seen[0].text() and key.exists()
    seen = _answer(qtbot, "sealConfirm", lambda b: b.button(QMessageBox.StandardButton.Yes).click())
    _close_next_info_box()
    assert w.privacy_actions.seal() is True
    assert not key.exists() and w.project.pseudonyms.status().sealed_at
    assert w.privacy_actions.last_result.key_destroyed


def test_document_names_with_identifiers_are_offered_for_renaming(qtbot, main_window):
    w = main_window
    w.project.documents.add(NAME, "P1: nothing to see.\n", kind="other")
    renamed: list = []

    def accept(dialog):
        assert dialog.table.rowCount() >= 1
        dialog.accept()

    seen = _answer(qtbot, "docNamesDialog", accept)
    original = w.privacy_actions.offer_renames
    w.privacy_actions.offer_renames = lambda p: renamed.append(original(p))
    w.privacy_actions.check_names()
    qtbot.waitUntil(lambda: bool(renamed), timeout=60_000)
    assert seen and renamed[0] >= 1
    names = [d.name for d in w.project.documents.list()]
    assert not any("Quixley" in n for n in names) and any(n.startswith("Interview [Person") for n in names)


def test_the_window_says_where_a_new_key_was_written(qtbot, main_window):
    from qualcoder_cse.anonymise.detect import load_detector
    from qualcoder_cse.anonymise.pipeline import anonymise_for_import

    w = main_window
    text = "P1: I met Chantelle Booth in Leeds.\n"
    anon, turns, _log = anonymise_for_import(w.project, text, [], detector=load_detector(use_model=False))
    w.project.documents.add("New", anon, turns=turns, anonymised=True)
    # said at the GUI thread's next turn, with the other panels' updates (ui.change_hub)
    qtbot.waitUntil(lambda: ".idkey" in w.statusBar().currentMessage())
    assert "Seal" in w.statusBar().currentMessage()
