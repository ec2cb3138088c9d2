"""Streaming worksheets for openpyxl that never touch the disk.

openpyxl writes each worksheet's XML to a temporary file before zipping it, in normal and write-only mode
alike. Coded quotes are transcript text, so a plain temporary file would leave it on disk in clear. Here the
write-only worksheets write into memory (``BytesIO``) and the workbook is zipped into memory or straight to
its destination; the caller can then encrypt the bytes before anything reaches the disk.
"""

from __future__ import annotations

import datetime
from io import BytesIO
from zipfile import ZIP_DEFLATED, ZipFile

from openpyxl import Workbook
from openpyxl.worksheet._writer import WorksheetWriter
from openpyxl.writer.excel import ExcelWriter


def new_workbook() -> Workbook:
    wb = Workbook(write_only=True)
    return wb


def start_sheet(ws) -> None:
    """Attach an in-memory writer. Call after setting freeze panes and column widths, before the first row."""
    if ws._writer is None:
        ws._writer = WorksheetWriter(ws, out=BytesIO())
        ws._writer.write_top()


class _MemoryExcelWriter(ExcelWriter):
    def write_worksheet(self, ws):  # same as openpyxl's, without the temporary file
        from openpyxl.drawing.spreadsheet_drawing import SpreadsheetDrawing

        ws._drawing = SpreadsheetDrawing()
        ws._drawing.charts = ws._charts
        ws._drawing.images = ws._images
        start_sheet(ws)
        if not ws.closed:
            ws.close()
        writer = ws._writer
        ws._rels = writer._rels
        self._archive.writestr(ws.path[1:], writer.out.getvalue())
        writer.out = BytesIO()  # let the sheet's XML go as soon as it is zipped
        self.manifest.append(ws)


def save_to_bytes(wb: Workbook) -> bytes:
    """The whole .xlsx as bytes, built in memory."""
    buf = BytesIO()
    archive = ZipFile(buf, "w", ZIP_DEFLATED, allowZip64=True)
    wb.properties.modified = datetime.datetime.now(tz=datetime.UTC).replace(tzinfo=None)
    _MemoryExcelWriter(wb, archive).save()
    return buf.getvalue()
