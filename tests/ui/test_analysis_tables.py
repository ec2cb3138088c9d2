"""Every table the Analysis view shows is a table of ``analysis.tables`` (the model the workbook, CSV and
briefing write), shown without its label and total columns: the view computes no table of its own."""

from __future__ import annotations

import math

import pytest

from qualcoder_cse import analysis as an
from qualcoder_cse.analysis import tables
from qualcoder_cse.core import Project
from qualcoder_cse.ui.analysis_tables import MATRICES, MEASURES, matrix_frame
from qualcoder_cse.ui.matrix_model import MatrixModel
from tests.analysis.sample import build_sample
from tests.conftest import PASSPHRASE

GROUP = "participant group"


@pytest.fixture(scope="module")
def data(tmp_path_factory):
    path = build_sample(tmp_path_factory.mktemp("view_tables") / "sample.qcse", PASSPHRASE)
    p = Project.open(path, PASSPHRASE, readonly=True)
    try:
        yield an.load(p)
    finally:
        p.close()


def model_table(data, name: str, measure):
    if name == "Code x Case":
        return tables.matrix_table(an.code_by_case(data), measure)
    if name == "Code x Document":
        return tables.matrix_table(an.code_by_document(data), measure)
    if name == "Framework Matrix":
        return tables.framework_counts_table(an.framework_matrix(data))
    if name == "Co-occurrence":
        return tables.cooccurrence_grid(data, measure)
    if name == "By Group":
        counts, percents = tables.group_tables(an.by_group(data, GROUP))
        return counts if measure == "codings" else percents
    if name == "Evidence Gaps":
        return tables.gaps_table(data, GROUP, None)
    return tables.agreement_summary_table(an.intercoder_agreement(data, unit="character"))


def empty(v) -> bool:
    return v is None or (isinstance(v, float) and math.isnan(v))


CASES = [(name, m) for name in MATRICES for m in ([k for _l, k in MEASURES[name]] if name in MEASURES else [None])]


@pytest.mark.parametrize(("name", "measure"), CASES)
def test_the_view_shows_the_model_table(data, name, measure):
    shown = matrix_frame(name, data, measure, GROUP, "character")
    t = model_table(data, name, measure)
    rows = list(t.rows)
    if t.col_keys is not None:
        cols = [i for i, k in enumerate(t.col_keys) if k is not None]
        assert shown.col_keys == [t.col_keys[i] for i in cols]
        assert list(shown.frame.index) == [r[0] for r in rows]
    else:
        cols = list(range(t.label_cols, len(t.headers)))
        assert list(shown.frame.columns) == [t.headers[i] for i in cols]
        assert list(shown.frame.index) == [" · ".join(str(v) for v in r[: t.label_cols]) for r in rows]
    assert shown.row_keys == list(t.row_keys)
    got = shown.frame.to_numpy().tolist()
    want = [[r[i] for i in cols] for r in rows]
    assert len(got) == len(want) > 0
    for g_row, w_row in zip(got, want, strict=True):
        for g, w in zip(g_row, w_row, strict=True):
            assert g == w or (empty(g) and empty(w)), (name, g, w)


@pytest.mark.parametrize(("name", "measure"), CASES)
def test_no_cell_of_the_view_reads_nan(qapp, data, name, measure):
    """A text column with gaps (the Gap flag, the agreement note) showed "nan" where the workbook is blank."""
    t = matrix_frame(name, data, measure, GROUP, "character")
    model = MatrixModel()
    model.set_frame(t.frame, row_keys=t.row_keys, col_keys=t.col_keys, heat_columns=t.heat)
    shown = [model.index(r, c).data() for r in range(model.rowCount()) for c in range(model.columnCount())]
    assert shown and not any(v in ("nan", "None", "<NA>") for v in shown)
