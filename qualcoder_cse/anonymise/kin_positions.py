"""Word-names in lowercase after words that introduce a person (issue 15, session 6: PERSON recall in chat).

A given name that is also an English word ("rich", "faith", "summer", "precious", "pat") is a name in any case
when what stands before it introduces a person:

- a person word and "called": "some guy called rich", "a girl called summer", "he was called ash", "his
  name was rich" (not "a song called summer love");
- a possessive and a kin or friend word: "my friend faith", "her sis precious", "ur mate will" (not "my
  friend will help": a modal before a verb is left);
- a given name asked about ("Brook who?", "FAITH WHO?"): the question asks which person;
- a chain of initials before a surname: "N. A. Hassan" found as "A. Hassan" takes the first initial in.
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import MONTHS, NOT_NAMES, STOP, WEEKDAYS
from .positions import _SPEECH
from .spans import Span

_CALLED = re.compile(r"\b(?:(?:guy|man|lad|girl|boy|woman|bloke|fella|fellow|someone|somebody|kid|mate|geezer|"
                     r"feller|dude|woman|lady|bird|person|one)\s+(?:called|named|calling\s+himself|calling\s+herself)"
                     r"|(?:he|she)\s+(?:was|is)\s+called|(?:his|her)\s+name\s+(?:was|is))\s+"
                     r"([a-z][a-z'-]{1,15})\b(?!['’-])", re.IGNORECASE)
_KIN = re.compile(r"\b(?:my|his|her|ur|your|our|their|me)\s+(?:friend|mate|m8|sis|sister|bro|brother|cousin|cuz|"
                  r"bestie|bestfriend|best\s+friend|girlfriend|boyfriend|gf|bf|nan|nana|nanny|auntie|aunty|uncle|"
                  r"stepdad|stepmum|step\s+dad|step\s+mum)\s+([a-z][a-z'-]{1,15})\b(?!['’-])")
_WHO = re.compile(r"(?<![\w'’])([A-Z][a-z]+|[A-Z]{2,})[ \t]+(?:who|WHO)\?")
_VERB_AFTER = frozenset(["be", "have", "go", "get", "help", "do", "come", "take", "make", "know", "tell", "say", "see",
                         "want", "need", "not", "never", "always", "just", "probably", "is", "was", "love", "loves"])
_INITIALS_BEFORE = re.compile(r"(?:(?<=[\s(:\"“])|^)((?:[A-Z]\. ?){1,2})$", re.MULTILINE)


def _word_name(k: str, gaz: Gazetteers, strong: bool) -> bool:
    if k in STOP or k in NOT_NAMES or k in MONTHS or k in WEEKDAYS or k in _SPEECH or k in _VERB_AFTER:
        return False  # "her nan said": a verb
    uk, us = gaz.given.get(k, (0, 0))
    return uk >= 300 or strong and (uk >= 5 or us >= 1000)


def kin_positions(text: str, gaz: Gazetteers) -> list[Span]:
    out: list[Span] = []
    for rx in (_CALLED, _KIN):
        for m in rx.finditer(text):
            w = m.group(1)
            k = w.lower()
            if not _word_name(k, gaz, rx is _CALLED):
                continue
            nxt = re.match(r"\s+([a-z']+)", text[m.end(1):m.end(1) + 20])
            if nxt and nxt.group(1) in _VERB_AFTER and gaz.words.get(k, 99) <= 35:
                continue  # "my friend will help": a modal, not a name
            out.append(Span(m.start(1), m.end(1), "PERSON", w, 0.6, "context"))
    for m in _WHO.finditer(text):
        k = m.group(1).lower()
        if _word_name(k, gaz, False):
            out.append(Span(m.start(1), m.end(1), "PERSON", m.group(1), 0.6, "context"))
    return out


def initial_chains(text: str, spans: list[Span]) -> list[Span]:
    """A person found from its second initial on ("A. Hassan" of "N. A. Hassan") takes the first one in."""
    out = []
    for s in spans:
        if s.label == "PERSON" and len(s.text) > 3 and s.text[1:3] == ". " and s.text[0].isupper():
            m = _INITIALS_BEFORE.search(text, max(0, s.start - 8), s.start)
            if m:
                s = Span(m.start(1), s.end, "PERSON", text[m.start(1):s.end], s.confidence, s.source)
        out.append(s)
    return out
