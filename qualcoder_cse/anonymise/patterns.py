"""UK patterns: regular expressions for CONTACT (phones, emails, handles, usernames), ID (registrations, crime
and case references, NHS and National Insurance numbers), DATE (days in words and digits) and postcodes.

Each pattern yields spans with a confidence; validators reject shapes that only look right (a 31/13 date, a
phone number with the wrong digit count).
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from .spans import Span

MONTHS = (
    "january|february|march|april|may|june|july|august|september|october|november|december|"
    "jan|feb|mar|apr|jun|jul|aug|sept|sep|oct|nov|dec|"
    # misspellings seen in young people's statements and chats
    "febuary|feburary|febuarey|febraury|janury|janurary|januray|apirl|agust|augest|septmber|setember|sepetember|"
    "ocotber|octobor|novmber|novemeber|decmber|decemeber|decemebr"
)
_ORD = r"(?:st|nd|rd|th)"
_DAY = rf"(?:[12][0-9]|3[01]|0?[1-9]){_ORD}?"
_YEAR = r"(?:(?:19|20)\d\d|'\d\d)"
_MON = rf"(?:{MONTHS})\.?"
_WEEKDAY = r"(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day|mon|tue|tues|wed|weds|thu|thur|thurs|fri|sat|sun)\.?"

_RX: list[tuple[str, re.Pattern, float]] = [
    ("CONTACT", re.compile(r"(?<![\w.+-])[A-Za-z0-9][A-Za-z0-9._%+-]*(?:['’][A-Za-z][A-Za-z0-9._%+-]*)?@[A-Za-z0-9-]+(?:\.[A-Za-z0-9-]+)*\.[A-Za-z]{2,}"), 0.99),
    ("CONTACT", re.compile(r"(?<![\w@.])@[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?"), 0.95),
    # UK phone numbers: +44 or 0, then 9-10 more digits in groups
    ("CONTACT", re.compile(r"(?<![\w+])(?:\+\s?44\s?(?:\(0\)\s?)?|\(?0)\d{2,4}\)?(?:[\s-]?\d){6,9}"
                           r"(?:\s?(?:[Ee]xt\.?|x)\s?\d{2,6})?(?![\w/])"), 0.95),
    # an email spelt out or spaced to dodge filters: "k.morgan at gmail dot com", "jo_b @ hotmail.co.uk"
    ("CONTACT", re.compile(r"(?<![\w.@])[A-Za-z0-9][\w.'-]*(?:\s?[\[(]at[\])]\s?|\s(?:at|AT)\s|\s@\s?|@\s)"
                           r"[A-Za-z0-9-]+(?:(?:\s?[\[(]dot[\])]\s?|\s(?:dot|DOT)\s|\.)[A-Za-z0-9-]+)*"
                           r"(?:\s?[\[(]dot[\])]\s?|\s(?:dot|DOT)\s|\.)(?:com|co\.uk|uk|net|org|gov\.uk|ie|io)(?![\w.])"),
     0.85),
    # an international number dialled with 00: "0044 7700 900789"
    ("CONTACT", re.compile(r"(?<![\w+])00\s?44\s?(?:\(0\)\s?)?\d{2,4}(?:[\s-]?\d){6,9}(?![\w/])"), 0.9),
    # chat links and Discord tags: "wa.me/447700900555", "t.me/handle", "ghost#4471"
    ("CONTACT", re.compile(r"(?<![\w/.])(?:https?://)?(?:wa\.me|t\.me|m\.me|discord\.gg|snapchat\.com/add)/[\w.+-]*\w"),
     0.95),
    ("CONTACT", re.compile(r"(?<![\w@#])[A-Za-z][\w.]{1,31}#\d{4}(?![\w#])"), 0.85),
    ("CONTACT", re.compile(r"(?<![\w/.])(?:https?://)?(?:www\.)?(?:facebook|fb|instagram|tiktok|twitter|x|snapchat|"
                           r"youtube|linkedin)\.com/[\w.\-/@]+[\w/]"), 0.95),
    # usernames with dots: "zaraa.k", "tommy.b.90" (not e.g., i.e., a.m.)
    ("CONTACT", re.compile(r"(?<![\w@./])_{0,2}[a-z][a-z0-9]{2,}(?:\.[a-z0-9]+)+(?![\w@]|\.\w)"), 0.6),
    ("ID", re.compile(r"(?<!\w)[A-Za-z]{2}[0-9]{2}[\s-]?[A-Za-z]{3}(?!\w)"), 0.9),  # current registrations
    ("ID", re.compile(r"(?<!\w)[A-Z]{2} [0-9]{2} [A-Z]{3}(?!\w)"), 0.85),
    ("ID", re.compile(r"(?<!\w)[A-Z][0-9]{1,3}\s?[A-Z]{3}(?!\w)"), 0.75),  # prefix style
    ("ID", re.compile(r"(?<!\w)[A-Z]{3}\s?[0-9]{1,3}[A-Z](?!\w)"), 0.75),  # suffix style
    ("ID", re.compile(r"(?<!\w)[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d](?!\w)"), 0.95),
    ("ID", re.compile(r"(?<![\w/])[A-Z]{1,2}\d{6,12}(?![\w/])"), 0.75),  # H1234567, T20177043, a pupil's UPN
    ("ID", re.compile(r"(?<![\w/])[1-9]\d{9,19}(?![\w/])"), 0.7),  # long bare numbers: references, IMEIs, user IDs
    ("ID", re.compile(r"(?<![\w/-])\d{4}[ -]\d{4}[ -]\d{4}[ -]\d{4}(?![\w/-])"), 0.8),  # SIA badge, card number
    ("ID", re.compile(r"(?<![\w/])(?:[A-Za-z]{1,5}/){1,3}\d{2,}(?:/\d{2,})*(?![\w/])"), 0.8),  # WY/OPS/2014/117
    ("ID", re.compile(r"(?<!\w)[A-Z]{3}\s?\d{3,4}(?![\w/])"), 0.6),  # Northern Ireland plates: LCZ 4471
    ("ID", re.compile(r"(?<![\w/])[1-9]\d{2}[\s-]?\d{3}[\s-]?\d{4}(?![\w/])"), 0.85),  # NHS number
    # crime, incident, custody references: digit groups joined by / or -, or letters then digits
    ("ID", re.compile(r"(?<![\w/])(?:[A-Za-z]{1,5}[/-]?)?\d{2,}(?:[/-]\d{2,}){1,3}(?:[/-][A-Za-z]{1,3})?(?![\w/])"), 0.8),
    ("ID", re.compile(r"(?<![\w/])[A-Z]{2,5}[/-]?\d{5,}(?:[/-]\d{2,4})?(?![\w/])"), 0.8),
    ("DATE", re.compile(rf"(?=[MTWFSmtwfs\d])(?<![\w/.-])(?i:{_WEEKDAY},?\s+)?(?:0?[1-9]|[12]\d|3[01])([/.-])(?:0?[1-9]|1[0-2])\1(?:\d{{4}}|\d{{2}})(?![\w/-]|\.\d)"), 0.95),
    ("DATE", re.compile(r"(?<![\w/-])(?:19|20)\d\d-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12]\d|3[01])(?![\w/-])"), 0.95),
    ("DATE", re.compile(rf"(?=[mtwfs\d])(?<!\w)(?:{_WEEKDAY},?\s+(?:the\s+)?)?{_DAY}(?:\s+of)?\s+{_MON}(?:,?\s+{_YEAR})?(?!\w)",
                        re.IGNORECASE), 0.9),
    ("DATE", re.compile(rf"(?=[mtwfs])(?<!\w){_WEEKDAY}\s+the\s+{_DAY}(?!\w)", re.IGNORECASE), 0.8),
    # a day, month and year joined by hyphens, as Discord and some logs print them: "18-Apr-25"
    ("DATE", re.compile(rf"(?=\d)(?<![\w/-])(?:[12][0-9]|3[01]|0?[1-9])-(?:{MONTHS})-(?:\d{{4}}|\d{{2}})(?![\w/-])",
                        re.IGNORECASE), 0.9),
    ("DATE", re.compile(rf"(?=[jfmasond])(?<!\w){_MON}[^\S\n]+(?:the[^\S\n]+)?{_DAY}(?:,?\s+{_YEAR})?(?![\w:])", re.IGNORECASE), 0.8),
    # initials: K.M., K.W.-P., (session 9) J.S-W., C.McK., H.McG.
    ("PERSON", re.compile(r"(?<![\w.])[A-Z]\.\s?(?:Mc|Mac|O')?[A-Z](?:\.|(?=-[A-Z]))(?:\s?[A-Z]\.)?(?:-[A-Z](?:\.|(?![\w'’-])))?(?!\w)"),
     0.7),
    ("PERSON", re.compile(r"(?<=[\"“])[A-Z](?=[\"”])"), 0.5),  # a one-letter nickname in quotes: "K"
    # usernames: letters with _ or . joins, or letters ending in digits ("jaybae_x", "sk8r_kyle", "deebee07")
    # "deano_x", "alfie.h_2012": an underscore in it, dots too
    ("CONTACT", re.compile(r"(?<![\w@.])_{0,2}[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)*(?:_+[A-Za-z0-9]+)+"
                           r"(?:[._]+[A-Za-z0-9]+)*_*(?![\w@]|\.\w)"), 0.8),
    ("CONTACT", re.compile(r"(?<![\w@.])_{0,2}[a-z]{3,}[a-z0-9]*[0-9]{2}(?![\w@])"), 0.6),
    ("DATE", re.compile(rf"(?<=\bon the ){_DAY}(?=[\s,.]|$)(?!\s+(?:floor|time|one|occasion|page|item|row|line|"
                        rf"step|point|question|day|night|week|attempt|go)s?\b)", re.IGNORECASE), 0.6),
    # (session 9) a day of the month said alone after "the": "dont forget the 15th", "by the 12th." (not "the
    # 3rd floor", "the 5th time": a word after it must start a new clause)
    ("DATE", re.compile(r"(?<=\bthe )(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)(?![\w'’-])(?=\s*(?:[^\w\s]|$|"
                        r"(?:at|and|or|when|so|then|but|i|we|he|she|they|it|was|is|which|where|before|after|till|"
                        r"until|to|in|for|because|cos|with|by|as|if|that|about|just)\b))", re.IGNORECASE), 0.6),
    (
        "LOCATION",
        re.compile(r"(?<![\w-])(?:[A-Za-z]{1,2}[0-9][A-Za-z0-9]?\s?[0-9][A-Za-z]{2})(?![\w-])"),
        0.9,
    ),
    # (session 13) a what3words address and an Ordnance Survey grid reference: "///lamps.ferry.shadow",
    # "NN 1236 7235", "SM 953 155" (two letters of the grid, then two digit groups of the same length)
    ("LOCATION", re.compile(r"(?<![\w/])///[a-z]+\.[a-z]+\.[a-z]+(?!\w|\.\w)"), 0.9),
    ("LOCATION", re.compile(r"(?<![\w/])[HNOST][A-HJ-Z][ \t]?(?:\d{3}[ \t]?\d{3}|\d{4}[ \t]?\d{4}|\d{5}[ \t]?\d{5})"
                            r"(?![\w/]|[.,]\d)"), 0.7),
]

# usernames given after a platform word: "snap: jaybae", "my insta is lil.dee", "add me on kik - xxbabe"
_PLATFORM = re.compile(
    r"(?=[sitkfuhgpxdw])\b(?:snap(?:chat)?|sc|insta(?:gram)?|ig|tik\s?tok|kik|twitter|fb|facebook|username|user\s?name|handle|"
    r"gamertag|psn|xbox(?:\s+live)?|discord|telegram|wickr)(?:\s+(?:name|id|handle|username|account))?"
    r"(?:(?P<sep>\s*[:=\-(]\s*|\s+(?:is|was|it's|its|as|called)\s+(?:@)?)|\s+(?=@?\S*[\d_.]))"
    r"(?P<user>@?[A-Za-z0-9_.]{3,30}[A-Za-z0-9_])",
    re.IGNORECASE,
)
_NOT_USERNAME = frozenset(
    ["the", "a", "an", "and", "but", "or", "is", "was", "my", "his", "her", "their", "on", "it", "its", "this", "that", "private", "blocked", "deleted", "gone", "down", "there", "here", "me", "him", "them", "you", "us", "what", "who", "not", "no", "yes", "just", "like", "same", "new", "old"]
)


_BEFORE_PLATFORM = re.compile(
    r"(?<![\w@.])([A-Za-z0-9_.]{4,30})(?= on (?:snap(?:chat)?|insta(?:gram)?|tik\s?tok|kik|xbox|psn|discord|"
    r"telegram|fb|facebook|twitter|whatsapp)\b)",
    re.IGNORECASE,
)


_YEAR_RANGE = re.compile(r"((?:19|20)\d\d)[/-](?:\d\d|(?:19|20)\d\d)")
_REG_SHAPE = re.compile(r"^[A-Za-z]{2}\d{2}-[A-Za-z]{3}$")

# initials of the writer or transcriber: "Transcribed by AH", "notes by KO"
_BY_INITIALS = re.compile(
    r"(?=[twncmprcci])\b(?:transcribed|written|typed|notes|minuted|compiled|prepared|recorded|checked|reviewed|interviewed)\s+by:?\s+"
    r"(?P<ini>(?!CSE\b|MASH\b|DSL\b|NHS\b|SW\b|YOT\b|GP\b|DC\b|DS\b|DI\b|PC\b|PS\b|DCI\b|DSU\b|SGT\b|CI\b|DR\b|MR\b|MS\b)"
    r"[A-Z]{2,3})(?![\w-])",
    re.IGNORECASE,
)
# a partial registration ("BX17", "MA70") is an identifier only when a vehicle word comes shortly before it
_PARTIAL_PLATE = re.compile(
    r"(?=[rpncvm])\b(?:reg|regs|registration|plate|plates|number\s?plate|partial|reg\s?no|car|van|vehicle|motor)\b"
    r"[^\n.;]{0,30}?(?<![\w/-])[\"“'‘]?([A-Z]{2}\d{2}|(?<=[\"“'‘])[A-Z]{2}\d(?= something| or|[\"”'’])"
    r"|(?-i:[A-Z]{2}\d)(?=\.\.\.|…| something\b))"
    r"(?![\w/-]|\s(?!(?:and|but|the|was|not|for|she|his|her|has|had|who|its|now|yet)\b)[A-Za-z]{3}\b(?<! something))",
    re.IGNORECASE,
)
# (session 7) part of a plate a witness saw, after a cue that says so: "reg ends WKX", "the reg had KFZ in it",
# "partial registration CY6", "reg starts LXZ"
_PLATE_PART = re.compile(
    r"(?=[pr])\b(?:partial\s+(?:reg(?:istration)?|plate)|(?:reg|registration|plate)\s+(?:starts?|starting|ends?|ending|"
    r"begins?|beginning|had|has))\b(?:\s+(?:with|in))?[\s:]+[\"“'‘]?(?P<p>(?-i:[A-Z]{2,3}\d{0,2}|[A-Z]{2}\d{1,2}[A-Z]?))"
    r"(?![\w/-])", re.IGNORECASE)
# taxi badge, licence, collar and staff numbers: "the badge number on the roof sign, PH 40217", "staff no. 41882"
_BADGE = re.compile(
    r"(?=[blcwdsep])\b(?:badge|licence|license|collar|warrant|driver|staff|employee|payroll|personnel)\s+(?:number|no\.?|num)"
    r"(?!\w)[^\n.;]{0,30}?"
    r"(?<![\w/])(?P<ref>(?-i:[A-Z]{1,3})[\s-]?\d{3,7}|\d{4,7})(?![\w/])",
    re.IGNORECASE,
)
# (session 11) a licence or badge number by its shape alone: "PH 4471", "WMBC 04821", "VCR 445871", "BPL-2291"
_LICENCE_SHAPE = re.compile(r"(?<![\w/.-])(?P<l>[A-Z]{2,5})[ -](?P<d>\d{4,6})(?![\w/-]|[.,]\d)")
# letters before a number that make it something else: a rank and a collar number (the rank stays readable), a
# room, a page, a standard, a year
_NOT_LICENCE = frozenset(["PC", "DC", "DS", "DI", "PS", "PCSO", "SGT", "INSP", "CI", "DCI", "DSU", "DCS", "ACC",
                          "ROOM", "FLAT", "UNIT", "PAGE", "ITEM", "RULE", "LINE", "PART", "ACT", "YEAR", "AGE", "TEL",
                          "FAX", "MOB", "EXT", "NO", "ISO", "BS", "EN", "GDPR", "NHS", "AD", "BC", "CE", "BCE", "UK",
                          "GB", "EU", "US", "USA", "TOTAL", "SUM", "FROM", "TO", "AND", "THE", "OF", "IN", "AT", "ON",
                          "BY", "UP", "OR", "FOR", "SINCE", "UNTIL", "TILL", "APR", "JAN", "FEB", "MAR", "JUN", "JUL",
                          "AUG", "SEP", "SEPT", "OCT", "NOV", "DEC", "MAY", "JUNE", "JULY", "COVID", "TIME", "CALL",
                          "DOB", "AGED", "TIER", "LEVEL", "GRADE", "BAND", "STEP", "STAGE", "BOX", "BAY", "GATE"])
# "Collar's 6174", "my collar is 2291", "shoulder number 4471"
_COLLAR = re.compile(r"(?=[cs])\b(?:collar|shoulder)(?:['’]s| number| no\.?| is| was| num)?[ \t]*:?[ \t]*(?P<ref>\d{3,6})(?![\w/])",
                     re.IGNORECASE)
_CAPS_WORDS = frozenset(["BUT", "NOT", "WAS", "ARE", "HAS", "HAD", "HIS", "HER", "SHE", "YOU", "ALL", "ANY", "CAN",
                         "DID", "GOT", "OUR", "OUT", "NOW", "TWO", "ONE", "SIX", "TEN", "MOB", "PIN", "THEN", "WHO",
                         "ITS", "AGO", "YES", "ABOUT"])
_GRID = re.compile(r"[HNOST][A-HJ-Z][ \t]?\d{3,5}[ \t]?\d{3,5}")
_NI_PLATE = re.compile(r"[A-Z]{3}\s?\d{3,4}")
_FULL_PLATE = re.compile(r"[A-Za-z]{2}[0-9]{2}[\s-]?[A-Za-z]{3}")
_WORD_BEFORE_NUMBER = frozenset(["VIA", "WITH", "LOG", "LOGS", "REF", "CALL", "NUMBER", "ABOUT", "OVER", "UNDER",
                                 "NEAR", "PAST", "AFTER", "BEFORE", "INTO", "ONTO", "STAFF", "UNITS", "CODE"])
# references named as such: "case reference 20BW/11873/18", "crime number: 13/44521/19", "URN 06CW0412318"
_REF_CUE = re.compile(
    r"(?=[rulcuicoI])\b(?:reference|ref|ref\s?no|urn|(?-i:LCS|CRN|UPN|CHI)|crime\s(?:number|no|ref)|incident\s(?:number|no|ref)|log\s(?:number|no)|"
    r"case\s(?:number|no)|custody\s(?:number|no)|occurrence\s(?:number|no)|(?-i:ID))\.?(?:\s?(?:number|no)\.?)?"
    r"(?:\s+(?:is|was|of))?[\s:#]*(?P<ref>(?:[A-Za-z]{1,5}[/-])?[A-Za-z0-9]*\d[A-Za-z0-9]*(?:[/-][A-Za-z0-9]+)*)",
    re.IGNORECASE,
)


def _digits(s: str) -> int:
    return sum(c.isdigit() for c in s)


def _valid(label: str, text: str, full: str, start: int) -> bool:
    if label == "CONTACT" and "_" in text and re.search(r"facilitator|admin|moderator|interviewer", text, re.IGNORECASE):
        return False
    if label == "DATE" and not re.search(r"(?:st|nd|rd|th)$", text, re.IGNORECASE) and text.isdigit():
        return False
    if label == "CONTACT" and "." in text and "@" not in text and "/" not in text and not text.startswith("+") and (
        not re.search(r"\s(?:at|AT)\s|[\[(]at[\])]", text)) and (
        not re.search(r"\b[Ee]xt\.\s?\d+$", text)  # "0113 496 0123 ext. 4471": a phone with its extension
    ):
        last = text.rsplit(".", 1)[1]
        if last in ("com", "uk", "org", "net", "gov", "co", "txt", "doc", "docx", "pdf", "jpg", "png") or (
            not text.lstrip("_")[:1].isalpha()  # a handle may open with underscores ("_lexii.x")
        ):
            return False
    if label == "CONTACT" and text.startswith("00") and "@" not in text:
        return _digits(text) in (13, 14)
    if label == "CONTACT" and text.lstrip("(").startswith(("+", "0")) and "@" not in text:
        d = _digits(text)
        d -= _digits(re.sub(r"^.*?(?:[Ee]xt\.?|x)\s?", "", text)) if re.search(r"(?:[Ee]xt\.?|x)\s?\d", text) else 0
        return (d in (12, 13)) if text.startswith("+") else d in (10, 11, 12)
    if label == "ID":
        # (session 13) "LOGS 1788 ... AND 1802": a word in capitals before a number is not a plate's letters;
        # nor is "LR21 and" a plate (its letters change case)
        if _NI_PLATE.fullmatch(text) and (text[:3] in _NOT_LICENCE or text[:3] in _CAPS_WORDS):
            return False
        letters = "".join(c for c in text if c.isalpha())
        if _FULL_PLATE.fullmatch(text) and not (letters.isupper() or letters.islower()):
            return False
        if _YEAR_RANGE.fullmatch(text):
            return False  # a financial or school year ("2023/24", "2019-2020"), not a reference
        if ("/" in text or "-" in text) and not _REG_SHAPE.match(text):
            return _digits(text) >= 5
        if text.isdigit() and len(text) < 10:
            return False
    if label == "LOCATION" and (text.startswith("///") or _GRID.fullmatch(text)):
        return True
    if label == "LOCATION":  # postcodes: letters upper or all lower, not a mixed-case word
        compact = text.replace(" ", "")
        return (compact.isupper() or compact.islower()) and (" " in text or compact.isupper())
    return True


def find_patterns(text: str) -> Iterator[Span]:
    for label, rx, conf in _RX:
        for m in rx.finditer(text):
            s, e = m.start(), m.end()
            frag = text[s:e]
            if frag.rstrip(".") != frag and label not in ("CONTACT", "PERSON"):
                e = s + len(frag.rstrip("."))
                frag = text[s:e]
            if _valid(label, frag, text, s):
                yield Span(s, e, label, frag, conf, "pattern")
    for m in _BY_INITIALS.finditer(text):
        if m.group("ini").isupper():
            yield Span(m.start("ini"), m.end("ini"), "PERSON", m.group("ini"), 0.6, "context")
    for m in _PARTIAL_PLATE.finditer(text):
        if m.group(1)[:2].isupper() or m.group(1)[:2].islower():
            yield Span(m.start(1), m.end(1), "ID", m.group(1), 0.7, "context")
    for m in _PLATE_PART.finditer(text):
        yield Span(m.start("p"), m.end("p"), "ID", m.group("p"), 0.6, "context")
    for m in _LICENCE_SHAPE.finditer(text):
        letters, digits = m.group("l"), m.group("d")
        if letters in _NOT_LICENCE or len(digits) == 4 and digits[:2] in ("19", "20"):
            continue
        if _GRID.match(text, m.start()) and _GRID.match(text, m.start()).end() > m.end():
            continue  # a grid reference: "NN 1236 7235"
        if letters in _WORD_BEFORE_NUMBER:  # "VIA 61120", "LOG 1788": the word stays, the number is the ID
            yield Span(m.start("d"), m.end(), "ID", digits, 0.6, "shape")
        else:
            yield Span(m.start(), m.end(), "ID", m.group(), 0.6, "shape")
    for m in _COLLAR.finditer(text):
        yield Span(m.start("ref"), m.end("ref"), "ID", m.group("ref"), 0.7, "context")
    for m in _BADGE.finditer(text):
        ref = m.group("ref")
        if not re.fullmatch(r"(?:19|20)\d\d", ref):  # a year is not a badge
            yield Span(m.start("ref"), m.end("ref"), "ID", ref, 0.7, "context")
    for m in _REF_CUE.finditer(text):
        ref = m.group("ref")
        if _digits(ref) >= 4 and len(ref) >= 5:
            yield Span(m.start("ref"), m.end("ref"), "ID", ref, 0.8, "context")
    for m in _BEFORE_PLATFORM.finditer(text):
        u = m.group(1)
        if any(c.isdigit() or c in "_." for c in u) or re.search(r"[a-z][A-Z]", u):
            yield Span(m.start(1), m.end(1), "CONTACT", u, 0.8, "context")
    for m in _PLATFORM.finditer(text):
        user = m.group("user")
        bare = user.lstrip("@").rstrip("._")
        if bare.lower() in _NOT_USERNAME or re.search(r"facilitator|admin|moderator|interviewer", bare, re.IGNORECASE):
            continue
        weak = not m.group("sep") or m.group("sep").strip() in ("was", "as")
        if weak and not any(c in user for c in "0123456789_.@"):
            continue
        s = m.start("user")
        e = s + len(user.rstrip("._"))
        yield Span(s, e, "CONTACT", text[s:e], 0.85, "context")
