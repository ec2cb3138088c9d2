"""Given names that are also English words, found by the verb after them (issue 15, session 6: PERSON recall).

A name that is a verb ("Will", "Mark", "Chase", "Rob") is a name when a finite verb follows it: a modal or an
imperative never stands before "is", "has", "would" or "didn't" ("Will is Welsh", "Chase didn't want to",
"Mark would know"; before "is" or "has" only when it comes back: "Will is Welsh. Will has a scar"), while "Will you", "Mark this" and "Chase them up" stay words. A name that is a noun
("Faith", "Hope", "Grace") can open a sentence as a noun too ("Hope is what keeps us going"), so it is a name
there only when the same word is already a person elsewhere in the document ("sat with Faith for hours.
Faith wouldn't say anything"), and not before "is"/"was"/"isn't" ("Hope isn't a plan"). Written in capitals mid-sentence or at a sentence start, never in lowercase.
"""

from __future__ import annotations

from .gazetteers import Gazetteers
from .lexicon import MONTHS, RANKS, ROLE_WORDS, STOP, TITLES, WEEKDAYS
from .spans import Span
from .tokens import Tok

# given names whose common reading is a verb: a finite verb cannot follow them as words
_VERB_NAMES = frozenset(["will", "mark", "chase", "rob", "sue", "pat", "bill", "drew", "grant", "jack", "mo",
                         "nick", "pierce", "sly", "wade", "art", "max", "ray", "don", "hunter"])
_FINITE = frozenset(["is", "was", "has", "had", "would", "could", "should", "did", "does", "didn't", "doesn't",
                     "wouldn't", "couldn't", "isn't", "wasn't", "hasn't", "hadn't", "won't", "can't", "said",
                     "says", "told", "tells", "asked", "texted", "knew", "knows", "lives", "lived", "drives", "drove",
                     "works", "worked", "wanted", "wants", "came", "comes", "went", "goes", "got", "gets", "kept",
                     "keeps", "started", "stopped", "rang", "rings", "took", "takes", "never", "always",
                     # (session 8) "Drew ended up doing the review"
                     "ended", "became", "left", "made", "found", "saw", "moved", "joined", "ran", "led", "wrote",
                     "phoned", "emailed", "picked", "brought", "gave", "looked", "thought", "felt", "tried",
                     "helped", "explained", "agreed", "arrived", "managed", "decided", "reckons", "reckoned"])

# a noun opens a sentence before these as often as a name does ("Hope isn't a plan", "Grace was shown")
_COPULA = frozenset(["is", "was", "has", "had", "isn't", "wasn't", "hasn't", "hadn't", "never", "always"])


# (session 10) what only a person does: a noun-name opening a sentence before these is a name on first sight
# ("Amber laughed it off", "Grace nodded"), as before "and I" ("Summer and I went") or "can be reached"
_HUMAN = frozenset(["laughed", "laughs", "cried", "smiled", "shouted", "screamed", "giggled", "nodded", "shrugged",
                    "sobbed", "whispered", "apologised", "apologized", "disclosed", "admitted", "denied", "refused",
                    "replied", "texted", "messaged", "phoned", "rang", "told", "asked", "said", "says", "tells",
                    "asks", "answered", "explained", "agreed", "reckons", "reckoned", "winked", "swore", "lied",
                    "confided", "mentioned", "insisted", "admits", "denies", "emailed"])


def _first_sight(toks: list[Tok], i: int) -> bool:
    """What follows a noun-name at a sentence start makes it a person the first time it is seen."""
    nxt = toks[i + 1].key
    if nxt in _HUMAN:
        return True
    after = [t.key for t in toks[i + 2:i + 4]]
    if nxt == "and" and after[:1] in (["i"], ["me"]):
        return True
    if nxt == "from" and len(toks) > i + 2 and toks[i + 2].shape == "title" and toks[i + 2].key not in MONTHS \
            and toks[i + 2].key not in WEEKDAYS and toks[i + 2].key not in STOP:
        return True  # (session 14) "Grace from Barnardo's sits in": where she works
    if nxt == "in" and after[:1] == ["the"] and len(toks) > i + 3 and toks[i + 3].shape == "upper" and (
            toks[i + 3].key not in ("uk", "us", "usa", "eu", "un")):
        return True  # "Grace in the MASH did the sampling"
    return nxt == "can" and after[:1] == ["be"] and after[1:2] in (["reached"], ["contacted"])


def _norm(key: str) -> str:
    return key.replace("’", "'")


def verb_names(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers, upper: bool = False) -> list[Span]:
    shapes = ("title", "upper") if upper else ("title",)
    persons: set[str] = set()
    covered: set[int] = set()
    for s in spans:
        covered.add(s.start)
        if s.label == "PERSON" and s.confidence >= 0.5 and " " not in s.text:
            persons.add(s.text.casefold())
    out = []
    weak: dict[str, list[Span]] = {}
    for i in range(len(toks) - 1):
        t = toks[i]
        if t.shape not in shapes or t.start in covered or t.base_end != t.end:
            continue
        k = t.key
        nxt = toks[i + 1]
        if k not in _VERB_NAMES and k not in persons:
            if t.initial and nxt.spaced and gaz.given.get(k, (0, 0))[0] >= 100 and (k not in STOP or k == "may") \
                    and k not in ROLE_WORDS and _first_sight(toks, i):
                out.append(Span(t.start, t.base_end, "PERSON", t.text[:t.base_end - t.start], 0.55, "position"))
            continue
        word = _norm(nxt.text.lower())
        if not nxt.spaced or _norm(nxt.key) not in _FINITE and word not in _FINITE:
            continue
        span = Span(t.start, t.base_end, "PERSON", t.text[:t.base_end - t.start], 0.6, "position")
        if k in _VERB_NAMES:
            if gaz.given.get(k, (0, 0))[0] < 100:
                continue
            if word in _COPULA and k not in persons:
                weak.setdefault(k, []).append(span)  # "Will is coming": a name only if it comes back
                continue
        elif not t.initial or gaz.given.get(k, (0, 0))[0] < 100 or word in _COPULA:
            continue  # a noun-name mid-sentence in capitals is already found by its capital
        out.append(span)
    found = {s.text.casefold() for s in out}
    for k, more in weak.items():
        if len(more) >= 2 or k in found:
            out += more
    return out


def upper_full_names(text: str, toks: list[Tok], gaz: Gazetteers) -> list[Span]:
    """Full names in a text written in capitals: a given name before a surname-like word."""
    out = []
    for i in range(len(toks) - 1):
        t, nxt = toks[i], toks[i + 1]
        if t.shape != "upper" or nxt.shape != "upper" or not nxt.spaced or t.base_end != t.end:
            continue
        k, n = t.key, nxt.key
        if gaz.given.get(k, (0, 0))[0] < 500 or k in STOP or k in TITLES or k in RANKS or k in ROLE_WORDS:
            continue
        if not n.isalpha() or len(n) < 3 or n in STOP or n in TITLES or n in ROLE_WORDS or n in RANKS:
            continue
        tier = gaz.words.get(n)
        if tier is not None and (tier <= 20 or tier <= 35 and gaz.surnames.get(n, 0) < 500) or gaz.given.get(
                n, (0, 0))[0] >= 2000 and n not in gaz.surnames:
            continue
        if n not in gaz.surnames and tier is not None and tier < 50:
            continue  # a word the lists know, not a surname
        out.append(Span(t.start, nxt.base_end, "PERSON", text[t.start:nxt.base_end], 0.7, "position"))
    return out
