"""The review session's memory: undo/redo of decisions, the state kept when a review is paused, and the
project-wide remembered decisions applied to a new file.

Undo works on snapshots of every proposal's (status, label, relabelled) plus which proposals exist, taken
before each change the researcher makes; one key press (even "accept every mention", which changes 14
proposals, or adding a missed name with its mentions) is one step.
"""

from __future__ import annotations

from dataclasses import dataclass

from .merging import _mention_regex
from .proposals import ACCEPTED, PENDING, REJECTED, Proposal
from .spans import LABELS, entity_key

MAX_UNDO = 500
STATE_VERSION = 1


@dataclass(frozen=True)
class _Snapshot:
    rows: dict[int, tuple]  # id -> (start, end, label, confidence, source, status, relabelled)
    next_id: int


def snapshot(session) -> _Snapshot:
    return _Snapshot({p.id: (p.start, p.end, p.label, p.confidence, p.source, p.status, p.relabelled)
                      for p in session._proposals.values()}, session._next_id)


def restore(session, snap: _Snapshot) -> None:
    session._proposals = {pid: Proposal(pid, *row) for pid, row in snap.rows.items()}
    session._next_id = snap.next_id


class History:
    def __init__(self) -> None:
        self.undo: list[_Snapshot] = []
        self.redo: list[_Snapshot] = []

    def record(self, session) -> None:
        self.undo.append(snapshot(session))
        del self.undo[:-MAX_UNDO]
        self.redo.clear()

    def step(self, session, *, back: bool) -> bool:
        source, target = (self.undo, self.redo) if back else (self.redo, self.undo)
        if not source:
            return False
        target.append(snapshot(session))
        restore(session, source.pop())
        return True


def to_state(session, extra: dict | None = None) -> dict:
    """Everything needed to resume the review later: the text and every proposal with its decision."""
    return {
        "version": STATE_VERSION,
        "text": session.text,
        "next_id": session._next_id,
        "proposals": [[p.id, p.start, p.end, p.label, p.confidence, p.source, p.status, p.relabelled]
                      for p in session.proposals],
        **(extra or {}),
    }


def load_state(session, state: dict) -> bool:
    """Put a paused review's decisions back; False (and nothing changed) if the state does not fit the text."""
    if state.get("version") != STATE_VERSION or state.get("text") != session.text:
        return False
    props = {}
    n = len(session.text)
    for row in state.get("proposals", []):
        pid, start, end, label, conf, source, status, relabelled = row
        if not (0 <= start < end <= n) or label not in LABELS or status not in (PENDING, ACCEPTED, REJECTED):
            return False
        props[int(pid)] = Proposal(int(pid), int(start), int(end), label, float(conf), str(source), status,
                                   bool(relabelled))
    session._proposals = props
    session._next_id = max([int(state.get("next_id", 1)), *(p + 1 for p in props)])
    return True


def apply_remembered(session, rejected: dict[str, str], accepted: dict[str, str]) -> tuple[int, int]:
    """Decide pending proposals from the project's lists: a rejected string (for its label, or any label with
    "ANY") is rejected, an accepted name accepted; mentions of accepted names the detector did not propose are
    added, pending. Returns (decided, added)."""
    decided = added = 0
    for p in session.proposals:
        if p.status != PENDING:
            continue
        key = " ".join(session.text[p.start:p.end].split()).casefold()
        ekey = entity_key(session.text[p.start:p.end])
        lab = rejected.get(key) or rejected.get(ekey)
        if lab is not None and lab in ("ANY", p.label):
            p.status = REJECTED
            decided += 1
        elif accepted.get(key) == p.label or accepted.get(ekey) == p.label:
            p.status = ACCEPTED
            decided += 1
    for surface, label in accepted.items():
        for m in _mention_regex(surface).finditer(session.text):
            s, e = m.start(1), m.end(1)
            if any(o.overlaps(s, e) for o in session._proposals.values()):
                continue
            session._new(s, e, label, 0.9, "remembered", ACCEPTED)
            added += 1
    return decided, added
