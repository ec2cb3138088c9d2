"""Code co-occurrence: how often two codes fall on the same text.

For each pair of codes A, B (codes as applied, no roll-up; only codes with codings in the filtered data):
- overlaps: pairs of codings, one of A and one of B, by the same coder in the same document, whose spans
  share at least one character;
- same_turn: speaker turns in which both codes are applied (anywhere in the turn, any coder);
- jaccard: |characters coded A and B| / |characters coded A or B| over the documents (all coders pooled),
  0 when neither is used. Diagonals hold each code's codings, turns and 1.0.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from .data import AnalysisData, one_blas_thread
from .framework import Quote

PAIR_BLOCK = 256  # codings compared with all the others of their document at a time


@dataclass
class Cooccurrence:
    codes: pd.DataFrame  # id, path (the matrix order)
    overlaps: pd.DataFrame  # code id x code id
    same_turn: pd.DataFrame
    jaccard: pd.DataFrame

    def pairs(self) -> pd.DataFrame:
        """One row per pair (A before B in tree order) that co-occurs at all."""
        ids = self.codes["id"].tolist()
        paths = dict(zip(self.codes["id"], self.codes["path"], strict=False))
        ov, tu, ja = self.overlaps.to_numpy(), self.same_turn.to_numpy(), self.jaccard.to_numpy()
        rows = []
        for i in range(len(ids)):
            for j in range(i + 1, len(ids)):
                if ov[i, j] or tu[i, j] or ja[i, j] > 0:
                    rows.append(
                        (
                            ids[i],
                            paths[ids[i]],
                            ids[j],
                            paths[ids[j]],
                            int(ov[i, j]),
                            int(tu[i, j]),
                            round(float(ja[i, j]), 4),
                        )
                    )
        return pd.DataFrame.from_records(
            rows, columns=["code_a_id", "code_a", "code_b_id", "code_b", "overlaps", "same_turn", "jaccard"]
        )

    def labelled(self, name: str) -> pd.DataFrame:
        df = getattr(self, name).copy()
        df.index = df.columns = self.codes["path"].tolist()
        return df


def code_cooccurrence(data: AnalysisData) -> Cooccurrence:
    with one_blas_thread():
        return _cooccurrence(data)


def _cooccurrence(data: AnalysisData) -> Cooccurrence:
    used = set(data.codings["code_id"])
    codes = data.codes[data.codes["id"].isin(used)][["id", "path"]].reset_index(drop=True)
    k = len(codes)
    pos = {int(c): i for i, c in enumerate(codes["id"])}
    overlaps = np.zeros((k, k), dtype=np.int64)
    same_turn = np.zeros((k, k), dtype=np.int64)
    inter = np.zeros((k, k), dtype=np.int64)
    turns_by_doc = {d: g for d, g in data.turns.groupby("document_id")}

    for doc_id, g in data.codings.groupby("document_id"):
        kk = g["code_id"].map(pos).to_numpy()
        s = g["start"].to_numpy()
        e = g["end"].to_numpy()
        coder = g["coder_id"].to_numpy()
        n = len(kk)
        np.add.at(overlaps, (kk, kk), 1)
        # pairs i < j, a block of rows at a time (all pairs at once: ~100 MB for 2,000 codings in a document)
        for lo in range(0, n - 1, PAIR_BLOCK):
            i = np.arange(lo, min(n, lo + PAIR_BLOCK))[:, None]
            j = np.arange(n)[None, :]
            hit = (j > i) & (s[i] < e[j]) & (s[j] < e[i]) & (coder[i] == coder[j]) & (kk[i] != kk[j])
            bi, bj = np.nonzero(hit)
            a, b = kk[bi + lo], kk[bj]
            np.add.at(overlaps, (a, b), 1)
            np.add.at(overlaps, (b, a), 1)
        # characters: elementary intervals between all boundaries, coverage per code
        local = np.unique(kk)
        li = np.searchsorted(local, kk)
        bounds = np.unique(np.concatenate([s, e]))
        diff = np.zeros((len(bounds), len(local)), dtype=np.int64)
        np.add.at(diff, (np.searchsorted(bounds, s), li), 1)
        np.add.at(diff, (np.searchsorted(bounds, e), li), -1)
        cover = (np.cumsum(diff, axis=0)[:-1] > 0).astype(np.float64)  # float: the product runs in BLAS
        lengths = np.diff(bounds).astype(np.float64)
        inter[np.ix_(local, local)] += np.rint((cover * lengths[:, None]).T @ cover).astype(np.int64)
        # speaker turns
        t = turns_by_doc.get(doc_id)
        if t is not None and len(t):
            ts, te = t["start"].to_numpy(), t["end"].to_numpy()
            touch = (ts[:, None] < e[None, :]) & (s[None, :] < te[:, None])  # turns x codings
            onehot = np.zeros((n, len(local)), dtype=np.float64)
            onehot[np.arange(n), li] = 1.0
            present = ((touch.astype(np.float64) @ onehot) > 0).astype(np.float64)
            same_turn[np.ix_(local, local)] += np.rint(present.T @ present).astype(np.int64)

    own = np.diag(inter).astype(float)
    union = own[:, None] + own[None, :] - inter
    with np.errstate(divide="ignore", invalid="ignore"):
        jac = np.where(union > 0, inter / union, 0.0)
    ids = codes["id"].tolist()

    def frame(a) -> pd.DataFrame:
        return pd.DataFrame(a, index=ids, columns=ids)

    return Cooccurrence(codes, frame(overlaps), frame(same_turn), frame(jac))


def overlap_quotes(data: AnalysisData, code_a: int, code_b: int) -> list:
    """The passages behind a co-occurrence cell: where a coding of A and one of B by the same coder overlap,
    the overlapping text (each passage once), in document order. On the diagonal: the codings of A."""
    c = data.codings[["document_id", "start", "end", "coder_id", "coder", "code_id"]]
    a = c[c["code_id"] == int(code_a)]
    if int(code_a) == int(code_b):
        pairs = a.assign(s=a["start"], e=a["end"])
        label = data.code_label(code_a)
    else:
        b = c[c["code_id"] == int(code_b)]
        pairs = a.merge(b, on=["document_id", "coder_id"], suffixes=("", "_b"))
        pairs = pairs.assign(
            s=np.maximum(pairs["start"], pairs["start_b"]), e=np.minimum(pairs["end"], pairs["end_b"])
        )
        pairs = pairs[pairs["s"] < pairs["e"]]
        label = f"{data.code_label(code_a)} + {data.code_label(code_b)}"
    pairs = pairs.drop_duplicates(["document_id", "s", "e", "coder_id"]).sort_values(
        ["document_id", "s", "e"]
    )
    return [
        Quote(int(d), data.document_names.get(d, str(d)), int(s), int(e), coder, label, data.text(d, s, e))
        for d, s, e, coder in pairs[["document_id", "s", "e", "coder"]].itertuples(index=False)
    ]
