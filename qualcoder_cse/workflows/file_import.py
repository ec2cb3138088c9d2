"""Import one file into a project: read it, check for a duplicate, anonymise it when asked, and store the
document, its turns, attributes, anonymisation log and speaker cases in ONE transaction.

    result = import_one(project, path, ImportOptions(kind="lscb", attributes={"Force": "Force 12"}))

A file that fails at any step leaves nothing behind; its ``FileResult`` says why in one sentence that never
quotes the file's text. Duplicates (the same SHA-256 of the original file's bytes as a stored document) are
skipped unless allowed. ``store`` is the storing step alone, also used by the window's anonymisation review.
Many files: ``batch_import.import_files`` (serially, or with detection in worker processes through
``parallel_import``). The readers (``importers/``) read; this module writes.
"""

from __future__ import annotations

import hashlib
import importlib.util
import os
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import TYPE_CHECKING

from ..core.errors import InvalidValue, ProjectError
from ..core.schema import DOCUMENT_KINDS
from ..importers.errors import ImporterError
from ..importers.formats import format_of
from ..importers.prepare import PreparedDocument, document_name, prepare_bytes
from ..importers.readers import load_bytes
from ..importers.speakers import SpeakerOptions, compile_pattern, speaker_summary

if TYPE_CHECKING:
    from ..core.models import Document
    from ..core.project import Project
    from .parallel_import import Ahead

IMPORTED, DUPLICATE, FAILED, CANCELLED = "imported", "duplicate", "failed", "cancelled"

# Labels of the people running an interview or group: not made into cases by ``cases_from_speakers``.
INTERVIEWER_LABELS = frozenset({
    "int", "iv", "i", "q", "interviewer", "facilitator", "fac", "moderator", "mod", "researcher", "chair"
})

ANONYMISER_MODULE = "qualcoder_cse.anonymise.pipeline"


@dataclass
class ImportOptions:
    """Choices that apply to every file of one import."""

    kind: str = "other"
    attributes: dict[str, str] = field(default_factory=dict)
    anonymise: bool = False
    speakers: SpeakerOptions = field(default_factory=SpeakerOptions)
    # speaker label -> case name: every turn of that speaker (in each imported file) is given to the case.
    speaker_cases: dict[str, str] = field(default_factory=dict)
    # Make every speaker but the interviewer a case named "<document>: <speaker>" (focus-group participants).
    cases_from_speakers: bool = False
    # Import a file even when a document from the same original file already exists.
    allow_duplicates: bool = False
    # The kind of each file (str(path) -> kind), where it differs from ``kind`` (the import dialog's per-file
    # kinds); ``for_path`` gives one file's options.
    kinds: dict[str, str] = field(default_factory=dict)

    def for_path(self, path: str | os.PathLike) -> ImportOptions:
        kind = self.kinds.get(str(path))
        return replace(self, kind=kind, kinds={}) if kind else self


@dataclass
class FileResult:
    """What happened to one file. ``reason`` is one sentence and never contains the file's text."""

    path: str
    status: str
    document_id: int | None = None
    name: str | None = None
    words: int = 0
    turns: int = 0
    speakers: list[tuple[str, int]] = field(default_factory=list)
    reason: str = ""
    source_format: str | None = None

    def as_dict(self) -> dict:
        return {
            "file": self.path,
            "status": self.status,
            "document_id": self.document_id,
            "name": self.name,
            "words": self.words,
            "turns": self.turns,
            "speakers": [{"speaker": s, "turns": n} for s, n in self.speakers],
            "format": self.source_format,
            "reason": self.reason,
        }


def anonymiser_available() -> bool:
    """True when the anonymiser's import hook is installed (``--anonymise auto`` can run)."""
    try:
        return importlib.util.find_spec(ANONYMISER_MODULE) is not None
    except (ImportError, ValueError):
        return False


def load_anonymiser():
    """The anonymiser's module (``anonymise_for_import``, ``anonymise_name``), or ImporterError."""
    if not anonymiser_available():
        raise ImporterError(
            "Anonymisation on import is not available in this build (the anonymiser is missing); nothing was "
            "imported. Use --anonymise off only for text that is already anonymised."
        )
    try:
        module = importlib.import_module(ANONYMISER_MODULE)
    except Exception as exc:  # noqa: BLE001 - a broken install must not look like "anonymised"
        raise ImporterError(
            f"The anonymiser could not be loaded ({type(exc).__name__}); nothing was imported."
        ) from None
    if not hasattr(module, "anonymise_for_import"):
        raise ImporterError("The anonymiser does not offer an import hook; nothing was imported.")
    return module


def check_options(project: Project, options: ImportOptions) -> None:
    """Refuse bad options before any file is touched (InvalidValue / ImporterError)."""
    for kind in (options.kind, *options.kinds.values()):
        if kind not in DOCUMENT_KINDS:
            raise InvalidValue(f"Unknown document kind '{kind}'; use one of {', '.join(DOCUMENT_KINDS)}.")
    for name, value in options.attributes.items():
        if not name.strip():
            raise InvalidValue("An attribute needs a name (use NAME=VALUE).")
        attr = project.attributes.by_name(name, scope="document")
        if attr is not None:
            project.attributes.normalise(attr, value)
    for pattern in options.speakers.patterns:
        compile_pattern(pattern)
    if options.anonymise:
        load_anonymiser()
    for label, case in options.speaker_cases.items():
        if not label.strip() or not case.strip():
            raise InvalidValue("A speaker-to-case mapping needs both a speaker label and a case name.")


def import_one(project: Project, path: Path, options: ImportOptions, anonymiser=None, *, ahead: Ahead | None = None,
               spans: list | None = None) -> FileResult:
    """Import one file in one transaction; never raises for a problem with the file itself. ``ahead``: the
    file already read and prepared (``parallel_import.Ahead``); ``spans``: its detector spans, found elsewhere."""
    options = options.for_path(path)
    result = FileResult(str(path), FAILED)
    try:
        fmt = format_of(path.name) if ahead is None else ahead.get("fmt")
        result.source_format = fmt
        data = load_bytes(path, fmt) if ahead is None else None
        sha = hashlib.sha256(data).hexdigest() if ahead is None else ahead.get("sha")
        if not options.allow_duplicates:
            existing = project.documents.by_sha256(sha)
            if existing is not None:
                result.status = DUPLICATE
                result.document_id, result.name = existing.id, existing.name
                result.words = existing.word_count
                result.turns = len(project.turns.list(existing.id))
                result.reason = f"The same file was already imported as '{existing.name}'."
                return result
        if ahead is None:
            prepared = prepare_bytes(data, fmt, document_name(path), options.speakers)
        else:
            prepared = ahead.get("prepared")
        del data
        doc = store(project, prepared, options, anonymiser, spans=spans)
    except ProjectError as exc:  # ImporterError is one; so are InvalidValue and friends from the domain
        result.reason = str(exc)
        return result
    except MemoryError:
        result.reason = "The file is too large to import with the memory available."
        return result
    except Exception as exc:  # noqa: BLE001 - a bug: this file fails, the others go on
        result.reason = f"Unexpected error while importing ({type(exc).__name__}); nothing was stored for it."
        return result
    result.status = IMPORTED
    result.document_id, result.name, result.words = doc.id, doc.name, doc.word_count
    turns = project.turns.list(doc.id)
    result.turns = len(turns)
    result.speakers = speaker_summary(turns)
    return result


def store(project: Project, prepared: PreparedDocument, options: ImportOptions, anonymiser=None, reviewed=None,
          spans: list | None = None) -> Document:
    """Anonymise (when asked) and store one prepared document, its turns, attributes, anonymisation log and
    speaker cases, all in one transaction; returns the Document. ``reviewed`` is ``(text, turns, log)`` from
    ``anonymise.pipeline.finish_review`` (the window's review screen): the researcher's decisions replace
    the automatic ones; it is used only when ``options.anonymise``. ``spans``: the detector's spans for
    the text, found in a worker process (``parallel_import``); None detects here."""
    with project.transaction():
        text, turns, name = prepared.text, prepared.turn_tuples(), prepared.name
        attributes = dict(options.attributes)
        log = None
        labels = {t[2]: t[2] for t in turns}  # original speaker label -> stored label
        if options.anonymise:
            anonymiser = anonymiser or load_anonymiser()
            if reviewed is not None:
                text, new_turns, log = reviewed
            else:
                found = {} if spans is None else {"spans": spans}
                text, new_turns, log = anonymiser.anonymise_for_import(project, text, turns,
                                                                       coder=project.coder_name, **found)
            new_turns = [tuple(t) for t in new_turns]
            labels = {old[2]: new[2] for old, new in zip(turns, new_turns, strict=True)}
            turns = new_turns
            if hasattr(anonymiser, "anonymise_name"):
                name = anonymiser.anonymise_name(project, name).strip() or "Document"
                # (session 14) values typed beside the file ("participant=Kayleigh Brannigan") are read as
                # names are: they were stored and exported as typed while the text was anonymised
                attributes = {k: anonymiser.anonymise_name(project, v).strip() or v if v.strip() else v
                              for k, v in attributes.items()}
        doc = project.documents.add(
            project.documents.unique_name(name),
            text,
            kind=options.kind,
            source_sha256=prepared.sha256,
            source_format=prepared.source_format,
            anonymised=bool(options.anonymise),
            turns=turns,
            attributes=attributes,
        )
        if log:
            project.pseudonyms.write_log(doc.id, log)
        _map_cases(project, doc, labels, options)
    return doc


def _map_cases(project: Project, doc: Document, labels: dict[str, str], options: ImportOptions) -> None:
    """Give speakers' turns to cases. ``labels`` maps each original speaker label (what the user sees in the
    preview and names in ``speaker_cases``) to the label stored (anonymised when the import anonymises)."""
    mapping: dict[str, str] = {}
    if options.cases_from_speakers:
        for stored in labels.values():
            if stored.casefold() not in INTERVIEWER_LABELS:
                mapping[stored] = f"{doc.name}: {stored}"
    for label, case_name in options.speaker_cases.items():
        if label in labels:
            mapping[labels[label]] = case_name
    for speaker, case_name in sorted(mapping.items()):
        case = project.cases.get_or_create(case_name)
        project.turns.map_speaker(doc.id, speaker, case.id)
