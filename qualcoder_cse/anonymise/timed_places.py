"""Where the worker was, in field notes kept by the clock (issue 15, session 8: LOCATION recall on unseen text):
"21:30 Quayside, under the bridge.", "22:00 - Cornagrade. Group of lads at the shop.", "23:50 Back at
Regent Circus."

Outreach and patrol notes open an entry with the time and the place, then say what was seen. A short run of
capitalised words right after the time that ends the sentence on its own is the place. A single word must be
no common English word ("Quiet.", "Busy.", "Home." are how the evening went, not where), and no run may hold
a function word, a month, a weekday or a role; at least one word must be uncommon or a known place.
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import MONTHS, NOT_NAMES, ROLE_WORDS, STOP, WEEKDAYS
from .merging import _coverage
from .spans import Span, fold

_ENTRY = re.compile(r"(?m)^[ \t]*\d{1,2}[:.]\d{2}(?:[ \t]*(?:hrs|pm|am))?[ \t]*[-–—:]?[ \t]*"
                    r"(?:(?:Back|Arrived|Arrive|Walked|Drove|Moved|Parked|Went|Then)[ \t]+(?:at|to|up|down|into|in|on)"
                    r"[ \t]+|(?:At|Outside|Near|Behind|Inside|Around|Up|Down|Onto|Into|To)[ \t]+)?"
                    r"(?P<run>[A-Z][\w'’-]+(?:[ \t]+(?:[A-Z][\w'’-]+|of|the|and|&))*?)[ \t]*"
                    r"(?=[.,;(]|$|(?P<prep>[ \t]*(?:by|near|outside|behind|under|opposite|next to|beside)\b))")
_COMMON = 35  # SCOWL tiers up to this are ordinary words


def _uncommon(key: str, gaz: Gazetteers) -> bool:
    return key in gaz.places1 or gaz.words.get(key, 99) > _COMMON


def timed_places(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    cov = _coverage(spans, len(text))
    out: list[Span] = []
    for m in _ENTRY.finditer(text):
        run = m.group("run")
        words = run.split()
        if len(words) > 4 or words[-1].lower() in ("of", "the", "and", "&") or any(c.isdigit() for c in run):
            continue
        keys = [fold(w) for w in words]
        if any(k in STOP and k not in ("of", "the", "and") or k in MONTHS or k in WEEKDAYS or k in ROLE_WORDS
               or k in NOT_NAMES for k in keys):
            continue
        titled = len(words) >= 2 and all(w[:1].isupper() and not w.isupper() for w in words)  # "Beach Lawns by"
        if m.group("prep") is not None and not titled:
            continue
        if not titled and not any(_uncommon(k, gaz) for k in keys if k not in ("of", "the", "and", "&")):
            continue
        if len(keys) == 1 and keys[0] in gaz.given and keys[0] not in gaz.places1:
            continue  # "21:05 Kayla." is who arrived, not where
        s, e = m.span("run")
        if any(cov[s:e]):
            continue
        out.append(Span(s, e, "LOCATION", run, 0.5, "position"))
    return out
