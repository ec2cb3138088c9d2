"""The workbook's matrix sheets: Code x Case and Code x Document (one sheet per measure), the Cases and
Documents they are counted over, the Framework Matrix, Co-occurrence, By Group (one sheet per measure) and
Evidence Gaps. Every sheet is one table with its header in row 1 (``excel_sheet.TableSheet``)."""

from __future__ import annotations

from .. import analysis as an
from .excel_sheet import write_table

MEASURE_SHEETS = {"codings": "codings", "presence": "presence", "words": "words", "percent": "% words"}
MEASURE_NOTES = {
    "codings": "Codings (count; a theme counts each segment of its codes once)",
    "presence": "Presence: 1 when the code was applied at least once",
    "words": "Words coded (each word once)",
    "percent": "% of the {unit}'s words coded",
}


def matrix_sheet_name(unit_kind: str, measure: str) -> str:
    return f"Code x {'Case' if unit_kind == 'case' else 'Document'} {MEASURE_SHEETS[measure]}"


def matrix_sheet_names() -> list[str]:
    return [matrix_sheet_name(kind, m) for kind in ("case", "document") for m in an.matrices.MEASURES]


def matrix_sheets(wb, m: an.CodeMatrix) -> None:
    """One sheet per measure: Code, Level, one column per case (or document), Total (not for %)."""
    names = m.units["name"].tolist()
    unit = "case" if m.unit_kind == "case" else "document"
    for measure in an.matrices.MEASURES:
        values = m.measure(measure).to_numpy()
        total = measure != "percent"  # a sum of percentages means nothing
        header = ["Code", "Level"] + names + (["Total"] if total else [])
        rows = []
        for i, (path, depth) in enumerate(zip(m.rows["path"], m.rows["depth"], strict=False)):
            row = [path, int(depth)] + list(values[i])
            if total:
                row.append(int(values[i].sum()))
            rows.append(row)
        scale = None if measure == "presence" else list(range(2, 2 + len(names)))
        write_table(
            wb,
            matrix_sheet_name(m.unit_kind, measure),
            header,
            rows,
            description=MEASURE_NOTES[measure].format(unit=unit),
            scale=scale,
            freeze_cols=2,
            wrap=(0,),  # whole code paths, wrapped
            widths={0: 48},
        )


def _attribute_columns(table, ids) -> tuple[list[str], list[list]]:
    names = sorted(set(table["attribute"]), key=str.casefold)
    values = {(a, int(t)): v for a, t, v in zip(table["attribute"], table["target_id"], table["value"], strict=False)}
    return names, [[values.get((a, int(i))) for a in names] for i in ids]


def units_sheets(wb, data: an.AnalysisData, by_case: an.CodeMatrix, by_doc: an.CodeMatrix) -> None:
    """Cases and Documents: the units of the matrices, their words (the base of the %) and attributes."""
    attrs, values = _attribute_columns(data.case_attributes, by_case.units["id"])
    rows = [
        [name, int(words)] + vals
        for name, words, vals in zip(by_case.units["name"], by_case.units["words"], values, strict=False)
    ]
    write_table(wb, "Cases", ["Case", "Words"] + attrs, rows, description="Cases: words covered, attributes")
    attrs, values = _attribute_columns(data.document_attributes, by_doc.units["id"])
    kinds = dict(zip(data.documents["id"], data.documents["kind"], strict=False))
    rows = [
        [name, kinds.get(i), int(words)] + vals
        for i, name, words, vals in zip(
            by_doc.units["id"], by_doc.units["name"], by_doc.units["words"], values, strict=False
        )
    ]
    write_table(
        wb, "Documents", ["Document", "Kind", "Words"] + attrs, rows, description="Documents: words, attributes"
    )


def framework_sheet(wb, fm: an.FrameworkMatrix) -> None:
    """Cases x themes: the quotes (wrapped, rows as tall as their quotes) and the researcher's summary."""
    header = ["Case"]
    for path in fm.themes["path"]:
        header += [f"{path}: quotes", f"{path}: summary"]
    rows = []
    for case_id, name in zip(fm.cases["id"], fm.cases["name"], strict=False):
        row = [name]
        for theme_id in fm.themes["id"]:
            row += [fm.cell_text(case_id, theme_id) or None, fm.summaries.get((int(case_id), int(theme_id)))]
        rows.append(row)
    wrap = tuple(range(len(header)))  # every cell top-aligned, the quotes wrapped
    widths = {col: (60 if col % 2 else 40) for col in range(1, len(header))}
    write_table(
        wb, "Framework Matrix", header, rows, description="Framework matrix: quotes by case and theme",
        wrap=wrap, widths=widths,
    )


def cooccurrence_sheet(wb, data: an.AnalysisData) -> None:
    pairs = an.code_cooccurrence(data).pairs()
    write_table(
        wb,
        "Co-occurrence",
        ["Code A", "Code B", "Overlapping codings", "Same speaker turn", "Jaccard (characters)"],
        [[r.code_a, r.code_b, r.overlaps, r.same_turn, r.jaccard] for r in pairs.itertuples()],
        description="Pairs of codes on the same text",
        scale=[2, 3, 4],
        freeze_cols=2,
        wrap=(0, 1),  # whole code paths, wrapped
        widths={0: 48, 1: 48},
    )


def group_sheets(wb, data: an.AnalysisData, group_by: str) -> None:
    """By Group codings and By Group %: codes x the groups of the grouping attribute."""
    g = an.by_group(data, group_by)
    unit_word = "cases" if g.unit_kind == "case" else "documents"
    for title, frame, header_of, note in (
        ("By Group codings", g.codings, lambda n: n, f"Codings by {g.attribute}"),
        (
            "By Group %",
            g.percent,
            lambda n: f"{n} (n={g.group_sizes[n]})",
            f"% of the group's {unit_word} with the code, by {g.attribute}",
        ),
    ):
        rows = []
        for i, (path, depth) in enumerate(zip(g.rows["path"], g.rows["depth"], strict=False)):
            vals = [frame.iloc[i][name] for name in g.groups]
            rows.append([path, int(depth)] + [int(v) if title.endswith("codings") else float(v) for v in vals])
        write_table(
            wb,
            title,
            ["Code", "Level"] + [header_of(n) for n in g.groups],
            rows,
            description=note,
            scale=list(range(2, 2 + len(g.groups))),
            freeze_cols=2,
        )


def gaps_sheet(wb, data: an.AnalysisData, group_by: str, themes: list[int] | None) -> None:
    gaps = an.evidence_gaps(data, group_by, themes)
    write_table(
        wb,
        "Evidence Gaps",
        ["Theme", group_by, "Sources", "Cases", "Codings", "Flag"],
        [[r.theme, r.group, r.sources, r.cases, r.codings, r.flag or None] for r in gaps.itertuples()],
        description="Themes by group: no evidence or a single source flagged",
        flag_col=5,
        freeze_cols=2,
    )
