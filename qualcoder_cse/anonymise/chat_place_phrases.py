"""Named places of two or three lowercase words in chat (issue 15, session 11: LOCATION recall in chats).

A chat writes "central park", "the baths hall", "new farm", "marine parade", "cave hill", "bay st" or "kinmel
bay" without capitals, so neither the gazetteer nor the capitalised rules see a name. The shape says it: after a
preposition of place (and perhaps "the"), on a line written in lowercase, one or two words and then a head
noun that names places (park, hall, farm, parade, hill, bridge, pier, st, rd, bay, ...). Phrases whose first
word only describes ("the skate park", "the big park", "my nans flats", "the car park") are not names.
Proposed unsure, below the review screen's "sure" line, for the researcher to decide.
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import _GENERIC_PLACE_WORDS, NOT_NAMES, STOP
from .merging import _coverage
from .spans import Span

_HEADS = ("park|gardens|hall|farm|junction|roundabout|parade|hill|bridge|flats|pier|tower|towers|st|rd|lane|bay|"
          "bank|nest|head|green|square|way|close|drive|avenue|ave|crescent|terrace|row|walk|fields|common|heath|"
          "wharf|quay|point|sands|cross|gate|brow|rise|vale|dale|moor|wood|woods|estate|arches|rocks|steps|shore")
_PREP = r"(?:at|in|to|from|by|up|on|near|past|round|around|down|outside|behind|under|over|2|fae|tae|frm|wiv|w)"
_PHRASE = re.compile(rf"\b(?:{_PREP}[ \t]+)+(?:the[ \t]+)?(?P<p>(?P<w1>[a-z][a-z'’]+)(?:[ \t]+(?P<w2>[a-z][a-z'’]+))?"
                     rf"[ \t]+(?:{_HEADS}))\b(?![ \t]+(?:{_HEADS}|car|road|street|lane)\b)")
_CAPITALISED = re.compile(r"\b(?!I['’]|I\b)[A-Z][a-z]+")
_PREPS = frozenset(["at", "in", "to", "from", "by", "up", "on", "near", "past", "round", "around", "down", "outside",
                    "behind", "under", "over", "fae", "tae", "frm", "wiv", "w", "inside", "opposite", "across"])
# (session 11) a message that is only the place, answering "where r u": "central park by the skate bit"
_OPENING = re.compile(rf"(?m)^(?:[^\n]{{0,60}}?:[ \t]+)?[ \t]*(?P<p>(?P<w1>[a-z][a-z'’]+)(?:[ \t]+(?P<w2>[a-z][a-z'’]+))?"
                      rf"[ \t]+(?:{_HEADS}))(?=[ \t]*(?:$|,|[ \t](?:by|near|at|outside|innit|lol|x)\b))")
# first words that only describe a place, or own it ("my nans flats"), never name it
_DESCRIBE = frozenset(["big", "little", "lil", "small", "local", "skate", "car", "kids", "play", "back", "front",
                       "top", "bottom", "far", "near", "other", "same", "usual", "main", "next", "last", "first",
                       "nearest", "closest", "dark", "empty", "busy", "quiet", "dodgy", "nice", "good", "bad", "whole",
                       "one", "two", "that", "this", "these", "those", "every", "each", "some", "any", "no", "our",
                       "his", "her", "their", "my", "ur", "your", "ma", "me", "mi", "yer", "nans", "mums", "dads",
                       "grans", "mates", "aunties", "cousins", "bus", "train", "taxi", "school", "church", "shop",
                       "shops", "corner", "side", "end", "rear", "private", "public", "council", "multi", "retail",
                       "trading", "industrial", "business", "sports", "leisure", "football", "cricket", "tennis",
                       "bowling", "golf", "water", "boating", "country", "dog", "old", "new", "a", "an", "the", "another",
                       "such", "what", "which", "whatever", "different", "right", "wrong", "long", "short", "easy",
                       "hard", "only", "own", "whole", "half", "high", "low", "upper", "lower", "inner", "outer"])


# (session 11) a venue named in lowercase the same way: "outside chick king", "peri peri hut", "golden fry"
_VENUE_HEADS = ("hut|king|fry|fryer|grill|kebabs|pizzas|cafe|café|lounge|inn|express|spice|palace|shack|diner|bites|"
                "wings|burgers|tandoori|balti|nights|crust|spoon|plaice|vapes|barbers|cars|taxis|cabs")
_VENUE = re.compile(rf"\b(?:(?:at|to|from|outside|near|by|in|2|fae|tae|frm|wiv|w)[ \t]+)+(?:the[ \t]+)?"
                    rf"(?P<p>(?P<w1>[a-z][a-z'’]+)(?:[ \t]+(?P<w2>[a-z][a-z'’]+))?[ \t]+(?:{_VENUE_HEADS}))\b"
                    rf"(?![ \t]+(?:shop|place|van|rank|office)\b)")
_FOOD = frozenset(["fried", "chinese", "indian", "turkish", "polish", "curry", "sports", "cocktail", "shisha", "hotel",
                   "taxi", "private", "black", "white", "mini", "late", "night", "all", "day", "every", "saturday",
                   "friday", "sunday", "gaming", "karaoke", "comedy", "student", "ladies", "girls", "lads"])


def _inside_only(spans: list[Span], s: int, e: int) -> bool:
    """Every span touching ``[s, e)`` is a single-word name inside it."""
    touching = [x for x in spans if x.start < e and s < x.end]
    return all(s <= x.start and x.end <= e and x.label in ("PERSON", "LOCATION", "ORG") and " " not in x.text
               for x in touching)


def chat_place_phrases(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    if "\n" not in text and not text[:1].islower():
        return []
    cov = _coverage(spans, len(text))
    out: list[Span] = []
    found = [(m, "LOCATION") for m in _PHRASE.finditer(text)] + [(m, "ORG") for m in _VENUE.finditer(text)] + [
        (m, "LOCATION") for m in _OPENING.finditer(text)]
    for m, label in found:
        s, e = m.span("p")
        if (cov[s] or cov[e - 1]) and not _inside_only(spans, s, e):
            continue  # a name found inside the phrase ("sahara" of "sahara nights") gives way to it
        before = text[max(0, s - 200):s].rpartition("\n")[2]  # bounded: a text may be one long line
        body = before.partition(": ")[2] if ": " in before else before
        if _CAPITALISED.search(body):
            continue  # a line written with capitals: the capitalised rules read it ("big T", "I" do not count)
        words = [m.group("w1")] + ([m.group("w2")] if m.group("w2") else [])
        if any(w in _DESCRIBE or w in STOP or w in NOT_NAMES or w in _GENERIC_PLACE_WORDS or w in _PREPS
               for w in words[:1]):
            continue
        if len(words) == 2 and (words[1] in STOP or words[1] in _DESCRIBE):
            continue
        if label == "ORG" and words[0] in _FOOD:
            continue  # "the fried chicken", "a chinese takeaway": a kind of food, no venue's name
        out.append(Span(s, e, label, text[s:e], 0.45, "position"))
    return out
