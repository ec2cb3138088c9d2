"""A sender naming themselves once in a lowercase chat line (issue 15, session 11: single-mention names that
are words): "its chance from the car wash", "hiya this is storm, jades mate", "im gift btw", "memory here. u ok?".

Said once and in lowercase, a given name that is also a word ("chance", "storm", "gift") is found by no list or
model; the introduction says it is a name. The word must be a given name the lists know, and what follows must
close the introduction (a comma, a full stop, "from", "btw", "here", a kiss, the end of the message), so "its
chance innit" is not read as luck only because "innit" follows. States and feelings that are also given names
("im free", "im grand", "its summer", "its sunday") and words of time are never names here.
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import MONTHS, NOT_NAMES, ROLE_WORDS, STOP, WEEKDAYS
from .merging import _coverage
from .spans import Span

_INTRO = re.compile(
    r"(?<![\w'’])(?:(?:hi+y?a*|hey+|hello|yo|oi|hiya+)[ ,.!]*)?"
    r"(?:(?P<cue>this is|this iz|its|it's|it’s|it is|im|i'm|i’m|i am|me)[ \t]+(?P<a>[a-z][a-z'-]{1,13})"
    r"(?=[ \t]*(?:,|\.|!|\?| from\b| frm\b| btw\b| here\b| x+\b| wiv\b| fae\b| off\b|[ \t]*$))"
    r"|(?P<b>[a-z][a-z'-]{1,13})[ \t]+here\b(?=[ \t]*(?:[,.!]|$| u\b| its\b| ya\b)))",
    re.MULTILINE)
# states, feelings and words of time that follow "im" / "its" and are also given names somewhere
_STATES = frozenset(["ok", "okay", "good", "fine", "free", "happy", "sad", "home", "out", "here", "back", "done",
                     "bored", "tired", "sure", "rich", "grand", "young", "late", "early", "new", "well", "ready",
                     "gone", "lost", "safe", "sick", "ill", "scared", "mad", "serious", "honest", "joking", "single",
                     "alone", "busy", "up", "down", "off", "on", "in", "sorry", "cool", "dead", "live", "real", "true",
                     "nice", "normal", "summer", "winter", "autumn", "spring", "christmas", "easter", "fair",
                     "mint", "sound", "class", "brill", "sweet", "wild", "fresh", "baby", "babe", "honey", "love",
                     "hun", "sugar", "angel", "pet", "boss", "king", "queen", "star", "goals", "fate", "destiny",
                     "karma", "faith", "hope", "luck", "me", "you", "him", "her", "them", "us", "that", "this", "nothing",
                     "everything", "lit", "peak", "dry", "long", "short", "big", "small", "mental", "calm", "chill",
                     "weird", "strange", "funny", "ugly", "pretty", "fit", "stunning", "gorgeous", "raging", "buzzing",
                     "skint", "broke", "grounded", "banned", "blocked", "muted", "awake", "asleep", "near", "close",
                     "far", "way", "sound", "dun", "wid", "wiv", "just", "only", "still", "so", "not", "no", "yes",
                     "nah", "ye", "yeh", "yeah", "proper", "well", "deffo", "defo", "legit", "sick", "safe"])


# a message opens: a line's start, after a "label:", or after an export's stamp ("16:20 IN  ", "[21:04] jj: ")
_LINE_HEAD = re.compile(r"(?:^|\n)(?:[^\n:]{1,40}:[ \t]+|[^\n]{0,40}\d{1,2}:\d{2}(?::\d{2})?\]?[ \t]+"
                        r"(?:(?:UTC|GMT|BST|[AaPp][Mm])[ \t]+)?(?:(?:IN|OUT|Sent|Received|<-|->|>)[ \t]+)?"
                        r"(?:[^\s:]{1,30}:[ \t]+)?)?[ \t]*$")


def _opens(text: str, pos: int) -> bool:
    return _LINE_HEAD.search(text, max(0, pos - 90), pos) is not None


def chat_introductions(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    cov = _coverage([s for s in spans if s.confidence >= 0.5], len(text))
    out: list[Span] = []
    for m in _INTRO.finditer(text):
        group = "a" if m.group("a") else "b"
        s, e = m.span(group)
        k = m.group(group)
        message = text[m.start():m.start() + 300].partition("\n")[0]  # bounded: a text may be one line
        if cov[s] or any(c.isupper() for c in message) or not _opens(text, m.start()):
            continue
        if k in _STATES or k in STOP or k in NOT_NAMES or k in ROLE_WORDS or k in MONTHS or k in WEEKDAYS:
            continue
        uk, us = gaz.given.get(k, (0, 0))
        if uk < 100 and us < 1000:
            continue  # a word no list gives as a name: the handle and once-name rules decide
        out.append(Span(s, e, "PERSON", text[s:e], 0.5, "position"))
    return out
