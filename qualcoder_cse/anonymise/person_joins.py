"""Two people's parts proposed side by side are one person (issue 15, session 11: whole spans).

A chat's "mick mcardle wis drivin" or a header's "Mallon Ciarán" can be found as two proposals, the given
name by one pass and the surname by another; the researcher then sees two entities and a strict count sees
neither covered, since the space between them is not. Two PERSON spans with one space between them, on one
line, are joined (the surer confidence kept); a speaker label or a list ("Amy, Ben") is never joined, since
its parts are not separated by a single space.
"""

from __future__ import annotations

import re

from .lexicon import KIN_CUES, NOT_NAMES, ROLE_WORDS, STOP, TITLES
from .spans import Span

_KIN = frozenset(["nan", "nana", "nanna", "gran", "granny", "grandma", "grandad", "mum", "mam", "ma", "dad", "da",
                  "auntie", "aunty", "aunt", "uncle", "cousin", "bro", "sis", "lil", "big", "wee"])


def _name_like(part: str) -> bool:
    """A part that can be half of a name: not a rank or title ("DC"), a kinship word, a function word or a
    line in capitals ("CUSTODY RECORD")."""
    words = part.split()
    k = words[0].casefold().strip(".")
    last = words[-1].casefold().strip(".")
    if k in _KIN or k in KIN_CUES or k in STOP or k in NOT_NAMES:
        return False
    if any(w.casefold().strip(".") in TITLES or w.casefold().strip(".") in ROLE_WORDS for w in words):
        return False  # "Det Insp" before "Richard Pinder": the rank stays readable
    if last in _KIN or last in STOP or last in NOT_NAMES:
        return False
    return not (part.isupper() and len(part) > 2)


# "Surname, Given" where a line or a header field starts: an email's "From: Mallon, Ciarán <...>", a Teams voice
# tag "00:03:12 Nwosu, Blessing (Salford City Council):"; a list of given names goes on with a comma, so the
# pair must be followed by an address, a bracket, a colon, a semicolon or the line's end
_FIELD_START = re.compile(r"(?:(?:^|\n)[ \t]*(?:(?:from|to|cc|bcc|sent by|author|organiser|organizer|attendee|"
                          r"speaker)[ \t]*:[ \t]*)?|\d{1,2}:\d{2}(?::\d{2})?(?:\.\d+)?[\])]?[ \t]+|;[ \t]*)"
                          r"(?:(?:ap|ab|van|de|von|du|le|la|di|da|del)[ \t]+)?$",
                          re.IGNORECASE)
_PARTICLES = frozenset(["ap", "ab", "van", "de", "von", "du", "le", "la", "di", "da", "del"])  # "ap Dafydd, Gwenno"
_FIELD_END = re.compile(r"[ \t]*(?:<|\(|:|;|\n|$)")


def _surname_first(text: str, prev: Span, s: Span) -> bool:
    return (text[prev.end:s.start] == ", " and (" " not in prev.text or prev.text.count(" ") == 1
                                                and prev.text.split()[0] in _PARTICLES) and " " not in s.text
            and _FIELD_START.search(text, max(0, prev.start - 220), prev.start) is not None
            and _FIELD_END.match(text, s.end) is not None)


def join_people(text: str, spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    joined = False
    for s in spans:
        prev = out[-1] if out else None
        if prev is not None and s.label == "PERSON" and prev.label == "PERSON" and _name_like(prev.text) and (
                _name_like(s.text)) and (s.start == prev.end + 1 and text[prev.end] == " "
                                         or _surname_first(text, prev, s)):
            out[-1] = Span(prev.start, s.end, "PERSON", text[prev.start:s.end],
                           max(prev.confidence, s.confidence), prev.source)
            joined = True
        else:
            out.append(s)
    return out if joined else spans
