"""The pieces of a REFI-QDA file every export writes the same way: the origin, the code tree, memo texts
in ``Description``, variable values, positions in the unit the reader expects, and the schema check.

Positions: the standard counts code points (QualCoder, ATLAS.ti, MAXQDA and Taguette read them so); NVivo
counts UTF-16 code units, so a file meant for NVivo is written in UTF-16 units (the option ``positions``).
"""

from __future__ import annotations

import bisect
import re
from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from lxml import etree

from .. import __version__
from .refi_common import RefiError, out_guid, validation_errors
from .refi_names import UNIQUE_MARK, unique_names

ORIGIN = f"QualCoder-CSE {__version__}"
UTF16_MARK = "UTF-16 positions"  # added to ``origin`` when positions are written in UTF-16 units
POSITIONS = ("code points", "utf16")


@dataclass
class RefiExportOptions:
    coder: str | None = None  # only this coder's codings (None: everyone's)
    validate: bool = True
    positions: str = "code points"  # or "utf16": the unit NVivo counts in
    unique_code_names: bool = False  # "Barriers (Detection)" for peers that need unique names (QualCoder)
    case_codes: bool = False  # each case also as a code coding its documents (NVivo's way; QualCoder reads it)


def origin(options: RefiExportOptions) -> str:
    marks = [m for m, on in ((UNIQUE_MARK, options.unique_code_names), (UTF16_MARK, options.positions == "utf16"))
             if on]
    return f"{ORIGIN} ({', '.join(marks)})" if marks else ORIGIN


def check_options(options: RefiExportOptions) -> None:
    if options.positions not in POSITIONS:
        raise RefiError(f"Positions are written as 'code points' or 'utf16', not '{options.positions}'.")


_XML_BAD = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")


def xml_safe(value: str) -> str:
    """XML 1.0 cannot carry most control characters; they are dropped from names and memos (never from the
    source texts, which travel as files)."""
    return _XML_BAD.sub("", value)


def joined(own: str, memos: list[str]) -> str:
    """A ``Description`` holding an element's own text and then its memos, separated by blank lines: what
    QualCoder reads (it ignores NoteRef). ``refi_store.own_part`` takes the memos back off on import."""
    parts = [own.strip()] if own.strip() else []
    parts += [m.strip() for m in memos if m.strip()]
    return "\n\n".join(parts)


def code_tree(parent_el, codes, ns: str, options: RefiExportOptions, memos: dict[int, list] | None) -> None:
    """The code tree; ``memos`` (code id -> memos) gives NoteRefs and the memo texts in the Description
    (a project file); None for a .qdc, which has no notes."""
    names = unique_names(codes) if options.unique_code_names else {c.id: c.name for c in codes}
    by_parent: dict[int | None, list] = {}
    for c in codes:
        by_parent.setdefault(c.parent_id, []).append(c)

    def add(el, parent_id) -> None:
        for c in by_parent.get(parent_id, []):
            attrs = {
                "guid": out_guid(c.guid),
                "name": xml_safe(names[c.id]),
                "isCodable": "true" if c.codable else "false",
            }
            if c.colour:
                attrs["color"] = c.colour.upper()
            code_el = etree.SubElement(el, f"{{{ns}}}Code", attrs)
            mine = (memos or {}).get(c.id, [])
            text = joined(c.description, [m.text for m in mine]) if memos is not None else c.description
            if text:
                etree.SubElement(code_el, f"{{{ns}}}Description").text = xml_safe(text)
            for m in mine:
                etree.SubElement(code_el, f"{{{ns}}}NoteRef", targetGUID=out_guid(m.guid))
            add(code_el, c.id)

    add(parent_el, None)


def position_map(text: str, options: RefiExportOptions):
    """Code point offset -> the offset written (identity, or UTF-16 units for NVivo)."""
    if options.positions != "utf16":
        return lambda pos: pos
    astral = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
    return lambda pos: pos + bisect.bisect_left(astral, pos)


def variable_value(sub, parent, var_guid: str, kind: str, value: str) -> None:
    vv = sub(parent, "VariableValue")
    sub(vv, "VariableRef", targetGUID=var_guid)
    if kind == "number":
        try:
            sub(vv, "FloatValue").text = xml_safe(format(Decimal(value), "f"))
            return
        except InvalidOperation:
            pass
    elif kind == "date" and len(value) == 10:
        sub(vv, "DateValue").text = xml_safe(value)
        return
    elif kind == "boolean":
        sub(vv, "BooleanValue").text = xml_safe(value)
        return
    sub(vv, "TextValue").text = xml_safe(value)


def serialise(root, kind: str, options: RefiExportOptions) -> bytes:
    if options.validate:
        errors = validation_errors(root, kind)
        if errors:
            raise RefiError(
                f"The REFI-QDA {kind} did not validate against its schema ({errors[0]}); "
                "nothing was written. Please report it."
            )
    body = etree.tostring(root, encoding="utf-8", pretty_print=True)
    return b'<?xml version="1.0" encoding="utf-8"?>\n' + body
