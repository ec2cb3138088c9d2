"""The coded-segments list to Excel and Word, with the source of every quote (document, speaker, characters,
code, coder, cases): ``export_segments_xlsx(project, path, options)`` and ``export_segments_docx(...)``.

The list is read again through ``project.segments`` from the query in the options, so a file always holds
what the project says now. Like the other exports, a file is written beside the target and renamed, and an
existing file that is not an earlier export is never replaced.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE

from ..core.segments import Segment, SegmentQuery
from .excel import write_file
from .safe_write import audit_export

if TYPE_CHECKING:
    from ..core.project import Project

COLUMNS = ("Document", "Kind", "Speaker", "Cases", "Code", "Coder", "Start", "End", "Text", "Before", "After",
           "Memo", "Source")


@dataclass(frozen=True)
class SegmentExportOptions:
    query: SegmentQuery
    title: str = "Coded segments"
    context: bool = True  # the line before and after each quote


def _clean(text: str) -> str:
    """Without the control characters the XML of xlsx/docx cannot hold."""
    return ILLEGAL_CHARACTERS_RE.sub("", str(text))


def describe_query(project: Project, query: SegmentQuery) -> list[tuple[str, str]]:
    """(label, value) lines saying what the list holds, for the file's header."""
    paths = {c.id: c.path for c in project.codes.list()}
    join = {"or": " OR ", "and": " AND ", "not": " NOT "}[query.mode]
    lines = [("Codes", join.join(paths.get(c, "?") for c in query.codes)
              + (" (with their child codes)" if query.children else ""))]
    if query.documents is not None:
        names = {d.id: d.name for d in project.documents.list()}
        lines.append(("Documents", ", ".join(names.get(d, "?") for d in query.documents)))
    if query.kinds is not None:
        lines.append(("Kinds", ", ".join(query.kinds)))
    if query.coders is not None:
        names = {c.id: c.name for c in project.coders.list()}
        lines.append(("Coders", ", ".join(names.get(c, "?") for c in query.coders)))
    if query.cases is not None:
        names = {c.id: c.name for c in project.cases.list()}
        lines.append(("Cases", ", ".join(names.get(c, "?") for c in query.cases)))
    for name, values in query.attributes.items():
        lines.append((name, ", ".join(values)))
    return lines


def _row(s: Segment) -> list:
    return [s.document_name, s.document_kind, s.speaker, "; ".join(s.cases), s.code_path, s.coder, s.start, s.end,
            s.text, s.before, s.after, s.memo, s.source]


def build_xlsx(project: Project, options: SegmentExportOptions, segments: list[Segment]) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Alignment, Font

    wb = Workbook()
    ws = wb.active
    ws.title = "Segments"
    ws.append(list(COLUMNS))
    for cell in ws[1]:
        cell.font = Font(bold=True)
    for s in segments:
        ws.append([_clean(v) if isinstance(v, str) else v for v in _row(s)])
    for row in ws.iter_rows(min_row=2):
        for cell in row:
            if isinstance(cell.value, str) and cell.value.startswith("="):
                cell.data_type = "s"  # a quote starting with "=" is text, never a formula
        row[8].alignment = Alignment(wrap_text=True, vertical="top")
    ws.freeze_panes = "A2"
    ws.auto_filter.ref = ws.dimensions
    widths = {"A": 22, "B": 12, "C": 12, "D": 18, "E": 30, "F": 12, "G": 8, "H": 8, "I": 70, "J": 30, "K": 30,
              "L": 24, "M": 40}
    for col, width in widths.items():
        ws.column_dimensions[col].width = width
    about = wb.create_sheet("Query")
    about.append([options.title])
    about["A1"].font = Font(bold=True, size=13)
    for label, value in describe_query(project, options.query):
        about.append([_clean(label), _clean(value)])
    about.append(["Segments", len(segments)])
    about.column_dimensions["A"].width = 16
    about.column_dimensions["B"].width = 80
    buf = BytesIO()
    wb.save(buf)
    return buf.getvalue()


def build_docx(project: Project, options: SegmentExportOptions, segments: list[Segment]) -> bytes:
    from docx import Document
    from docx.shared import Pt, RGBColor

    doc = Document()
    doc.add_heading(_clean(options.title), level=1)
    for label, value in describe_query(project, options.query):
        p = doc.add_paragraph()
        p.add_run(f"{_clean(label)}: ").bold = True
        p.add_run(_clean(value))
    doc.add_paragraph(f"{len(segments)} segment{'s' if len(segments) != 1 else ''}.")
    grey = RGBColor(0x70, 0x70, 0x70)
    for s in segments:
        quote = doc.add_paragraph(style="Quote") if "Quote" in doc.styles else doc.add_paragraph()
        if options.context and s.before:
            run = quote.add_run(_clean(s.before))
            run.font.color.rgb = grey
        run = quote.add_run(_clean(s.text))
        run.bold = True
        if options.context and s.after:
            run = quote.add_run(_clean(s.after))
            run.font.color.rgb = grey
        src = doc.add_paragraph()
        cases = f" · case: {'; '.join(s.cases)}" if s.cases else ""
        run = src.add_run(_clean(f"— {s.source} · {s.code_path} · coded by {s.coder}{cases}"))
        run.font.size = Pt(9)
        if s.memo:
            memo = doc.add_paragraph()
            memo.add_run("Memo: ").italic = True
            memo.add_run(_clean(s.memo))
    buf = BytesIO()
    doc.save(buf)
    return buf.getvalue()


def _export(project: Project, path, options: SegmentExportOptions, build) -> int:
    segments = project.segments.list(options.query)
    write_file(Path(path), build(project, options, segments))
    audit_export(project, "coded segments", path, False)  # what, where, not encrypted; never content
    return len(segments)


def export_segments_xlsx(project: Project, path: str | os.PathLike, options: SegmentExportOptions) -> int:
    """Write the list as a workbook (sheet ``Segments``, one row per segment, and ``Query``); returns the
    number of segments."""
    return _export(project, path, options, build_xlsx)


def export_segments_docx(project: Project, path: str | os.PathLike, options: SegmentExportOptions) -> int:
    """Write the list as a Word document: each quote with its context and its source; returns the count."""
    return _export(project, path, options, build_docx)
