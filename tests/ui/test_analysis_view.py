"""The Analysis view and the export dialog on the hand-counted sample project (real widgets, qtbot):
the tables show the analysis numbers, clicking a cell lists its quotes, framework summaries save, the
export runs in a worker with a progress bar and writes a workbook (encrypted when asked)."""

from __future__ import annotations

import io

import msoffcrypto
import openpyxl
from PySide6.QtCore import Qt, QTimer
from PySide6.QtWidgets import QApplication, QMessageBox

from qualcoder_cse.ui.analysis_view import AnalysisView
from qualcoder_cse.ui.export_dialog import ExportDialog
from qualcoder_cse.ui.matrix_model import KEY_ROLE, LABEL_ROLE


def settle(view, qtbot):
    """Wait for the view's worker thread to compute and show the current matrix."""
    qtbot.waitUntil(lambda: not view.busy(), timeout=60_000)


def cell(view, row_label: str, col_label: str):
    model = view.model
    cols = [model.headerData(c, Qt.Orientation.Horizontal, LABEL_ROLE) for c in range(model.columnCount())]
    rows = [model.headerData(r, Qt.Orientation.Vertical, LABEL_ROLE) for r in range(model.rowCount())]
    return model.index(rows.index(row_label), cols.index(col_label))


def click(view, qtbot, source_index):
    proxy_index = view.proxy.mapFromSource(source_index)
    view.table.setCurrentIndex(proxy_index)
    view._cell_clicked(proxy_index)
    settle(view, qtbot)  # a counts-only table loads the full data for the quotes in the worker


def test_work_runs_off_the_gui_thread_and_queues(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    assert view.busy() and view.model.rowCount() == 0  # computing in the worker; nothing shown yet
    view.matrix_box.setCurrentText("By Group")  # asked while the first matrix is computing: queued
    settle(view, qtbot)
    assert view.current == "By Group"
    assert view.model.headerData(0, Qt.Orientation.Horizontal, LABEL_ROLE) == "board (n=2)"


def _table(view) -> dict:
    m = view.model
    return {
        (m.headerData(r, Qt.Orientation.Vertical, LABEL_ROLE),
         m.headerData(c, Qt.Orientation.Horizontal, LABEL_ROLE)): m.index(r, c).data()
        for r in range(m.rowCount())
        for c in range(m.columnCount())
    }


def test_first_display_uses_counts_only_and_loads_full_data_on_demand(qtbot, sample_rw):
    from qualcoder_cse.analysis import Filters, code_by_case, load

    full = code_by_case(load(sample_rw, Filters()))
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    settle(view, qtbot)
    # the first table came from code_by_case_all: shown, but the full data were never loaded
    assert view.fast_shown and view.data is None
    assert "counted from the coded spans and word positions" in view.status.text()
    assert view.chart.categories == []  # the chart needs the full data
    shown = _table(view)
    expected = {
        (path, name): str(int(full.codings.loc[cid, uid]))
        for cid, path in zip(full.rows["id"], full.rows["path"], strict=True)
        for uid, name in zip(full.units["id"], full.units["name"], strict=True)
    }
    assert shown == expected and len(shown) > 20
    view.measure_box.setCurrentIndex(view.measure_box.findData("presence"))
    settle(view, qtbot)
    assert view.fast_shown and view.data is None
    assert _table(view) == {k: ("1" if v != "0" else "0") for k, v in expected.items()}
    # words coded came with the first matrix: shown at once, no worker, still without the full data
    view.measure_box.setCurrentIndex(view.measure_box.findData("words"))
    assert not view.busy()
    assert view.fast_shown and view.data is None
    words = _table(view)
    assert words == {
        (path, name): str(int(full.words.loc[cid, uid]))
        for cid, path in zip(full.rows["id"], full.rows["path"], strict=True)
        for uid, name in zip(full.units["id"], full.units["name"], strict=True)
    }
    assert words[("Disruption", "Board P1")] == "3" and words != shown
    view.measure_box.setCurrentIndex(view.measure_box.findData("percent"))
    assert not view.busy()
    assert _table(view) == {
        (path, name): (lambda v: str(int(v)) if float(v).is_integer() else f"{v:.2f}")(full.percent.loc[cid, uid])
        for cid, path in zip(full.rows["id"], full.rows["path"], strict=True)
        for uid, name in zip(full.units["id"], full.units["name"], strict=True)
    }
    assert view.chart.categories == []  # the chart comes with the full data (a cell's quotes, another matrix)
    # a change to the project drops the kept matrix: the next table is computed again
    view.data = None
    view.measure_box.setCurrentIndex(view.measure_box.findData("codings"))
    assert view.busy()
    settle(view, qtbot)
    assert _table(view) == expected


def test_cell_click_on_counts_only_table_loads_quotes(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    settle(view, qtbot)
    assert view.fast_shown and view.data is None
    idx = view.proxy.mapFromSource(cell(view, "Voice", "YP 1"))
    view.table.setCurrentIndex(idx)
    view._cell_clicked(idx)
    assert view.busy() and view.quotes.count() == 0  # loading in the worker, the GUI thread is free
    settle(view, qtbot)
    assert view.data is not None and view.quotes.count() == 3
    assert view.chart.categories == ["Disruption", "Voice", "Gaps"]  # the chart comes with the full data
    assert cell(view, "Voice", "YP 1").data() == "3"  # the table kept, same numbers


def test_quotes_asked_for_a_replaced_table_are_dropped(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    settle(view, qtbot)
    idx = view.proxy.mapFromSource(cell(view, "Voice", "YP 1"))
    view._cell_clicked(idx)  # the full data start loading for this cell's quotes...
    assert view.quote_label.text() == "Loading the quotes…"
    view.measure_box.setCurrentIndex(view.measure_box.findData("percent"))  # ...and the table changes
    settle(view, qtbot)
    assert view.current == "Code x Case" and not view.fast_shown and view.data is not None
    assert view.quotes.count() == 0 and view.quote_label.text() == "Click a cell to read its quotes."
    assert cell(view, "Disruption", "Police A").data() != "3"  # % of words, not the codings any more


def test_code_by_case_table_and_quotes(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    settle(view, qtbot)
    assert view.matrix_box.currentText() == "Code x Case"
    assert cell(view, "Disruption", "Police A").data() == "3"
    assert cell(view, "Voice", "YP 1").data() == "3"
    click(view, qtbot, cell(view, "Disruption", "Police A"))
    texts = [view.quotes.item(i).text() for i in range(view.quotes.count())]
    assert texts == [
        "“warning notices” (Police 1, 7–22; bob)",
        "“warning notices a lot” (Police 1, 7–28; alice)",
        "“We visit hotels with licensing” (Police 1, 30–60; alice)",
    ]
    view.measure_box.setCurrentIndex(view.measure_box.findData("words"))
    settle(view, qtbot)
    assert cell(view, "Disruption", "Board P1").data() == "3"
    # sorting by a column orders rows by value
    col = [view.model.headerData(c, Qt.Orientation.Horizontal, LABEL_ROLE) for c in range(view.model.columnCount())]
    view.table.sortByColumn(col.index("Police A"), Qt.SortOrder.DescendingOrder)
    first = view.proxy.index(0, col.index("Police A"))
    assert first.data() == "9"
    # the bar chart: one group of bars per theme, one bar per participant group
    assert view.chart.categories == ["Disruption", "Voice", "Gaps"]
    assert view.chart.series == ["board", "police", "young people"]
    assert len(view.chart.bar_rects()) == 9


def test_filters_and_other_matrices(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    settle(view, qtbot)
    bob = next(
        view.coder_list.item(i)
        for i in range(view.coder_list.count())
        if view.coder_list.item(i).text() == "bob"
    )
    bob.setCheckState(Qt.CheckState.Unchecked)  # alice only
    settle(view, qtbot)
    assert cell(view, "Disruption", "Police A").data() == "2"
    bob.setCheckState(Qt.CheckState.Checked)
    settle(view, qtbot)
    view.matrix_box.setCurrentText("By Group")
    settle(view, qtbot)
    view.measure_box.setCurrentIndex(view.measure_box.findData("percent"))
    settle(view, qtbot)
    assert cell(view, "Disruption", "police (n=2)").data() == "50"
    click(view, qtbot, cell(view, "Voice", "board (n=2)"))
    assert view.quotes.count() == 2
    view.matrix_box.setCurrentText("Evidence Gaps")
    settle(view, qtbot)
    assert cell(view, "Gaps · police", "Gap").data() == "no evidence"
    view.matrix_box.setCurrentText("Agreement")
    settle(view, qtbot)
    assert cell(view, "Disruption/CAWN", "Coder B").data() == "bob"
    assert cell(view, "Disruption/CAWN", "Cohen's kappa").data() == "0.82"
    click(view, qtbot, cell(view, "Disruption/CAWN", "Cohen's kappa"))
    assert view.quotes.item(0).text() == "“ a lot” (Police 1, 22–28; only alice)"
    view.matrix_box.setCurrentText("Co-occurrence")
    settle(view, qtbot)
    assert cell(view, "Disruption/CAWN", "Disruption/Hotels").data() == "1"
    click(view, qtbot, cell(view, "Disruption/CAWN", "Disruption/Hotels"))
    assert view.quotes.item(0).text().startswith("“warning notices a lot” (Police 1, 7–28; alice)")


def test_framework_summary_is_saved(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    settle(view, qtbot)
    view.matrix_box.setCurrentText("Framework Matrix")
    settle(view, qtbot)
    idx = cell(view, "Board P2", "Disruption")
    assert idx.data() == "1"
    click(view, qtbot, idx)
    assert view.quotes.item(0).text() == "“P2: Sharing” (Focus group, 40–51; alice)"
    assert view.summary.isEnabled()
    view.summary.setPlainText("Partners rely on the MASH.")
    view.save_summary.click()
    case_id, theme_id = idx.data(KEY_ROLE)
    assert sample_rw.frames.framework_summaries() == {(case_id, theme_id): "Partners rely on the MASH."}


def test_export_dialog_writes_encrypted_workbook(qtbot, sample_rw, tmp_path):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    settle(view, qtbot)
    dialog = view.export_dialog()
    qtbot.addWidget(dialog)
    assert dialog.group_box.currentData() == "participant group"
    out = tmp_path / "analysis.xlsx"
    dialog.path_edit.setText(str(out))
    dialog.encrypt_check.setChecked(True)
    dialog.password.setText("pw")
    dialog.password_again.setText("pw")
    dialog.export_button.click()
    assert "too short" in dialog.status.text() and not dialog.running()  # the new-project rule
    dialog.password.setText("pw one two three")
    dialog.password_again.setText("pw two")
    dialog.export_button.click()
    assert dialog.status.text() == "The two passwords differ." and not dialog.running()
    dialog.password_again.setText("pw one two three")
    dialog.briefing_check.setChecked(True)  # the briefing is not encrypted: the window asks first

    asked: list[str] = []

    def answer(tries: int = 0):
        box = QApplication.activeModalWidget()
        if box is not None and box.objectName() == "clearExportConfirm":
            asked.append(box.text())
            box.button(QMessageBox.StandardButton.Yes).click()
        elif tries < 300:
            QTimer.singleShot(30, lambda: answer(tries + 1))

    QTimer.singleShot(30, answer)
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
    assert dialog.progress.value() == dialog.progress.maximum()
    assert asked and "briefing" in asked[0].lower() and "workbook (" not in asked[0].lower()
    assert dialog.written == [out, out.with_suffix(".docx")]
    office = msoffcrypto.OfficeFile(io.BytesIO(out.read_bytes()))
    office.load_key(password="pw one two three")
    clear = io.BytesIO()
    office.decrypt(clear)
    wb = openpyxl.load_workbook(clear)
    rows = list(wb["Code x Case codings"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert rows[0][:7] == ("Disruption", 1, 1, 1, 3, 0, 0)
    audited = {(e.action, e.detail) for e in sample_rw.audit.list()}
    assert ("export workbook", f"encrypted; {out.resolve()}") in audited
    assert ("export briefing", f"NOT encrypted; {out.with_suffix('.docx').resolve()}") in audited


def test_export_dialog_carries_the_view_filters(qtbot, sample_rw, tmp_path):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    settle(view, qtbot)
    alice = next(
        view.coder_list.item(i)
        for i in range(view.coder_list.count())
        if view.coder_list.item(i).text() == "alice"
    )
    alice.setCheckState(Qt.CheckState.Unchecked)
    settle(view, qtbot)
    dialog = view.export_dialog()
    qtbot.addWidget(dialog)
    out = tmp_path / "bob.xlsx"
    dialog.path_edit.setText(str(out))

    def export_anyway(tries: int = 0):  # a workbook without a password: the window asks first
        box = QApplication.activeModalWidget()
        if box is not None and box.objectName() == "clearExportConfirm":
            box.button(QMessageBox.StandardButton.Yes).click()
        elif tries < 300:
            QTimer.singleShot(30, lambda: export_anyway(tries + 1))

    QTimer.singleShot(30, export_anyway)
    with qtbot.waitSignal(dialog.exported, timeout=60_000):
        dialog.export_button.click()
    readme = {r[0]: r[1] for r in openpyxl.load_workbook(out)["README"].iter_rows(values_only=True) if r[0]}
    assert readme["Filter: Coders"] == "bob"
    dialog.path_edit.setText(str(tmp_path / "nofolder" / "x.xlsx"))
    dialog.export_button.click()
    assert "does not exist" in dialog.status.text()


def test_main_window_menus(qtbot, sample_rw, tmp_path):
    from qualcoder_cse.ui.main_window import MainWindow
    from qualcoder_cse.ui.settings import Settings

    window = MainWindow(Settings(tmp_path / "settings.ini"))
    qtbot.addWidget(window)
    actions = window.analysis_actions
    assert not actions.analysis_action.isEnabled()
    assert "Excel workbook (analysis)…" in [a.text() for a in window.menus["export"].actions()]
    window.set_project(sample_rw)
    assert actions.analysis_action.isEnabled()
    view = actions.show_analysis()
    assert view is not None and not actions.dock.isHidden()
    settle(view, qtbot)
    click(view, qtbot, cell(view, "Voice", "YP 1"))
    item = view.quotes.item(0)
    view._open_quote(item)
    doc = sample_rw.documents.by_name("YP chat")
    assert window.current_document_id == doc.id
    dialog = actions.export_dialog()
    qtbot.addWidget(dialog)
    assert isinstance(dialog, ExportDialog)
    dialog.close()


def _tick(widget, keep: set[str]) -> None:
    for i in range(widget.count()):
        item = widget.item(i)
        item.setCheckState(Qt.CheckState.Checked if item.text() in keep else Qt.CheckState.Unchecked)


def test_document_theme_and_attribute_filters(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    settle(view, qtbot)
    _tick(view.code_list, {"Voice"})
    settle(view, qtbot)
    rows = [view.model.headerData(r, Qt.Orientation.Vertical, LABEL_ROLE) for r in range(view.model.rowCount())]
    assert rows == ["Voice", "Voice/Listened"]
    _tick(view.code_list, {"Disruption", "Voice", "Gaps"})
    settle(view, qtbot)
    view.attr_box.setCurrentIndex(view.attr_box.findText("participant group (case)"))
    settle(view, qtbot)
    assert [view.value_list.item(i).text() for i in range(view.value_list.count())] == [
        "board",
        "police",
        "young people",
    ]
    _tick(view.value_list, {"board"})
    settle(view, qtbot)
    cols = [view.model.headerData(c, Qt.Orientation.Horizontal, LABEL_ROLE) for c in range(view.model.columnCount())]
    assert cols == ["Board P1", "Board P2"]
    assert view.filters().attributes == {"participant group": ["board"]}
    _tick(view.doc_list, set())
    settle(view, qtbot)
    assert view.status.text() == "Tick at least one document." and view.model.rowCount() == 0
    _tick(view.doc_list, {"Police 1"})
    _tick(view.value_list, {"board", "police", "young people"})
    settle(view, qtbot)
    cols = [view.model.headerData(c, Qt.Orientation.Horizontal, LABEL_ROLE) for c in range(view.model.columnCount())]
    assert cols == ["Police A"]
    assert cell(view, "Disruption", "Police A").data() == "3"


def test_cancelled_export_writes_nothing(qtbot, sample_rw, tmp_path, monkeypatch):
    import gc
    import sys

    from qualcoder_cse.exporters.excel import ExportOptions
    from qualcoder_cse.ui.export_dialog import _ExportWorker

    leaks: list = []  # a sheet's zip handle left open raised in ZipFile.__del__ (and upset pytest's AST parsing)
    monkeypatch.setattr(sys, "unraisablehook", leaks.append)
    out = tmp_path / "never.xlsx"
    worker = _ExportWorker(sample_rw, out, ExportOptions(), None)
    worker.cancelled = True  # as the Cancel button does; checked at every progress report
    messages = []
    worker.failed.connect(messages.append)
    worker.run()
    gc.collect()
    assert messages == ["Export cancelled; nothing was written."]
    assert not out.exists() and not out.with_name("never.xlsx.partial").exists()
    assert leaks == []


def test_the_view_follows_codings_made_elsewhere(qtbot, sample_rw):
    """Found trying it as a user: after coding in the window the Analysis view kept the old numbers until
    another matrix was chosen. In sight it recomputes once the changes pause; out of sight, when shown."""
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    view.show()
    settle(view, qtbot)
    before = cell(view, "Disruption/CAWN", "Police A").data()
    code = sample_rw.codes.by_path("Disruption/CAWN")
    doc = next(d for d in sample_rw.documents.list() if d.name == "Police 1")  # the case Police A
    text = sample_rw.documents.text(doc.id)
    def shown() -> int:
        return int(cell(view, "Disruption/CAWN", "Police A").data()) if not view.busy() else -1

    for i in range(3):  # a burst: one recomputation
        sample_rw.codings.add(code.id, doc.id, i * 3, i * 3 + 2)
    qtbot.waitUntil(lambda: shown() == int(before) + 3, timeout=20_000)
    assert text

    view.hide()
    sample_rw.codings.add(code.id, doc.id, 20, 22)
    qtbot.wait(1_500)
    assert not view.busy() and shown() == int(before) + 3  # hidden: nothing recomputed
    view.show()
    qtbot.waitUntil(lambda: shown() == int(before) + 4, timeout=20_000)


def test_switching_matrix_does_not_keep_the_last_cells_quote_count(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    settle(view, qtbot)
    click(view, qtbot, cell(view, "Disruption/CAWN", "Police A"))
    assert view.quotes.count() > 0 and "quote(s)" in view.quote_label.text()
    view.matrix_box.setCurrentText("Framework Matrix")
    settle(view, qtbot)
    assert view.quotes.count() == 0 and view.quote_label.text() == "Click a cell to read its quotes."


def test_code_by_case_without_cases_says_why_it_is_empty(qtbot, tmp_path, passphrase):
    """Opening Analysis on a project without cases showed row labels, no columns and a bare "No data" (found
    trying the window as a new researcher would, session 14)."""
    from qualcoder_cse.core import Project

    with Project.create(tmp_path / "new.qcse", passphrase, coder="alex") as project:
        view = AnalysisView(project)
        qtbot.addWidget(view)
        settle(view, qtbot)
        assert view.current == "Code x Case"
        assert "no cases to show" in view.status.text() and "Code x Document" in view.status.text()
        project.cases.add("Case 1")
        view.matrix_box.setCurrentText("Code x Document")
        settle(view, qtbot)
        view.matrix_box.setCurrentText("Code x Case")
        settle(view, qtbot)
        assert "no cases to show" not in view.status.text()
        view.close()
