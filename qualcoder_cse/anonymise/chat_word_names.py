"""Lowercase chat names that are also words or said only twice (issue 15, session 6: lowercase chat names).

- A given name that is also an English word ("mark", "amber", "summer", "pearl", "rich") is proposed in a
  lowercase chat line when the same word is already a person in the document (a full name, a capitalised
  mention, "mark said") and it stands where a name stands in a message: opening it ("amber u still want
  that", "pearl is grounded", "mark at the club?"), before a verb or "u" ("ye but mark is safe", "can grace
  come") or after a word a name follows ("which ash", "its ash innit", "not pearl"). A verb-name before a pronoun stays a verb ("hope u r ok", "will u come").
- A given name that no common English word list holds ("kez", "zee"), written twice in lowercase chat lines,
  is a name: "a word no list knows" needs three mentions (``chat_links.py``), a given name needs two.

Both are proposed below the review screen's "unsure" line.
"""

from __future__ import annotations

import re

from .chat_links import _CHAT_ABBREV, _MESSAGE_START, _SPEAK
from .chat_places import _lower_line
from .gazetteers import Gazetteers
from .lexicon import NOT_NAMES, STOP
from .merging import _coverage
from .spans import Span
from .tokens import Tok

UNSURE = 0.5
_VERBISH = frozenset(["is", "was", "said", "says", "does", "did", "rang", "texted", "will", "gonna", "knows", "has",
                      "had", "dont", "doesnt", "didnt", "aint", "isnt", "wasnt", "come", "comes", "coming", "comin",
                      "u", "ur", "fancies", "wants", "got", "gets", "went", "goes", "told", "from", "at", "in", "wiv",
                      "with", "and", "n", "sed", "sez", "sayz"])
# words after which a known name stands in a message: "which ash", "its ash innit", "not pearl"
_BEFORE_NAME = frozenset(["which", "its", "not", "wiv", "with", "n", "and", "or", "ask", "tell", "call", "ring",
                          "text", "like", "bout", "about", "from", "big", "lil", "w"])
_SIZE = frozenset(["big", "lil", "little", "young", "yung", "fat", "wee", "skinny", "mad", "old"])
_PRONOUNS = frozenset(["u", "you", "ur", "i", "we", "she", "he", "they", "it", "ya", "yall", "that", "this", "so"])
_VERB_WORDS = frozenset(["hope", "will", "mark", "pat", "rob", "sue", "chase", "grant", "bill", "may", "rich"])


_STAMP = re.compile(r"[\[(]?\d{1,4}[/.-]\d{1,2}[/.-]\d{2,4},?\s+\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*(?:-\s*)?"
                    r"|[\[(]?\d{1,2}:\d{2}(?::\d{2})?[\])]?\s*")
_LABEL_STAMP = re.compile(r"[^\s:]{1,40}[ \t]+(?:\d{4}-\d{2}-\d{2}[ \t]+|\d{1,2}/\d{1,2}/\d{2,4},?[ \t]+)?"
                          r"\d{1,2}:\d{2}(?::\d{2})?:?[ \t]+")
_LABEL = re.compile(r"[^\s:][^\n:]{0,40}?:[ \t]+")


def _opens_message(text: str, pos: int) -> bool:
    """``pos`` opens a message after a time-stamped label ("[10/11/2025 18:45] Kai77: amber check ur snap",
    "kai77 2025-03-02 19:50: amber")."""
    line = text[text.rfind("\n", 0, pos) + 1:pos]
    if _LABEL_STAMP.fullmatch(line):
        return True  # "lil.mishaa 2025-03-02 19:50: pearl is grounded"
    stamp = _STAMP.match(line)
    if stamp is None:
        return False
    rest = line[stamp.end():]
    return _LABEL.fullmatch(rest) is not None or bool(_LABEL.match(rest)) and _STAMP.fullmatch(rest[
        _LABEL.match(rest).end():]) is not None


# (session 7) where only a name stands in a chat: "which chase", "tell dawn", "chase sed", "dawn texted"
_STRONG_BEFORE = frozenset(["which", "tell", "ask", "ring", "text", "wiv", "w"])
_STRONG_AFTER = frozenset(["sed", "said", "says", "sez", "sayz", "texted", "rang", "snapped", "messaged"])


def _named_twice(text: str, toks: list[Tok], cov: bytearray, gaz: Gazetteers) -> set[str]:
    """Lowercase given names that are words, standing twice or more where only a name stands in chat lines
    ("chase sed theres a party", "which chase"): known as a person though never written with a capital."""
    seen: dict[str, int] = {}
    for i, t in enumerate(toks):
        k = t.key
        if t.shape != "lower" or cov[t.start] or not k.isalpha() or gaz.given.get(k, (0, 0))[0] < 300 \
                or k in STOP or k in NOT_NAMES or not _lower_line(text, t.start):
            continue
        prev = toks[i - 1].key if i and text[toks[i - 1].end:t.start] == " " else ""
        nxt = toks[i + 1].key if i + 1 < len(toks) and text[t.end:toks[i + 1].start] == " " else ""
        if prev in _STRONG_BEFORE or nxt in _STRONG_AFTER:
            seen[k] = seen.get(k, 0) + 1
    return {k for k, n in seen.items() if n >= 2}


def chat_word_names(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    words = gaz.words
    known = {s.text.casefold() for s in spans if s.label == "PERSON" and s.confidence >= 0.5 and " " not in s.text}
    known |= {s.text.split()[0].casefold() for s in spans
              if s.label == "PERSON" and s.confidence >= 0.6 and " " in s.text}
    known |= {s.text.split()[-1].casefold() for s in spans  # "big ash": the name after the size word
              if s.label == "PERSON" and s.text.count(" ") == 1 and s.text.split()[0].lower() in _SIZE}
    cov = _coverage(spans, len(text))
    known |= _named_twice(text, toks, cov, gaz)
    out: list[Span] = []
    twice: dict[str, list[Tok]] = {}
    for i, t in enumerate(toks):
        k = t.key
        if t.shape != "lower" or cov[t.start] or t.base_end != t.end or not k.isalpha() or len(k) < 2:
            continue
        if k in STOP and k not in _VERB_WORDS or k in NOT_NAMES or k in _CHAT_ABBREV:
            continue
        uk = gaz.given.get(k, (0, 0))[0]
        tier = words.get(k)
        if tier is not None and tier <= 35:
            if k not in known or uk < 300 or not _lower_line(text, t.start):
                continue
            nxt = toks[i + 1] if i + 1 < len(toks) and "\n" not in text[t.end:toks[i + 1].start] else None
            if nxt is not None and k in _VERB_WORDS and nxt.key in _PRONOUNS:
                continue  # "hope u r ok": a verb
            first = _MESSAGE_START.search(text, max(0, t.start - 45), t.start) is not None or _opens_message(
                text, t.start)
            prev = toks[i - 1] if i and "\n" not in text[toks[i - 1].end:t.start] else None
            named = prev is not None and prev.key in _BEFORE_NAME and text[prev.end:t.start] == " "
            if first or named or nxt is not None and nxt.key in _VERBISH and text[t.end:nxt.start] == " ":
                out.append(Span(t.start, t.end, "PERSON", t.text, UNSURE, "position"))
        elif uk >= 2 and (tier is None or tier > 50) and 3 <= len(k) <= 8 and not _SPEAK.search(k) and (
                _lower_line(text, t.start)):
            twice.setdefault(k, []).append(t)
    for ts in twice.values():
        if len(ts) >= 2:  # a word no list knows said three times or more is chat_links' (covered already)
            out += [Span(t.start, t.end, "PERSON", t.text, UNSURE - 0.05, "position") for t in ts]
    return out


# (session 13) a given name after "bring", "tell", "ask" in a lowercase chat line, where a clause ends after it or
# a pronoun follows: "bring penny if she aint a grass", "dont bring faith she chats too much", "tell jade 2 come"
# (measured on every tuned set: 30 such names, no other word)
_ASKED = re.compile(r"\b(?:bring|tell|ask|invite|fetch|brng|tel)[ \t]+(?P<w>[a-z]+)\b(?=[ \t]*(?:$|[.,!?)]|\d|(?:if|"
                    r"too|then|she|he|2|to|cos|coz|wiv|w|n|and|lol|x|tho|innit|its|it's|ur|u|shes|hes)\b))",
                    re.MULTILINE)


def asked_names(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    cov = _coverage(spans, len(text))
    out = []
    for m in _ASKED.finditer(text):
        w = m.group("w")
        given = gaz.given.get(w, (0, 0))[0]
        if cov[m.start("w")] or w in STOP or given < 200 or not _lower_line(text, m.start("w")):
            continue
        if given < 1000 and (gaz.words.get(w) or 99) <= 35:
            continue  # "bring cash": a word first, a name seldom
        out.append(Span(m.start("w"), m.end("w"), "PERSON", w, UNSURE, "position"))
    return out


# (session 14) a nickname of a size word and a word, used as a person is: "big pad sez eamont first", "went up
# the loch wi big tone and his pal"; not a description after an article ("the big lad said")
_SIZE_NAME = re.compile(
    r"(?<![\w'’])(?P<n>(?:big|wee|lil|yung|skinny|mad)[ \t]+(?P<w>[a-z][a-z'’-]{1,11}))"
    r"(?:(?P<acts>(?=[ \t]+(?:sed|sez|said|says|has|had|is|was|wants|wanted|drives|drove|got|gave|gives|took|takes|"
    r"picked|texted|messaged|rang|dropped|bought|knows|sent|reckons|told|asked|gonna)\b))"
    r"|(?=[ \t]+(?:and|n)[ \t]|[,.!?]|[ \t]*$))", re.MULTILINE)
_WITH_BEFORE = re.compile(r"\b(?:wi|with|n|and|saw|seen)[ \t]+$")
_NOT_SIZE_NAMED = frozenset(["man", "men", "lad", "lads", "guy", "guys", "girl", "girls", "boy", "boys", "fella",
                             "bloke", "bro", "bruv", "brother", "sister", "sis", "one", "ones", "kid", "kids", "dog",
                             "mum", "dad", "deal", "thing", "things", "house", "car", "night", "time", "money",
                             "boss", "mate", "mates", "pal", "bag", "bit", "lot", "fan", "group", "gang", "woman"])
_ARTICLE_BEFORE = re.compile(r"(?:\b(?:a|the|my|his|her|your|ur|that|this|their|our|some|no|any)[ \t]+)$", re.IGNORECASE)


def size_nicknames(text: str, spans: list[Span]) -> list[Span]:
    cov = _coverage(spans, len(text))
    out = []
    for m in _SIZE_NAME.finditer(text):
        w = m.group("w")
        if w in _NOT_SIZE_NAMED or w in STOP or w in _SIZE or any(cov[m.start("n"):m.end("n")]):
            continue
        if _ARTICLE_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue
        if m.group("acts") is None and not _WITH_BEFORE.search(text, max(0, m.start() - 8), m.start()):
            continue  # "wi big tone and his pal": after "with", where a person goes
        out.append(Span(m.start("n"), m.end("n"), "PERSON", m.group("n"), 0.5, "position"))
    for name in {s.text.lower() for s in out}:  # the same nickname elsewhere: "\"big pad\" / \"padz\" believed to be"
        for m in re.finditer(rf"(?<![\w'’-]){re.escape(name)}(?![\w'’-])", text, re.IGNORECASE):
            if not any(cov[m.start():m.end()]) and not any(s.start == m.start() for s in out):
                out.append(Span(m.start(), m.end(), "PERSON", m.group(), 0.5, "position"))
    return out
