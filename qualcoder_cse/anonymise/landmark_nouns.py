"""Landmarks a town calls by a common noun with "the" (issue 15, session 9): "the Quayside", "the Arches",
"the Foreshore", "the Monument", "the Arboretum"; in a chat written in lowercase too ("meet at the quays",
"down the hoe"). Over the corpora such a noun with a capital after "the" names the place nearly every time; in
lowercase only the nouns that name nothing else ("the barras", "the bullring") and only after a word of place.
"""

from __future__ import annotations

import re

from .chat_places import _lower_line
from .lexicon import MONTHS, NOT_NAMES, STOP, WEEKDAYS
from .merging import _coverage
from .spans import Span

_CAPITALISED = ("Quayside|Quays|Arches|Pier|Esplanade|Foreshore|Marina|Promenade|Mall|Harbour|Meadows|Piazza|"
                "Arboretum|Crescent|Waterfront|Abbey|Barras|Bullring|Markets|Monument|Bridges|Precinct|Triangle|"
                "Strand|Forum|Interchange|Castle|Avenue|Lodge|Wharf|Headland|Prom|Parade|Leas|Hoe|Docks|Breakwater|"
                "Clock Tower")
_LOWER = ("quayside|quays|arches|esplanade|foreshore|arboretum|barras|bullring|piazza|hoe|abbey|markets|bogs|"
          "interchange|monument|waterfront|marina|docks|breakwater|clock tower|clocktower")
_CAP_RX = re.compile(rf"\b(?:[Tt]he|at|At) (?P<n>(?:{_CAPITALISED}))\b(?!['’-]| [A-Z][a-z])")
# (session 12) any capitalised noun after "the" where a place goes ("up towards the Tunnel", "meet me at the
# Junction"), unless it is a word for an institution, a role or a document, capitalised in formal writing
_OPEN_RX = re.compile(r"\b(?:at|to|down|near|from|by|round|up|outside|behind|past|towards|toward|under|into|across|"
                      r"along|through|beside|opposite|in|on) the (?P<n>[A-Z][a-z]{2,})\b"
                      # a noun after it makes it a modifier ("the Polish shop", "the March panel")
                      r"(?=[ \t]*(?:[.,;:!?)]|$|[ \t]+(?:by|and|or|with|at|in|on|for|to|then|but|where|which|that|after|"
                      r"before|near|so|because|when|is|was|are|were|tonight|tomorrow|later|now|again|yet|too)\b))",
                      re.MULTILINE)
_INSTITUTION_WORDS = """council police court courts trust service services team board hub unit department school
academy college university hospital home office government army navy church bible internet web sun times guardian
mirror telegraph news chair panel committee partnership group network project programme act bill law crown state
queen king prime minister inspector sergeant lord lady god lords commons parliament house cabinet met prince devil
pope moon earth north south east west midlands continent channel authority agency commissioner force constabulary
division district region county borough town village estate child children young person defendant applicant
complainant victim suspect witness claimant respondent appellant provider premises venue licensee company
strategy plan review report guidance framework protocol policy campaign operation investigation inquiry judge
bench magistrates tribunal mash cps nhs family families parents parent mother father carer carers local
community public police service staff manager management chief director executive mayor secretary government
home station centre center hotel club bar pub shop store market park street road lane avenue city register ask
list record records system database portal app website site page group chat server channel platform
government youth yot yos panel meeting conference forum event session interview transcript tape recording
sexual exploitation abuse cse crime crimes offence offences offender offenders victim victims risk
harm safeguarding protection education health social care justice criminal office offices custody cell suite
"""
_NOT_LANDMARKS = frozenset(_INSTITUTION_WORDS.split())
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
    for m in _OPEN_RX.finditer(text):
        s, e = m.span("n")
        key = m.group("n").lower()
        if not cov[s] and key not in _NOT_LANDMARKS and key not in NOT_NAMES and key not in STOP \
                and key not in MONTHS and key not in WEEKDAYS:
            out.append(Span(s, e, "LOCATION", m.group("n"), 0.45, "position"))
    for m in _LOW_RX.finditer(text):
        s, e = m.span("n")
        if not cov[s] and _lower_line(text, s):
            out.append(Span(s, e, "LOCATION", m.group("n"), 0.5, "position"))
    if not out:
        return spans
    inside = _coverage(out, len(text))
    return [s for s in spans if not (s.label == "PERSON" and inside[s.start] and inside[s.end - 1])] + out
