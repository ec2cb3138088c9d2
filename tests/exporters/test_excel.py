"""The analysis workbook, read back with openpyxl and compared with the hand-counted sample project; the
encrypted workbook must not open without its password and must open with it; no clear temporary file."""

from __future__ import annotations

import io
import tempfile
import zipfile

import msoffcrypto
import openpyxl
import pytest

from qualcoder_cse.analysis import Filters
from qualcoder_cse.core.errors import NotFound, ProjectError
from qualcoder_cse.exporters.excel import SHEETS, ExportOptions, export_workbook

CASES = ["Board P1", "Board P2", "Police A", "Police B", "YP 1"]


def block(ws, title_prefix: str) -> dict[str, list]:
    """Rows of a stacked block in a matrix sheet, keyed by code path."""
    rows = list(ws.iter_rows(values_only=True))
    start = next(i for i, r in enumerate(rows) if isinstance(r[0], str) and r[0].startswith(title_prefix))
    header = rows[start + 1]
    out = {}
    for r in rows[start + 2 :]:
        if r[0] is None:
            break
        out[r[0]] = dict(zip(header, r, strict=False))
    return out


@pytest.fixture()
def workbook(sample, tmp_path):
    path = tmp_path / "study.xlsx"
    report = export_workbook(sample, path)
    assert report.codings == 13 and not report.encrypted
    return openpyxl.load_workbook(path)


def test_sheets_and_readme(workbook):
    assert workbook.sheetnames == list(SHEETS)
    readme = {r[0]: r[1] for r in workbook["README"].iter_rows(values_only=True) if r[0]}
    assert readme["Project"] == "Sample study"
    assert readme["Coders"] == "alice, bob"
    assert readme["Grouped by"] == "participant group"
    assert readme["Filter: Coders"] == "all"
    for name in SHEETS:
        assert name in readme


def test_code_by_case_sheet(workbook):
    ws = workbook["Code x Case"]
    assert ws.freeze_panes == "C3"
    assert ws.auto_filter.ref == "A2:H8"
    assert len(ws.conditional_formatting) >= 3  # colour scales on counts, words and %
    counts = block(ws, "Codings (count)")
    assert [counts["Disruption"][c] for c in CASES] == [1, 1, 3, 0, 0]
    assert [counts["Voice"][c] for c in CASES] == [2, 0, 2, 1, 3]
    assert counts["Voice"]["Total"] == 8
    assert isinstance(counts["Voice"]["Police A"], int)  # numbers stored as numbers
    words = block(ws, "Words coded")
    assert [words["Disruption"][c] for c in CASES] == [3, 2, 9, 0, 0]
    pct = block(ws, "% of the unit")
    assert pct["Disruption"]["Police A"] == pytest.approx(64.29)
    presence = block(ws, "Presence")
    assert [presence["Disruption/CAWN"][c] for c in CASES] == [0, 0, 1, 0, 0]


def test_code_by_document_sheet(workbook):
    counts = block(workbook["Code x Document"], "Codings (count)")
    assert [counts["Disruption"][d] for d in ["Focus group", "Police 1", "Police 2", "YP chat"]] == [
        1,
        3,
        0,
        0,
    ]


def test_framework_matrix_sheet(workbook):
    ws = workbook["Framework Matrix"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:5] == (
        "Case",
        "Disruption: quotes",
        "Disruption: summary",
        "Voice: quotes",
        "Voice: summary",
    )
    by_case = {r[0]: r for r in rows[1:] if r[0]}
    assert by_case["Board P2"][1] == "“P2: Sharing” (Focus group, 40–51; alice)"
    assert by_case["Police A"][1].count("“") == 3
    assert by_case["Police B"][1] is None
    assert ws["B3"].alignment.wrap_text
    assert ws.column_dimensions["B"].width == 60 and ws.column_dimensions["C"].width == 40
    assert workbook["Codings"].column_dimensions["G"].width == 80


def test_cooccurrence_group_gaps_sheets(workbook):
    pairs = [r for r in workbook["Co-occurrence"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert ("Disruption/CAWN", "Disruption/Hotels", 1, 0, pytest.approx(0.4118)) in [
        (a, b, c, d, e) for a, b, c, d, e in pairs
    ]
    grp = {r[0]: r for r in workbook["By Group"].iter_rows(values_only=True) if r[0]}
    assert grp["Code"][2:] == (
        "board: codings",
        "board: % of cases (n=2)",
        "police: codings",
        "police: % of cases (n=2)",
        "young people: codings",
        "young people: % of cases (n=1)",
    )
    assert grp["Disruption"][2:] == (1, 100, 3, 50, 0, 0)
    scales = sorted(str(cf.sqref) for cf in workbook["By Group"].conditional_formatting)
    assert scales == ["C2:C7 E2:E7 G2:G7", "D2:D7 F2:F7 H2:H7"]
    gaps = {
        (r[0], r[1]): r[2:] for r in workbook["Evidence Gaps"].iter_rows(min_row=2, values_only=True) if r[0]
    }
    assert gaps[("Disruption", "young people")] == (0, 0, 0, "no evidence")
    assert gaps[("Voice", "police")] == (2, 2, 3, None)
    assert gaps[("Disruption", "board")] == (1, 2, 1, "single source")


def test_agreement_links_memos_codings_sheets(workbook):
    ag = list(workbook["Agreement"].iter_rows(values_only=True))
    cawn = next(r for r in ag if r[0] == "Disruption/CAWN")
    assert cawn[1:9] == ("alice", "bob", 3, 207, 15, 6, 0, 186)
    assert cawn[10] == pytest.approx(0.8179, abs=1e-4)
    assert any(r[0] == "alice" and r[1] == "bob" for r in ag)  # pooled row
    links = list(workbook["Links"].iter_rows(min_row=2, values_only=True))
    assert links[0][:4] == ("Disruption/CAWN", "leads to", "Voice/Listened", "notices reassure")
    memos = list(workbook["Memos"].iter_rows(min_row=2, values_only=True))
    assert memos[0][:4] == ("code", "Disruption", "Scope", "Disruption covers CAWN and hotel work.")
    codings = list(workbook["Codings"].iter_rows(min_row=2, values_only=True))
    assert len(codings) == 13
    first = codings[0]
    assert first == (
        "Police 1",
        "Police A",
        "Disruption/CAWN",
        "alice",
        7,
        28,
        "warning notices a lot",
        "CAWN use",
    )
    spanning = next(r for r in codings if r[2] == "Disruption")
    assert spanning[1] == "Board P1; Board P2"


def test_filters_reach_the_workbook(sample, tmp_path):
    path = tmp_path / "bob.xlsx"
    export_workbook(sample, path, ExportOptions(filters=Filters(coders=["bob"]), group_by="kind"))
    wb = openpyxl.load_workbook(path)
    readme = {r[0]: r[1] for r in wb["README"].iter_rows(values_only=True) if r[0]}
    assert readme["Filter: Coders"] == "bob" and readme["Grouped by"] == "kind"
    assert len([r for r in wb["Codings"].iter_rows(min_row=2, values_only=True) if r[0]]) == 4
    assert "two or more coders" in wb["Agreement"]["A2"].value


def test_encrypted_workbook_needs_its_password(sample, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))  # any temporary file would land here
    out_dir = tmp_path / "out"
    out_dir.mkdir()
    path = out_dir / "secret.xlsx"
    report = export_workbook(sample, path, ExportOptions(password="s3cret pass"))
    assert report.encrypted
    assert list(scratch.iterdir()) == []
    assert [p.name for p in out_dir.iterdir()] == ["secret.xlsx"]
    raw = path.read_bytes()
    assert not zipfile.is_zipfile(io.BytesIO(raw))
    assert b"warning notices" not in raw
    with pytest.raises(Exception):  # noqa: B017 - openpyxl raises its own "not a zip file" error
        openpyxl.load_workbook(path)
    office = msoffcrypto.OfficeFile(io.BytesIO(raw))
    assert office.is_encrypted()
    with pytest.raises(msoffcrypto.exceptions.InvalidKeyError):
        office.load_key(password="wrong")
        office.decrypt(io.BytesIO())
    office = msoffcrypto.OfficeFile(io.BytesIO(raw))
    office.load_key(password="s3cret pass")
    clear = io.BytesIO()
    office.decrypt(clear)
    wb = openpyxl.load_workbook(clear)
    assert wb.sheetnames == list(SHEETS)
    assert block(wb["Code x Case"], "Codings (count)")["Disruption"]["Police A"] == 3


def test_plain_export_leaves_no_temporary_file(sample, tmp_path, monkeypatch):
    scratch = tmp_path / "scratch"
    scratch.mkdir()
    monkeypatch.setattr(tempfile, "tempdir", str(scratch))
    export_workbook(sample, tmp_path / "plain.xlsx")
    assert list(scratch.iterdir()) == []


def test_errors_are_plain(sample, tmp_path):
    with pytest.raises(ProjectError):
        export_workbook(sample, tmp_path / "missing" / "x.xlsx")
    with pytest.raises(NotFound):
        export_workbook(sample, tmp_path / "x.xlsx", ExportOptions(group_by="no such"))
    assert not (tmp_path / "x.xlsx").exists()


def test_project_without_codings_or_cases_exports(project, tmp_path):
    """The shared template: the framework's codes, three documents, no codings, no cases, one coder."""
    doc = project.documents.by_name("Young people chat")
    text = project.documents.text(doc.id)
    code = project.codes.by_path("Disruption")
    # a control character and an emoji inside a coded span must reach the sheet cleanly
    project.documents.replace_text(doc.id, text.replace("tbh", "tbh\x0b 😀"))
    text = project.documents.text(doc.id)
    start = text.index("police")
    project.codings.add(code.id, doc.id, start, text.index("😀") + 1)
    path = tmp_path / "template.xlsx"
    export_workbook(project, path)
    wb = openpyxl.load_workbook(path)
    assert wb.sheetnames == list(SHEETS)
    header = next(wb["Code x Case"].iter_rows(min_row=2, max_row=2, values_only=True))
    assert header == ("Code", "Level", "Total")  # no cases yet
    coded = [r for r in wb["Codings"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert coded == [
        (
            "Young people chat",
            None,
            "Disruption",
            "alice",
            start,
            text.index("😀") + 1,
            "police never listen tbh 😀",
            None,
        )
    ]
    assert "two or more coders" in wb["Agreement"]["A2"].value


def test_control_characters_in_names_do_not_break_the_export(project, tmp_path):
    project.cases.add("YP\x02 9")  # e.g. from a REFI-QDA import or an old project; openpyxl refuses \x02
    path = tmp_path / "ctl.xlsx"
    export_workbook(project, path)
    wb = openpyxl.load_workbook(path)
    header_cells = [v for row in wb["Code x Case"].iter_rows(max_row=3, values_only=True) for v in row]
    assert "YP 9" in header_cells



def test_an_export_never_overwrites_a_project_file(project, project_path, tmp_path, passphrase):
    from qualcoder_cse.core import Project
    from qualcoder_cse.exporters.refi import export_qdpx

    for name, export in [("study.xlsx", export_workbook), ("study.qdpx", export_qdpx)]:
        victim = tmp_path / name  # a project given an export's name by mistake
        victim.write_bytes(project_path.read_bytes())
        before = victim.read_bytes()
        with pytest.raises(ProjectError, match="not an earlier export"):
            export(project, victim)
        assert victim.read_bytes() == before
    with Project.open(tmp_path / "study.xlsx", passphrase, readonly=True) as p:
        assert p.documents.count() == project.documents.count()
    out = tmp_path / "again.xlsx"
    export_workbook(project, out)
    export_workbook(project, out)  # an earlier export is replaced as before
    assert openpyxl.load_workbook(out)["README"]


def test_briefing_with_control_characters_in_quotes(project, tmp_path):
    from qualcoder_cse.exporters.briefing import export_briefing

    doc = project.documents.add("Ctl", "The officer\x0b said\x01 the hotel was known.\n", kind="police")
    for theme in project.codes.list():  # every theme's heading, description and quotes carry one
        project.codes.describe(theme.id, "Seen\x02 in transcripts")
        project.codes.rename(theme.id, theme.name + "\x03")
        project.codings.add(theme.id, doc.id, 0, 30)
    path = tmp_path / "brief.docx"
    export_briefing(project, path)
    assert path.stat().st_size > 0
