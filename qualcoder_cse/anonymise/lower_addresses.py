"""A house number and a street written without capitals, and a drive written "Dr" (issue 15, session 13).

Chats and phone extractions give an address as it is typed: "party fri at 4 cardigan rd", "14 kilspindie ct
top buzzer", "outside 29 pen y bryn 20 mins". A number, one to three lowercase words and a street's head word
(or a Welsh street's first word: "pen", "heol", "maes"...) is an address whatever the capitals; the words
between must not be a count's ("2 more for", "20 mins"). "Riverside Dr 9pm": a capitalised word and "Dr" before
a time, a number or the clause's end is a drive, not a doctor (a doctor's title comes before the name).
(session 14) A road or a motorway junction typed in lowercase where a road goes: "at the aghanloo turn on the a2",
"eamont first then j40 for food".
"""

from __future__ import annotations

import re

from .lexicon import STOP
from .spans import Span

_HEADS = (r"rd|road|st|street|ct|court|dr|drive|ave|avenue|ln|lane|cl|close|cres|crescent|gdns|gardens|terr|"
          r"terrace|sq|square|grove|mews|wynd|brae|way|pl|place|walk|row|view|rise|parade")
_NUMBERED = re.compile(rf"(?<![\w/.:£$-])(?P<p>\d{{1,4}}[a-z]?[ \t]+(?P<w>[a-z][a-z'’-]+(?:[ \t]+[a-z][a-z'’-]+){{0,2}})"
                       rf"[ \t]+(?:{_HEADS}))(?![\w'’-])")
_WELSH = re.compile(r"(?<![\w/.:£$-])(?P<p>\d{1,4}[a-z]?[ \t]+(?P<w>(?:pen|heol|ffordd|stryd|lon|lôn|maes|bryn|cae|bron|"
                    r"llys|clos|cwrt|rhodfa|tan|ty|tŷ|cefn|nant|pant|coed)(?:[ \t]+(?:y|yr|r|'r))?[ \t]+"
                    r"[a-z][a-z'’-]+))(?![\w'’-])")
_DRIVE = re.compile(r"(?<![\w.])(?P<p>(?:[A-Z][a-z'’-]+[ \t]+){0,2}[A-Z][a-z'’-]+[ \t]+Dr)(?=[ \t]*(?:\d|[,;:)]|$))",
                    re.MULTILINE)
# words that make the number a count, not a house: "2 more lads", "20 mins walk"
_COUNTED = frozenset(["more", "mins", "min", "minutes", "hours", "hrs", "days", "weeks", "months", "years", "yrs",
                      "times", "people", "lads", "girls", "boys", "men", "kids", "of", "quid", "pound", "pounds",
                      "miles", "mile", "metres", "yards", "floors", "doors", "houses", "streets", "roads", "stops",
                      "bags", "cars", "blocks", "storey", "bed", "bedroom", "seater", "way", "ways", "lane", "sided"])
_LOWER_ROAD = re.compile(r"\b(?:the|then|via|onto|off|down|up|along) (?P<p>(?:a|b|m)\d{1,4}|j\d{1,2})(?![\w'’-])"
                         r"(?![ \t]+(?:paper|size|sheet|sheets|envelope|page|pages|grade|level|levels|student))")
_TITLES_BEFORE = re.compile(r"(?:Mr|Mrs|Ms|Miss|Dr|Prof)\.?[ \t]+$")


def lower_addresses(text: str, spans: list[Span]) -> list[Span]:
    out = []
    for rx in (_NUMBERED, _WELSH):
        for m in rx.finditer(text):
            words = m.group("w").split()
            if any(w in _COUNTED or w in STOP for w in words) and rx is _NUMBERED:
                continue
            out.append(Span(m.start("p"), m.end("p"), "LOCATION", m.group("p"), 0.5, "shape"))
    for m in _DRIVE.finditer(text):
        first = m.group("p").split()[0]
        if first.lower() in STOP or _TITLES_BEFORE.search(text, max(0, m.start() - 6), m.start()):
            continue
        out.append(Span(m.start("p"), m.end("p"), "LOCATION", m.group("p"), 0.5, "shape"))
    out += [Span(m.start("p"), m.end("p"), "LOCATION", m.group("p"), 0.5, "shape") for m in _LOWER_ROAD.finditer(text)]
    return out
