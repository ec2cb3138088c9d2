"""A surname's lowercase particle and a Welsh initial belong to the name (issue 15, session 12).

"Signed: DC L. de Souza", "with de Freitas and a second man", "Joaquim da Costa (JdC)", "Apologies: Ll. Bebb":
the passes find "Souza", "Freitas", "Joaquim" or "Bebb", and a strict reading leaves the particle or the
initial readable beside the placeholder. A particle before a surname found as a person is taken in (for "van",
which is also a word, only after an initial or where the document names the person with it elsewhere); a given
name followed by a particle and a capitalised word takes both in; a two-letter Welsh initial ("Ll.", "Rh.")
before a person is part of the name.
"""

from __future__ import annotations

import re

from .spans import Span, absorb

_PARTICLES = r"(?:de|da|dos|das|du|della|del|di|ap|ab|bin|ibn|binti|ní|nic|ó|van der|van den|van de|von der|van|von)"
_LEFT = re.compile(rf"(?:(?P<i>(?:[A-Z]|Ll|Rh|Ch|Dd|Ff|Gw|Th)\.)[ \t]+)?(?<![\w'’])(?P<p>{_PARTICLES})[ \t]+$")
_WELSH_INITIAL = re.compile(r"(?<![\w.])(?:Ll|Rh|Ch|Dd|Ff|Gw|Th)\.[ \t]+$")
_RIGHT = re.compile(rf"[ \t]+(?P<p>{_PARTICLES.replace('|van|von', '')})[ \t]+(?P<s>[A-Z][^\W\d_]+(?:-[A-Z][^\W\d_]+)?)")


def particle_surnames(text: str, spans: list[Span]) -> list[Span]:
    people = [s for s in spans if s.label == "PERSON" and s.text[:1].isupper()]
    if not people:
        return spans
    joined = {s.text.split(" ", 1)[1] for s in people if " " in s.text}
    found = []
    for s in people:
        head = text[max(0, s.start - 16):s.start]
        if m := _LEFT.search(head):
            p = m.group("p")
            if not p.startswith("v") or m.group("i") or f"{p} {s.text}" in joined:
                a = s.start - len(head) + m.start()
                found.append(Span(a, s.end, "PERSON", text[a:s.end], s.confidence, s.source))
                continue
        if m := _WELSH_INITIAL.search(head):
            a = s.start - len(head) + m.start()
            found.append(Span(a, s.end, "PERSON", text[a:s.end], s.confidence, s.source))
            continue
        if " " not in s.text and (m := _RIGHT.match(text, s.end)):
            found.append(Span(s.start, m.end(), "PERSON", text[s.start:m.end()], s.confidence, s.source))
    return absorb(spans, found, edges=True) if found else spans
