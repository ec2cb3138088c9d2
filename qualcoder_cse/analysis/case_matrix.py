"""The code x case matrix with all four measures straight from a project, for the Analysis view's first
matrix: no pandas frames of codings, turns or memos are built and no text is read.

``counts_from_hits`` gives codings and presence (the case assignment in SQL, ``core.frames``); words coded
and % come from the same hits clipped to what each case covers, with each document's stored word starts
(``core.word_index``, the rule of ``core.util.word_count``). Every step is numpy over integer arrays
(``span_math``):

- a hit (coding x case segment) keeps the overlapping part [cs, ce), and f (the words starting before an
  offset) is looked up at its two ends; with roll-up it then counts for the coding's code and every ancestor;
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
from .matrices import MEASURES, CodeMatrix, code_by_case, counts_from_hits
from .span_math import WordIndex, expand, positions, rollup_rows, union_words

if TYPE_CHECKING:
    from ..core.project import Project


def code_by_case_all(project: Project, filters: Filters | None = None, *, rollup: bool = True) -> CodeMatrix:
    """Code x case with codings, presence, words coded and %: ``code_by_case(load(project, filters))``'s
    numbers, computed from the hits and the word starts only when no filter is set."""
    filters = filters or Filters()
    if any((filters.documents, filters.kinds, filters.coders, filters.codes, filters.attributes)):
        return code_by_case(load(project, filters), rollup=rollup, measures=MEASURES)
    codes, hits = project.frames.codes(), project.frames.case_coding_hits()
    m = counts_from_hits(codes, project.frames.cases(), hits, rollup=rollup)
    index, cols = m.rows["id"].tolist(), m.units["id"].tolist()
    segs = project.frames.case_segments()
    doc_ids = [int(d) for d in project.frames.documents()["id"]]
    n_docs = max(1, len(doc_ids))
    f = WordIndex(project, doc_ids)
    # what each case covers, per document, and the words in it (the union of its segments)
    sc, sd = positions(cols, segs["case_id"]), positions(doc_ids, segs["document_id"])
    ok = (sc >= 0) & (sd >= 0)
    sc, sd = sc[ok], sd[ok]
    us, ue = segs["start"].to_numpy(dtype=np.int64)[ok], segs["end"].to_numpy(dtype=np.int64)[ok]
    unit_words = np.zeros(len(cols), dtype=np.int64)
    fu = f(np.r_[sd, sd], np.r_[us, ue])
    keys, words = union_words(sc * n_docs + sd, us, ue, fu[: len(us)], fu[len(us) :])
    np.add.at(unit_words, keys // n_docs, words)
    word_m = np.zeros(len(index) * len(cols), dtype=np.int64)
    if len(hits) and len(index) and len(cols) and len(sc):
        # each hit against every segment of its case in its document, clipped to it
        hc, hd = positions(cols, hits["case_id"]), positions(doc_ids, hits["document_id"])
        live = np.flatnonzero((hc >= 0) & (hd >= 0))
        seg_key = sc * n_docs + sd
        by_key = np.argsort(seg_key, kind="stable")
        hit_key = hc[live] * n_docs + hd[live]
        lo = np.searchsorted(seg_key[by_key], hit_key, side="left")
        item, k = expand(np.searchsorted(seg_key[by_key], hit_key, side="right") - lo)
        seg = by_key[lo[item] + k]
        h = live[item]
        cs = np.maximum(hits["start"].to_numpy(dtype=np.int64)[h], us[seg])
        ce = np.minimum(hits["end"].to_numpy(dtype=np.int64)[h], ue[seg])
        keep = cs < ce
        h, c, d, cs, ce = h[keep], sc[seg][keep], sd[seg][keep], cs[keep], ce[keep]
        fse = f(np.r_[d, d], np.r_[cs, ce])  # before roll-up copies each span into its ancestors' rows
        fs, fe = fse[: len(cs)], fse[len(cs) :]
        take, rows = rollup_rows(codes, hits["code_id"].to_numpy(dtype=np.int64)[h], rollup=rollup)
        keys, words = union_words((rows * len(cols) + c[take]) * n_docs + d[take], cs[take], ce[take],
                                  fs[take], fe[take])
        np.add.at(word_m, keys // n_docs, words)
    word_m = word_m.reshape(len(index), len(cols))
    word_df = pd.DataFrame(word_m, index=index, columns=cols)
    totals = pd.Series(unit_words, index=cols)
    with np.errstate(divide="ignore", invalid="ignore"):
        pct = word_df.div(totals.replace(0, np.nan), axis=1) * 100.0
    pct = pct.fillna(0.0).round(2)
    if len(hits) and word_m.any():  # as the unstack in ``matrices._build`` names them
        word_df.index.name, word_df.columns.name = "row_code", "unit"
        pct.index.name, pct.columns.name = "row_code", "unit"
    units = m.units.assign(words=unit_words)
    return CodeMatrix("case", m.rows, units, m.codings, m.presence, word_df, pct)

