"""A Word briefing (python-docx) for the forces: for each theme, counts by group and up to N exemplar
quotes, ready to edit. ``export_briefing(project, path, options, exemplars=3)``.

Exemplars are chosen round-robin across the groups (so that police, board managers and young people are
all heard), preferring quotes of 8 to 80 words, in document order. Optionally encrypted like the workbook.
"""

from __future__ import annotations

import os
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from .. import analysis as an
from ..analysis.tables import group_tables
from ..lazy import lazy_import
from .excel import ExportOptions, Progress, encrypt_bytes, write_file

if TYPE_CHECKING:
    from ..core.project import Project

docx = lazy_import("docx")  # python-docx loads when a briefing is written
docx_shared = lazy_import("docx.shared")


def _xml_safe(text: str) -> str:
    """Without the control characters Word's XML cannot hold (a transcript or a name may carry them)."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(text))


def _word_count(text: str) -> int:
    return len(text.split())


def _exemplars(fm: an.FrameworkMatrix, theme_id: int, case_group: dict[int, str], n: int) -> list[an.Quote]:
    """Up to ``n`` quotes, one per passage: when two coders coded the same passage (one span inside or
    overlapping the other), only the longest is a candidate, so a passage is never quoted twice."""
    candidates = []
    for case_id in fm.cases["id"]:
        for q in fm.quotes(case_id, theme_id):
            candidates.append((case_group.get(int(case_id), ""), q))
    candidates.sort(key=lambda gq: (gq[1].document_id, -(gq[1].end - gq[1].start), gq[1].start))
    kept: dict[int, list[tuple[int, int]]] = {}
    by_group: dict[str, list[an.Quote]] = {}
    for group, q in candidates:
        spans = kept.setdefault(q.document_id, [])
        if any(q.start < e and s < q.end for s, e in spans):
            continue  # the same passage (or part of it) is already a candidate
        spans.append((q.start, q.end))
        by_group.setdefault(group, []).append(q)
    for quotes in by_group.values():
        quotes.sort(key=lambda q: (not 8 <= _word_count(q.text) <= 80, q.document, q.start))
    out: list[an.Quote] = []
    while len(out) < n and any(by_group.values()):
        for g in sorted(by_group):
            if by_group[g] and len(out) < n:
                out.append(by_group[g].pop(0))
    return out


def build_briefing(data: an.AnalysisData, options: ExportOptions, exemplars: int = 3) -> bytes:
    group_by = options.group_by or an.default_group_attribute(data)
    g = an.by_group(data, group_by)
    counts, percents = group_tables(g)  # the workbook's By Group tables: one row per code, a column per group
    fm = an.framework_matrix(data, options.themes)
    scope = data.attribute_scope(group_by)
    if scope == "case":
        vals = data.case_attributes[data.case_attributes["attribute"].str.casefold() == group_by.casefold()]
        case_group = {int(c): v for c, v in zip(vals["target_id"], vals["value"], strict=False)}
    else:
        case_group = {}
    doc = docx.Document()
    doc.add_heading(_xml_safe(f"{data.project_name}: briefing"), level=0)
    p = doc.add_paragraph(
        f"Prepared {data.created_at}. Codings by {', '.join(data.coders) or 'nobody'}; "
        f"groups: {group_by}. Quotes are anonymised; edit before circulating."
    )
    p.runs[0].font.size = docx_shared.Pt(9)
    rows_by_id = {int(cid): i for i, cid in enumerate(counts.row_keys)}
    for theme_id, path in zip(fm.themes["id"], fm.themes["path"], strict=False):
        doc.add_heading(_xml_safe(path), level=1)
        desc = data.codes.loc[data.codes["id"] == theme_id, "description"]
        if len(desc) and desc.iloc[0]:
            doc.add_paragraph(_xml_safe(desc.iloc[0].split("\n")[0]))
        table = doc.add_table(rows=1, cols=3)
        table.style = "Light Grid Accent 1"
        hdr = table.rows[0].cells
        hdr[0].text, hdr[1].text = _xml_safe(group_by), "Codings"
        hdr[2].text = f"% of {'cases' if g.unit_kind == 'case' else 'documents'}"
        i = rows_by_id[int(theme_id)]
        for col, key in enumerate(percents.col_keys):
            if key is None:  # the code and level columns
                continue
            cells = table.add_row().cells
            cells[0].text = _xml_safe(percents.headers[col])  # "board (n=2)"
            cells[1].text = str(counts.rows[i][col])
            cells[2].text = f"{percents.rows[i][col]:.0f}%"
        quotes = _exemplars(fm, int(theme_id), case_group, exemplars)
        if quotes:
            doc.add_paragraph("Exemplar quotes", style="Heading 3")
            for q in quotes:
                doc.add_paragraph(_xml_safe(f"“{q.text.strip()}” ({q.document})"), style="Intense Quote")
        else:
            doc.add_paragraph("No coded evidence for this theme in the selected data.")
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


def export_briefing(
    project: Project,
    path: str | os.PathLike,
    options: ExportOptions | None = None,
    *,
    exemplars: int = 3,
    progress: Progress | None = None,
) -> Path:
    options = options or ExportOptions()
    data = an.load(project, options.filters, progress=progress)
    payload = build_briefing(data, options, exemplars)
    if options.password is not None:
        payload = encrypt_bytes(payload, options.password)
    return write_file(path, payload)
