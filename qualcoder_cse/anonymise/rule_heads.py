"""Organisations, places and streets found by their head word ("X Academy", "X Cars", "on X Road", "the X
estate"), looking left from the head. A mixin of ``RuleLayer``."""

from __future__ import annotations

import re

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


class HeadRules:
    """Head-word rules; expects ``self.g`` (gazetteers) and the helpers of ``RuleLayer``."""

    def _head_rule(self, text, toks, keys, i, add, upper_doc) -> None:
        """``X Academy``, ``X Road``, ``the X estate``: take the name words to the left of a head word."""
        t = toks[i]
        k = keys[i]
        if i > 0 and tuple(keys[i - 1:i + 1]) in MULTI_PAIRS:
            return  # the head starts one word earlier; handled there
        head_end = i
        for multi in ORG_MULTI_SORTED:
            L = len(multi)
            if tuple(keys[i:i + L]) == multi:
                head_end = i + L - 1
                break
        if t.shape == "upper" and not upper_doc and k not in ("abc", "fc", "cic", "uhb", "fm"):
            return
        if head_end == i and not (k in ORG_HEADS_CAP or k in self.loc_heads or k in ORG_LOWER_HEADS
                                  or k in LOC_LOWER_HEADS or k in LOWER_HEAD_OUTSIDE):
            return
        is_org = head_end > i or k in ORG_HEADS_CAP or k in ORG_LOWER_HEADS or k in LOWER_HEAD_OUTSIDE
        is_loc = head_end == i and ((k in self.loc_heads and t.cap) or k in LOC_HEADS_CAP or k in LOC_LOWER_HEADS)
        nxt = keys[head_end + 1] if head_end + 1 < len(keys) else ""
        if t.shape == "lower" and k in LOWER_HEAD_OUTSIDE:
            is_org, is_loc = True, False
        if k == "high" and nxt in ("street", "st", "road", "rd"):
            return  # "Rubery high street": the place is found on its own
        lower_ok = t.shape == "lower" and (k in ORG_LOWER_HEADS or k in LOC_LOWER_HEADS or head_end > i)
        outside = t.shape == "lower" and k in LOWER_HEAD_OUTSIDE
        if k == "police" and nxt == "station" and t.shape == "lower":
            outside, is_org, is_loc = True, False, True  # "Broadway police station": the place only
        if k == "park" and t.shape == "lower" and i > 0 and toks[i - 1].cap:
            outside, is_loc = True, True  # "Chapel Allerton park"
        if lower_ok and is_loc:
            # "on market st", "on higher bridge st": lowercase words between "on" and a street word
            for p in range(i - 1, max(-1, i - 5), -1):
                if keys[p] in STREET_PREPS or keys[p] in _AT_PREPS:
                    if p < i - 1 and all(
                        toks[x].shape == "lower" and keys[x] not in STOP and keys[x].isalpha() for x in range(p + 1, i)
                    ) and (keys[p] in STREET_PREPS or (
                        # "at queens park", "in moss side flats" (not "at the skate park", "in a car park")
                        not any(keys[x] in _GENERIC_PLACE_WORDS or self.g.words.get(keys[x], 99) < 20
                                or keys[x] in NOT_NAMES for x in range(p + 1, i))
                    )):
                        add(p + 1, head_end, "LOCATION", 0.6, "rule")
                        return
                    break
        j = i - 1
        if outside and j >= 0 and toks[j].shape == "lower" and keys[j] in GENERIC_MODIFIERS:
            j -= 1
        name_end = j
        start = None
        while j >= 0 and i - j <= 5:
            w = toks[j]
            gap = text[w.end:toks[j + 1].start] if j + 1 < len(toks) else ""
            if gap not in (" ", "") and not (is_org and gap.strip() == "&"):
                break
            # a possessive inside a name: "St Mary's RC Primary" is fine, "Kyle's school" is not
            if w.base_end != w.end and j != i - 1 and not (j > 0 and keys[j - 1] in ("st", "saint", "st.")) and (
                not toks[j + 1].cap  # "Sultan's Garden Lounge": a possessive inside a Title Case name
            ):
                break
            if w.cap and w.key not in ("the", "i") and w.key not in TITLES and w.key not in MONTHS and (
                w.key not in WEEKDAYS and w.key not in NOT_NAMES_HEAD
            ):
                if (w.key in ORG_HEADS_CAP or (w.key in LOC_HEADS_CAP and not is_org)) and j < i - 1 and w.key not in (
                        "high", "park", "hill", "green", "house", "bridge", "cross", "common", "st"):
                    break
                start = j
            elif any(c.isdigit() for c in w.text) and not w.cap:
                break
            elif w.key in ("of", "&", "and", "with", "upon", "le", "de", "la") and start is not None and is_org or w.key in ("upon", "le", "de", "la") and start is not None:
                pass
            elif lower_ok and w.shape == "lower" and w.key not in STOP and w.key not in NOT_NAMES and (
                self.g.words.get(w.key, 99) >= 50 and "'" not in w.key and "’" not in w.key  # "he'll drive"
            ):
                start = j
            elif outside and w.shape == "lower" and w.key not in STOP and w.key not in NOT_NAMES and (
                w.key not in LOWER_NAME_BLOCK and j >= name_end - 2 and w.key.isalpha()
                and self.g.words.get(w.key, 99) >= 50
            ):
                start = j  # "the golden dragon takeaway": lowercase names in chat

            elif lower_ok and w.shape == "lower" and (w.key in self.g.places1 or w.key in self.g.given) and (
                w.key not in STOP and self.g.words.get(w.key, 99) >= 35
            ):
                start = j
            else:
                break
            j -= 1
        if start is None:
            return
        while start < i and (keys[start] in ("of", "&", "and", "with", "upon", "le", "de", "la", "the")
                             or (keys[start] in STOP and (toks[start].initial or not toks[start].cap))):
            start += 1
        if start >= i:
            return
        if not (t.cap or lower_ok or outside or (toks[start].cap and head_end > i)):
            return
        name_keys = keys[start:name_end + 1]
        phrase = " ".join(keys[start:head_end + 1])
        if phrase in NATIONAL or " ".join(name_keys) in NATIONAL:
            return
        if all(nk in STOP or (nk in NOT_NAMES and not toks[start].cap) for nk in name_keys) or all(
            nk in NOT_NAMES for nk in name_keys
        ) and head_end == i:
            return
        while start < name_end and toks[start].initial and keys[start].endswith(("ed", "ing")) and (
            keys[start] in self.g.words
        ):
            start += 1  # "Visited Castle View Academy"
        while start <= name_end and toks[start].cap and self.g.words.get(keys[start], 99) <= 20 and (
            start + 1 <= i and not toks[start + 1].cap
        ):
            start += 1  # "Because taxis..."
        if start > name_end and not (head_end > i or t.cap):
            return
        if start <= name_end and not toks[start].cap and self.g.words.get(keys[start], 99) <= 35:
            return
        if outside:
            while name_end > start and keys[name_end] in CUISINES:
                name_end -= 1  # "the Lucky Star Chinese takeaway"
        if is_loc and outside:
            add(start, name_end, "LOCATION", 0.75, "rule")
            return
        if is_loc:
            if len(name_keys) == 1 and name_keys[0] in LOC_HEAD_EXCLUDE_PREV:
                return
            if k == "estate" and not toks[start].cap and self.g.words.get(keys[start], 99) <= 35:
                return
            s = start
            if s > 0 and re.fullmatch(r"\d{1,4}[a-zA-Z]?", toks[s - 1].text) and toks[s].start - toks[s - 1].end <= 1:
                s -= 1  # a house number: "14 Elm Road"
                if s > 1 and keys[s - 2] == "flat" and re.fullmatch(r"\d{1,4}[a-zA-Z]?", toks[s - 1].text):
                    s -= 2
            add(s, head_end, "LOCATION", 0.85 if t.cap else 0.65, "rule")
            return
        if outside:
            add(start, name_end, "ORG", 0.75, "rule")  # "the Golden Fry chip shop": the name only
            return
        if head_end == i and k in WEAK_ORG_HEADS and len(name_keys) == 1 and (
            self.g.words.get(name_keys[0], 99) <= 20
        ) and (toks[start].initial or self.g.words.get(name_keys[0], 99) <= 10) and not (
            # "Piece Hall", "Page Hall": a capitalised word mid-sentence before the head names it
            toks[start].shape == "title" and not toks[start].initial and t.cap and name_keys[0] not in _GENERIC_HEAD_MODS
        ):
            return
        add(start, head_end, "ORG", 0.85 if t.cap else 0.7, "rule")


# words that make "X Hall", "X Club" a kind of place rather than its name ("the Town Hall", "the Sports Hall")
_GENERIC_HEAD_MODS = frozenset(
    ["town", "village", "sports", "dining", "church", "main", "great", "city", "youth", "community", "school",
     "assembly", "concert", "bingo", "pool", "snooker", "function", "drill", "market", "county", "parish", "boys",
     "girls", "social", "working", "mens", "men's", "football", "rugby", "cricket", "golf", "night", "local", "new"]
)
