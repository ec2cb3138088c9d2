"""Names found by where they stand rather than by what they are: the position decides when a word that is also
an ordinary word ("Will", "Amber", "pearl", "Precious") is a person.

- a given name followed by a surname: "Jade Whitworth", "Will Fenwick", "Summer Hollins" (the surname may be a
  place too: "Whitworth", "Kilbride");
- a name at the start of an attendee line followed by its role or initials: "Precious (team leader)";
- chat positions, any case: "me n ty", "mel said", "ask pearl", "dont tell faith pls", "big stevo",
  "j-dog said";
- the first name of a full name found in the document, again where it opens a sentence: "Amber reported",
  "Mark to meet", unless the next word makes it a verb ("Will be", "Mark this").
"""

from __future__ import annotations

from .gazetteers import Gazetteers
from .lexicon import MONTHS, NATIONAL, NOT_NAMES, RANKS, ROLE_UPPER, ROLE_WORDS, STOP, TITLES, WEEKDAYS
from .merging import _coverage
from .spans import Span
from .tokens import Tok

_NOT_FIRST = STOP - {"will", "may", "mark"} | TITLES | RANKS | ROLE_WORDS | MONTHS | WEEKDAYS | NOT_NAMES | NATIONAL
_SPEECH = frozenset(["said", "says", "told", "texted", "messaged", "reckons", "asked", "sent", "saw", "was", "is",
                     "got", "gets", "went", "goes", "knows", "dropped", "picked", "wants", "thinks", "replied"])
_ASK = frozenset(["ask", "tell", "told", "asked", "telling", "asking", "texting", "tellin", "askin", "messaging",
                  "ringing", "calling", "phoning", "dming", "snapping", "seeing", "meeting", "with", "wiv", "wid", "text", "texted", "call", "ring", "rang",
                  "message", "messaged", "dm", "add", "adding"])
_CLAUSE_END = frozenset(["pls", "please", "plz", "tmrw", "tomorrow", "today", "tonight", "again", "too", "about",
                         "then", "and", "n", "innit", "lol", "tho", "though", "yet", "now", "first", "later", "x", "xx",
                         "she", "he", "shes", "hes", "cos", "coz", "bc"])
_GREETINGS = frozenset(["thanks", "thank", "cheers", "hi", "hiya", "hello", "morning", "evening", "sorry", "bye",
                        "ta", "night", "dear", "congratulations", "welcome"])
_ADDRESSED = frozenset(["can", "could", "would", "will", "do", "did", "what", "how", "you", "are", "have", "just",
                        "please", "is", "thanks", "thank", "sorry", "when", "where", "why"])
_WORD_NAMES = frozenset(["will", "may", "mark", "bill", "pat", "sue", "rob", "jack", "frank", "grace", "hope"])
_WORKPLACES = frozenset(["project", "youth", "club", "team", "charity", "council", "school", "college", "home",
                         "centre", "center", "hub", "service", "unit", "police", "hospital", "clinic", "church",
                         "mosque", "office", "van", "bus", "outreach", "programme", "group", "partnership"])
_IT_IS = frozenset(["it's", "it’s", "that's", "that’s", "there's", "there’s", "what's", "what’s", "here's"])
_KIN = frozenset(["mate", "mates", "m8", "cousin", "cuz", "bro", "brother", "sister", "sis", "girlfriend",
                  "boyfriend", "gf", "bf", "friend", "pal", "bredren", "fella", "man", "boy", "girl"])
_OWNERS = frozenset(["his", "her", "my", "their", "ur", "your", "our", "me"])
_ME_AND = frozenset(["n", "and", "&"])
# "told ty not to", "with summer to the shop": a verb of telling, then a person, then the rest of the clause
_TELL = frozenset(["told", "tell", "ask", "asked", "tellin", "askin", "telling", "asking", "with", "wiv", "wid"])
_AFTER_OBJECT = frozenset(["not", "to", "that", "if", "bout", "about", "abt", "wat", "what", "why", "where", "when",
                           "how", "2"])
_TO_PLACE = frozenset(["the", "town", "school", "hers", "his", "mine", "theirs", "maccies", "asda", "tesco"])
# "at jades mums": a possessive written without its apostrophe before a family word or a place
_OWNED = frozenset(["mum", "mums", "mam", "mams", "dad", "dads", "house", "nan", "nans", "bf", "gf", "brother",
                    "bro", "sister", "sis", "cousin", "cuz", "boyfriend", "girlfriend", "flat", "car", "party"])
_SIZE = frozenset(["big", "lil", "little", "young", "yung", "wee"])
# what follows a word used as a verb or an ordinary word at the start of a sentence, not as a name
_VERB_NEXT = frozenset(
    STOP - {"and", "to", "said", "says", "from", "with", "at", "in", "on", "about", "as", "if"}
    | {"be", "been", "not", "this", "that", "these", "those", "there", "your", "up", "out", "down", "off", "all",
       "any", "it", "is", "was", "were", "are", "has", "had", "of", "for", "you", "we", "they", "i", "he", "she"}
)


def _line_start(text: str, pos: int) -> bool:
    ls = text.rfind("\n", 0, pos) + 1
    return not text[ls:pos].strip(" \t-•*")


def full_names(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers, heads: frozenset) -> list[Span]:
    """A capitalised given name (also one that is a word) right before a capitalised surname is one person."""
    out = []
    for i in range(len(toks) - 1):
        a, b = toks[i], toks[i + 1]
        if a.shape != "title" or b.shape != "title" or not b.spaced or a.base_end != a.end:
            continue
        ka, kb = a.key, b.key
        g = gaz.given.get(ka)
        if not g or (g[0] < 20 and g[1] < 1000) or ka in _NOT_FIRST or len(ka) < 2:
            continue
        sur = gaz.surnames.get(kb.replace("'", "").replace("’", ""), 0)
        tier = gaz.words.get(kb)
        if kb in _NOT_FIRST or kb in heads or kb in gaz.major and not sur or len(kb) < 2:
            continue
        if not (("-" in kb and all(gaz.surnames.get(p) or gaz.given.get(p) for p in kb.split("-") if p))
                or (sur >= 100 and (tier is None or tier >= 50)) or (tier is None and not gaz.given.get(kb))):
            continue
        if a.initial and tier is not None and not _line_start(text, a.start):
            continue  # "Will Power said": a sentence-initial pair of two words is left to the other layers
        out.append(Span(a.start, b.base_end, "PERSON", text[a.start:b.base_end], 0.75, "position"))
    return out


_WORK_DETS = frozenset(["the", "my", "our", "his", "her", "their", "your"])


def _works_at(toks: list[Tok], j: int) -> bool:
    """Tokens from ``j`` name where someone works: "the youth project", "my team", "our CSE team", "CID"."""
    if j >= len(toks):
        return False
    if toks[j].key in _WORK_DETS:
        return any(toks[k].key in _WORKPLACES for k in range(j + 1, min(j + 4, len(toks))))
    t = toks[j]  # an agency's initials straight after "from": "Mark from CID said"
    return t.shape == "upper" and 2 <= len(t.text) <= 6 and t.text.isalpha()


def attendee_names(text: str, toks: list[Tok], gaz: Gazetteers) -> list[Span]:
    """A given name opening a line or sentence and followed by a bracket ("Precious (team leader)"), and a given
    name spoken to ("Thanks Faith", "Hope, can you take the minutes?")."""
    out = []
    for i, t in enumerate(toks):
        if t.shape != "title" or t.base_end != t.end:
            continue
        g = gaz.given.get(t.key)
        if not g or g[0] < 20 or t.key in _NOT_FIRST:
            continue
        opens = t.initial or _line_start(text, t.start)
        prev = toks[i - 1].key if i else ""
        nxt = toks[i + 1].key if i + 1 < len(toks) else ""
        bracket = opens and text[t.end:t.end + 2] == " ("
        # "Sky from the project is coming": a name introduced by where the person works
        works = nxt == "from" and _works_at(toks, i + 2)
        vocative = (prev in _GREETINGS and toks[i - 1].end + 1 == t.start and text[t.end:t.end + 1] in ",.!?:;") or (
            opens and text[t.end:t.end + 2] == ", " and nxt in _ADDRESSED)
        if bracket or vocative or works:
            out.append(Span(t.start, t.end, "PERSON", t.text, 0.6, "position"))
    return out


def _chat_name_like(t: Tok, gaz: Gazetteers, *, me_and: bool = False) -> float:
    """How much a lowercase chat word looks like a name by itself: a given name, or no English word at all.
    After "me n" even a chat word such as "ty" is a name when the lists know it as one."""
    k = t.key
    blocked = k in _NOT_FIRST and not (me_and and k in NOT_NAMES and k not in STOP and gaz.given.get(k))
    if k in _WORD_NAMES and me_and:
        blocked = False  # "me n will", "will from the youth bus"
    elif k in STOP:
        blocked = True
    if t.shape not in ("lower", "title") or blocked or k in ROLE_UPPER or len(k) < 2:
        return 0.0
    if not all(c.isalpha() or c == "-" for c in k) or k.startswith("-") or k.endswith("-"):
        return 0.0
    g = gaz.given.get(k)
    if g and (g[0] >= 20 or g[1] >= 2000):
        return 0.6
    if "-" in k and len(k) >= 4 and k not in gaz.words:
        return 0.55  # "j-dog", "t-bone"
    if k not in gaz.words and len(k) >= 2 and (len(k) <= 3 or g or gaz.surnames.get(k)):
        return 0.5
    if k not in gaz.words and len(k) >= 4:
        return 0.35  # an unknown word: a name only where the position is strong ("big stevo")
    return 0.0


def _owner_without_apostrophe(t: Tok, nk: str, prev: str, gaz: Gazetteers) -> bool:
    """"jades mum", "at kais house": a given name with an "s" and no apostrophe before a family word."""
    k = t.key
    if nk not in _OWNED or len(k) < 4 or not k.endswith("s") or t.base_end != t.end or prev in _OWNERS:
        return False
    if prev in ("the", "a", "an", "these", "those", "some", "all", "no", "two", "both"):
        return False
    g = gaz.given.get(k[:-1])
    return bool(g and g[0] >= 500 and k[:-1] not in _NOT_FIRST)


def chat_names(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    """Lowercase names and nicknames in the positions of chat: "me n ty", "mel said", "ask pearl", "big stevo"."""
    cov = _coverage(spans, len(text))
    out = []
    n = len(toks)
    for i, t in enumerate(toks):
        prev = toks[i - 1].key if i else ""
        prev2 = toks[i - 2].key if i > 1 else ""
        sized = prev in _SIZE and t.spaced and (toks[i - 1].shape == t.shape or toks[i - 1].shape == "lower")
        if t.shape != "lower" and not (sized and t.shape == "title"):
            continue
        if cov[t.start] and not sized:
            continue
        nk0 = toks[i + 1].key if i + 1 < n else ""
        works = nk0 == "from" and i + 3 < n and _works_at(toks, i + 2)
        told = prev in _TELL and nk0 in _AFTER_OBJECT and i + 1 < n and t.spaced and (
            # "with grace to spare", "with summer to come": a word-name after "with" needs a place after "to"
            prev not in ("with", "wiv", "wid") or gaz.words.get(t.key, 99) >= 35
            or (nk0 == "to" and i + 2 < n and toks[i + 2].key in _TO_PLACE))
        strong = (prev in _ME_AND and prev2 in ("me", "i")) or (t.initial and nk0 in ("said", "says", "told")) \
            or works or told
        if _owner_without_apostrophe(t, nk0, prev, gaz):
            out.append(Span(t.start, t.end, "PERSON", text[t.start:t.end], 0.5, "position"))
            continue
        score = _chat_name_like(t, gaz, me_and=strong)
        if score <= 0 or t.key in _SPEECH or t.key in _CLAUSE_END or t.key in _KIN:
            continue
        nxt = toks[i + 1] if i + 1 < n else None
        nk = nxt.key if nxt is not None else ""
        same_line_next = nxt is not None and "\n" not in text[t.end:nxt.start]
        ends_clause = not same_line_next or nk in _CLAUSE_END or text[t.base_end:t.base_end + 1] in ".,!?;)"
        hit = (
            (prev in _ME_AND and prev2 in ("me", "i")) or (nk in _ME_AND and i + 2 < n and toks[i + 2].key == "me")
            or (t.base_end != t.end and score >= 0.6 and gaz.words.get(t.key, 99) >= 35)  # "at mel's"
            or (prev in _KIN and prev2 in _OWNERS and score >= 0.35 and gaz.words.get(t.key, 99) >= 35)  # "his mate shaq"
            or (prev in _ASK and "-" in t.key and score >= 0.5)  # "wiv j-dog driving"
            or (nk in _SPEECH and same_line_next and (t.initial or prev in _ME_AND) and (
                nk not in ("is", "was") or (t.initial and t.key not in gaz.words and len(t.key) <= 5)))
            or ((prev in _ASK or (prev == "is" and prev2 == "who")) and ends_clause and score >= 0.5
                and prev2 not in ("it", "this", "that", "what"))
            or (sized and prev2 not in ("a", "the", "so", "too", "very", "my", "his", "her"))
            or (works and score >= 0.5)
            or (told and score >= 0.6)
        )
        if not hit or (score < 0.5 and not sized and not (prev in _KIN and prev2 in _OWNERS)):
            continue
        start = toks[i - 1].start if sized else t.start
        out.append(Span(start, t.base_end, "PERSON", text[start:t.base_end], score, "position"))
    return out


def first_names_again(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    """The first name of a full name found here, where it opens a sentence and is not used as a verb."""
    firsts: dict[str, float] = {}
    for s in spans:
        if s.label == "PERSON" and s.confidence >= 0.6:
            first = s.text.split()[0]
            g = gaz.given.get(first.casefold())
            if first[:1].isupper() and first[1:].islower() and first.isalpha() and g and g[0] >= 20 and (
                first.casefold() not in _NOT_FIRST
            ):
                firsts.setdefault(first.casefold(), s.confidence)
    if not firsts:
        return []
    cov = _coverage(spans, len(text))
    out = []
    for i, t in enumerate(toks):
        if t.shape != "title" or cov[t.start] or t.key not in firsts:
            continue
        nxt = toks[i + 1] if i + 1 < len(toks) else None
        verb_contraction = nxt is not None and (nxt.key.endswith(("n't", "n’t")) or nxt.key in _IT_IS)
        topic = nxt is not None and nxt.text.lower().replace("’", "'") in ("she's", "he's", "they're", "she'd", "he'd")
        if nxt is not None and (nxt.key in _VERB_NEXT or verb_contraction) and not topic and (
            "\n" not in text[t.end:nxt.start] and text[t.end:nxt.start].strip() == ""
        ):
            continue
        after = toks[i + 2] if i + 2 < len(toks) else None
        if nxt is not None and nxt.key == "and" and after is not None and after.shape == "lower" and (
            text[t.end:nxt.start] == " "
        ):
            continue  # "Grace and patience": two ordinary words
        if t.base_end != t.end and text[t.end:t.end + 1] == " ":
            pass  # "Amber's": a possessive is a name position
        elif text[t.end:t.end + 1] in ("'", "’"):
            continue
        out.append(Span(t.start, t.base_end, "PERSON", text[t.start:t.base_end], 0.55, "position"))
    return out
