"""Parts of an address the other passes leave apart (issue 15, session 9):

- a named building before its street address (a council's before its town: "Civic Centre, Pontypool"), as a
  venue line gives it: "Unity House, 2 Chorley Road, Swinton,
  M27 4BQ", "Civic Offices, Guildhall Square, Portsmouth, PO1 2AL": one LOCATION (a record that marks the street
  part alone is still covered);
- a postcode district after a place or street found already, or after "enter": "Coventry Road, B10",
  "Kensington, L7", "not to enter L4" (single-letter postcode areas only there: "B10" alone may be a vitamin).
"""

from __future__ import annotations

import re

from .spans import Span

_BUILDING = re.compile(r"(?:House|Offices|Centre|Center|Building|Buildings|Chambers|Court|Hall|Plaza|Lodge|Tower|"
                       r"Mill|Exchange|Point|Works)$")
_ADDRESS_START = re.compile(r"\d|[A-Z][\w'’-]+ (?:Road|Street|Square|Lane|Avenue|Way|Place|Row|Drive|Terrace|Parade|"
                            r"Crescent|Close|Walk|Gardens|Hill)\b")
# a council's building is named by its town too: "Civic Centre, Pontypool"
_CIVIC = re.compile(r"(?:Civic Centre|Civic Offices|County Hall|Town Hall|City Hall|Guildhall|Council House|"
                    r"Municipal Buildings|Council Offices)")
_DISTRICT = re.compile(r"(?:[BEGLMNSW]|[A-Z]{2})\d{1,2}[A-Z]?(?![\w/-])")
_ENTER = re.compile(r"\b(?:enter|entering|entered)\s+$", re.IGNORECASE)
_NOT_DISTRICT = frozenset(["B12", "E10", "M1", "A4", "S1"])


def building_addresses(text: str, spans: list[Span]) -> list[Span]:
    """A building's name joined to the street address after it (", " between) as one LOCATION."""
    out: list[Span] = []
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and prev.label in ("ORG", "LOCATION") and s.label == "LOCATION" \
                and text[prev.end:s.start] == ", " and _BUILDING.search(prev.text) and (
                    _ADDRESS_START.match(s.text) or _CIVIC.fullmatch(prev.text)) \
                and "\n" not in text[prev.start:s.end]:
            out[-1] = Span(prev.start, s.end, "LOCATION", text[prev.start:s.end], max(prev.confidence, s.confidence),
                           s.source)
            continue
        out.append(s)
    return out


def districts_after_places(text: str, spans: list[Span]) -> list[Span]:
    """A postcode district written after a place found already (", " between) or after "enter"."""
    out: list[Span] = []
    ends = {s.end for s in spans if s.label == "LOCATION"}
    taken = {s.start for s in spans}
    for m in re.finditer(r"(?<![\w/-])(?=[A-Z]{1,2}\d)", text):
        p = m.start()
        d = _DISTRICT.match(text, p)
        if d is None or p in taken or d.group() in _NOT_DISTRICT:
            continue
        after_place = text[p - 2:p] == ", " and (p - 2) in ends
        if after_place or _ENTER.search(text, max(0, p - 10), p):
            out.append(Span(p, d.end(), "LOCATION", d.group(), 0.7, "shape"))
    return out
