"""Import case attributes from a CSV or XLSX sheet into a project: one row per case, one column per attribute.

The case column is the one named ``case_column``, else the first column called case / case name / name /
participant / id, else the first column. Other columns fill the case attribute of the same name
(case-insensitive); a column with no attribute yet becomes a new one whose type is inferred (number, date,
else text). Rows whose case does not exist are reported as unmatched (or create the case with
``create_missing``); values that do not fit their attribute are reported and skipped. Everything that is
written is written in one transaction. The report lists case names and column names only. The sheet is read
by ``importers.sheets.read_table``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field
from datetime import date
from typing import TYPE_CHECKING

from ..core.errors import InvalidValue
from ..importers.sheets import read_table

if TYPE_CHECKING:
    from ..core.project import Project

_CASE_HEADERS = ("case", "case name", "name", "participant", "participant id", "id")


@dataclass
class AttributeImportReport:
    rows: int = 0
    matched: int = 0
    created_cases: list[str] = field(default_factory=list)
    unmatched: list[tuple[int, str]] = field(default_factory=list)  # (row number in the sheet, case name)
    invalid: list[tuple[int, str, str]] = field(default_factory=list)  # (row, column, reason)
    new_attributes: list[str] = field(default_factory=list)
    ignored_columns: list[str] = field(default_factory=list)
    values_set: int = 0
    case_column: str = ""

    def summary(self) -> str:
        head = (
            f"{self.rows} rows read (case column '{self.case_column}'): {self.matched} matched a case, "
            f"{len(self.created_cases)} new cases, {len(self.unmatched)} unmatched; {self.values_set} values set."
        )
        lines = [head]
        if self.new_attributes:
            lines.append("New attributes: " + ", ".join(self.new_attributes) + ".")
        if self.ignored_columns:
            lines.append("Ignored columns (no header): " + ", ".join(self.ignored_columns) + ".")
        for row, name in self.unmatched:
            lines.append(f"Unmatched row {row}: no case called '{name}'." if name else f"Row {row}: no case name.")
        for row, column, reason in self.invalid:
            lines.append(f"Row {row}, column '{column}': {reason}")
        return "\n".join(lines)


def _infer_type(values: list[str]) -> str:
    values = [v for v in values if v.strip()]
    if not values:
        return "text"
    try:
        for v in values:
            float(v.replace(",", ""))
        return "number"
    except ValueError:
        pass
    try:
        for v in values:
            date.fromisoformat(v[:10])
        return "date"
    except ValueError:
        return "text"


def import_case_attributes(
    project: Project, path: str | os.PathLike, *, case_column: str | None = None, create_missing: bool = False
) -> AttributeImportReport:
    headers, body = read_table(path)
    report = AttributeImportReport(rows=len(body))
    lowered = [h.casefold() for h in headers]
    if case_column is not None:
        if case_column.casefold() not in lowered:
            raise InvalidValue(f"The sheet has no column '{case_column}'.")
        key = lowered.index(case_column.casefold())
    else:
        key = next((lowered.index(h) for h in _CASE_HEADERS if h in lowered), 0)
    report.case_column = headers[key]
    columns = [(i, h) for i, h in enumerate(headers) if i != key and h]
    report.ignored_columns = [f"#{i + 1}" for i, h in enumerate(headers) if i != key and not h]
    with project.transaction():
        attrs = {}
        for i, h in columns:
            attr = project.attributes.by_name(h, "case")
            if attr is None:
                kind = _infer_type([r[i] for _n, r in body if i < len(r)])
                attr = project.attributes.add(h, scope="case", type=kind)
                report.new_attributes.append(h)
            attrs[i] = attr
        for number, row in body:
            name = row[key].strip() if key < len(row) else ""
            case = project.cases.by_name(name) if name else None
            if case is None:
                if not name or not create_missing:
                    report.unmatched.append((number, name))
                    continue
                case = project.cases.add(name)
                report.created_cases.append(name)
            else:
                report.matched += 1
            for i, attr in attrs.items():
                value = row[i].strip() if i < len(row) else ""
                if not value:
                    continue
                try:
                    project.attributes.set_value(attr.id, case.id, project.presets.stored_value(attr, value))
                    report.values_set += 1
                except InvalidValue as exc:
                    report.invalid.append((number, attr.name, str(exc)))
        project.audit.record(
            "import case attributes", "attribute", None,
            f"rows={report.rows} matched={report.matched} unmatched={len(report.unmatched)}",
        )
    return report
