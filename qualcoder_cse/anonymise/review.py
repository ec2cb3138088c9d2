"""The headless review model: the researcher decides on every proposed redaction before anything is stored.

    session = ReviewSession.detect(text, project=project)      # or ReviewSession(text, spans)
    session.accept(pid); session.reject(pid); session.relabel(pid, "ORG")
    session.add_span(start, end, "PERSON")    # a missed name: every other mention is proposed too
    session.accept_all()
    result = session.apply()                  # anonymised text, offset map old->new, log entries

The window's review screen is a view of this object (it subscribes to changes); the ``import --anonymise
auto`` path accepts everything. Nothing here keeps the original text beyond the session: the log records label,
placeholder, decision, who and when.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import TYPE_CHECKING

from ..core.pseudonyms import LogEntry
from ..core.util import now
from .anonymised import AnonymisedResult, Replacement
from .mentions import find_in_project, find_mentions
from .proposals import ACCEPTED, PENDING, REJECTED, UNSURE_BELOW, Proposal
from .review_state import History, apply_remembered, load_state, to_state

__all__ = ["ACCEPTED", "PENDING", "REJECTED", "UNSURE_BELOW", "AnonymisedResult", "Proposal", "Replacement", "ReviewSession", "find_mentions"]
from .person_keys import same_person_keys
from .placeholder_spans import outside_placeholders, placeholder_ranges
from .placeholders import Numbering, PlaceholderFormat
from .spans import LABELS, REVIEW_MIN_CONFIDENCE, Span, entity_key

if TYPE_CHECKING:
    from ..core.project import Project


class ReviewSession:
    def __init__(
        self,
        text: str,
        spans: list[Span] = (),
        *,
        project: Project | None = None,
        coder: str | None = None,
        fmt: PlaceholderFormat | None = None,
        numbering: Numbering | None = None,
        detector=None,
    ) -> None:
        self.text = text
        self.project = project
        self.coder = coder or (project.coder_name if project is not None else "researcher")
        self.numbering = numbering or Numbering(project, fmt)
        self.detector = detector
        self._proposals: dict[int, Proposal] = {}
        self._next_id = 1
        self._listeners: list[Callable[[str, object], None]] = []
        self._history = History()
        self._depth = 0
        for s in outside_placeholders(text, list(spans), self.numbering.fmt):
            self._new(s.start, s.end, s.label, s.confidence, s.source)

    @classmethod
    def detect(cls, text: str, *, detector=None, min_confidence: float = REVIEW_MIN_CONFIDENCE, **kw) -> ReviewSession:
        """Run the detector (lower threshold than ``detect``: the unsure ones are shown, flagged)."""
        if detector is None:
            from .detect import load_detector

            detector = load_detector()
        spans = detector.detect(text, min_confidence=min_confidence)
        return cls(text, spans, detector=detector, **kw)

    # ------------------------------------------------------------------ observing (the window subscribes)
    def subscribe(self, listener: Callable[[str, object], None]) -> None:
        self._listeners.append(listener)

    def _emit(self, what: str, payload: object = None) -> None:
        for fn in list(self._listeners):
            fn(what, payload)

    # ------------------------------------------------------------------ reading
    @property
    def proposals(self) -> list[Proposal]:
        return sorted(self._proposals.values(), key=lambda p: (p.start, p.end))

    def get(self, pid: int) -> Proposal:
        try:
            return self._proposals[pid]
        except KeyError:
            raise KeyError(f"No proposal {pid}.") from None

    def surface(self, pid: int) -> str:
        p = self.get(pid)
        return self.text[p.start:p.end]

    @property
    def pending_count(self) -> int:
        return sum(1 for p in self._proposals.values() if p.status == PENDING)

    def counts(self) -> dict[str, int]:
        out = {PENDING: 0, ACCEPTED: 0, REJECTED: 0}
        for p in self._proposals.values():
            out[p.status] += 1
        return out

    def next_pending(self, after: int | None = None) -> Proposal | None:
        """The next undecided proposal in text order after offset ``after`` (wrapping round)."""
        pend = [p for p in self.proposals if p.status == PENDING]
        if not pend:
            return None
        if after is None:
            return pend[0]
        for p in pend:
            if p.start > after:
                return p
        return pend[0]

    def at(self, pos: int) -> Proposal | None:
        for p in self._proposals.values():
            if p.start <= pos < p.end:
                return p
        return None

    # ------------------------------------------------------------------ undo, redo, pause
    @contextmanager
    def _change(self) -> Iterator[None]:
        """One researcher action = one undo step, however many proposals it changes."""
        if self._depth == 0:
            self._history.record(self)
        self._depth += 1
        try:
            yield
        finally:
            self._depth -= 1

    @property
    def can_undo(self) -> bool:
        return bool(self._history.undo)

    @property
    def can_redo(self) -> bool:
        return bool(self._history.redo)

    def undo(self) -> bool:
        done = self._history.step(self, back=True)
        if done:
            self._emit("added", None)  # proposals may have appeared or gone: the views reload
        return done

    def redo(self) -> bool:
        done = self._history.step(self, back=False)
        if done:
            self._emit("added", None)
        return done

    def to_state(self, extra: dict | None = None) -> dict:
        """What a paused review keeps (the text and every proposal with its decision)."""
        return to_state(self, extra)

    def load_state(self, state: dict) -> bool:
        """Resume a paused review: its decisions replace this session's proposals (False if they do not fit)."""
        with self._change():
            ok = load_state(self, state)
        if ok:
            self._emit("added", None)
        return ok

    def apply_remembered(self, rejected: dict[str, str], accepted: dict[str, str]) -> tuple[int, int]:
        """Decide from the project's remembered lists ({normalised string: label or "ANY"}); one undo step."""
        with self._change():
            result = apply_remembered(self, rejected, accepted)
        if any(result):
            self._emit("added", None)
        return result

    # ------------------------------------------------------------------ decisions
    def accept(self, pid: int) -> None:
        self._set(pid, ACCEPTED)

    def reject(self, pid: int) -> None:
        self._set(pid, REJECTED)

    def reset(self, pid: int) -> None:
        self._set(pid, PENDING)

    def _set(self, pid: int, status: str) -> None:
        p = self.get(pid)
        with self._change():
            self._set_status(p, status)
        self._emit("status", pid)

    def _set_status(self, p: Proposal, status: str) -> None:
        pid = p.id
        p.status = status
        if status == ACCEPTED:  # an accepted span wins over proposals overlapping it
            for o in self._overlapping(p.start, p.end):
                if o.id != pid and o.status == PENDING:
                    o.status = REJECTED

    def _overlapping(self, start: int, end: int) -> list[Proposal]:
        """Proposals overlapping [start, end); proposals are short, so a window on the sorted starts is enough."""
        props = self.proposals
        starts = [q.start for q in props]
        longest = max((q.end - q.start for q in props), default=0)
        lo = bisect.bisect_left(starts, start - longest)
        hi = bisect.bisect_left(starts, end)
        return [q for q in props[lo:hi] if q.overlaps(start, end)]

    def relabel(self, pid: int, label: str) -> None:
        if label not in LABELS:
            raise ValueError(f"Unknown label {label!r}; use one of {', '.join(LABELS)}.")
        p = self.get(pid)
        with self._change():
            p.label = label
            p.relabelled = True
        self._emit("label", pid)

    def accept_all(self, *, include_unsure: bool = True) -> int:
        with self._change():
            n = self._accept_all(include_unsure)
        self._emit("bulk", n)
        return n

    def _accept_all(self, include_unsure: bool) -> int:
        n = 0
        props = self.proposals
        for idx, p in enumerate(props):
            if p.status == PENDING and (include_unsure or not p.unsure):
                p.status = ACCEPTED
                n += 1
                j = idx + 1  # later proposals overlapping this one (sorted by start)
                while j < len(props) and props[j].start < p.end:
                    if props[j].status == PENDING:
                        props[j].status = REJECTED
                    j += 1
        return n

    def accept_every_mention(self, pid: int) -> int:
        """Accept this proposal and every other one of the same entity (same label and normalised text)."""
        return self._every_mention(pid, ACCEPTED)

    def reject_every_mention(self, pid: int) -> int:
        """Reject this proposal and every other pending one of the same string (any label): "CSE" x 14."""
        return self._every_mention(pid, REJECTED)

    def _every_mention(self, pid: int, status: str) -> int:
        p = self.get(pid)
        key = entity_key(self.surface(pid))
        n = 0
        with self._change():
            for o in self.proposals:
                if o.status == PENDING and (o.label == p.label or status == REJECTED) and (
                    entity_key(self.text[o.start:o.end]) == key
                ):
                    self._set_status(o, status)
                    n += 1
            self._set_status(p, status)
        self._emit("bulk", n)
        return n

    def add_span(self, start: int, end: int, label: str, *, mentions: bool = True) -> list[Proposal]:
        """A span the detector missed, accepted; every other mention of the same string in the document is
        proposed too (pending, so the researcher still decides). Returns the new proposals, the added first.
        One undo step takes the span and its proposed mentions away again."""
        with self._change():
            out = self._add_span(start, end, label, mentions)
        self._emit("added", [p.id for p in out])
        return out

    def _add_span(self, start: int, end: int, label: str, mentions: bool) -> list[Proposal]:
        if label not in LABELS:
            raise ValueError(f"Unknown label {label!r}; use one of {', '.join(LABELS)}.")
        while start < end and self.text[start].isspace():
            start += 1
        while end > start and self.text[end - 1].isspace():
            end -= 1
        if not (0 <= start < end <= len(self.text)):
            raise ValueError("The span is empty or outside the text.")
        for o in self._proposals.values():
            if o.overlaps(start, end) and o.status != ACCEPTED:
                o.status = REJECTED
        added = self._new(start, end, label, 1.0, "manual", ACCEPTED)
        out = [added]
        if mentions:
            for s, e in find_mentions(self.text, self.text[start:end]):
                if (s, e) == (start, end):
                    continue
                if any(o.overlaps(s, e) and o.status == ACCEPTED for o in self._proposals.values()):
                    continue
                same = [o for o in self._proposals.values() if (o.start, o.end) == (s, e)]
                if same:
                    for o in same:
                        o.label = label
                        if o.status == REJECTED:
                            o.status = PENDING
                    continue
                for o in self._proposals.values():
                    if o.overlaps(s, e) and o.status == PENDING:
                        o.status = REJECTED
                out.append(self._new(s, e, label, 0.9, "mention"))
        return out

    def project_mentions(self, pid: int) -> dict[int, list[tuple[int, int]]]:
        """Where else in the project's stored documents this string still appears (a leftover check)."""
        if self.project is None:
            return {}
        return find_in_project(self.project, self.surface(pid))

    def propose(self, start: int, end: int, label: str, *, confidence: float = 0.9, source: str = "mention") -> Proposal:
        """Add a pending proposal (e.g. a mention found elsewhere in the project)."""
        if label not in LABELS:
            raise ValueError(f"Unknown label {label!r}; use one of {', '.join(LABELS)}.")
        p = self._new(start, end, label, confidence, source)
        self._emit("added", [p.id])
        return p

    def drop(self, pid: int) -> None:
        """Forget a proposal altogether (not a rejection: it is not logged)."""
        self._proposals.pop(pid, None)

    def _new(self, start: int, end: int, label: str, conf: float, source: str, status: str = PENDING) -> Proposal:
        p = Proposal(self._next_id, start, end, label, conf, source, status)
        self._proposals[p.id] = p
        self._next_id += 1
        return p

    # ------------------------------------------------------------------ applying
    def apply(self, *, require_decided: bool = False, decision: str | None = None) -> AnonymisedResult:
        """The anonymised text with accepted proposals replaced by their placeholders.

        Pending proposals are left as they are unless ``require_decided`` (then it refuses). Within a document,
        a single name that is part of a full name ("Jodie" of "Jodie Smith") gets the full name's placeholder.
        """
        if require_decided and self.pending_count:
            raise ValueError(f"{self.pending_count} proposals are still waiting for a decision.")
        accepted = [p for p in self.proposals if p.status == ACCEPTED]
        chosen: list[Proposal] = []
        taken = bytearray(len(self.text) + 1)
        for p in sorted(accepted, key=lambda p: (-(p.end - p.start), p.start)):
            if not any(taken[p.start:p.end]):
                chosen.append(p)
                taken[p.start:p.end] = b"\x01" * (p.end - p.start)
        chosen.sort(key=lambda p: p.start)
        full_names = same_person_keys(self.text, chosen)
        at = now()
        out: list[str] = []
        reps: list[Replacement] = []
        log: list[LogEntry] = []
        pos = 0
        new_len = 0
        for p in chosen:
            surface = self.text[p.start:p.end]
            key = entity_key(surface)
            if p.label == "PERSON" and " " not in key and full_names.get(key):
                key = full_names[key]
            placeholder = self.numbering.placeholder(p.label, surface, key=key)
            if p.label == "PERSON" and " " in key:
                self.numbering.alias_parts(p.label, surface, key)
            chunk = self.text[pos:p.start]
            out.append(chunk)
            new_len += len(chunk)
            out.append(placeholder)
            reps.append(Replacement(p.start, p.end, new_len, new_len + len(placeholder), p.label, placeholder))
            new_len += len(placeholder)
            pos = p.end
            why = decision or ("added" if p.source in ("manual",) else "relabelled" if p.relabelled else "accepted")
            log.append(LogEntry(p.label, placeholder, why, self.coder, at))
        out.append(self.text[pos:])
        for p in self.proposals:
            if p.status == REJECTED and p.source != "mention":
                log.append(LogEntry(p.label, "", "rejected", self.coder, at))
        return AnonymisedResult("".join(out), reps, log)

    def anonymise_label(self, label: str, result: AnonymisedResult | None = None) -> str:
        """A speaker label or document name with the session's accepted entities (and any name the detector
        finds in it) replaced, so no name reaches the turns table or the document list."""
        if not label:
            return label
        spans: list[tuple[int, int, str]] = []
        for p in self.proposals:
            if p.status != ACCEPTED:
                continue
            for s, e in find_mentions(label, self.text[p.start:p.end]):
                spans.append((s, e, p.label))
        if self.detector is not None:
            for sp in outside_placeholders(label, self.detector.detect(label), self.numbering.fmt):
                spans.append((sp.start, sp.end, sp.label))
        held = placeholder_ranges(label, self.numbering.fmt)  # "DS [Person 1]" stays as it is
        spans = [x for x in spans if not any(a < x[1] and x[0] < b for a, b in held)]
        if not spans:
            return label
        spans.sort(key=lambda x: (x[0], -(x[1] - x[0])))
        out, pos = [], 0
        for s, e, lab in spans:
            if s < pos:
                continue
            out.append(label[pos:s])
            out.append(self.numbering.placeholder(lab, label[s:e]))
            pos = e
        out.append(label[pos:])
        return "".join(out)
