"""An initial with its dot before a surname that is also a word is a person (issue 15, session 13).

"Manager's note (L. Bishop, 14 March 2025)", 'booked in cash by "S. White"', "Checked by J. Fox and K. Green":
the passes take an initial before a surname no dictionary holds, but "White", "Bishop" or "Green" are words, so
the pair was left to the model. A capital letter with its dot, then a capitalised word the surname list holds,
is proposed (unsure) unless the letter closes a sentence after a word that names a plan, a grade or a part
("Plan B. White van outside", "Vitamin D. Bishop said") or the word is a function word ("Part A. The").
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import STOP
from .merging import _coverage
from .spans import Span

_PAIR = re.compile(r"(?<![\w.'’-])(?P<i>[A-Z])\.[ \t]?(?P<s>[A-Z][a-z]+(?:-[A-Z][a-z]+)?)(?![\w'’-]|\.\w)")
# words after which a capital letter is a plan, a grade or a part, and its dot may close the sentence
_LETTER_OWNERS = re.compile(r"(?i:\b(?:plan|grade|grades|vitamin|part|section|appendix|annex|annexe|schedule|block|"
                            r"flat|room|type|class|category|level|stage|option|unit|ward|bay|gate|platform|exit|"
                            r"wing|tier|year|form|group|team|table|figure|step|phase|route|model|box|zone|row|"
                            r"list|tab|column|sheet|question|item|point|wave|division|league|size|cup|blood)"
                            r"[ \t]+)$")
# a letter standing for a role before it ("Interviewer: Q.", "Child Q.") may close its sentence
_CODE_BEFORE = re.compile(r"(?:[:=][ \t]*|\b(?i:child|person|young person|respondent|participant|yp|girl|boy|"
                          r"pupil|student|witness|victim|male|female|adult|suspect)[ \t]+)$")
_ONE_INITIAL = re.compile(r"[A-Z]\.? [A-Z]")
_INITIAL_BEFORE = re.compile(r"(?:^|(?<=[\s(:\"“]))(?![AI] )[A-Z]\.? $")
UNSURE = 0.55


def initial_surnames(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    cov = _coverage(spans, len(text))
    new = []
    for m in _PAIR.finditer(text):
        s = m.group("s")
        key = s.lower()
        if m.group("i") in "NSEW" and key in gaz.places1:
            continue  # "N. Wales", "S. Shields": a compass point before a place
        if all(cov[m.start():m.end()]) or key in STOP or key.split("-")[0] not in gaz.surnames:
            continue
        if m.group("i") in "AI" and not text[max(0, m.start() - 2):m.start()].strip(" \t") in ("", "(", '"', "“"):
            continue  # "was A. Bishop" may be an article; only where the letter opens a bracket, quote or line
        if _LETTER_OWNERS.search(text, max(0, m.start() - 20), m.start()) or text[m.end():m.end() + 1] == ":":
            continue
        before = text[max(0, m.start() - 14):m.start()]
        if _CODE_BEFORE.search(before) and (gaz.words.get(key) or 99) <= 20:
            continue  # "Respondent: R. Date of interview", "Researcher = R. Young person = Bartek"
        new.append(Span(m.start(), m.end(), "PERSON", m.group(), UNSURE, "position"))
    # (session 13) a second initial before one already taken: "Signature: G S Bhamra", "K. J. Lowe"
    for x in spans:
        if x.label == "PERSON" and _ONE_INITIAL.match(x.text) and (m := _INITIAL_BEFORE.search(
                text, max(0, x.start - 4), x.start)):
            new.append(Span(m.start(), x.end, "PERSON", text[m.start():x.end], x.confidence, x.source))
    if not new:
        return spans
    kept = [s for s in spans if not any(n.start <= s.start and s.end <= n.end and s.label == "PERSON" for n in new)]
    return sorted(kept + new, key=lambda x: (x.start, -x.end))
