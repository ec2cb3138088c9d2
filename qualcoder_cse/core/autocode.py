"""Auto-coding: find segments (regex hits, search hits, speaker turns), widen them to a unit, code them at once.

    segs = project.autocode.segments(pattern=r"\\bCAWNs?\\b", scope="sentence")
    made = project.autocode.apply(code.id, segs, coder="alice")   # one transaction; undo removes ``made``

Scopes: ``hit`` (the match itself), ``sentence`` (the sentence around it, never crossing a line break or a
speaker turn), ``paragraph`` (the line around it: importers write one paragraph per line) and ``turn`` (the
speaker turn around it; a hit outside any turn falls back to its paragraph). Segments are trimmed of
surrounding whitespace, then deduplicated and overlapping ones merged, per document.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING

from ..lazy import lazy_import
from .errors import InvalidValue
from .models import Coding, Turn

if TYPE_CHECKING:
    from .project import Project

# like re, but a match can be given a time limit (a user's pattern may backtrack); loaded on first use, so that
# opening a project (which builds ``project.autocode``) does not pay for it
regex_engine = lazy_import("regex")

SCOPES = ("hit", "sentence", "paragraph", "turn")
PATTERN_TIMEOUT = 10.0  # seconds one pattern may spend on one document before it is refused
Segment = tuple[int, int, int]  # (document_id, start, end)

# A sentence ends at . ! ? or … (optionally followed by closing quotes/brackets) then whitespace.
_SENTENCE_END = re.compile(r"""[.!?…]+["'”’)\]]*(?=\s)""")
# Words after which a full stop does not end a sentence (titles and ranks common in police transcripts).
_ABBREVIATIONS = frozenset({
    "mr", "mrs", "ms", "dr", "prof", "st", "no", "vs", "etc", "e.g", "i.e", "eg", "ie", "approx", "pc", "ds", "di",
    "dc", "dci", "dsi", "sgt", "insp", "supt", "ch", "cc", "acc",
})


def compile_pattern(pattern: str) -> regex_engine.Pattern:
    """A user's regex, case-insensitive, ^/$ at line ends; Python ``re`` syntax (the ``regex`` module's V0)."""
    try:
        regex = regex_engine.compile(pattern, regex_engine.IGNORECASE | regex_engine.MULTILINE)
    except (regex_engine.error, ValueError, OverflowError) as exc:
        raise InvalidValue(
            f"The pattern is not a valid regular expression ({getattr(exc, 'msg', None) or exc}).") from None
    return regex


def find_hits(regex: regex_engine.Pattern, text: str) -> list[tuple[int, int]]:
    """(start, end) of every non-empty match; a pattern that backtracks for too long is refused."""
    try:
        return [(m.start(), m.end()) for m in regex.finditer(text, timeout=PATTERN_TIMEOUT) if m.end() > m.start()]
    except TimeoutError:
        raise InvalidValue(
            f"The pattern took over {PATTERN_TIMEOUT:.0f} seconds on one document (it backtracks too much); "
            "simplify it, e.g. avoid nested repeats such as (a+)+."
        ) from None


def _speaker_set(speaker: str | Sequence[str] | None) -> set[str] | None:
    if speaker is None:
        return None
    labels = [speaker] if isinstance(speaker, str) else list(speaker)
    labels = [s.strip().casefold() for s in labels if s and s.strip()]
    if not labels:
        raise InvalidValue("Name at least one speaker.")
    return set(labels)


def expand(text: str, turns: Sequence[Turn], hits: Iterable[Segment], scope: str) -> list[Segment]:
    """Widen hits in one document's ``text`` to the enclosing unit (no trimming or merging yet)."""
    if scope == "hit":
        return list(hits)
    starts = [t.start for t in turns]
    out = []
    for doc_id, s, e in hits:
        turn = _turn_at(turns, starts, s)
        body = turn_body(text, turn) if turn is not None else None
        if scope == "turn" and body is not None:
            out.append((doc_id, min(body[0], s), max(body[1], e)))
            continue
        ls, le = _paragraph(text, s, e)
        if scope in ("paragraph", "turn"):
            out.append((doc_id, ls, le))
            continue
        lo, hi = ls, le
        if body is not None:  # a sentence never runs across a change of speaker, nor takes in the label
            lo, hi = max(lo, min(body[0], s)), min(hi, max(body[1], e))
        out.append((doc_id, *_sentence(text, s, e, lo, hi)))
    return out


def turn_body(text: str, turn: Turn) -> tuple[int, int]:
    """A turn's span without the speaker label ("P1:", "DI -") that importers may include at its start."""
    start = turn.start
    label = turn.speaker.strip()
    if label and text.startswith(label, start):
        after = start + len(label)
        m = re.match(r"\s*[:\-–—.)\]]?\s*", text[after:after + 8])
        if m and m.end() > 0 and (m.group().strip() or text[after:after + 1].isspace()):
            start = after + m.end()
    return start, max(start, turn.end)


def _turn_at(turns: Sequence[Turn], starts: list[int], pos: int) -> Turn | None:
    i = bisect.bisect_right(starts, pos) - 1
    if i >= 0 and turns[i].start <= pos < turns[i].end:
        return turns[i]
    return None


def _paragraph(text: str, s: int, e: int) -> tuple[int, int]:
    ls = text.rfind("\n", 0, s) + 1
    le = text.find("\n", max(s, e - 1))
    return ls, (len(text) if le == -1 else le)


def _sentence(text: str, s: int, e: int, lo: int, hi: int) -> tuple[int, int]:
    start = lo
    for m in _SENTENCE_END.finditer(text, lo, s):
        if not _is_abbreviation(text, m.start(), lo):
            start = m.end()
    end = hi
    for m in _SENTENCE_END.finditer(text, max(e - 1, lo), hi):
        if m.start() >= e - 1 and not _is_abbreviation(text, m.start(), lo):
            end = m.end()
            break
    return start, max(end, e)


def _is_abbreviation(text: str, dot: int, lo: int) -> bool:
    if text[dot] != ".":
        return False
    ws = dot
    while ws > lo and not text[ws - 1].isspace():
        ws -= 1
    word = text[ws:dot].strip("(\"'“‘").casefold()
    return word in _ABBREVIATIONS or (len(word) == 1 and word.isalpha())


def merge_segments(segments: Iterable[Segment]) -> list[Segment]:
    """Sort, drop duplicates and merge overlapping segments of the same document (touching ones stay apart)."""
    out: list[Segment] = []
    for doc_id, s, e in sorted(set(segments)):
        if out and out[-1][0] == doc_id and s < out[-1][2]:
            out[-1] = (doc_id, out[-1][1], max(out[-1][2], e))
        else:
            out.append((doc_id, s, e))
    return out


class AutocodeManager:
    """``project.autocode``: find the segments to code and code them at once."""

    def __init__(self, project: Project) -> None:
        self.project = project

    def segments(
        self,
        *,
        pattern: str | None = None,
        speaker: str | Sequence[str] | None = None,
        scope: str = "hit",
        document_ids: Iterable[int] | None = None,
        case_ids: Iterable[int] | None = None,
    ) -> list[Segment]:
        """Segments to code: every match of ``pattern`` (a case-insensitive Python regex), every turn of
        ``speaker`` (a label or several: a speaker group) and/or of the speakers mapped to ``case_ids`` (e.g.
        every young person: see ``case_ids_where``), or with both, the matches inside those turns.
        Each is widened to ``scope``; the result is sorted, deduplicated and merged."""
        project = self.project
        if scope not in SCOPES:
            raise InvalidValue(f"The scope is one of: {', '.join(SCOPES)}.")
        cases = None if case_ids is None else set(case_ids)
        if pattern is None and speaker is None and cases is None:
            raise InvalidValue("Give a pattern, a speaker, or both.")
        regex = compile_pattern(pattern) if pattern is not None else None
        speakers = _speaker_set(speaker)
        labels = {s.casefold() for s, _n, _c in project.turns.speakers()} if speakers is not None else set()
        if speakers is not None and not labels & speakers:
            raise InvalidValue("No speaker turns carry that label; see the speakers list.")
        if cases is not None and not cases:
            raise InvalidValue("No case matches; map speakers to cases and set their attributes first.")
        by_turn = speakers is not None or cases is not None

        def mine(t: Turn) -> bool:
            return bool((speakers is not None and t.speaker.strip().casefold() in speakers)
                        or (cases is not None and t.case_id in cases))

        wanted = None if document_ids is None else set(document_ids)
        raw: list[Segment] = []
        texts: dict[int, str] = {}
        for doc in project.documents.list():
            if wanted is not None and doc.id not in wanted:
                continue
            turns = project.turns.list(doc.id)
            own = [t for t in turns if mine(t)] if by_turn else []
            if by_turn and not own:
                continue
            text = project.documents.text(doc.id)
            if regex is None:  # every turn of the speaker(s): the turn is the unit whatever the scope
                raw += [(doc.id, *turn_body(text, t)) for t in own]
                texts[doc.id] = text
                continue
            hits = find_hits(regex, text)
            if by_turn:
                hits = [h for h in hits if any(t.start <= h[0] and h[1] <= t.end for t in own)]
            raw += expand(text, turns, [(doc.id, s, e) for s, e in hits], scope)
            texts[doc.id] = text
        return merge_segments(self._trimmed(raw, texts))

    def case_ids_where(self, attribute: str, value: str) -> list[int]:
        """Ids of the cases whose attribute ``attribute`` has ``value`` (case-insensitive), e.g. every case
        with Participant group = Young person: the speaker group for auto-coding."""
        project = self.project
        attr = project.attributes.by_name(attribute, "case")
        if attr is None:
            raise InvalidValue(f"No case attribute called '{attribute}'.")
        wanted = {value.strip().casefold(), project.presets.stored_value(attr, value.strip()).casefold()}
        table = project.attributes.table("case")
        shown = project.presets.display_value
        return sorted(
            cid for cid, values in table.items()
            if attr.id in values and (values[attr.id].casefold() in wanted
                                      or shown(attr, values[attr.id]).casefold() in wanted)
        )

    def for_query(self, query: str, scope: str = "hit",
                  document_ids: Iterable[int] | None = None) -> list[Segment]:
        """Segments for "code all results" of a full-text search (words, "phrases", prefix*)."""
        if scope not in SCOPES:
            raise InvalidValue(f"The scope is one of: {', '.join(SCOPES)}.")
        ids = None if document_ids is None else list(document_ids)
        hits = self.project.search.all_hits(query, ids)
        return self.expand_hits(hits, scope)

    def expand_hits(self, hits: Iterable[Segment], scope: str) -> list[Segment]:
        """Widen (document_id, start, end) hits to ``scope``; sorted, trimmed, deduplicated and merged."""
        project = self.project
        by_doc: dict[int, list[Segment]] = {}
        for h in hits:
            by_doc.setdefault(h[0], []).append(h)
        out: list[Segment] = []
        texts: dict[int, str] = {}
        for doc_id, doc_hits in by_doc.items():
            if scope == "hit":
                out += doc_hits
                continue
            texts[doc_id] = text = project.documents.text(doc_id)
            turns = project.turns.list(doc_id) if scope != "paragraph" else []
            out += expand(text, turns, doc_hits, scope)
        return merge_segments(self._trimmed(out, texts))

    def _trimmed(self, segments: list[Segment], texts: dict[int, str] | None = None) -> list[Segment]:
        texts = {} if texts is None else texts
        out = []
        for doc_id, s, e in segments:
            if doc_id not in texts:
                texts[doc_id] = self.project.documents.text(doc_id)
            text = texts[doc_id]
            while s < e and text[s].isspace():
                s += 1
            while e > s and text[e - 1].isspace():
                e -= 1
            if e > s:
                out.append((doc_id, s, e))
        return out

    def apply(self, code_id: int, segments: Iterable[Segment],
              coder: str | int | None = None) -> list[Coding]:
        """Code every segment with ``code_id`` in one transaction; returns only the codings it created
        (segments this coder had already coded with this code are skipped): what undo removes."""
        project = self.project
        project.codes.get(code_id)
        items = [(code_id, d, s, e) for d, s, e in segments]
        with project.transaction():
            made = project.codings.add_many(items, coder=coder)
            project.audit.record("autocode", "code", code_id, f"segments={len(items)} made={len(made)}")
        return made
