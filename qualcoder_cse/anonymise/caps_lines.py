"""Lines written in capitals inside a text that is not (a letterhead, a heading, a banner: "SOUTH WALES POLICE –
ONLINE INVESTIGATIONS"), given back in ordinary case so the detector can read them as it reads any line; capitals
say nothing there, and the words of a force or a trust would otherwise pass as a heading (issue 15, session 9).
"""

from __future__ import annotations

import re

_LINE = re.compile(r"^[^\S\n]*(?P<l>[^\n]*[A-Z][^\n]*)$", re.MULTILINE)
_WORD = re.compile(r"[^\W\d_]+")
# what a heading in capitals is trusted to name: an organisation by its head noun ("SOUTH WALES POLICE"), a person
# by two names or more, a place the gazetteer knows; its other words ("RECORD", "DETACHED OUTREACH", "MACE") are
# a heading's own
_ORG_HEADS = frozenset(["police", "constabulary", "trust", "council", "partnership", "college", "academy", "school",
                        "hospital", "university", "hotel", "llp", "ltd", "limited", "heddlu", "cyngor"])


_SMALL = frozenset(["AND", "OF", "THE", "FOR", "IN", "ON", "AT", "TO", "WITH", "BY", "UPON"])


def _ordinary_case(line: str) -> str:
    """Each word with its first letter kept and the rest lowered ("O'HARE" -> "O'hare"), the small words of a
    name in lowercase ("HEALTH AND SOCIAL CARE" -> "Health and Social Care"); the length is kept."""
    return _WORD.sub(lambda m: m.group().lower() if m.group() in _SMALL and m.start() > 0
                     else m.group()[0] + m.group()[1:].lower(), line)


def caps_lines(text: str) -> list[tuple[int, str]]:
    """``(offset, line in ordinary case)`` for each line of two words or more whose letters are all capitals."""
    out = []
    for m in _LINE.finditer(text):
        line = m.group("l")
        words = _WORD.findall(line)
        if len(words) >= 2 and sum(len(w) for w in words) >= 8 and all(w.isupper() for w in words) \
                and len(_ordinary_case(line)) == len(line):
            out.append((m.start("l"), _ordinary_case(line)))
    return out

_ROLE_NOUNS = frozenset(["person", "people", "child", "children", "parent", "parents", "worker", "officer", "young"])


def caps_kept(span) -> bool:
    """Whether a span found in a capitals line read in ordinary case is kept (see ``_ORG_HEADS``)."""
    words = _WORD.findall(span.text)
    if len(words) < 2:
        return False
    if span.label == "ORG":
        return words[-1].casefold() in _ORG_HEADS or words[0].casefold() in ("heddlu", "cyngor")
    if span.label == "LOCATION":
        return span.source == "gazetteer" and words[0].casefold() != "the"
    return span.label == "PERSON" and not _ROLE_NOUNS.intersection(w.casefold() for w in words)
