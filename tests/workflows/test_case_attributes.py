"""Import of case attributes from CSV and XLSX: matching, unmatched rows, type checks, new attributes."""

from __future__ import annotations

from datetime import datetime

import pytest
from openpyxl import Workbook

from qualcoder_cse.importers.errors import ImporterError, UnsupportedFormat
from qualcoder_cse.workflows.case_attributes import import_case_attributes


@pytest.fixture()
def cases(project):
    project.presets.add_research()
    for name in ("DI 1", "Analyst 2", "YP 7"):
        project.cases.add(name)
    return project


def test_csv_import_reports_unmatched_and_invalid(cases, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text(
        "Case,Participant group,Police force,Years in post,Interviewed\n"
        "DI 1,Police,GMP,12,2016-03-01\n"
        "analyst 2,police,Devon & Cornwall,3,2016-04-11\n"
        "Nobody,Police,Kent Police,1,2016-01-01\n"
        "YP 7,Child,,,\n",
        encoding="utf-8",
    )
    report = import_case_attributes(cases, path)
    assert report.rows == 4 and report.matched == 3
    assert report.unmatched == [(4, "Nobody")]
    assert [(r, c) for r, c, _ in report.invalid] == [(5, "Participant group")]
    assert report.new_attributes == ["Years in post", "Interviewed"]
    p = cases.attributes
    assert p.by_name("Years in post").type == "number" and p.by_name("Interviewed").type == "date"
    di = cases.cases.by_name("DI 1")
    assert p.values_for(di.id, "case") == {
        "Participant group": "Police", "Police force": "Greater Manchester Police",
        "Years in post": "12", "Interviewed": "2016-03-01",
    }
    assert p.values_for(cases.cases.by_name("Analyst 2").id, "case")["Police force"] == "Devon and Cornwall Police"
    assert p.values_for(cases.cases.by_name("YP 7").id, "case") == {}
    assert "Unmatched row 4: no case called 'Nobody'" in report.summary()


def test_xlsx_import_with_case_column_and_create_missing(cases, tmp_path):
    wb = Workbook()
    ws = wb.active
    ws.append(["Site", "Participant", "Area type", "Start"])
    ws.append(["North", "YP 7", "rural", datetime(2016, 5, 2)])
    ws.append(["South", "New person", "Urban", datetime(2017, 1, 9)])
    path = tmp_path / "cases.xlsx"
    wb.save(path)
    report = import_case_attributes(cases, path, case_column="participant", create_missing=True)
    assert report.case_column == "Participant" and report.created_cases == ["New person"]
    assert report.unmatched == [] and report.matched == 1
    new = cases.cases.by_name("New person")
    assert cases.attributes.values_for(new.id, "case") == {"Area type": "Urban", "Site": "South", "Start": "2017-01-09"}
    assert cases.attributes.values_for(cases.cases.by_name("YP 7").id, "case")["Area type"] == "Rural"


def test_bad_files(cases, tmp_path):
    with pytest.raises(UnsupportedFormat):
        (tmp_path / "a.pdf").write_bytes(b"%PDF")
        import_case_attributes(cases, tmp_path / "a.pdf")
    (tmp_path / "bad.xlsx").write_bytes(b"not a zip")
    with pytest.raises(ImporterError, match="not a readable Excel"):
        import_case_attributes(cases, tmp_path / "bad.xlsx")
    (tmp_path / "empty.csv").write_text("\n\n", encoding="utf-8")
    with pytest.raises(ImporterError, match="empty"):
        import_case_attributes(cases, tmp_path / "empty.csv")
    with pytest.raises(ImporterError, match="no such file"):
        import_case_attributes(cases, tmp_path / "missing.csv")


def test_csv_saved_as_excel_unicode_text_is_read(cases, tmp_path):
    path = tmp_path / "cases.txt"  # Excel "Unicode Text": UTF-16 with a byte order mark, tab-separated
    path.write_bytes("Case\tYears in post\nDI 1\t12\nYP 7\t\n".encode("utf-16"))
    report = import_case_attributes(cases, path)
    assert report.rows == 2 and report.matched == 2 and report.unmatched == []
    di = cases.cases.by_name("DI 1")
    assert cases.attributes.values_for(di.id, "case")["Years in post"] == "12"


def test_two_columns_with_one_name_are_refused(cases, tmp_path):
    path = tmp_path / "cases.csv"
    path.write_text("Case,Years in post,Years in post\nDI 1,12,3\n", encoding="utf-8")
    with pytest.raises(ImporterError, match="two columns called 'Years in post'"):
        import_case_attributes(cases, path)
    assert cases.attributes.by_name("Years in post") is None or not cases.attributes.values_for(
        cases.cases.by_name("DI 1").id, "case").get("Years in post")
