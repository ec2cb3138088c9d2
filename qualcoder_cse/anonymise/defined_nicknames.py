"""Nicknames a text defines, and every later mention of them (issue 15, session 8: PERSON recall on unseen text):
'a younger one they call "T". ... T is 12', 'Kyle ("Smudge") ... Smudge has new trainers', 'they called
Mouse cos she never said owt. Mouse's real name was...', 'they called him the Rat ... The Rat was the worst'.

A street name or a nickname is often defined once, by a naming phrase, then used bare; the bare mentions are
ordinary words ("Rat", "Mouse") or one letter, which no list or model would take for a person. The
definition makes them names for the rest of the text. Definitions, when others give the name ("they", "the
lads", "everyone"; never a speaker choosing a pseudonym, "I'll call her Rose"): "call(ed) him/her/them [the]
X", "call(ed) "X"", "called X cos/because"; and a quoted nickname in brackets after a name ('Kyle ("Smudge")'). Mentions
keep the definition's capitals; a single letter is not taken after a word that letters number ("Plan T",
"Room T") nor as "A", "I" or "O". The article stays outside the span.
"""

from __future__ import annotations

import re

from .lexicon import NOT_NAMES, ROLE_WORDS, STOP, TITLES
from .merging import _coverage
from .naming_phrases import _LETTER_NOT_AFTER
from .spans import Span

_NAME = r"(?P<n>[A-Z][a-z]{0,14})"
# who gives the name: the people around him, never the speaker choosing a pseudonym ("I'll call her Rose")
_WHO = (r"(?i:\b(?:they|the others|others|everyone|everybody|people|folk|the girls|the lads|the boys|the kids|"
        r"his mates|her mates|his pals|her pals|the young ones|he|she)\s+(?:all\s+)?(?:call|calls|called)\s+")
_DEFINE = [
    re.compile(rf"{_WHO}(?:him|her|them|himself|herself)\s+(?:the\s+)?)[\"“]?{_NAME}[\"”]?(?![\w'’-])"),
    re.compile(rf"{_WHO})[\"“]{_NAME}[\"”]"),
    re.compile(rf"{_WHO}){_NAME}(?i:\s+(?:cos|coz|cause|because|as|since)\b)"),
    re.compile(rf"\b[A-Z][a-z]+\s+\([\"“]{_NAME}[\"”]\)"),
]
_NEVER = frozenset(["a", "i", "o"])


def _mention(name: str) -> re.Pattern:
    return re.compile(rf"(?<![\w'’@.-]){re.escape(name)}(?![\w-]|\.\w)")


def defined_nicknames(text: str, spans: list[Span]) -> list[Span]:
    names: set[str] = set()
    for rx in _DEFINE:
        for m in rx.finditer(text):
            n = m.group("n")
            k = n.lower()
            if k in _NEVER or k in STOP or k in NOT_NAMES or k in ROLE_WORDS or k in TITLES:
                continue
            names.add(n)
    if not names:
        return []
    cov = _coverage(spans, len(text))
    out: list[Span] = []
    for n in names:
        for m in _mention(n).finditer(text):
            s, e = m.span()
            if cov[s]:
                continue
            if len(n) == 1:
                before = re.search(r"([A-Za-z]+)\W*$", text[max(0, s - 14):s])
                if before and (before.group(1).lower() in _LETTER_NOT_AFTER or before.group(1).lower() in TITLES):
                    continue
            out.append(Span(s, e, "PERSON", n, 0.6, "context"))
    return out
