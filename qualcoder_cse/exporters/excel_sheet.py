"""One workbook sheet as one table: the header in row 1, the data below, nothing else, so that
``pandas.read_excel`` and R's ``readxl`` read it without "Unnamed" columns. The sheet's title and the filters
go into the printed page header (and the README sheet), not into the cells.

Each sheet gets: column widths fitted from the first rows, the header row frozen, an autofilter, wrapped
text columns with row heights fitted to their text, and a print setup (landscape A4, fit to the page width, or
for a table too wide to read so, 80 % with the first columns repeated on each page across;
the header row repeated on every page, the title and "page N of M" in the header and footer). Written with
the in-memory write-only streaming of ``xlsx_stream``.
"""

from __future__ import annotations

import itertools
import math
from typing import TYPE_CHECKING

import numpy as np
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.formatting.rule import ColorScaleRule
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.properties import PageSetupProperties

from .xlsx_stream import Styled, finish_sheets, start_sheet, style_id

if TYPE_CHECKING:
    from ..analysis.tables import Table

BOLD = Font(bold=True)
HEADER_FILL = PatternFill("solid", fgColor="DDEBF7")
WRAP = Alignment(wrap_text=True, vertical="top")
TOP = Alignment(vertical="top")
HEADER_ALIGN = Alignment(wrap_text=True, vertical="top")
FLAG_FILL = PatternFill("solid", fgColor="F8CBAD")
SCALE = {"start_type": "min", "start_color": "FFFFFF", "end_type": "max", "end_color": "F8696B"}
LINE_HEIGHT = 15.0  # points per line of 11 pt text
MAX_ROW_HEIGHT = 409.0  # Excel's largest row height
PRINT_WIDTH = 220  # column-width units that still print legibly fitted to one A4 landscape page width


def num(v):
    """Plain Python numbers for openpyxl; NaN and None become empty cells."""
    if v is None:
        return None
    if isinstance(v, np.integer):
        return int(v)
    if isinstance(v, (float, np.floating)):
        return None if math.isnan(v) else float(v)
    if isinstance(v, str):  # a control character in a name would make the cell unreadable
        return ILLEGAL_CHARACTERS_RE.sub("", v)
    return v


def text_lines(text, width: float) -> int:
    """Lines a wrapped cell of ``width`` characters needs for ``text``."""
    if text is None or text == "":
        return 1
    per_line = max(1, int(width * 1.15))  # a column width unit is about one average character
    return sum(max(1, math.ceil(len(part) / per_line)) for part in str(text).split("\n"))


class TableSheet:
    """A write-only sheet holding one table. ``wrap_cols`` are wrapped and sized; rows grow to fit them."""

    def __init__(
        self,
        wb,
        title: str,
        header: list[str],
        sample: list[list],
        *,
        description: str = "",
        freeze_cols: int = 1,
        wrap_cols: tuple[int, ...] = (),
        max_width: int = 60,
        widths: dict[int, float] | None = None,
    ) -> None:
        finish_sheets(wb)  # the sheets before this one are complete: zip them now, freeing their XML
        self.ws = wb.create_sheet(title)
        self.header = header
        self.wrap_cols = set(wrap_cols)
        fitted = [min(len(str(h)), 30) for h in header]  # long headers wrap instead of widening
        for row in sample[:200]:
            for i, v in enumerate(row[: len(fitted)]):
                fitted[i] = max(fitted[i], min(len(str(v)) if v is not None else 0, max_width))
        self.widths = [float(min(max(8, w + 2), max_width if i not in self.wrap_cols else 80))
                       for i, w in enumerate(fitted)]
        for i, w in (widths or {}).items():
            self.widths[i] = float(w)
        for i, w in enumerate(self.widths):
            self.ws.column_dimensions[get_column_letter(i + 1)].width = w
        self.ws.freeze_panes = f"{get_column_letter(freeze_cols + 1)}2"
        self._print_setup(title, description, freeze_cols)
        start_sheet(self.ws)
        self._wrap = style_id(self.ws, alignment=WRAP)
        self._flag = style_id(self.ws, fill=FLAG_FILL)
        self._top = style_id(self.ws, alignment=TOP)  # beside a tall wrapped cell, read from the top
        head_style = style_id(self.ws, font=BOLD, alignment=HEADER_ALIGN, fill=HEADER_FILL)
        head_lines = max((text_lines(h, self.widths[i]) for i, h in enumerate(header)), default=1)
        self.ws.append([Styled(num(h), head_style) for h in header], height=_height(head_lines))
        self.rows = 0

    def _print_setup(self, title: str, description: str, freeze_cols: int) -> None:
        ws = self.ws
        ws.page_setup.orientation = "landscape"
        ws.page_setup.paperSize = 9  # A4
        if sum(self.widths) <= PRINT_WIDTH:
            ws.page_setup.fitToWidth = 1
            ws.page_setup.fitToHeight = 0  # as many pages down as needed
            ws.sheet_properties.pageSetUpPr = PageSetupProperties(fitToPage=True)
        else:  # fitted to one page wide it would be unreadably small: pages across, the first columns on each
            ws.page_setup.scale = 80
            ws.print_title_cols = f"A:{get_column_letter(freeze_cols)}"
        ws.print_options.gridLines = True
        ws.print_title_rows = "1:1"  # the header row on every printed page
        ws.oddHeader.left.text = num(title)[:250]
        ws.oddHeader.right.text = num(description)[:250] if description else ""
        ws.oddFooter.center.text = "Page &P of &N"

    def append(self, row: list, *, flag_col: int | None = None) -> None:
        """One data row; wrapped columns get their style and the row its height."""
        cells = []
        lines = 1
        for i, v in enumerate(row):
            v = num(v)
            if i in self.wrap_cols:
                lines = max(lines, text_lines(v, self.widths[i]) if i < len(self.widths) else 1)
                cells.append(Styled(v, self._wrap))
            elif flag_col is not None and i == flag_col and v:
                cells.append(Styled(v, self._flag))
            elif self.wrap_cols and v is not None:
                cells.append(Styled(v, self._top))
            else:
                cells.append(v)
        self.ws.append(cells, height=_height(lines) if lines > 1 else None)
        self.rows += 1

    def finish(self, scale_cols: list[int] | None = None) -> None:
        """Autofilter over the table; one colour scale over the numeric columns ``scale_cols`` (0-based)."""
        last = 1 + self.rows
        self.ws.auto_filter.ref = f"A1:{get_column_letter(len(self.header))}{last}"
        if scale_cols and self.rows:
            ref = " ".join(f"{get_column_letter(c + 1)}2:{get_column_letter(c + 1)}{last}" for c in scale_cols)
            self.ws.conditional_formatting.add(ref, ColorScaleRule(**SCALE))


def _height(lines: int) -> float:
    return min(MAX_ROW_HEIGHT, LINE_HEIGHT * lines + 2)


def write_table(
    wb,
    title: str,
    header: list[str],
    rows: list[list],
    *,
    description: str = "",
    scale: list[int] | None = None,
    wrap: tuple[int, ...] = (),
    flag_col: int | None = None,
    freeze_cols: int = 1,
    widths: dict[int, float] | None = None,
) -> TableSheet:
    sheet = TableSheet(
        wb, title, header, rows, description=description, wrap_cols=wrap, freeze_cols=freeze_cols,
        widths=widths,
    )
    for r in rows:
        sheet.append(r, flag_col=flag_col)
    sheet.finish(scale)
    return sheet


def cell(ws, value, font=None) -> WriteOnlyCell:
    c = WriteOnlyCell(ws, value=num(value))
    if font:
        c.font = font
    return c


def write_sheet(wb, table: Table) -> TableSheet:
    """One ``analysis.tables.Table`` as a sheet: its label columns frozen, its numbers shaded by a colour
    scale, its long text wrapped, its flags filled. Column widths are fitted to the first 200 rows, so a
    generated table (the Codings) is written as it comes and never held whole."""
    rows = iter(table.rows)
    head = list(itertools.islice(rows, 200))
    sheet = TableSheet(
        wb, table.title, table.headers, head, description=table.notes, wrap_cols=table.text_cols,
        freeze_cols=table.label_cols, widths=table.widths,
    )
    for r in itertools.chain(head, rows):
        sheet.append(r, flag_col=table.flag_col)
    sheet.finish(table.numeric or None)
    return sheet
