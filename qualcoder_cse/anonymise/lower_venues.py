"""Named venues written in lowercase, whole (issue 15, session 5: ORG/LOCATION boundaries on unseen text):
"beckfoot upper heaton school", "city of leeds college", "airedale hospital", "the grove hotel", "holly bank
childrens home", "kirkgate market", "forster square station". The capitalised head-word rules cannot see these
(no capital says where the name starts), so the name is read leftwards from the head word over words that name
something: a place or organisation found already, a place, a given name or surname, a word no list knows, or a
place-name element ("grove", "bank", "vale"); kind words ("childrens", "upper", "community") may sit between.
At least one naming word is needed, and the run starts after a preposition or "the" (not "my", "a"). Only on
lines written in lowercase. A place or organisation found inside the run is widened to the whole name.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right

from .chat_places import _lower_line
from .gazetteers import Gazetteers
from .lexicon import NOT_NAMES, STOP
from .merging import _coverage
from .spans import Span
from .tokens import Tok

_ORG_HEADS = frozenset(["school", "academy", "college", "high", "primary", "hospital", "hotel", "foundation", "home",
                        "pru", "trust", "nursery", "surgery", "clinic", "hall", "inn", "lodge", "club", "church",
                        "mosque", "library", "taxis", "cabs", "infirmary", "hostel", "yc"])
_PLACE_HEADS = frozenset(["centre", "center", "market", "station", "interchange", "precinct",
                          # (session 8) streets, parks and landmarks: "cardiff bay", "ness islands", "grant st"
                          "park", "bay", "islands", "island", "terminal", "st", "rd", "road", "lane", "street",
                          "avenue", "ave", "pier", "quay", "quays", "square", "gardens", "common", "grange", "hill",
                          "crescent", "terrace", "parade", "promenade", "marina", "wharf", "docks", "sq", "mall"])
# kind words inside a venue's name: they never name it alone
_KIND_WORDS = frozenset(["childrens", "children's", "youth", "community", "medical", "leisure", "shopping", "retail",
                         "bus", "train", "coach", "police", "upper", "lower", "grammar", "infant", "infants", "junior",
                         "sixth", "form", "general", "royal", "district", "city", "st", "saint", "catholic", "church",
                         "primary", "secondary", "high", "academy", "sports", "health", "family", "care", "of", "and",
                         "village", "town", "county", "memorial", "university", "teaching", "boys", "girls",
                         "great", "north", "south", "east", "west"])
# (session 8) words before a street or park head that never name it alone: "the main road", "the car park"
_NEVER_NAMING = frozenset(["main", "back", "front", "side", "long", "new", "old", "top", "bottom", "little", "big",
                           "ring", "slip", "dual", "private", "public", "country", "car", "skate", "play", "water",
                           "come", "coming", "comin", "go", "get", "see", "meet"])
# place-name elements that name a venue before its head ("the grove hotel", "the oaks academy")
_NAMING_NOUNS = frozenset(["grove", "oaks", "willows", "hollies", "beeches", "limes", "elms", "cedars", "laurels",
                           "pines", "meadows", "grange", "manor", "priory", "abbey", "towers", "bank", "vale", "dale",
                           "brook", "mill", "cross", "moor", "heath", "mount", "rise", "croft", "holme", "hurst",
                           "villa", "rose", "park", "hill", "green", "wood", "field", "fields", "bridge", "gate",
                           "castle", "view", "valley", "spring", "springs", "wells", "ford", "chapel", "church"])
_BEFORE = frozenset(["at", "to", "from", "outside", "near", "in", "by", "down", "up", "round", "around", "behind",
                     "inside", "into", "past", "the", "towards", "went", "go", "goes", "attend", "attends", "attended",
                     "going", "goin", "gone", "meet", "meeting", "visit", "visiting", "fae", "tae", "doon", "roon"])


def lowercase_venues(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    found = sorted((s for s in spans if s.label in ("LOCATION", "ORG", "PERSON")), key=lambda x: x.start)
    starts = [x.start for x in found]
    inside = bytearray(len(text) + 1)
    for s in found:
        inside[s.start:s.end] = b"\x01" * (s.end - s.start)
    out: list[Span] = []
    for i, h in enumerate(toks):
        if h.shape != "lower" or (h.key not in _ORG_HEADS and h.key not in _PLACE_HEADS) or i == 0:
            continue
        start, naming, j = None, False, i - 1
        while j >= 0 and i - j <= 4 and toks[j].shape == "lower" and text[toks[j].end:toks[j + 1].start] == " ":
            k = toks[j].key
            name_word = k not in _NEVER_NAMING and (inside[toks[j].start] or k in gaz.places1 or k in _NAMING_NOUNS or (
                k.isalpha() and len(k) >= 3 and k not in STOP and k not in NOT_NAMES and (
                    k not in gaz.words or gaz.words.get(k, 0) >= 50 or k in gaz.surnames and k in gaz.given)))
            if not name_word and k not in _KIND_WORDS and k not in _NEVER_NAMING:
                break
            naming = naming or bool(name_word)
            start = j
            j -= 1
        if start is None or not naming:
            continue
        # (session 8) a town written in lowercase inside the run shows the writer's lowercase by itself ("T is
        # gonna drop me at ashby high st"); such a run may also open a clause ("places. cardiff bay, porthcawl")
        lowered_town = any(toks[x].key in gaz.places1 and toks[x].key not in gaz.words for x in range(start, i))
        opens = j < 0 or bool(re.search(r"(?:^|[.!?,:;\n])[ \t]*$", text[max(0, toks[start].start - 3):toks[start].start]))
        if not (j >= 0 and toks[j].key in _BEFORE or lowered_town and opens):
            continue
        while start < i and toks[start].key in ("of", "and"):
            start += 1
        if start >= i or not (_lower_line(text, h.start) or lowered_town):
            continue
        s, e = toks[start].start, h.base_end
        # the spans overlapping it, by bisection over the sorted proposals (a scan of all is quadratic)
        near = found[max(0, bisect_right(starts, s) - 1):bisect_left(starts, e)]
        conf = max([x.confidence for x in near if x.start < e and s < x.end] + [0.5])
        label = "LOCATION" if h.key in _PLACE_HEADS else "ORG"
        out.append(Span(s, e, label, text[s:e], conf, "position"))
    return out


# (session 8) the kind of venue written after its name, outside it: "the blue lagoon chippy", "the golden dragon
# takeaway", "above the sahara nights shisha"; a name of two or three words, read without the kind
_OUTSIDE_HEADS = frozenset(["chippy", "takeaway", "pub", "cafe", "caff", "kebab", "offy", "restaurant", "shisha",
                            "lounge", "chinese", "indian", "pizza", "carwash", "barbers", "garage", "bar"])
_NOT_A_NAME = frozenset(["new", "old", "big", "little", "local", "nearest", "other", "same", "usual", "dodgy", "good",
                         "best", "cheap", "late", "night", "nice", "shit", "crap", "proper", "main", "first", "last",
                         "next", "one", "that", "this", "his", "her", "their", "our", "my", "your", "some", "a", "an",
                         "chip", "chicken", "fried", "burger", "kebab", "pizza", "shisha", "hookah", "sports", "gay",
                         "students", "student", "uni", "karaoke", "cocktail", "wine", "hotel", "corner", "village",
                         "town", "city", "high", "street", "road", "station", "bus", "open", "all"])


def named_before_kind(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    """A lowercase venue's name before the word for its kind, after "the": the name alone, ORG, unsure."""
    taken = _coverage(spans, len(text))
    out: list[Span] = []
    for i, h in enumerate(toks):
        if h.key not in _OUTSIDE_HEADS or h.shape != "lower" or i < 3:
            continue
        for n in (2, 3):
            first, the = i - n, i - n - 1
            if the < 0 or toks[the].key != "the":
                continue
            run = toks[first:i]
            if any(t.shape != "lower" or not t.key.isalpha() or t.key in STOP or t.key in NOT_NAMES
                   or t.key in _NOT_A_NAME or t.key in _KIND_WORDS or t.key in _OUTSIDE_HEADS for t in run):
                continue
            if any(text[a.end:b.start] != " " for a, b in zip(run, [*run[1:], h], strict=True)):
                continue
            s, e = run[0].start, run[-1].base_end
            if not any(taken[s:e]) and _lower_line(text, s):
                out.append(Span(s, e, "ORG", text[s:e], 0.5, "position"))
            break
    return out
