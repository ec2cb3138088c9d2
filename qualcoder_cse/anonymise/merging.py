"""Overlap resolution between the layers' proposals, and the coverage and mention helpers the passes share."""

from __future__ import annotations

import re

from .spans import Span

# pattern labels always win over name guesses inside them (a name inside an email is CONTACT)
_PRIORITY = {"CONTACT": 3, "ID": 3, "DATE": 3, "ORG": 1, "LOCATION": 1, "PERSON": 0}


def _coverage(spans: list[Span], n: int) -> bytearray:
    cov = bytearray(n + 1)
    for s in spans:
        cov[s.start:s.end] = b"\x01" * (s.end - s.start)
    return cov


def _mention_regex(surface: str) -> re.Pattern:
    bare = re.sub(r"(?:['’]s|s['’])$", "", surface.strip(" \t\r\n.,;:!?\"'’()[]"), flags=re.IGNORECASE)
    words = bare.split()
    body = r"\s+".join(re.escape(w) for w in words) if words else re.escape(surface)
    return re.compile(r"(?<![\w@])(" + body + r")(?=(?:['’]s?)?(?!\w))", re.IGNORECASE)


def merge(spans: list[Span]) -> list[Span]:
    """Resolve overlaps: pattern labels beat name guesses, then longer beats shorter, then more confident.
    Two layers agreeing on the same span raise its confidence."""
    if not spans:
        return []
    best: dict[tuple[int, int, str], Span] = {}
    for s in spans:
        if s.end <= s.start:
            continue
        key = (s.start, s.end, s.label)
        old = best.get(key)
        if old is None:
            best[key] = s
        else:
            hi, lo = (old, s) if old.confidence >= s.confidence else (s, old)
            conf = min(0.99, hi.confidence + 0.5 * (1 - hi.confidence) * lo.confidence)
            best[key] = Span(hi.start, hi.end, hi.label, hi.text, round(conf, 3), hi.source)
    ranked = sorted(
        best.values(), key=lambda s: (-(_PRIORITY[s.label] >= 3), -(s.end - s.start), -_PRIORITY[s.label], -s.confidence)
    )
    chosen: list[Span] = []
    occupied = bytearray(max(s.end for s in ranked) + 1)
    for s in ranked:
        if any(occupied[s.start:s.end]):
            continue
        chosen.append(s)
        occupied[s.start:s.end] = b"\x01" * (s.end - s.start)
    chosen.sort(key=lambda s: s.start)
    return chosen
