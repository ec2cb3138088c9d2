"""Integer-array steps of the matrices computed straight from a project's coded spans (``case_matrix``,
``matrices.counts_from_hits``): no frames of codings, no texts.

- ``positions``: ids to their place in a list of ids (-1 where absent);
- ``rollup_rows``: each coding with the row of its code and, with roll-up, the row of every ancestor;
- ``segment_numbers``, ``cell_segments``: distinct segments (document, start, end, coder) per (row, column) cell;
- ``by_cell``: a stable order by (row, column), after which those two need not sort;
- ``WordIndex``: f(document, x), the words of a document starting before offset x, from the stored word
  starts (``core.word_index``);
- ``union_words``: the words in the union of the spans of each group, from f at each span's two ends only.

Words in a union: the spans of a group are sorted by start and merged into runs; a run [a, b) holds
f(b) - f(a) words, and since f never decreases, f(b) (b the furthest end of the run) is the largest f(end) of
its spans. So f is looked up once per span end, before roll-up copies a coding into every ancestor's row.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import numpy as np
import pandas as pd

from ..core.frames import END_OF_DOCUMENT
from .data import code_ancestry

if TYPE_CHECKING:
    from ..core.project import Project

_SHIFT = np.int64(1) << np.int64(32)  # offsets (at most END_OF_DOCUMENT < 2^31) never reach the next group


def positions(ids, wanted) -> np.ndarray:
    """The place of each of ``wanted`` in ``ids`` (distinct), -1 where it is not there."""
    ids = np.asarray(ids, dtype=np.int64)
    wanted = np.asarray(wanted, dtype=np.int64)
    out = np.full(len(wanted), -1, dtype=np.int64)
    if not len(ids) or not len(wanted):
        return out
    lo, hi = int(ids.min()), int(ids.max())
    if hi - lo < 8 * len(ids) + 100_000:  # ids as SQLite hands them out: a lookup table (10x a search)
        table = np.full(hi - lo + 1, -1, dtype=np.int64)
        table[ids - lo] = np.arange(len(ids))
        inside = (wanted >= lo) & (wanted <= hi)
        out[inside] = table[wanted[inside] - lo]
        return out
    order = np.argsort(ids, kind="stable")
    ordered = ids[order]
    at = np.minimum(np.searchsorted(ordered, wanted), len(ids) - 1)
    return np.where(ordered[at] == wanted, order[at], -1)


def expand(counts: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """For items with ``counts[i]`` copies each: (item of each copy, copy number within its item)."""
    counts = np.asarray(counts, dtype=np.int64)
    item = np.repeat(np.arange(len(counts)), counts)
    first = np.cumsum(counts) - counts
    return item, np.arange(len(item)) - first[item]


def rollup_rows(codes: pd.DataFrame, code_ids, *, rollup: bool) -> tuple[np.ndarray, np.ndarray]:
    """(take, rows): coding ``take[k]`` counts in row ``rows[k]`` (rows are places in ``codes``, tree order):
    its own code's row and, with roll-up, every ancestor's. Codings of codes not in ``codes`` count nowhere."""
    ids = codes["id"].to_numpy(dtype=np.int64)
    if rollup:
        anc = code_ancestry(codes)
        own, row = positions(ids, anc["code_id"]), positions(ids, anc["row_code"])
        ok = (own >= 0) & (row >= 0)
        own, row = own[ok], row[ok]
    else:
        own = row = np.arange(len(ids))
    order = np.argsort(own, kind="stable")
    row_of = row[order]  # rows grouped by code place
    n = np.bincount(own, minlength=len(ids))
    start = np.cumsum(n) - n
    place = positions(ids, code_ids)
    hit = np.flatnonzero(place >= 0)
    item, k = expand(n[place[hit]])
    take = hit[item]
    return take, row_of[start[place[take]] + k]


def segment_numbers(segment_cols: list[np.ndarray], *, ordered: bool = False) -> tuple[np.ndarray, int]:
    """(number of each row's segment, how many segments): rows with equal (document, start, end, coder)
    columns get one number. ``ordered``: the rows are already sorted by those columns (no sort needed)."""
    n = len(segment_cols[0])
    if not n:
        return np.zeros(0, dtype=np.int64), 0
    order = None if ordered else _lexsort(segment_cols)
    new = np.zeros(n, dtype=bool)
    new[0] = True
    for col in segment_cols:
        v = col if order is None else col[order]
        new[1:] |= v[1:] != v[:-1]
    number = np.cumsum(new) - 1
    count = int(number[-1]) + 1
    if order is not None:
        number[order] = number.copy()
    return number, count


def cell_segments(cell: np.ndarray, segment: np.ndarray, n_segments: int, n_cells: int) -> np.ndarray:
    """How many distinct segments fall in each of ``n_cells`` cells: copy k of a coding lies in ``cell[k]``
    and is segment number ``segment[k]`` (``segment_numbers``)."""
    if not len(cell):
        return np.zeros(n_cells, dtype=np.int64)
    key = cell * n_segments + segment  # cells x segments fits in int64
    if not _ascending(key):  # in order already when the copies come by cell (``by_cell``) and by segment
        key = np.sort(key)
    key = key[np.r_[True, key[1:] != key[:-1]]]
    return np.bincount(key // n_segments, minlength=n_cells).astype(np.int64)


def by_cell(rows: np.ndarray, cols: np.ndarray) -> np.ndarray:
    """The stable order sorting items by (row, column): items in (document, offset) order stay so within each
    cell, which lets ``cell_segments`` and ``union_words`` skip their sorts. Two radix passes over 16-bit keys
    (4 ms for 230,000 copies, against 27 ms for those two sorts)."""
    if len(rows) and max(int(rows.max()), int(cols.max())) < 2**15 and min(int(rows.min()), int(cols.min())) >= 0:
        order = np.argsort(cols.astype(np.int16), kind="stable")
        return order[np.argsort(rows.astype(np.int16)[order], kind="stable")]
    return np.lexsort((cols, rows))


def _ascending(a: np.ndarray) -> bool:
    return bool(len(a) < 2 or (a[1:] >= a[:-1]).all())


def _lexsort(cols: list[np.ndarray]) -> np.ndarray:
    """The order sorting rows of (document, start, end, coder) columns; two packed keys when the values
    allow (offsets below 2^31, small ids): half the time of four."""
    doc, start, end, coder = cols
    if (len(doc) and min(int(doc.min()), int(coder.min()), int(start.min()), int(end.min())) >= 0
            and int(end.max()) <= END_OF_DOCUMENT and int(start.max()) <= END_OF_DOCUMENT
            and int(doc.max()) < 2**31 and int(coder.max()) < 2**31):
        return np.lexsort(((start << 31) | end, (doc << 31) | coder))
    return np.lexsort(cols[::-1])


class WordIndex:
    """f(document place, x) = the words of the document starting before offset x, for many at once."""

    def __init__(self, project: Project, document_ids: list[int]) -> None:
        self.words = project.frames.word_keys(document_ids)

    def __call__(self, doc_pos: np.ndarray, x: np.ndarray) -> np.ndarray:
        w = self.words
        q = (w.base[doc_pos] + np.clip(x, 0, w.length[doc_pos])).astype(w.keys.dtype)
        # sorted queries walk the 5-million-key array once (random ones: 4x slower); the queries come as runs
        # already in order (codings by document and offset), which a stable sort merges (1.5 ms, not 8)
        order = np.argsort(q, kind="stable")
        q = q[order]
        new = np.ones(len(q), dtype=bool)
        new[1:] = q[1:] != q[:-1]  # each offset once: coders share boundaries (57 % repeats on the study)
        out = np.empty(len(q), dtype=np.int64)
        out[order] = np.searchsorted(w.keys, q[new])[np.cumsum(new) - 1]
        return out - w.before[doc_pos]


def union_words(group: np.ndarray, s: np.ndarray, e: np.ndarray, fs: np.ndarray, fe: np.ndarray
                ) -> tuple[np.ndarray, np.ndarray]:
    """(groups, words): the words in the union of the spans [s, e) of each group (one document per group),
    given fs = f(s) and fe = f(e) of each span."""
    if not len(group):
        return group[:0], np.zeros(0, dtype=np.int64)
    if group.max() < 2**32 and group.min() >= 0 and s.min() >= 0 and s.max() <= END_OF_DOCUMENT:
        key = (group << 31) | s  # one key: about half the time of sorting by two
        order = None if _ascending(key) else np.argsort(key)  # in order already: from ``by_cell``
    else:
        order = np.lexsort((s, group))
    if order is None:
        g = group
    else:
        g, s, e, fs, fe = group[order], s[order], e[order], fs[order], fe[order]
    first = np.ones(len(g), dtype=bool)
    first[1:] = g[1:] != g[:-1]
    dense = np.cumsum(first) - 1  # small group numbers: dense x 2^32 stays in int64
    reach = np.maximum.accumulate(dense * _SHIFT + e) - dense * _SHIFT  # furthest end so far in the group
    run = first.copy()
    run[1:] |= s[1:] > reach[:-1]
    runs = np.flatnonzero(run)
    words = np.maximum.reduceat(fe, runs) - fs[runs]
    return g[first], np.add.reduceat(words, np.flatnonzero(first[runs]))
