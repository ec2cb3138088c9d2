"""The tables behind the Analysis view: ``matrix_frame`` turns an analysis result into what the view shows
(the DataFrame with human column names, the keys of its rows and columns for the cell quotes, which
columns carry the heat map, which rows are shaded, and a note saying what the table holds or compared);
``chart_data`` gives the bar chart's data and ``cell_quotes`` the quotes behind a cell. Pure pandas, run in
the view's worker thread; the numbers themselves come from ``qualcoder_cse.analysis``, and the Code x Case,
Code x Document and By Group tables are the workbook's own (``analysis.tables``), shown without their
label and total columns."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.errors import ProjectError
from ..lazy import lazy_import

an = lazy_import("qualcoder_cse.analysis")  # pandas loads when an analysis runs, not at window start
pd = lazy_import("pandas")

MATRICES = (
    "Code x Case",
    "Code x Document",
    "Framework Matrix",
    "Co-occurrence",
    "By Group",
    "Evidence Gaps",
    "Agreement",
)
MEASURES = {
    "Code x Case": [
        ("Codings", "codings"),
        ("Presence", "presence"),
        ("Words coded", "words"),
        ("% of words", "percent"),
    ],
    "Code x Document": [
        ("Codings", "codings"),
        ("Presence", "presence"),
        ("Words coded", "words"),
        ("% of words", "percent"),
    ],
    "Co-occurrence": [
        ("Overlapping codings", "overlaps"),
        ("Same speaker turn", "same_turn"),
        ("Jaccard", "jaccard"),
    ],
    "By Group": [("Codings", "codings"), ("% of cases", "percent")],
}
GAP_COLOURS = {"no evidence": "#f4a6a6", "single source": "#fbe3b0"}  # the gaps stand out, not the evidence
NOTES = {
    "codings": "Codings: segments coded (a theme counts each segment of its codes once).",
    "presence": "Presence: 1 where the code was applied at least once.",
    "words": "Words coded (each word once).",
    "percent": "% of the unit's words coded.",
}


@dataclass
class Table:
    frame: object  # pandas.DataFrame
    row_keys: list
    col_keys: list
    heat: list[int] | None = None  # columns with the heat map (None: every numeric column)
    row_colours: list[str | None] = field(default_factory=list)
    indent_rows: bool = False  # row labels are code paths in tree order
    path_rows: bool = True  # row labels are code paths (shown as their leaf), else names shown whole
    path_cols: bool = False
    note: str = ""


def shown(table, *, note: str = "") -> Table:
    """An ``analysis.tables.Table`` as the view shows it: the code paths as row labels, the columns that
    count a unit or group (not Level or Total), the code ids and unit ids as the cells' keys."""
    frame = pd.DataFrame(table.rows if isinstance(table.rows, list) else list(table.rows), columns=table.headers)
    cols = [i for i, key in enumerate(table.col_keys) if key is not None]
    df = frame.iloc[:, cols]
    df.index = frame.iloc[:, 0].tolist()
    return Table(df, list(table.row_keys), [table.col_keys[i] for i in cols], indent_rows=True,
                 note=note or NOTES.get("codings", ""))


def matrix_table(m, measure: str) -> Table:
    """One measure of a code x case or code x document matrix, as shown."""
    return shown(an.tables.matrix_table(m, measure), note=NOTES.get(measure, ""))


def matrix_frame(name: str, data: an.AnalysisData, measure, group_by: str, unit: str) -> Table:
    """The table for one matrix; runs in the worker thread."""
    if name in ("Code x Case", "Code x Document"):
        return matrix_table(an.code_by_case(data) if name == "Code x Case" else an.code_by_document(data), measure)
    if name == "Framework Matrix":
        fm = an.framework_matrix(data)
        df = fm.counts()
        df.index = fm.cases["name"].tolist()
        df.columns = fm.themes["path"].tolist()
        return Table(df, fm.cases["id"].tolist(), fm.themes["id"].tolist(), path_rows=False, path_cols=True,
                     note="Quotes per case and theme: click a cell to read them and write its summary.")
    if name == "Co-occurrence":
        co = an.code_cooccurrence(data)
        return Table(co.labelled(measure), co.codes["id"].tolist(), co.codes["id"].tolist(), path_cols=True,
                     note="Codes applied to the same text (hover a header for the whole path).")
    if name == "By Group":
        g = an.by_group(data, group_by)
        counts, percents = an.tables.group_tables(g)
        t = shown(counts if measure == "codings" else percents,
                  note=f"By {g.attribute}: " + ("codings." if measure == "codings" else "% of the group's units."))
        t.frame.columns = [f"{grp} (n={g.group_sizes[grp]})" for grp in g.groups]  # the group's size shown
        return t
    if name == "Evidence Gaps":
        return _gaps(data, group_by)
    return _agreement(data, unit)


def _gaps(data: an.AnalysisData, group_by: str) -> Table:
    gaps = an.evidence_gaps(data, group_by)
    df = gaps[["sources", "cases", "codings", "flag"]].copy()
    df.columns = ["Sources", "Cases", "Codings", "Gap"]
    df["Gap"] = [f or "" for f in df["Gap"]]
    df.index = [f"{t} · {g}" for t, g in zip(gaps["theme"], gaps["group"], strict=False)]
    keys = list(zip(gaps["theme_id"], gaps["group"], strict=False))
    colours = [GAP_COLOURS.get(f) for f in df["Gap"]]
    flagged = sum(1 for c in colours if c)
    return Table(df, keys, list(df.columns), heat=[], row_colours=colours, path_rows=False,
                 note=f"{flagged} gap(s) shaded: red = no evidence in that group, amber = a single source.")


def _agreement(data: an.AnalysisData, unit: str) -> Table:
    res = an.intercoder_agreement(data, unit=unit)
    p = res.pairs
    alpha = dict(zip(res.alpha["code_id"], res.alpha["alpha"], strict=False))
    df = p[["coder_a", "coder_b", "documents", "units", "percent_agreement", "kappa"]].copy()
    df.columns = ["Coder A", "Coder B", "Documents", "Units", "% agreement", "Cohen's kappa"]
    df["Krippendorff's alpha (all coders)"] = [alpha.get(c) for c in p["code_id"]]
    df["Note"] = p["note"].tolist()
    df.index = p["code"].tolist()
    order = sorted(range(len(df)), key=lambda i: (p["note"].iloc[i] != "", i))  # codes compared first
    df = df.iloc[order]
    keys = [tuple(x) for x in p[["code_id", "coder_a", "coder_b"]].iloc[order].itertuples(index=False)]
    colours = ["#eeeeee" if n else None for n in df["Note"]]
    return Table(df, keys, list(df.columns), heat=[], row_colours=colours, note=" ".join(res.compared()))


def chart_data(data: an.AnalysisData, group_by: str) -> tuple:
    """(themes, groups, values, title) for the bar chart of theme codings by group."""
    try:
        g = an.by_group(data, group_by)
    except ProjectError:
        return [], [], [], ""
    themes = g.rows[g.rows["depth"] == 1]
    values = [[float(g.codings.loc[cid, grp]) for grp in g.groups] for cid in themes["id"]]
    return themes["path"].tolist(), g.groups, values, f"Codings by {g.attribute}"


def cell_quotes(data: an.AnalysisData, name: str, row_key, col_key, group_by: str) -> list:
    """The quotes behind one cell of the matrix ``name``."""
    if name == "Code x Case":
        return an.quotes_for(data, row_key, case_id=col_key)
    if name == "Code x Document":
        return an.quotes_for(data, row_key, document_id=col_key)
    if name == "Framework Matrix":
        return an.quotes_for(data, col_key, case_id=row_key)
    if name in ("By Group", "Evidence Gaps"):
        code_id, group = (row_key, col_key) if name == "By Group" else row_key
        return group_quotes(data, int(code_id), group, group_by)
    if name == "Co-occurrence":
        return an.overlap_quotes(data, row_key, col_key)
    return an.disagreements(data, *row_key)  # agreement: where the two coders differ on the code


def group_quotes(data: an.AnalysisData, code_id: int, group: str, attribute: str) -> list:
    """The code's quotes in the units (cases or documents) of one group of ``attribute``, each once."""
    scope = data.attribute_scope(attribute)
    seen, out = set(), []
    if scope == "case":
        vals = data.case_attributes[data.case_attributes["attribute"].str.casefold() == attribute.casefold()]
        by_case = dict(zip(vals["target_id"], vals["value"], strict=False))
        units = [("case", int(c)) for c in data.cases["id"] if by_case.get(c, an.groups.NO_VALUE) == group]
    else:
        if scope == "kind":
            by_doc = dict(zip(data.documents["id"], data.documents["kind"], strict=False))
        else:
            vals = data.document_attributes[
                data.document_attributes["attribute"].str.casefold() == attribute.casefold()
            ]
            by_doc = dict(zip(vals["target_id"], vals["value"], strict=False))
        units = [("doc", int(d)) for d in data.documents["id"] if by_doc.get(d, an.groups.NO_VALUE) == group]
    for kind, uid in units:
        found = (
            an.quotes_for(data, code_id, case_id=uid)
            if kind == "case"
            else an.quotes_for(data, code_id, document_id=uid)
        )
        for q in found:
            if (q.document_id, q.start, q.end, q.coder) not in seen:
                seen.add((q.document_id, q.start, q.end, q.coder))
                out.append(q)
    return out
