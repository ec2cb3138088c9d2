"""The span type every detection layer returns, the six labels, and the entity key used for pseudonyms."""

from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from dataclasses import dataclass

LABELS = ("PERSON", "LOCATION", "ORG", "DATE", "CONTACT", "ID")
# What the review screen proposes (the unsure ones flagged); `detect` and the benchmark default to it too, so
# what is measured is what the researcher sees. Automatic import (`--anonymise auto`) accepts >= 0.4.
REVIEW_MIN_CONFIDENCE = 0.3
AUTO_MIN_CONFIDENCE = 0.4

_POSSESSIVE = re.compile(r"(?:['’]s|s['’])$", re.IGNORECASE)
_SPACES = re.compile(r"\s+")


@dataclass(frozen=True, slots=True)
class Span:
    """One proposed identifier: ``text[start:end]`` with its label, how sure we are and which layer found it."""

    start: int
    end: int
    label: str
    text: str
    confidence: float = 1.0
    source: str = "pattern"

    def __len__(self) -> int:
        return self.end - self.start

    def overlaps(self, other: Span) -> bool:
        return self.start < other.end and other.start < self.end

    def as_dict(self) -> dict:
        return {"start": self.start, "end": self.end, "label": self.label, "text": self.text}


def fold(text: str) -> str:
    """Casefold and strip accents, for gazetteer look-ups."""
    if text.isascii():  # the common case: nothing to strip, and casefold() is lower() on ASCII
        return text.lower()
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def entity_key(text: str) -> str:
    """The normalised form of an entity for pseudonym consistency: folded, possessive stripped, whitespace
    collapsed, surrounding punctuation and a leading "the" removed ("Jodie's", "JODIE", " jodie " all give
    "jodie")."""
    key = _SPACES.sub(" ", fold(text)).strip(" \t\r\n.,;:!?\"'’()[]")
    key = _POSSESSIVE.sub("", key).strip()
    # "The Crossways Hotel" and "Crossways Hotel" are one entity (a leading article is never part of a name)
    return key[4:] if key.startswith("the ") and len(key) > 4 else key



def absorb(spans: list[Span], news: list[Span], *, edges: bool = False) -> list[Span]:
    """``spans`` with each of ``news`` in place of the spans inside it, in one pass (a text with thousands of
    addresses stays linear). Of overlapping ``news`` the longer wins. A span running out of a new one keeps the
    old spans there, unless ``edges``: then it gives way too ("the High" before "High Court in Glasgow")."""
    if not news:
        return spans
    chosen: list[Span] = []
    for n in sorted(news, key=lambda n: (n.start, -n.end)):
        if chosen and n.start < chosen[-1].end:
            if n.end - n.start > chosen[-1].end - chosen[-1].start:
                chosen[-1] = n
            continue
        chosen.append(n)
    starts = [n.start for n in chosen]
    hits: list[tuple[Span, list[int]]] = []
    refused: set[int] = set()
    for s in spans:
        j = bisect_right(starts, s.end - 1) - 1
        over = []
        while j >= 0 and chosen[j].end > s.start:
            over.append(j)
            if not edges and (s.start < chosen[j].start or s.end > chosen[j].end):
                refused.add(j)
            j -= 1
        hits.append((s, over))
    out = [s for s, over in hits if not over or all(j in refused for j in over)]
    out += [n for j, n in enumerate(chosen) if j not in refused]
    out.sort(key=lambda s: s.start)
    return out
