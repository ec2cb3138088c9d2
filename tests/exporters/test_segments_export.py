"""Coded segments to Excel and Word: read back with openpyxl / python-docx; sources on every quote; a quote
starting with '=' stays text; a project file is never overwritten."""

from __future__ import annotations

import pytest
from docx import Document
from openpyxl import load_workbook

from qualcoder_cse.core.errors import ProjectError
from qualcoder_cse.core.segments import SegmentQuery
from qualcoder_cse.exporters.segments_export import (
    COLUMNS,
    SegmentExportOptions,
    export_segments_docx,
    export_segments_xlsx,
)

TEXT = "P1: We use CAWNs.\nP2: =SUM(A1:A9) is what they said\x07.\nP1: Hotels help.\n"


@pytest.fixture()
def coded(project):
    turns, pos = [], 0
    for line in TEXT.splitlines(keepends=True):
        turns.append((pos, pos + len(line) - 1, line[:2]))
        pos += len(line)
    doc = project.documents.add("Focus", TEXT, kind="lscb", turns=turns)
    code = project.codes.by_path("Voices/Trust", create=True)
    a = TEXT.index("We use")
    b = TEXT.index("=SUM")
    project.codings.add(code.id, doc.id, a, a + 13, memo="strong")
    project.codings.add(code.id, doc.id, b, b + 31, coder="bob")
    return project, code


def test_xlsx_rows_and_sources(coded, tmp_path):
    project, code = coded
    out = tmp_path / "segments.xlsx"
    n = export_segments_xlsx(project, out, SegmentExportOptions(SegmentQuery((code.id,)), title="Trust"))
    assert n == 2
    wb = load_workbook(out)
    rows = list(wb["Segments"].values)
    assert rows[0] == COLUMNS
    first = dict(zip(COLUMNS, rows[1], strict=True))
    assert first["Text"] == "We use CAWNs." and first["Speaker"] == "P1" and first["Memo"] == "strong"
    assert first["Source"] == "Focus, P1, characters 4-17" and first["Coder"] == "alice"
    assert first["Code"] == "Voices/Trust" and first["After"].startswith("\nP2: =SUM")
    second = dict(zip(COLUMNS, rows[2], strict=True))
    assert second["Text"] == "=SUM(A1:A9) is what they said." and wb["Segments"]["I3"].data_type == "s"
    query = {r[0]: r[1] for r in wb["Query"].values if r[0]}
    assert query["Codes"] == "Voices/Trust" and query["Segments"] == 2


def test_docx_quotes_with_sources(coded, tmp_path):
    project, code = coded
    out = tmp_path / "segments.docx"
    assert export_segments_docx(project, out, SegmentExportOptions(SegmentQuery((code.id,)))) == 2
    paras = [p.text for p in Document(str(out)).paragraphs]
    assert "Codes: Voices/Trust" in paras
    i = next(k for k, t in enumerate(paras) if "We use CAWNs." in t)
    assert paras[i].startswith("P1: We use CAWNs.")
    assert paras[i + 1] == "— Focus, P1, characters 4-17 · Voices/Trust · coded by alice"
    assert paras[i + 2] == "Memo: strong"
    assert any(t.startswith("— Focus, P2, characters 22-53") for t in paras)


def test_never_overwrites_a_project(coded, tmp_path, project_path):
    project, code = coded
    before = project_path.read_bytes()
    with pytest.raises(ProjectError, match="not an earlier export"):
        export_segments_xlsx(project, project_path, SegmentExportOptions(SegmentQuery((code.id,))))
    with pytest.raises(ProjectError, match="not an earlier export"):
        export_segments_docx(project, project_path, SegmentExportOptions(SegmentQuery((code.id,))))
    assert project_path.read_bytes()[:64] == before[:64]
