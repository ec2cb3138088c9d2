"""One entry point for every format: ``read_bytes`` returns text or raises ImporterError (``load_bytes``
reads a file within its format's size limit first).

The readers parse hostile input with third-party libraries (python-docx, odfpy, striprtf, pypdf) that raise
whatever they like on damaged files; here every such exception becomes a ``DamagedFile`` with a plain
message that names the format, never the contents. Nothing is written anywhere while reading: the bytes
are read into memory once, and no temporary files are made.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from .errors import DamagedFile, FileTooLarge, ImporterError
from .formats import FORMATS, MAX_FILE_BYTES, MAX_TEXT_CHARS, MB, ReadResult
from .office import read_docx, read_odt
from .pdf import read_pdf
from .subtitles import read_srt, read_vtt
from .text import read_rtf, read_txt

READERS: dict[str, Callable[[bytes], ReadResult]] = {
    "txt": read_txt,
    "docx": read_docx,
    "odt": read_odt,
    "rtf": read_rtf,
    "pdf": read_pdf,
    "vtt": read_vtt,
    "srt": read_srt,
}
assert set(READERS) == set(FORMATS)

_NAMES = {
    "txt": "text file", "docx": "Word document", "odt": "OpenDocument text", "rtf": "RTF document",
    "pdf": "PDF document", "vtt": "WebVTT file", "srt": "SRT file",
}


def read_bytes(data: bytes, fmt: str) -> ReadResult:
    """Read the bytes of a file in format ``fmt``; returns the raw text or raises ImporterError."""
    if fmt not in READERS:
        raise ImporterError(f"Unknown import format '{fmt}'.")
    limit = MAX_FILE_BYTES[fmt]
    if len(data) > limit:
        raise FileTooLarge(
            f"This {_NAMES[fmt]} is {len(data) / MB:.0f} MB; the limit for this format is {limit // MB} MB."
        )
    if not data.strip():
        raise DamagedFile(f"This {_NAMES[fmt]} is empty (0 bytes or only blank space).")
    try:
        result = READERS[fmt](data)
    except ImporterError:
        raise
    except (MemoryError, RecursionError):
        raise FileTooLarge(f"This {_NAMES[fmt]} is too large or too deeply nested to read safely.") from None
    except Exception:  # noqa: BLE001 - a reader let a parser's own exception through
        raise DamagedFile(f"This {_NAMES[fmt]} is damaged or is not really a {_NAMES[fmt]}.") from None
    if len(result.text) > MAX_TEXT_CHARS:
        raise FileTooLarge(f"This {_NAMES[fmt]} holds more than {MAX_TEXT_CHARS:,} characters of text.")
    return result


def load_bytes(path: Path, fmt: str) -> bytes:
    """The file's bytes, refusing directories, unreadable files and files above the format's limit unread."""
    try:
        if not path.exists():
            raise ImporterError("The file does not exist.")
        if not path.is_file():
            raise ImporterError("This is a folder or a device, not a file.")
        size = path.stat().st_size
        limit = MAX_FILE_BYTES[fmt]
        if size > limit:
            raise FileTooLarge(
                f"This {_NAMES[fmt]} is {size / MB:.0f} MB; the limit for this format is {limit // MB} MB."
            )
        with path.open("rb") as fh:
            data = fh.read(limit + 1)
    except ImporterError:
        raise
    except OSError as exc:
        raise ImporterError(f"Cannot read the file: {exc.strerror or 'input/output error'}.") from None
    if len(data) > limit:
        raise FileTooLarge(f"This {_NAMES[fmt]} is larger than the {limit // MB} MB limit for this format.")
    return data
