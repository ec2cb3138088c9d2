"""Inter-coder agreement: percent agreement, Cohen's kappa (per code and pooled) and Krippendorff's alpha
(nominal, two or more coders, missing data allowed).

Units (selectable):
- ``character`` (as NVivo does): every character of the documents is a unit; for a code, each coder either
  coded it (1) or not (0).
- ``sentence``: sentences (split after . ! ? or at line breaks); a coder coded a sentence with a code when
  one of their codings of that code touches it.
- ``turn``: speaker turns (documents without turns fall back to their non-empty lines).

Which documents count: for a pair of coders, every document in the data (after the filters) that EITHER
coder coded anything in. A document only one of them coded counts in full: the other coder's "not coded"
there is disagreement, so work not done yet shows as low agreement, never as silently dropped documents.
For alpha over all the compared coders, every document any of them coded, each coder having a value (coded
or not) on every unit there. A code neither coder of a pair used in the compared documents has nothing to
agree on: it is reported as "not used by either", with no percentage and no kappa (it used to show 100 %
and kappa 1), and it is left out of the pooled figures. ``AgreementResult.compared`` says in words what was
compared (coders, units, documents by name, codes).

Per code, a 2x2 table over the units: a = both coded, b = only the first, c = only the second, d = neither.
po = (a + d) / N, pe = ((a+b)(a+c) + (c+d)(b+d)) / N^2, kappa = (po - pe) / (1 - pe); kappa is 1 when
pe = 1 (both coders agree there is nothing, or everything, to code). Pooled kappa (De Vries et al. 2008):
the mean po and mean pe over the codes, then (po - pe) / (1 - pe). Alpha (Krippendorff 2011, nominal):
1 - (n - 1) * sum_{c != k} o_ck / sum_{c != k} n_c n_k over the coincidence matrix o; pooled alpha sums the
coincidence matrices of every code (each code's units are separate binary units).
"""

from __future__ import annotations

import itertools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from ..core.errors import InvalidValue
from .data import AnalysisData, one_blas_thread
from .framework import Quote

UNITS = ("character", "sentence", "turn")
_SENTENCE_END = re.compile(r"(?<=[.!?…])\s+|\n+")


# ----------------------------------------------------------------- the statistics themselves
def cohen_kappa(a: float, b: float, c: float, d: float) -> tuple[float, float, float]:
    """(po, pe, kappa) from a 2x2 table: a both yes, b first only, c second only, d both no."""
    n = a + b + c + d
    if n <= 0:
        return float("nan"), float("nan"), float("nan")
    po = (a + d) / n
    pe = ((a + b) * (a + c) + (c + d) * (b + d)) / (n * n)
    return po, pe, kappa_from(po, pe)


def kappa_from(po: float, pe: float) -> float:
    if pe >= 1.0 - 1e-12:
        return 1.0
    return (po - pe) / (1.0 - pe)


def cohen_kappa_table(table: Sequence[Sequence[float]]) -> float:
    """Cohen's kappa for a k x k contingency table (rows: first coder's category, columns: second's)."""
    t = np.asarray(table, dtype=float)
    n = t.sum()
    po = np.trace(t) / n
    pe = float((t.sum(axis=1) * t.sum(axis=0)).sum() / (n * n))
    return kappa_from(po, pe)


def alpha_from_coincidences(o: np.ndarray) -> float:
    """Nominal alpha from a coincidence matrix."""
    o = np.asarray(o, dtype=float)
    n_c = o.sum(axis=1)
    n = n_c.sum()
    if n <= 1:
        return float("nan")
    disagree_obs = o.sum() - np.trace(o)
    disagree_exp = n_c.sum() ** 2 - (n_c**2).sum()
    if disagree_exp <= 0:
        return 1.0  # a single value used throughout: no variation, nothing to disagree about
    return float(1.0 - (n - 1) * disagree_obs / disagree_exp)


def krippendorff_alpha_nominal(data: Sequence[Sequence[object]]) -> float:
    """Nominal alpha for a coders x units table; None (or NaN) marks a missing value."""
    rows = [list(r) for r in data]
    values = sorted({v for r in rows for v in r if not _missing(v)}, key=str)
    index = {v: i for i, v in enumerate(values)}
    o = np.zeros((len(values), len(values)))
    for unit in zip(*rows, strict=True):
        present = [index[v] for v in unit if not _missing(v)]
        m = len(present)
        if m < 2:
            continue
        for i, j in itertools.permutations(range(m), 2):
            o[present[i], present[j]] += 1.0 / (m - 1)
    return alpha_from_coincidences(o)


def _missing(v: object) -> bool:
    return v is None or (isinstance(v, float) and np.isnan(v))


# ----------------------------------------------------------------- the project-level computation
NOT_USED = "not used by either"
PAIR_COLUMNS = [
    "code_id", "code", "coder_a", "coder_b", "documents", "units", "both", "a_only", "b_only", "neither",
    "percent_agreement", "kappa", "note",
]


@dataclass
class AgreementResult:
    unit: str
    coders: list[str]
    pairs: pd.DataFrame  # per code and coder pair: counts, percent agreement, kappa, note
    pooled: pd.DataFrame  # per coder pair: pooled percent agreement and kappa; plus the all-coder alpha
    alpha: pd.DataFrame  # per code: Krippendorff's alpha over all the coders
    documents: dict[tuple[str, str], int]  # documents scored per coder pair
    document_names: dict[tuple[str, str], list[str]] = field(default_factory=dict)  # the same, by name

    def compared(self) -> list[str]:
        """What was compared, one sentence per coder pair (for the view and the workbook's README)."""
        out = []
        for (a, b), names in self.document_names.items():
            rows = self.pairs[(self.pairs["coder_a"] == a) & (self.pairs["coder_b"] == b)]
            unused = int((rows["note"] == NOT_USED).sum())
            docs = "; ".join(names) if names else "none"
            out.append(
                f"{a} and {b}: {len(names)} document(s) that either coded ({docs}), in {self.unit} units; "
                f"{len(rows) - unused} code(s) compared, {unused} not used by either. A document only one "
                "of them coded counts: what the other did not code there is disagreement."
            )
        return out


def _units_for(data: AnalysisData, doc_id: int, unit: str) -> np.ndarray:
    text = data.texts.get(doc_id, "")
    spans: list[tuple[int, int]] = []
    if unit == "turn":
        t = data.turns[data.turns["document_id"] == doc_id]
        spans = [(int(s), int(e)) for s, e in zip(t["start"], t["end"], strict=False) if e > s]
    if not spans:
        splitter = _SENTENCE_END if unit == "sentence" else re.compile(r"\n+")
        pos = 0
        for m in splitter.finditer(text):
            spans.append((pos, m.start()))
            pos = m.end()
        spans.append((pos, len(text)))
        trimmed = []
        for s, e in spans:
            chunk = text[s:e]
            lead = len(chunk) - len(chunk.lstrip())
            tail = len(chunk) - len(chunk.rstrip())
            if e - tail > s + lead:
                trimmed.append((s + lead, e - tail))
        spans = trimmed
    return np.asarray(spans, dtype=np.int64).reshape(-1, 2)


def _doc_cover(data: AnalysisData, g: pd.DataFrame, doc_id: int, unit: str, ncodes: int, ncoders: int):
    """(X, w, total): X[units, code, coder] = 1 where coded, w = unit weights, total = weight of the doc."""
    kk = g["_k"].to_numpy()
    cc = g["_c"].to_numpy()
    s = g["start"].to_numpy()
    e = g["end"].to_numpy()
    if unit == "character":
        bounds = np.unique(np.concatenate([s, e]))
        diff = np.zeros((len(bounds), ncodes, ncoders), dtype=np.int32)
        np.add.at(diff, (np.searchsorted(bounds, s), kk, cc), 1)
        np.add.at(diff, (np.searchsorted(bounds, e), kk, cc), -1)
        x = (np.cumsum(diff, axis=0)[:-1] > 0).astype(np.int8)
        w = np.diff(bounds).astype(np.float64)
        total = float(len(data.texts.get(doc_id, "")))
        return x, w, total
    spans = _units_for(data, doc_id, unit)
    x = np.zeros((len(spans), ncodes, ncoders), dtype=np.int8)
    if len(spans):
        us, ue = spans[:, 0], spans[:, 1]
        touch = (us[:, None] < e[None, :]) & (s[None, :] < ue[:, None])
        ui, ji = np.nonzero(touch)
        x[ui, kk[ji], cc[ji]] = 1
    w = np.ones(len(spans))
    return x, w, float(len(spans))


def intercoder_agreement(
    data: AnalysisData, *, unit: str = "character", coders: list[str] | None = None
) -> AgreementResult:
    with one_blas_thread():
        return _agreement(data, unit, coders)


def _agreement(data: AnalysisData, unit: str, coders: list[str] | None) -> AgreementResult:
    if unit not in UNITS:
        raise InvalidValue(f"Agreement units are one of {', '.join(UNITS)}, not '{unit}'.")
    names = coders or sorted(data.codings["coder"].unique().tolist(), key=str.casefold)
    if len(names) < 2:
        raise InvalidValue("Agreement needs the codings of at least two coders.")
    code_ids = [int(c) for c in data.codes["id"]]  # every code in the data: unused ones are said so
    kpos = {c: i for i, c in enumerate(code_ids)}
    cod = data.codings[data.codings["coder"].isin(names) & data.codings["code_id"].isin(kpos)].copy()
    cpos = {n: i for i, n in enumerate(names)}
    cod["_k"] = cod["code_id"].map(kpos)
    cod["_c"] = cod["coder"].map(cpos)
    nk, nc = len(code_ids), len(names)
    pairs = list(itertools.combinations(range(nc), 2))
    # per pair: totals N, and per code: both, first, second
    tot = {p: 0.0 for p in pairs}
    both = {p: np.zeros(nk) for p in pairs}
    first = {p: np.zeros(nk) for p in pairs}
    second = {p: np.zeros(nk) for p in pairs}
    docs_scored: dict[tuple[int, int], list[int]] = {p: [] for p in pairs}
    # alpha: per code, o_10 (disagreeing coincidences), n1 (values 1), pairable values
    o10 = np.zeros(nk)
    n1 = np.zeros(nk)
    pairable = np.zeros(nk)
    for doc_id, g in cod.groupby("document_id"):
        present = set(g["_c"])
        x, w, total = _doc_cover(data, g, int(doc_id), unit, nk, nc)
        for p in pairs:
            if p[0] in present or p[1] in present:  # the other coder's "not coded" is disagreement
                xa, xb = x[:, :, p[0]], x[:, :, p[1]]
                both[p] += (w[:, None] * (xa & xb)).sum(axis=0)
                first[p] += (w[:, None] * xa).sum(axis=0)
                second[p] += (w[:, None] * xb).sum(axis=0)
                tot[p] += total
                docs_scored[p].append(int(doc_id))
        ones = x.sum(axis=2).astype(np.float64)  # units x codes; every coder has a value on every unit
        o10 += (w[:, None] * ones * (nc - ones)).sum(axis=0) / (nc - 1)
        n1 += (w[:, None] * ones).sum(axis=0)
        pairable += nc * total

    paths = dict(zip(data.codes["id"], data.codes["path"], strict=False))
    rows, pooled_rows = [], []
    for p in pairs:
        n = tot[p]
        pos, pes = [], []
        for i, code_id in enumerate(code_ids):
            a = both[p][i]
            b = first[p][i] - a
            c = second[p][i] - a
            d = n - a - b - c
            used = a + b + c > 0
            po, pe, kappa = cohen_kappa(a, b, c, d) if used else (float("nan"),) * 3
            if used and n > 0:
                pos.append(po)
                pes.append(pe)
            head = (code_id, paths.get(code_id, ""), names[p[0]], names[p[1]], len(docs_scored[p]), n)
            rows.append((*head, a, b, c, d, _pct(po), _r(kappa), "" if used else NOT_USED))
        nd = len(docs_scored[p])
        if pos:
            mpo, mpe = float(np.mean(pos)), float(np.mean(pes))
            pooled_rows.append((names[p[0]], names[p[1]], nd, n, _pct(mpo), _r(kappa_from(mpo, mpe))))
        else:
            pooled_rows.append((names[p[0]], names[p[1]], nd, n, float("nan"), float("nan")))
    pair_df = pd.DataFrame.from_records(rows, columns=PAIR_COLUMNS)
    alpha_rows = []
    o_all = np.zeros((2, 2))
    for i, code_id in enumerate(code_ids):
        path = paths.get(code_id, "")
        if n1[i] <= 0:  # nobody used the code: nothing to agree on
            alpha_rows.append((code_id, path, pairable[i], float("nan"), "not used by any coder"))
            continue
        o = _binary_coincidences(o10[i], n1[i], pairable[i])
        o_all += o
        alpha_rows.append((code_id, path, pairable[i], _r(alpha_from_coincidences(o)), ""))
    alpha_df = pd.DataFrame.from_records(alpha_rows, columns=["code_id", "code", "pairable_values", "alpha", "note"])
    pooled_df = pd.DataFrame.from_records(
        pooled_rows, columns=["coder_a", "coder_b", "documents", "units", "percent_agreement", "pooled_kappa"]
    )
    pooled_df.attrs["alpha"] = _r(alpha_from_coincidences(o_all)) if o_all.sum() else float("nan")
    key = {p: (names[p[0]], names[p[1]]) for p in pairs}
    return AgreementResult(
        unit,
        names,
        pair_df,
        pooled_df,
        alpha_df,
        {key[p]: len(docs_scored[p]) for p in pairs},
        {key[p]: [data.document_names.get(d, str(d)) for d in docs_scored[p]] for p in pairs},
    )


def _binary_coincidences(o10: float, n1: float, pairable: float) -> np.ndarray:
    o = np.zeros((2, 2))
    o[1, 0] = o[0, 1] = o10
    o[1, 1] = n1 - o10
    o[0, 0] = (pairable - n1) - o10
    return o


def _pct(po: float) -> float:
    return float("nan") if np.isnan(po) else round(100.0 * po, 2)


def _r(x: float) -> float:
    return float("nan") if x is None or np.isnan(x) else round(float(x), 4)


def disagreements(data: AnalysisData, code_id: int, coder_a: str, coder_b: str) -> list:
    """The passages behind an agreement row: where one of the two coders applied the code and the other did
    not, in the documents either coded anything in (the units the pair is scored on), in document order.
    Each quote's coder says who coded it ("only alice")."""
    c = data.codings
    common = set(c.loc[c["coder"].isin([coder_a, coder_b]), "document_id"])
    k = c[
        (c["code_id"] == int(code_id)) & c["document_id"].isin(common) & c["coder"].isin([coder_a, coder_b])
    ]
    label = data.code_label(code_id)
    out = []
    for doc_id, g in k.groupby("document_id"):
        s, e = g["start"].to_numpy(), g["end"].to_numpy()
        who = (g["coder"] == coder_b).to_numpy().astype(np.int64)  # 0: coder A, 1: coder B
        bounds = np.unique(np.concatenate([s, e]))
        diff = np.zeros((len(bounds), 2), dtype=np.int64)
        np.add.at(diff, (np.searchsorted(bounds, s), who), 1)
        np.add.at(diff, (np.searchsorted(bounds, e), who), -1)
        cover = np.cumsum(diff, axis=0)[:-1] > 0
        owner = np.where(cover[:, 0] & ~cover[:, 1], 0, np.where(cover[:, 1] & ~cover[:, 0], 1, -1))
        i = 0
        while i < len(owner):
            if owner[i] < 0:
                i += 1
                continue
            j = i
            while j + 1 < len(owner) and owner[j + 1] == owner[i]:
                j += 1
            start, end = int(bounds[i]), int(bounds[j + 1])
            name = coder_a if owner[i] == 0 else coder_b
            out.append(
                Quote(
                    int(doc_id),
                    data.document_names.get(doc_id, str(doc_id)),
                    start,
                    end,
                    f"only {name}",
                    label,
                    data.text(doc_id, start, end),
                )
            )
            i = j + 1
    return out
