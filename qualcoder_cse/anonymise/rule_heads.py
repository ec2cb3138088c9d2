"""Organisations, places and streets found by their head word ("X Academy", "X Cars", "on X Road", "the X
estate"), looking left from the head. A mixin of ``RuleLayer``."""

from __future__ import annotations

import re
from dataclasses import dataclass

from .lexicon import (
    _AT_PREPS,
    _GENERIC_PLACE_WORDS,
    CUISINES,
    GENERIC_MODIFIERS,
    LOC_HEAD_EXCLUDE_PREV,
    LOC_HEADS_CAP,
    LOC_LOWER_HEADS,
    LOWER_HEAD_OUTSIDE,
    LOWER_NAME_BLOCK,
    MONTHS,
    MULTI_PAIRS,
    NATIONAL,
    NOT_NAMES,
    NOT_NAMES_HEAD,
    ORG_HEADS_CAP,
    ORG_LOWER_HEADS,
    ORG_MULTI_SORTED,
    STOP,
    STREET_PREPS,
    TITLES,
    WEAK_ORG_HEADS,
    WEEKDAYS,
)

_STREET_HEADS = frozenset(["road", "rd", "street", "lane", "avenue", "ave", "close", "drive", "crescent", "grove",
                           "gardens", "terrace", "way", "square", "mews", "row", "walk"])


_STRONG_STREETS = frozenset(["st", "rd", "street", "road", "lane", "avenue", "ave", "crescent", "terrace"])
_STREET_LEADS = frozenset(["meet", "meeting", "tmrw", "tomorrow", "tonight", "2nite", "tonite", "2moro", "then"])
_CLOCK = re.compile(r"\d{1,2}(?:[:.]\d{2})?(?:am|pm)|\d{1,2}[:.]\d{2}")


@dataclass(frozen=True)
class _Head:
    """What the head word at ``i`` makes of the words before it."""

    i: int
    end: int  # last token of the head ("Youth Zone" ends one word later)
    is_org: bool
    is_loc: bool
    lower_ok: bool  # a lowercase head that names a place or organisation in chat ("on market st")
    outside: bool  # the head stays outside the span ("the Golden Fry chip shop": the name only)


class HeadRules:
    """Head-word rules; expects ``self.g`` (gazetteers) and the helpers of ``RuleLayer``."""

    def _head_rule(self, text, toks, keys, i, add, upper_doc) -> None:
        """``X Academy``, ``X Road``, ``the X estate``: take the name words to the left of a head word."""
        head = self._head_kind(toks, keys, i, upper_doc)
        if head is None:
            return
        if head.lower_ok and head.is_loc and self._lower_street(toks, keys, head, add):
            return
        found = self._name_before_head(text, toks, keys, head)
        if found is None:
            return
        start, name_end = found
        self._add_headed(toks, keys, head, start, name_end, add)

    def _head_kind(self, toks, keys, i, upper_doc) -> _Head | None:
        """Whether the token at ``i`` is a head word, where the head ends and what kind of name it makes."""
        t = toks[i]
        k = keys[i]
        if i > 0 and tuple(keys[i - 1:i + 1]) in MULTI_PAIRS:
            return None  # the head starts one word earlier; handled there
        head_end = i
        for multi in ORG_MULTI_SORTED:
            if tuple(keys[i:i + len(multi)]) == multi:
                head_end = i + len(multi) - 1
                break
        if t.shape == "upper" and not upper_doc and k not in ("abc", "fc", "cic", "uhb", "fm"):
            return None
        if head_end == i and not (k in ORG_HEADS_CAP or k in self.loc_heads or k in ORG_LOWER_HEADS
                                  or k in LOC_LOWER_HEADS or k in LOWER_HEAD_OUTSIDE):
            return None
        is_org = head_end > i or k in ORG_HEADS_CAP or k in ORG_LOWER_HEADS or k in LOWER_HEAD_OUTSIDE
        is_loc = head_end == i and ((k in self.loc_heads and t.cap) or k in LOC_HEADS_CAP or k in LOC_LOWER_HEADS)
        nxt = keys[head_end + 1] if head_end + 1 < len(keys) else ""
        if t.shape == "lower" and k in LOWER_HEAD_OUTSIDE:
            is_org, is_loc = True, False
        if k == "high" and nxt in ("street", "st", "road", "rd"):
            return None  # "Rubery high street": the place is found on its own
        lower_ok = t.shape == "lower" and (k in ORG_LOWER_HEADS or k in LOC_LOWER_HEADS or head_end > i)
        outside = t.shape == "lower" and k in LOWER_HEAD_OUTSIDE
        if k == "police" and nxt == "station" and t.shape == "lower":
            outside, is_org, is_loc = True, False, True  # "Broadway police station": the place only
        if k == "park" and t.shape == "lower" and i > 0 and toks[i - 1].cap:
            outside, is_loc = True, True  # "Chapel Allerton park"
        return _Head(i, head_end, is_org, is_loc, lower_ok, outside)

    def _lower_street(self, toks, keys, head: _Head, add) -> bool:
        """"on market st", "on higher bridge st": lowercase words between "on" and a street word."""
        i = head.i
        for p in range(i - 1, max(-1, i - 5), -1):
            if keys[p] in STREET_PREPS or keys[p] in _AT_PREPS:
                if p < i - 1 and all(
                    toks[x].shape == "lower" and keys[x] not in STOP and keys[x].isalpha() for x in range(p + 1, i)
                ) and (keys[p] in STREET_PREPS or (
                    # "at queens park", "in moss side flats" (not "at the skate park", "in a car park")
                    not any(keys[x] in _GENERIC_PLACE_WORDS or self.g.words.get(keys[x], 99) < 20
                            or keys[x] in NOT_NAMES for x in range(p + 1, i))
                )):
                    add(p + 1, head.end, "LOCATION", 0.6, "rule")
                    return True
                break
        # (session 12) a street said alone, after a time or "meet": "bay st above the bookies", "tmrw 9pm old kent
        # rd", "meet cargo fleet lane 9"
        if keys[i] in _STRONG_STREETS:
            for n in (3, 2, 1):
                p = i - n - 1
                if p < -1 or not all(toks[x].shape == "lower" and keys[x].isalpha() and keys[x] not in STOP
                                     and keys[x] not in _GENERIC_PLACE_WORDS and keys[x] not in _STREET_LEADS
                                     for x in range(p + 1, i)):
                    continue
                if toks[p + 1].initial or (p >= 0 and (keys[p] in _STREET_LEADS or _CLOCK.fullmatch(keys[p]))):
                    add(p + 1, head.end, "LOCATION", 0.5, "rule")
                    return True
        return False

    def _name_word(self, text, toks, keys, j, head: _Head, name_end: int, started: bool) -> str:
        """Whether the word at ``j`` (walking left from the head) is part of the name: "name", "skip" (a
        joining word such as "of", "&") or "stop"."""
        i = head.i
        w = toks[j]
        gap = text[w.end:toks[j + 1].start] if j + 1 < len(toks) else ""
        if gap not in (" ", "") and not (head.is_org and gap.strip() == "&"):
            return "stop"
        # a possessive inside a name: "St Mary's RC Primary" is fine, "Kyle's school" is not
        if w.base_end != w.end and j != i - 1 and not (j > 0 and keys[j - 1] in ("st", "saint", "st.")) and (
            not toks[j + 1].cap  # "Sultan's Garden Lounge": a possessive inside a Title Case name
        ):
            return "stop"
        if w.shape == "upper" and w.key in STOP and w.key not in ("of", "and", "upon", "le", "de", "la", "st", "the"):
            return "stop"  # (session 14) capitals: "AT INGRID'S ON ST OLAF STREET" is "ST OLAF STREET"
        titled_street = w.key in TITLES and j == i - 1 and head.is_loc and keys[i] in _STREET_WORDS  # "Lord Street"
        if w.cap and w.key not in ("the", "i") and (w.key not in TITLES or titled_street) and w.key not in MONTHS and (
            w.key not in WEEKDAYS and (w.key not in NOT_NAMES_HEAD or w.key != "the" and j == i - 1 and head.is_loc
                                       and keys[i] in _STREET_WORDS)  # (session 11) "Academy Street"
        ):
            if (w.key in ORG_HEADS_CAP or (w.key in LOC_HEADS_CAP and not head.is_org)) and j < i - 1 and (
                    w.key not in ("high", "park", "hill", "green", "house", "bridge", "cross", "common", "st")):
                return "stop"  # another head: a second name begins there
            return "name"
        if any(c.isdigit() for c in w.text) and not w.cap:
            return "stop"
        if started and (w.key in ("of", "&", "and", "with", "upon", "le", "de", "la") and head.is_org
                        or w.key in ("upon", "le", "de", "la")):
            return "skip"
        common = self.g.words.get(w.key, 99)
        if w.shape != "lower" or w.key in STOP:
            return "stop"
        if head.lower_ok and head.is_org and w.key in _INNER_PLACE_WORDS and j == i - 1 and j > 0 and (
                toks[j - 1].shape == "lower" and (keys[j - 1] in self.g.places1 or keys[j - 1] not in self.g.words)):
            return "name"  # "rochester road academy", "falinge park high": a school named after its street
        if head.lower_ok and w.key not in NOT_NAMES and common >= 50 and "'" not in w.key and "’" not in w.key:
            return "name"  # not "he'll drive"
        if head.outside and w.key not in NOT_NAMES and w.key not in LOWER_NAME_BLOCK and j >= name_end - 2 and (
                w.key.isalpha() and common >= 50):
            return "name"  # "the golden dragon takeaway": lowercase names in chat
        if head.lower_ok and (w.key in self.g.places1 or w.key in self.g.given) and common >= 35:
            return "name"
        return "stop"

    def _name_before_head(self, text, toks, keys, head: _Head) -> tuple[int, int] | None:
        """The first and last token of the name before the head, or None when there is no name."""
        i = head.i
        j = i - 1
        if head.outside and j >= 0 and toks[j].shape == "lower" and keys[j] in GENERIC_MODIFIERS:
            j -= 1
        name_end = j
        start = None
        reach = 7 if head.is_org else 5  # (session 9) "South Eastern Health and Social Care Trust"
        while j >= 0 and i - j <= reach:
            verdict = self._name_word(text, toks, keys, j, head, name_end, start is not None)
            if verdict == "stop":
                break
            if verdict == "name":
                start = j
            j -= 1
        if start is None:
            return None
        while start < i and (keys[start] in ("of", "&", "and", "with", "upon", "le", "de", "la", "the")
                             or (keys[start] in STOP and (toks[start].initial or not toks[start].cap))):
            start += 1
        if start >= i:
            return None
        t = toks[i]
        if not (t.cap or head.lower_ok or head.outside or (toks[start].cap and head.end > i)):
            return None
        name_keys = keys[start:name_end + 1]
        phrase = " ".join(keys[start:head.end + 1])
        if phrase in NATIONAL or " ".join(name_keys) in NATIONAL:
            return None
        street_name = head.is_loc and keys[i] in _STREET_WORDS and t.cap and toks[start].cap and (
            not toks[start].initial or _TIME_BEFORE.search(text, max(0, toks[start].start - 8), toks[start].start)
        ) and not any(nk in STOP for nk in name_keys)  # "at Station Road", "19:25 Station Road by the station"
        if all(nk in STOP or (nk in NOT_NAMES and not toks[start].cap) for nk in name_keys) or all(
            nk in NOT_NAMES for nk in name_keys
        ) and head.end == i and not street_name:
            return None
        while start < name_end and toks[start].initial and keys[start].endswith(("ed", "ing")) and (
            keys[start] in self.g.words
        ):
            start += 1  # "Visited Castle View Academy"
        while start <= name_end and toks[start].cap and self.g.words.get(keys[start], 99) <= 20 and (
            start + 1 <= i and not toks[start + 1].cap
        ):
            start += 1  # "Because taxis..."
        if start > name_end and not (head.end > i or t.cap):
            return None
        if start <= name_end and not toks[start].cap and self.g.words.get(keys[start], 99) <= 35:
            return None
        return start, name_end

    def _add_headed(self, toks, keys, head: _Head, start: int, name_end: int, add) -> None:
        """Add the span with its label: a place (with its house number), or an organisation with or without
        its head."""
        i = head.i
        t = toks[i]
        name_keys = keys[start:name_end + 1]
        if head.outside:
            while name_end > start and keys[name_end] in CUISINES:
                name_end -= 1  # "the Lucky Star Chinese takeaway"
        if head.is_loc and head.outside:
            add(start, name_end, "LOCATION", 0.75, "rule")
            return
        if head.is_loc:
            if len(name_keys) == 1 and name_keys[0] in LOC_HEAD_EXCLUDE_PREV and not (
                    keys[i] in _STREET_HEADS and toks[start].cap and t.cap):  # "Railway Road", "High Street" are streets
                return
            if keys[i] == "estate" and not toks[start].cap and self.g.words.get(keys[start], 99) <= 35:
                return
            s = start
            if s > 0 and re.fullmatch(r"\d{1,4}[a-zA-Z]?", toks[s - 1].text) and toks[s].start - toks[s - 1].end <= 1 \
                    and not (s > 1 and toks[s - 2].text.isdigit() and toks[s - 1].start - toks[s - 2].end == 1
                             and not toks[s - 1].spaced):
                s -= 1  # a house number: "14 Elm Road" (not a time's minutes: "19:40 Clock Tower")
                if s > 1 and keys[s - 2] == "flat" and re.fullmatch(r"\d{1,4}[a-zA-Z]?", toks[s - 1].text):
                    s -= 2
            add(s, head.end, "LOCATION", 0.85 if t.cap else 0.65, "rule")
            return
        if head.outside:
            add(start, name_end, "ORG", 0.75, "rule")  # "the Golden Fry chip shop": the name only
            return
        if head.end == i and keys[i] in WEAK_ORG_HEADS and len(name_keys) == 1 and (
            self.g.words.get(name_keys[0], 99) <= 20
        ) and (toks[start].initial or self.g.words.get(name_keys[0], 99) <= 10) and not (
            # "Piece Hall", "Page Hall": a capitalised word mid-sentence before the head names it
            toks[start].shape == "title" and not toks[start].initial and t.cap and name_keys[0] not in _GENERIC_HEAD_MODS
        ):
            return
        add(start, head.end, "ORG", 0.85 if t.cap else 0.7, "rule")


_TIME_BEFORE = re.compile(r"(?:^|\n)[ \t]*\d{1,2}[:.]\d{2}[ \t]+$")  # a field note's entry time opens the line

# words of a street or place inside a lowercase school's name, after a place name
_INNER_PLACE_WORDS = frozenset(["road", "street", "lane", "park", "hill", "green", "avenue", "grange", "vale"])

# street words: a capitalised ordinary word before one names the street ("Station Road", "School Lane")
_STREET_WORDS = frozenset(["road", "street", "lane", "avenue", "terrace", "crescent", "grove", "drive", "close",
                           "esplanade", "promenade", "parade", "boulevard"])  # "Eastern Esplanade" (session 6)

# words that make "X Hall", "X Club" a kind of place rather than its name ("the Town Hall", "the Sports Hall")
_GENERIC_HEAD_MODS = frozenset(
    ["town", "village", "sports", "dining", "church", "main", "great", "city", "youth", "community", "school",
     "assembly", "concert", "bingo", "pool", "snooker", "function", "drill", "market", "county", "parish", "boys",
     "girls", "social", "working", "mens", "men's", "football", "rugby", "cricket", "golf", "night", "local", "new"]
)
