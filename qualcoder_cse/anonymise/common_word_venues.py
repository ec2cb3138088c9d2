"""Venues named by ordinary capitalised words before a strong head, in mid-sentence (issue 15, session 8: ORG
recall on unseen text): "Great Western Hospital had her twice", "at Station Lodge", "Blue Anchor Inn".

The head-word rules read a name leftwards over words that name something (a place, a surname, a rare word)
and leave runs of common words alone, so that "the General Hospital" or "Sixth Form College" stay kinds.
In mid-sentence, though, capitals on common words before "Hospital" or "Lodge" are the name itself. Proposed
when every word before the head is capitalised, no word is a function word, a month or a weekday, and at least
one is not a word for a kind of venue ("Primary", "General", "Community"); only after a lowercase word or a
comma, never at the start of a sentence or a line (where capitals say nothing).
"""

from __future__ import annotations

import re

from .lexicon import MONTHS, STOP, WEEKDAYS
from .spans import Span, fold

_HEADS = "Hospital|Infirmary|Hotel|Lodge|Inn|Academy|College|Arms|Tavern|Lounge|Hall"
_RUN = re.compile(rf"(?<=[a-z,;–] )(?P<run>(?:[A-Z][a-z'’]+ ){{1,3}}(?:{_HEADS}))\b(?![ ][A-Z][a-z])")
# words that make a venue a kind, not a name: "the General Hospital", "a Sixth Form College"
_KINDS = frozenset(["general", "royal", "district", "community", "teaching", "private", "local", "special",
                    "primary", "secondary", "high", "grammar", "catholic", "sixth", "form", "further", "education",
                    "city", "town", "county", "childrens", "children's", "youth", "boutique", "budget", "family",
                    "independent", "residential", "care", "nursing", "day", "main", "village", "university",
                    "sports", "leisure", "community", "church", "town's", "public", "new", "old", "big", "small",
                    "national", "regional", "mental", "health", "psychiatric", "maternity", "women's", "cottage",
                    "station", "airport", "railway", "country", "house", "guest", "holiday", "travel", "motel",
                    "hostel", "student", "students", "halls", "sports", "bingo", "concert", "dance", "function",
                    "the", "this", "that", "their", "his", "her", "our", "my", "your", "a", "an"])
# a kind word may still name a venue together with a word that is not one ("Station Lodge" is a name only
# because "Lodge" is not "Hotel": a kind word alone before a lodge or an inn names it)
_NAMING_HEADS = frozenset(["lodge", "inn", "arms", "tavern", "lounge"])
# national chains are not ORG (the guidelines); a branch named with its town is found by other rules
_CHAINS = frozenset(["premier inn", "holiday inn", "travel lodge", "days inn", "express inn", "comfort inn",
                     "best western", "crowne plaza", "ramada lodge", "mercure hotel", "hilton hotel"])


def common_word_venues(text: str) -> list[Span]:
    out: list[Span] = []
    for m in _RUN.finditer(text):
        words = m.group("run").split()
        mods = [fold(w) for w in words[:-1]]
        if any(k in STOP or k in MONTHS or k in WEEKDAYS for k in mods):
            continue
        if all(k in _KINDS for k in mods) and fold(words[-1]) not in _NAMING_HEADS:
            continue
        if fold(" ".join(words[-2:])) in _CHAINS:
            continue
        out.append(Span(m.start("run"), m.end("run"), "ORG", m.group("run"), 0.6, "rule"))
    return out
