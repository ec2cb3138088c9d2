"""A name said once in chat as the owner of something, its apostrophe dropped: "its stevos birthday sat",
"at kezs house", "tjs mum picked us up" (issue 15, session 11: single-mention names in chats).

The guidelines mark such a word whole ("[[PERSON|kezs]]"). A word ending in "s" before a thing people own or
a relative, on a line written in lowercase, is a name when what is left is a given name or a nickname the lists
know, or a person the text has already named; relatives and ordinary plurals ("my mums house", "the lads
car") are not.
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import NOT_NAMES, STOP
from .merging import _coverage
from .spans import Span

_OWNED = ("birthday|bday|house|houses|gaff|flat|place|mum|mam|mom|dad|da|nan|nans|gran|nana|bro|brother|sister|"
          "sis|cousin|cuz|mate|mates|boyfriend|girlfriend|bf|gf|car|motor|phone|number|snap|insta|party|room|"
          "uncle|auntie|aunty|step|ex|fella|man|missus|lot|crew|garden|door|street|road|bike|dog|dad's|mum's")
_OWNER = re.compile(rf"(?<![\w@.'’-])(?P<w>[a-z][a-z-]{{1,13}}s)[ \t]+(?:(?:new|old|big|lil|little|older|younger)"
                    rf"[ \t]+)?(?:{_OWNED})\b")
# an export line's stamp, direction and sender before the message
_HEAD = re.compile(r"[\[\]\d/:.,\s-]*(?:(?:UTC|GMT|BST|[AaPp][Mm])\s+)?(?:(?:IN|OUT|Sent|Received)\s+)?"
                   r"(?:[^\s:]{1,30}:\s+)?")
_NOT_OWNERS = frozenset(["mums", "mams", "moms", "dads", "nans", "grans", "nanas", "bros", "sis", "sisters",
                         "brothers", "cousins", "mates", "lads", "girls", "boys", "kids", "guys", "others", "friends",
                         "neighbours", "teachers", "carers", "parents", "aunties", "uncles", "its", "hes", "shes",
                         "thats", "whats", "lets", "yes", "this", "us", "his", "hers", "theirs", "ours", "yours",
                         "peoples", "childrens", "womens", "mens", "police", "feds", "bus", "gas", "plus"])


def _nickname_of_given(stem: str, gaz: Gazetteers) -> bool:
    """"stevo", "macca", "jonno", "daz": a given name's start with a nickname's ending."""
    for end in ("o", "y", "ie", "a", "z", "zy", "za", "ers"):
        base = stem[:-len(end)]
        if stem.endswith(end) and len(base) >= 3 and stem not in gaz.words and any(
                gaz.given.get(base + tail, (0, 0))[0] >= 300 for tail in ("", "e", "en", "on", "an")):
            return True
    return False


def chat_owner_names(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    known = {s.text.casefold() for s in spans if s.label == "PERSON" and " " not in s.text}
    cov = _coverage(spans, len(text))
    out: list[Span] = []
    for m in _OWNER.finditer(text):
        s, e = m.span("w")
        w = m.group("w")
        stem = w[:-1]
        if cov[s] or w in _NOT_OWNERS or stem in STOP or stem in NOT_NAMES or len(stem) < 2:
            continue
        line_start = max(text.rfind("\n", max(0, s - 300), s) + 1, s - 300)  # bounded: a text may be one line
        line_end = text.find("\n", e, e + 300)
        line = text[line_start:line_end if line_end >= 0 else min(len(text), e + 300)]
        head = _HEAD.match(line)
        if any(c.isupper() for c in line[head.end() if head else 0:]):
            continue  # a message with capitals: "Tom's" would have its apostrophe
        uk, us = gaz.given.get(stem, (0, 0))
        if stem in known or _nickname_of_given(stem, gaz) or uk >= 100 or us >= 2000 or (len(stem) <= 3 and stem.isalpha() and stem not in gaz.words
                                                         and uk + us > 0):
            out.append(Span(s, e, "PERSON", w, 0.5, "position"))
    return out
