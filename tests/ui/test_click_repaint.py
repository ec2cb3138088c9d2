"""What a click on a code repaints: the panels it changed show the new state, in one repaint of the window,
and nothing lays the window out again (a label's new text used to re-run every layout from that label up to
the main window, one event-loop turn per level, each followed by a repaint)."""

from __future__ import annotations

from PySide6.QtCore import QEvent, QObject, QPoint, QRect
from PySide6.QtWidgets import QApplication, QDockWidget, QMainWindow

WORDS = " ".join(["word"] * 400)  # every selection of the same length quotes the same words: same widths


class _LayoutCount(QObject):
    """Counts the LayoutRequest events that reach the main window or a dock, and the window's repaints."""

    def __init__(self) -> None:
        super().__init__()
        self.seen: list[str] = []
        self.repaints = 0

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.LayoutRequest and isinstance(obj, (QMainWindow, QDockWidget)):
            self.seen.append(type(obj).__name__ + ":" + obj.objectName())
        if event.type() == QEvent.Type.UpdateRequest and isinstance(obj, QMainWindow):
            self.repaints += 1
        return False


def _select(qtbot, w, start: int) -> None:
    w.view.select_cp(start, start + 14)  # "word word word"
    qtbot.wait(350)  # the details pane follows the cursor on a timer: before the click, as a person


def _click(w, code_id: int) -> None:
    w.code_panel.code_activated.emit(code_id)
    for _ in range(4):  # what the click posted: the merged update, the panels' repaints
        QApplication.sendPostedEvents()
        QApplication.processEvents()


def test_a_click_shows_its_coding_everywhere_without_laying_out_the_window(qtbot, main_window):
    w = main_window
    run = w.backup_actions.current  # the backup on open ends with a status message: not during the click
    qtbot.waitUntil(lambda: run is None or not run.running, timeout=30000)
    qtbot.wait(50)
    doc = w.project.documents.add("Plain words", WORDS)
    w.doc_model.refresh()
    w.show_document(doc.id)
    code = next(c for c in w.project.codes.list() if c.codable)
    before = len(w.project.codings.list(code_id=code.id))
    ext = w.segments_extension
    ext.show_codes([code.id])
    panel = ext.panel
    qtbot.waitUntil(lambda: panel.model.rowCount() == before)
    _select(qtbot, w, 0)
    _click(w, code.id)  # the first click shows the status bar's feedback: that one lays out
    _select(qtbot, w, 50)
    counter = _LayoutCount()
    QApplication.instance().installEventFilter(counter)
    try:
        _click(w, code.id)
    finally:
        QApplication.instance().removeEventFilter(counter)
    assert counter.seen == [], counter.seen
    assert counter.repaints == 1  # every panel in one repaint (the list and the status label asked for more)
    # every panel shows the second coding
    assert panel.model.rowCount() == before + 2
    docs = len({s.document_id for s in panel.model.segments})
    assert panel.count_label.text() == f"{before + 2} segments in {docs} document{'s' if docs != 1 else ''}"
    assert w.details.heading.text() == "Codings at the cursor (1)"
    assert w.details.list.topLevelItem(0).text(2) == "50–64"
    assert "word word word" in w.coding_feedback.text() and code.name in w.coding_feedback.text()
    assert [(c.start, c.end) for c in w.project.codings.get_many(w.view.coding_ids_at(55))] == [(50, 64)]
    # and the labels are wide enough for what they say
    for label in (panel.count_label, w.details.heading, w.coding_feedback):
        assert label.isVisible() and label.width() >= label.sizeHint().width(), label.objectName()


def test_a_steady_label_grows_for_a_longer_text_and_shrinks_for_a_much_shorter_one(qtbot):
    from qualcoder_cse.ui.steady_layout import SteadyLabel

    label = SteadyLabel("12 segments")
    qtbot.addWidget(label)
    narrow = label.width()
    label.setText("12 segments in 3 documents, coded by two coders")
    assert label.width() == label.sizeHint().width() > narrow  # grows at once
    wide = label.width()
    label.setText("12 segments in 3 documents, coded by two coder")
    assert label.width() == wide  # a little shorter: the size stays (no layout runs)
    label.setText("1 segment")
    assert label.width() == label.sizeHint().width() < wide  # much shorter: shrinks


def test_the_margin_stripes_follow_the_text_when_it_wraps_again(qtbot, main_window):
    w = main_window
    text = "\n".join(f"Paragraph {i}: " + " ".join(["several words here"] * (3 + i % 5)) for i in range(40))
    doc = w.project.documents.add("Long paragraphs", text)
    w.doc_model.refresh()
    w.show_document(doc.id)
    codes = [c for c in w.project.codes.list() if c.codable]
    for i, start in enumerate(range(5, 2000, 97)):
        w.project.codings.add(codes[i % 3].id, doc.id, start, start + 60 + (i % 4) * 40)
    qtbot.waitUntil(lambda: len(w.view.painted) > 15)
    margin = w.view.margin

    def stripes():
        QApplication.processEvents()
        margin.repaint()
        return margin.grab().toImage()

    wide = stripes()
    w.resize(w.width() - 260, w.height())  # the paragraphs wrap again: the stripes move with their lines
    narrow = stripes()
    margin.forget_layout()
    assert narrow == stripes()  # what a margin measuring every line afresh paints
    assert narrow != wide


class _PaintRects(QObject):
    def __init__(self) -> None:
        super().__init__()
        self.rects: list = []

    def eventFilter(self, obj, event) -> bool:
        if event.type() == QEvent.Type.Paint:
            self.rects.append(event.rect())
        return False


def test_a_click_repaints_the_paragraphs_it_changed_and_the_screen_shows_every_tint(qtbot, main_window):
    w = main_window
    text = "\n".join(f"Paragraph {i}: " + " ".join(["plenty of words in it"] * 3) for i in range(60))
    doc = w.project.documents.add("Many paragraphs", text)
    w.doc_model.refresh()
    w.show_document(doc.id)
    codes = [c for c in w.project.codes.list() if c.codable]
    for i, start in enumerate(range(0, 3000, 130)):
        w.project.codings.add(codes[i % 3].id, doc.id, start + 5, start + 90)
    qtbot.waitUntil(lambda: len(w.view.painted) > 10)
    viewport = w.view.viewport()

    def on_screen():
        for _ in range(4):
            QApplication.sendPostedEvents()
            QApplication.processEvents()
        shot = w.screen().grabWindow(w.winId()).toImage()  # what the window shows, not a fresh paint
        corner = viewport.mapTo(w, QPoint(0, 0))
        return shot.copy(QRect(corner, viewport.size()))

    w.view.select_cp(7 * 130 + 95, 7 * 130 + 120)
    w.code_panel.code_activated.emit(codes[4].id)  # the code gets its key 1-9: the bar above the text grows
    on_screen()
    paints = _PaintRects()
    viewport.installEventFilter(paints)
    w.view.select_cp(5 * 130 + 95, 5 * 130 + 120)  # between two codings: no new lane, the margin keeps its width
    on_screen()
    paints.rects.clear()
    w.code_panel.code_activated.emit(codes[4].id)
    clicked = on_screen()
    viewport.removeEventFilter(paints)
    assert paints.rects and all(r.height() < viewport.height() // 2 for r in paints.rects), paints.rects
    viewport.repaint()  # the whole text painted afresh shows the same
    assert on_screen() == clicked
    w.undo_stack.undo()  # and the tint goes with the coding
    undone = on_screen()
    viewport.repaint()
    assert on_screen() == undone != clicked
