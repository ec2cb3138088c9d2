"""Chat members called by a part of their handle or by their sender name in lowercase (issue 15, session 9):
"nightowl_fin" is "fin" in the messages ("me. fin u done ur homework"), "Gh0stRider77" is "ghost", "cash.x.sav" is
"cash", and the sender "Hunter" is "hunter" ("hunter get him out the group").

The names come from the chat itself: the parts of each handle found (digits read as the letters they stand for
inside a word, "Gh0st"; camel case split, "GhostRider") and each one-word sender. A part no English list knows is
proposed wherever it stands in a lowercase chat line; a part that is also a word ("cash", "star", "hunter") only
where a name is called: opening a message before what is said to the person ("ghost ur literally 30"), before
"u"/"where"/"why" inside it, or ending it after a word that is not an article or a preposition ("do it again
cash.", "dont be mardy star").
"""

from __future__ import annotations

import re

from .chat_links import _AFTER_CALLED, _CHAT_ABBREV, _MESSAGE_START, UNSURE
from .chat_places import _lower_line
from .gazetteers import Gazetteers
from .lexicon import NOT_NAMES, STOP
from .merging import _coverage
from .spans import Span
from .tokens import Tok

_LEET = str.maketrans("013457", "oieast")
_LEET_DIGIT = re.compile(r"(?<=[A-Za-z])[013457](?=[A-Za-z])")
_CAMEL = re.compile(r"(?<=[a-z])(?=[A-Z])")
_SPLIT = re.compile(r"[._\-\d]+")
_HANDLE = re.compile(r"^@?_*[A-Za-z][\w.]*$")
# parts of a handle that name no one
_NOT_PARTS = frozenset(["xo", "xox", "xoxo", "xx", "xxx", "official", "real", "the", "its", "im", "uk", "lil", "big",
                        "baby", "babe", "bby", "gal", "gals", "girl", "girlie", "boy", "boi", "queen", "king",
                        "princess", "prince", "bad", "mr", "mrs", "miss", "ms", "mz", "og", "tv", "fc", "yt", "ttv",
                        "lol", "vibes", "love", "loves", "life", "only", "just", "not", "ur", "my", "one", "no",
                        "official", "insta", "snap", "tiktok", "ig", "sc", "ldn", "mcr", "brum", "username", "user",
                        "name", "display", "account", "promo", "promos", "shop", "store", "media", "news", "page"])
# a word-name before "u" is as often the verb: "hope ur not", "miss u", "love u"
_VERBS_BEFORE_YOU = frozenset(["hope", "love", "miss", "bless", "need", "want", "see", "hate", "tell", "ask", "trust",
                               "mind", "will", "may", "can", "do", "did", "are", "were"])
_CALLED_TOO = frozenset(["is", "was", "has", "had", "said", "says", "get", "go", "why", "what", "how", "when", "who",
                         "snitched", "told", "tell", "dont", "don't", "stop", "leave", "shut", "come"])
_NOT_BEFORE_END = frozenset(["the", "a", "an", "my", "ur", "your", "his", "her", "their", "our", "this", "that",
                             "of", "in", "on", "at", "to", "for", "with", "from", "by", "some", "no", "any", "as",
                             "and", "or", "n", "like", "get", "got", "im", "i'm", "so", "too", "very", "proper",
                             "last", "next", "every", "whole", "all"])


def _handle_parts(handle: str) -> set[str]:
    word = _LEET_DIGIT.sub(lambda m: m.group().translate(_LEET), handle.lstrip("@"))
    parts = set()
    for chunk in _SPLIT.split(word):
        for part in _CAMEL.split(chunk):
            if len(part) >= 2:
                parts.add(part.casefold())
    return parts


def member_names(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    members: set[str] = set()
    for s in spans:
        if s.label == "CONTACT" and _HANDLE.match(s.text) and any(c in s.text for c in "._0123456789"):
            members |= _handle_parts(s.text)
        elif s.label == "PERSON" and s.confidence >= 0.6 and s.text.isalpha() and len(s.text) >= 3:
            members.add(s.text.casefold())
    members = {m for m in members if m not in _NOT_PARTS and m not in STOP and m not in NOT_NAMES
               and m not in _CHAT_ABBREV}
    if not members:
        return []
    cov = _coverage(spans, len(text))
    out: list[Span] = []
    n = len(toks)
    for i, t in enumerate(toks):
        k = t.key
        if k not in members or t.shape != "lower" or cov[t.start] or not _lower_line(text, t.start):
            continue
        word = gaz.words.get(k, 99) <= 35
        if word:
            line_end = text.find("\n", t.end)
            line_end = len(text) if line_end < 0 else line_end
            nxt = toks[i + 1] if i + 1 < n and toks[i + 1].start < line_end else None
            prev = toks[i - 1] if i and "\n" not in text[toks[i - 1].end:t.start] else None
            first = _MESSAGE_START.search(text, max(0, t.start - 45), t.start) is not None
            before_called = nxt is not None and text[t.end:nxt.start] in (" ", ", ") and not (
                k in _VERBS_BEFORE_YOU and nxt.key in ("u", "ur", "you", "your")) and (
                nxt.key in _AFTER_CALLED or first and nxt.key in _CALLED_TOO)
            ends = (nxt is None or re.match(r"[.!?]+\s", text[t.base_end:t.base_end + 3])) and prev is not None \
                and prev.key not in _NOT_BEFORE_END and prev.shape == "lower" and prev.base_end == prev.end \
                and (nxt is not None or text[t.end:line_end].strip(" .!?") == "")
            if not (before_called and (first or prev is None or prev.key not in _NOT_BEFORE_END) or ends):
                continue
        out.append(Span(t.start, t.base_end, "PERSON", text[t.start:t.base_end], UNSURE, "position"))
    return out
