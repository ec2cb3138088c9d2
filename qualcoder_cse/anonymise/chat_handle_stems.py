"""A chat member called by the first part of their username (issue 15, session 12: lowercase chat names that are
words, on unseen text).

Young people call each other by the stem of the handle they post under: "den1s_r" is "den" ("den you coming to
the park"), "sage.gg" is "sage", "chaseyy09" is "chase" ("chase snitched on me", "ring me on chases phone"),
"tillyyy.g" is "tills". The stem is a word as often as not, so no list can say it is a name; the document can,
when one of its usernames starts with it. Proposed unsure, in lowercase chat lines only, and never for a stem
that is one of the commonest words (unless a given name), a function word or a username prefix such as "big", "lil" or "the".
"""

from __future__ import annotations

import re

from .chat_places import _lower_line
from .gazetteers import Gazetteers
from .merging import _coverage
from .spans import Span

_HANDLE = re.compile(r"[_.]*(?P<l>[A-Za-z]{3,12})(?=[._\d]|[A-Z]|$)")
_NOT_STEMS = frozenset([
    "the", "and", "its", "not", "you", "your", "big", "lil", "little", "real", "official", "its",
    "xxx", "mrs", "miss", "sir", "the", "him", "her", "his", "she", "hes", "shes", "was", "are", "can",
    "get", "got", "for", "but", "who", "how", "why", "what", "when", "all", "one", "only", "just",
    "mad", "wee", "bad", "baby", "babe", "boss", "king", "queen", "team", "user", "account", "player",
    "gamer", "bot", "mod", "admin"])
_WORD = re.compile(r"(?<![\w@.#'’-])[a-z]{3,14}(?![\w@'’-]|\.[a-z\d])")


def _stems(handle: str) -> set[str]:
    """"tillyyy.g" -> tillyyy, tilly, till; "chaseyy09" -> chaseyy, chasey, chase; "den1s_r" -> den."""
    m = _HANDLE.match(handle)
    if not m:
        return set()
    low = m.group("l").lower()
    out = {low}
    collapsed = re.sub(r"(.)\1+$", r"\1", low)
    out.add(collapsed)
    if collapsed != low and collapsed[-1:] in ("y", "i") and len(collapsed) >= 5:
        out.add(collapsed[:-1])
    return {s for s in out if len(s) >= 3 and s not in _NOT_STEMS}


def chat_handle_stems(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    stems: set[str] = set()
    for s in spans:
        if s.label in ("CONTACT", "PERSON") and "@" not in s.text and "/" not in s.text and " " not in s.text.strip() \
                and re.search(r"[._\d]", s.text) and any(c.isalpha() for c in s.text):
            stems |= _stems(s.text.strip())
    # the commonest words ("home", "friends") only when they are also given names
    stems = {w for w in stems if gaz.words.get(w, 99) > 10 or w in gaz.given}
    if not stems:
        return []
    cov = _coverage(spans, len(text))
    out = []
    for m in _WORD.finditer(text):
        w = m.group()
        if (w in stems or (w.endswith("s") and w[:-1] in stems)) and not any(cov[m.start():m.end()]) \
                and _lower_line(text, m.start()):
            out.append(Span(m.start(), m.end(), "PERSON", w, 0.5, "position"))
    return out
