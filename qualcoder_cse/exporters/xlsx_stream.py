"""Streaming worksheets for openpyxl that never touch the disk, and write rows fast.

openpyxl writes each worksheet's XML to a temporary file before zipping it, in normal and write-only mode
alike. Coded quotes are transcript text, so a plain temporary file would leave it on disk in clear. Here the
workbook is zipped into memory and each write-only worksheet's XML is compressed into that zip as its rows are
written (one sheet at a time: a sheet is finished before the next starts), so a sheet's uncompressed XML (the
Codings sheet's is tens of MB) is never held whole; the caller can then encrypt the bytes before anything
reaches the disk.

Rows are serialised directly as SpreadsheetML text (``<row><c>...``), about 5x faster than openpyxl's one
Cell object and one XML context per value; the parts before and after the rows (sheet views, frozen panes,
column widths, autofilter, conditional formatting) are still openpyxl's own elements. Values may be numbers,
strings, booleans, ``None`` (no cell), openpyxl ``WriteOnlyCell`` objects (styled) or ``Styled`` (a value
with a pre-computed style id, for many identically styled cells). This relies on openpyxl 3.1's
``WorksheetWriter`` (top and tail methods) and ``ExcelWriter.write_worksheet``; the export tests read every
sheet back, so a change there fails loudly.
"""

from __future__ import annotations

import contextlib
import datetime
import math
from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile

import numpy as np
from lxml.etree import tostring
from openpyxl import Workbook
from openpyxl.cell import WriteOnlyCell
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE, Cell
from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing
from openpyxl.packaging.relationship import RelationshipList
from openpyxl.utils import get_column_letter
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter
from openpyxl.xml.constants import SHEET_MAIN_NS

_LETTERS: list[str] = [""]


def _letter(col: int) -> str:
    while len(_LETTERS) <= col:
        _LETTERS.append(get_column_letter(len(_LETTERS)))
    return _LETTERS[col]


def _esc(text: str) -> str:
    text = ILLEGAL_CHARACTERS_RE.sub("", text)
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\r", "&#13;")


class Styled:
    """A value with a ready cell style id, for rows of many identically styled cells (quotes)."""

    __slots__ = ("style_id", "value")

    def __init__(self, value, style_id: str) -> None:
        self.value = value
        self.style_id = style_id


def style_id(ws, **style) -> str:
    """The workbook's cell-style id for font/alignment/fill/number_format keywords (computed once)."""
    cell = WriteOnlyCell(ws, value=None)
    for key, value in style.items():
        setattr(cell, key, value)
    return str(cell.style_id)


class _Sink:
    """Stands in for openpyxl's XML generator: ``send(element)`` serialises the element into memory."""

    def __init__(self, out: BytesIO) -> None:
        self.out = out

    def send(self, el):
        if el is not None and el is not True:
            self.out.write(tostring(el))

    def close(self) -> None:
        pass


class MemorySheetWriter(WorksheetWriter):
    """A worksheet's XML in memory: openpyxl's top and tail elements, rows written as text."""

    FLUSH = 1 << 20  # bytes of XML gathered before they go to the zip stream

    def __init__(self, ws, stream=None) -> None:  # no super().__init__: it would open a temporary file
        self.ws = ws
        self.ws._hyperlinks = []
        self.ws._comments = []
        self._rels = RelationshipList()
        self.out = BytesIO()
        self.xf = _Sink(self.out)
        self.rows = 0
        self.finished = False
        self.stream = stream  # the sheet's entry in the workbook's zip, written as rows come (or None)
        self.zipped = stream is not None
        self.out.write(
            f'<?xml version="1.0" encoding="UTF-8"?>\n<worksheet xmlns="{SHEET_MAIN_NS}">'.encode()
        )
        self.write_top()
        self.out.write(b"<sheetData>")

    def append(self, row, height: float | None = None) -> None:
        """One row; ``height`` (points) sets its height, for wrapped text."""
        self.rows += 1
        r = str(self.rows)
        out = [f'<row r="{r}" ht="{height:.1f}" customHeight="1">' if height else f'<row r="{r}">']
        for col, v in enumerate(row, 1):
            if v is None:
                continue
            s = ""
            if isinstance(v, Styled):
                s = f' s="{v.style_id}"'
                v = v.value
            elif isinstance(v, Cell):
                if v.has_style:
                    s = f' s="{v.style_id}"'
                v = v.value
            ref = _letter(col) + r
            if v is None or v == "":
                if s:
                    out.append(f'<c r="{ref}"{s}/>')
                continue
            if isinstance(v, str):
                out.append(
                    f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{_esc(v)}</t></is></c>'
                )
            elif isinstance(v, (bool, np.bool_)):
                out.append(f'<c r="{ref}"{s} t="b"><v>{1 if v else 0}</v></c>')
            elif isinstance(v, (int, np.integer)):
                out.append(f'<c r="{ref}"{s} t="n"><v>{int(v)}</v></c>')
            elif isinstance(v, (float, np.floating)):
                if math.isfinite(v):
                    out.append(f'<c r="{ref}"{s} t="n"><v>{float(v):.16g}</v></c>')
            else:
                text = _esc(str(v))
                out.append(f'<c r="{ref}"{s} t="inlineStr"><is><t xml:space="preserve">{text}</t></is></c>')
        out.append("</row>")
        self.out.write("".join(out).encode("utf-8", "replace"))
        if self.stream is not None and self.out.tell() >= self.FLUSH:
            self._flush()

    def _flush(self) -> None:
        self.stream.write(self.out.getvalue())
        self.out = BytesIO()
        self.xf = _Sink(self.out)

    def finish(self) -> bytes:
        """End the sheet's XML: returns it whole, or (streaming) writes the rest to the zip and b""."""
        if not self.finished:
            self.out.write(b"</sheetData>")
            self.write_tail()
            self.out.write(b"</worksheet>")
            self.finished = True
            if self.stream is not None:
                self._flush()
                self.stream.close()
        return self.out.getvalue()

    def close(self) -> None:
        self.finish()


def new_workbook() -> Workbook:
    """A write-only workbook whose .xlsx is zipped into memory as its sheets are completed."""
    wb = Workbook(write_only=True)
    wb._qcse_buffer = BytesIO()
    wb._qcse_archive = ZipFile(wb._qcse_buffer, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=1)
    return wb


def discard_workbook(wb: Workbook) -> None:
    """Close a half-built workbook's in-memory archive (after a failure), so nothing complains later."""
    archive = getattr(wb, "_qcse_archive", None)
    if archive is not None:
        wb._qcse_archive = None
        for ws in wb.worksheets:  # a sheet still streaming holds the archive's write handle: close it first
            writer = getattr(ws, "_writer", None)
            stream = getattr(writer, "stream", None) if isinstance(writer, MemorySheetWriter) else None
            if stream is not None and not getattr(writer, "finished", True):
                with contextlib.suppress(OSError, ValueError):  # the workbook is being thrown away
                    stream.close()
                writer.finished = True
        try:
            archive.close()
        except (OSError, ValueError):
            pass


def _sheet_path(ws) -> str:
    return f"xl/worksheets/sheet{ws.parent.worksheets.index(ws) + 1}.xml"  # as ExcelWriter numbers them


def finish_sheets(wb: Workbook) -> None:
    """Zip every started sheet now (call when no more rows will be added to them), freeing its XML."""
    archive = getattr(wb, "_qcse_archive", None)
    if archive is None:
        return
    for ws in wb.worksheets:
        writer = ws._writer
        if isinstance(writer, MemorySheetWriter) and not writer.finished:
            if writer.stream is None:
                archive.writestr(_sheet_path(ws), writer.finish())
            else:
                writer.finish()
            writer.out = BytesIO()
            writer.zipped = True


def start_sheet(ws) -> None:
    """Attach the in-memory writer. Call after setting freeze panes and column widths, before the first row;
    afterwards ``ws.append`` writes through it."""
    if not isinstance(ws._writer, MemorySheetWriter):
        archive = getattr(ws.parent, "_qcse_archive", None)
        stream = archive.open(_sheet_path(ws), "w", force_zip64=True) if archive is not None else None
        ws._writer = MemorySheetWriter(ws, stream)
        ws.append = ws._writer.append


class _MemoryExcelWriter(ExcelWriter):
    def write_worksheet(self, ws):  # as openpyxl's, without the temporary file
        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        start_sheet(ws)
        writer = ws._writer
        ws._rels = writer._rels
        if getattr(writer, "zipped", False):
            writer.finish()  # a sheet started here streams into the archive: end it
            if _sheet_path(ws) != ws.path[1:]:  # pragma: no cover - would mean openpyxl renumbered sheets
                raise RuntimeError("worksheet numbering changed")
        else:
            self._archive.writestr(ws.path[1:], writer.finish())
            writer.out = BytesIO()  # let the sheet's XML go as soon as it is zipped
        self.manifest.append(ws)


def save_to_bytes(wb: Workbook) -> bytes:
    """The whole .xlsx as bytes, built in memory."""
    finish_sheets(wb)
    buf = getattr(wb, "_qcse_buffer", None) or BytesIO()
    archive = getattr(wb, "_qcse_archive", None) or ZipFile(
        buf, "w", ZIP_DEFLATED, allowZip64=True, compresslevel=1
    )
    wb.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    _MemoryExcelWriter(wb, archive).save()
    return buf.getvalue()
