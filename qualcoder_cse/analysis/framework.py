"""Framework matrix: cases (rows) x themes (columns); each cell holds the coded quotes (document and position)
and the researcher's summary of the cell (edited in the app, kept in the project, exported).

Themes are the top-level codes by default, or any codes given; a theme's cell gathers the codings of the theme
and its subtree (roll-up), each segment once, clipped to what the case covers (a focus-group speaker's turns).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import pandas as pd

from .data import AnalysisData
from .matrices import case_hits, code_units

EXCEL_CELL_LIMIT = 32_000  # Excel holds at most 32,767 characters in a cell


@dataclass(frozen=True)
class Quote:
    document_id: int
    document: str
    start: int
    end: int
    coder: str
    code: str
    text: str

    def cite(self) -> str:
        return f"“{self.text}” ({self.document}, {self.start}–{self.end}; {self.coder})"


@dataclass
class FrameworkMatrix:
    themes: pd.DataFrame  # id, path
    cases: pd.DataFrame  # id, name
    cells: dict[tuple[int, int], Sequence[Quote]]  # (case id, theme id) -> quotes in document order
    summaries: dict[tuple[int, int], str]

    def quotes(self, case_id: int, theme_id: int) -> list[Quote]:
        return list(self.cells.get((int(case_id), int(theme_id)), []))

    def cell_text(self, case_id: int, theme_id: int, limit: int = EXCEL_CELL_LIMIT) -> str:
        quotes = self.cells.get((int(case_id), int(theme_id)), [])  # made one at a time, up to the limit
        parts, size = [], 0
        for i, q in enumerate(quotes):
            part = q.cite()
            if size + len(part) + 2 > limit:
                parts.append(f"… {len(quotes) - i} more quote(s): see the Codings sheet.")
                break
            parts.append(part)
            size += len(part) + 2
        return "\n\n".join(parts)

    def counts(self) -> pd.DataFrame:
        """Quotes per cell: cases x themes (ids)."""
        df = pd.DataFrame(
            0, index=self.cases["id"].tolist(), columns=self.themes["id"].tolist(), dtype="int64"
        )
        for (case_id, theme_id), quotes in self.cells.items():
            if case_id in df.index and theme_id in df.columns:
                df.loc[case_id, theme_id] = len(quotes)
        return df


class _CellQuotes(Sequence):
    """The quotes of one framework cell, made when read (the text from ``data``): a workbook writes the
    cells one row of cases at a time, so 100,000 quotes with their texts are never held at once."""

    def __init__(self, data: AnalysisData, coder_of: dict, rows) -> None:
        self._data, self._coder_of, self._rows = data, coder_of, rows  # document, cs, ce, coder, code

    def __len__(self) -> int:
        return len(self._rows)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[j] for j in range(*i.indices(len(self)))]
        doc_id, cs, ce, coder_id, code_id = (int(v) for v in self._rows[i])
        d = self._data
        return Quote(doc_id, d.document_names.get(doc_id, str(doc_id)), cs, ce, self._coder_of.get(coder_id, ""),
                     d.code_label(code_id), d.text(doc_id, cs, ce))


def theme_ids(data: AnalysisData, themes: list[int] | None = None) -> list[int]:
    if themes:
        known = set(data.codes["id"])
        return [int(t) for t in themes if int(t) in known]
    return data.codes.loc[data.codes["depth"] == 1, "id"].astype(int).tolist()


def framework_matrix(data: AnalysisData, themes: list[int] | None = None) -> FrameworkMatrix:
    ids = theme_ids(data, themes)
    m = case_hits(data, rollup=True)
    m = m[m["row_code"].isin(ids)]
    # each segment once per cell; a segment split over two turns of the same case keeps both parts
    m = m.drop_duplicates(["row_code", "unit", "document_id", "cs", "ce", "coder_id"])
    m = m.sort_values(["unit", "row_code", "document_id", "cs", "ce"])
    coder_of = dict(zip(data.codings["coder_id"], data.codings["coder"], strict=False))
    cols = m[["document_id", "cs", "ce", "coder_id", "code_id"]].to_numpy(dtype="int64")
    keys = list(zip(m["unit"].tolist(), m["row_code"].tolist(), strict=True))
    cells: dict[tuple[int, int], Sequence[Quote]] = {}
    first = 0
    for i in range(1, len(keys) + 1):  # rows are sorted by cell: one slice per cell
        if i == len(keys) or keys[i] != keys[first]:
            cells[(int(keys[first][0]), int(keys[first][1]))] = _CellQuotes(data, coder_of, cols[first:i])
            first = i
    themes_df = data.codes[data.codes["id"].isin(ids)][["id", "path"]]
    themes_df = themes_df.set_index("id").loc[ids].reset_index()
    summaries = {k: v for k, v in data.summaries.items() if k[1] in set(ids)}
    return FrameworkMatrix(themes_df, data.cases[["id", "name"]].reset_index(drop=True), cells, summaries)


def quotes_for(
    data: AnalysisData,
    code_id: int,
    *,
    case_id: int | None = None,
    document_id: int | None = None,
    rollup: bool = True,
) -> list[Quote]:
    """The quotes behind one matrix cell: the codings of a code (and, rolled up, its subtree) in one case
    (clipped to what the case covers) or one document, each segment once, in document order."""
    if case_id is not None:
        units = data.segments[data.segments["case_id"] == case_id]
        units = units.rename(columns={"case_id": "unit", "start": "u_start", "end": "u_end"})
    else:
        docs = data.documents[data.documents["id"] == document_id]
        units = pd.DataFrame(
            {"unit": docs["id"], "document_id": docs["id"], "u_start": 0, "u_end": docs["char_count"]}
        )
    m = code_units(data, units[["unit", "document_id", "u_start", "u_end"]], rollup=rollup)
    m = m[m["row_code"] == int(code_id)]
    m = m.drop_duplicates(["document_id", "cs", "ce", "coder_id"]).sort_values(["document_id", "cs", "ce"])
    coder_of = dict(zip(data.codings["coder_id"], data.codings["coder"], strict=False))
    return [
        Quote(
            int(d),
            data.document_names.get(d, str(d)),
            int(s),
            int(e),
            coder_of.get(k, ""),
            data.code_label(c),
            data.text(d, s, e),
        )
        for d, s, e, k, c in m[["document_id", "cs", "ce", "coder_id", "code_id"]].itertuples(index=False)
    ]
