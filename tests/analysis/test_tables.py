"""The tables of ``analysis.tables`` that only the Analysis view shows (framework counts, co-occurrence grid,
agreement summary) hold exactly what the analyses computed, keyed for the view's cell quotes; and the view
shows every table from this one model (tests/ui/test_analysis_tables.py)."""

from __future__ import annotations

import math

import pytest

from qualcoder_cse import analysis as an
from qualcoder_cse.analysis import tables


@pytest.fixture()
def data(sample):
    return an.load(sample)


@pytest.mark.parametrize("measure", ["overlaps", "same_turn", "jaccard"])
def test_cooccurrence_grid_is_the_computed_matrix(data, measure):
    co = an.code_cooccurrence(data)
    t = tables.cooccurrence_grid(data, measure)
    ids, paths = co.codes["id"].tolist(), co.codes["path"].tolist()
    assert t.headers == ["Code"] + paths and t.row_keys == ids and t.col_keys == [None] + ids
    want = getattr(co, measure).to_numpy()
    assert [r[0] for r in t.rows] == paths
    assert [r[1:] for r in t.rows] == want.tolist()
    assert any(v for r in t.rows for v in r[1:])  # the sample's codes do overlap


def test_framework_counts_table_counts_each_cells_quotes(data):
    fm = an.framework_matrix(data)
    t = tables.framework_counts_table(fm)
    assert t.row_keys == fm.cases["id"].tolist() and t.col_keys == [None] + fm.themes["id"].tolist()
    for row, case_id in zip(t.rows, t.row_keys, strict=True):
        for n, theme_id in zip(row[1:], t.col_keys[1:], strict=True):
            assert n == len(fm.cells.get((case_id, theme_id), []))
    assert sum(sum(r[1:]) for r in t.rows) > 0


def test_agreement_summary_joins_alpha_and_puts_compared_codes_first(data):
    res = an.intercoder_agreement(data, unit="character")
    t = tables.agreement_summary_table(res)
    assert t.headers[-2:] == ["Krippendorff's alpha (all coders)", "Note"] and t.flag_col == 8
    assert len(t.rows) == len(res.pairs)
    alpha = dict(zip(res.alpha["code_id"], res.alpha["alpha"], strict=True))
    notes = [r[8] for r in t.rows]
    assert notes == sorted(notes, key=lambda n: n is not None)  # compared (no note) first
    for row, (code_id, a, b) in zip(t.rows, t.row_keys, strict=True):
        pair = res.pairs[(res.pairs["code_id"] == code_id) & (res.pairs["coder_a"] == a) & (res.pairs["coder_b"] == b)]
        assert len(pair) == 1 and row[0] == pair["code"].iloc[0] and row[1:3] == [a, b]
        kappa, want = row[6], pair["kappa"].iloc[0]
        assert (kappa is None or math.isnan(kappa)) if want is None or math.isnan(want) else kappa == want
        got_alpha, want_alpha = row[7], alpha.get(code_id)
        assert got_alpha == want_alpha or (math.isnan(got_alpha) and math.isnan(want_alpha))


def test_evidence_gaps_column_says_gap(data):
    t = tables.gaps_table(data, "participant group", None)
    assert t.headers[-1] == "Gap" and t.flag_col == 5
    assert {r[5] for r in t.rows} >= {"no evidence"}
