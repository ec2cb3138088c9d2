"""What the readers share: the supported formats, the size limits, content sniffing, and the reader result.

Size limits (documented in docs/importers.md; a file above them is refused with a clear message, before
anything is parsed):

- plain text, VTT and SRT files: 50 MB on disk (a 15,000-word transcript is about 100 KB);
- DOCX, ODT, RTF and PDF files: 100 MB on disk (they may carry images);
- inside a DOCX/ODT zip package: at most 2,000 parts, 100 MB uncompressed for any one part, 300 MB in all,
  and no part over 1 MB that expands more than 200 times (a zip bomb; real XML expands 5-20 times);
- the extracted text: at most 20 million characters (about 3 million words).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .errors import UnsupportedFormat

MB = 1024 * 1024

EXTENSIONS = {
    ".txt": "txt",
    ".text": "txt",
    ".docx": "docx",
    ".odt": "odt",
    ".rtf": "rtf",
    ".pdf": "pdf",
    ".vtt": "vtt",
    ".srt": "srt",
}
FORMATS = ("txt", "docx", "odt", "rtf", "pdf", "vtt", "srt")

MAX_FILE_BYTES = {
    "txt": 50 * MB,
    "vtt": 50 * MB,
    "srt": 50 * MB,
    "docx": 100 * MB,
    "odt": 100 * MB,
    "rtf": 100 * MB,
    "pdf": 100 * MB,
}
MAX_ZIP_PARTS = 2000
MAX_ZIP_PART_BYTES = 100 * MB
MAX_ZIP_TOTAL_BYTES = 300 * MB
MAX_ZIP_RATIO = 200
MAX_TEXT_CHARS = 20_000_000

_HINTS = {
    ".doc": "Old Word .doc files are not supported; open the file in Word or LibreOffice and save it as .docx.",
    ".pages": "Apple Pages files are not supported; export the file as .docx or .txt.",
    ".wpd": "WordPerfect files are not supported; save the file as .docx.",
    ".xlsx": "Spreadsheets are not transcripts; save the transcript as .docx or .txt.",
    ".md": "Markdown files are read as plain text: rename the file to .txt.",
}

# Leading bytes of formats someone may rename by mistake.
_MAGIC = (
    (b"PK\x03\x04", "a zip package (such as a Word .docx or OpenDocument .odt file)"),
    (b"%PDF-", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Microsoft Office file (.doc) or a password-protected document"),
    (b"\x89PNG", "a PNG image"),
    (b"\xff\xd8\xff", "a JPEG image"),
    (b"GIF8", "a GIF image"),
    (b"MZ", "a Windows program"),
    (b"\x7fELF", "a program"),
    (b"ID3", "an MP3 audio file"),
    (b"RIFF", "an audio or video file"),
    (b"\x1f\x8b", "a gzip archive"),
    (b"Rar!", "a RAR archive"),
    (b"7z\xbc\xaf", "a 7-Zip archive"),
)


def format_of(name: str) -> str:
    """The reader for a file name, by extension; UnsupportedFormat with advice otherwise."""
    lower = name.lower()
    dot = lower.rfind(".")
    ext = lower[dot:] if dot >= 0 else ""
    if ext in EXTENSIONS:
        return EXTENSIONS[ext]
    if ext in _HINTS:
        raise UnsupportedFormat(_HINTS[ext])
    supported = ", ".join(sorted({e for e in EXTENSIONS if e != ".text"}))
    what = f"'{ext}' files" if ext else "files without an extension"
    raise UnsupportedFormat(f"Cannot import {what}; the supported formats are {supported}.")


# Signatures made of letters that a transcript line could start with ("MZ: hello"): trusted only when
# binary bytes follow.
_PRINTABLE_MAGIC = (b"MZ", b"ID3", b"RIFF", b"GIF8", b"Rar!")
_BINARY_BYTE = re.compile(rb"[\x00-\x08\x0e-\x1a\x1c-\x1f]")


def sniff(data: bytes) -> str | None:
    """What a file really is, judged by its first bytes, when that is a known binary or document format."""
    head = data[:16].lstrip(b"\xef\xbb\xbf \t\r\n")
    for magic, what in _MAGIC:
        if head.startswith(magic):
            if magic in _PRINTABLE_MAGIC and not _BINARY_BYTE.search(data[:1024]):
                return None
            return what
    return None


@dataclass
class ReadResult:
    """A reader's output: raw text (not yet normalised) and what the source structure says about speakers."""

    text: str
    source_format: str
    encoding: str | None = None
    # Labels that the structure itself marks as speakers (VTT voices, a table's speaker column).
    speaker_hints: set[str] = field(default_factory=set)


TIMESTAMP_CELL = re.compile(r"^[\[(]?(?:\d{1,3}:)?\d{1,2}:\d{2}(?:[.,]\d{1,3})?[\])]?$")
_HEADER_WORDS = {"speaker", "name", "who", "time", "timestamp", "time code", "timecode", "text", "transcript",
                 "dialogue", "utterance", "speech", "content", "participant", "role"}


def _short_label(cell: str) -> bool:
    return (
        len(cell) <= 40 and "\n" not in cell and len(cell.split()) <= 5 and not cell.endswith(("?", "!", ","))
    )


def render_rows(rows: list[list[str]]) -> tuple[list[str], set[str]]:
    """Lines for a table read row by row, and the speaker labels it names.

    A transcript table (speaker | text, or time | speaker | text) becomes "[time] Speaker: text" lines so that
    speaker detection treats it like any transcript; any other row becomes its non-empty cells joined by tabs.
    A header row (Speaker | Text) stays a plain row. A speaker column label counts as a speaker hint only when
    it opens at least two rows, so a two-column table of facts (Age | 15) is not mistaken for speakers.
    """
    lines: list[str] = []
    labels: dict[str, int] = {}
    for row in rows:
        cells = [c.strip() for c in row if c and c.strip()]
        if not cells:
            continue
        lead = cells[:-1]
        is_header = all(c.lower().rstrip(":") in _HEADER_WORDS for c in cells)
        if 2 <= len(cells) <= 3 and not is_header and all(_short_label(c) for c in lead):
            stamps = [c.strip("[]()") for c in lead if TIMESTAMP_CELL.match(c)]
            names = [c.rstrip(":").strip() for c in lead if not TIMESTAMP_CELL.match(c)]
            if len(names) == 1 and len(stamps) <= 1 and names[0]:
                prefix = f"[{stamps[0]}] " if stamps else ""
                lines.append(f"{prefix}{names[0]}: {cells[-1]}")
                labels[names[0]] = labels.get(names[0], 0) + 1
                continue
        lines.append("\t".join(cells))
    return lines, {name for name, n in labels.items() if n >= 2}
