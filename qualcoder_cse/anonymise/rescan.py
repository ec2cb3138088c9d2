"""Re-scan of stored documents for leftovers: identifiers that slipped through at import (or that a newer
detector finds). Proposals come back as review sessions on the stored text; placeholders already in the text
are never proposed again. Applying a session replaces the text and moves codings and turns with it.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from .mentions import find_in_project
from .placeholders import PLACEHOLDER_RX
from .review import ReviewSession

if TYPE_CHECKING:
    from ..core.project import Project

__all__ = ["apply_rescan", "find_in_project", "leftover_count", "propose_in_project", "rescan_document",
           "rescan_project"]


def rescan_document(project: Project, doc_id: int, *, detector=None) -> ReviewSession:
    """A review session over one stored document, with placeholders masked out."""
    text = project.documents.text(doc_id)
    session = ReviewSession.detect(text, project=project, detector=detector, min_confidence=0.4)
    masked = [(m.start(), m.end()) for m in PLACEHOLDER_RX.finditer(text)]
    # strings the project remembers as rejected ("Greater Manchester Police" kept readable) are no leftovers
    kept = {" ".join(r.surface.split()).casefold() for r in project.review_memory.remembered("reject")}
    for p in session.proposals:
        if any(p.start < e and s < p.end for s, e in masked) or (
                kept and " ".join(session.surface(p.id).split()).casefold() in kept):
            session.drop(p.id)
    return session


def rescan_project(
    project: Project, *, detector=None, progress: Callable[[int, int], None] | None = None
) -> dict[int, ReviewSession]:
    """Sessions for every document that has leftovers (documents with none are left out)."""
    if detector is None:
        from .detect import load_detector

        detector = load_detector()
    docs = project.documents.list()
    out: dict[int, ReviewSession] = {}
    for i, doc in enumerate(docs):
        session = rescan_document(project, doc.id, detector=detector)
        if session.proposals:
            out[doc.id] = session
        if progress:
            progress(i + 1, len(docs))
    return out


def apply_rescan(project: Project, doc_id: int, session: ReviewSession) -> int:
    """Store the session's accepted replacements; returns how many were made."""
    result = session.apply(decision=None)
    if not result.replacements:
        return 0
    with project.transaction():
        project.documents.replace_text(doc_id, result.text, result.offset_map)
        project.pseudonyms.write_log(doc_id, [
            e.__class__(e.label, e.placeholder, "rescan " + e.decision, e.coder, e.at) for e in result.log
        ])
    return len(result.replacements)


def propose_in_project(
    project: Project, surface: str, label: str, *, exclude: int | None = None, detector=None
) -> dict[int, ReviewSession]:
    """A span the researcher added by hand: review sessions for every other stored document that still holds
    the same string, with each mention proposed (pending). Apply them with ``apply_rescan``."""
    out: dict[int, ReviewSession] = {}
    for doc_id, hits in find_in_project(project, surface).items():
        if doc_id == exclude:
            continue
        text = project.documents.text(doc_id)
        session = ReviewSession(text, [], project=project, detector=detector)
        for s, e in hits:
            session.propose(s, e, label)
        out[doc_id] = session
    return out


def leftover_count(project: Project, surface: str) -> int:
    return sum(len(v) for v in find_in_project(project, surface).values())

