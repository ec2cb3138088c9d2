"""Readers for zip-packaged word-processor files: DOCX (python-docx) and ODT (odfpy).

Both are zip packages, so both are checked against the zip-bomb limits in ``formats`` before any parser sees
them; Python's zipfile never inflates a member beyond the size its directory declares, so checking the
declared sizes bounds the memory used. Every XML part is parsed (entities, DTD loading and the network off)
and the file is refused when any part declares a DTD, wherever in its prolog (Word and LibreOffice never
write one; a DTD is how XML entity bombs work, and entities left unexpanded silently lose text).

odfpy prints a part it cannot parse to stdout; ``read_odt`` captures that print (so no transcript text
reaches a console) and refuses the file rather than accept the partial document odfpy would return.

What is read, from the document body in reading order:
- paragraphs and headings (runs, tabs, line breaks, hyperlinks, fields' results, content controls);
- tables row by row (see ``formats.render_rows``);
- tracked changes: insertions count as text, deletions are ignored;
- not read: headers and footers, footnotes, comments, text boxes and images.
"""

from __future__ import annotations

import contextlib
import io
import zipfile

from lxml import etree

from .errors import DamagedFile, FileTooLarge, ImporterError, UnsupportedFormat
from .formats import (
    MAX_ZIP_PART_BYTES,
    MAX_ZIP_PARTS,
    MAX_ZIP_RATIO,
    MAX_ZIP_TOTAL_BYTES,
    MB,
    ReadResult,
    render_rows,
    sniff,
)

_LABEL = {"docx": "Word (.docx) document", "odt": "OpenDocument (.odt) text document"}


def check_zip(data: bytes, fmt: str) -> zipfile.ZipFile:
    """Open a zip package after checking that it is one and is not a zip bomb."""
    label = _LABEL[fmt]
    if not data.startswith(b"PK\x03\x04"):
        if data.startswith(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1"):
            raise UnsupportedFormat(_ole_message(data, fmt))
        what = sniff(data)
        detail = f"its content is {what}" if what else "it is not a zip package"
        raise DamagedFile(f"This is not a valid {label}: {detail} (it may be damaged or renamed).")
    try:
        zf = zipfile.ZipFile(io.BytesIO(data))
        infos = zf.infolist()
    except Exception:  # noqa: BLE001 - zipfile raises many kinds on damaged input
        raise DamagedFile(f"This {label} is damaged: its zip structure cannot be read.") from None
    if len(infos) > MAX_ZIP_PARTS:
        raise DamagedFile(f"This {label} has {len(infos)} parts (the limit is {MAX_ZIP_PARTS}); refused as unsafe.")
    total = 0
    for info in infos:
        size = info.file_size
        total += size
        if size > MAX_ZIP_PART_BYTES or total > MAX_ZIP_TOTAL_BYTES:
            raise FileTooLarge(
                f"This {label} expands to more than {MAX_ZIP_PART_BYTES // MB} MB in one part or "
                f"{MAX_ZIP_TOTAL_BYTES // MB} MB in all (a zip bomb or a huge file); refused."
            )
        if size > MB and size > MAX_ZIP_RATIO * max(info.compress_size, 1):
            raise DamagedFile(
                f"This {label} is a zip bomb (a part expands {size // max(info.compress_size, 1)} times); refused."
            )
    for info in infos:
        if info.filename.lower().endswith((".xml", ".rels")) and _has_dtd(zf, info, label):
            raise DamagedFile(f"This {label} contains an XML document type declaration; refused as unsafe.")
    return zf


def _has_dtd(zf: zipfile.ZipFile, info: zipfile.ZipInfo, label: str) -> bool:
    """Does this XML part declare a DTD anywhere in its prolog (however long the prolog, in any encoding)?

    Parsed with entities, DTD loading and the network off, up to the root element only: a DTD can only
    come before it. A part that is not well-formed XML is left to the reader (which refuses it if it needs
    it), unless the raw bytes show a declaration."""
    try:
        with zf.open(info) as fh:
            events = etree.iterparse(fh, events=("start",), resolve_entities=False, load_dtd=False,
                                     no_network=True, huge_tree=False)
            _event, root = next(events)
            docinfo = root.getroottree().docinfo
            return bool(docinfo.doctype) or docinfo.internalDTD is not None
    except StopIteration:
        return False
    except etree.XMLSyntaxError:
        try:
            raw = zf.read(info)
        except Exception:  # noqa: BLE001 - bad compression data, CRC, unsupported method
            raise DamagedFile(f"This {label} is damaged: a part cannot be unpacked.") from None
        return any(m in raw or m.decode().encode("utf-16-le") in raw for m in (b"<!DOCTYPE", b"<!ENTITY"))
    except Exception:  # noqa: BLE001 - bad compression data, CRC, unsupported method
        raise DamagedFile(f"This {label} is damaged: a part cannot be unpacked.") from None


def _ole_message(data: bytes, fmt: str) -> str:
    if fmt == "docx":
        try:
            import msoffcrypto

            if msoffcrypto.OfficeFile(io.BytesIO(data)).is_encrypted():
                return "This Word document is password-protected; remove the password in Word and import it again."
        except Exception:  # noqa: BLE001, S110 - not a readable OLE file: fall through to the generic advice
            pass
        return "This is an old Word .doc file renamed .docx; open it in Word or LibreOffice and save it as .docx."
    return "This is an old Microsoft Office file, not an OpenDocument text; save it as .odt or .docx."


# ----------------------------------------------------------------------------------------------- DOCX
_W = "{http://schemas.openxmlformats.org/wordprocessingml/2006/main}"
_MC = "{http://schemas.openxmlformats.org/markup-compatibility/2006}"
_SKIP_IN_PARAGRAPH = {
    _W + "del", _W + "moveFrom", _W + "delText", _W + "instrText", _W + "delInstrText", _W + "pPr", _W + "rPr",
    _W + "drawing", _W + "pict", _W + "object", _W + "footnoteReference", _W + "endnoteReference",
    _W + "commentReference", _W + "softHyphen", _W + "sym", _MC + "Fallback", _W + "fldData",
}


def _docx_paragraph(p) -> str:
    parts: list[str] = []

    def walk(el) -> None:
        for ch in el:
            tag = ch.tag
            if not isinstance(tag, str) or tag in _SKIP_IN_PARAGRAPH:
                continue
            if tag == _W + "t":
                parts.append(ch.text or "")
            elif tag == _W + "tab" or tag == _W + "ptab":
                parts.append("\t")
            elif tag in (_W + "br", _W + "cr"):
                parts.append("\n")
            elif tag == _W + "noBreakHyphen":
                parts.append("-")
            else:
                walk(ch)

    walk(p)
    return "".join(parts)


def _docx_cell(tc) -> str:
    lines: list[str] = []
    for child in tc:
        if child.tag == _W + "p":
            lines.append(_docx_paragraph(child))
        elif child.tag == _W + "tbl":
            lines.extend(_docx_table(child)[0])
        elif child.tag == _W + "sdt":
            lines.append(_docx_cell(_sdt_content(child)))
    return "\n".join(line for line in lines if line.strip())


def _sdt_content(sdt):
    content = sdt.find(_W + "sdtContent")
    return content if content is not None else []


def _docx_table(tbl) -> tuple[list[str], set[str]]:
    rows: list[list[str]] = []
    trs = []
    for child in tbl:
        if child.tag == _W + "tr":
            trs.append(child)
        elif child.tag == _W + "sdt":
            trs.extend(c for c in _sdt_content(child) if c.tag == _W + "tr")
    for tr in trs:
        cells = []
        for tc in tr:
            if tc.tag == _W + "tc":
                cells.append(_docx_cell(tc))
            elif tc.tag == _W + "sdt":
                cells.extend(_docx_cell(c) for c in _sdt_content(tc) if c.tag == _W + "tc")
        rows.append(cells)
    return render_rows(rows)


def _docx_blocks(container, lines: list[str], hints: set[str]) -> None:
    for child in container:
        tag = child.tag
        if tag == _W + "p":
            lines.append(_docx_paragraph(child))
        elif tag == _W + "tbl":
            rendered, found = _docx_table(child)
            lines.extend(rendered)
            hints |= found
        elif tag in (_W + "sdt",):
            _docx_blocks(_sdt_content(child), lines, hints)
        elif tag in (_W + "customXml", _W + "ins", _W + "moveTo"):
            _docx_blocks(child, lines, hints)


def read_docx(data: bytes) -> ReadResult:
    import docx

    check_zip(data, "docx")
    try:
        document = docx.Document(io.BytesIO(data))
        body = document.element.body
    except ImporterError:
        raise
    except Exception:  # noqa: BLE001 - python-docx/lxml raise many kinds on hostile input
        raise DamagedFile(
            "This is not a valid Word (.docx) document: the package is damaged or is another kind of file."
        ) from None
    lines: list[str] = []
    hints: set[str] = set()
    _docx_blocks(body, lines, hints)
    return ReadResult("\n".join(lines), "docx", None, hints)


# ----------------------------------------------------------------------------------------------- ODT
_TEXT_NS = "urn:oasis:names:tc:opendocument:xmlns:text:1.0"
_TABLE_NS = "urn:oasis:names:tc:opendocument:xmlns:table:1.0"
_OFFICE_NS = "urn:oasis:names:tc:opendocument:xmlns:office:1.0"
_DRAW_NS = "urn:oasis:names:tc:opendocument:xmlns:drawing:1.0"
_ODT_SKIP = {
    (_TEXT_NS, "note"), (_OFFICE_NS, "annotation"), (_OFFICE_NS, "annotation-end"), (_TEXT_NS, "tracked-changes"),
    (_TEXT_NS, "change"), (_TEXT_NS, "change-start"), (_TEXT_NS, "change-end"), (_OFFICE_NS, "forms"),
    (_TEXT_NS, "sequence-decls"), (_TEXT_NS, "variable-decls"), (_TEXT_NS, "user-field-decls"),
    (_TEXT_NS, "table-of-content-source"), (_TEXT_NS, "index-title-template"),
}


def _odt_inline(el, parts: list[str]) -> None:
    for ch in el.childNodes:
        if ch.nodeType == ch.TEXT_NODE:
            parts.append(ch.data)
            continue
        if ch.nodeType != ch.ELEMENT_NODE:
            continue
        qn = ch.qname
        if qn in _ODT_SKIP or qn[0] == _DRAW_NS:  # frames: images and text boxes
            continue
        if qn == (_TEXT_NS, "s"):
            try:
                n = int(ch.attributes.get((_TEXT_NS, "c"), "1"))
            except ValueError:
                n = 1
            parts.append(" " * max(1, min(n, 1000)))
        elif qn == (_TEXT_NS, "tab"):
            parts.append("\t")
        elif qn == (_TEXT_NS, "line-break"):
            parts.append("\n")
        else:
            _odt_inline(ch, parts)


def _odt_table_rows(table, rows: list[list[str]]) -> None:
    for ch in table.childNodes:
        if ch.nodeType != ch.ELEMENT_NODE:
            continue
        qn = ch.qname
        if qn == (_TABLE_NS, "table-row"):
            cells = []
            for cell in ch.childNodes:
                if cell.nodeType == cell.ELEMENT_NODE and cell.qname == (_TABLE_NS, "table-cell"):
                    lines: list[str] = []
                    hints: set[str] = set()
                    _odt_blocks(cell, lines, hints)
                    cells.append("\n".join(line for line in lines if line.strip()))
            rows.append(cells)
        elif qn in ((_TABLE_NS, "table-header-rows"), (_TABLE_NS, "table-rows"), (_TABLE_NS, "table-row-group")):
            _odt_table_rows(ch, rows)


def _odt_blocks(container, lines: list[str], hints: set[str]) -> None:
    for ch in container.childNodes:
        if ch.nodeType != ch.ELEMENT_NODE or ch.qname in _ODT_SKIP:
            continue
        qn = ch.qname
        if qn in ((_TEXT_NS, "p"), (_TEXT_NS, "h")):
            parts: list[str] = []
            _odt_inline(ch, parts)
            lines.append("".join(parts))
        elif qn == (_TABLE_NS, "table"):
            rows: list[list[str]] = []
            _odt_table_rows(ch, rows)
            rendered, found = render_rows(rows)
            lines.extend(rendered)
            hints |= found
        elif qn[0] in (_TEXT_NS, _TABLE_NS):
            # lists, list items, sections, index bodies: containers of paragraphs
            _odt_blocks(ch, lines, hints)


def read_odt(data: bytes) -> ReadResult:
    from odf.opendocument import load

    zf = check_zip(data, "odt")
    try:
        mimetype = zf.read("mimetype").decode("ascii", "replace").strip() if "mimetype" in zf.namelist() else ""
    except Exception:  # noqa: BLE001 - bad compression data, CRC, unsupported method
        raise DamagedFile("This OpenDocument file is damaged: a part cannot be unpacked.") from None
    if mimetype and mimetype != "application/vnd.oasis.opendocument.text":
        raise UnsupportedFormat(
            "This OpenDocument file is not a text document (it may be a spreadsheet or presentation); "
            "save the transcript as .odt text or .docx."
        )
    if "content.xml" not in zf.namelist():
        raise DamagedFile("This is not a valid OpenDocument (.odt) text document: it has no content part.")
    # odfpy prints a whole XML part to stdout when it fails to parse it, then carries on with a partial
    # document: catch the print (it must not reach a console or log) and refuse the file instead.
    captured = io.StringIO()
    try:
        with contextlib.redirect_stdout(captured):
            document = load(io.BytesIO(data))
        if captured.tell():
            raise DamagedFile("This OpenDocument (.odt) text document is damaged: its XML cannot be parsed.")
        body = document.text
    except ImporterError:
        raise
    except Exception:  # noqa: BLE001 - odfpy/expat raise many kinds on hostile input
        raise DamagedFile(
            "This is not a valid OpenDocument (.odt) text document: the package is damaged or is another kind "
            "of file."
        ) from None
    lines: list[str] = []
    hints: set[str] = set()
    _odt_blocks(body, lines, hints)
    return ReadResult("\n".join(lines), "odt", None, hints)
