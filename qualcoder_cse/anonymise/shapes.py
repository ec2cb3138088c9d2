"""Identifiers and places recognised by their shape and the word that announces them, not by a list of names:
postcode districts ("ST6", "SE15", "in bd3"), licence, badge, collar and plate numbers ("badge PH 4471",
"plates BPL-2291 and BPL 3307", "WMBC 04821"), and named operations ("Operation Lantern").

The postcode areas are the 121 area letters of the UK postcode system (a shape check, like a digit count for a
phone number); a district standing alone is proposed only when its shape cannot be much else.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .lexicon import MONTHS, NATIONAL, NOT_NAMES, ROLE_WORDS, STOP, WEEKDAYS
from .spans import Span, fold

POSTCODE_AREAS = frozenset(
    ["AB", "AL", "B", "BA", "BB", "BD", "BH", "BL", "BN", "BR", "BS", "BT", "CA", "CB", "CF", "CH", "CM", "CO", "CR", "CT", "CV", "CW", "DA", "DD", "DE", "DG", "DH", "DL", "DN", "DT", "DY", "E", "EC", "EH", "EN", "EX", "FK", "FY", "G", "GL", "GU", "GY", "HA", "HD", "HG", "HP", "HR", "HS", "HU", "HX", "IG", "IM", "IP", "IV", "JE", "KA", "KT", "KW", "KY", "L", "LA", "LD", "LE", "LL", "LN", "LS", "LU", "M", "ME", "MK", "ML", "N", "NE", "NG", "NN", "NP", "NR", "NW", "OL", "OX", "PA", "PE", "PH", "PL", "PO", "PR", "RG", "RH", "RM", "S", "SA", "SE", "SG", "SK", "SL", "SM", "SN", "SO", "SP", "SR", "SS", "ST", "SW", "SY", "TA", "TD", "TF", "TN", "TQ", "TR", "TS", "TW", "UB", "W", "WA", "WC", "WD", "WF", "WN", "WR", "WS", "WV", "YO", "ZE"]
)
_DISTRICT = re.compile(r"(?<![\w/@.£$-])(?P<area>[A-Za-z]{1,2})(?P<num>\d{1,2})(?P<sub>[A-Za-z]?)(?![\w/@-])")
_SLASH_PAIR = re.compile(r"(?<![\w/@.-])(?P<a>[A-Z]{1,2}\d{1,2}[A-Z]?)/(?P<b>[A-Z]{1,2}\d{1,2}[A-Z]?)(?![\w/@-])")
_AREA = re.compile(r"[A-Z]{1,2}")
_FULL_POSTCODE_AFTER = re.compile(r"^\s?\d[A-Za-z]{2}\b")
_PLACE_CUE = re.compile(
    r"(?:\b(?:in|from|near|around|round|to|towards|at|of|into|across|covering|postcode|district|area|areas)"
    r"|[:,;(]|\band)\s*$",
    re.IGNORECASE,
)
_DISTRICT_PAIR = re.compile(r"(?:,| and| or| &| to) [A-Z]{1,2}\d{1,2}[A-Z]?\b")
_PAIR_BEFORE = re.compile(r"\b[A-Z]{1,2}\d{1,2}[A-Z]?(?:,| and| or| &| to) $")  # (session 8) "in L1 and L3"
_AREA_AFTER = re.compile(r" (?:area|areas|hotspots?|postcodes?|district|estate|side)\b")
_STRONG_CUE = re.compile(r"\b(?:in|from|near|around|round|postcode|district|area|to|\(|[A-Z]{1,2}\d{1,2}/)\s*$",
                         re.IGNORECASE)  # (session 9) "a lift to S41", "(TW3/TW4)"
_LABEL_CODE = re.compile(r"^[\[(]?([A-Za-z]{1,2}\d{1,2})[\])]?\s*:", re.MULTILINE)
_NOT_DISTRICT = frozenset({"co2", "no2", "so2", "mp3", "mp4", "ps4", "ps5", "a4", "b12", "e10", "m1", "ch4"})

# a number announced as a badge, licence, collar, plate or call sign: "badge PH 4471", "collar SW 6621"
_ID_CUE = re.compile(
    r"\b(?:badge|licen[cs]e|collar|warrant|call\s?sign|plates?|plate\s+number|taxi(?:\s+(?:plate|number))?|"
    r"hackney|private\s+hire|shoulder\s+number|epaulette|driver|seal)(?:\s+(?:numbers?|no\.?|num|nos?\.?))?"
    r"[\s:#,]+(?:now\s+)?(?:was\s+|is\s+|of\s+)?",
    re.IGNORECASE,
)
# (session 6) a mixed-case council code and two letter groups too: "BwD 3378", "OMBC PH 2290", "NIFS 00918"
_ID_SHAPE = re.compile(r"(?-i:[A-Z][A-Za-z]{0,4}(?: [A-Z]{1,4})?)[\s/-]?\d{3,7}(?![\w/])|\d{4,7}(?![\w/])")
_ID_LIST_GAP = re.compile(r"^(?:,\s*|\s+(?:and|or|&)\s+|,\s*(?:and|or)\s+)")
# a letters-hyphen-digits code is an identifier wherever it stands: "BPL-2291", "PH-40217"
_HYPHEN_CODE = re.compile(r"(?<![\w/-])[A-Z]{2,5}-\d{3,7}(?![\w/-])")
_OPERATION = re.compile(
    r"\b(?:Operation|OPERATION|Op\.?|OP|Project)\s+(?P<name>[A-Z](?:[^\W\d_A-Z]|['’-])+(?:\s[A-Z](?:[^\W\d_A-Z]|['’-])+)?|[A-Z]{3,}(?:\s[A-Z]{3,})?\b)")
# a collar number written with the rank ("PC 2261") and an exhibit or document reference ("exhibit KLM/0412")
# (session 9) also a Police Scotland number with its division letter ("PC H4471") and a rank in full or in
# capitals ("Sergeant 1029", "INSP 05518")
_COLLAR = re.compile(r"\b(?:PC|PCSO|DC|PS|DS|Sgt|SGT|Insp|INSP|Sergeant|SERGEANT|Constable|Inspector)[ ]?"
                     r"(?P<num>(?:[A-Z](?=\d{4}\b))?\d{3,5})\b(?![/:.]\d)(?! ?(?:metres|meters|yards|feet|miles|m)\b)")
_EXHIBIT = re.compile(r"\b(?:exhibit|exhibit ref|item|bag|seal)(?: no\.?| number)?[ :]+"
                      r"(?P<ref>(?-i:[A-Z]{2,5}/?\d{1,6})(?:/\d{1,4})?)\b",
                      re.IGNORECASE)
# a collar number after the officer's name ("DC Ruth Ogundipe 10442", "PC Hughes 2261")
# (session 6) also after "Constable" / "Sergeant", after initials ("Sgt L. Ferreira-Hall 1142"), in brackets
# ("Constable Aidan Gormley (1827)"); a year-like number only in brackets or ending the line or before " /"
_NAMED_COLLAR = re.compile(r"\b(?:PC|PCSO|DC|DS|DI|PS|Sgt|SGT|Insp|TDC|Constable|Sergeant|Inspector)\.? "
                           r"(?:[A-Z]\. ?){0,2}[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
                           # (session 11) the officer's initials in brackets before the number: "(DN) 1907"
                           r"(?P<ini> \([A-Z][A-Za-z]{1,3}\))? (?P<open>\(?)(?P<num>\d{3,6})\b"
                           r"(?P<close>\)?)(?![/:.]\d)(?! ?(?:metres|meters|yards|feet|miles|m)\b)")
# (session 10) a year-like number is a collar before what the officer did: "PC Ruth Osei 1907 visited"
_DID_AFTER = re.compile(r" (?:[a-z]+ed|took|saw|spoke|went|came|gave|made|rang|met)\b")
_SIGNATURE_END = re.compile(r"[ \t]*(?:$|/)", re.MULTILINE)
_WARD = re.compile(r"\bWard \d{1,3}[A-Z]?\b")  # a hospital ward ("admit to Ward 21")
_YEAR = re.compile(r"(?:19|20)\d\d")
_SMALL_WORDS = frozenset(["at", "on", "in", "to", "by", "of", "or", "as", "is", "it", "an", "we", "he", "me", "my",
                          "so", "up", "no", "do", "go", "the", "and", "for", "was", "are", "has", "had", "his", "her",
                          "our", "but", "not", "you", "all", "any", "one", "two", "six", "ten", "age", "aged"])
# a sentence about a vehicle: a short letters-and-digits code in it is (part of) its plate ("the Corsa was
# something like RH 117")
_VEHICLE = re.compile(
    r"\b(?:cars?|vans?|taxis?|cabs?|motor|reg|registration|plates?|door number|number on the door|audi|bmw|merc|mercedes|vauxhall|ford|toyota|"
    r"nissan|kia|skoda|honda|peugeot|renault|corsa|astra|fiesta|focus|golf|polo|passat|qashqai|juke|prius|"
    r"octavia|insignia|yaris|civic|corolla|transit|range rover)\b", re.IGNORECASE)
_PLATE_PART = re.compile(r"(?<![\w/£$-])(?-i:[A-Z]{2,3}) ?\d{2,4}(?![\w/-])")


def _districts(text: str) -> Iterator[Span]:
    # role codes used as speaker labels ("SW1:", "M5:", "B1:") are roles everywhere in the document
    labels = {m.group(1).lower() for m in _LABEL_CODE.finditer(text)}
    for m in _SLASH_PAIR.finditer(text):  # (session 9) "Hounslow Heath (TW3/TW4)"
        if all(_AREA.match(m.group(g)).group() in POSTCODE_AREAS for g in ("a", "b")):
            for g in ("a", "b"):
                yield Span(m.start(g), m.end(g), "LOCATION", m.group(g), 0.6, "shape")
    for m in _DISTRICT.finditer(text):
        area, word = m.group("area"), m.group()
        if area.upper() not in POSTCODE_AREAS or word.lower() in _NOT_DISTRICT or word.lower() in labels:
            continue
        if _FULL_POSTCODE_AFTER.match(text[m.end():m.end() + 5]):
            continue  # the first half of a full postcode: the postcode pattern has it
        if not (word.isupper() or word.islower()):
            continue
        cue = bool(_PLACE_CUE.search(text[max(0, m.start() - 14):m.start()]))
        if word.isupper() and len(area) == 2:
            yield Span(m.start(), m.end(), "LOCATION", word, 0.7 if cue else 0.55, "shape")
        elif word.isupper() and (_DISTRICT_PAIR.match(text, m.end()) or _AREA_AFTER.match(text, m.end())
                                 or _PAIR_BEFORE.search(text[max(0, m.start() - 10):m.start()])):
            yield Span(m.start(), m.end(), "LOCATION", word, 0.55, "shape")  # "the L8 and L1 hotspots"
        elif cue and (word.isupper() or len(word) >= 3) and _STRONG_CUE.search(text[max(0, m.start() - 10):m.start()]):
            yield Span(m.start(), m.end(), "LOCATION", word, 0.5, "shape")


def _announced_ids(text: str) -> Iterator[Span]:
    for m in _ID_CUE.finditer(text):
        pos = m.end()
        while True:
            ref = _ID_SHAPE.match(text, pos)
            if ref is None or _YEAR.fullmatch(ref.group()):
                break
            yield Span(ref.start(), ref.end(), "ID", ref.group(), 0.75, "shape")
            gap = _ID_LIST_GAP.match(text[ref.end():ref.end() + 8])
            if gap is None:
                break
            pos = ref.end() + gap.end()
    for m in _HYPHEN_CODE.finditer(text):
        yield Span(m.start(), m.end(), "ID", m.group(), 0.6, "shape")
    for m in _PLATE_PART.finditer(text):
        if _YEAR.fullmatch(m.group()[-4:]) and " " not in m.group():
            continue
        if m.group().split(" ")[0].rstrip("0123456789").lower() in _SMALL_WORDS:
            continue  # "AT 23:14", "ON 12" written in capitals: a word and a number, not a plate
        # the sentence around it, at most 200 characters each way (a text without full stops is one sentence,
        # and searching all of it per match was quadratic: 108 kB of "AB 1234" took 106 s)
        lo, hi = max(0, m.start() - 200), min(len(text), m.end() + 200)
        start = max(max(text.rfind(c, lo, m.start()) for c in ".!?\n") + 1, lo)
        ends = [e for e in (text.find(c, m.end(), hi) for c in ".!?\n") if e >= 0]
        if _VEHICLE.search(text, start, min(ends) if ends else hi):
            yield Span(m.start(), m.end(), "ID", m.group(), 0.5, "shape")


_OP_WORD_BEFORE = re.compile(r"\b(?:Operation|Op\.?|Project)\s+$", re.IGNORECASE)


def _operations(text: str) -> Iterator[Span]:
    names = set()
    for m in _OPERATION.finditer(text):
        if m.group().startswith("Project") or fold(m.group("name")) in ("team", "board", "group", "manager", "lead"):
            continue  # "Project Amber Manchester" is an organisation (span_passes)
        names.add(m.group("name"))
        yield Span(m.start(), m.end("name"), "ID", text[m.start():m.end("name")], 0.7, "shape")
    # (session 7) the operation named again without its word: "that became Operation Larkspur. Larkspur was tiny"
    for name in names:
        for m in re.finditer(rf"(?<![\w-]){re.escape(name)}(?![\w-])", text):
            if not _OP_WORD_BEFORE.search(text, max(0, m.start() - 12), m.start()):
                yield Span(m.start(), m.end(), "ID", name, 0.6, "shape")


# a police log is "log 0457 of 14/03/2024", "storm log 1123", "CAD 4471": short numbers, named by the cue
_LOG = re.compile(r"\b(?:(?i:storm|cad|incident|control room|niche|command and control)\s+(?:log\s+)?(?:number\s+|no\.?\s*)?"
                  r"(?P<ref>\d{3,7})(?![\w/])|(?i:log)\s+(?:number\s+|no\.?\s*)?(?P<num>\d{2,7})(?=\s+(?:of|on|dated)\s))")


# (session 7) a police serial and its day, one reference: "incident number 1187 of 21/03/25", "serial ... was 1187 of 02/11/24"
_SERIAL_OF_DATE = re.compile(r"\b(?i:serial|incident|log|call|ref(?:erence)?|number|no\.?)\b[^\n.;]{0,40}?"
                             r"(?P<ref>\b\d{3,5} of \d{1,2}/\d{1,2}/\d{2,4})\b")
# a health board or trust named "NHS" and its area: "NHS Highland", "NHS Greater Glasgow and Clyde"
_NHS_BOARD = re.compile(r"\bNHS (?P<area>[A-Z][a-z]+(?:(?: and| &)? [A-Z][a-z]+){0,3})")
_NHS_NOT_AREA = frozenset(["trust", "trusts", "foundation", "number", "app", "england", "digital", "direct",
                           "choices", "login", "inform", "scotland", "wales", "111", "staff", "services", "service"])


def _wards(text: str) -> Iterator[Span]:
    for m in _LOG.finditer(text):
        key = "ref" if m.group("ref") else "num"
        if not _YEAR.fullmatch(m.group(key)):
            yield Span(m.start(key), m.end(key), "ID", m.group(key), 0.65, "shape")
    for m in _SERIAL_OF_DATE.finditer(text):
        yield Span(m.start("ref"), m.end("ref"), "ID", m.group("ref"), 0.7, "shape")
    for m in _NHS_BOARD.finditer(text):
        if fold(m.group()) not in NATIONAL and fold(m.group("area").split()[0]) not in _NHS_NOT_AREA:
            yield Span(m.start(), m.end(), "ORG", m.group(), 0.7, "shape")
    for m in _WARD.finditer(text):
        yield Span(m.start(), m.end(), "LOCATION", m.group(), 0.5, "shape")
    for m in _COLLAR.finditer(text):  # with the rank: records mark "PC 2261" whole as often as the number
        yield Span(m.start(), m.end(), "ID", m.group(), 0.6, "shape")
    for m in _NAMED_COLLAR.finditer(text):
        if bool(m.group("open")) != bool(m.group("close")) and not (
                m.group("close") and _inside_brackets(text, m.start())):  # "(for OIC, PC Jo Quigley 8842)"
            continue
        if not _YEAR.fullmatch(m.group("num")) or m.group("open") or m.group("ini") or _SIGNATURE_END.match(
                text, m.end()) or _DID_AFTER.match(text, m.end()):
            yield Span(m.start("num"), m.end("num"), "ID", m.group("num"), 0.6, "shape")
    marks = set()
    for m in _EXHIBIT.finditer(text):
        marks.add(m.group("ref").split("/")[0])
        yield Span(m.start("ref"), m.end("ref"), "ID", m.group("ref"), 0.7, "shape")
    # (session 8) an exhibit mark by its shape alone, a producer's initials and a number: "still WF/3",
    # "exhibited as NMcC/1" (over every corpus the shape was always an identifier)
    for m in _MARK_SHAPE.finditer(text):
        yield Span(m.start(), m.end(), "ID", m.group(), 0.6, "shape")
    # (session 7) the same person's other exhibits, named without the word: "Exhibit RP/1 (master), RP/2"
    for mark in marks:
        if "/" in text and len(mark) >= 2 and not mark.isdigit():
            for m in re.finditer(rf"(?<![\w/]){re.escape(mark)}/\d{{1,4}}(?![\w/])", text):
                yield Span(m.start(), m.end(), "ID", m.group(), 0.65, "shape")


_MARK_SHAPE = re.compile(r"(?<![\w/.-])[A-Z](?:(?:Mc|Mac|O')?[A-Z]){1,4}/\d{1,3}(?![\w/-])")


# a road number where a road goes: "up the A647", "on the M62", "off the A1(M)" (not "A4 paper")
_ROAD = re.compile(r"(?=[touavdnfpijlhTOUAVDNFPIJLH])\b(?i:the|on|off|up|down|along|via|onto|near|of|from|to|and|or|towards?|past|into|joined|joins|"
                   r"approaching|leaving|heading)\s+(?P<road>(?:A|B)\d{1,4}|M\d{1,3})"
                   r"(?:\(M\))?(?![\w/(-])(?! (?i:paper|size|sheet|sheets|envelope|page|pages|grade|level|level))")
# (session 7) a motorway junction by its number: "off junction 33", "J15 of the M4"
_JUNCTION = re.compile(r"\b[Jj]unction\s\d{1,2}[a-z]?\b(?:\s+of\s+the\s+M\d{1,3}\b)?"
                       r"|\bJ\d{1,2}[a-z]?\s+of\s+the\s+M\d{1,3}\b|\bM\d{1,3}\s+J\d{1,2}[a-z]?\b")
# initials of two people signing one entry: "Signed AK/JM", a line of its own "AK/JM"
_SIGNED = re.compile(r"(?:\b(?i:signed|initials|countersigned|checked|agreed|reviewed|authorised)\b[\s:,-]*(?:by\s+)?"
                     r"|^[ \t]*)(?P<ini>[A-Z]{2,3}/[A-Z]{2,3})(?![\w/])", re.MULTILINE)


# "King's X": a place whose "Cross" is written X (not "Malcolm X", "Brand X": a possessive comes first)
_CROSS_X = re.compile(r"\b[A-Z][a-z]+['’]s X(?![\w'’-])")


# a town named like a month, after a verb of going ("drove her to March", "taken over to March"); not
# "postponed to March", "in March", "March 2023"
_MONTH_TOWN = re.compile(
    r"(?=[dwgtrlbpDWGTRLBP])\b(?i:drove|drive|driven|driving|went|go|going|gone|took|taken|travelled|ran|run|"
    r"lift|train|bus|taxi|dropped|picked)\b(?:\s+\w+){0,3}?\s+(?i:to|into|towards|near|outside|up\s+to|down\s+to)"
    r"\s+(?P<town>March)\b(?!\s*(?:\d|'\d|next|last|this))")


# a number given for an ID a few words after it: "Student ID for the school referral: 7730214"
_ID_FIELD = re.compile(r"\bID\b[^\n:.]{0,40}:[ \t]*(?P<ref>\d{4,12})(?![\w/])")


def _roads_and_signatures(text: str) -> Iterator[Span]:
    for m in _ID_FIELD.finditer(text):
        yield Span(m.start("ref"), m.end("ref"), "ID", m.group("ref"), 0.7, "shape")
    for m in _MONTH_TOWN.finditer(text):
        yield Span(m.start("town"), m.end("town"), "LOCATION", "March", 0.5, "shape")
    for m in _CROSS_X.finditer(text):
        yield Span(m.start(), m.end(), "LOCATION", m.group(), 0.6, "shape")
    labels = {c.upper() for c in _LABEL_CODE.findall(text)}  # "M5:" a role code in this document
    for m in _ROAD.finditer(text):
        if m.group("road") in labels:
            continue
        yield Span(m.start("road"), m.end("road"), "LOCATION", m.group("road"), 0.6, "shape")
    for m in _SIGNED.finditer(text):
        yield Span(m.start("ini"), m.end("ini"), "PERSON", m.group("ini"), 0.55, "shape")


# (session 7) a Welsh or Gaelic street, its kind first: "27 Heol Tawe", "Ffordd y Brenin", "Lôn Fain", "Rathad Mòr"
_PREFIX_STREET = re.compile(
    r"(?:\b\d{1,4}[a-z]?,?\s+)?\b(?:Heol|Ffordd|Stryd|Stryt|L[oô]n|Rhodfa|Cilgant|Teras|Sgw[aâ]r|Gerddi|Rathad|"
    r"Sr[aà]id)\s+(?:(?:y|yr|an|na|a'|'r)\s+)?[A-ZÀ-Ý][\w'’-]+(?:\s+[A-ZÀ-Ý][\w'’-]+)?(?![\w'’-])")


# a sexual assault referral centre named before its letters: "the Lighthouse SARC", "the Willow SARC"
_NAMED_SARC = re.compile(r"\b(?:[Tt]he|at|to|from|via)\s+(?P<n>(?!(?:Sexual|Local|Regional|Paediatric|Adult|Children's|Nearest|Same)\b)[A-Z][a-z]+(?:\s[A-Z][a-z]+)?\sSARC)\b")


def _prefix_streets(text: str) -> Iterator[Span]:
    for m in _PREFIX_STREET.finditer(text):
        yield Span(m.start(), m.end(), "LOCATION", m.group(), 0.7, "shape")
    for m in _JUNCTION.finditer(text):
        yield Span(m.start(), m.end(), "LOCATION", m.group(), 0.6, "shape")
    for m in _NAMED_SARC.finditer(text):
        yield Span(m.start("n"), m.end("n"), "ORG", m.group("n"), 0.7, "shape")


# (session 7) a venue or place whose "The" is capitalised mid-sentence: "outside The Beehive", "towards The Avenue"
_CAPITAL_THE = re.compile(r"\b(?:at|outside|inside|in|from|to|towards|near|by|behind|opposite|past|round|into|on)"
                          r"\s+The\s+(?P<n>[A-Z][a-z'’]+(?:\s[A-Z][a-z'’]+){0,2})\b")
_NOT_VENUE = STOP | NOT_NAMES | NATIONAL | ROLE_WORDS | MONTHS | WEEKDAYS | frozenset(
    ["guardian", "sun", "times", "mirror", "telegraph", "independent", "express", "mail", "voice", "apprentice",
     "news", "observer", "simpsons", "office", "chase", "chair", "moment", "end", "way", "time", "day", "night"])


def _capital_the(text: str) -> Iterator[Span]:
    for m in _CAPITAL_THE.finditer(text):
        words = [fold(w) for w in m.group("n").split()]
        if any(w in _NOT_VENUE for w in words) or fold(m.group("n")) in NATIONAL:
            continue
        yield Span(m.start("n"), m.end("n"), "LOCATION", m.group("n"), 0.5, "shape")


def find_shapes(text: str) -> list[Span]:
    return [*_districts(text), *_announced_ids(text), *_operations(text), *_wards(text), *_roads_and_signatures(text),
            *_prefix_streets(text), *_capital_the(text)]


def _inside_brackets(text: str, at: int) -> bool:
    """Whether ``at`` is inside an open bracket on its line: "(for OIC, DC Joy Adeleke 4630)"."""
    line = text.rfind("\n", 0, at) + 1
    return text.rfind("(", line, at) > text.rfind(")", line, at)
