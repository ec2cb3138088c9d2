"""The review screen's work outside the widgets: reading and detecting off the GUI thread, the preview, storing.

``DetectWorker`` reads, normalises and runs the detector in a worker thread (it never touches the project).
``preview`` gives the anonymised text and document name as Store would make them, inside a transaction that
is rolled back, so the preview leaves no pseudonym behind. ``store_reviewed`` stores a reviewed file through
the batch importer's ``store`` (one transaction: anonymised text, mapped turns, log, anonymised name).
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from PySide6.QtCore import QObject, Signal

from ..anonymise import pipeline
from ..anonymise.review import AnonymisedResult, ReviewSession
from ..anonymise.spans import REVIEW_MIN_CONFIDENCE
from ..importers.batch import IMPORTED, FileResult, ImportOptions, store
from ..importers.prepare import PreparedDocument, prepare_file
from ..importers.speakers import speaker_summary


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


def preview(project, session: ReviewSession, name: str) -> tuple[AnonymisedResult, str]:
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


def store_reviewed(project, path: str, prepared: PreparedDocument, session: ReviewSession,
                   options: ImportOptions) -> FileResult:
    """Store one reviewed file in one transaction; raises ProjectError (nothing stored) on failure."""
    with project.transaction():
        reviewed = pipeline.finish_review(session, prepared.turn_tuples())
        doc = store(project, prepared, replace(options, anonymise=True), pipeline, reviewed=reviewed)
    turns = project.turns.list(doc.id)
    return FileResult(path, IMPORTED, doc.id, doc.name, doc.word_count, len(turns), speaker_summary(turns),
                      source_format=prepared.source_format)
