"""Lowercase chat names found through a name already found next to them (issue 15, session 5: lowercase chat
names and short nicknames on unseen text).

- Coordination: a word joined to a found person by "and", "n", "an", "&" or a comma is a person too when it
  looks like a chat name by itself (a given name, or a short word no English list knows): "kez n shan n bex",
  "trust bex and shan", "jess and amz".
- A possessive written without its apostrophe before a family word or a home, when the stem is no word at all:
  "lyds mum", "at kezs house" (a known given name there is ``positions.py``'s rule).

- A name spoken to in a chat message: the first word of a message before "u", "ur", "where", "!" or "?" ("kez
  where r u", "tia u coming"), or the last word after a greeting or an interjection ("omg kez", "love u kez"),
  when the word is no English word and no text-speak.

- A word no English list knows, no text-speak, written three times or more in lowercase chat lines: names
  recur in a chat ("kez" mid-message with no cue around it), one-off typos do not.

All are proposed below the review screen's "unsure" line: the position is weaker than a verb of saying.
"""

from __future__ import annotations

import re

from .chat_places import _lower_line
from .gazetteers import Gazetteers
from .lexicon import NOT_NAMES, STOP
from .merging import _coverage
from .positions import _OWNED, _chat_name_like
from .spans import Span
from .tokens import Tok

_JOINERS = frozenset(["and", "n", "an", "&", "or"])
_ARTICLES = frozenset(["the", "a", "an", "these", "those", "some", "all", "no", "two", "both", "his", "her", "my",
                       "their", "ur", "your", "our"])
UNSURE = 0.5
# a word no list knows, written in lowercase chat this many times, is someone's name: names recur, typos do not
_REPEATED = 3
# what follows a name called at the start of a message, and what comes before one called at its end
_AFTER_CALLED = frozenset(["u", "ur", "you", "r", "where", "wer", "wya", "are", "come", "pls", "plz", "stop", "omg",
                           "lol", "wyd", "hbu", "did", "have", "can", "do", "answer", "pick", "ring", "text"])
_BEFORE_CALLED = frozenset(["omg", "ok", "okay", "hi", "hey", "heyy", "heyyy", "hiya", "oi", "yo", "thanks", "thx",
                            "cheers", "ily", "night", "nite", "morning", "bye", "sorry", "lol", "haha", "pls", "plz",
                            "wtf", "stop", "cmon", "aww", "aw", "miss", "love", "u", "ya", "babe", "hun", "bro"])
# text-speak that no list knows: letters said three times, no vowel, or common chat abbreviations
_SPEAK = re.compile(r"(\w)\1\1|^[^aeiou]+$")
_CHAT_ABBREV = frozenset(["wyd", "hbu", "wbu", "ikr", "istg", "fml", "smth", "tryna", "finna", "bestie", "hunny",
                          "babes", "bby", "bbe", "hmu", "wya", "srsly", "nvm", "omds", "ffs", "idc", "idgaf", "ily",
                          "ilysm", "cya", "gna", "goin", "comin", "doin", "sayin", "nothin", "somethin", "bout",
                          "aswell", "abit", "alot", "anyways", "ahaha", "hahaha", "lool", "loool", "oki", "okie",
                          "soz", "sozz", "tmrw", "tmr", "tmw", "2moro", "yeh", "yea", "yah", "nope", "yup", "ahh",
                          "ooh", "ohh", "uhh", "umm", "hmm", "mhm", "ugh", "eww", "yess", "noo", "pleasee",
                          "wer", "wher", "hru", "wud", "cud", "shud", "sumone", "sum1", "bcoz", "oky", "okk"])
_MESSAGE_START = re.compile(r"(?:^|\n)(?:[^\n:]{1,40}:[ \t]+)?$")


def _joined(text: str, a: Tok, b: Tok, joiner: Tok | None) -> bool:
    """``a`` and ``b`` are joined by one joiner word (single spaces) or by a comma."""
    if joiner is None:
        return text[a.end:b.start] == ", "
    return joiner.key in _JOINERS and text[a.end:joiner.start] == " " and text[joiner.end:b.start] == " "


def linked_names(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    cov = _coverage(spans, len(text))
    person = bytearray(len(text) + 1)
    for s in spans:
        if s.label == "PERSON" and s.confidence >= 0.5:
            person[s.start:s.end] = b"\x01" * (s.end - s.start)
    out: list[Span] = []
    n = len(toks)

    def chat_name(t: Tok) -> bool:
        return t.shape == "lower" and not cov[t.start] and t.base_end == t.end and \
            _chat_name_like(t, gaz, me_and=True) >= 0.5 and t.key not in NOT_NAMES and t.key not in STOP

    for _round in range(3):  # a chain: "kez n shan n bex"
        added = False
        for i, t in enumerate(toks):
            if not person[t.start] or t.shape != "lower":
                continue
            for step in (1, -1):
                j = i + 2 * step  # over a joiner word
                k = i + step
                for other, joiner in ((j, toks[k] if 0 <= k < n else None), (k, None)):
                    if not 0 <= other < n or other == i:
                        continue
                    o = toks[other]
                    a, b = (t, o) if step > 0 else (o, t)
                    if chat_name(o) and _joined(text, a, b, joiner) and "\n" not in text[a.end:b.start]:
                        out.append(Span(o.start, o.end, "PERSON", o.text, UNSURE, "position"))
                        cov[o.start:o.end] = person[o.start:o.end] = b"\x01" * (o.end - o.start)
                        added = True
        if not added:
            break
    words = gaz.words

    def called(t: Tok) -> bool:
        k = t.key
        if t.shape != "lower" or cov[t.start] or not k.isalpha() or not 3 <= len(k) <= 8 or t.base_end != t.end:
            return False
        if k in STOP or k in NOT_NAMES or k in _CHAT_ABBREV or _SPEAK.search(k):
            return False
        tier = words.get(k)
        return tier is None or (tier > 35 and k in gaz.given)

    for i, t in enumerate(toks):
        if not called(t):
            continue
        line_end = text.find("\n", t.end)
        line_end = len(text) if line_end < 0 else line_end
        after = text[t.end:line_end]
        nxt = toks[i + 1] if i + 1 < n and toks[i + 1].start < line_end else None
        first = _MESSAGE_START.search(text, max(0, t.start - 45), t.start) is not None
        opens = first and ((nxt is not None and nxt.key in _AFTER_CALLED and text[t.end:nxt.start] in (" ", ", "))
                           or after[:1] in ("!", "?", ","))
        ends = nxt is None and i and toks[i - 1].key in _BEFORE_CALLED and text[toks[i - 1].end:t.start] == " " \
            and after.strip(" .!?x") == ""
        if opens or ends:
            out.append(Span(t.start, t.end, "PERSON", t.text, UNSURE, "position"))
            cov[t.start:t.end] = b"\x01" * (t.end - t.start)
    seen: dict[str, list[Tok]] = {}
    for t in toks:
        if called(t) and t.key not in gaz.words and _lower_line(text, t.start):
            seen.setdefault(t.key, []).append(t)
    for ts in seen.values():
        if len(ts) >= _REPEATED:
            for t in ts:
                out.append(Span(t.start, t.end, "PERSON", t.text, UNSURE - 0.05, "position"))
                cov[t.start:t.end] = b"\x01" * (t.end - t.start)
    for i, t in enumerate(toks[:-1]):
        k = t.key
        if t.shape != "lower" or cov[t.start] or not k.endswith("s") or len(k) < 4 or toks[i + 1].key not in _OWNED:
            continue
        stem = k[:-1]
        if k in words or stem in words or stem in NOT_NAMES or stem in STOP or k in NOT_NAMES or not k.isalpha():
            continue
        if i and toks[i - 1].key in _ARTICLES or text[t.end:toks[i + 1].start] != " ":
            continue
        out.append(Span(t.start, t.end, "PERSON", t.text, UNSURE - 0.05, "position"))
    return out
