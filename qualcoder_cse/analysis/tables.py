"""The analysis as tables of plain values: one model for every output. The workbook writes each table as a
sheet (``exporters/excel*``), the CSV export as a file (``exporters/csv_export``), the Word briefing reads
the By Group table (``exporters/briefing``) and the Analysis view (``ui/analysis_tables``) shows the
matrices, By Group and Evidence Gaps tables from the same rows, and the co-occurrence grid and agreement
summary and framework counts built here. No formatting here: which columns are labels, numbers to shade, long text or a flag is
said once, in words each writer interprets.

    for table in analysis_tables(data, group_by="participant group"):
        print(table.title, table.headers, len(list(table.rows)))
"""

from __future__ import annotations

import math
from collections.abc import Callable, Iterable, Iterator
from dataclasses import dataclass, field

from .agreement import AgreementResult, intercoder_agreement
from .cooccurrence import code_cooccurrence
from .data import AnalysisData
from .framework import FrameworkMatrix, framework_matrix
from .groups import GroupTable, by_group, evidence_gaps
from .matrices import MEASURES, CodeMatrix, case_hits, code_by_case, code_by_document

MEASURE_TITLES = {"codings": "codings", "presence": "presence", "words": "words", "percent": "% words"}
MEASURE_NOTES = {
    "codings": "Codings (count; a theme counts each segment of its codes once)",
    "presence": "Presence: 1 when the code was applied at least once",
    "words": "Words coded (each word once)",
    "percent": "% of the {unit}'s words coded",
}
AGREEMENT_HEADER = (
    "Code", "Coder A", "Coder B", "Documents", "Units", "Both coded", "A only", "B only", "Neither",
    "% agreement", "Cohen's kappa", "Note",
)
AGREEMENT_TITLES = ("Agreement", "Agreement pooled", "Agreement alpha")
CODINGS_HEADER = ["Document", "Case", "Code", "Coder", "Start", "End", "Coded text", "Memo"]


@dataclass
class Table:
    """One table: ``rows`` are lists of plain values (None = empty), or a generator for a long table."""

    title: str  # the sheet's name; also what the table is called in the README
    headers: list[str]
    rows: Iterable[list]
    notes: str = ""  # one line on what the table holds (the printed page header)
    stem: str = ""  # the CSV file's name without ".csv"
    label_cols: int = 1  # leading columns that label a row (kept in view when scrolling)
    numeric: list[int] = field(default_factory=list)  # columns shaded by value
    text_cols: tuple[int, ...] = ()  # long text (wrapped)
    widths: dict[int, float] = field(default_factory=dict)  # preferred widths in characters
    flag_col: int | None = None  # a column whose non-empty cells are flags (shaded)
    row_keys: list | None = None  # per row: the code id (for the view's quotes)
    col_keys: list | None = None  # per column: the unit or group it counts, None for labels and totals


def matrix_title(unit_kind: str, measure: str) -> str:
    return f"Code x {'Case' if unit_kind == 'case' else 'Document'} {MEASURE_TITLES[measure]}"


def matrix_titles() -> list[str]:
    return [matrix_title(kind, m) for kind in ("case", "document") for m in MEASURES]


def matrix_tables(m: CodeMatrix) -> list[Table]:
    """One table per measure: Code, Level, one column per case (or document), Total (not for %)."""
    return [matrix_table(m, measure) for measure in MEASURES]


def matrix_table(m: CodeMatrix, measure: str) -> Table:
    names, ids = m.units["name"].tolist(), m.units["id"].tolist()
    unit = "case" if m.unit_kind == "case" else "document"
    values = m.measure(measure).to_numpy()
    total = measure != "percent"  # a sum of percentages means nothing
    rows = []
    for i, (path, depth) in enumerate(zip(m.rows["path"].tolist(), m.rows["depth"].tolist(), strict=False)):
        row = [path, int(depth)] + values[i].tolist()
        if total:
            row.append(int(values[i].sum()))
        rows.append(row)
    return Table(
        matrix_title(m.unit_kind, measure), ["Code", "Level"] + names + (["Total"] if total else []), rows,
        MEASURE_NOTES[measure].format(unit=unit), f"code_x_{unit}_{measure}", label_cols=2,
        numeric=[] if measure == "presence" else list(range(2, 2 + len(names))), text_cols=(0,),
        widths={0: 48}, row_keys=m.rows["id"].tolist(), col_keys=[None, None] + ids + ([None] if total else []),
    )


def _attribute_columns(table, ids) -> tuple[list[str], list[list]]:
    names = sorted(set(table["attribute"]), key=str.casefold)
    values = {(a, int(t)): v for a, t, v in zip(table["attribute"], table["target_id"], table["value"], strict=False)}
    return names, [[values.get((a, int(i))) for a in names] for i in ids]


def units_tables(data: AnalysisData, by_case: CodeMatrix, by_doc: CodeMatrix) -> list[Table]:
    """Cases and Documents: the units of the matrices, their words (the base of the %) and attributes."""
    attrs, values = _attribute_columns(data.case_attributes, by_case.units["id"])
    rows = [[name, int(words)] + vals
            for name, words, vals in zip(by_case.units["name"], by_case.units["words"], values, strict=False)]
    cases = Table("Cases", ["Case", "Words"] + attrs, rows, "Cases: words covered, attributes", "cases")
    attrs, values = _attribute_columns(data.document_attributes, by_doc.units["id"])
    kinds = dict(zip(data.documents["id"], data.documents["kind"], strict=False))
    rows = [[name, kinds.get(i), int(words)] + vals for i, name, words, vals in zip(
        by_doc.units["id"], by_doc.units["name"], by_doc.units["words"], values, strict=False)]
    docs = Table("Documents", ["Document", "Kind", "Words"] + attrs, rows, "Documents: words, attributes",
                 "documents")
    return [cases, docs]


def framework_table(fm: FrameworkMatrix) -> Table:
    """Cases x themes: the quotes and the researcher's summary of each cell."""
    header = ["Case"]
    for path in fm.themes["path"]:
        header += [f"{path}: quotes", f"{path}: summary"]
    rows = []
    for case_id, name in zip(fm.cases["id"], fm.cases["name"], strict=False):
        row = [name]
        for theme_id in fm.themes["id"]:
            row += [fm.cell_text(case_id, theme_id) or None, fm.summaries.get((int(case_id), int(theme_id)))]
        rows.append(row)
    return Table("Framework Matrix", header, rows, "Framework matrix: quotes by case and theme", "framework_matrix",
                 text_cols=tuple(range(len(header))),
                 widths={col: (60 if col % 2 else 40) for col in range(1, len(header))})


def framework_counts_table(fm: FrameworkMatrix) -> Table:
    """Cases x themes, the quotes in each cell counted: the Analysis view's framework grid (a cell opens its
    quotes and summary; row keys are case ids, column keys theme ids)."""
    counts = fm.counts().to_numpy()
    rows = [[name] + counts[i].tolist() for i, name in enumerate(fm.cases["name"].tolist())]
    themes = fm.themes["id"].tolist()
    return Table("Framework Matrix counts", ["Case"] + fm.themes["path"].tolist(), rows,
                 "Quotes per case and theme", "framework_counts", numeric=list(range(1, 1 + len(themes))),
                 row_keys=fm.cases["id"].tolist(), col_keys=[None] + themes)


def cooccurrence_table(data: AnalysisData) -> Table:
    pairs = code_cooccurrence(data).pairs()
    return Table(
        "Co-occurrence", ["Code A", "Code B", "Overlapping codings", "Same speaker turn", "Jaccard (characters)"],
        [[r.code_a, r.code_b, r.overlaps, r.same_turn, r.jaccard] for r in pairs.itertuples()],
        "Pairs of codes on the same text", "cooccurrence", label_cols=2, numeric=[2, 3, 4], text_cols=(0, 1),
        widths={0: 48, 1: 48},
    )


def cooccurrence_grid(data: AnalysisData, measure: str) -> Table:
    """Codes x codes for one measure (overlaps, same_turn or jaccard): the Analysis view's grid, whose cells
    open the overlapping quotes (row and column keys are code ids)."""
    co = code_cooccurrence(data)
    ids, paths = co.codes["id"].tolist(), co.codes["path"].tolist()
    values = getattr(co, measure).to_numpy()
    rows = [[path] + values[i].tolist() for i, path in enumerate(paths)]
    return Table("Co-occurrence", ["Code"] + paths, rows, "Codes applied to the same text", "cooccurrence_grid",
                 numeric=list(range(1, 1 + len(ids))), text_cols=(0,), row_keys=ids, col_keys=[None] + ids)


def group_tables(g: GroupTable) -> list[Table]:
    """By Group codings and By Group %: codes x the groups of the grouping attribute."""
    unit_word = "cases" if g.unit_kind == "case" else "documents"
    out = []
    for title, stem, frame, note in (
        ("By Group codings", "by_group_codings", g.codings, f"Codings by {g.attribute}"),
        ("By Group %", "by_group_percent", g.percent, f"% of the group's {unit_word} with the code, by {g.attribute}"),
    ):
        counts = title.endswith("codings")
        rows = []
        for i, (path, depth) in enumerate(zip(g.rows["path"], g.rows["depth"], strict=False)):
            vals = [frame.iloc[i][name] for name in g.groups]
            rows.append([path, int(depth)] + [int(v) if counts else float(v) for v in vals])
        heads = list(g.groups) if counts else [f"{n} (n={g.group_sizes[n]})" for n in g.groups]
        out.append(Table(title, ["Code", "Level"] + heads, rows, note, stem, label_cols=2,
                         numeric=list(range(2, 2 + len(g.groups))), row_keys=g.rows["id"].tolist(),
                         col_keys=[None, None] + list(g.groups)))
    return out


def gaps_table(data: AnalysisData, group_by: str, themes: list[int] | None) -> Table:
    gaps = evidence_gaps(data, group_by, themes)
    return Table(
        "Evidence Gaps", ["Theme", group_by, "Sources", "Cases", "Codings", "Gap"],
        [[r.theme, r.group, r.sources, r.cases, r.codings, r.flag or None] for r in gaps.itertuples()],
        "Themes by group: no evidence or a single source flagged", "evidence_gaps", label_cols=2, flag_col=5,
        row_keys=list(zip(gaps["theme_id"], gaps["group"], strict=False)),
    )


def compute_agreement(data: AnalysisData, unit: str) -> tuple[AgreementResult | None, list[str]]:
    """(the result, or None with fewer than two coders; the sentences saying what was compared)."""
    coders = sorted(data.codings["coder"].unique().tolist(), key=str.casefold)
    if len(coders) < 2:
        by = ", ".join(coders) or "nobody"
        return None, [f"Agreement needs two or more coders; the exported codings are by {by}."]
    res = intercoder_agreement(data, unit=unit, coders=coders)
    return res, res.compared()


def agreement_tables(res: AgreementResult | None, compared: list[str]) -> list[Table]:
    """Per code and coder pair, pooled per pair, Krippendorff's alpha (a note in each with fewer than two
    coders)."""
    stems = ("agreement", "agreement_pooled", "agreement_alpha")
    if res is None:
        return [Table(t, ["Note"], [compared], t, s, text_cols=(0,), widths={0: 90})
                for t, s in zip(AGREEMENT_TITLES, stems, strict=True)]
    about = f"Agreement over {res.unit} units; documents either coder coded"
    pairs = [[r.code, r.coder_a, r.coder_b, r.documents, r.units, r.both, r.a_only, r.b_only, r.neither,
              r.percent_agreement, r.kappa, r.note or None] for r in res.pairs.itertuples()]
    pooled = [[r.coder_a, r.coder_b, int(r.documents), r.units, r.percent_agreement, r.pooled_kappa, sentence]
              for r, sentence in zip(res.pooled.itertuples(), compared, strict=False)]
    alpha = [[r.code, r.pairable_values, r.alpha, r.note or None] for r in res.alpha.itertuples()]
    alpha.append(["All codes pooled", None, res.pooled.attrs.get("alpha"), None])
    return [
        Table("Agreement", list(AGREEMENT_HEADER), pairs, about, "agreement", label_cols=3, text_cols=(0,),
              widths={0: 48}),
        Table("Agreement pooled", ["Coder A", "Coder B", "Documents", "Units", "% agreement", "Pooled kappa",
                                   "What was compared"], pooled, about, "agreement_pooled", label_cols=2,
              text_cols=(6,), widths={6: 80}),
        Table("Agreement alpha", ["Code", "Pairable values", "Krippendorff's alpha", "Note"], alpha,
              f"Krippendorff's alpha (nominal) over {', '.join(res.coders)}", "agreement_alpha", text_cols=(0,),
              widths={0: 60}),
    ]


def agreement_summary_table(res: AgreementResult) -> Table:
    """Per code and coder pair with each code's alpha over all coders, the codes compared first: the Analysis
    view's table (a row's key is (code id, coder A, coder B), for the quotes where the two differ)."""
    p = res.pairs
    alpha = dict(zip(res.alpha["code_id"], res.alpha["alpha"], strict=False))
    order = sorted(range(len(p)), key=lambda i: (p["note"].iloc[i] != "", i))
    rows, keys = [], []
    for i in order:
        r = p.iloc[i]
        rows.append([r["code"], r["coder_a"], r["coder_b"], r["documents"], r["units"], r["percent_agreement"],
                     r["kappa"], alpha.get(r["code_id"]), r["note"] or None])
        keys.append((r["code_id"], r["coder_a"], r["coder_b"]))
    headers = ["Code", "Coder A", "Coder B", "Documents", "Units", "% agreement", "Cohen's kappa",
               "Krippendorff's alpha (all coders)", "Note"]
    return Table("Agreement", headers, rows, " ".join(res.compared()), "agreement_summary", flag_col=8,
                 row_keys=keys)


def links_table(data: AnalysisData) -> Table:
    rows = []
    if data.links is not None:
        for r in data.links.itertuples():
            rows.append([data.code_label(r.from_code_id), r.relation, data.code_label(r.to_code_id),
                         r.memo or None, r.coder or None, r.created_at, int(r.codings)])
    return Table("Links", ["From code", "Relation", "To code", "Memo", "Coder", "Created", "Codings"], rows,
                 "Links between codes", "links", text_cols=(3,), widths={3: 60})


def memos_table(data: AnalysisData) -> Table:
    """Every memo (project, documents, codes, codings, cases) and every note written on a coding."""
    rows = []
    if data.memos is not None:
        for r in data.memos.itertuples():
            rows.append([r.target_type, _target_name(data, r.target_type, r.target_id), r.title or None, r.text,
                         r.coder or None, r.created_at, r.updated_at])
    c = data.codings
    for doc, code, coder, s, e, memo in zip(
        c["document_id"], c["code_id"], c["coder"], c["start"], c["end"], c["memo"], strict=False
    ):
        if memo:
            rows.append(["coding", _coding_name(data, doc, code, s, e), None, memo, coder, None, None])
    return Table("Memos", ["About", "Target", "Title", "Memo", "Coder", "Created", "Updated"], rows,
                 "Memos and coding notes", "memos", text_cols=(1, 3), widths={1: 40, 3: 70})


def _coding_name(data: AnalysisData, doc, code, start, end) -> str:
    return f"{data.document_names.get(doc, doc)}, {int(start)}–{int(end)}: {data.code_label(code)}"


def _target_name(data: AnalysisData, target_type: str, target_id) -> str | None:
    if target_id is None or (isinstance(target_id, float) and math.isnan(target_id)):
        return data.project_name if target_type == "project" else None
    tid = int(target_id)
    if target_type == "document":
        return data.document_names.get(tid, str(tid))
    if target_type == "code":
        return data.code_label(tid)
    if target_type == "case":
        return data.case_names.get(tid, str(tid))
    if target_type == "coding":
        c = data.codings[data.codings["id"] == tid]
        if len(c):
            r = c.iloc[0]
            return _coding_name(data, r["document_id"], r["code_id"], r["start"], r["end"])
    return str(tid)


def codings_rows(data: AnalysisData) -> Iterator[list]:
    """One row per coding, generated as written (100,000 rows with their text are not held at once)."""
    hits = case_hits(data, rollup=False)
    case_names: dict[int, list[str]] = {}
    for cid, unit in zip(hits["id"], hits["unit"], strict=False):
        name = data.case_names.get(unit, "")
        lst = case_names.setdefault(int(cid), [])
        if name not in lst:
            lst.append(name)
    c = data.codings
    for cid, doc, code, coder, s, e, memo in zip(
        c["id"], c["document_id"], c["code_id"], c["coder"], c["start"], c["end"], c["memo"], strict=False
    ):
        yield [data.document_names.get(doc, ""), "; ".join(case_names.get(int(cid), [])) or None,
               data.code_label(code), coder, int(s), int(e), data.text(doc, s, e)[:32000], memo or None]


def codings_table(data: AnalysisData) -> Table:
    return Table("Codings", CODINGS_HEADER, codings_rows(data), "One row per coding", "codings",
                 text_cols=(6, 7), widths={6: 80, 7: 40})


def analysis_tables(
    data: AnalysisData,
    group_by: str,
    *,
    themes: list[int] | None = None,
    agreement: tuple[AgreementResult | None, list[str]] | None = None,
    agreement_unit: str = "character",
    done: Callable[[str], None] | None = None,
    keep_words: bool = True,
) -> Iterator[Table]:
    """Every table of the workbook after its README, in order, computed as they are asked for (so a writer
    holds one at a time). ``done(step)`` is called after each step (for a progress bar). ``keep_words=False``
    lets ``data`` go of its word positions once the matrices are done (an export's own data: less memory)."""
    tick = done or (lambda _step: None)
    res, compared = agreement if agreement is not None else compute_agreement(data, agreement_unit)
    by_case, by_doc = code_by_case(data), code_by_document(data)
    yield from matrix_tables(by_case)
    tick("Code x Case")
    yield from matrix_tables(by_doc)
    tick("Code x Document")
    yield from units_tables(data, by_case, by_doc)
    del by_case, by_doc
    if not keep_words:
        data.forget_words()
    tick("Cases and Documents")
    yield framework_table(framework_matrix(data, themes))
    tick("Framework Matrix")
    yield cooccurrence_table(data)
    tick("Co-occurrence")
    yield from group_tables(by_group(data, group_by))
    tick("By Group")
    yield gaps_table(data, group_by, themes)
    tick("Evidence Gaps")
    yield from agreement_tables(res, compared)
    tick("Agreement")
    yield links_table(data)
    tick("Links")
    yield memos_table(data)
    tick("Memos")
    yield codings_table(data)
    tick("Codings")
