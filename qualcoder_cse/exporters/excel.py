"""The analysis workbook (.xlsx): one sheet per matrix, built with openpyxl in write-only mode, in memory.

    export_workbook(project, "study.xlsx", ExportOptions(group_by="participant group", password=None))

Sheets: README, Code x Case, Code x Document, Framework Matrix, Co-occurrence, By Group, Evidence Gaps,
Agreement, Links, Memos, Codings. Frozen header rows, autofilter, fitted column widths, a colour scale on
counts, wrapped quote cells, numbers stored as numbers. With a password the workbook is encrypted (ECMA-376
agile encryption, msoffcrypto-tool) in memory, so no clear copy ever reaches the disk; Excel and LibreOffice
open it with the password. The file appears whole (written beside the target, then renamed) or not at all.
"""

from __future__ import annotations

import itertools
import math
import os
from collections.abc import Callable, Iterator
from dataclasses import dataclass, field
from io import BytesIO
from pathlib import Path

import numpy as np
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter

from .. import analysis as an
from ..core.errors import InvalidValue, ProjectError
from .xlsx_stream import (
    Styled,
    discard_workbook,
    finish_sheets,
    new_workbook,
    save_to_bytes,
    start_sheet,
    style_id,
)

Progress = Callable[[int, int, str], None]

SHEETS = {
    "README": "What each sheet holds, the filters used, the project, the date and the coders.",
    "Code x Case": "Codes (rows, themes rolled up) x cases: codings, presence, words coded, "
    "% of the case's words.",
    "Code x Document": "Codes x documents: codings, presence, words coded, % of the document's words.",
    "Framework Matrix": "Cases x themes: the coded quotes (document, start-end, coder) and the cell summary.",
    "Co-occurrence": "Pairs of codes on the same text: overlapping codings (same coder), same speaker turn, "
    "Jaccard over characters.",
    "By Group": "Codes x groups of the grouping attribute: codings and % of the group's cases with the code.",
    "Evidence Gaps": "Themes x groups: sources and cases with evidence; none or a single source flagged.",
    "Agreement": "Inter-coder agreement: % agreement and Cohen's kappa per code and pooled; "
    "Krippendorff's alpha.",
    "Links": "Links between codes (theory of change): relation, memo, coder.",
    "Memos": "Memos on the project, documents, codes, codings and cases.",
    "Codings": "One row per coding: document, case, code path, coder, start, end, coded text, memo.",
}

BOLD = Font(bold=True)
TITLE = Font(bold=True, size=13)
WRAP = Alignment(wrap_text=True, vertical="top")
FLAG_FILL = PatternFill("solid", fgColor="F8CBAD")
SCALE = {"start_type": "min", "start_color": "FFFFFF", "end_type": "max", "end_color": "F8696B"}


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


def _num(v):
    """Plain Python numbers for openpyxl; NaN and None become empty cells."""
    if v is None:
        return None
    if isinstance(v, (np.integer,)):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) else float(v)
    return v


class _Sheet:
    """A write-only sheet with a header: widths fitted from the first rows, frozen header, autofilter."""

    def __init__(
        self,
        wb,
        title: str,
        header: list[str],
        sample: list[list],
        *,
        freeze: str | None = None,
        wrap_cols: tuple[int, ...] = (),
        max_width: int = 60,
        title_row: str | None = None,
        widths: dict[int, float] | None = None,
    ) -> None:
        finish_sheets(wb)  # the sheets before this one are complete: zip them now, freeing their XML
        self.ws = wb.create_sheet(title)
        self.header = header
        self.wrap_cols = set(wrap_cols)
        fitted = [len(str(h)) for h in header]
        for row in sample[:200]:
            for i, v in enumerate(row[: len(fitted)]):
                fitted[i] = max(fitted[i], min(len(str(v)) if v is not None else 0, max_width))
        for i, w in enumerate(fitted):
            cap = max_width if i not in self.wrap_cols else 80
            self.ws.column_dimensions[get_column_letter(i + 1)].width = min(max(8, w + 2), cap)
        for i, w in (widths or {}).items():
            self.ws.column_dimensions[get_column_letter(i + 1)].width = w
        self.first = 1
        if title_row:
            self.first = 2
        self.ws.freeze_panes = freeze or f"A{self.first + 1}"
        start_sheet(self.ws)
        self._wrap = style_id(self.ws, alignment=WRAP)
        if title_row:
            self.ws.append([self._cell(title_row, TITLE)])
        self.ws.append([self._cell(h, BOLD) for h in header])
        self.rows = 0

    def _cell(self, value, font=None, alignment=None, fill=None):
        value = _num(value)
        if isinstance(value, str):  # a control character in a name would make openpyxl refuse the cell
            value = ILLEGAL_CHARACTERS_RE.sub("", value)
        c = WriteOnlyCell(self.ws, value=value)
        if font:
            c.font = font
        if alignment:
            c.alignment = alignment
        if fill:
            c.fill = fill
        return c

    def append(self, row: list) -> None:
        if self.wrap_cols:
            row = [Styled(_num(v), self._wrap) if i in self.wrap_cols else _num(v) for i, v in enumerate(row)]
        else:
            row = [_num(v) for v in row]
        self.ws.append(row)
        self.rows += 1

    def raw(self, row: list) -> None:
        self.ws.append(row)

    def finish(self, scale_cols: tuple[int, int] | None = None, filter_rows: int | None = None) -> None:
        last_row = self.first + (self.rows if filter_rows is None else filter_rows)
        self.ws.auto_filter.ref = (
            f"A{self.first}:{get_column_letter(len(self.header))}{max(last_row, self.first)}"
        )
        if scale_cols and last_row > self.first:
            a, b = scale_cols
            if b >= a:
                ref = f"{get_column_letter(a + 1)}{self.first + 1}:{get_column_letter(b + 1)}{last_row}"
                self.ws.conditional_formatting.add(ref, ColorScaleRule(**SCALE))


def _scale(ws, first_row: int, last_row: int, first_col: int, last_col: int) -> None:
    if last_row >= first_row and last_col >= first_col:
        ref = f"{get_column_letter(first_col)}{first_row}:{get_column_letter(last_col)}{last_row}"
        ws.conditional_formatting.add(ref, ColorScaleRule(**SCALE))


def _matrix_sheet(wb, title: str, m: an.CodeMatrix) -> None:
    """Four stacked blocks (codings, presence, words, %), each a title row, a header row and one row per code.
    The first block carries the autofilter; the header of the first block is frozen with the code column."""
    unit_word = "case" if m.unit_kind == "case" else "document"
    names = m.units["name"].tolist()
    header = ["Code", "Level"] + names + ["Total"]
    rows = m.rows
    sample = [[p, d] for p, d in zip(rows["path"], rows["depth"], strict=False)]
    sheet = _Sheet(
        wb,
        title,
        header,
        sample,
        freeze="C3",
        title_row=f"{an.matrices.MEASURE_TITLES['codings']} by {unit_word}",
    )
    ws = sheet.ws
    row_no = 2
    for b, measure in enumerate(an.matrices.MEASURES):
        values = m.measure(measure).to_numpy()
        if b:
            ws.append([])
            ws.append([sheet._cell(f"{an.matrices.MEASURE_TITLES[measure]} by {unit_word}", TITLE)])
            ws.append([sheet._cell(h, BOLD) for h in header])
            row_no += 3
        first_data = row_no + 1
        for i, (path, depth) in enumerate(zip(rows["path"], rows["depth"], strict=False)):
            vals = values[i]
            if measure == "percent":
                total = None  # a sum of percentages means nothing
            elif measure == "presence":
                total = int(vals.sum())  # in how many units the code is present
            else:
                total = int(vals.sum())
            ws.append([path, int(depth)] + [_num(v) for v in vals] + [total])
            row_no += 1
        if measure != "presence":
            _scale(ws, first_data, row_no, 3, 2 + len(names))
        if b == 0:
            ws.auto_filter.ref = f"A2:{get_column_letter(len(header))}{row_no}"
    ws.append([])
    ws.append([sheet._cell(f"Words in each {unit_word}", BOLD), None] + [int(w) for w in m.units["words"]])


def _framework_sheet(wb, fm: an.FrameworkMatrix) -> None:
    header = ["Case"]
    for path in fm.themes["path"]:
        header += [f"{path}: quotes", f"{path}: summary"]
    sample = [[n] for n in fm.cases["name"]]
    wrap = tuple(range(1, len(header)))
    widths = {col: (60 if col % 2 else 40) for col in range(1, len(header))}
    sheet = _Sheet(wb, "Framework Matrix", header, sample, freeze="B2", wrap_cols=wrap, widths=widths)
    for case_id, name in zip(fm.cases["id"], fm.cases["name"], strict=False):
        row = [name]
        for theme_id in fm.themes["id"]:
            row += [fm.cell_text(case_id, theme_id) or None, fm.summaries.get((int(case_id), int(theme_id)))]
        sheet.append(row)
    sheet.finish()


def _table_sheet(
    wb,
    title: str,
    header: list[str],
    rows: list[list],
    *,
    scale: tuple[int, int] | None = None,
    wrap: tuple[int, ...] = (),
    flag_col: int | None = None,
) -> _Sheet:
    sheet = _Sheet(wb, title, header, rows, wrap_cols=wrap)
    for r in rows:
        if flag_col is not None and r[flag_col]:
            cells = [_num(v) for v in r]
            cells[flag_col] = sheet._cell(r[flag_col], fill=FLAG_FILL)
            sheet.raw(cells)
            sheet.rows += 1
        else:
            sheet.append(r)
    sheet.finish(scale_cols=scale)
    return sheet


AGREEMENT_HEADER = (
    "Code", "Coder A", "Coder B", "Documents", "Units", "Both coded", "A only", "B only", "Neither",
    "% agreement", "Cohen's kappa",
)  # the columns of a pairwise agreement table, in the workbook and in agreement.csv


def _agreement_sheet(wb, data: an.AnalysisData, unit: str) -> None:
    coders = sorted(data.codings["coder"].unique().tolist(), key=str.casefold)
    header = list(AGREEMENT_HEADER)
    if len(coders) < 2:
        _table_sheet(
            wb,
            "Agreement",
            ["Note"],
            [
                [
                    (
                        f"Agreement needs two or more coders; the exported codings are "
                        f"by {', '.join(coders) or 'nobody'}."
                    )
                ]
            ],
        )
        return
    res = an.intercoder_agreement(data, unit=unit, coders=coders)
    rows = [
        [
            r.code,
            r.coder_a,
            r.coder_b,
            r.documents,
            r.units,
            r.both,
            r.a_only,
            r.b_only,
            r.neither,
            r.percent_agreement,
            r.kappa,
        ]
        for r in res.pairs.itertuples()
    ]
    sheet = _Sheet(
        wb,
        "Agreement",
        header,
        rows,
        title_row=f"Agreement per code over {unit} units (documents both coders coded)",
    )
    for r in rows:
        sheet.append(r)
    sheet.finish()
    ws = sheet.ws
    ws.append([])
    ws.append([sheet._cell("Pooled over the codes", TITLE)])
    ws.append(
        [
            sheet._cell(h, BOLD)
            for h in ["Coder A", "Coder B", "Documents", "Units", "% agreement", "Pooled kappa"]
        ]
    )
    for r in res.pooled.itertuples():
        ws.append(
            [
                r.coder_a,
                r.coder_b,
                int(r.documents),
                _num(r.units),
                _num(r.percent_agreement),
                _num(r.pooled_kappa),
            ]
        )
    ws.append([])
    ws.append([sheet._cell(f"Krippendorff's alpha (nominal) over all coders: {', '.join(coders)}", TITLE)])
    ws.append([sheet._cell(h, BOLD) for h in ["Code", "Pairable values", "Alpha"]])
    for r in res.alpha.itertuples():
        ws.append([r.code, _num(r.pairable_values), _num(r.alpha)])
    ws.append([sheet._cell("All codes pooled", BOLD), None, _num(res.pooled.attrs.get("alpha"))])


def _codings_rows(data: an.AnalysisData) -> Iterator[list]:
    """One row per coding, generated as written (100,000 rows with their text are not held at once)."""
    from ..analysis.matrices import case_hits

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
        yield (
            [
                data.document_names.get(doc, ""),
                "; ".join(case_names.get(int(cid), [])) or None,
                data.code_label(code),
                coder,
                int(s),
                int(e),
                data.text(doc, s, e)[:32000],
                memo or None,
            ]
        )


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
    total = len(SHEETS) + 1

    def tick(name: str) -> None:
        step[0] += 1
        if progress:
            progress(step[0], total, f"Writing {name}")

    group_by = options.group_by or an.default_group_attribute(data)
    data.attribute_scope(group_by)  # unknown attribute: a clear NotFound before any work
    readme = _Sheet(
        wb, "README", ["Item", "Value"], [[k, v] for k, v in SHEETS.items()], wrap_cols=(1,), max_width=100
    )
    info = [
        ("Project", data.project_name),
        ("Exported", data.created_at),
        ("Coders", ", ".join(sorted(data.codings["coder"].unique(), key=str.casefold)) or "none"),
        ("Documents", len(data.documents)),
        ("Cases", len(data.cases)),
        ("Codings", len(data.codings)),
        ("Grouped by", group_by),
        ("Agreement units", options.agreement_unit),
    ]
    for k, v in info + [(f"Filter: {k}", v) for k, v in data.filters.describe()]:
        readme.append([k, v])
    readme.raw([])
    readme.raw([readme._cell("Sheet", BOLD), readme._cell("What it holds", BOLD)])
    for k, v in SHEETS.items():
        readme.append([k, v])
    readme.raw([])
    readme.append(
        [
            "Definitions",
            (
                "See docs/analysis.md: roll-up counts each segment (document, start, end, "
                "coder) once; words count when their first character is coded; percentages are of the "
                "unit's words."
            ),
        ]
    )
    tick("README")
    _matrix_sheet(wb, "Code x Case", an.code_by_case(data))
    tick("Code x Case")
    _matrix_sheet(wb, "Code x Document", an.code_by_document(data))
    tick("Code x Document")
    _framework_sheet(wb, an.framework_matrix(data, options.themes))
    tick("Framework Matrix")
    pairs = an.code_cooccurrence(data).pairs()
    _table_sheet(
        wb,
        "Co-occurrence",
        ["Code A", "Code B", "Overlapping codings", "Same speaker turn", "Jaccard (characters)"],
        [[r.code_a, r.code_b, r.overlaps, r.same_turn, r.jaccard] for r in pairs.itertuples()],
        scale=(2, 4),
    )
    tick("Co-occurrence")
    g = an.by_group(data, group_by)
    unit_word = "cases" if g.unit_kind == "case" else "documents"
    header = ["Code", "Level"]
    for name in g.groups:
        header += [f"{name}: codings", f"{name}: % of {unit_word} (n={g.group_sizes[name]})"]
    rows = []
    for i, (path, depth) in enumerate(zip(g.rows["path"], g.rows["depth"], strict=False)):
        row = [path, int(depth)]
        for name in g.groups:
            row += [int(g.codings.iloc[i][name]), float(g.percent.iloc[i][name])]
        rows.append(row)
    sheet = _table_sheet(wb, "By Group", header, rows)
    last = sheet.first + sheet.rows
    for offset in (0, 1):  # one colour scale over the codings columns, another over the percentages
        cols = [get_column_letter(3 + 2 * k + offset) for k in range(len(g.groups))]
        if cols and last > sheet.first:
            ref = " ".join(f"{c}{sheet.first + 1}:{c}{last}" for c in cols)
            sheet.ws.conditional_formatting.add(ref, ColorScaleRule(**SCALE))
    tick("By Group")
    gaps = an.evidence_gaps(data, group_by, options.themes)
    _table_sheet(
        wb,
        "Evidence Gaps",
        ["Theme", group_by, "Sources", "Cases", "Codings", "Flag"],
        [[r.theme, r.group, r.sources, r.cases, r.codings, r.flag or None] for r in gaps.itertuples()],
        scale=(2, 4),
        flag_col=5,
    )
    tick("Evidence Gaps")
    _agreement_sheet(wb, data, options.agreement_unit)
    tick("Agreement")
    links = data.links if data.links is not None else None
    link_rows = []
    if links is not None:
        for r in links.itertuples():
            link_rows.append(
                [
                    data.code_label(r.from_code_id),
                    r.relation,
                    data.code_label(r.to_code_id),
                    r.memo or None,
                    r.coder or None,
                    r.created_at,
                    int(r.codings),
                ]
            )
    _table_sheet(
        wb,
        "Links",
        ["From code", "Relation", "To code", "Memo", "Coder", "Created", "Codings"],
        link_rows,
        wrap=(3,),
    )
    tick("Links")
    memo_rows = []
    if data.memos is not None:
        for r in data.memos.itertuples():
            memo_rows.append(
                [
                    r.target_type,
                    _target_name(data, r.target_type, r.target_id),
                    r.title or None,
                    r.text,
                    r.coder or None,
                    r.created_at,
                    r.updated_at,
                ]
            )
    _table_sheet(
        wb, "Memos", ["About", "Target", "Title", "Memo", "Coder", "Created", "Updated"], memo_rows, wrap=(3,)
    )
    tick("Memos")
    rows = _codings_rows(data)
    head = list(itertools.islice(rows, 200))  # the column widths are fitted to the first rows
    sheet = _Sheet(
        wb,
        "Codings",
        ["Document", "Case", "Code", "Coder", "Start", "End", "Coded text", "Memo"],
        head,
        wrap_cols=(6,),
        widths={6: 80},
    )
    for r in itertools.chain(head, rows):
        sheet.append(r)
    sheet.finish()
    tick("Codings")
    out = save_to_bytes(wb)
    tick("saving")
    return out


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
    return str(tid)


def encrypt_bytes(data: bytes, password: str) -> bytes:
    """ECMA-376 agile encryption (what Excel uses) of an OOXML file, in memory."""
    from msoffcrypto.format import ooxml

    if not password:
        raise InvalidValue("An empty workbook password.")
    out = BytesIO()
    ooxml.OOXMLFile(BytesIO(data)).encrypt(password, out)
    return out.getvalue()


# What an earlier export we may replace starts with: a zip (.xlsx, .docx), an encrypted workbook (OLE), text.
_REPLACEABLE = (b"PK\x03\x04", b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1")


def refuse_to_overwrite_other_files(path: Path, allowed: tuple[bytes, ...] = _REPLACEABLE) -> None:
    """An export replaces an earlier export, never anything else: a project file given as the output name
    (it is random bytes) would otherwise be destroyed."""
    try:
        if not path.is_file() or path.stat().st_size == 0:
            return
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return  # unreadable: the write itself will fail with a clear message
    if path.suffix.lower() == ".csv" or head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"<"):
        return
    if not head.startswith(allowed):
        raise ProjectError(
            f"{path.name} already exists and is not an earlier export (it may be a project); "
            "choose another name."
        )


def write_file(path: str | os.PathLike, payload: bytes) -> Path:
    """Write beside the target then rename, so that the file appears whole or not at all."""
    path = Path(path)
    if not path.parent.exists():
        raise ProjectError(f"The folder {path.parent} does not exist.")
    if path.is_dir():
        raise ProjectError(f"{path} is a folder; give a file name.")
    refuse_to_overwrite_other_files(path)
    tmp = path.with_name(path.name + ".partial")
    try:
        with open(tmp, "wb") as fh:
            fh.write(payload)
        os.replace(tmp, path)
    except OSError as exc:
        if tmp.exists():
            tmp.unlink()
        raise ProjectError(f"Cannot write {path}: {exc.strerror}.") from None
    return path


def export_workbook(
    project,
    path: str | os.PathLike,
    options: ExportOptions | None = None,
    progress: Progress | None = None,
    *,
    audit: bool = True,
) -> ExportReport:
    """Write the workbook. ``audit=False`` leaves the audit row to the caller (the window records it on the
    GUI thread, since this may run in a worker thread)."""
    options = options or ExportOptions()
    data = an.load(project, options.filters, progress=progress, with_memos=True)
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
