"""An organisation's letters defined in brackets right after its name ("Oxford University Hospitals NHS
Foundation Trust (OUH)"): the letters name the organisation too, so every mention of them is proposed."""

from __future__ import annotations

import re

from .lexicon import NATIONAL
from .merging import merge
from .spans import Span, fold

_AFTER = re.compile(r" ?\(([A-Z]{2,6})\)")


def _initials_match(letters: str, name: str) -> bool:
    """The letters are the initials of the name's capitalised words, in order, the first with the first."""
    initials = [w[0] for w in re.findall(r"[A-Z][\w'’&-]*", name)]
    if not initials or initials[0] != letters[0]:
        return False
    i = 0
    for c in letters:
        while i < len(initials) and initials[i] != c:
            i += 1
        if i == len(initials):
            return False
        i += 1
    return True


def org_acronyms(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with each organisation's bracketed letters, and their other mentions, proposed as that
    organisation."""
    if " (" not in text and "(" not in text:
        return spans
    found: dict[str, float] = {}
    for s in spans:
        if s.label != "ORG":
            continue
        m = _AFTER.match(text, s.end)
        if m and fold(m.group(1)) not in NATIONAL and _initials_match(m.group(1), s.text):
            found.setdefault(m.group(1), s.confidence)
    if not found:
        return spans
    new = []
    for letters, conf in found.items():
        for m in re.finditer(r"(?<![\w-])" + letters + r"(?![\w-])", text):
            new.append(Span(m.start(), m.end(), "ORG", letters, min(conf, 0.8), "acronym"))
    return merge(spans + new)
