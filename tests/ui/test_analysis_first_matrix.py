"""Issue 22: the Analysis view's first matrix. The table shown is the one the workbook's table model makes
(built straight from the matrix's array), switching the measure of the same matrix updates the cells in place
(no model reset: the headers, column widths and layout are not worked out again), and "Words coded" shows
the words counted from the texts. On the real view (qtbot)
over a real SQLCipher project."""

from __future__ import annotations

import threading
import time

import pandas as pd
import pandas.testing as pdt
import pytest
from PySide6.QtCore import Qt

from qualcoder_cse import analysis as an
from qualcoder_cse.ui.analysis_tables import fast_table, matrix_table
from qualcoder_cse.ui.analysis_view import AnalysisView
from qualcoder_cse.ui.matrix_model import LABEL_ROLE, MatrixModel
from tests.analysis.test_case_matrix import _random_project, from_texts

H, V = Qt.Orientation.Horizontal, Qt.Orientation.Vertical


def settle(view, qtbot):
    qtbot.waitUntil(lambda: not view.busy(), timeout=60_000)


@pytest.mark.parametrize("measure", an.matrices.MEASURES)
def test_the_fast_table_is_the_table_models_table(sample_rw, measure):
    m = an.code_by_case_all(sample_rw)
    fast, model = fast_table(m, measure), matrix_table(m, measure)
    pdt.assert_frame_equal(fast.frame, model.frame)
    assert (fast.row_keys, fast.col_keys, fast.heat, fast.row_colours, fast.indent_rows, fast.path_rows,
            fast.path_cols, fast.note) == (model.row_keys, model.col_keys, model.heat, model.row_colours,
                                           model.indent_rows, model.path_rows, model.path_cols, model.note)


def test_switching_the_measure_updates_the_cells_in_place(qtbot, sample_rw):
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    view.show()
    settle(view, qtbot)
    resets, changed = [], []
    view.model.modelReset.connect(lambda: resets.append(1))
    view.model.dataChanged.connect(lambda *_a: changed.append(1))
    heads = [view.model.headerData(c, H, LABEL_ROLE) for c in range(view.model.columnCount())]
    view.measure_box.setCurrentIndex(view.measure_box.findData("words"))
    settle(view, qtbot)
    assert resets == [] and changed, "another measure of the same matrix must not reset the model"
    assert [view.model.headerData(c, H, LABEL_ROLE) for c in range(view.model.columnCount())] == heads
    m = an.code_by_case(an.load(sample_rw))
    pdt.assert_frame_equal(view.model.frame(), matrix_table(m, "words").frame)
    view.matrix_box.setCurrentText("Code x Document")  # other rows and columns: a reset, as before
    settle(view, qtbot)
    assert resets


def test_words_coded_in_the_view_are_the_words_of_the_texts(qtbot, project):
    _random_project(project, 5)
    view = AnalysisView(project)
    qtbot.addWidget(view)
    view.measure_box.setCurrentIndex(view.measure_box.findData("words"))
    settle(view, qtbot)
    _codings, words, _case_words = from_texts(project)
    frame, proxy = view.model.frame(), view.proxy
    rows = {r: view.model._row_keys[r] for r in range(view.model.rowCount())}
    cols = {c: view.model._col_keys[c] for c in range(view.model.columnCount())}
    assert int(frame.to_numpy().sum()) > 0 and proxy.rowCount() == len(rows)
    for r, code in rows.items():
        for c, case in cols.items():
            assert frame.iat[r, c] == words.get((code, case), 0), (code, case)


def test_same_headers_other_values_keep_the_model(qtbot):
    model = MatrixModel()
    resets = []
    model.modelReset.connect(lambda: resets.append(1))
    model.set_frame(pd.DataFrame([[1, 2], [3, 4]], index=["a", "b"], columns=["x", "y"]))
    assert resets == [1]
    model.set_frame(pd.DataFrame([[1.5, 2.0], [30.25, 4.0]], index=["a", "b"], columns=["x", "y"]))
    assert resets == [1] and model.index(1, 0).data() == "30.25"
    model.set_frame(pd.DataFrame([[1]], index=["a"], columns=["x"]))
    assert resets == [1, 1] and model.rowCount() == 1


def test_a_matrix_read_before_a_coding_was_made_is_not_kept(qtbot, sample_rw, monkeypatch):
    """A coding made while the matrix is computed (the user codes in the window while the Analysis view
    works): the matrix read before it must not be kept. The view's cache took the stale result, and the
    recomputation after the change and every other measure then showed the old numbers."""
    before = an.code_by_case_all(sample_rw)
    read, release = threading.Event(), threading.Event()
    word_keys = sample_rw.frames.word_keys

    def read_then_wait(ids):  # the worker has read everything it needs, then waits for the coding below
        out = word_keys(ids)
        read.set()
        release.wait(10)
        return out

    monkeypatch.setattr(sample_rw.frames, "word_keys", read_then_wait)
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    view.show()
    assert read.wait(10)
    code = sample_rw.codes.by_path("Disruption/CAWN")
    doc = next(d for d in sample_rw.documents.list() if d.name == "Police 1")  # the case Police A
    sample_rw.codings.add(code.id, doc.id, 30, 41)
    qtbot.wait(50)  # the change reaches the view while the matrix read before it is still being counted
    release.set()
    after = an.code_by_case_all(sample_rw)
    assert not after.codings.equals(before.codings) and not after.words.equals(before.words)
    qtbot.waitUntil(lambda: not view.busy() and view.model.frame().equals(fast_table(after, "codings").frame),
                    timeout=5_000)
    for measure in ("words", "percent", "presence"):
        view.measure_box.setCurrentIndex(view.measure_box.findData(measure))
        settle(view, qtbot)
        pdt.assert_frame_equal(view.model.frame(), fast_table(after, measure).frame)


class _Recorder:
    """The project's connection, noting which thread ran each statement and when (not a stand-in: every
    call goes to the real SQLCipher connection)."""

    def __init__(self, conn) -> None:
        self.conn, self.log = conn, []

    def execute(self, *args):
        start = time.perf_counter()
        try:
            return self.conn.execute(*args)
        finally:
            self.log.append((threading.current_thread() is threading.main_thread(), start, time.perf_counter()))

    def __getattr__(self, name):
        return getattr(self.conn, name)


def test_the_view_reads_nothing_while_its_first_matrix_is_read(qtbot, sample_rw, monkeypatch):
    """The filters' choices are read before the worker starts: read beside it, they waited for its query on
    the shared connection (~40 ms on the large study) and pushed the widgets' building into its GIL time."""
    recorder = _Recorder(sample_rw.conn)
    monkeypatch.setattr(sample_rw, "conn", recorder)
    view = AnalysisView(sample_rw)
    qtbot.addWidget(view)
    view.show()
    settle(view, qtbot)
    worker = [(start, end) for main, start, end in recorder.log if not main]
    assert worker, "the first matrix was not read in a worker"
    first, last = worker[0][0], max(end for _s, end in worker)
    assert [s for main, s, _e in recorder.log if main and first <= s <= last] == []
    assert view.doc_list.count() == len(sample_rw.documents.list()) and view.coder_list.count() > 0
