"""Reference numbers by their general structure, not by a list of known formats (issue 15: ID shapes not seen
before). Services number things in many ways ("SC-2023-00451", "W-4471-K", "SW/CP/0912", "22*145632",
"RM123456789GB", "4471-A2"), so a code is recognised by what it is made of and where it stands:

- after a word that announces a reference ("ref", "case", "log", "job", "ticket", "exhibit", "licence",
  "tracking number"...), a token of letters and digits, joined by "/", "-", "*", "." or "_", with digits in it;
- anywhere, a token of capitals and digits that only a code looks like (two or more capitals and three or more
  digits, "2291XK44"; or joined by separators with four or more digits, "IR-22-1187-W"), flagged unsure;
- an identifier another layer found is widened to the whole code it is part of ("W-4471" of "W-4471-K").

Years, times, dates, money and counts are left: a code needs digits beyond a year, and no "£" before it.
"""

from __future__ import annotations

import re

from .lexicon import STOP
from .spans import Span

# words that announce a reference, ending where the code starts; a "number"/"no."/"ref"/"ID" may follow the
# word, then "is"/"was"/":"
_CUE = re.compile(
    r"\b(?:ref(?:erence)?s?|urn|logs?|case|crime|incident|occurrence|job|ticket|exhibit|warrant|licen[cs]e|permit|"
    r"file|record|order|tracking|consignment|cad|storm|pnc|cris|niche|docket|claim|account|serial|custody|referral|"
    r"report|intel(?:ligence)?|application|booking|receipt|membership|member|student|pupil|patient|client|"
    r"hospital|nhs|unique|system|id|pin|listing|property|host|operator|collar|badge|scn|chi|upn|uln|crn|staff|"
    r"recording|audio)"
    r"(?:\s+(?:number|no\.?|num|nos?\.?|ref(?:erence)?|id|code))?\.?(?:\s+(?:is|was|of|as|being))?[\s:#=]*$",
    re.IGNORECASE,
)
_CUE_WORDS = frozenset(
    ["ref", "refs", "reference", "references", "urn", "log", "logs", "case", "crime", "incident",
     "occurrence", "job", "ticket", "exhibit", "warrant", "licence", "license", "permit", "file", "record",
     "order", "tracking", "consignment", "cad", "storm", "pnc", "cris", "niche", "docket", "claim",
     "account", "serial", "custody", "referral", "report", "intel", "intelligence", "application",
     "booking", "receipt", "membership", "member", "student", "pupil", "patient", "client", "hospital",
     "nhs", "unique", "system", "id", "pin", "listing", "property", "host", "operator", "collar", "badge", "scn",
     "chi", "upn", "uln", "crn", "staff", "recording", "audio"])
# a token with a digit in it: the candidates (found first, so the cue is looked for only before them)
# (parts bounded: a chain of thousands of "TW3/" took 33 s to fail, each split of it tried in turn)
_DIGIT_TOKEN = re.compile(r"(?<![\w/*.£$€#-])#?(?P<code>(?:[A-Za-z0-9]+[/*._-]){0,8}[A-Za-z]*\d[A-Za-z0-9]*"
                          r"(?:[/*._-][A-Za-z0-9]+){0,8})(?![\w/*-]|\.\w)")
# announcing words strong enough for a short all-digit number ("log 457", "ref 0912")
_STRONG = re.compile(r"^(?:ref|reference|refs|urn|log|logs|exhibit|incident|occurrence|crime|cad|storm)\b",
                     re.IGNORECASE)
_YEAR = re.compile(r"(?:19|20)\d\d")
_DATE_LIKE = re.compile(r"\d{1,4}[/.-]\d{1,2}(?:[/.-]\d{1,4})?")
# a part of a code: digits, or a few capitals ("-K", "/HC"); not a word ("-style", "-registered")
_PART = r"(?:[A-Za-z0-9]*\d[A-Za-z0-9]*|[A-Z]{1,4})"
_EXTEND_AFTER = re.compile(rf"[/*-]{_PART}(?![\w'’])")
_EXTEND_BEFORE = re.compile(rf"(?<![\w/*-]){_PART}[/*-]$")
_SPACED_GROUPS = re.compile(r"(?:[ \t]\d{3,4}){2,3}(?![\w/.:,]\d|[\w/:])")


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


def _letters(s: str) -> int:
    return sum(c.isalpha() for c in s)


def _plain_number(code: str) -> bool:
    """A year, a date, a time or a count: not a reference by its shape alone."""
    return bool(_YEAR.fullmatch(code) or _DATE_LIKE.fullmatch(code))


def reference_codes(text: str) -> list[Span]:
    out: list[Span] = []
    for m in _DIGIT_TOKEN.finditer(text):
        code = m.group("code").rstrip(".")
        start = m.start("code")
        window = max(0, m.start() - 48)
        cue = None
        if any(w.strip(".:#=,;(\"'“") in _CUE_WORDS for w in text[window:start].lower().split()[-4:]):
            cue = _CUE.search(text, window, start)
        if cue is not None:
            span = _announced(text, code, start, cue.group())
        else:
            span = _bare(code, start)
        if span is not None:
            out.append(span)
    return out


_DIGIT_GROUPS = re.compile(r"(?: \d{3,4})+(?![\w/-])")
# (session 12) a unit's call sign in a log ("UNITS B1-22, B1-31 AND TV-40", "21:40 MC23 (PC 20114)") and a UUID
_UNITS = re.compile(r"\b(?i:units?|call ?signs?|callsigns?)[ \t:]+(?P<list>(?:[A-Z]{1,3}\d{0,2}-?\d{1,3}(?:,[ \t]*|[ \t]+"
                    r"(?i:and|&)[ \t]+(?:(?i:traffic|unit)[ \t]+)?|[ \t]*$|(?=[ \t.;)])))+)", re.MULTILINE)
_UNIT_CODE = re.compile(r"[A-Z]{1,3}\d{0,2}-?\d{1,3}")
_UUID = re.compile(r"(?<![\w-])[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}(?![\w-])", re.IGNORECASE)


# a call sign opening log entries after their time, twice or more: "21:40 MC23 (PC 20114) TO BROOM AVE"
_LOGGED_SIGN = re.compile(r"^[ \t]*\d{1,2}:?\d{2}[ \t]+(?:[-–|][ \t]+)?(?P<c>[A-Z]{1,3}\d{1,3})\b(?![:/.]\d)", re.MULTILINE)


def unit_codes(text: str) -> list[Span]:
    out = [Span(m.start(), m.end(), "ID", m.group(), 0.8, "pattern") for m in _UUID.finditer(text)]
    signs = [m for m in _LOGGED_SIGN.finditer(text)]
    seen: dict[str, int] = {}
    for m in signs:
        seen[m.group("c")] = seen.get(m.group("c"), 0) + 1
    out += [Span(m.start("c"), m.end("c"), "ID", m.group("c"), 0.6, "shape") for m in signs if seen[m.group("c")] >= 2]
    for m in _UNITS.finditer(text):
        base = m.start("list")
        for c in _UNIT_CODE.finditer(m.group("list")):
            if any(ch.isdigit() for ch in c.group()) and any(ch.isalpha() for ch in c.group()):
                out.append(Span(base + c.start(), base + c.end(), "ID", c.group(), 0.6, "shape"))
    return out


def _announced(text: str, code: str, start: int, cue: str) -> Span | None:
    """A code after a word that announces a reference ("job number 4471-A2"), with the digit groups that follow
    it ("booking number 4418 207 913")."""
    if code.isdigit() and (g := _DIGIT_GROUPS.match(text, start + len(code))):
        code = text[start:g.end()]
    digits, letters = _digits(code), _letters(code)
    if _plain_number(code):
        return None
    separated = any(c in code for c in "/*-._")
    if letters == 0 and not separated and digits < (3 if _STRONG.match(cue) else 4):
        return None  # "case 12", "job 150"
    if letters and digits < 2 and not separated:
        return None  # "ID 3B"
    if letters and not any(c.isupper() for c in code) and digits < 3:
        return None  # "pin code ab1" is more likely a word
    return Span(start, start + len(code), "ID", code, 0.75, "shape")


def _bare(code: str, start: int) -> Span | None:
    """A capitals-and-digits code standing alone: two or more capitals and three or more digits ("2291XK44"),
    or parts joined by separators with four or more digits ("IR-22-1187-W")."""
    if code.upper() != code or "." in code or "_" in code:
        return None
    if code.isdigit() and len(code) >= 8 and not code.startswith("0"):
        return Span(start, start + len(code), "ID", code, 0.5, "shape")  # (session 12) a long number is a reference
    digits, capitals = _digits(code), _letters(code)
    separated = any(c in code for c in "/*-")
    shaped = (capitals >= 2 and digits >= 3 and len(code) >= 6) or (separated and capitals and digits >= 4)
    if not shaped or _plain_number(code):
        return None
    return Span(start, start + len(code), "ID", code, 0.5, "shape")


def whole_codes(text: str, spans: list[Span]) -> list[Span]:
    """An identifier widened to the whole code it is part of ("W-4471" + "-K", "PH" + "/0932")."""
    taken = bytearray(len(text) + 1)
    for s in spans:
        taken[s.start:s.end] = b"\x01" * (s.end - s.start)
    out = []
    for s in spans:
        if s.label == "ID" and " " not in s.text:
            start, end = s.start, s.end
            while (m := _EXTEND_AFTER.match(text, end)) and not any(taken[m.start():m.end()]):
                end = m.end()
            while (m := _EXTEND_BEFORE.search(text, max(0, start - 12), start)) and not any(taken[m.start():m.end()]):
                start = m.start()
            if (m := _SPACED_GROUPS.match(text, end)) and any(c.isalpha() for c in s.text) \
                    and s.text[-1].isdigit() and not any(taken[m.start():m.end()]):
                end = m.end()  # (session 14) "Ref CC2025 1002 0311": the code goes on in spaced groups
            if (start, end) != (s.start, s.end):
                s = Span(start, end, s.label, text[start:end], s.confidence, s.source)
        out.append(s)
    return out


# (session 8) a police log is numbered within its day: "log 1387 30/01", "incident 0417 of 29/01/2026"
_ORDINAL_WORD = (r"(?:\d{1,2}(?:st|nd|rd|th)|first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|"
                 r"eleventh|twelfth|thirteenth|fourteenth|fifteenth|sixteenth|seventeenth|eighteenth|nineteenth|"
                 r"twentieth|(?:twenty|thirty)-?(?:first|second|third|fourth|fifth|sixth|seventh|eighth|ninth))")
_MONTH = (r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*")
# (session 12) "Storm log: 0634 07/03/26", "log 0214 of 15 February"
_LOG_SERIAL = re.compile(r"(?i:\b(?:logs?|incidents?|serials?|cad|storm)[ \t]*:?[ \t]+(?:no\.?\s+|number\s+|ref\.?\s+)?)"
                         r"(?P<id>\d{3,5}\s+(?i:of\s+)?(?:\d{1,2}/\d{1,2}(?:/\d{2,4})?(?![\w/])|"
                         rf"\d{{1,2}}(?:st|nd|rd|th)?[ \t]+{_MONTH}\b|the[ \t]+{_ORDINAL_WORD}\b))")


# (session 13) the next of a list: "LOGS 1788 06/03 AND 1802 06/03"
_NEXT_SERIAL = re.compile(r"(?i:[ \t]*(?:,|and|&)[ \t]*)(?P<id>\d{3,5}[ \t]+\d{1,2}/\d{1,2}(?:/\d{2,4})?)(?![\w/])")


def log_serials(text: str, spans: list[Span]) -> list[Span]:
    """A log's serial and its day are one identifier: the number and the date found apart become one span."""
    new = []
    for m in _LOG_SERIAL.finditer(text):
        while m is not None:
            new.append(Span(m.start("id"), m.end("id"), "ID", m.group("id"), 0.8, "pattern"))
            m = _NEXT_SERIAL.match(text, m.end())
    if not new:
        return spans
    kept = [s for s in spans if not any(n.start <= s.start and s.end <= n.end for n in new)]
    return sorted(kept + new, key=lambda s: (s.start, s.end))


def hash_marks(text: str, spans: list[Span]) -> list[Span]:
    """(session 9) A reference written after "#" keeps it: "Incident #40217" (a record marking "#40217" is then
    covered, and one marking "40217" still is)."""
    return [Span(s.start - 1, s.end, s.label, text[s.start - 1:s.end], s.confidence, s.source)
            if s.label == "ID" and s.start and text[s.start - 1] == "#" else s for s in spans]


_PARTIAL_PLATE = re.compile(r"(?<![\w/-])[A-Z]{2}\d{2}(?![\w/-])")
_PLATE = re.compile(r"^[A-Z]{2}\d{2}\s?[A-Z]{3}$")
_LIST_GAP = re.compile(r"^\s*(?:/|,|and|or|&)\s*$")


# the part of a plate someone remembers: "the golf ending YKD", "thinks it started YD", "CN68 something"
_PLATE_PART = re.compile(r"\b(?:ending(?: in)?|ended(?: in| with)?|ends? (?:in|with)|start(?:ed|s)?(?: with)?|begins? with|"
                         r"beginning(?: with)?)"
                         r"[ \t]+(?P<p>[A-Z]{2,3}\d{0,2})(?![\w/-])|(?<![\w/-])(?P<q>[A-Z]{2}\d{2}|[a-z]{2}\d{2})[ \t]+(?:something|summat|"
                         r"sumthin|somethin|or something)\b"
                         # (session 13) a plate cut short or said in lowercase after a car: "FR05 TY.", "wu 17 ght"
                         # (session 14) and a Northern Irish plate in lowercase after a car: "black audi, lfz 2317"
                         r"|(?<![\w/-])(?P<r>[A-Z]{2}\d{2}[ \t][A-Z]{1,2}|[a-z]{2}[ \t]\d{2}[ \t][a-z]{3}|"
                         r"[a-z](?:[a-hj-y]z|i[a-hj-y])[ \t]?\d{3,4}(?![\w/-])|[A-Z]{3}"
                         r"(?=[ \t]+something\b))(?![\w/-])")


_CAR_BEFORE = re.compile(r"(?i:\b(?:plate|reg|registration|car|golf|corsa|astra|fiesta|focus|polo|merc|bmw|audi|"
                         r"vauxhall|ford|toyota|prius|taxi|cab|van|motor|skoda|octavia|seat|kia|hyundai|nissan|qashqai|"
                         r"mercedes|range rover|evoque|peugeot|renault|clio|mini|honda|civic|volvo|insignia|passat)\b)")
_TWO_PARTS = re.compile(r"(?<![\w/-])(?P<a>[A-Z]{2}\d{2}(?:[ \t][A-Z]{1,2}(?![\w/-]))?)[ \t]*(?:,|and|or|/|&)[ \t]*"
                        r"(?P<b>[A-Z]{2}\d{2}(?:[ \t][A-Z]{1,2}(?![\w/-]))?)(?![\w/-])")
_NOT_PREFIX = frozenset(["im", "ur", "ye", "ya", "iv", "ive", "id", "ok", "hi", "oh", "ah", "eh", "na", "aw"])


_NOT_PLATES = frozenset(["OK", "ID", "TV", "UK", "AM", "PM", "NO", "SO", "GP", "ON", "UP", "IT", "IN", "ASAP", "YES"])


def partial_plates(text: str, spans: list[Span]) -> list[Span]:
    """(session 9) A partial registration listed beside a full one is a registration too: "update intel re EK21 /
    EY15 ORL"; so is the part of a plate someone remembers ("the golf ending YKD", "CN68 something")."""
    taken = {s.start for s in spans}
    new = [Span(m.start(g), m.end(g), "ID", m.group(g), 0.6, "shape") for m in _PLATE_PART.finditer(text)
           for g in ("p", "q", "r") if m.group(g) and m.start(g) not in taken and m.group(g) not in _NOT_PLATES
           and m.group(g)[-3:] not in STOP and m.group(g)[:2] not in STOP and m.group(g)[:2] not in _NOT_PREFIX and (
               g == "q" or _PARTIAL_PLATE.fullmatch(m.group(g)) or _CAR_BEFORE.search(text, max(0, m.start() - 80, text.rfind("\n", 0, m.start())),
                                              m.start()))]
    # (session 13) two plates' starts side by side: "for example SF21 and SY70 F"
    new += [Span(m.start(g), m.end(g), "ID", m.group(g), 0.6, "shape") for m in _TWO_PARTS.finditer(text)
            for g in ("a", "b") if m.start(g) not in taken]
    plates = [s for s in spans if s.label == "ID" and (_PLATE.match(s.text) or _PARTIAL_PLATE.fullmatch(s.text))]
    if not plates:
        return sorted(spans + new, key=lambda s: (s.start, -s.end)) if new else spans
    for m in _PARTIAL_PLATE.finditer(text):
        if m.start() in taken:
            continue
        if any(_LIST_GAP.match(text[m.end():p.start]) or _LIST_GAP.match(text[p.end:m.start()])
               for p in plates if abs(p.start - m.end()) < 8 or abs(m.start() - p.end) < 8):
            new.append(Span(m.start(), m.end(), "ID", m.group(), 0.6, "shape"))
    return sorted(spans + new, key=lambda s: (s.start, -s.end)) if new else spans
