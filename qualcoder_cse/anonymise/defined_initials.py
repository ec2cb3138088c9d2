"""Letters a document says stand for a person, used for that person wherever they appear (issue 15, session 7).

Minutes and notes define a person's letters once, beside the full name, and then use only the letters:
"DC Nick Harland (NH)", "DI Stephen Oduya (SOd)", "SO – Siobhán O'Neill", 'Aoife O'Brien ... – "AOB" in my
notes'. The letters are taken as that person's when their capitals are the initials of the name's parts (so
a team's "(CE)" after a name is not), and every standalone use of them is proposed, even when they spell a
word ("ME", "IN", "SO"): the document itself said what they are.
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import TITLES
from .merging import merge
from .spans import Span, fold

_AFTER = re.compile(r"[ \t]*\((?P<c>[A-Z][A-Za-z]{1,3}|[A-Z]{1,2}['’][A-Z])\)")  # (session 9) "Ciarán O'Dowd (CO'D)"  # "Nick Harland (NH)", "Stephen Oduya (SOd)"
_QUOTED_AFTER = re.compile(r"[^\n\"“]{0,80}?[\"“](?P<c>[A-Z][A-Za-z]{1,3})[\"”]")  # '– "AOB" in my notes'
_CELL_CODE = re.compile(r"[A-Z][A-Za-z]{1,3}")
_BEFORE = re.compile(r"(?:^|[;,(]|\t)[ \t]*(?P<c>[A-Z][A-Za-z]{1,3})[ \t]*(?:[–—-]|:)[ \t]*$", re.MULTILINE)
# (session 12) the letters among a role in the brackets: "Gethin Pritchard (night porter, GP)", "(SR, school nurse)"
_ROLE_AFTER = re.compile(r"[ \t]*\((?:[^()\n,]{1,60},[ \t]*(?P<a>[A-Z]{2,4})|(?P<b>[A-Z]{2,4})[ \t]*,[^()\n]{1,160})\)")
# (session 12) a key of letters: "Key: YNG = Const. Young; McC = Const. McCausland"
_EQUALS_BEFORE = re.compile(
    r"(?:^|[;,(:·•|]|\t)[ \t]*(?P<c>[A-Z][A-Za-z]{1,3})[ \t]*=[ \t]*(?:(?:[A-Za-z]{1,5})\.?[ \t]+)?$", re.MULTILINE)
# (session 13) the letters after a role or a body set off by a comma: "Mr Rebwar Ahmed Karim, licence holder (RK)",
# "Stacey Moult, Northamptonshire Police (SM)"
_APPOSITIVE_AFTER = re.compile(r",[ \t]+[^()\n;:,]{1,60}?[ \t]*\((?P<c>[A-Z][A-Za-z]{1,3})\)")


def _parts(name: str) -> list[str]:
    words = [w for w in name.split() if fold(w).strip(".") not in TITLES]
    return [p for w in words for p in re.split(r"[-'’]", w) if p]


def _stands_for(code: str, name: str) -> bool:
    """The capitals of ``code`` are initials of the name's parts, in order, starting with the first."""
    parts = _parts(name)
    caps = [c for c in code if c.isupper()]  # "CO'D": C, O, D
    if len(parts) < 2 or len(caps) < 2 or parts[0][:1] != caps[0]:
        return False
    i = 0
    for p in parts:
        if i < len(caps) and p[:1] == caps[i]:
            i += 1
    return i == len(caps)


def _abbreviates(code: str, name: str) -> bool:
    """"YNG" for "Young", "McC" for "McCausland": a key's letters, in order, from the name, starting with its first
    letter (only where the text says "=" between them)."""
    letters, word = code.lower(), "".join(_parts(name)).lower()
    if len(letters) < 2 or not word or word[0] != letters[0]:
        return False
    i = 0
    for ch in word:
        if i < len(letters) and ch == letters[i]:
            i += 1
    return i == len(letters)


def _place_named_person(text: str, s: Span, gaz: Gazetteers | None) -> bool:
    """(session 11) "Bethany Hill (BH) – School Nurse": a given name and a surname read as a place ("Hill"), its
    letters defined after it, is a person."""
    words = s.text.split()
    if gaz is None or s.label not in ("LOCATION", "ORG") or len(words) != 2 or not all(
            w[:1].isupper() and w[1:].islower() for w in words):
        return False
    m = _AFTER.match(text, s.end)
    return (m is not None and m.group("c").isupper() and m.group("c") == words[0][0] + words[1][0]
            and gaz.given.get(words[0].lower(), (0, 0))[0] >= 1000 and gaz.surnames.get(words[1].lower(), 0) >= 1000)


def defined_initials(text: str, spans: list[Span], gaz: Gazetteers | None = None) -> list[Span]:
    codes: set[str] = set()
    if any(_place_named_person(text, s, gaz) for s in spans):
        spans = [Span(s.start, s.end, "PERSON", s.text, s.confidence, s.source)
                 if _place_named_person(text, s, gaz) else s for s in spans]
    for s in spans:
        if s.label != "PERSON":
            continue
        line_start = max(text.rfind("\n", max(0, s.start - 300), s.start) + 1, s.start - 300, 0)
        m = _EQUALS_BEFORE.search(text, line_start, s.start)
        if m and fold(text[m.end("c"):s.start].split("=")[-1].strip().rstrip(".")) in TITLES | {""} \
                and _abbreviates(m.group("c"), s.text):
            codes.add(m.group("c"))
        if " " not in s.text.strip():
            continue
        found = []
        m = _ROLE_AFTER.match(text, s.end)
        if m:
            found.append(m.group("a") or m.group("b"))
        m = _AFTER.match(text, s.end)
        if m:
            found.append(m.group("c"))
        m = _APPOSITIVE_AFTER.match(text, s.end)
        if m:
            found.append(m.group("c"))
        m = _QUOTED_AFTER.match(text, s.end)
        if m:
            found.append(m.group("c"))
        # bounded to 300 characters each way: a search to the line's ends is quadratic on a text of one line
        m = _BEFORE.search(text, line_start, s.start)
        if m:
            found.append(m.group("c"))
        # (session 9) an attendee table's row: "Ama Mensah | Exploitation Team Manager | AM"
        line_end = text.find("\n", s.end, s.end + 300)
        row = text[line_start:line_end if line_end >= 0 else min(len(text), s.end + 300)]
        if row.count("|") >= 2:
            found += [c.strip() for c in row.split("|") if _CELL_CODE.fullmatch(c.strip())]
        codes.update(c for c in found if _stands_for(c, s.text))
    if not codes:
        return spans
    alt = "|".join(sorted((re.escape(c) for c in codes), key=len, reverse=True))
    # a shorter span already there ("CO" of "CO'D") gives way when the spans are merged (the longer wins)
    new = [Span(m.start(), m.end(), "PERSON", m.group(), 0.7, "context")
           for m in re.finditer(rf"(?<![\w.])(?:{alt})(?![\w]|\.\w)", text)]
    return merge(spans + new) if new else spans
