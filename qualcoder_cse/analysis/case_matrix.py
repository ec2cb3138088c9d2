"""The code x case matrix with all four measures straight from a project, for the Analysis view's first
matrix: no pandas frames of codings, turns or memos are built and nothing is kept but the word starts.

``code_by_case_counts`` gives codings and presence (the case assignment in SQL, ``core.frames``); words coded
and % come from the same hits clipped to what each case covers, with each document's word starts
(``data.word_starts_of``, the rule of ``core.util.word_count``). Every step is numpy over integer arrays:

- a hit (coding x case segment) keeps the overlapping part [cs, ce); with roll-up it counts for the coding's
  code and every ancestor;
- per (row code, case, document) the clipped spans are sorted and merged (the union, each character once);
  a word counts when its first character lies in the union;
- the words of a span [a, b) of a document are ``f(b) - f(a)`` with ``f(x)`` the number of word starts
  before x: one ``searchsorted`` over all documents at once (keys document index x 2^32 + offset).

The numbers equal ``code_by_case(load(project))`` cell by cell (tests/analysis/test_case_matrix.py compares
them on random and generated projects); with a filter set this is exactly that call.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from .data import Filters, code_ancestry, load, word_starts_of
from .matrices import MEASURES, CodeMatrix, code_by_case, counts_from_hits

if TYPE_CHECKING:
    from ..core.project import Project

_SHIFT = np.int64(1) << np.int64(32)  # offsets (at most END_OF_DOCUMENT < 2^31) never reach another document


class _WordIndex:
    """f(document, x) = words of the document starting before offset x, for many (document, x) at once."""

    def __init__(self, project: Project, document_ids: list[int]) -> None:
        self.pos = {d: i for i, d in enumerate(document_ids)}
        parts, before = [], np.zeros(len(document_ids) + 1, dtype=np.int64)
        for doc_id, text in project.frames.iter_texts(document_ids):
            i = self.pos[doc_id]
            ws = word_starts_of(text).astype(np.int64)
            parts.append(ws + i * _SHIFT)
            before[i + 1] = len(ws)
        # texts arrive in the order asked and offsets grow within each: the keys are already sorted
        self.keys = np.concatenate(parts) if parts else np.zeros(0, dtype=np.int64)
        self.before = np.cumsum(before)[:-1]  # words in the documents before each one, in key order

    def __call__(self, doc_pos: np.ndarray, x: np.ndarray) -> np.ndarray:
        q = doc_pos * _SHIFT + x
        order = np.argsort(q)  # sorted queries walk the 5-million-key array once (random ones: 4x slower)
        out = np.empty(len(q), dtype=np.int64)
        out[order] = np.searchsorted(self.keys, q[order])
        return out - self.before[doc_pos]


def _union_words(group: np.ndarray, doc_pos: np.ndarray, s: np.ndarray, e: np.ndarray, f: _WordIndex):
    """Words in the union of the spans [s, e) of each group (one document per group): (groups, words)."""
    order = np.lexsort((s, group))
    g, d, s, e = group[order], doc_pos[order], s[order], e[order]
    first = np.ones(len(g), dtype=bool)
    first[1:] = g[1:] != g[:-1]
    # running max of the ends within each group (as ``matrices.union_measure``)
    reach = np.maximum.accumulate(g * _SHIFT + e) - g * _SHIFT
    prev = np.empty_like(reach)
    prev[1:] = reach[:-1]
    prev[first] = -1
    eff = np.maximum(s, prev)
    live = e > eff
    words = np.where(live, f(d, np.maximum(e, eff)) - f(d, eff), 0)
    starts = np.flatnonzero(first)
    return g[starts], np.add.reduceat(words, starts) if len(starts) else words[:0]


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
    docs = project.frames.documents()
    doc_ids = [int(d) for d in docs["id"]]
    f = _WordIndex(project, doc_ids)
    case_pos = pd.Series(np.arange(len(cols)), index=cols, dtype="int64")
    seg_case = case_pos.reindex(segs["case_id"].to_numpy()).to_numpy()
    seg_doc = pd.Series(np.arange(len(doc_ids)), index=doc_ids).reindex(segs["document_id"].to_numpy()).to_numpy()
    ok = ~(np.isnan(seg_case) | np.isnan(seg_doc))
    su = pd.DataFrame({
        "c": seg_case[ok].astype(np.int64), "d": seg_doc[ok].astype(np.int64),
        "u_start": segs["start"].to_numpy(dtype=np.int64)[ok], "u_end": segs["end"].to_numpy(dtype=np.int64)[ok],
    })
    # the words each case covers: the union of its segments, per document
    unit_words = np.zeros(len(cols), dtype=np.int64)
    if len(su):
        grp = su["c"].to_numpy() * len(doc_ids) + su["d"].to_numpy()
        keys, words = _union_words(grp, su["d"].to_numpy(), su["u_start"].to_numpy(), su["u_end"].to_numpy(), f)
        np.add.at(unit_words, keys // len(doc_ids), words)
    word_m = np.zeros((len(index), len(cols)), dtype=np.int64)
    if len(hits) and len(index) and len(cols) and len(su):
        h = hits.drop_duplicates()  # a coding meeting two segments of a case: clipped to each below
        h = pd.DataFrame({
            "c": case_pos.reindex(h["case_id"].to_numpy()).to_numpy(),
            "d": pd.Series(np.arange(len(doc_ids)), index=doc_ids).reindex(h["document_id"].to_numpy()).to_numpy(),
            "code_id": h["code_id"].to_numpy(), "start": h["start"].to_numpy(), "end": h["end"].to_numpy(),
        }).dropna().astype("int64")
        h = h.merge(su, on=["c", "d"])
        cs = np.maximum(h["start"].to_numpy(), h["u_start"].to_numpy())
        ce = np.minimum(h["end"].to_numpy(), h["u_end"].to_numpy())
        keep = cs < ce
        code_ids = h["code_id"].to_numpy()[keep]
        c, d, cs, ce = h["c"].to_numpy()[keep], h["d"].to_numpy()[keep], cs[keep], ce[keep]
        row_pos = pd.Series(np.arange(len(index)), index=index, dtype="int64")
        if rollup:
            anc = code_ancestry(codes)
            pairs = pd.DataFrame({"code_id": code_ids, "i": np.arange(len(code_ids))}).merge(anc, on="code_id")
            take, rows = pairs["i"].to_numpy(), row_pos.reindex(pairs["row_code"].to_numpy()).to_numpy()
        else:
            take, rows = np.arange(len(code_ids)), row_pos.reindex(code_ids).to_numpy()
        live = ~np.isnan(rows)
        take, rows = take[live], rows[live].astype(np.int64)
        grp = (rows * len(cols) + c[take]) * len(doc_ids) + d[take]
        keys, words = _union_words(grp, d[take], cs[take], ce[take], f)
        np.add.at(word_m.reshape(-1), keys // len(doc_ids), words)
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

