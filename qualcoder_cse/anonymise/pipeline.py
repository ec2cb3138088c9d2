"""One-call anonymisation for the import path (``import --anonymise auto``) and for the ``anonymise`` command.

``anonymise_for_import`` accepts every proposal, replaces it with the project's placeholder for that entity,
moves the speaker turns onto the new text, anonymises the speaker labels too, and returns the log entries
for the importer to store once the document has an id (``project.pseudonyms.write_log(doc_id, log)``).
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from ..core.turn_stamps import time_only
from .doc_names import file_word
from .review import AnonymisedResult, ReviewSession

if TYPE_CHECKING:
    from ..core.project import Project


def anonymise_for_import(project: Project, text: str, turns=(), *, coder: str | None = None, detector=None, spans=None):
    """Returns ``(anonymised_text, mapped_turns, log)``.

    ``turns`` are tuples ``(start, end, speaker[, timestamp])`` with offsets into ``text``; the returned turns
    have offsets into the anonymised text and names in speaker labels replaced. ``log`` is a list of
    ``core.pseudonyms.LogEntry`` (label, placeholder, decision, coder, at), never the original text.
    ``spans``: the detector's spans for ``text`` at confidence 0.4, already found (the batch importer runs
    detection in worker processes); placeholders are still assigned here, under the project's secret.
    """
    if spans is None:
        session = ReviewSession.detect(text, project=project, coder=coder, detector=detector, min_confidence=0.4)
    else:
        if detector is None:
            from .detect import load_detector

            detector = load_detector()
        session = ReviewSession(text, spans, project=project, coder=coder, detector=detector)
    session.accept_all()
    return finish_review(session, turns, decision="auto")


def finish_review(session: ReviewSession, turns=(), *, decision: str | None = None):
    """After the researcher's review (the import dialog's review screen): ``(anonymised_text, mapped_turns,
    log)`` exactly as ``anonymise_for_import`` returns them; pending proposals are left as they are, so the
    screen should only offer "store" when ``session.pending_count == 0``."""
    result = session.apply(decision=decision)
    mapped = []
    labels: dict[str, str] = {}  # a document has a few speakers and thousands of turns: each label once
    for t in result.map_turns(list(turns)):
        if len(t) > 2 and t[2]:
            if t[2] not in labels:
                labels[t[2]] = session.anonymise_label(t[2])
            speaker = labels[t[2]]
        else:
            speaker = t[2] if len(t) > 2 else None
        rest = t[3:]
        if rest and isinstance(rest[0], str):
            rest = (time_only(rest[0]), *rest[1:])
        mapped.append((t[0], t[1], speaker, *rest))
    return result.text, mapped, result.log


def anonymise_name(project: Project, name: str, *, detector=None) -> str:
    """A document name with any identifier in it replaced (file names often carry a participant's name)."""
    if detector is None:
        from .detect import load_detector

        detector = load_detector()
    # "interview_jodie_smith": read separators as spaces so the parts are seen as words, not a username
    spaced = name.replace("_", " ")
    # a file's own numbering, version or encoding names no one: "telegram_chat2", "interview_03_draft2"
    spans = [sp for sp in detector.detect(spaced) if not file_word(sp.text, sp.label, detector.gaz.words)]
    if project is not None and spans:  # what the project remembers as rejected stays ("Greater Manchester Police")
        kept = {" ".join(r.surface.split()).casefold() for r in project.review_memory.remembered("reject")}
        spans = [sp for sp in spans if " ".join(sp.text.split()).casefold() not in kept]
    session = ReviewSession(name, spans, project=project, detector=detector)
    session.accept_all()
    return session.apply().text


def anonymise_text(text: str, *, project: Project=None, numbering=None, detector=None) -> AnonymisedResult:
    """Detect and replace everything in a text (the ``anonymise`` command; per-run numbering without a
    project)."""
    session = ReviewSession.detect(text, project=project, numbering=numbering, detector=detector,
                                   min_confidence=0.4)
    session.accept_all()
    return session.apply(decision="auto")
