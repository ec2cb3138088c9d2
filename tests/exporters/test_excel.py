"""The analysis workbook, read back with openpyxl and pandas and compared with the hand-counted sample
project; the encrypted workbook must not open without its password and must open with it; no clear
temporary file. Every sheet is one table with its header in row 1 (issue 23)."""

from __future__ import annotations

import io
import sys
import tempfile
import zipfile
from pathlib import Path

import msoffcrypto
import openpyxl
import pandas as pd
import pytest

from qualcoder_cse import analysis as an
from qualcoder_cse.analysis import Filters
from qualcoder_cse.core import Project
from qualcoder_cse.core.errors import NotFound, ProjectError
from qualcoder_cse.exporters.excel import SHEETS, ExportOptions, build_workbook, export_workbook
from tests.conftest import PASSPHRASE

CASES = ["Board P1", "Board P2", "Police A", "Police B", "YP 1"]


def table(ws) -> dict[str, dict]:
    """A sheet's rows keyed by their first cell, each a {header: value} dict (the header is row 1)."""
    rows = list(ws.iter_rows(values_only=True))
    header = rows[0]
    return {r[0]: dict(zip(header, r, strict=False)) for r in rows[1:] if r[0] is not None}


@pytest.fixture()
def xlsx(sample, tmp_path):
    path = tmp_path / "study.xlsx"
    report = export_workbook(sample, path)
    assert report.codings == 13 and not report.encrypted
    return path


@pytest.fixture()
def workbook(xlsx):
    return openpyxl.load_workbook(xlsx)


def test_sheets_and_readme(workbook):
    assert workbook.sheetnames == list(SHEETS)
    readme = table(workbook["README"])
    assert readme["Project"]["Value"] == "Sample study"
    assert readme["Coders"]["Value"] == "alice, bob"
    assert readme["Grouped by"]["Value"] == "participant group"
    assert readme["Filter: Coders"]["Value"] == "all"
    assert "4 document(s) that either coded" in readme["Agreement compared"]["Value"]
    for name in SHEETS:
        assert f"Sheet: {name}" in readme


def test_every_sheet_is_one_table_with_its_header_in_row_1(xlsx, workbook):
    """pandas reads every sheet without "Unnamed" columns or blank rows; print setup on every sheet."""
    frames = pd.read_excel(xlsx, sheet_name=None)
    assert list(frames) == list(SHEETS)
    for name, df in frames.items():
        assert not [c for c in df.columns if str(c).startswith("Unnamed")], name
        assert not df.isna().all(axis=1).any(), f"{name} has an empty row"
        ws = workbook[name]
        assert ws.freeze_panes.endswith("2")
        assert ws.auto_filter.ref.startswith("A1:")
        assert ws.page_setup.orientation == "landscape"
        if ws.sheet_properties.pageSetUpPr.fitToPage:  # fits one page wide, as many down as needed
            assert ws.page_setup.fitToWidth == 1 and ws.page_setup.fitToHeight == 0
        else:  # too wide to read fitted: pages across, the first column(s) repeated on each
            assert ws.print_title_cols.startswith("$A:") and name == "Framework Matrix"
        assert ws.print_title_rows == "$1:$1"
        assert ws.oddHeader.left.text == name
    # one sheet per measure, read straight into numbers
    counts = frames["Code x Case codings"].set_index("Code")
    assert counts.loc["Voice", CASES].tolist() == [2, 0, 2, 1, 3]
    assert counts.loc["Voice", "Total"] == 8


def test_code_by_case_sheets(workbook):
    ws = workbook["Code x Case codings"]
    assert ws.freeze_panes == "C2"
    assert ws.auto_filter.ref == "A1:H7"
    assert len(ws.conditional_formatting) == 1
    counts = table(ws)
    assert [counts["Disruption"][c] for c in CASES] == [1, 1, 3, 0, 0]
    assert isinstance(counts["Voice"]["Police A"], int)  # numbers stored as numbers
    words = table(workbook["Code x Case words"])
    assert [words["Disruption"][c] for c in CASES] == [3, 2, 9, 0, 0]
    pct = table(workbook["Code x Case % words"])
    assert pct["Disruption"]["Police A"] == pytest.approx(64.29)
    assert "Total" not in pct["Disruption"]  # a sum of percentages means nothing
    presence = table(workbook["Code x Case presence"])
    assert [presence["Disruption/CAWN"][c] for c in CASES] == [0, 0, 1, 0, 0]
    cases = table(workbook["Cases"])
    assert cases["Police A"]["participant group"] == "police" and cases["Police A"]["Words"] == 14


def test_code_by_document_sheet(workbook):
    counts = table(workbook["Code x Document codings"])
    assert [counts["Disruption"][d] for d in ["Focus group", "Police 1", "Police 2", "YP chat"]] == [1, 3, 0, 0]
    docs = table(workbook["Documents"])
    assert docs["Police 2"]["Kind"] == "police" and docs["Police 2"]["force"] == "South"


def test_framework_matrix_sheet(workbook):
    ws = workbook["Framework Matrix"]
    rows = list(ws.iter_rows(values_only=True))
    assert rows[0][:5] == ("Case", "Disruption: quotes", "Disruption: summary", "Voice: quotes", "Voice: summary")
    by_case = {r[0]: r for r in rows[1:] if r[0]}
    assert by_case["Board P2"][1] == "“P2: Sharing” (Focus group, 40–51; alice)"
    assert by_case["Police A"][1].count("“") == 3
    assert by_case["Police B"][1] is None
    assert ws["B3"].alignment.wrap_text
    assert ws.column_dimensions["B"].width == 60 and ws.column_dimensions["C"].width == 40
    assert workbook["Codings"].column_dimensions["G"].width == 80
    police_a = next(i for i, r in enumerate(rows, 1) if r[0] == "Police A")
    assert ws.row_dimensions[police_a].height >= 3 * 15  # three quotes: three lines at least, not one


def test_cooccurrence_group_gaps_sheets(workbook):
    pairs = [r for r in workbook["Co-occurrence"].iter_rows(min_row=2, values_only=True) if r[0]]
    assert ("Disruption/CAWN", "Disruption/Hotels", 1, 0, pytest.approx(0.4118)) in [
        (a, b, c, d, e) for a, b, c, d, e in pairs
    ]
    grp = table(workbook["By Group codings"])
    assert list(grp["Disruption"])[2:] == ["board", "police", "young people"]
    assert list(grp["Disruption"].values())[2:] == [1, 3, 0]
    pct = table(workbook["By Group %"])
    assert list(pct["Disruption"])[2:] == ["board (n=2)", "police (n=2)", "young people (n=1)"]
    assert list(pct["Disruption"].values())[2:] == [100, 50, 0]
    scales = sorted(str(cf.sqref) for cf in workbook["By Group codings"].conditional_formatting)
    assert scales == ["C2:C7 D2:D7 E2:E7"]
    gaps = {
        (r[0], r[1]): r[2:] for r in workbook["Evidence Gaps"].iter_rows(min_row=2, values_only=True) if r[0]
    }
    assert gaps[("Disruption", "young people")] == (0, 0, 0, "no evidence")
    assert gaps[("Voice", "police")] == (2, 2, 3, None)
    assert gaps[("Disruption", "board")] == (1, 2, 1, "single source")


def test_agreement_links_memos_codings_sheets(sample, workbook):
    ag = table(workbook["Agreement"])
    cawn = ag["Disruption/CAWN"]
    assert list(cawn.values())[1:9] == ["alice", "bob", 4, 237, 15, 6, 0, 216]
    assert ag["Gaps"]["Note"] == "not used by either" and ag["Gaps"]["Cohen's kappa"] is None
    assert ag["Gaps"]["% agreement"] is None
    pooled = table(workbook["Agreement pooled"])
    assert pooled["alice"]["Coder B"] == "bob"
    assert "Police 2" in pooled["alice"]["What was compared"]
    alpha = table(workbook["Agreement alpha"])
    assert alpha["Gaps"]["Note"] == "not used by any coder"
    assert alpha["All codes pooled"]["Krippendorff's alpha"] is not None
    links = list(workbook["Links"].iter_rows(min_row=2, values_only=True))
    assert links[0][:4] == ("Disruption/CAWN", "leads to", "Voice/Listened", "notices reassure")
    memos = list(workbook["Memos"].iter_rows(min_row=2, values_only=True))
    assert memos[0][:4] == ("code", "Disruption", "Scope", "Disruption covers CAWN and hotel work.")
    # the note written on a coding is a memo too (the sheet was empty of them before)
    assert ("coding", "Police 1, 7–28: Disruption/CAWN", None, "CAWN use", "alice") in [m[:5] for m in memos]
    codings = list(workbook["Codings"].iter_rows(min_row=2, values_only=True))
    assert len(codings) == 13
    first = codings[0]
    assert first == ("Police 1", "Police A", "Disruption/CAWN", "alice", 7, 28, "warning notices a lot", "CAWN use")
    spanning = next(r for r in codings if r[2] == "Disruption")
    assert spanning[1] == "Board P1; Board P2"


def test_filters_reach_the_workbook(sample, tmp_path):
    path = tmp_path / "bob.xlsx"
    export_workbook(sample, path, ExportOptions(filters=Filters(coders=["bob"]), group_by="kind"))
    wb = openpyxl.load_workbook(path)
    readme = table(wb["README"])
    assert readme["Filter: Coders"]["Value"] == "bob" and readme["Grouped by"]["Value"] == "kind"
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
    assert table(wb["Code x Case codings"])["Disruption"]["Police A"] == 3


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
    header = next(wb["Code x Case codings"].iter_rows(min_row=1, max_row=1, values_only=True))
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
    header_cells = next(wb["Code x Case codings"].iter_rows(max_row=1, values_only=True))
    assert "YP 9" in header_cells



def test_an_export_never_overwrites_a_project_file(project, project_path, tmp_path, passphrase):
    from qualcoder_cse.core import Project
    from qualcoder_cse.interchange.refi import export_qdpx

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


def test_briefing_quotes_a_passage_once_when_two_coders_coded_it(sample, tmp_path):
    """alice coded "warning notices a lot", bob "warning notices" inside it: one exemplar, not two."""
    import docx

    from qualcoder_cse.exporters.briefing import export_briefing

    path = tmp_path / "brief.docx"
    export_briefing(sample, path, exemplars=5)
    by_theme: dict[str, list[str]] = {}
    theme = ""
    for p in docx.Document(str(path)).paragraphs:
        if p.style.name == "Heading 1":
            theme = p.text
        elif p.style.name == "Intense Quote":
            by_theme.setdefault(theme, []).append(p.text)
    assert [q for q in by_theme["Disruption"] if "warning notices" in q] == ["“warning notices a lot” (Police 1)"]
    for quotes in by_theme.values():  # no exemplar of a theme is a part of another from the same document
        split = [(q.rsplit(" (", 1)[0].strip("“”"), q.rsplit(" (", 1)[1]) for q in quotes]
        for a, doc_a in split:
            for b, doc_b in split:
                assert a == b or doc_a != doc_b or a not in b


def test_large_sheet_streams_into_the_zip_and_reads_back(tmp_path):
    """A sheet larger than the writer's flush size goes into the zip in pieces as rows come (no whole XML in
    memory); the workbook still reads back row for row, the sheet before and after it too."""
    from qualcoder_cse.exporters.excel_sheet import write_table
    from qualcoder_cse.exporters.xlsx_stream import MemorySheetWriter, new_workbook, save_to_bytes

    wb = new_workbook()
    write_table(wb, "Before", ["A"], [["first"]])
    rows = [[i, f"quote {i} – “don't” & <tag> {'x' * (i % 90)}"] for i in range(40_000)]
    sheet = write_table(wb, "Big", ["N", "Text"], rows, wrap=(1,))
    assert isinstance(sheet.ws._writer, MemorySheetWriter) and sheet.ws._writer.stream is not None
    write_table(wb, "After", ["B"], [["last"]])
    path = tmp_path / "big.xlsx"
    path.write_bytes(save_to_bytes(wb))
    with zipfile.ZipFile(path) as z:
        assert z.getinfo("xl/worksheets/sheet2.xml").file_size > 2 * MemorySheetWriter.FLUSH
    book = openpyxl.load_workbook(path, read_only=True)
    assert book.sheetnames == ["Before", "Big", "After"]
    got = list(book["Big"].iter_rows(values_only=True))
    assert got[0] == ("N", "Text") and len(got) == 40_001
    assert [list(r) for r in got[1:]] == rows
    assert list(book["After"].iter_rows(values_only=True)) == [("B",), ("last",)]


def test_workbook_lets_go_of_word_positions_and_says_so_if_asked_again(sample):
    """The export's own data drop their word positions after the matrices (memory); counting words on them
    afterwards is a clear error, never a silent 0."""
    from qualcoder_cse import analysis as an
    from qualcoder_cse.core.errors import InvalidValue
    from qualcoder_cse.exporters.excel import build_workbook

    data = an.load(sample)
    before = an.code_by_case(data).words.copy()
    assert int(before.to_numpy().sum()) > 0
    payload = build_workbook(data, ExportOptions())
    assert data.words_forgotten and data.word_starts == {}
    book = openpyxl.load_workbook(io.BytesIO(payload), read_only=True)  # the workbook itself is whole
    words = {r[0]: r for r in book["Code x Case words"].iter_rows(values_only=True)}
    assert list(words["Disruption"][2:7]) == before.iloc[0].tolist()
    data.cache.clear()
    with pytest.raises(InvalidValue, match="word positions"):
        an.code_by_case(data)


def _sheets(payload: bytes) -> dict[str, list[tuple]]:
    wb = openpyxl.load_workbook(io.BytesIO(payload), read_only=True)
    out = {ws.title: list(ws.iter_rows(values_only=True)) for ws in wb.worksheets}
    wb.close()
    return out


def test_texts_read_one_at_a_time_make_the_same_workbook(tmp_path):
    """The export reads each text when a sheet asks for it (a few kept, never the corpus): every sheet read
    back equals the workbook made with every text in memory, on the benchmark generator's study (accents,
    emoji, speaker-turn cases, three coders), and the texts read on demand stay a few at a time."""
    bench = Path(__file__).resolve().parents[2] / "bench"
    sys.path.insert(0, str(bench))
    try:
        import make_project as mp
    finally:
        sys.path.remove(str(bench))
    path = tmp_path / "bench.qcse"
    mp.load_project(mp.generate(mp.Spec().scaled(0.004)), path, PASSPHRASE)
    with Project.open(path, PASSPHRASE, readonly=True) as p:
        held = an.load(p, with_memos=True)
        on_demand = an.load(p, with_memos=True, texts_on_demand=True)
        assert isinstance(on_demand.texts, an.data.TextsOnDemand) and len(on_demand.texts) == len(held.texts)
        on_demand.created_at = held.created_at
        sheets = _sheets(build_workbook(on_demand, ExportOptions()))
        assert 0 < len(on_demand.texts._kept) <= on_demand.texts.KEEP
        assert sheets == _sheets(build_workbook(held, ExportOptions()))
    codings = sheets["Codings"]
    assert len(codings) > 100 and all(isinstance(r[6], str) and r[6] for r in codings[1:])
