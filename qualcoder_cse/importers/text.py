"""Readers for character-based files: plain text (with encoding detection) and RTF.

Plain text encodings, in order:
1. a byte order mark decides: UTF-8 (EF BB BF), UTF-32 (FF FE 00 00 / 00 00 FE FF), UTF-16 (FF FE / FE FF);
   bytes that are invalid in the encoding the mark claims are refused, not guessed around;
2. no mark: strict UTF-8;
3. not valid UTF-8: if the file nevertheless contains valid multi-byte UTF-8 sequences it is UTF-8 with
   damage, and is refused (decoding it as Windows-1252 would silently turn "’" into "â€™");
   otherwise Windows-1252 (what Word's "Plain text" export writes on a British Windows PC).
NUL bytes without a UTF-16/32 mark, or many control characters, mean the file is not text at all.

RTF goes through ``striprtf`` (headers, footers, footnotes, comments, pictures and fields' instructions
are dropped by it); groups marked as tracked deletions are removed first; table rows are rebuilt from its
``|`` cell markers.
"""

from __future__ import annotations

import re

from .errors import BadEncoding, DamagedFile
from .formats import ReadResult, render_rows, sniff

_UTF8_MULTIBYTE = re.compile(
    rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}|[\xf0-\xf4][\x80-\xbf]{3}"
)
_CONTROL = re.compile("[\x00-\x08\x0e-\x1f\x7f]")


def _not_text(data: bytes, fmt: str) -> DamagedFile:
    what = sniff(data)
    label = {"txt": "a plain text file", "vtt": "a WebVTT subtitle file", "srt": "an SRT subtitle file"}[fmt]
    if what:
        return DamagedFile(f"This is not {label}: its content is {what}. Give it the right extension or re-save it.")
    return DamagedFile(
        f"This is not {label}: it holds binary data (it may be damaged or renamed, or be UTF-16 text without a "
        "byte order mark; re-save it as UTF-8)."
    )


def decode_text(data: bytes, fmt: str = "txt") -> tuple[str, str]:
    """Decode the bytes of a text file; returns (text, encoding name) or raises BadEncoding/DamagedFile."""
    boms = (
        (b"\xef\xbb\xbf", "utf-8", "UTF-8"),
        (b"\xff\xfe\x00\x00", "utf-32-le", "UTF-32"),
        (b"\x00\x00\xfe\xff", "utf-32-be", "UTF-32"),
        (b"\xff\xfe", "utf-16-le", "UTF-16"),
        (b"\xfe\xff", "utf-16-be", "UTF-16"),
    )
    for bom, codec, label in boms:
        if data.startswith(bom):
            try:
                text = data[len(bom):].decode(codec)
            except UnicodeDecodeError as exc:
                raise BadEncoding(
                    f"The file starts with a {label} byte order mark but byte {exc.start + len(bom)} is not valid "
                    f"{label}; it is damaged or mislabelled. Re-save it as UTF-8."
                ) from None
            return _check_controls(text, data, fmt), codec
    if b"\x00" in data:
        raise _not_text(data, fmt)
    try:
        text = data.decode("utf-8")
        encoding = "utf-8"
    except UnicodeDecodeError as exc:
        if _UTF8_MULTIBYTE.search(data):
            raise BadEncoding(
                f"The file looks like UTF-8 but byte {exc.start} is not valid UTF-8 (the file is damaged or "
                "mixes encodings). Open it in an editor and re-save it as UTF-8."
            ) from None
        try:
            text = data.decode("cp1252")
            encoding = "cp1252"
        except UnicodeDecodeError as exc2:
            raise BadEncoding(
                f"The file is neither UTF-8 nor Windows-1252 text (byte {exc2.start} is invalid in both); "
                "re-save it as UTF-8."
            ) from None
    return _check_controls(text, data, fmt), encoding


def _check_controls(text: str, data: bytes, fmt: str) -> str:
    if "\x00" in text:
        raise _not_text(data, fmt)
    controls = len(_CONTROL.findall(text[:200_000]))
    if controls > 8 and controls > len(text[:200_000]) // 100:
        raise _not_text(data, fmt)
    return text


def read_txt(data: bytes) -> ReadResult:
    what = sniff(data)
    if what:
        raise DamagedFile(
            f"This is not a plain text file: its content is {what}. Give it the right extension or re-save it."
        )
    text, encoding = decode_text(data, "txt")
    return ReadResult(text, "txt", encoding)


_RTF_CELLS = re.compile(r"^[^\n]*\|$")
# An innermost group marked as a tracked deletion (``{\deleted\revauth1 gone}``; ``\deleted0`` ends one).
_RTF_DELETED = re.compile(r"\{[^{}]*\\deleted(?![0a-zA-Z])[^{}]*\}")


def read_rtf(data: bytes) -> ReadResult:
    from striprtf.striprtf import rtf_to_text

    head = data[:64].lstrip(b"\xef\xbb\xbf \t\r\n")
    if not head.startswith(b"{\\rtf"):
        what = sniff(data)
        detail = f"its content is {what}" if what else "it does not start with {\\rtf"
        raise DamagedFile(f"This is not an RTF document: {detail} (it may be damaged or renamed).")
    if b"\x00" in data:
        raise DamagedFile("This RTF document holds binary data where text should be; it is damaged.")
    # RTF is 7-bit; stray 8-bit bytes are read as Windows-1252, striprtf decodes \'xx escapes by \ansicpg.
    source = data.decode("cp1252", errors="replace")
    source = _RTF_DELETED.sub("", source)  # tracked deletions: striprtf would keep their text
    text = rtf_to_text(source, errors="replace")
    lines = text.split("\n")
    out: list[str] = []
    hints: set[str] = set()
    i = 0
    while i < len(lines):
        if _RTF_CELLS.match(lines[i]):
            block = []
            while i < len(lines) and _RTF_CELLS.match(lines[i]):
                block.append(lines[i][:-1].split("|"))
                i += 1
            rendered, found = render_rows(block)
            out.extend(rendered)
            hints |= found
            continue
        out.append(lines[i])
        i += 1
    return ReadResult("\n".join(out), "rtf", None, hints)
