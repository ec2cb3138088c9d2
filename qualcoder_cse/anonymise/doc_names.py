"""Identifiers in document names: a document takes its file's name ("Interview Jodie Smith 2023-05-01"), which
the text's anonymisation never sees. ``name_proposals`` finds names that hold an identifier and proposes an
anonymised one (each identifier replaced by the placeholder it already has in the project, else an
unnumbered one such as "[Person]"); ``rename_documents`` applies them. Proposing changes nothing.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.errors import ProjectError
from .placeholders import PLACEHOLDER_RX, PlaceholderFormat, kind_of
from .shapes import POSTCODE_AREAS
from .spans import entity_key

if TYPE_CHECKING:
    from ..core.project import Project

MIN_CONFIDENCE = 0.4
# file-name words that a handle-like shape (letters and digits) or a two-word name may mistake for a person:
# a version or draft number, a part or take
_FILE_WORD = re.compile(r"(?i)(?:v|ver|version|rev|draft|final|part|pt|take|copy|edit|tx)\d*")
_NUMBERED_WORD = re.compile(r"([A-Za-z]+)[ -]?\d{1,3}")


@dataclass(frozen=True)
class NameProposal:
    document_id: int
    name: str
    proposed: str
    labels: tuple[str, ...]


def _placeholder(project: Project, fmt: PlaceholderFormat, label: str, surface: str) -> str:
    """The entity's placeholder when the project already knows it (so the name matches the text), else an
    unnumbered one. Proposing never creates a pseudonym, and works without the key (sealed, a copy)."""
    kind = kind_of(label, surface)
    if fmt.is_numbered(kind):
        try:
            found = project.pseudonyms.find(kind, entity_key(surface))
        except ProjectError:  # no key here (sealed, a coder's copy)
            found = None
        if found is not None:
            return found.placeholder
    return fmt.render(kind, None)


_FORM_CODE = re.compile(r"([A-Za-z]{1,2})\d{1,2}[A-Za-z]?")


def file_word(original: str, label: str = "", words: dict | frozenset = frozenset()) -> bool:
    """A part of a file name that names the file, not a person: a text encoding Python knows ("utf16",
    "mac_roman", "latin-1"), a version or draft ("draft2", "v3"), or (session 9) an English word with the
    file's number read as a username ("telegram_chat2", "interview3"), or (session 10) a form's code read as a
    postcode district when no postcode area has its letters ("mg11_statement": the police witness form)."""
    if _FILE_WORD.fullmatch(original):
        return True
    code = _FORM_CODE.fullmatch(original)
    if label == "LOCATION" and code and code.group(1).upper() not in POSTCODE_AREAS:
        return True
    m = _NUMBERED_WORD.fullmatch(original)
    if label == "CONTACT" and m and m.group(1).lower() in words:
        return True
    try:
        codecs.lookup(original)
    except LookupError:
        return False
    return True


def _anonymised(project: Project, name: str, detector) -> tuple[str, tuple[str, ...]]:
    # file names use _ . - for spaces; same length, so offsets stay valid for the original name
    spaced = "".join(" " if c in "_.-" else c for c in name)
    masked = [(m.start(), m.end()) for m in PLACEHOLDER_RX.finditer(name)]
    spans = [s for s in detector.detect(spaced, min_confidence=MIN_CONFIDENCE)
             if not any(s.start < e and b < s.end for b, e in masked)
             and not file_word(name[s.start:s.end], s.label, detector.gaz.words)]
    if not spans:
        return name, ()
    fmt = PlaceholderFormat.for_project(project)
    out, pos, labels = [], 0, []
    for s in sorted(spans, key=lambda s: s.start):
        if s.start < pos:
            continue
        out += [name[pos:s.start], _placeholder(project, fmt, s.label, spaced[s.start:s.end])]
        labels.append(s.label)
        pos = s.end
    out.append(name[pos:])
    return " ".join("".join(out).split()), tuple(labels)


def name_proposals(project: Project, detector=None) -> list[NameProposal]:
    """Documents whose names hold an identifier, each with an anonymised name proposed."""
    if detector is None:
        from .detect import load_detector

        detector = load_detector()
    out = []
    for doc in project.documents.list():
        proposed, labels = _anonymised(project, doc.name, detector)
        if labels and proposed != doc.name:
            out.append(NameProposal(doc.id, doc.name, proposed, labels))
    return out


def rename_documents(project: Project, proposals: list[NameProposal]) -> int:
    """Rename each document to its proposed name (a clash gets " (2)", " (3)"...); one transaction."""
    taken = {d.name.casefold() for d in project.documents.list()}
    with project.transaction():
        for p in proposals:
            taken.discard(p.name.casefold())
            name, n = p.proposed, 1
            while name.casefold() in taken:
                n += 1
                name = f"{p.proposed} ({n})"
            project.documents.rename(p.document_id, name)
            taken.add(name.casefold())
    return len(proposals)
