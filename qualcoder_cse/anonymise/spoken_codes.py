"""Identifiers spelt out or said aloud, as call transcripts give them (issue 15, session 13).

- a name spelt letter by letter: "Same as mine. M-C-D-O-N-A-G-H.", "spell it, spell it. K-U-B-A";
- a plate read in the phonetic alphabet: "Papa November One Nine X-ray Kilo Delta", "Foxtrot Delta six eight";
- a mobile number said in words: "oh seven seven hundred, nine hundred, five one three".

Each is a pattern no ordinary sentence has: four or more single capitals joined by hyphens, two or more words
of the phonetic alphabet running with digits or other such words, a number opening "oh seven" that runs on
for six or more number words.
"""

from __future__ import annotations

import re

from .spans import Span

_SPELLED = re.compile(r"(?<![\w-])(?:[A-Z]-){3,}[A-Z](?![\w-])")
_NATO = (r"(?:Alpha|Alfa|Bravo|Charlie|Delta|Echo|Foxtrot|Golf|Hotel|India|Juliet|Juliett|Kilo|Lima|Mike|November|"
         r"Oscar|Papa|Quebec|Romeo|Sierra|Tango|Uniform|Victor|Whiskey|Whisky|X-ray|X-Ray|Xray|Yankee|Zulu)")
_DIGIT_WORD = r"(?i:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|treble|triple)"
_PHONETIC = re.compile(rf"(?=[A-Zzotfsend])(?<![\w-])(?:{_NATO}|{_DIGIT_WORD})(?:[ \t]+(?:{_NATO}|{_DIGIT_WORD}))+(?![\w-])")
_NATO_WORD = re.compile(rf"^{_NATO}$")
_NUMBER_WORDS = r"(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|hundred|thousand)"
_SAID_MOBILE = re.compile(rf"(?i:(?<![\w-])(?:oh|zero)[ \t]+seven(?:[ \t]*,?[ \t]+{_NUMBER_WORDS}){{6,}})(?![\w-])")


def spoken_codes(text: str) -> list[Span]:
    out = [Span(m.start(), m.end(), "PERSON", m.group(), 0.6, "pattern") for m in _SPELLED.finditer(text)]
    for m in _PHONETIC.finditer(text):
        words = m.group().split()
        nato = sum(1 for w in words if _NATO_WORD.match(w))
        if nato >= 2 and len(words) >= 3:
            out.append(Span(m.start(), m.end(), "ID", m.group(), 0.6, "pattern"))
    out += [Span(m.start(), m.end(), "CONTACT", m.group(), 0.7, "pattern") for m in _SAID_MOBILE.finditer(text)]
    return out
