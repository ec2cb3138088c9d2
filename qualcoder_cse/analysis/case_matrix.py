"""The code x case matrix with all four measures straight from a project, for the Analysis view's first
matrix: no pandas frames of codings, turns or memos are built and no text is read.

The codings come as five integer columns (``core.frames.coding_rows``), what each case covers as (case,
document, start, end) rows, and each document's stored word starts (``core.word_index``, the rule of
``core.util.word_count``). Every step is numpy over integer arrays (``span_math``), one pass for all four
measures:

- each coding meets every segment of a case in its document (a join on sorted arrays) and keeps the
  overlapping part [cs, ce); f (the words starting before an offset) is looked up at its two ends; with
  roll-up it then counts for the coding's code and every ancestor;
- codings: the distinct segments (document, start, end, coder) per (row code, case);
- per (row code, case, document) the clipped spans are merged into runs (the union, each character once);
  a word counts when its first character lies in the union; a run [a, b) holds f(b) - f(a) words.

The numbers equal ``code_by_case(load(project))`` cell by cell (tests/analysis/test_case_matrix.py compares
them on random and generated projects, and both with a count straight from the texts); with a filter set this
is exactly that call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .data import Filters, load
from .matrices import MEASURES, CodeMatrix, code_by_case
from .span_math import (
    WordIndex,
    by_cell,
    cell_segments,
    expand,
    positions,
    rollup_rows,
    segment_numbers,
    union_words,
)

if TYPE_CHECKING:
    from ..core.project import Project


def code_by_case_all(project: Project, filters: Filters | None = None, *, rollup: bool = True) -> CodeMatrix:
    """Code x case with codings, presence, words coded and %: ``code_by_case(load(project, filters))``'s
    numbers, computed from the codings' integer columns and the word starts only when no filter is set."""
    filters = filters or Filters()
    if any((filters.documents, filters.kinds, filters.coders, filters.codes, filters.attributes)):
        return code_by_case(load(project, filters), rollup=rollup, measures=MEASURES)
    frames = project.frames
    # the reads first: SQLite lets go of the GIL while it reads, so the view's widgets, built beside this in
    # the GUI thread, take it then, not while the numpy and pandas steps below need it (in the window, the
    # code and case frames read first took 25-38 ms instead of 1-3)
    cod, ordered = frames.coding_rows()  # code, document, start, end, coder (ordered: by segment)
    doc_ids = frames.document_ids()  # ascending, as the codings come
    f = WordIndex(project, doc_ids)
    seg = frames.case_segment_rows()  # case, document, start, end: what each case covers
    codes, cases = frames.codes(), frames.cases()
    rows = codes[["id", "path", "depth"]].reset_index(drop=True)
    index, cols = rows["id"].tolist(), cases["id"].tolist()
    n_docs, n_cells = max(1, len(doc_ids)), len(index) * len(cols)
    sc, sd = positions(cols, seg[:, 0]), positions(doc_ids, seg[:, 1])
    ok = (sc >= 0) & (sd >= 0)
    sc, sd, us, ue = sc[ok], sd[ok], seg[ok, 2], seg[ok, 3]
    fu = f(np.r_[sd, sd], np.r_[us, ue])
    keys, words = union_words(sc * n_docs + sd, us, ue, fu[: len(us)], fu[len(us) :])
    unit_words = _sum_by(keys // n_docs, words, len(cols))
    counts = word_m = np.zeros(n_cells, dtype=np.int64)
    if len(cod) and n_cells and len(sc):
        # each coding against every segment of a case in its document (the case assignment), clipped to it
        cd = positions(doc_ids, cod[:, 1])
        by_doc = np.argsort(sd, kind="stable")
        lo = np.searchsorted(sd[by_doc], cd, side="left")
        item, k = expand(np.searchsorted(sd[by_doc], cd, side="right") - lo)
        at = by_doc[lo[item] + k]
        cs, ce = np.maximum(cod[item, 2], us[at]), np.minimum(cod[item, 3], ue[at])
        keep = cs < ce
        h, c, d, cs, ce = item[keep], sc[at][keep], sd[at][keep], cs[keep], ce[keep]
        fse = f(np.r_[d, d], np.r_[cs, ce])  # before roll-up copies each span into its ancestors' rows
        take, r = rollup_rows(codes, cod[h, 0], rollup=rollup)
        o = by_cell(r, c[take])  # the copies by cell, each cell's in the codings' order
        take, cell = take[o], r[o] * len(cols) + c[take[o]]
        # a row counts each segment (document, start, end, coder) once per case
        segment, n_segments = segment_numbers([cod[:, j] for j in (1, 2, 3, 4)], ordered=ordered)
        counts = cell_segments(cell, segment[h[take]], n_segments, n_cells)
        keys, words = union_words(cell * n_docs + d[take], cs[take], ce[take], fse[: len(cs)][take],
                                  fse[len(cs) :][take])
        word_m = _sum_by(keys // n_docs, words, n_cells)
    count_df = pd.DataFrame(counts.reshape(len(index), len(cols)), index=index, columns=cols)
    word_df = pd.DataFrame(word_m.reshape(len(index), len(cols)), index=index, columns=cols)
    with np.errstate(divide="ignore", invalid="ignore"):  # the full path's division, in numpy: the same floats
        share = word_m.reshape(len(index), len(cols)) / np.where(unit_words == 0, np.nan, unit_words) * 100.0
    pct = pd.DataFrame(np.round(np.nan_to_num(share, nan=0.0), 2), index=index, columns=cols)
    if counts.any():  # as the pivot in ``matrices._build`` names them
        count_df.index.name, count_df.columns.name = "row_code", "unit"
    if word_m.any():  # as the unstack there names them
        word_df.index.name, word_df.columns.name = "row_code", "unit"
        pct.index.name, pct.columns.name = "row_code", "unit"
    units = cases[["id", "name"]].reset_index(drop=True).assign(words=unit_words)
    return CodeMatrix("case", rows, units, count_df, (count_df > 0).astype("int64"), word_df, pct)


def _sum_by(keys: np.ndarray, values: np.ndarray, n: int) -> np.ndarray:
    """The sum of ``values`` per key in 0..n-1 (int64; exact below 2^53, far above any word count)."""
    return np.bincount(keys, weights=values, minlength=n).astype(np.int64)
