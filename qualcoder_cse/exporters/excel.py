"""The analysis workbook (.xlsx), built with openpyxl in write-only mode, in memory.

    export_workbook(project, "study.xlsx", ExportOptions(group_by="participant group", password=None))

Every sheet is one table with its header in row 1 (``pd.read_excel(path, sheet_name=None)`` reads them all
without "Unnamed" columns); titles, filters and what agreement compared are in the README sheet and in each
sheet's printed page header. One sheet per measure. Frozen header rows, autofilter, fitted column widths,
colour scales on counts, wrapped quote cells with fitted row heights, numbers stored as numbers, and a print
setup (landscape, fit to the page width, header row repeated). The tables come from ``analysis.tables``
(the same tables as the CSV files); ``excel_sheet`` writes each as a sheet. With a password the workbook is
encrypted (ECMA-376 agile encryption, msoffcrypto-tool) in memory, so no clear copy ever reaches the disk;
Excel and LibreOffice open it with the password. The file appears whole (written beside the target, then
renamed) or not at all.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path
from typing import TYPE_CHECKING

from msoffcrypto.format import ooxml

from .. import analysis as an
from ..analysis.tables import Table, analysis_tables, compute_agreement, matrix_titles
from ..core.errors import InvalidValue
from .excel_sheet import write_sheet
from .safe_write import write_export
from .xlsx_stream import discard_workbook, new_workbook, save_to_bytes

if TYPE_CHECKING:
    from ..core.project import Project

Progress = Callable[[int, int, str], None]

_MEASURES = {
    "codings": "codings (count; a theme counts each segment of its codes once)",
    "presence": "presence (1 = coded at least once)",
    "words": "words coded",
    "percent": "% of the unit's words coded",
}
SHEETS = {
    "README": "What each sheet holds, the filters used, the project, the date, the coders, what agreement "
    "compared.",
    **{
        name: f"Codes (rows, themes rolled up) x {'cases' if 'Case' in name else 'documents'}: {_MEASURES[m]}."
        for name, m in zip(matrix_titles(), list(an.matrices.MEASURES) * 2, strict=True)
    },
    "Cases": "The cases: words they cover (the base of the % sheets) and their attributes.",
    "Documents": "The documents: kind, words and attributes.",
    "Framework Matrix": "Cases x themes: the coded quotes (document, start-end, coder) and the cell summary.",
    "Co-occurrence": "Pairs of codes on the same text: overlapping codings (same coder), same speaker turn, "
    "Jaccard over characters.",
    "By Group codings": "Codes x groups of the grouping attribute: codings.",
    "By Group %": "Codes x groups: % of the group's cases (or documents) with the code.",
    "Evidence Gaps": "Themes x groups: sources and cases with evidence; none or a single source flagged.",
    "Agreement": "Inter-coder agreement per code and coder pair: % agreement and Cohen's kappa; codes neither "
    "coder used say so.",
    "Agreement pooled": "Per coder pair: pooled % agreement and kappa, and exactly what was compared.",
    "Agreement alpha": "Krippendorff's alpha (nominal) per code over all coders, and pooled.",
    "Links": "Links between codes (theory of change): relation, memo, coder.",
    "Memos": "Every memo (project, documents, codes, codings, cases) and every note written on a coding.",
    "Codings": "One row per coding: document, case, code path, coder, start, end, coded text, memo.",
}


@dataclass
class ExportOptions:
    filters: an.Filters = field(default_factory=an.Filters)
    group_by: str | None = None  # attribute name or "kind"; None: a "participant group" attribute, else kind
    agreement_unit: str = "character"
    themes: list[int] | None = None  # framework matrix / evidence gap themes; None: the top-level codes
    password: str | None = None  # encrypt the workbook with this password


@dataclass
class ExportReport:
    path: Path
    sheets: list[str]
    codings: int
    encrypted: bool


def build_workbook(data: an.AnalysisData, options: ExportOptions, progress: Progress | None = None) -> bytes:
    """The workbook's bytes (not encrypted)."""
    wb = new_workbook()
    try:
        return _fill_workbook(wb, data, options, progress)
    except BaseException:
        discard_workbook(wb)  # else the half-built in-memory zip prints a traceback when collected
        raise


def _fill_workbook(wb, data: an.AnalysisData, options: ExportOptions, progress: Progress | None) -> bytes:
    step = [0]
    total = 13

    def tick(name: str) -> None:
        step[0] += 1
        if progress:
            progress(step[0], total, f"Writing {name}")

    group_by = options.group_by or an.default_group_attribute(data)
    data.attribute_scope(group_by)  # unknown attribute: a clear NotFound before any work
    res, compared = compute_agreement(data, options.agreement_unit)
    info = [
        ("Project", data.project_name),
        ("Exported", data.created_at),
        ("Coders", ", ".join(sorted(data.codings["coder"].unique(), key=str.casefold)) or "none"),
        ("Documents", len(data.documents)),
        ("Cases", len(data.cases)),
        ("Codings", len(data.codings)),
        ("Grouped by", group_by),
        ("Agreement units", options.agreement_unit),
        *[(f"Filter: {k}", v) for k, v in data.filters.describe()],
        *[("Agreement compared", sentence) for sentence in compared],
    ]
    write_sheet(wb, readme_table(info, SHEETS))
    tick("README")
    tables = analysis_tables(data, group_by, themes=options.themes, agreement=(res, compared), done=tick,
                             keep_words=False)  # the data are the export's own
    for table in tables:
        write_sheet(wb, table)
    out = save_to_bytes(wb)
    tick("saving")
    return out


def readme_table(info: list[tuple[str, object]], sheets: dict[str, str]) -> Table:
    """README: the project, date, coders, filters, what agreement compared, then what each sheet holds."""
    rows = [[k, v] for k, v in info] + [[f"Sheet: {k}", v] for k, v in sheets.items()]
    rows.append([
        "Definitions",
        ("See docs/analysis.md: roll-up counts each segment (document, start, end, coder) once; words count when "
         "their first character is coded; percentages are of the unit's words."),
    ])
    return Table("README", ["Item", "Value"], rows, "About this workbook", "readme", text_cols=(1,),
                 widths={0: 34, 1: 100})


def encrypt_bytes(data: bytes, password: str) -> bytes:
    """ECMA-376 agile encryption (what Excel uses) of an OOXML file, in memory."""
    if not password:
        raise InvalidValue("An empty workbook password.")
    out = BytesIO()
    ooxml.OOXMLFile(BytesIO(data)).encrypt(password, out)
    return out.getvalue()


def write_file(path: str | os.PathLike, payload: bytes) -> Path:
    """Write through ``safe_write`` (random O_EXCL temporary file, owner-only, never over a non-export)."""
    return write_export(path, payload)


def export_workbook(
    project: Project,
    path: str | os.PathLike,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    *,
    audit: bool = True,
) -> ExportReport:
    """Write the workbook. ``audit=False`` leaves the audit row to the caller (the window records it on the
    GUI thread, since this may run in a worker thread)."""
    options = options or ExportOptions()
    data = an.load(project, options.filters, progress=progress, with_memos=True, texts_on_demand=True)
    payload = build_workbook(data, options, progress)
    if options.password is not None:
        payload = encrypt_bytes(payload, options.password)
    out = write_file(path, payload)
    if audit and not project.readonly:
        project.audit.record(
            "export workbook",
            "project",
            None,
            f"codings={len(data.codings)} encrypted={options.password is not None}",
        )
    return ExportReport(out, list(SHEETS), len(data.codings), options.password is not None)
