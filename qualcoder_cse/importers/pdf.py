"""PDF reader: the text layer of every page, via pypdf.

A PDF made by scanning paper has images and no text layer; it is refused with advice to run OCR first
(we do not ship an OCR engine, and OCR'd transcripts need checking by a person anyway). Password-protected
PDFs that need a password to open are refused; ones with only an owner password open normally. Running
headers and footers (the same first or last line on most pages, page numbers aside) are dropped, as the
Word reader drops headers and footers.
pypdf's own limits bound decompression (75 MB per stream). Its warnings are silenced while reading: they
would clutter the console and add nothing the per-file result does not say.
"""

from __future__ import annotations

import io
import logging
import re
import warnings

from .errors import DamagedFile, EmptyDocument, FileTooLarge, ImporterError
from .formats import MAX_TEXT_CHARS, ReadResult, sniff

MAX_PDF_PAGES = 5000


def read_pdf(data: bytes) -> ReadResult:
    if b"%PDF-" not in data[:1024]:
        what = sniff(data)
        detail = f"its content is {what}" if what else "it has no PDF header"
        raise DamagedFile(f"This is not a PDF document: {detail} (it may be damaged or renamed).")
    logger = logging.getLogger("pypdf")
    level = logger.level
    logger.setLevel(logging.CRITICAL)
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore")
            return _read(data)
    except ImporterError:
        raise
    except Exception:  # noqa: BLE001 - pypdf raises many kinds on hostile input
        raise DamagedFile("This PDF document is damaged: its structure cannot be read.") from None
    finally:
        logger.setLevel(level)


def _read(data: bytes) -> ReadResult:
    from pypdf import PdfReader

    reader = PdfReader(io.BytesIO(data))
    if reader.is_encrypted:
        try:
            opened = reader.decrypt("")
        except Exception:  # noqa: BLE001 - unsupported cipher or missing crypto backend
            opened = 0
        if not opened:
            raise DamagedFile("This PDF is password-protected; remove the password and import it again.")
    n = len(reader.pages)
    if n > MAX_PDF_PAGES:
        raise FileTooLarge(f"This PDF has {n} pages; the limit is {MAX_PDF_PAGES}.")
    pages: list[str] = []
    total = 0
    for page in reader.pages:
        text = page.extract_text() or ""
        total += len(text)
        if total > MAX_TEXT_CHARS:
            raise FileTooLarge(f"This PDF holds more than {MAX_TEXT_CHARS:,} characters of text; refused.")
        pages.append(text.strip("\n"))
    if not any(p.strip() for p in pages):
        raise EmptyDocument(
            "This PDF has no text layer (it looks like a scan or an image); run OCR on it first, check the "
            "result, and import that."
        )
    pages = drop_running_lines(pages)
    return ReadResult("\n".join(p for p in pages if p.strip()), "pdf")


def _shape(line: str) -> str:
    return re.sub(r"\d+", "#", " ".join(line.split())).casefold()


def drop_running_lines(pages: list[str]) -> list[str]:
    """Remove running headers and footers: a first or last line of a page that recurs (digits aside, so
    "Page 3 of 20" counts) on at least 60% of the pages of a document of 3 pages or more."""
    if len(pages) < 3:
        return pages
    split = [p.split("\n") for p in pages]
    drop: dict[str, set[str]] = {}
    for where, pick in (("first", 0), ("last", -1)):
        counts: dict[str, int] = {}
        for lines in split:
            nonblank = [ln for ln in lines if ln.strip()]
            if nonblank:
                shape = _shape(nonblank[pick])
                counts[shape] = counts.get(shape, 0) + 1
        drop[where] = {shape for shape, n in counts.items() if n >= max(3, 0.6 * len(pages))}
    out = []
    for lines in split:
        idx = [i for i, ln in enumerate(lines) if ln.strip()]
        remove = set()
        if idx and _shape(lines[idx[0]]) in drop["first"]:
            remove.add(idx[0])
        if idx and _shape(lines[idx[-1]]) in drop["last"]:
            remove.add(idx[-1])
        out.append("\n".join(ln for i, ln in enumerate(lines) if i not in remove))
    return out
