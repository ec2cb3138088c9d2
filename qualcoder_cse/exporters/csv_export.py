"""CSV files, one per table of the workbook, for tools that do not read Excel: ``export_csv(project, folder, options)``.

UTF-8 with a byte-order mark (Excel then reads accents and emoji correctly). CSV cannot be encrypted: the
files hold coded quotes in clear, so write them only to an encrypted volume; the CLI and the window say so.
The files are the workbook's tables (``analysis.tables``), one per file, the README sheet left out.
"""

from __future__ import annotations

import csv
import io
import math
import os
from pathlib import Path
from typing import TYPE_CHECKING

from .. import analysis as an
from ..analysis.tables import Table, analysis_tables
from ..core.errors import ProjectError
from .excel import ExportOptions, Progress, write_file

if TYPE_CHECKING:
    from ..core.project import Project


def _cell(v):
    """Empty for None and NaN (a kappa with nothing to compare), as the workbook's empty cell."""
    if v is None or (isinstance(v, float) and math.isnan(v)):
        return ""
    return v


def _csv_bytes(table: Table) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(table.headers)
    for r in table.rows:
        writer.writerow([_cell(v) for v in r])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def export_csv(
    project: Project, folder: str | os.PathLike, options: ExportOptions | None = None,
    progress: Progress | None = None,
) -> list[Path]:
    """Write every table of the workbook (but its README) as a CSV file into ``folder`` (created if its parent
    exists, owner-only: 0700), named by the table (``code_x_case_codings.csv``, ``by_group_percent.csv``...); returns the
    paths. The tables are ``analysis.tables``'s, the workbook's own."""
    options = options or ExportOptions()
    folder = Path(folder)
    if not folder.exists():
        if not folder.parent.exists():
            raise ProjectError(f"The folder {folder.parent} does not exist.")
        folder.mkdir(mode=0o700)  # owner-only whatever the umask: the files in it hold coded quotes in clear
    data = an.load(project, options.filters, progress=progress, with_memos=True, texts_on_demand=True)
    group_by = options.group_by or an.default_group_attribute(data)
    data.attribute_scope(group_by)  # unknown attribute: a clear NotFound before any file
    files = {f"{t.stem}.csv": _csv_bytes(t) for t in analysis_tables(
        data, group_by, themes=options.themes, agreement_unit=options.agreement_unit, keep_words=False)}
    return [write_file(folder / name, payload) for name, payload in files.items()]
