"""The data every analysis works on, loaded once from a project and filtered: codings, the code tree with
its ancestry (for roll-ups), documents, cases and what they cover, turns, attributes, and per-document word
positions (for "words coded"). Built by ``load(project, filters)``; all analyses are pure functions of it.

Filters (all optional, combined with AND):
- documents: ids or names; kinds: document kinds; coders: coder names;
- codes: code paths (a code brings its whole subtree);
- attributes: {attribute name: [values]}; a case attribute keeps the cases with one of the values (and the
  codings inside what those cases cover), a document attribute keeps the documents with one of the values.
When the documents are filtered, the cases are those found in the documents kept.
"""

from __future__ import annotations

import re
from collections import OrderedDict
from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import numpy as np
import pandas as pd
from threadpoolctl import threadpool_limits

from ..core.errors import InvalidValue, NotFound
from ..core.frames import END_OF_DOCUMENT
from ..core.word_index import decode, word_starts_of

if TYPE_CHECKING:
    from ..core.project import Project

_WORD = re.compile(r"\w+(?:['’]\w+)*")  # the same rule as core.util.word_count


Progress = Callable[[int, int, str], None]


class WordStarts(Mapping):
    """{document id: word start offsets}. A document's offsets are kept as the stored word index keeps them
    (``core.word_index``: about one byte a word, 5 MB for 5 M words against 20 MB as int32) and decoded
    when asked; a document without a stored row keeps the offsets found in its text."""

    def __init__(self, stored: dict[int, tuple[bytes, bytes]], found: dict[int, np.ndarray]) -> None:
        self._stored, self._found = stored, found

    def __getitem__(self, document_id: int) -> np.ndarray:
        if document_id in self._found:
            return self._found[document_id]
        return decode(*self._stored[document_id])

    def __iter__(self) -> Iterator[int]:
        return iter([*self._stored, *self._found])

    def __len__(self) -> int:
        return len(self._stored) + len(self._found)


class TextsOnDemand(Mapping):
    """{document id: text}, each read from the project when asked and the last few kept: an export reads
    the texts in document order, so the corpus (40 MB on the large study) is never held at once."""

    KEEP = 8

    def __init__(self, project: Project, document_ids: list[int]) -> None:
        self._project, self._ids, self._kept = project, [int(d) for d in document_ids], OrderedDict()
        self._known = set(self._ids)

    def __getitem__(self, document_id: int) -> str:
        document_id = int(document_id)
        if document_id not in self._known:
            raise KeyError(document_id)
        text = self._kept.pop(document_id, None)
        if text is None:
            text = self._project.frames.text(document_id)
        self._kept[document_id] = text
        if len(self._kept) > self.KEEP:
            self._kept.popitem(last=False)
        return text

    def __iter__(self) -> Iterator[int]:
        return iter(self._ids)

    def __len__(self) -> int:
        return len(self._ids)


@dataclass
class Filters:
    documents: list[int | str] = field(default_factory=list)
    kinds: list[str] = field(default_factory=list)
    coders: list[str] = field(default_factory=list)
    codes: list[str] = field(default_factory=list)
    attributes: dict[str, list[str]] = field(default_factory=dict)

    def describe(self) -> list[tuple[str, str]]:
        """Plain (filter, value) pairs for the README sheet; 'all' where unfiltered."""
        attrs = "; ".join(f"{k} = {', '.join(map(str, v))}" for k, v in self.attributes.items())
        return [
            ("Documents", ", ".join(map(str, self.documents)) or "all"),
            ("Document kinds", ", ".join(self.kinds) or "all"),
            ("Coders", ", ".join(self.coders) or "all"),
            ("Codes", ", ".join(self.codes) or "all"),
            ("Attribute values", attrs or "none"),
        ]


@dataclass
class AnalysisData:
    project_name: str
    filters: Filters
    created_at: str
    codings: pd.DataFrame  # id, code_id, document_id, start, end, coder_id, coder, memo
    codes: pd.DataFrame  # tree order: id, parent_id, name, path, depth, colour, description, order
    ancestry: pd.DataFrame  # code_id, row_code: each code with itself and every ancestor
    documents: pd.DataFrame  # id, name, kind, char_count (END_OF_DOCUMENT when the texts are not loaded)
    cases: pd.DataFrame  # id, name, description, guid
    segments: pd.DataFrame  # case_id, document_id, start, end, turn
    turns: pd.DataFrame  # id, document_id, start, end, speaker, case_id
    case_attributes: pd.DataFrame  # attribute, target_id, value
    document_attributes: pd.DataFrame
    coders: list[str]
    texts: Mapping[int, str]  # a dict, or TextsOnDemand
    word_starts: Mapping[int, np.ndarray]  # a dict, or WordStarts
    summaries: dict[tuple[int, int], str] = field(default_factory=dict)
    memos: pd.DataFrame | None = None
    links: pd.DataFrame | None = None
    has_text: bool = True
    words_forgotten: bool = False  # ``forget_words`` was called: no more words can be counted
    cache: dict = field(default_factory=dict)  # shared intermediate frames (read-only once stored)

    # ------------------------------------------------------------- helpers shared by the analyses
    def text(self, document_id: int, start: int, end: int) -> str:
        return self.texts.get(int(document_id), "")[int(start) : int(end)]

    def words_between(self, document_ids, starts, ends) -> np.ndarray:
        """Words whose first character lies in [start, end) of each document (vectorised)."""
        if not self.has_text:
            raise InvalidValue("Words were not loaded for this analysis (load with with_text=True).")
        if self.words_forgotten:
            raise InvalidValue("The word positions were let go after the matrices were written.")
        document_ids = np.asarray(document_ids, dtype=np.int64)
        starts = np.asarray(starts, dtype=np.int64)
        ends = np.asarray(ends, dtype=np.int64)
        out = np.zeros(len(document_ids), dtype=np.int64)
        if not len(document_ids):
            return out
        order = np.argsort(document_ids, kind="stable")
        sorted_docs = document_ids[order]
        bounds = np.flatnonzero(np.diff(sorted_docs)) + 1
        for chunk in np.split(order, bounds):
            ws = self.word_starts.get(int(document_ids[chunk[0]]))
            if ws is None or not len(ws):
                continue
            out[chunk] = np.searchsorted(ws, ends[chunk]) - np.searchsorted(ws, starts[chunk])
        return out

    def forget_words(self) -> None:
        """Let go of the word positions (20 MB on the large study) once every word has been counted (the
        workbook, after its matrices); counting words afterwards raises InvalidValue rather than answer 0."""
        self.word_starts = {}
        self.words_forgotten = True

    def code_label(self, code_id: int) -> str:
        return self._paths.get(int(code_id), str(code_id))

    def __post_init__(self) -> None:
        self._paths = dict(zip(self.codes["id"], self.codes["path"], strict=False))
        self.document_names = dict(zip(self.documents["id"], self.documents["name"], strict=False))
        self.case_names = dict(zip(self.cases["id"], self.cases["name"], strict=False))

    def attribute_scope(self, name: str) -> str:
        """'kind' (the document kind), 'case' or 'document' for a group-by attribute name."""
        if name.casefold() in ("kind", "document kind"):
            return "kind"
        if (self.case_attributes["attribute"].str.casefold() == name.casefold()).any():
            return "case"
        if (self.document_attributes["attribute"].str.casefold() == name.casefold()).any():
            return "document"
        raise NotFound(f"No attribute called '{name}' (use a case or document attribute, or 'kind').")


def code_ancestry(codes: pd.DataFrame) -> pd.DataFrame:
    """code_id, row_code: each code with itself and every ancestor (the roll-up pairs)."""
    parent = dict(zip(codes["id"], codes["parent_id"], strict=False))
    pairs = []
    for cid in codes["id"]:
        cur, seen = int(cid), set()
        while cur and cur not in seen:
            seen.add(cur)
            pairs.append((int(cid), cur))
            cur = int(parent.get(cur, 0))
    return pd.DataFrame.from_records(pairs, columns=["code_id", "row_code"])


def _match_values(series: pd.Series, values: list[str]) -> pd.Series:
    wanted = {str(v).casefold() for v in values}
    return series.astype(str).str.casefold().isin(wanted)


def load(
    project: Project,
    filters: Filters | None = None,
    *,
    progress: Progress | None = None,
    with_memos: bool = False,
    with_text: bool = True,
    texts_on_demand: bool = False,
) -> AnalysisData:
    """Load and filter everything the analyses need. Raises NotFound for an unknown filter value.
    ``with_text=False`` skips the document texts: counts only (no words, quotes or sentence units).
    ``texts_on_demand``: each text is read when an analysis asks for it (``TextsOnDemand``; the project
    must stay open while the data are used): what an export does, to hold one text at a time."""
    filters = filters or Filters()
    docs = project.frames.documents()
    all_doc_ids = set(docs["id"])
    codes = project.frames.codes()
    codings = project.frames.codings(memos=with_memos)
    cases = project.frames.cases()
    segments = project.frames.case_segments()
    turns = project.frames.turns()
    case_attrs = project.frames.attribute_values("case")
    doc_attrs = project.frames.attribute_values("document")
    coder_names = project.frames.coders()["name"].tolist()

    # documents and kinds
    if filters.documents:
        keep = set()
        for ref in filters.documents:
            hit = docs[
                (docs["id"].astype(str) == str(ref)) | (docs["name"].str.casefold() == str(ref).casefold())
            ]
            if hit.empty:
                raise NotFound(f"No document called '{ref}'.")
            keep.update(hit["id"].tolist())
        docs = docs[docs["id"].isin(keep)]
    if filters.kinds:
        docs = docs[docs["kind"].isin(filters.kinds)]
    # coders
    if filters.coders:
        known = {c.casefold(): c for c in coder_names}
        missing = [c for c in filters.coders if c.casefold() not in known]
        if missing:
            raise NotFound(f"No coder called '{missing[0]}'.")
        wanted = {c.casefold() for c in filters.coders}
        codings = codings[codings["coder"].str.casefold().isin(wanted)]
        coder_names = [c for c in coder_names if c.casefold() in wanted]
    # codes (a code keeps its subtree; the tree keeps the ancestors so that paths still read)
    ancestry = code_ancestry(codes)
    if filters.codes:
        chosen = set()
        for path in filters.codes:
            chosen.add(project.codes.by_path(path).id)
        sub = set(ancestry.loc[ancestry["row_code"].isin(chosen), "code_id"])
        anc = set(ancestry.loc[ancestry["code_id"].isin(sub), "row_code"])
        codes = codes[codes["id"].isin(sub | anc)]
        codings = codings[codings["code_id"].isin(sub)]
        ancestry = ancestry[ancestry["code_id"].isin(sub) & ancestry["row_code"].isin(sub | anc)]
    # attribute values
    for name, values in (filters.attributes or {}).items():
        if not values:
            continue
        in_case = case_attrs["attribute"].str.casefold() == name.casefold()
        in_doc = doc_attrs["attribute"].str.casefold() == name.casefold()
        if in_case.any():
            rows = case_attrs[in_case]
            keep_cases = set(rows.loc[_match_values(rows["value"], values), "target_id"])
            cases = cases[cases["id"].isin(keep_cases)]
            segments = segments[segments["case_id"].isin(keep_cases)]
            inside = codings.merge(
                segments[["document_id", "start", "end"]].rename(columns={"start": "s0", "end": "e0"}),
                on="document_id",
            )
            inside = inside[(inside["start"] < inside["e0"]) & (inside["end"] > inside["s0"])]
            codings = codings[codings["id"].isin(set(inside["id"]))]
            docs = docs[docs["id"].isin(set(segments["document_id"]))]
        elif in_doc.any():
            rows = doc_attrs[in_doc]
            keep_docs = set(rows.loc[_match_values(rows["value"], values), "target_id"])
            docs = docs[docs["id"].isin(keep_docs)]
        elif name.casefold() in ("kind", "document kind"):
            docs = docs[_match_values(docs["kind"], values)]
        else:
            raise NotFound(f"No attribute called '{name}'.")
    doc_ids = set(docs["id"])
    codings = codings[codings["document_id"].isin(doc_ids)].reset_index(drop=True)
    if len(doc_ids) < len(all_doc_ids):  # documents filtered: only the cases found in those documents
        cases = cases[cases["id"].isin(set(segments.loc[segments["document_id"].isin(doc_ids), "case_id"]))]
    segments = segments[segments["document_id"].isin(doc_ids)].reset_index(drop=True)
    turns = turns[turns["document_id"].isin(doc_ids)].reset_index(drop=True)
    turns["speaker"] = turns["speaker"].astype("category")  # a few labels over 180,000 turns: ~10 MB less

    wanted = docs["id"].tolist() if with_text else []
    stored = project.frames.stored_word_rows(wanted)  # scanning the texts again cost 0.2 s on 5 M words
    found: dict[int, np.ndarray] = {}
    texts: Mapping[int, str]
    if texts_on_demand:
        texts = TextsOnDemand(project, wanted)
        for doc_id, text in project.frames.iter_texts([d for d in wanted if d not in stored]):
            found[doc_id] = word_starts_of(text)  # no stored row (an older project opened read-only)
        sizes = project.frames.char_counts()
        char_count = [sizes.get(d, 0) if with_text else END_OF_DOCUMENT for d in docs["id"]]
    else:
        texts = {}
        for i, (doc_id, text) in enumerate(project.frames.iter_texts(wanted)):
            texts[doc_id] = text
            if doc_id not in stored:
                found[doc_id] = word_starts_of(text)
            if progress and (i % 25 == 0 or i + 1 == len(wanted)):
                progress(i + 1, len(wanted), "Reading documents")
        char_count = [len(texts[d]) if d in texts else END_OF_DOCUMENT for d in docs["id"]]
    docs = docs.assign(char_count=char_count)
    data = AnalysisData(
        project_name=project.name,
        filters=filters,
        created_at=datetime.now(UTC).strftime("%Y-%m-%d %H:%M UTC"),
        codings=codings,
        codes=codes.reset_index(drop=True),
        ancestry=ancestry.reset_index(drop=True),
        documents=docs.reset_index(drop=True),
        cases=cases.reset_index(drop=True),
        segments=segments,
        turns=turns,
        case_attributes=case_attrs,
        document_attributes=doc_attrs,
        coders=coder_names,
        texts=texts,
        word_starts=WordStarts(stored, found),
        summaries=project.frames.framework_summaries(),
        has_text=with_text,
    )
    if with_memos:
        data.memos = project.frames.memos()
        data.links = project.frames.links()
    return data


def one_blas_thread():
    """Small matrix products run much faster on one BLAS thread: OpenBLAS's threads spin against each other
    (and against the GUI) on a 2-core laptop, costing up to 10x on the co-occurrence and agreement loops."""
    return threadpool_limits(limits=1, user_api="blas")
