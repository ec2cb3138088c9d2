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

from .spans import Span, absorb

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


# --------------------------------------------------------------------------- whole street addresses (session 10)
_FULL_POSTCODE = re.compile(r"(?<![\w/-])[A-Z]{1,2}\d[A-Z\d]?\s?\d[A-Z]{2}(?![\w/-])")
_WORD = re.compile(r"[A-Z][\w'’.-]*,?$|[A-Z]{2,}[\w'’.-]*,?$")
_NUMBER = re.compile(r"\d{1,4}[A-Za-z]?(?:[-–/]\d{1,4}[A-Za-z]?)?,?$")
_PARTICLE = frozenset(["upon", "on", "under", "le", "la", "de", "y", "yr", "the", "of", "in", "by", "en", "next",
                       "super", "cum"])
_FLAT = re.compile(r"(?:Flat|Unit|Apartment|Apt\.?|Suite|Block|Maisonette)$", re.IGNORECASE)
# capitalised words that label an address rather than name a part of it
_LABEL_WORDS = frozenset(["address", "home", "venue", "location", "premises", "registered", "postcode", "of", "at",
                          "from", "to", "in", "the", "lives", "living", "resides", "he", "she", "they", "we", "i",
                          "and", "re", "ref", "current", "previous", "last", "known", "care", "c/o", "nfa"])
_STREET = re.compile(r"(?:Road|Street|Lane|Avenue|Way|Place|Row|Drive|Terrace|Parade|Crescent|Close|Walk|Gardens|"
                     r"Grove|Court|Square|Hill|Rise|View|Mews|Green|Park|Vale|Wynd|Gate|Brae|Heol|Ffordd|Stryd|"
                     r"Rd|St|Ave|Ln|Cres|Dr|Terr?|Cl|Gdns|Sq|Pl)\.?,?$")
_MAX_TOKENS = 16
_MAX_CHARS = 240


def _walk_back(text: str, start: int, line_start: int) -> int:
    """Where an address ending at ``start`` (before its postcode) begins: back over comma-separated capitalised
    parts; a house number closes the street part, before which only "Flat 3," or a building may come."""
    toks = [(m.start(), m.group()) for m in re.finditer(r"\S+", text[line_start:start])]
    begin, seen_number, parts, taken = start, False, 0, 0
    k = len(toks) - 1
    while k >= 0 and taken < _MAX_TOKENS:
        pos, tok = toks[k]
        pos += line_start
        bare = tok.rstrip(",")
        ends_part = tok.endswith(",")
        if ends_part and begin != start:
            parts += 1
        if seen_number:
            # before a house number: "Flat 2/1," or a named building ("Ravensworth Court,") only
            if ends_part and k >= 1 and _FLAT.match(toks[k - 1][1]):
                begin = toks[k - 1][0] + line_start
                k -= 2
                taken += 2
                continue
            if ends_part and _BUILDING.search(bare) and _WORD.match(tok):
                j = k
                while j - 1 >= 0 and _WORD.match(toks[j - 1][1]) and not toks[j - 1][1].endswith(",") \
                        and toks[j - 1][1].lower() not in _LABEL_WORDS and k - j < 3:
                    j -= 1
                begin = toks[j][0] + line_start
                k = j - 1
                taken += 3
                continue
            break
        if bare.lower() in _LABEL_WORDS or bare.endswith((":", ".", ";", ")")) and not _STREET.match(tok):
            break
        if parts >= 4:
            break
        if _NUMBER.match(tok) and ends_part:  # "Unit 4," opens the address; "Room 2," is before it
            if begin != start and k >= 1 and _FLAT.match(toks[k - 1][1]):
                begin = toks[k - 1][0] + line_start
            break
        if _NUMBER.match(tok):
            if begin == start or (k + 1 < len(toks) and toks[k + 1][1][:1].isdigit()):
                break
            begin, seen_number = pos, True
        elif _WORD.match(tok) or (bare.lower() in _PARTICLE and begin != start):
            begin = pos
        else:
            break
        k -= 1
        taken += 1
    # a particle cannot open the address
    while begin < start and text[begin:start].split(" ", 1)[0].lower() in _PARTICLE:
        nxt = text.find(" ", begin)
        begin = nxt + 1 if nxt != -1 else start
    return begin


def full_addresses(text: str, spans: list[Span]) -> list[Span]:
    """A street address that ends in a full postcode is one LOCATION, whatever the parts were read as: "14
    Kirkgate, Wakefield, WF1 1HT" (the number was a date), "41 Milton Street, Palfrey, Walsall, WS1 4LA" (the
    district a person), "7 Glan Adda, Bangor, LL57 4DW". Spans inside the address give way to it."""
    news = []
    for m in _FULL_POSTCODE.finditer(text):
        # an address is a few words: the walk never reads further back than that (a long line of postcodes)
        line_start = max(text.rfind("\n", max(0, m.start() - _MAX_CHARS), m.start()) + 1, m.start() - _MAX_CHARS)
        begin = _walk_back(text, m.start(), line_start)
        if begin < m.start() and _has_address_part(text[begin:m.start()]):
            news.append(Span(begin, m.end(), "LOCATION", text[begin:m.end()], 0.8, "shape"))
    return absorb(spans, news)


def _has_address_part(head: str) -> bool:
    """The words before a postcode hold a house number or a street word, or two parts (a street and a town)."""
    return bool(re.match(r"\d", head)) or any(_STREET.match(t) for t in head.split()) or head.count(",") >= 2


_HOUSE_NO = re.compile(r"(?:^|(?<=[\s(]))\d{1,4}[A-Za-z]?(?:[-–]\d{1,4}[A-Za-z]?)? $")
_STREET_IN = re.compile(r"\b(?:Road|Street|Lane|Avenue|Way|Place|Row|Drive|Terrace|Parade|Crescent|Close|Walk|"
                        r"Gardens|Grove|Court|Square|Hill|Rise|View|Mews|Green|Vale|Wynd|Brae|Heol|Ffordd|Stryd|Lon|"
                        r"Rd|St|Ave)\b\.?")
# a Welsh street after a house number: "4 Tan y Bryn", "29 Heol y Frenhines", "3 Maes-yr-Haf"
_WELSH_STREET = re.compile(r"(?<![\w/])\d{1,4}[A-Za-z]? ([A-Z][\w'’-]+ (?:y|yr|'r) [A-Z][\w'’-]+|"
                           r"[A-Z][a-z]+-(?:y|yr)-[A-Z][a-z]+)(?![\w'’-])")
_DISTRICT_AFTER = re.compile(r", ([A-Z][\w'’-]+(?: (?:upon|on|under|le|[A-Z][\w'’-]+)){0,2})(?=[.;)\n]|$|, )")


def street_numbers(text: str, spans: list[Span]) -> list[Span]:
    """A street address is one LOCATION with its house number and the district or town after it: "27-29 Grange
    Road" (the number range was left out), "21 Innisfayle Gardens" opening a line, "112 Weston Road, Meir." (the
    district was read as a person), "4 Tan y Bryn, Rhyl"."""
    news = [Span(m.start(), m.end(), "LOCATION", m.group(), 0.7, "shape") for m in _WELSH_STREET.finditer(text)]
    for s in spans:
        if s.label != "LOCATION" or not _STREET_IN.search(s.text):
            continue
        new = s
        if not s.text[:1].isdigit() and (h := _HOUSE_NO.search(text, max(0, s.start - 12), s.start)):
            new = Span(h.start(), s.end, "LOCATION", text[h.start():s.end], s.confidence, s.source)
        if new.text[:1].isdigit():
            for _ in range(2):
                d = _DISTRICT_AFTER.match(text, new.end)
                if d is None or d.group(1).split()[0].lower() in _LABEL_WORDS:
                    break
                new = Span(new.start, d.end(1), "LOCATION", text[new.start:d.end(1)], new.confidence, new.source)
        if new is not s:
            news.append(new)
    return absorb(spans, news)
