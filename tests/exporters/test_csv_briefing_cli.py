"""CSV files, the Word briefing and the ``export`` command on the hand-counted sample project."""

from __future__ import annotations

import csv
import io

import docx
import msoffcrypto
import openpyxl
import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.exporters.briefing import export_briefing
from qualcoder_cse.exporters.csv_export import export_csv
from qualcoder_cse.exporters.excel import SHEETS, ExportOptions, export_workbook
from tests.conftest import PASSPHRASE


def read_csv(path):
    with open(path, encoding="utf-8-sig", newline="") as fh:
        return list(csv.reader(fh))


def test_csv_per_table(sample, tmp_path):
    paths = export_csv(sample, tmp_path / "csv")
    names = {p.name for p in paths}
    assert {
        "code_x_case_codings.csv",
        "code_x_document_words.csv",
        "cases.csv",
        "framework_matrix.csv",
        "cooccurrence.csv",
        "by_group_codings.csv",
        "by_group_percent.csv",
        "evidence_gaps.csv",
        "agreement.csv",
        "agreement_pooled.csv",
        "codings.csv",
    } <= names
    rows = read_csv(tmp_path / "csv" / "code_x_case_codings.csv")
    assert rows[0] == ["Code", "Level", "Board P1", "Board P2", "Police A", "Police B", "YP 1", "Total"]
    assert rows[1] == ["Disruption", "1", "1", "1", "3", "0", "0", "5"]
    gaps = read_csv(tmp_path / "csv" / "evidence_gaps.csv")
    assert ["Gaps", "police", "0", "0", "0", "no evidence"] in gaps
    codings = read_csv(tmp_path / "csv" / "codings.csv")
    assert len(codings) == 14 and codings[1][6:] == ["warning notices a lot", "CAWN use"]


def test_csv_files_hold_the_workbook_tables(sample, tmp_path):
    """One table model: each CSV file holds exactly the rows of its workbook sheet (read back with openpyxl),
    and every sheet but the README has its file."""
    paths = export_csv(sample, tmp_path / "csv")
    book = openpyxl.load_workbook(export_workbook(sample, tmp_path / "study.xlsx").path, read_only=True)
    by_stem = {p.stem: p for p in paths}
    assert len(paths) == len(book.sheetnames) - 1
    for title in book.sheetnames[1:]:
        stem = (title.lower().replace(" x ", "_x_").replace("% words", "percent").replace("%", "percent")
                .replace("-", "").replace(" ", "_"))
        sheet = [_trimmed(row) for row in book[title].iter_rows(values_only=True)]
        assert [_trimmed(row) for row in read_csv(by_stem[stem])] == sheet, title


def _trimmed(row) -> list:
    """A row as comparable values, without the empty cells at its end (read-only openpyxl leaves them out)."""
    out = [_same(v) for v in row]
    while out and out[-1] == "":
        out.pop()
    return out


def _same(v):
    """A cell as a comparable value: numbers as floats (CSV writes 0.0 where the sheet reads back 0)."""
    if v is None:
        return ""
    try:
        return float(v)
    except ValueError:
        return str(v)


def test_briefing_counts_and_exemplars(sample, tmp_path):
    path = export_briefing(sample, tmp_path / "brief.docx", exemplars=2)
    d = docx.Document(str(path))
    headings = [p.text for p in d.paragraphs if p.style.name.startswith("Heading 1")]
    assert headings == ["Disruption", "Voice", "Gaps"]
    table = d.tables[0]
    assert [c.text for c in table.rows[0].cells] == ["participant group", "Codings", "% of cases"]
    assert [c.text for c in table.rows[1].cells] == ["board (n=2)", "1", "100%"]
    quotes = [p.text for p in d.paragraphs if p.style.name == "Intense Quote"]
    assert len(quotes) == 2 + 2  # two per theme with evidence, none for Gaps
    assert any("No coded evidence" in p.text for p in d.paragraphs)


def test_briefing_encrypted(sample, tmp_path):
    path = export_briefing(sample, tmp_path / "brief.docx", ExportOptions(password="pw"))
    office = msoffcrypto.OfficeFile(io.BytesIO(path.read_bytes()))
    assert office.is_encrypted()
    office.load_key(password="pw")
    clear = io.BytesIO()
    office.decrypt(clear)
    assert docx.Document(clear).tables


def test_cli_export_encrypted_with_password_file(sample_path, tmp_path, monkeypatch, capsys):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("QUALCODER_CSE_EXPORT_PASSWORD", raising=False)
    pw = tmp_path / "pw.txt"
    pw.write_text("workbook pw\n")
    out = tmp_path / "out.xlsx"
    code = main(
        [
            "export",
            str(sample_path),
            str(out),
            "--coder",
            "alice",
            "--group-by",
            "kind",
            "--encrypt",
            "--password-file",
            str(pw),
            "--briefing",
            str(tmp_path / "b.docx"),
            "--csv",
            str(tmp_path / "c"),
        ]
    )
    assert code == 0
    printed = capsys.readouterr().out
    assert "9 codings, encrypted" in printed and "CSV files are not encrypted" in printed
    office = msoffcrypto.OfficeFile(io.BytesIO(out.read_bytes()))
    office.load_key(password="workbook pw")
    clear = io.BytesIO()
    office.decrypt(clear)
    readme = {r[0]: r[1] for r in openpyxl.load_workbook(clear)["README"].iter_rows(values_only=True) if r[0]}
    assert readme["Coders"] == "alice" and readme["Grouped by"] == "kind"


@pytest.mark.parametrize(
    "extra, env, message",
    [
        (["--group-by", "nope"], {}, "No attribute called 'nope'"),
        (["--encrypt"], {}, "No workbook password"),
        (["--coder", "zed"], {}, "No coder called 'zed'"),
        (["--attr", "novalue"], {}, "--attr takes NAME=VALUE"),
    ],
)
def test_cli_export_errors_are_one_line(sample_path, tmp_path, monkeypatch, capsys, extra, env, message):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", PASSPHRASE)
    monkeypatch.delenv("QUALCODER_CSE_EXPORT_PASSWORD", raising=False)
    monkeypatch.setattr("sys.stdin", io.StringIO(""))
    out = tmp_path / "out.xlsx"
    code = main(["export", str(sample_path), str(out)] + extra)
    err = capsys.readouterr().err
    assert code != 0
    assert message in err and err.count("\n") == 1 and "Traceback" not in err
    assert not out.exists()


def test_cli_export_json(sample_path, tmp_path, monkeypatch, capsys):
    import json

    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", PASSPHRASE)
    monkeypatch.setenv("QUALCODER_CSE_EXPORT_PASSWORD", "env workbook password")
    assert main(["export", str(sample_path), str(tmp_path / "o.xlsx"), "--encrypt", "--json"]) == 0
    out = json.loads(capsys.readouterr().out)
    assert out["encrypted"] is True and out["codings"] == 13 and out["sheets"] == list(SHEETS)
