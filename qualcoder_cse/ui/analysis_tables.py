"""The tables behind the Analysis view: one function turns an analysis result into the DataFrame shown
(with the keys of its rows and columns, for the cell quotes), one gives the bar chart's data. Pure pandas,
run in the view's worker thread; the numbers themselves come from ``qualcoder_cse.analysis``."""

from __future__ import annotations

from ..core.errors import ProjectError
from ..lazy import lazy_import

an = lazy_import("qualcoder_cse.analysis")  # pandas loads when an analysis runs, not at window start


def matrix_frame(name: str, data: an.AnalysisData, measure, group_by: str, unit: str):
    """(frame, row keys, column keys, heat columns) for one matrix; runs in the worker thread."""
    if name in ("Code x Case", "Code x Document"):
        m = an.code_by_case(data) if name == "Code x Case" else an.code_by_document(data)
        return m.labelled(measure), m.rows["id"].tolist(), m.units["id"].tolist(), None
    if name == "Framework Matrix":
        fm = an.framework_matrix(data)
        df = fm.counts()
        df.index = fm.cases["name"].tolist()
        df.columns = fm.themes["path"].tolist()
        return df, fm.cases["id"].tolist(), fm.themes["id"].tolist(), None
    if name == "Co-occurrence":
        co = an.code_cooccurrence(data)
        return co.labelled(measure), co.codes["id"].tolist(), co.codes["id"].tolist(), None
    if name == "By Group":
        g = an.by_group(data, group_by)
        df = (g.codings if measure == "codings" else g.percent).copy()
        df.index = g.rows["path"].tolist()
        return df, g.rows["id"].tolist(), g.groups, None
    if name == "Evidence Gaps":
        gaps = an.evidence_gaps(data, group_by)
        df = gaps[["theme", "group", "sources", "cases", "codings", "flag"]].copy()
        df.index = [f"{t} · {g}" for t, g in zip(gaps["theme"], gaps["group"], strict=False)]
        return df, list(zip(gaps["theme_id"], gaps["group"], strict=False)), list(df.columns), [2, 3]
    res = an.intercoder_agreement(data, unit=unit)
    df = res.pairs[["code", "coder_a", "coder_b", "units", "percent_agreement", "kappa"]].copy()
    alpha = dict(zip(res.alpha["code_id"], res.alpha["alpha"], strict=False))
    df["alpha"] = [alpha.get(c) for c in res.pairs["code_id"]]
    df.index = [str(i + 1) for i in range(len(df))]
    keys = list(zip(res.pairs["code_id"], res.pairs["coder_a"], res.pairs["coder_b"], strict=False))
    return df, keys, list(df.columns), [5, 6]


def chart_data(data: an.AnalysisData, group_by: str) -> tuple:
    """(themes, groups, values, title) for the bar chart of theme codings by group."""
    try:
        g = an.by_group(data, group_by)
    except ProjectError:
        return [], [], [], ""
    themes = g.rows[g.rows["depth"] == 1]
    values = [[float(g.codings.loc[cid, grp]) for grp in g.groups] for cid in themes["id"]]
    return themes["path"].tolist(), g.groups, values, f"Codings by {g.attribute}"
