"""Lines written in capitals inside a text that is not (a letterhead, a heading, a banner: "SOUTH WALES POLICE –
ONLINE INVESTIGATIONS"), given back in ordinary case so the detector can read them as it reads any line; capitals
say nothing there, and the words of a force or a trust would otherwise pass as a heading (issue 15, session 9).
"""

from __future__ import annotations

import re

from .title_runs import _GENERIC

_LINE = re.compile(r"^[^\S\n]*(?P<l>[^\n]*[A-Z][^\n]*)$", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+")
# what a heading in capitals is trusted to name: an organisation by its head noun ("SOUTH WALES POLICE"), a person
# by two names or more, a place the gazetteer knows; its other words ("RECORD", "DETACHED OUTREACH", "MACE") are
# a heading's own
_ORG_HEADS = frozenset(["police", "constabulary", "trust", "council", "partnership", "college", "academy", "school",
                        "hospital", "university", "hotel", "llp", "ltd", "limited", "heddlu", "cyngor",
                        "uhb", "infirmary", "hospice"])
# (session 11) heads that a heading's own words also end with ("SEXUAL HEALTH SERVICE", "TRUSTEE BOARD"): an
# organisation only when its first word names something ("METROPOLITAN POLICE SERVICE", "HIGHLAND CHILD
# PROTECTION COMMITTEE", "WHARF PROJECT")
_WEAK_HEADS = frozenset(["service", "committee", "board", "project"])
# first words that make a capitals heading an organisation: "NHS HIGHLAND", "POLICE SERVICE OF NORTHERN IRELAND",
# "YSGOL GYFUN ...", Welsh and Gaelic schools and councils
_ORG_FIRST = frozenset(["heddlu", "cyngor", "nhs", "police", "ysgol", "coleg", "bun-sgoil", "sgoil", "ardsgoil",
                        "comhairle", "prifysgol", "bwrdd"])


_ACRONYMS = frozenset(["NHS", "UHB", "PSNI", "YMCA", "YWCA", "CAMHS", "GMP", "HMP", "HSC", "LSCB", "BCU"])  # kept
_SMALL = frozenset(["AND", "OF", "THE", "FOR", "IN", "ON", "AT", "TO", "WITH", "BY", "UPON"])


def _ordinary_case(line: str) -> str:
    """Each word with its first letter kept and the rest lowered ("O'HARE" -> "O'hare", "KING'S" -> "King's"), the small words of a
    name in lowercase ("HEALTH AND SOCIAL CARE" -> "Health and Social Care"); the length is kept."""
    return _WORD.sub(lambda m: m.group().lower() if m.group() in _SMALL and m.start() > 0
                     # (session 13) a possessive's "S" stays small: "KING'S LYNN" -> "King's Lynn"
                     or m.group() in ("S", "T") and m.start() > 0 and line[m.start() - 1] in "'’"
                     else m.group() if m.group() in _ACRONYMS else m.group()[0] + m.group()[1:].lower(), line)


# (session 11) a letterhead's part in capitals beside a part that is not: "SOUTH WALES POLICE – Swansea Hub",
# "NHS HIGHLAND | Sexual Health"
_PART_SEP = re.compile(r"[ \t]+[–—-][ \t]+|[ \t]*\|[ \t]*|:[ \t]+|[ \t]*/[ \t]+")


def caps_lines(text: str) -> list[tuple[int, str]]:
    """``(offset, part in ordinary case)`` for each line, or part of a line between dashes, bars or a colon, of two
    words or more whose letters are all capitals."""
    out = []
    for m in _LINE.finditer(text):
        line, base = m.group("l"), m.start("l")
        parts, pos = [], 0
        for sep in _PART_SEP.finditer(line):
            parts.append((pos, line[pos:sep.start()]))
            pos = sep.end()
        parts.append((pos, line[pos:]))
        for off, part in parts:
            words = _WORD.findall(part)
            if len(words) >= 2 and sum(len(w) for w in words) >= 8 and all(w.isupper() for w in words) \
                    and len(_ordinary_case(part)) == len(part):
                out.append((base + off, _ordinary_case(part)))
    return out

_ROLE_NOUNS = frozenset(["person", "people", "child", "children", "parent", "parents", "worker", "officer", "young"])


def caps_kept(span) -> bool:
    """Whether a span found in a capitals line read in ordinary case is kept (see ``_ORG_HEADS``)."""
    words = _WORD.findall(span.text)
    if len(words) < 2:
        return False
    if span.label == "ORG":
        last, first = words[-1].casefold(), words[0].casefold()
        if last in _WEAK_HEADS:
            return first not in _GENERIC and first not in ("trustee", "trustees", "management", "executive", "steering")
        return last in _ORG_HEADS or first in _ORG_FIRST
    if span.label == "LOCATION":
        return span.source == "gazetteer" and words[0].casefold() != "the"
    return span.label == "PERSON" and not _ROLE_NOUNS.intersection(w.casefold() for w in words)


_STRONG_HEADS = frozenset(["police", "constabulary", "council", "trust", "hospital", "infirmary", "university"])


def caps_trimmed(span, common: dict):
    """(session 14) The span kept from a capitals line, cut at its organisation's head when the heading runs on
    ("SOUTH WALES POLICE DIGITAL FORENSIC UNIT" -> "SOUTH WALES POLICE"), or a single place the gazetteer knows
    that is no ordinary word ("POLICE SCOTLAND: LANARKSHIRE DIVISION"); None when not kept."""
    if caps_kept(span):
        return span
    words = list(_WORD.finditer(span.text))
    if span.label == "ORG" and len(words) >= 3:
        for w in reversed(words[1:-1]):
            if w.group().casefold() in _STRONG_HEADS:
                end = span.start + w.end()
                return type(span)(span.start, end, span.label, span.text[:w.end()], span.confidence, span.source)
    if span.label == "LOCATION" and len(words) == 1 and span.source == "gazetteer" and len(span.text) >= 5 \
            and common.get(span.text.casefold(), 99) > 40:
        return span
    return None
