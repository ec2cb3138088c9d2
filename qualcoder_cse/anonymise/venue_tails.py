"""Takeaways, cafés and lounges named in lowercase chat by two words whose last says what they sell or are like
(issue 15, session 9): "outside chicken king", "at the golden spoon", "to spice hut", "the sahara lounge",
"from zaika grill", "cloud nine" is not one (no such tail), "the pizza hut" is a chain, not a place to remove.

The pair must follow a word of place ("at", "outside", "to", "near", "from", "by", "above", "behind", "in",
"round"), with or without "the", on a line written in lowercase; its first word must not be a determiner, a
number or a word that only describes ("new", "local", "beer" garden).

``named_venues`` finds the same in capitals ("Castle Fry on the High Street", "Lucky Wok"; not "Burger King"), a
club or salon with its kind after it ("Level nightclub", "Zagros barbers"), "Mr Crispy's", "Cloud 9 Lounge" and
Welsh houses ("Tŷ Celyn", "Ty Enfys").
"""

from __future__ import annotations

import re

from .chat_places import _lower_line
from .lexicon import NOT_NAMES, STOP
from .merging import _coverage
from .spans import Span
from .tokens import Tok

_TAILS = frozenset(["palace", "king", "kings", "hut", "spoon", "fry", "fryer", "lounge", "dragon", "garden", "crust",
                    "grill", "shack", "kebabs", "kebab", "wraps", "express", "kitchen", "diner", "plaice", "wok",
                    "cottage", "villa", "fusion", "pizzeria", "chippy", "cafe", "caff", "bites", "burger", "burgers",
                    "chicken", "noodles", "peri", "spice", "tandoori", "balti", "dhaba", "mahal", "fish", "express",
                    "nails", "barbers", "barber", "salon", "tattoo", "tattoos", "vapes", "inn"])
_CHAINS = frozenset([("pizza", "hut"), ("burger", "king"), ("pizza", "express"), ("chicken", "cottage"),
                     ("five", "guys"), ("nandos", "peri"), ("subway", "express"), ("fish", "kitchen")])
_ON_STREET = re.compile(r" on [a-z]+ (?:st|rd|road|street|lane|ave|avenue)\b")
_NOT_PLACE_AFTER = frozenset(["On", "In", "At", "And", "The", "By", "Near", "Is", "Was", "Has", "Had"])
_PLACE_WORDS = frozenset(["at", "outside", "to", "near", "from", "by", "above", "behind", "in", "round", "around",
                          "opposite", "inside", "past", "wiv", "with"])
_NOT_FIRST = frozenset(["new", "old", "local", "nearest", "usual", "same", "other", "beer", "back", "front", "big",
                        "little", "best", "cheap", "good", "nice", "dodgy", "late", "night", "chip", "fried", "hot",
                        "fast", "takeaway", "kebab", "secret", "community", "market", "school", "main", "top",
                        "bottom", "whole", "open", "rose", "herb", "vegetable", "veg", "tea", "pub", "his", "her",
                        "my", "ur", "your", "their", "our", "a", "an", "some", "this", "that", "chinese", "indian",
                        "italian", "turkish", "kitchen", "his", "any", "every", "no", "one", "two", "shisha", "nail",
                        "hair", "beauty", "vape", "local"])


# (session 9) a takeaway named as a person would be ("Mr Wraps", "mr crispy's") and a venue with a number in its name
# ("Cloud 9 Lounge", "Club 21")
_MR_FOOD = re.compile(r"\b(?:[Mm]r\.?|MR) (?P<food>(?:[Ww]raps?|[Cc]rispy|[Cc]hicken|[Kk]ebabs?|[Pp]izza|[Cc]hips?|[Ff]ish|"
                      r"[Ff]ry|[Gg]rill|[Bb]urgers?|[Nn]oodles?|[Ss]pud|[Tt]asty|[Ww]hippy|[Cc]od|[Pp]eri|[Ww]ok|"
                      r"[Ss]ub|[Ss]ize|[Dd]onuts?|[Ss]hake)(?:['’]s)?)(?P<more>(?: [A-Z][a-z]+)?)(?![\w'’])")
# (session 9) a takeaway named in capitals by its tail word ("Castle Fry on the High Street", "Chicken King",
# "Lucky Wok"; chains such as "Burger King", "Pizza Hut" left), and a named club or salon with its kind written
# after it in lowercase ("Level nightclub", "Zagros barbers": the kind inside, so either way of marking is covered)
_CAP_TAIL = re.compile(r"\b(?P<n>[A-Z][a-z]+) (?:Fry|Fryer|Spoon|King|Hut|Wok|Grill|Palace|Lounge|Express|Kitchen|Kebabs?|"
                       r"Plaice|Dragon|Crust|Shack|Diner|Bites|Pizzeria|Nails|Barbers)\b")
_CAP_CHAINS = frozenset(["burger king", "pizza hut", "pizza express", "chicken cottage", "the king", "lion king",
                         "the palace", "the lounge", "the grill", "the kitchen", "the express"])
_KIND_AFTER = re.compile(r"\b(?P<n>[A-Z][a-z]+(?: [A-Z][a-z]+)?) (?:nightclub|night club|barbers|barber's|barbershop|"
                         r"salon|nail bar|beauty salon|tattoo parlour|snooker hall|gym)\b")
_NOT_NAME_FIRST = frozenset(["the", "a", "an", "this", "that", "our", "their", "his", "her", "my", "local", "new", "old",
                             "big", "one", "another", "every", "any", "some", "no"])
# (session 9) a Welsh house, home or project named "Tŷ ...": "Tŷ Celyn", "Ty Enfys" (not "Ty Campbell", a person)
_WELSH_HOUSE = re.compile(r"\b(?P<ty>T[ŷy]) (?P<name>[A-Z][a-zâêîôûŵŷ]+(?: [A-Z][a-zâêîôûŵŷ]+)?)\b")
_NUMBERED_VENUE = re.compile(r"\b(?:[A-Z][a-z]+ )?[A-Z][a-z]+ \d{1,3} (?:Lounge|Bar|Club|Cafe|Café|Grill|Diner|Shisha)\b")


def named_venues(text: str, gaz) -> list[Span]:
    """Capitalised takeaways by their tail word, clubs and salons with their kind, and Welsh houses ("Tŷ ...")."""
    out = []
    for m in _CAP_TAIL.finditer(text):
        if m.group().lower() not in _CAP_CHAINS and m.group("n").lower() not in _NOT_NAME_FIRST:
            out.append(Span(m.start(), m.end(), "ORG", m.group(), 0.6, "position"))
    for m in _KIND_AFTER.finditer(text):
        if m.group("n").split()[0].lower() not in _NOT_NAME_FIRST:
            out.append(Span(m.start(), m.end(), "ORG", m.group(), 0.55, "position"))
    for m in _WELSH_HOUSE.finditer(text):
        first = m.group("name").split()[0].casefold()
        if m.group("ty") == "Ty" and (first in gaz.surnames or first in gaz.words):
            continue
        out.append(Span(m.start(), m.end(), "ORG", m.group(), 0.6, "position"))
    return out


def venue_tails(text: str, toks: list[Tok], spans: list[Span]) -> list[Span]:
    taken = _coverage(spans, len(text))
    out: list[Span] = []
    for m in _MR_FOOD.finditer(text):
        e = m.end() if m.group("more") and m.group("more").strip() not in _NOT_PLACE_AFTER else m.end("food")
        out.append(Span(m.start(), e, "ORG", text[m.start():e], 0.6, "position"))
    for m in _NUMBERED_VENUE.finditer(text):
        out.append(Span(m.start(), m.end(), "ORG", m.group(), 0.6, "position"))
    for i in range(2, len(toks)):
        tail, first = toks[i], toks[i - 1]
        if tail.key not in _TAILS or tail.shape != "lower" or first.shape != "lower" or not first.key.isalpha():
            continue
        if first.key in _NOT_FIRST or first.key in STOP or first.key in NOT_NAMES or first.key == tail.key \
                or (first.key, tail.key) in _CHAINS or text[first.end:tail.start] != " ":
            continue
        j = i - 2
        if toks[j].key == "the" and j >= 1 and text[toks[j].end:first.start] == " ":
            j -= 1
        on_street = _ON_STREET.match(text, tail.base_end) is not None  # "golden spoon on oxford st"
        if (toks[j].key not in _PLACE_WORDS and not on_street) or "\n" in text[toks[j].end:first.start]:
            continue
        s, e = first.start, tail.base_end
        # a word-name read as a person alone is the venue's first word here: "at jade garden"
        person = next((x for x in spans if x.start == s and x.end == first.base_end and x.label == "PERSON"), None)
        if any(taken[first.base_end:e]) or (taken[s] and person is None) or not _lower_line(text, s):
            continue
        out.append(Span(s, e, "ORG", text[s:e], 0.5, "position"))
    return out
