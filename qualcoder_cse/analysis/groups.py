"""Themes by group and evidence gaps: codes compared across the values of an attribute.

The grouping attribute is a case attribute (participant group, force, policing model: the units are cases),
a document attribute, or ``kind`` (the document kind: police, lscb, young_person...; the units are documents).
Units without a value fall in the group "(no value)". Codes are rolled up (a theme counts its subtree, each
segment once).

- Themes by group: per code and group, the codings (distinct segments) and the % of the group's units in
  which the code is present.
- Evidence gaps: per theme and group, the sources (documents) and cases with evidence, and the codings; a
  theme with no source in a group is flagged "no evidence", with one source "single source".
"""

from __future__ import annotations

from dataclasses import dataclass

import pandas as pd

from .data import AnalysisData
from .framework import theme_ids
from .matrices import case_hits

NO_VALUE = "(no value)"


@dataclass
class GroupTable:
    attribute: str
    unit_kind: str  # "case" or "document"
    groups: list[str]
    group_sizes: dict[str, int]  # units per group
    rows: pd.DataFrame  # id, path, depth
    codings: pd.DataFrame  # code id x group
    present: pd.DataFrame  # units with the code, code id x group
    percent: pd.DataFrame  # % of the group's units with the code


def _case_groups(data: AnalysisData, attribute: str) -> dict[int, str]:
    vals = data.case_attributes[data.case_attributes["attribute"].str.casefold() == attribute.casefold()]
    by_case = dict(zip(vals["target_id"], vals["value"], strict=False))
    return {int(c): by_case.get(c, NO_VALUE) for c in data.cases["id"]}


def _document_groups(data: AnalysisData, attribute: str, scope: str) -> dict[int, str]:
    if scope == "kind":
        return dict(zip(data.documents["id"].astype(int), data.documents["kind"], strict=False))
    vals = data.document_attributes[
        data.document_attributes["attribute"].str.casefold() == attribute.casefold()
    ]
    by_doc = dict(zip(vals["target_id"], vals["value"], strict=False))
    return {int(d): by_doc.get(d, NO_VALUE) for d in data.documents["id"]}


def _case_hits(data: AnalysisData) -> pd.DataFrame:
    return case_hits(data, rollup=True)


def _assignments(data: AnalysisData, attribute: str) -> tuple[str, dict[int, str], pd.DataFrame]:
    """(unit kind, unit -> group, rows of: row_code, unit, document_id, start, end, coder_id, case_id,
    group)."""
    scope = data.attribute_scope(attribute)
    case_hits = _case_hits(data)
    if scope == "case":
        groups = _case_groups(data, attribute)
        df = case_hits.assign(case_id=case_hits["unit"])
        df["group"] = df["unit"].map(groups)
        return "case", groups, df
    groups = _document_groups(data, attribute, scope)
    c = data.codings[["id", "code_id", "document_id", "start", "end", "coder_id"]].merge(
        data.ancestry, on="code_id"
    )
    c["unit"] = c["document_id"]
    c["group"] = c["document_id"].map(groups)
    cases_of = case_hits[["id", "row_code", "unit"]].rename(columns={"unit": "case_id"}).drop_duplicates()
    c = c.merge(cases_of, on=["id", "row_code"], how="left")
    c["case_id"] = c["case_id"].fillna(-1).astype("int64")
    return "document", groups, c


def _ordered_groups(groups: dict[int, str]) -> list[str]:
    names = sorted({g for g in groups.values() if g != NO_VALUE}, key=str.casefold)
    if NO_VALUE in groups.values():
        names.append(NO_VALUE)
    return names


def by_group(data: AnalysisData, attribute: str) -> GroupTable:
    kind, groups, df = _assignments(data, attribute)
    names = _ordered_groups(groups)
    sizes = pd.Series(list(groups.values()), dtype=object).value_counts().to_dict() if groups else {}
    rows = data.codes[["id", "path", "depth"]].reset_index(drop=True)
    index = rows["id"].tolist()
    seg = df.drop_duplicates(["row_code", "group", "document_id", "start", "end", "coder_id"])
    codings = seg.groupby(["row_code", "group"]).size().unstack("group") if len(seg) else None
    units = df.drop_duplicates(["row_code", "unit"])
    present = units.groupby(["row_code", "group"]).size().unstack("group") if len(units) else None

    def shape(m) -> pd.DataFrame:
        if m is None:
            return pd.DataFrame(0, index=index, columns=names, dtype="int64")
        return m.reindex(index=index, columns=names).fillna(0).astype("int64")

    codings_df, present_df = shape(codings), shape(present)
    size_row = pd.Series({g: sizes.get(g, 0) for g in names}, dtype=float)
    percent = (present_df.div(size_row.replace(0, float("nan")), axis=1) * 100).fillna(0.0).round(1)
    return GroupTable(
        attribute,
        kind,
        names,
        {g: int(sizes.get(g, 0)) for g in names},
        rows,
        codings_df,
        present_df,
        percent,
    )


def evidence_gaps(data: AnalysisData, attribute: str, themes: list[int] | None = None) -> pd.DataFrame:
    """One row per theme and group: theme, group, sources, cases, codings, flag."""
    ids = theme_ids(data, themes)
    _kind, groups, df = _assignments(data, attribute)
    names = _ordered_groups(groups)
    df = df[df["row_code"].isin(ids)]
    records = []
    grouped = {key: g for key, g in df.groupby(["row_code", "group"])}
    paths = dict(zip(data.codes["id"], data.codes["path"], strict=False))
    for theme in ids:
        for group in names:
            g = grouped.get((theme, group))
            if g is None:
                sources = cases = codings = 0
            else:
                sources = g["document_id"].nunique()
                cases = g.loc[g["case_id"] >= 0, "case_id"].nunique()
                codings = len(g.drop_duplicates(["document_id", "start", "end", "coder_id"]))
            flag = "no evidence" if sources == 0 else ("single source" if sources == 1 else "")
            records.append((theme, paths.get(theme, str(theme)), group, sources, cases, codings, flag))
    return pd.DataFrame.from_records(
        records, columns=["theme_id", "theme", "group", "sources", "cases", "codings", "flag"]
    )


def default_group_attribute(data: AnalysisData) -> str:
    """The attribute to compare by when none is given: a case attribute called like 'participant group' or
    'group', else the document kind."""
    names = list(dict.fromkeys(data.case_attributes["attribute"].tolist()))
    for wanted in ("participant group", "group", "participant type"):
        for n in names:
            if n.casefold() == wanted:
                return n
    return "kind"
