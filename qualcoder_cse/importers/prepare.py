"""From a file to what would be stored: normalised text, speaker turns, hash, format, word count.

``prepare_file`` is pure: it reads and analyses but stores nothing, so the import dialog can preview the
speakers of a file before anything reaches the project, and the batch import can anonymise the result
before storing it. Offsets of the turns are into ``PreparedDocument.text``.
"""

from __future__ import annotations

import hashlib
import os
from dataclasses import dataclass
from pathlib import Path

from ..core.util import word_count
from .errors import EmptyDocument
from .formats import format_of
from .normalise import normalise
from .readers import load_bytes, read_bytes
from .speakers import DetectedTurn, SpeakerOptions, detect_turns


@dataclass
class PreparedDocument:
    name: str
    text: str
    turns: list[DetectedTurn]
    sha256: str
    source_format: str
    encoding: str | None

    @property
    def words(self) -> int:
        return word_count(self.text)

    def turn_tuples(self) -> list[tuple[int, int, str, str | None]]:
        return [t.as_tuple() for t in self.turns]


def prepare_bytes(
    data: bytes, fmt: str, name: str, speakers: SpeakerOptions | None = None
) -> PreparedDocument:
    """Read, normalise and find speaker turns; raises ImporterError for a file that cannot be imported."""
    result = read_bytes(data, fmt)
    text = normalise(result.text)
    if not text.strip():
        if fmt in ("docx", "odt", "rtf"):
            raise EmptyDocument(
                "The document body holds no text (headers, footers, footnotes, text boxes and images are not read)."
            )
        raise EmptyDocument("The file holds no text.")
    hints = frozenset(h for h in (normalise(h) for h in result.speaker_hints) if h)
    text, turns = detect_turns(text, speakers, hints)
    return PreparedDocument(
        name=name,
        text=text,
        turns=turns,
        sha256=hashlib.sha256(data).hexdigest(),
        source_format=result.source_format,
        encoding=result.encoding,
    )


def prepare_file(path: str | os.PathLike, speakers: SpeakerOptions | None = None) -> PreparedDocument:
    path = Path(path)
    fmt = format_of(path.name)
    return prepare_bytes(load_bytes(path, fmt), fmt, document_name(path), speakers)


def document_name(path: Path) -> str:
    """The document name a file gets: its file name without the extension."""
    return " ".join(path.stem.split()) or path.name
