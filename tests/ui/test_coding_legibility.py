"""Legible coding on the real window: labelled margin stripes side by side, sub-codes in distinct shades,
keys 1-9 that never move, the status bar's Undo link, Ctrl+K on full paths, and code names that wrap."""

from __future__ import annotations

from PySide6.QtCore import Qt, QTimer
from PySide6.QtGui import QColor
from PySide6.QtWidgets import QApplication, QStyle, QStyleOptionViewItem

from qualcoder_cse.ui.document_margin import LANE_STEP, LANE_WIDTH
from qualcoder_cse.ui.merge_dialog import CodePickerDialog

CAWN = "Disruption/Child Abduction Warning Notices"
HOTELS = "Disruption/Premises, hotels and licensed venues"


def _open(w, name="Police lead 1"):
    doc = w.project.documents.by_name(name)
    w.show_document(doc.id)
    return doc, w.project.documents.text(doc.id)


def _apply(w, path, text, phrase):
    a = text.index(phrase)
    w.view.select_cp(a, a + len(phrase))
    assert w.coding.apply_code(w.project.codes.by_path(path).id)
    return a, a + len(phrase)


def _label_pixels(image, x0: int, x1: int, colour: QColor) -> int:
    """Pixels inside a stripe's columns that are neither the stripe's colour nor the margin's background."""
    n = 0
    for y in range(image.height()):
        for x in range(x0 + 2, x1 - 2):
            c = QColor(image.pixel(x, y))
            if abs(c.red() - colour.red()) + abs(c.green() - colour.green()) + abs(c.blue() - colour.blue()) > 120 \
                    and c.name() != "#f3f3f3":
                n += 1
    return n


def test_overlapping_stripes_side_by_side_with_names(qtbot, main_window):
    w = main_window
    _doc, text = _open(w)
    # narrow enough that both passages wrap over several lines, whatever docks the window has beside the text
    w.view.setFixedWidth(300)
    QApplication.processEvents()
    _apply(w, CAWN, text, "We use Child Abduction Warning Notices a lot, and we visit hotels with licensing")
    _apply(w, HOTELS, text, "we visit hotels with licensing")
    lanes = sorted(w.view.painted, key=lambda p: p.lane)
    assert [p.lane for p in lanes] == [0, 1] and w.view.margin_width() >= 8 + 2 * LANE_STEP
    w.view.select_cp(0)
    QApplication.processEvents()
    image = w.view.margin.grab().toImage()
    dpr = image.devicePixelRatio()
    with_names = [_label_pixels(image, int((4 + p.lane * LANE_STEP) * dpr), int((4 + p.lane * LANE_STEP
                                                                                 + LANE_WIDTH) * dpr), p.colour)
                  for p in lanes]
    assert all(n > 20 for n in with_names), with_names  # each stripe carries text
    # the same stripes without names: the text pixels are gone, so they were the code's name
    w.view.set_lookup({k: (v[0], v[1], "") for k, v in w.coding.code_info.items()}, w.coding.coder_names)
    w.view.margin.repaint()
    bare = w.view.margin.grab().toImage()
    x0 = int(4 * dpr)
    assert _label_pixels(bare, x0, x0 + int(LANE_WIDTH * dpr), lanes[0].colour) < with_names[0] // 4


def test_sub_codes_in_distinct_shades_in_view_tree_and_picker(qtbot, main_window):
    w = main_window
    _doc, text = _open(w)
    cawn, hotels = w.project.codes.by_path(CAWN), w.project.codes.by_path(HOTELS)
    theme = w.project.codes.by_path("Disruption")
    assert cawn.colour == hotels.colour == theme.colour  # stored: all inherit the theme's colour
    _apply(w, CAWN, text, "Child Abduction Warning Notices")
    _apply(w, HOTELS, text, "we visit hotels")
    painted = {p.code_id: p.colour.name() for p in w.view.painted}
    assert painted[cawn.id] != painted[hotels.id]
    model = w.code_panel.model
    icons = {cid: model.data(model.index_of(cid), Qt.ItemDataRole.DecorationRole).pixmap(14, 14).toImage()
             .pixelColor(7, 7).name() for cid in (theme.id, cawn.id, hotels.id)}
    assert len(set(icons.values())) == 3
    for cid in (cawn.id, hotels.id):  # shades keep the theme's hue family
        assert abs(QColor(painted[cid]).hslHue() - QColor(theme.colour).hslHue()) < 20


def test_keys_stay_with_their_codes_and_show_in_the_tree(qtbot, main_window):
    w = main_window
    _doc, _text = _open(w)
    leaves = [c for c in w.project.codes.list() if c.parent_id is not None][:11]
    for i, code in enumerate(leaves[:9]):
        w.view.select_cp(i, i + 2)
        assert w.coding.apply_code(code.id)
    assert w.coding.recent_codes == [c.id for c in leaves[:9]]
    w.view.select_cp(20, 22)
    assert w.coding.apply_recent(1)  # leaves[0] used again: now leaves[1] is the least recently used
    w.view.select_cp(30, 32)
    assert w.coding.apply_code(leaves[9].id)
    assert w.coding.recent_codes == [leaves[0].id, leaves[9].id, *[c.id for c in leaves[2:9]]]
    idx = w.code_panel.model.index_of(leaves[9].id)
    assert w.code_panel.model.data(idx).endswith("[2]")
    assert "Key 2" in w.code_panel.model.data(idx, Qt.ItemDataRole.ToolTipRole)


def test_click_says_what_was_coded_with_an_undo_link(qtbot, main_window):
    w = main_window
    doc, text = _open(w)
    a = text.index("integrated team")
    w.view.select_cp(a, a + len("integrated team"))
    code = w.project.codes.by_path(CAWN)
    panel = w.code_panel
    idx = panel.proxy_index_of(code.id)
    panel.view.scrollTo(idx)
    qtbot.mouseClick(panel.view.viewport(), Qt.MouseButton.LeftButton, pos=panel.view.visualRect(idx).center())
    fb = w.coding_feedback
    assert fb.isVisible() and "“integrated team”" in fb.text() and "Child Abduction Warning Notices" in fb.text()
    assert "<a href='undo'>Undo</a>" in fb.text()
    assert len(w.project.codings.list(document_id=doc.id)) == 1
    fb.linkActivated.emit("undo")
    assert w.project.codings.list(document_id=doc.id) == []
    # the link never undoes a later, different step
    w.view.select_cp(a, a + 10)
    assert w.coding.apply_code(code.id)
    w.code_panel.new_code(None, name="Later step")
    assert not fb.undo() and len(w.project.codings.list(document_id=doc.id)) == 1
    assert w.project.codes.by_path("Later step")
    # the quoted text does not stay on screen under the idle lock
    w.view.select_cp(a, a + 15)
    assert w.coding.apply_code(w.project.codes.by_path(HOTELS).id) and "integrated" in fb.text()
    w.lock()
    assert fb.text() == "" and not fb.isVisible()


def test_ctrl_k_full_paths_and_any_part(qtbot, main_window):
    w = main_window
    doc, text = _open(w)
    a = text.index("integrated team")
    w.view.select_cp(a, a + len("integrated team"))
    seen = {}

    def drive():
        dlg = next(x for x in QApplication.topLevelWidgets() if isinstance(x, CodePickerDialog) and x.isVisible())
        first = dlg.list.item(0).text()
        seen["first"] = first
        qtbot.keyClicks(dlg.filter, "hotel disr")
        shown = [dlg.list.item(i).text() for i in range(dlg.list.count()) if not dlg.list.item(i).isHidden()]
        seen["shown"] = shown
        qtbot.keyClick(dlg.filter, Qt.Key.Key_Return)

    QTimer.singleShot(0, drive)
    next(act for act in w.menus["code"].actions() if act.shortcut().toString() == "Ctrl+K").trigger()
    assert seen["shown"] == ["Disruption › Premises, hotels and licensed venues"]
    assert " › " not in seen["first"]  # a theme: its name is its whole path
    hotels = w.project.codes.by_path(HOTELS)
    assert [c.code_id for c in w.project.codings.list(document_id=doc.id)] == [hotels.id]


def test_code_names_wrap_with_the_path_in_the_tooltip(qtbot, main_window):
    w = main_window
    cid = w.code_panel.new_code(None, name="A very long code name that would never fit in a narrow code tree dock")
    view = w.code_panel.view
    assert view.wordWrap() and view.textElideMode() == Qt.TextElideMode.ElideNone
    w.docks["codes"].setFloating(True)
    w.docks["codes"].resize(260, 500)
    QApplication.processEvents()
    idx = w.code_panel.proxy_index_of(cid)
    short = w.code_panel.proxy_index_of(w.project.codes.by_path("Disruption").id)
    qtbot.waitUntil(lambda: view.visualRect(idx).height() > view.visualRect(short).height() * 1.5)
    tip = w.code_panel.model.data(w.code_panel.model.index_of(cid), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("A very long code name that would never fit in a narrow code tree dock")
    child = w.project.codes.add("Inner", cid)
    QApplication.processEvents()
    tip = w.code_panel.model.data(w.code_panel.model.index_of(child.id), Qt.ItemDataRole.ToolTipRole)
    assert tip.startswith("A very long code name that would never fit in a narrow code tree dock › Inner")


def test_a_name_that_fits_on_one_line_gets_one_lines_height(qtbot, main_window):
    """Long names that fitted were given two lines' height (measured 12 px narrower than painted), so the
    tree had uneven gaps: every row whose name fits the painted width is as tall as the shortest row."""
    w = main_window
    view = w.code_panel.view
    view.expandAll()
    for width in (300, 360, 420):
        w.docks["codes"].setFloating(True)
        w.docks["codes"].resize(width, 700)
        QApplication.processEvents()
        rows, idx = [], view.model().index(0, 0)
        while idx.isValid():
            rows.append(idx)
            idx = view.indexBelow(idx)
        one_line = min(view.visualRect(i).height() for i in rows)
        fm = view.fontMetrics()
        delegate = view.itemDelegateForColumn(0) or view.itemDelegate()
        for i in rows:
            rect = view.visualRect(i)
            opt = QStyleOptionViewItem()
            view.initViewItemOption(opt)  # the view's icon size, as when it paints
            delegate.initStyleOption(opt, i)
            opt.rect = rect
            text_w = view.style().subElementRect(QStyle.SubElement.SE_ItemViewItemText, opt, view).width()
            name = str(i.data())
            if fm.horizontalAdvance(name) < text_w - 2:
                assert rect.height() == one_line, (width, name, rect.height(), one_line)


def test_row_heights_measure_the_style_once_per_depth(qtbot, main_window, monkeypatch):
    """Opening a project sizes every row in sight; the width the style leaves a name depends on the row's
    depth, icon and font, not on the name: asked of the style once per depth and column width (it was once
    per row, each time through the model's roles), with the same heights as the test above checks."""
    w = main_window
    view = w.code_panel.view
    delegate = view.itemDelegateForColumn(0) or view.itemDelegate()
    calls: list[int] = []
    measure = type(delegate)._text_width

    def counting(self, option, index, item_width):
        calls.append(item_width)
        return measure(self, option, index, item_width)

    monkeypatch.setattr(type(delegate), "_text_width", counting)
    for cache in (getattr(delegate, "_widths", {}), delegate._hints):
        cache.clear()
    view.expandAll()
    w.code_panel.model.refresh()  # as on open: a reset, every row measured again
    view.expandAll()
    QApplication.processEvents()
    rows, idx = 0, view.model().index(0, 0)
    while idx.isValid():
        rows, idx = rows + 1, view.indexBelow(idx)
    # two depths, each at the column's width with and without the scroll bar
    assert rows > 20 and 0 < len(calls) <= 4 and len(set(calls)) == len(calls), (rows, calls)
