"""The workbook's list sheets: README, Agreement (per code, pooled, alpha: one sheet each), Links, Memos (the
memos and the notes on codings) and Codings. Every sheet is one table with its header in row 1."""

from __future__ import annotations

import itertools
import math
from collections.abc import Iterator

from .. import analysis as an
from ..analysis.matrices import case_hits
from .excel_sheet import TableSheet, write_table

AGREEMENT_HEADER = (
    "Code", "Coder A", "Coder B", "Documents", "Units", "Both coded", "A only", "B only", "Neither",
    "% agreement", "Cohen's kappa", "Note",
)  # the columns of a pairwise agreement table, in the workbook and in agreement.csv
AGREEMENT_SHEETS = ("Agreement", "Agreement pooled", "Agreement alpha")
CODINGS_HEADER = ["Document", "Case", "Code", "Coder", "Start", "End", "Coded text", "Memo"]


def agreement_rows(res: an.AgreementResult) -> list[list]:
    return [
        [r.code, r.coder_a, r.coder_b, r.documents, r.units, r.both, r.a_only, r.b_only, r.neither,
         r.percent_agreement, r.kappa, r.note or None]
        for r in res.pairs.itertuples()
    ]


def compute_agreement(data: an.AnalysisData, unit: str) -> tuple[an.AgreementResult | None, list[str]]:
    """(the result, or None with fewer than two coders; the sentences saying what was compared)."""
    coders = sorted(data.codings["coder"].unique().tolist(), key=str.casefold)
    if len(coders) < 2:
        by = ", ".join(coders) or "nobody"
        return None, [f"Agreement needs two or more coders; the exported codings are by {by}."]
    res = an.intercoder_agreement(data, unit=unit, coders=coders)
    return res, res.compared()


def agreement_sheets(wb, res: an.AgreementResult | None, compared: list[str]) -> None:
    """The three agreement sheets (a note in each when there are fewer than two coders)."""
    if res is None:
        for title in AGREEMENT_SHEETS:
            write_table(wb, title, ["Note"], [compared], description=title, wrap=(0,), widths={0: 90})
        return
    unit, coders = res.unit, res.coders
    about = f"Agreement over {unit} units; documents either coder coded"
    write_table(wb, "Agreement", list(AGREEMENT_HEADER), agreement_rows(res), description=about, freeze_cols=3,
                wrap=(0,), widths={0: 48})
    write_table(
        wb,
        "Agreement pooled",
        ["Coder A", "Coder B", "Documents", "Units", "% agreement", "Pooled kappa", "What was compared"],
        [
            [r.coder_a, r.coder_b, int(r.documents), r.units, r.percent_agreement, r.pooled_kappa, sentence]
            for r, sentence in zip(res.pooled.itertuples(), compared, strict=False)
        ],
        description=about,
        wrap=(6,),
        widths={6: 80},
        freeze_cols=2,
    )
    rows = [[r.code, r.pairable_values, r.alpha, r.note or None] for r in res.alpha.itertuples()]
    rows.append(["All codes pooled", None, res.pooled.attrs.get("alpha"), None])
    write_table(
        wb,
        "Agreement alpha",
        ["Code", "Pairable values", "Krippendorff's alpha", "Note"],
        rows,
        description=f"Krippendorff's alpha (nominal) over {', '.join(coders)}",
        wrap=(0,),
        widths={0: 60},
    )


def links_sheet(wb, data: an.AnalysisData) -> None:
    rows = []
    if data.links is not None:
        for r in data.links.itertuples():
            rows.append([data.code_label(r.from_code_id), r.relation, data.code_label(r.to_code_id),
                         r.memo or None, r.coder or None, r.created_at, int(r.codings)])
    write_table(
        wb, "Links", ["From code", "Relation", "To code", "Memo", "Coder", "Created", "Codings"], rows,
        description="Links between codes", wrap=(3,), widths={3: 60},
    )


def memos_sheet(wb, data: an.AnalysisData) -> None:
    """Every memo (project, documents, codes, codings, cases) and every note written on a coding."""
    rows = []
    if data.memos is not None:
        for r in data.memos.itertuples():
            rows.append([r.target_type, _target_name(data, r.target_type, r.target_id), r.title or None, r.text,
                         r.coder or None, r.created_at, r.updated_at])
    c = data.codings
    for cid, doc, code, coder, s, e, memo in zip(
        c["id"], c["document_id"], c["code_id"], c["coder"], c["start"], c["end"], c["memo"], strict=False
    ):
        if memo:
            rows.append(["coding", _coding_name(data, doc, code, s, e), None, memo, coder, None, None])
    write_table(
        wb, "Memos", ["About", "Target", "Title", "Memo", "Coder", "Created", "Updated"], rows,
        description="Memos and coding notes", wrap=(1, 3), widths={1: 40, 3: 70},
    )


def _coding_name(data: an.AnalysisData, doc, code, start, end) -> str:
    return f"{data.document_names.get(doc, doc)}, {int(start)}–{int(end)}: {data.code_label(code)}"


def _target_name(data: an.AnalysisData, target_type: str, target_id) -> str | None:
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


def codings_rows(data: an.AnalysisData) -> Iterator[list]:
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
        yield [
            data.document_names.get(doc, ""),
            "; ".join(case_names.get(int(cid), [])) or None,
            data.code_label(code),
            coder,
            int(s),
            int(e),
            data.text(doc, s, e)[:32000],
            memo or None,
        ]


def codings_sheet(wb, data: an.AnalysisData) -> None:
    rows = codings_rows(data)
    head = list(itertools.islice(rows, 200))  # the column widths are fitted to the first rows
    sheet = TableSheet(
        wb, "Codings", CODINGS_HEADER, head, description="One row per coding", wrap_cols=(6, 7),
        widths={6: 80, 7: 40},
    )
    for r in itertools.chain(head, rows):
        sheet.append(r)
    sheet.finish()


def readme_sheet(wb, info: list[tuple[str, object]], sheets: dict[str, str]) -> None:
    """README: the project, date, coders, filters, what agreement compared, then what each sheet holds."""
    rows = [[k, v] for k, v in info] + [[f"Sheet: {k}", v] for k, v in sheets.items()]
    rows.append([
        "Definitions",
        (
            "See docs/analysis.md: roll-up counts each segment (document, start, end, coder) once; words "
            "count when their first character is coded; percentages are of the unit's words."
        ),
    ])
    write_table(wb, "README", ["Item", "Value"], rows, description="About this workbook", wrap=(1,),
                widths={0: 34, 1: 100})
