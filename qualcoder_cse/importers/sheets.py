"""Reading a sheet of rows (CSV or the first worksheet of an XLSX workbook) as text cells, for imports that
take a table: case attributes (``workflows.case_attributes``). Pure: reads, stores nothing.

CSV: UTF-8 (with or without BOM), UTF-16 with a BOM (Excel's "Unicode Text") or Windows-1252; the delimiter
(comma, semicolon, tab) is sniffed. XLSX: cell values as text, dates as ISO, whole floats without ".0". A
cell's CR LF becomes LF, as in document text. Blank rows are dropped; two columns with the same header are
refused.
"""

from __future__ import annotations

import csv
import io
import os
from datetime import date, datetime
from pathlib import Path

from .errors import ImporterError, UnsupportedFormat

MAX_BYTES = 50 * 1024 * 1024


def read_table(path: str | os.PathLike) -> tuple[list[str], list[tuple[int, list[str]]]]:
    """(headers, [(row number, cells)]) from a .csv or .xlsx file; cells as text, dates as ISO."""
    path = Path(path)
    if not path.is_file():
        raise ImporterError(f"Cannot read {path.name}: no such file.")
    if path.stat().st_size > MAX_BYTES:
        raise ImporterError(f"{path.name} is larger than 50 MB; split it first.")
    suffix = path.suffix.lower()
    if suffix in (".csv", ".txt", ".tsv"):
        rows = _read_csv(path)
    elif suffix in (".xlsx", ".xlsm"):
        rows = _read_xlsx(path)
    else:
        raise UnsupportedFormat(f"{path.name}: attributes are read from .csv or .xlsx files.")
    numbered = [(i + 1, r) for i, r in enumerate(rows)]
    numbered = [(n, r) for n, r in numbered if any(c.strip() for c in r)]
    if not numbered:
        raise ImporterError(f"{path.name} is empty.")
    (_, headers), body = numbered[0], numbered[1:]
    headers = [h.strip() for h in headers]
    clash = next((h for h in headers if h and headers.count(h) > 1), None)
    if clash is not None:  # the later column would silently overwrite the earlier one's values
        raise ImporterError(f"{path.name} has two columns called '{clash}'; rename one and try again.")
    return headers, body


def _read_csv(path: Path) -> list[list[str]]:
    raw = path.read_bytes()
    # Excel's "Unicode Text" is UTF-16 with a byte order mark; cp1252 would turn it into NUL-laced noise
    encodings = ("utf-16",) if raw[:2] in (b"\xff\xfe", b"\xfe\xff") else ("utf-8-sig", "cp1252")
    for enc in encodings:
        try:
            text = raw.decode(enc)
            break
        except UnicodeDecodeError:
            continue
    else:
        raise ImporterError(f"{path.name} is not UTF-8, UTF-16 or Windows-1252 text.")
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    return [[_one_line_end(c) for c in r] for r in csv.reader(io.StringIO(text), dialect)]


def _one_line_end(text: str) -> str:
    """A cell typed on Windows keeps CR LF inside its quotes: store LF only, like document text."""
    return text.replace("\r\n", "\n").replace("\r", "\n")


def _cell(value) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.date().isoformat() if value.time() == datetime.min.time() else value.isoformat()
    if isinstance(value, date):
        return value.isoformat()
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    return _one_line_end(str(value))


def _read_xlsx(path: Path) -> list[list[str]]:
    import zipfile

    from openpyxl import load_workbook

    try:
        wb = load_workbook(path, read_only=True, data_only=True)
    except (zipfile.BadZipFile, KeyError, OSError, ValueError):
        raise ImporterError(
            f"{path.name} is not a readable Excel workbook (it may be damaged or password-protected)."
        ) from None
    try:
        ws = wb.worksheets[0]
        return [[_cell(v) for v in row] for row in ws.iter_rows(values_only=True)]
    finally:
        wb.close()
