"""Places and venues written in lowercase in chat (issue 15, session 3): "down the arches", "at the regency",
"meet at the white hart", "the youth club at st annes". A lowercase line gives no capital to go by, so the
position does the work: a preposition of place, "the", then a rarer word that is not a generic place ("the
flats", "the precinct"), proposed below the unsure line for the researcher to decide; a pub name of the usual
shape; "st" + a name. Only on lines written in lowercase, where the capitalised rules cannot reach."""

from __future__ import annotations

from .gazetteers import Gazetteers
from .lexicon import _GENERIC_PLACE_WORDS, MONTHS, NOT_NAMES, STOP
from .merging import _coverage
from .spans import Span
from .tokens import Tok

_PLACE_PREPS = frozenset(["at", "down", "round", "around", "outside", "near", "up", "by", "behind", "in", "from",
                          "to", "towards", "past", "inside", "under"])
# where young people hang about: "down the arches", "round the regency" (not "in the", "by the": too many senses)
_HANG_PREPS = frozenset(["at", "down", "round", "around", "outside", "near", "behind", "past", "up", "from", "2"])
# (session 6) words of time that may follow a venue's name in a message: "meet at the quays saturday"
_WHEN_AFTER = frozenset(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "mon", "tues",
                         "wed", "thurs", "fri", "sat", "sun", "tmrw", "tmr", "2moro", "tomorrow", "tonight", "today",
                         "later", "after", "then", "now", "l8r", "asap", "1", "2", "3", "4", "5", "6", "7", "8", "9"])
# common nouns of places that chat writes after "the" without naming one
_GENERIC = _GENERIC_PLACE_WORDS | frozenset(
    ["flats", "precinct", "mall", "cemetery", "shops", "rec", "offy", "chippy", "station", "park", "pier", "prom",
     "bandstand", "viaduct", "junction", "underpass", "subway", "canal", "river", "woods", "field", "fields", "garages",
     "alley", "alleyway", "ginnel", "snicket", "bins", "stairs", "lift", "landing", "roof", "estate", "hospital",
     "hospice", "surgery", "clinic", "library", "gym", "pub", "club", "bar", "hotel", "cinema", "bowling", "arcade",
     "arcades", "beach", "seafront", "harbour", "docks", "quay", "market", "retail", "leisure", "centre", "center",
     "takeaway", "garage", "chemist", "bookies", "laundrette", "launderette", "playground", "swings", "basketball",
     "courts", "pitch", "pitches", "allotments", "motorway", "bypass", "roundabout", "lights", "crossing", "bridge",
     "tunnel", "square", "plaza", "piazza", "fountain", "monument", "bus", "tram", "train", "metro", "taxi", "rank",
     "hostel", "refuge", "unit", "ward", "cells", "custody", "court", "mosque", "church", "temple", "gurdwara",
     "youth", "school", "college", "uni", "nursery", "creche", "office", "offices", "warehouse", "factory",
     "industrial", "carwash", "wash", "tip", "dump", "gasworks", "quarry", "reservoir", "lake", "pond", "marina",
     "caravans", "campsite", "services", "toilets", "loos", "barbers", "salon", "nails", "vape", "corner", "cornershop",
     "weekend", "moment", "minute", "time", "end", "start", "door", "window", "gate", "wall", "fence", "van", "car",
     "party", "house", "home", "flat", "room", "kitchen", "garden", "stairwell", "block", "towers", "heights",
     "seaside", "coast", "countryside", "sea", "sticks", "shop", "airport", "hills", "moors", "moor", "valley",
     "suburbs", "outskirts", "border", "north", "south", "east", "west", "city", "village", "capital", "islands"])
_TOWN_PREPS = frozenset(["in", "to", "from", "2", "fae", "tae"])
# what follows a town in a message: its end, a word of time, or a word of going
_TOWN_AFTER = _WHEN_AFTER | frozenset(["", "most", "for", "with", "wiv", "lol", "innit", "tho", "n", "and", "x", "xx",
                                       "every", "this", "next", "last", "til", "till", "until", "at",
                                       # (session 11) "at ma grans in foxbar its pure deid", "in rathcoole wi him"
                                       "its", "it's", "is", "was", "wi", "w", "or", "but", "cos", "coz", "near", "by",
                                       "on", "aye", "ye", "yeah", "like", "yet", "anyway", "again", "too"])
_PUB_NOUNS = frozenset(["hart", "lion", "swan", "bull", "horse", "horses", "anchor", "crown", "plough", "oak", "bell",
                        "feathers", "stag", "fox", "hound", "ship", "greyhound", "falcon", "eagle", "boar", "lamb",
                        "unicorn", "dragon", "cock", "hare", "pheasant", "grapes", "mitre", "sun", "moon", "globe"])
_PUB_FIRST = frozenset(["white", "red", "black", "golden", "royal", "old", "green", "blue", "kings", "queens", "rose",
                        "grey", "brown", "spotted", "nags", "dun", "rising", "half", "fighting", "bay", "jolly"])


# words that follow "in" as a phrase, whatever the gazetteer holds ("in touch", "in time", "in charge")
_IN_PHRASES = frozenset(["touch", "time", "case", "order", "line", "charge", "care", "trouble", "fact", "public",
                         "private", "front", "part", "turn", "return", "advance", "mind", "hand", "place", "force",
                         "need", "debt", "tears", "bits", "pieces", "love", "bed", "school", "town", "prison",
                         "custody", "court", "hospital", "care", "general", "full", "short", "total", "common"])


def _lower_line(text: str, pos: int) -> bool:
    """True when the line holding ``pos`` is written in lowercase (its first letter is not a capital)."""
    start = text.rfind("\n", 0, pos) + 1
    colon = text.find(": ", start, pos)  # a chat label opens the line: look after it
    body = text[colon + 2 if colon != -1 else start:pos + 1]
    first = next((c for c in body if c.isalpha()), "")
    return first.islower()


def chat_places(text: str, toks: list[Tok], spans: list[Span], gaz: Gazetteers) -> list[Span]:
    """Lowercase named places and venues in the positions of chat, proposed unsure (0.45-0.5)."""
    cov = _coverage(spans, len(text))
    out: list[Span] = []
    n = len(toks)
    for i in range(2, n):
        t = toks[i]
        if t.shape != "lower" or not t.spaced or not toks[i - 1].spaced:
            continue
        prev, prev2 = toks[i - 1].key, toks[i - 2].key
        if cov[t.start] and prev != "st":
            continue
        nxt = toks[i + 1] if i + 1 < n else None
        nk = nxt.key if nxt is not None and nxt.spaced else ""
        if prev == "the" and prev2 in _PLACE_PREPS and nk in _PUB_NOUNS and t.key in _PUB_FIRST:
            if _lower_line(text, t.start) and not cov[nxt.start]:
                out.append(Span(t.start, nxt.base_end, "ORG", text[t.start:nxt.base_end], 0.5, "position"))
            continue
        if prev == "st" and prev2 in _PLACE_PREPS and (gaz.given.get(t.key) or gaz.given.get(t.key.rstrip("s"))):
            if _lower_line(text, t.start) and not cov[toks[i - 1].start]:  # "at st annes", "to st marys"
                s = toks[i - 1].start
                out.append(Span(s, t.base_end, "ORG", text[s:t.base_end], 0.5, "position"))
            continue
        if prev in _TOWN_PREPS and t.key.isalpha() and len(t.key) >= 4 and t.key not in gaz.words and (
                t.key not in gaz.given and t.key not in gaz.surnames and t.key not in NOT_NAMES
                and not t.key.endswith(("in", "ing", "z", "ise", "ize", "ify", "ised", "ized", "ising", "izing")) and nk in _TOWN_AFTER and _lower_line(text, t.start)):
            # (session 6) "hes away in dundalk most weeks", "takin me to notts later": a word no list knows
            out.append(Span(t.start, t.base_end, "LOCATION", text[t.start:t.base_end], 0.45, "position"))
            continue
        if prev in ("from", "in", "fae", "frae", "frm") and prev2 != "the" and t.key in gaz.places1 and t.key.isalpha() \
                and len(t.key) >= 4 and t.key not in STOP and t.key not in MONTHS and t.key not in _GENERIC \
                and t.key not in _IN_PHRASES and (
                    nk in _TOWN_AFTER or gaz.words.get(t.key, 99) > 35) and _lower_line(text, t.start):
            # (session 14) a town the gazetteer knows, in lowercase after "from"/"in": "my cuz from hull hes safe"
            out.append(Span(t.start, t.base_end, "LOCATION", text[t.start:t.base_end], 0.5, "position"))
            continue
        if prev != "the" or prev2 not in _HANG_PREPS or t.key in _GENERIC or t.key in STOP or t.key in NOT_NAMES:
            continue
        if t.key.endswith("s") and (t.key[:-1] in _GENERIC or t.key[:-2] in _GENERIC):
            continue  # "the takeaways", "the garages"
        tier = gaz.words.get(t.key, 99)
        if not t.key.isalpha() or len(t.key) < 4 or tier < 35 or (tier < 50 and not t.key.endswith("s")):
            continue  # a rare word ("the regency"), or a plural named venue ("the arches", "the hollies")
        if nk and (nk not in STOP or nk in ("of", "to")) and nk not in ("lol", "x", "xx", "tho", "innit", "n") and (
                nk not in _WHEN_AFTER):
            continue  # "the regency hotel", "the rest of": the word is not the name itself
        if _lower_line(text, t.start):
            out.append(Span(t.start, t.base_end, "LOCATION", text[t.start:t.base_end], 0.45, "position"))
    return out
