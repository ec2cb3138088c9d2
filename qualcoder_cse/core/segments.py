"""Coded segments: the passages coded with one or more codes, with their document, speaker, case, coder,
memo and a line of context either side (``project.segments``).

    query = SegmentQuery(codes=(theme.id,), children=True, coders=(alice.id,))
    for seg in project.segments.list(query):
        print(seg.document_name, seg.start, seg.end, seg.code_path, seg.text)

How codes combine (after the document, kind and coder filters, so "coded with both" means by the coders
kept):
- ``or``: every coding of any of the codes;
- ``and``: the codings of any of the codes that overlap, in the same document, a coding of every other code
  (passages coded with all of them; each coding is listed, so both sides of an overlap appear);
- ``not``: the codings of the first code that overlap no coding of the other codes.
With ``children`` a code stands for itself and every code below it. The case and attribute filters then
keep the segments in a case (a whole document given to it, or an overlapping speaker turn mapped to it) that
matches. Reads only; one query for the codings, then one per kind of context (texts, turns, cases).
"""

from __future__ import annotations

from bisect import bisect_left
from collections import defaultdict
from collections.abc import Iterable
from dataclasses import dataclass, field

from .base import Manager
from .codes import codes_below
from .errors import InvalidValue, NotFound
from .models import Code

MODES = ("or", "and", "not")
CONTEXT_CHARS = 240  # at most this much context on each side (a long paragraph is cut at a word)


@dataclass(frozen=True)
class SegmentQuery:
    codes: tuple[int, ...]
    mode: str = "or"
    children: bool = False
    documents: tuple[int, ...] | None = None  # None: every document
    kinds: tuple[str, ...] | None = None
    coders: tuple[int, ...] | None = None
    cases: tuple[int, ...] | None = None
    attributes: dict[str, tuple[str, ...]] = field(default_factory=dict)  # name -> accepted values
    context: bool = True


@dataclass(frozen=True)
class Segment:
    coding_id: int
    code_id: int
    code_path: str
    document_id: int
    document_name: str
    document_kind: str
    start: int
    end: int
    coder_id: int
    coder: str
    memo: str
    text: str
    before: str  # the line before the passage (and the start of its own line), up to CONTEXT_CHARS
    after: str
    speaker: str
    cases: tuple[str, ...]

    @property
    def source(self) -> str:
        """Where the quote comes from, for exports: ``Interview 3, P1, characters 120-180``."""
        who = f", {self.speaker}" if self.speaker else ""
        return f"{self.document_name}{who}, characters {self.start}-{self.end}"


class SegmentManager(Manager):
    # ----------------------------------------------------------------- resolving names
    def code_ids(self, paths: list[str]) -> tuple[int, ...]:
        """Code ids from paths (``Theme/Code``); NotFound names the first missing one."""
        return tuple(self.project.codes.by_path(p).id for p in paths)

    def coder_ids(self, names: list[str]) -> tuple[int, ...]:
        out = []
        for name in names:
            coder = self.project.coders.by_name(name)
            if coder is None:
                raise NotFound(f"No coder called '{name}'.")
            out.append(coder.id)
        return tuple(out)

    def case_ids(self, names: list[str]) -> tuple[int, ...]:
        out = []
        for name in names:
            case = self.project.cases.by_name(name)
            if case is None:
                raise NotFound(f"No case called '{name}'.")
            out.append(case.id)
        return tuple(out)

    # ----------------------------------------------------------------- the list
    def list(self, query: SegmentQuery, codes: Iterable[Code] | None = None) -> list[Segment]:
        """The segments, by document name and position. ``codes``: the project's codes (``codes.list()``),
        when the caller keeps them up to date (a panel refreshing on every click need not read them)."""
        if query.mode not in MODES:
            raise InvalidValue(f"Mode '{query.mode}' is not one of {', '.join(MODES)}.")
        if not query.codes:
            raise InvalidValue("Choose at least one code.")
        if query.mode == "not" and len(query.codes) < 2:
            raise InvalidValue("'not' needs two codes or more: the segments of the first that are not coded "
                               "with the others.")
        codes = {c.id: c for c in (self.project.codes.list() if codes is None else codes)}
        missing = [c for c in query.codes if c not in codes]
        if missing:
            raise NotFound(f"No code with id {missing[0]}.")
        sets = [self._expand(c, codes, query.children) for c in query.codes]
        rows = self._codings(set().union(*sets), query)
        rows = _combine(rows, sets, query.mode)
        if not rows:
            return []
        doc_ids = sorted({r[2] for r in rows})
        docs = {d: (n, k) for d, n, k in self._in("SELECT id, name, kind FROM documents WHERE id IN ({})", doc_ids)}
        mapped = self._mapped_turns(doc_ids)
        whole = self._whole_document_cases(doc_ids)
        case_names = dict(self.q("SELECT id, name FROM cases"))
        keep_cases = self._cases_kept(query)
        doc_ok = self._documents_kept(query, doc_ids)
        coders = dict(self.q("SELECT id, name FROM coders"))
        picked = []
        for r in rows:
            doc_id, start, end = r[2], r[3], r[4]
            if doc_ok is not None and doc_id not in doc_ok:
                continue
            seg_cases = whole.get(doc_id, set())
            turns = mapped.get(doc_id)
            if turns:
                seg_cases = seg_cases | {c for s, e, c in turns if s < end and e > start}
            if keep_cases is not None and not (seg_cases & keep_cases):
                continue
            picked.append((r, seg_cases))
        texts = self._texts(sorted({r[0][2] for r in picked}))
        out = []
        for (cid, code_id, doc_id, start, end, coder_id, memo, speaker), seg_cases in picked:
            text = texts.get(doc_id, "")
            before, after = _context(text, start, end) if query.context else ("", "")
            name, kind = docs[doc_id]
            out.append(Segment(
                cid, code_id, codes[code_id].path, doc_id, name, kind, start, end, coder_id,
                coders.get(coder_id, "?"), memo, text[start:end], before, after, speaker or "",
                tuple(sorted((case_names.get(c, "?") for c in seg_cases), key=str.casefold)),
            ))
        out.sort(key=lambda s: (s.document_name.casefold(), s.document_id, s.start, s.end, s.coding_id))
        return out

    # ----------------------------------------------------------------- helpers
    @staticmethod
    def _expand(code_id: int, codes: dict, children: bool) -> set[int]:
        return codes_below(codes.values(), {code_id}) if children else {code_id}

    def _in(self, sql: str, ids: list, extra: tuple = ()) -> list[tuple]:
        """Run ``sql`` with ``IN ({})`` filled by ``ids`` in chunks (SQLite's parameter limit)."""
        out: list[tuple] = []
        for i in range(0, len(ids), 900):
            chunk = list(ids[i:i + 900])
            out += self.q(sql.format(",".join("?" * len(chunk))), chunk + list(extra))
        return out

    def _codings(self, code_ids: set[int], query: SegmentQuery) -> list[tuple]:
        # the speaker of the turn where the passage starts, looked up per row by the turns_doc index
        sql = ('SELECT c.id, c.code_id, c.document_id, c.start, c."end", c.coder_id, c.memo,'
               " (SELECT CASE WHEN t.\"end\" > c.start THEN t.speaker ELSE '' END FROM turns t"
               " WHERE t.document_id = c.document_id AND t.start <= c.start ORDER BY t.start DESC LIMIT 1)"
               " FROM codings c WHERE c.code_id IN ({})")
        params: list = []
        if query.coders is not None:
            if not query.coders:
                return []
            sql += f" AND c.coder_id IN ({','.join('?' * len(query.coders))})"
            params += list(query.coders)
        if query.documents is not None and len(query.documents) <= 100:  # a few documents (a panel's update)
            sql += f" AND c.document_id IN ({','.join('?' * len(query.documents))})"
            params += list(query.documents)
        rows = self._in(sql, sorted(code_ids), tuple(params))
        if query.kinds is None and query.documents is not None and len(query.documents) <= 100:
            return rows  # the statement kept those documents only
        if query.documents is not None or query.kinds is not None:
            allowed = self._document_filter(query)
            rows = [r for r in rows if r[2] in allowed]
        return rows

    def _document_filter(self, query: SegmentQuery) -> set[int]:
        rows = self.q("SELECT id, kind FROM documents")
        allowed = {d for d, _k in rows}
        if query.documents is not None:
            allowed &= set(query.documents)
        if query.kinds is not None:
            kinds = set(query.kinds)
            allowed &= {d for d, k in rows if k in kinds}
        return allowed

    def _mapped_turns(self, doc_ids: list[int]) -> dict[int, list[tuple[int, int, int]]]:
        """(start, end, case id) of the turns mapped to a case, per document (few: read by the case index)."""
        wanted = set(doc_ids)
        out: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
        sql = 'SELECT document_id, start, "end", case_id FROM turns WHERE case_id IS NOT NULL'
        if len(wanted) <= 100:  # a few documents (a panel's update): their turns by the turns_doc index
            sql += f" AND document_id IN ({','.join('?' * len(wanted))})"
        for doc_id, start, end, case_id in self.q(sql, sorted(wanted) if len(wanted) <= 100 else ()):
            if doc_id in wanted:
                out[doc_id].append((start, end, case_id))
        return out

    def _whole_document_cases(self, doc_ids: list[int]) -> dict[int, set[int]]:
        out: dict[int, set[int]] = defaultdict(set)
        for case_id, doc_id in self._in(
            "SELECT case_id, document_id FROM case_documents WHERE document_id IN ({})", doc_ids
        ):
            out[doc_id].add(case_id)
        return out

    def _attribute(self, name: str):
        for scope in ("case", "document"):
            attr = self.project.attributes.by_name(name, scope)
            if attr is not None:
                return attr
        raise NotFound(f"No attribute called '{name}'.")

    def _matching(self, name: str, values: tuple[str, ...]) -> tuple[str, set[int]]:
        """(scope, ids of the cases or documents whose value of ``name`` is one of ``values``)."""
        attr = self._attribute(name)
        wanted = {v.casefold() for v in values}
        rows = self.q("SELECT target_id, value FROM attribute_values WHERE attribute_id = ?", (attr.id,))
        return attr.scope, {t for t, v in rows if str(v).casefold() in wanted}

    def _cases_kept(self, query: SegmentQuery) -> set[int] | None:
        keep = set(query.cases) if query.cases is not None else None
        for name, values in query.attributes.items():
            scope, ids = self._matching(name, values)
            if scope == "case":
                keep = ids if keep is None else keep & ids
        return keep

    def _documents_kept(self, query: SegmentQuery, doc_ids: list[int]) -> set[int] | None:
        keep = None
        for name, values in query.attributes.items():
            scope, ids = self._matching(name, values)
            if scope == "document":
                keep = ids if keep is None else keep & ids
        return keep

    def _texts(self, doc_ids: list[int]) -> dict[int, str]:
        return dict(self._in("SELECT id, text FROM documents WHERE id IN ({})", doc_ids))


# ----------------------------------------------------------------------------------------- pure helpers
def _overlapping(mine: list[tuple], others: list[tuple]) -> list[bool]:
    """For each (start, end, ...) in ``mine``: does it overlap any span in ``others`` (same document)?"""
    if not others:
        return [False] * len(mine)
    spans = sorted((o[3], o[4]) for o in others)
    starts = [s for s, _e in spans]
    # running maximum of ends, so "any span starting before my end reaches past my start" is one lookup
    reach, best = [], -1
    for _s, e in spans:
        best = max(best, e)
        reach.append(best)
    out = []
    for r in mine:
        k = bisect_left(starts, r[4])  # spans starting before my end
        out.append(k > 0 and reach[k - 1] > r[3])
    return out


def _combine(rows: list[tuple], sets: list[set[int]], mode: str) -> list[tuple]:
    if mode == "or" or len(sets) == 1:
        return rows
    by_doc: dict[int, list[tuple]] = defaultdict(list)
    for r in rows:
        by_doc[r[2]].append(r)
    out = []
    for items in by_doc.values():
        groups = [[r for r in items if r[1] in s] for s in sets]
        if mode == "not":
            others = [r for g in groups[1:] for r in g]
            hit = _overlapping(groups[0], others)
            out += [r for r, h in zip(groups[0], hit, strict=True) if not h]
            continue
        if any(not g for g in groups):
            continue
        keep: set[int] = set()
        for i, group in enumerate(groups):
            ok = [True] * len(group)
            for j, other in enumerate(groups):
                if i != j:
                    ok = [a and b for a, b in zip(ok, _overlapping(group, other), strict=True)]
            keep.update(r[0] for r, good in zip(group, ok, strict=True) if good)
        out += [r for r in items if r[0] in keep]
    return out


def _context(text: str, start: int, end: int) -> tuple[str, str]:
    """The line before the passage (with the start of the passage's own line) and the rest of its last line
    with the next line, each cut to CONTEXT_CHARS at a word."""
    a = text.rfind("\n", 0, start)  # end of the previous line
    a = text.rfind("\n", 0, a) + 1 if a > 0 else 0
    b = text.find("\n", end)
    if b >= 0:
        b2 = text.find("\n", b + 1)
        b = len(text) if b2 < 0 else b2
    else:
        b = len(text)
    before, after = text[a:start], text[end:b]
    if len(before) > CONTEXT_CHARS:
        cut = before[-CONTEXT_CHARS:]
        before = "…" + cut[cut.find(" ") + 1:] if " " in cut else "…" + cut
    if len(after) > CONTEXT_CHARS:
        cut = after[:CONTEXT_CHARS]
        after = (cut[:cut.rfind(" ")] if " " in cut else cut) + "…"
    return before, after

