"""The integer steps of the matrices (``analysis.span_math``) against plain Python on random input: in order
already (as ``by_cell`` hands them over, when no sort is done) and in any order (when one is)."""

from __future__ import annotations

import numpy as np
from hypothesis import given, settings
from hypothesis import strategies as st

from qualcoder_cse.analysis.span_math import by_cell, cell_segments, union_words

items = st.lists(st.tuples(st.integers(0, 40), st.integers(0, 40), st.integers(0, 6)), max_size=60)


@settings(max_examples=150, deadline=None)
@given(items, st.booleans(), st.booleans())
def test_by_cell_then_distinct_segments_per_cell(rows_cols_segments, big, presort):
    """Cells holding each segment once, whether the copies arrive sorted or not; ids past 2^15 take the
    general sort."""
    if presort:
        rows_cols_segments = sorted(rows_cols_segments, key=lambda t: t[2])
    rows = np.array([r for r, _c, _s in rows_cols_segments], dtype=np.int64) * (1000 if big else 1)
    cols = np.array([c for _r, c, _s in rows_cols_segments], dtype=np.int64)
    seg = np.array([s for _r, _c, s in rows_cols_segments], dtype=np.int64)
    o = by_cell(rows, cols)
    pairs = list(zip(rows[o].tolist(), cols[o].tolist()))
    assert pairs == sorted(pairs)
    assert all(o[k] < o[k + 1] for k in range(len(o) - 1) if pairs[k] == pairs[k + 1])  # stable
    n_cols = 41
    cell = rows[o] // (1000 if big else 1) * n_cols + cols[o]
    got = cell_segments(cell, seg[o], 7, 41 * n_cols)
    want = np.zeros(41 * n_cols, dtype=np.int64)
    for c in {(int(c), int(s)) for c, s in zip(cell, seg[o])}:
        want[c[0]] += 1
    assert got.tolist() == want.tolist()


spans = st.lists(st.tuples(st.integers(0, 3), st.integers(0, 50), st.integers(1, 20)), min_size=1, max_size=30)


@settings(max_examples=150, deadline=None)
@given(spans, st.booleans())
def test_union_words_in_any_order(group_spans, presort):
    """Words (here: every offset is a word) in the union of each group's spans equal a set count."""
    if presort:
        group_spans = sorted(group_spans)
    g = np.array([x[0] for x in group_spans], dtype=np.int64)
    s = np.array([x[1] for x in group_spans], dtype=np.int64)
    e = s + np.array([x[2] for x in group_spans], dtype=np.int64)
    keys, words = union_words(g, s, e, s.copy(), e.copy())  # f(x) = x: one word per offset
    want: dict[int, set[int]] = {}
    for grp, a, b in zip(g.tolist(), s.tolist(), e.tolist()):
        want.setdefault(grp, set()).update(range(a, b))
    assert dict(zip(keys.tolist(), words.tolist())) == {k: len(v) for k, v in want.items()}
