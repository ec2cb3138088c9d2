"""Landmarks a town calls by a common noun with "the" (issue 15, session 9): "the Quayside", "the Arches",
"the Foreshore", "the Monument", "the Arboretum"; in a chat written in lowercase too ("meet at the quays",
"down the hoe"). Over the corpora such a noun with a capital after "the" names the place nearly every time; in
lowercase only the nouns that name nothing else ("the barras", "the bullring") and only after a word of place.
"""

from __future__ import annotations

import re

from .chat_places import _lower_line
from .merging import _coverage
from .spans import Span

_CAPITALISED = ("Quayside|Quays|Arches|Pier|Esplanade|Foreshore|Marina|Promenade|Mall|Harbour|Meadows|Piazza|"
                "Arboretum|Crescent|Waterfront|Abbey|Barras|Bullring|Markets|Monument|Bridges|Precinct|Triangle|"
                "Strand|Forum|Interchange|Castle|Avenue|Lodge|Wharf|Headland|Prom|Parade|Leas|Hoe|Docks|Breakwater|"
                "Clock Tower")
_LOWER = ("quayside|quays|arches|esplanade|foreshore|arboretum|barras|bullring|piazza|hoe|abbey|markets|bogs|"
          "interchange|monument|waterfront|marina|docks|breakwater|clock tower|clocktower")
_CAP_RX = re.compile(rf"\b(?:[Tt]he|at|At) (?P<n>(?:{_CAPITALISED}))\b(?!['’-]| [A-Z][a-z])")
_LOW_RX = re.compile(rf"\b(?:at|to|down|near|from|by|in|on|round|up|outside|behind|past|towards|wiv|roon|doon) "
                     rf"the (?P<n>(?:{_LOWER}))\b(?!['’-])")


def landmark_nouns(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with each landmark noun added; a person read inside one ("barras" as "Barra's") gives way."""
    # a person read inside the noun does not stand in the way; anything else found there does
    cov = _coverage([s for s in spans if s.label != "PERSON"], len(text))
    out = []
    for m in _CAP_RX.finditer(text):
        s, e = m.span("n")
        if not cov[s]:
            label = "ORG" if m.group("n") == "Lodge" else "LOCATION"
            out.append(Span(s, e, label, m.group("n"), 0.6, "position"))
    for m in _LOW_RX.finditer(text):
        s, e = m.span("n")
        if not cov[s] and _lower_line(text, s):
            out.append(Span(s, e, "LOCATION", m.group("n"), 0.5, "position"))
    if not out:
        return spans
    inside = _coverage(out, len(text))
    return [s for s in spans if not (s.label == "PERSON" and inside[s.start] and inside[s.end - 1])] + out
