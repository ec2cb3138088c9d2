"""A place said by one capitalised word after a preposition of place, with no article (issue 15, session 12):
"drive us to Mumbles for chips", "fae Central back out", "a place near Botanic", "she's at a mate's in Tempo",
"Monument after school". Gazetteers miss such local names and the model reads one word with little context.

Proposed unsure, only in mid-sentence (after a lowercase preposition), when the word is followed by punctuation
or a lowercase word (a run of capitals is another pass's), and is no month, weekday, brand, demonym, word of an
institution or role, title or common given name.
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .landmark_nouns import _NOT_LANDMARKS
from .lexicon import MONTHS, NOT_NAMES, STOP, TITLES, WEEKDAYS
from .merging import _coverage
from .spans import Span

_BARE = re.compile(r"(?<=[a-z,] )(?:to|at|in|near|from|fae|tae|round|towards|past|outside|into|up|down|behind)[ \t]+"
                   r"(?P<w>[A-Z][a-z]{2,}(?:-[A-Z][a-z]+)?)(?=[.,;:!?)]|[ \t]+[a-z]|[ \t]*$)", re.MULTILINE)
_NOT_PLACE_WORDS = """english maths science history geography art music drama french spanish german welsh
gaelic irish religious physics chemistry biology computing year reception nursery care court custody
school college work hospital church mosque prison bed town class assembly detention isolation foster
need word excel teams gateway outlook google zoom"""
_SUBJECTS = frozenset(_NOT_PLACE_WORDS.split())


def bare_places(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    cov = _coverage(spans, len(text))
    out = []
    for m in _BARE.finditer(text):
        s, e = m.span("w")
        key = m.group("w").lower()
        if any(cov[s:e]) or key in _NOT_LANDMARKS or key in NOT_NAMES or key in STOP or key in MONTHS \
                or key in WEEKDAYS or key in TITLES or key in _SUBJECTS:
            continue
        if gaz.given.get(key, (0, 0))[0] >= 300:
            continue  # "went to Sarah's", "at Jade's": a person's home is another pass's
        out.append(Span(s, e, "LOCATION", m.group("w"), 0.45, "position"))
    return out
