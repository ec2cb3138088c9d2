"""The review screen's work outside the widgets: reading and detecting off the GUI thread, the preview, storing.

``DetectWorker`` reads, normalises and runs the detector in a worker thread (it never touches the project).
``preview`` gives the anonymised text and document name as Store would make them, inside a transaction that
is rolled back, so the preview leaves no pseudonym behind. ``store_reviewed`` stores a reviewed file through
the batch importer's ``store`` (one transaction: anonymised text, mapped turns, log, anonymised name).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QObject, Signal

from ..anonymise import pipeline
from ..anonymise.review import AnonymisedResult, ReviewSession
from ..anonymise.spans import REVIEW_MIN_CONFIDENCE
from ..importers.prepare import PreparedDocument, prepare_file
from ..importers.speakers import speaker_summary
from ..workflows.file_import import IMPORTED, FileResult, ImportOptions, store

if TYPE_CHECKING:
    from ..core.project import Project


class DetectWorker(QObject):
    done = Signal(object, object, object)  # prepared, (detector, spans), exception

    def __init__(self, path: Path, options: ImportOptions) -> None:
        super().__init__()
        self.path, self.options = path, options

    def run(self) -> None:
        try:
            from ..anonymise.detect import load_detector

            prepared = prepare_file(self.path, self.options.speakers)
            detector = load_detector()
            spans = detector.detect(prepared.text, min_confidence=REVIEW_MIN_CONFIDENCE)
            self.done.emit(prepared, (detector, spans), None)
        except Exception as exc:  # noqa: BLE001 - shown as this file's result on the GUI thread
            self.done.emit(None, None, exc)


class _Rollback(Exception):
    """Raised to undo the pseudonym rows a preview creates."""


def preview(project: Project, session: ReviewSession, name: str) -> tuple[AnonymisedResult, str]:
    """The anonymised text and document name as Store would make them; nothing is kept in the project."""
    result = stored_name = None
    try:
        with project.transaction():
            result = session.apply()
            stored_name = pipeline.anonymise_name(project, name).strip() or "Document"
            raise _Rollback
    except _Rollback:
        pass
    return result, stored_name


def store_reviewed(project: Project, path: str, prepared: PreparedDocument, session: ReviewSession,
                   options: ImportOptions) -> FileResult:
    """Store one reviewed file in one transaction; raises ProjectError (nothing stored) on failure."""
    with project.transaction():
        reviewed = pipeline.finish_review(session, prepared.turn_tuples())
        doc = store(project, prepared, replace(options.for_path(path), anonymise=True), pipeline, reviewed=reviewed)
        project.review_memory.discard_paused(prepared.sha256)  # the original text leaves with the review
    turns = project.turns.list(doc.id)
    return FileResult(path, IMPORTED, doc.id, doc.name, doc.word_count, len(turns), speaker_summary(turns),
                      source_format=prepared.source_format)


def pause_review(project: Project, session: ReviewSession, prepared: PreparedDocument, path: str) -> None:
    """Keep the review of this file (text, turns, every decision) in the project to resume it later."""
    decided = sum(1 for p in session.proposals if p.status != "pending")
    state = {"session": session.to_state(), "name": prepared.name}
    project.review_memory.pause(prepared.sha256, prepared.name, path, state, decided)


def resume_and_remember(project: Project, session: ReviewSession, sha256: str) -> tuple[str, str]:
    """Restore a paused review of the same file, then decide what the project's remembered lists decide.
    Returns the two sentences the screen shows about it ("" when nothing happened)."""
    resumed = ""
    paused = project.review_memory.paused(sha256)
    if paused is not None and paused.state and session.load_state(paused.state.get("session") or {}):
        resumed = (f"Resumed the review paused on {paused.saved_at[:16].replace('T', ' ')}: "
                   f"{paused.decided} decision{'' if paused.decided == 1 else 's'} restored (Ctrl+Z undoes it).")
    elif paused is not None:
        resumed = ("A paused review of this file is kept but does not fit the text as read now (other import "
                   "options?); it was not restored. Storing this review replaces it.")
    rejected, accepted = {}, {}
    for r in project.review_memory.remembered():
        key = " ".join(r.surface.split()).casefold()
        (rejected if r.kind == "reject" else accepted)[key] = r.label
    decided, added = session.apply_remembered(rejected, accepted) if (rejected or accepted) else (0, 0)
    remembered = ""
    if decided or added:
        remembered = (f"{decided + added} proposal{'' if decided + added == 1 else 's'} decided from the "
                      "project's remembered decisions (shown, and can be changed).")
    return resumed, remembered
