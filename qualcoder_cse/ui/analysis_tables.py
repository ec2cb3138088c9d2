"""The tables behind the Analysis view: ``matrix_frame`` turns an analysis result into what the view shows
(the DataFrame with human column names, the keys of its rows and columns for the cell quotes, which
columns carry the heat map, which rows are shaded, and a note saying what the table holds or compared);
``chart_data`` gives the bar chart's data and ``cell_quotes`` the quotes behind a cell. Pure pandas, run in
the view's worker thread; the tables themselves come from ``qualcoder_cse.analysis.tables`` (the matrices, By
Group and Evidence Gaps are the workbook's own, shown without their label and total columns; the
framework counts, co-occurrence grid and agreement summary are built there too); here only how they are shown."""

from __future__ import annotations

from dataclasses import dataclass, field

from ..core.errors import ProjectError
from ..lazy import lazy_import

an = lazy_import("qualcoder_cse.analysis")  # off the start-up path (lazy.preload loads it beside the window)
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


def shown(table, *, note: str = "", path_rows: bool = True, path_cols: bool = False) -> Table:
    """An ``analysis.tables.Table`` as the view shows it. A table with column keys (matrices, grids, By Group)
    keeps the columns that count a unit, group or code (not Level or Total), its code paths as row labels in
    tree order; any other table keeps every column after its labels, which are joined as the row's label.
    A table with a flag column is not heat-mapped (its rows are shaded instead)."""
    frame = pd.DataFrame(table.rows if isinstance(table.rows, list) else list(table.rows), columns=table.headers)
    if table.col_keys is not None:
        cols = [i for i, key in enumerate(table.col_keys) if key is not None]
        col_keys, index = [table.col_keys[i] for i in cols], frame.iloc[:, 0].tolist()
    else:
        cols = list(range(table.label_cols, len(table.headers)))
        col_keys = [table.headers[i] for i in cols]
        labels = frame.iloc[:, : table.label_cols].itertuples(index=False)
        index = [" · ".join(str(v) for v in row) for row in labels]
    df = frame.iloc[:, cols].copy()
    for i in range(df.shape[1]):  # pandas makes text columns with gaps strings with NaN: keep None (shown blank)
        if pd.api.types.is_string_dtype(df.dtypes.iloc[i]):
            col = df.iloc[:, i]
            df.isetitem(i, col.astype(object).where(col.notna(), None))
    df.index = index
    row_keys = list(table.row_keys) if table.row_keys is not None else index
    flags = table.flag_col is not None
    return Table(df, row_keys, col_keys, heat=[] if flags else None, indent_rows=table.col_keys is not None
                 and table.label_cols == 2, path_rows=path_rows, path_cols=path_cols,
                 note=note or NOTES.get("codings", ""))


def matrix_table(m, measure: str) -> Table:
    """One measure of a code x case or code x document matrix, as shown."""
    return shown(an.tables.matrix_table(m, measure), note=NOTES.get(measure, ""))


def fast_ok(name: str, measure, f) -> bool:
    """Whether the view's matrix can come from ``code_by_case_all`` (the same numbers, no frames loaded)."""
    no_filter = not any((f.coders, f.kinds, f.documents, f.codes, f.attributes))
    return name == "Code x Case" and measure is not None and no_filter


def fast_table(m, measure: str) -> Table:
    """``matrix_table(m, measure)`` made straight from the matrix's array, the same frame (a test checks):
    through lists of Python values it took 0.1 s for 200 codes x 500 cases."""
    frame = pd.DataFrame(m.measure(measure).to_numpy(), index=m.rows["path"].tolist(),
                         columns=m.units["name"].tolist())
    return Table(frame, m.rows["id"].tolist(), m.units["id"].tolist(), indent_rows=True, note=NOTES[measure])


def matrix_frame(name: str, data: an.AnalysisData, measure, group_by: str, unit: str) -> Table:
    """The table for one matrix; runs in the worker thread."""
    if name in ("Code x Case", "Code x Document"):
        return matrix_table(an.code_by_case(data) if name == "Code x Case" else an.code_by_document(data), measure)
    if name == "Framework Matrix":
        return shown(an.tables.framework_counts_table(an.framework_matrix(data)), path_rows=False, path_cols=True,
                     note="Quotes per case and theme: click a cell to read them and write its summary.")
    if name == "Co-occurrence":
        return shown(an.tables.cooccurrence_grid(data, measure), path_cols=True,
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
    t = shown(an.tables.gaps_table(data, group_by, None), path_rows=False)
    t.row_colours = [GAP_COLOURS.get(f) for f in t.frame["Gap"]]
    t.note = (f"{sum(1 for c in t.row_colours if c)} gap(s) shaded: red = no evidence in that group, "
              "amber = a single source.")
    return t


def _agreement(data: an.AnalysisData, unit: str) -> Table:
    t = an.tables.agreement_summary_table(an.intercoder_agreement(data, unit=unit))
    shown_t = shown(t, note=t.notes)
    shown_t.row_colours = ["#eeeeee" if n else None for n in shown_t.frame["Note"]]
    return shown_t


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


def fast_status(name: str, table: Table) -> str:
    """The status line under a matrix counted without the full data; a Code x Case without columns says why."""
    if name == "Code x Case" and not len(table.frame.columns):
        return ("Code x Case: no cases to show (the project has none yet, or the filters leave none), so no "
                "columns. Make cases in the Cases panel (Speakers… makes a case of each speaker), or pick Code x "
                "Document above.")
    return (f"{name}: {len(table.frame)} rows, counted from the coded spans and word positions (the coded "
            "passages load for quotes and the chart).")
