"""CSV files, one per matrix, for tools that do not read Excel: ``export_csv(project, folder, options)``.

UTF-8 with a byte-order mark (Excel then reads accents and emoji correctly). CSV cannot be encrypted: the
files hold coded quotes in clear, so write them only to an encrypted volume; the CLI and the window say so.
"""

from __future__ import annotations

import csv
import io
import os
from pathlib import Path

from .. import analysis as an
from ..core.errors import ProjectError
from .excel import ExportOptions, Progress, write_file
from .excel_tables import AGREEMENT_HEADER, codings_rows


def _csv_bytes(header: list[str], rows) -> bytes:
    buf = io.StringIO()
    writer = csv.writer(buf, lineterminator="\r\n")
    writer.writerow(header)
    for r in rows:
        writer.writerow(["" if v is None else v for v in r])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")


def _matrix_files(m: an.CodeMatrix, stem: str) -> dict[str, bytes]:
    out = {}
    names = m.units["name"].tolist()
    for measure in an.matrices.MEASURES:
        values = m.measure(measure).to_numpy()
        rows = [
            [p, int(d)] + list(values[i])
            for i, (p, d) in enumerate(zip(m.rows["path"], m.rows["depth"], strict=False))
        ]
        out[f"{stem}_{measure}.csv"] = _csv_bytes(["Code", "Level"] + names, rows)
    return out


def export_csv(
    project, folder: str | os.PathLike, options: ExportOptions | None = None, progress: Progress | None = None
) -> list[Path]:
    """Write the matrices as CSV files into ``folder`` (created if its parent exists); returns the paths."""
    options = options or ExportOptions()
    folder = Path(folder)
    if not folder.exists():
        if not folder.parent.exists():
            raise ProjectError(f"The folder {folder.parent} does not exist.")
        folder.mkdir()
    data = an.load(project, options.filters, progress=progress, with_memos=True)
    group_by = options.group_by or an.default_group_attribute(data)
    files: dict[str, bytes] = {}
    files.update(_matrix_files(an.code_by_case(data), "code_x_case"))
    files.update(_matrix_files(an.code_by_document(data), "code_x_document"))
    fm = an.framework_matrix(data, options.themes)
    header = ["Case"]
    for path in fm.themes["path"]:
        header += [f"{path}: quotes", f"{path}: summary"]
    rows = []
    for case_id, name in zip(fm.cases["id"], fm.cases["name"], strict=False):
        row = [name]
        for theme_id in fm.themes["id"]:
            row += [fm.cell_text(case_id, theme_id), fm.summaries.get((int(case_id), int(theme_id)), "")]
        rows.append(row)
    files["framework_matrix.csv"] = _csv_bytes(header, rows)
    pairs = an.code_cooccurrence(data).pairs()
    files["cooccurrence.csv"] = _csv_bytes(
        ["Code A", "Code B", "Overlapping codings", "Same speaker turn", "Jaccard (characters)"],
        pairs[["code_a", "code_b", "overlaps", "same_turn", "jaccard"]].itertuples(index=False),
    )
    g = an.by_group(data, group_by)
    header = ["Code", "Level"]
    for name in g.groups:
        header += [f"{name}: codings", f"{name}: % of {g.unit_kind}s (n={g.group_sizes[name]})"]
    rows = []
    for i, (path, depth) in enumerate(zip(g.rows["path"], g.rows["depth"], strict=False)):
        row = [path, int(depth)]
        for name in g.groups:
            row += [int(g.codings.iloc[i][name]), float(g.percent.iloc[i][name])]
        rows.append(row)
    files["by_group.csv"] = _csv_bytes(header, rows)
    gaps = an.evidence_gaps(data, group_by, options.themes)
    files["evidence_gaps.csv"] = _csv_bytes(
        ["Theme", group_by, "Sources", "Cases", "Codings", "Flag"],
        gaps[["theme", "group", "sources", "cases", "codings", "flag"]].itertuples(index=False),
    )
    if data.codings["coder"].nunique() >= 2:
        res = an.intercoder_agreement(data, unit=options.agreement_unit)
        files["agreement.csv"] = _csv_bytes(
            list(AGREEMENT_HEADER),
            res.pairs.drop(columns=["code_id"]).itertuples(index=False),
        )
    files["codings.csv"] = _csv_bytes(
        ["Document", "Case", "Code", "Coder", "Start", "End", "Coded text", "Memo"], codings_rows(data)
    )
    written = []
    for name, payload in files.items():
        written.append(write_file(folder / name, payload))
    return written
