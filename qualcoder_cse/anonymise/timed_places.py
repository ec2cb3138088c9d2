"""Where the worker was, in field notes kept by the clock (issue 15, session 8: LOCATION recall on unseen text):
"21:30 Quayside, under the bridge.", "22:00 - Cornagrade. Group of lads at the shop.", "23:50 Back at
Regent Circus."; (session 14) in a diary kept in lowercase, "6.30 coolessan. quiet.", "8.15 main st, outside
the grill", "8.00 up the rathbrady shops".

Outreach and patrol notes open an entry with the time and the place, then say what was seen. A short run of
capitalised words right after the time that ends the sentence on its own is the place. A single word must be
no common English word ("Quiet.", "Busy.", "Home." are how the evening went, not where), and no run may hold
a function word, a month, a weekday or a role; at least one word must be uncommon or a known place.
"""

from __future__ import annotations

import re

from .chat_places import _GENERIC
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
_LOWER_ENTRY = re.compile(r"(?m)^[ \t]*\d{1,2}[:.]\d{2}[ \t]+(?:(?:up|down|at|to|round|outside|back at|over)[ \t]+)?"
                          r"(?:the[ \t]+)?(?P<w1>[a-z][a-z'’-]+)(?:[ \t]+(?P<w2>[a-z]+))?(?=[.,;]|[ \t]*$)")
_STREET_WORDS = frozenset(["st", "rd", "street", "road", "ave", "avenue", "lane", "terrace", "crescent", "drive"])
_PLACE_KIND = frozenset(["shops", "estate", "park", "flats", "green", "square", "centre", "chippy", "rec", "bridge"])


def lower_timed_places(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    """Places opening the entries of a diary written in lowercase (three entries or more)."""
    entries = list(_LOWER_ENTRY.finditer(text))
    if len(re.findall(r"(?m)^[ \t]*\d{1,2}[:.]\d{2}[ \t]+[a-z]", text)) < 3:
        return []
    # a weak guess of the statistical layer at a part ("st" of "main st") does not stop the whole place
    cov = _coverage([s for s in spans if s.source != "ner" or s.confidence >= 0.5], len(text))
    out: list[Span] = []
    for m in entries:
        w1, w2 = m.group("w1"), m.group("w2")
        if w1 in STOP or w1 in MONTHS or w1 in WEEKDAYS or (w2 not in _STREET_WORDS and (
                w1 in _GENERIC or w1 in NOT_NAMES or w1 in ROLE_WORDS)):
            continue  # ("main st": a street of an ordinary word is still a street)
        if w2 is None:
            s, e = m.span("w1")
            ok = _uncommon(w1, gaz) and w1 not in gaz.given
        elif w2 in _STREET_WORDS:
            s, e = m.start("w1"), m.end("w2")  # "main st"
            ok = True
        else:
            s, e = m.span("w1")  # "rathbrady shops"
            ok = w2 in _PLACE_KIND and _uncommon(w1, gaz) and w1 not in gaz.given
        if ok and not any(cov[s:e]):
            out.append(Span(s, e, "LOCATION", text[s:e], 0.5, "position"))
    return out


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
