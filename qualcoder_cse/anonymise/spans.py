"""The span type every detection layer returns, the six labels, and the entity key used for pseudonyms."""

from __future__ import annotations

import re
import unicodedata
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
