"""Gazetteer and context rules over tokens: names (with frequency-aware handling of names that are also
words), titles ("PC X", "Mrs X"), cue phrases ("my name is X", "called X"), places, streets, estates,
addresses, and organisations by their head word ("X Academy", "X Taxis", "the X hotel").

Everything is plain dictionary look-ups on a regex tokenisation, so it runs far faster than the NER layer.
"""

from __future__ import annotations

import re
from collections import Counter

from .gazetteers import Gazetteers
from .lexicon import (
    _AT_PREPS,
    _CONTRACTION,
    _GENERIC_PLACE_WORDS,
    _HEADER_CUE,
    _QUOTED_NICK,
    _SPEAKER,
    AMBIGUOUS_35,
    CONNECTORS,
    CUES_BY_LAST,
    KIN_CUES,
    LOC_HEAD_BLOCK,
    LOC_HEADS_CAP,
    LOC_LOWER_HEADS,
    LOWER_HEAD_OUTSIDE,
    LOWER_TITLES,
    MONTHS,
    MULTI_FIRST,
    NATIONAL,
    NOT_NAMES,
    ORG_HEADS_CAP,
    ORG_KNOWN,
    ORG_KNOWN_FIRST,
    ORG_LOWER_HEADS,
    PLACE_CUES,
    PREP_PLACE,
    RANKS,
    ROLE_UPPER,
    ROLE_WORDS,
    STOP,
    TITLES,
    WEEKDAYS,
)
from .rule_heads import HeadRules
from .rule_nicknames import NicknameRules
from .rule_tokens import TokenRules
from .spans import Span, fold
from .tokens import Pass, Tok, tokenize

__all__ = ["MONTHS", "NATIONAL", "NOT_NAMES", "PREP_PLACE", "RANKS", "ROLE_UPPER", "ROLE_WORDS", "STOP", "TITLES", "WEEKDAYS", "RuleLayer", "Tok", "tokenize"]


_COLOURS = frozenset(["blue", "green", "red", "orange", "purple", "yellow", "pink", "grey", "gray", "black", "white",
                      "brown", "gold", "silver", "teal", "lilac"])


_NICKNAME_CUES = ("known as", "alias", "aka", "preferred name", "also known as", "nickname", "street name", "goes by")


_STREET_AFTER_TITLE = frozenset(["street", "st", "road", "rd", "lane", "avenue", "ave", "square", "place", "terrace",
                                 "crescent", "gardens", "close", "drive", "way", "row", "walk", "hill", "park"])


class RuleLayer(HeadRules, NicknameRules, TokenRules):
    """Proposes spans from gazetteers and context; see the module docstring."""

    def __init__(self, gaz: Gazetteers) -> None:
        self.g = gaz
        self._del_index: set[str] | None = None
        # capitalised street and place heads: the hand list plus OS street-type words, minus generic ones
        self.loc_heads = LOC_HEADS_CAP | {"bay", "quays", "marina", "docks"} | (gaz.street_suffixes - LOC_HEAD_BLOCK)
        self._popular: set[str] = set()

    # ---------------------------------------------------------------- name scoring
    def given_score(self, t: Tok, upper_doc: bool) -> float:
        """How likely a token is a person's name from the lists and its shape alone (0 = not at all)."""
        k = t.key
        if len(k) < 2 or k in STOP or k in NOT_NAMES or k in MONTHS or k in WEEKDAYS or not k[0].isalpha():
            return 0.0
        if k in RANKS and t.shape != "lower":
            return 0.0  # "Sergeant", "Inspector": a rank is not the name after it
        if "-" in k and k not in self.g.given and t.shape != "lower":
            # "Smith-Jones", "Jean-Baptiste": a name when its parts are names
            parts = [p for p in k.split("-") if p]
            if len(parts) >= 2 and all(p in self.g.given or p in self.g.surnames for p in parts) and not all(
                self.g.words.get(p, 99) <= 20 for p in parts
            ):
                return 0.8 if not t.initial else 0.6
            return 0.0
        if ("'" in k or "’" in k) and (_CONTRACTION.search(k) or not re.match(r"^[a-z]['’][a-z]{3,}", k)):
            return 0.0  # I'm, she'll, don't (but O'Brien, D'Souza)
        if t.shape == "upper" and not upper_doc and (len(k) <= 4 or self.g.words.get(k, 99) <= 35):
            return 0.0  # CID, MASH, SIO, GREEN
        if t.shape == "upper" and upper_doc:
            t = Tok(t.text, t.start, t.end, k, t.base_end, "lower", t.initial, t.spaced)
        g = self.g.given.get(k)
        s = self.g.surnames.get(k.replace("'", "").replace("-", "").replace("’", ""))
        tier = self.g.words.get(k)
        cap = t.cap and not (upper_doc and t.shape == "upper")
        if g:
            uk, us = g
            popular = uk >= 20 or us >= 1000
            if cap:
                if tier is None or tier >= 50:
                    return 0.9 if not t.initial else (0.8 if popular else 0.5)
                return 0.0 if t.initial else 0.65
            if tier is None:
                if popular and len(k) >= 3:
                    return 0.8
                if uk >= 3 and len(k) >= 4:
                    return 0.45
                return 0.0
            if tier >= 50 and uk >= 200:
                return 0.65
            if tier in (35, 40) and uk >= 1000 and k not in AMBIGUOUS_35:
                return 0.55
            return 0.0
        if s:
            if cap and not t.initial:
                if tier is None:
                    return 0.8 if s >= 100 else 0.55
                return 0.5 if tier >= 50 else (0.35 if tier >= 35 else 0.0)
            if cap and t.initial and tier is None and s >= 1000:
                return 0.55
        return 0.0

    def is_name_word(self, t: Tok) -> bool:
        k = t.key
        if k in STOP or k in MONTHS or k in WEEKDAYS or k in NOT_NAMES:
            return False
        return k in self.g.given or k.replace("'", "").replace("-", "") in self.g.surnames


    # ---------------------------------------------------------------- main pass
    def find(self, text: str, toks: list[Tok] | None = None, *, upper_doc: bool | None = None) -> list[Span]:
        toks = toks if toks is not None else tokenize(text)
        if upper_doc is None:
            letters = [c for c in text[:5000] if c.isalpha()]
            upper_doc = bool(letters) and sum(c.isupper() for c in letters) > 0.6 * len(letters)
        c = Pass(text, toks, upper_doc)
        self._titles_and_heads(c)
        self._cue_phrases(c)
        self._nickname_cues(text, toks, c.keys, c.used, c.add, upper_doc)
        self._street_names(c)
        self._labels_and_headers(c)
        self._known_orgs(c)
        self._multi_places(c)
        self._single_tokens(c)
        return c.out

    def _titles_and_heads(self, c: Pass) -> None:
        """Organisations and places by head word (looking left from it); titles ("PC Smith", "Mrs jones")."""
        text, toks, keys, n, add, upper_doc = c.text, c.toks, c.keys, c.n, c.add, c.upper_doc
        for i, t in enumerate(toks):
            k = keys[i]
            # ---- organisations and places by head word (look left from the head)
            if k in ORG_HEADS_CAP or k in self.loc_heads or k in ORG_LOWER_HEADS or k in LOC_LOWER_HEADS or (
                k in MULTI_FIRST or k in LOWER_HEAD_OUTSIDE
            ):
                self._head_rule(text, toks, keys, i, add, upper_doc)
            # ---- titles: "PC Smith", "Mrs jones", "Sgt Ireland" (a listed word that is a surname too)
            if k in TITLES and i + 1 < n and (t.cap or k in LOWER_TITLES) and not (
                t.text == "MS" and not upper_doc  # "MS Teams"
            ):
                j = i + 1
                while j + 1 < n and keys[j] in RANKS and toks[j].cap and j - i < 5:
                    j += 1  # "Acting Detective Chief Inspector Okafor"; a run of titles is no name (hostile text)
                nt = toks[j]
                gap = text[t.end:nt.start]
                kin_nick = k in ("uncle", "auntie", "aunty") and t.shape == "title"  # "called Uncle."
                if nt.key in _STREET_AFTER_TITLE and nt.cap and j == i + 1:
                    continue  # (session 9) "on Lord Street", "Dean Road": a street named with a title's word
                if nt.start - t.end <= 2 and ":" not in gap and (kin_nick or ("\n" not in gap and ")" not in gap)) and (
                    nt.key not in STOP) and (
                    nt.key not in NOT_NAMES or (nt.cap and self.g.surnames.get(nt.key, 0) >= 1000)) and (
                    nt.cap or (nt.shape == "lower" and self.g.words.get(nt.key, 99) >= 35)
                    or (nt.shape == "lower" and self.g.given.get(nt.key, (0, 0))[0] >= 500)
                ) and nt.key.isalpha() is not False:
                    end = j
                    while end + 1 < n and self._joins(toks[end], toks[end + 1], upper_doc):
                        end += 1
                    if k in ("uncle", "auntie", "aunty") and t.shape == "title":
                        j = i  # "Uncle Vic" is the nickname itself
                    if nt.key not in RANKS:
                        add(j, end, "PERSON", 0.9)

    def _cue_phrases(self, c: Pass) -> None:
        """Cue phrases: "my name is X", "called X", "my cuz X"."""
        toks, keys, n, used, add, upper_doc = c.toks, c.keys, c.n, c.used, c.add, c.upper_doc
        # ---- cue phrases: "my name is X", "called X"
        for i in range(1, n):
            cues = CUES_BY_LAST.get(keys[i - 1])
            if not cues or used[i]:
                continue
            for cue in cues:
                L = len(cue)
                if i >= L and tuple(keys[i - L:i]) == cue:
                    t = toks[i]
                    if t.key in STOP or t.key in NATIONAL or (t.key in NOT_NAMES and not (t.cap and t.key in self.g.given)) or t.shape == "other" or t.key in MONTHS or _CONTRACTION.search(
                        t.key
                    ) or any(
                        c.isdigit() for c in t.key
                    ):
                        continue
                    if cue in (("this", "is"), ("i'm",), ("im",), ("i", "am")) and self.given_score(t, upper_doc) <= 0 \
                            and not (t.cap and not t.initial and t.key not in self.g.words):
                        continue
                    if cue in (("called",), ("named",)) and not (t.cap or self.is_name_word(t)):
                        continue
                    relative = i + 1 < n and keys[i + 1] in ("who", "whose", "that's", "thats") and (
                        self.g.given.get(t.key, (0, 0))[0] >= 200)  # "a lass precious who does the art"
                    if cue in KIN_CUES and (t.key in self.g.words or t.key in NOT_NAMES or len(t.key) > 12) and not (
                            relative and t.key not in NOT_NAMES):
                        continue
                    if relative and cue in KIN_CUES:
                        add(i, i, "PERSON", 0.6, "context")
                        break
                    if not t.cap and self.g.words.get(t.key, 99) <= 35:
                        continue
                    if t.cap and self.g.words.get(t.key, 99) <= 20 and t.key not in self.g.given:
                        continue
                    end = i
                    if end + 1 < n and not used[end + 1] and self._joins(toks[end], toks[end + 1], upper_doc):
                        end += 1
                    add(i, end, "PERSON", 0.9, "context")
                    break

    def _street_names(self, c: Pass) -> None:
        """"lil d", "big man", "Fat Tony": street names built on a size word."""
        toks, keys, n, used, add, upper_doc = c.toks, c.keys, c.n, c.used, c.add, c.upper_doc
        # ---- "lil d", "big man" style street names
        for i in range(n - 1):
            if keys[i] in ("lil", "little", "big", "young", "yung", "fat", "wee", "skinny", "mad") and not used[i + 1]:
                prev = keys[i - 1] if i else ""
                nk = keys[i + 1]
                if prev in ("a", "the", "this", "that", "some", "very", "so", "too", "my", "his", "her", "your"):
                    continue
                if nk in STOP and nk not in ("man",):
                    continue
                named = i >= 2 and keys[i - 1] in ("him", "her", "them") and keys[i - 2] in ("called", "call", "calls")
                letter = len(nk) == 1 and nk.isalpha() and nk not in ("a", "i")  # "skinny d", "Skinny D"
                if not toks[i + 1].spaced or keys[i] in ("fat", "wee", "skinny", "mad") and not named and not letter \
                        and not (toks[i].cap and toks[i + 1].cap and self.given_score(toks[i + 1], upper_doc) > 0):
                    continue  # "Fat Tony", not "went mad\nY3"
                if keys[i] in ("little", "young", "big") and not (
                    len(nk) <= 2 or nk == "man" or self.given_score(toks[i + 1], upper_doc) > 0
                ):
                    continue
                if keys[i] == "lil" and not (len(nk) <= 3 or nk == "man" or self.is_name_word(toks[i + 1])):
                    continue
                add(i, i + 1, "PERSON", 0.6, "context")

    def _labels_and_headers(self, c: Pass) -> None:
        """Speaker labels ("Rhi:", "SL:", "<v Harjit Bains>") and header lines ("Interviewer: Dr Helen Marsh")."""
        text, out = c.text, c.out
        # ---- speaker labels: "Rhi:", "SL:", "<v Harjit Bains>", header lines "Interviewer: Dr Helen Marsh"
        found = list(_SPEAKER.finditer(text))
        turns = Counter(m.group("label") for m in found)
        for m in found:
            self._speaker_label(text, m.start("label"), m.group("label"), out, turns[m.group("label")])
        for m in _HEADER_CUE.finditer(text):
            name = m.group("name")
            words = name.split()
            if len(words) == 1 and re.match(r" [a-z]", text[m.end("name"):m.end("name") + 2]) and (
                self.g.words.get(fold(name), 99) <= 35 or _CONTRACTION.search(fold(name))
            ):
                continue  # "Interviewer: Tell me about...", "Interviewer: That's fine": a turn, not a name
            while words and fold(words[-1]) in ROLE_WORDS | STOP:
                words.pop()
            nickname = m.group().casefold().startswith(_NICKNAME_CUES)  # "Preferred name: Ty": any word
            if words and not nickname and fold(words[0]) not in self.g.given and self.g.words.get(fold(words[0]), 99) <= 50:
                continue
            if words and (fold(words[0]) in ROLE_UPPER or fold(words[0]) in WEEKDAYS or fold(words[0]) in MONTHS):
                continue
            if words and not all(fold(w) in ROLE_WORDS or (fold(w) in NOT_NAMES and not nickname) for w in words) and (
                len(words[0]) > 1
            ):
                name = " ".join(words)
                out.append(Span(m.start("name"), m.start("name") + len(name), "PERSON", name, 0.8, "context"))

    def _known_orgs(self, c: Pass) -> None:
        """Organisations known by name ("PSNI", "Premier Inn") and quoted nicknames inside names (Gary "Gaz" Whitworth)."""
        text, toks, keys, n, out, add = c.text, c.toks, c.keys, c.n, c.out, c.add
        # ---- organisations known by name ("PSNI", "Premier Inn")
        for i in range(n):
            if keys[i] not in ORG_KNOWN_FIRST:
                continue
            for L in (3, 2, 1):
                if i + L <= n and tuple(keys[i:i + L]) in ORG_KNOWN and (toks[i].cap or L > 1):
                    add(i, i + L - 1, "ORG", 0.8, "gazetteer")
                    break
        # ---- Gary "Gaz" Whitworth
        for m in _QUOTED_NICK.finditer(text):
            if self.g.given.get(fold(m.group(1))):
                out.append(Span(m.start(), m.end(), "PERSON", m.group(), 0.9, "context"))

    def _multi_places(self, c: Pass) -> None:
        """Multi-word places from the gazetteer ("Small Heath", "Ashton under Lyne")."""
        toks, keys, n, used, add = c.toks, c.keys, c.n, c.used, c.add
        # ---- multi-word places from the gazetteer
        for i in range(n):
            if used[i]:
                continue
            cands = self.g.places_multi.get(keys[i])
            if not cands:
                continue
            for parts, townish in cands:
                L = len(parts)
                if tuple(keys[i:i + L]) == parts and not any(used[i:i + L]):
                    caps = all(toks[x].cap or keys[x] in CONNECTORS for x in range(i, i + L))
                    if keys[i] == "the" and not toks[i + 1].cap:
                        break
                    after_prep = i > 0 and keys[i - 1] in _AT_PREPS | PLACE_CUES and toks[i - 1].shape == "lower"
                    if caps or (townish and L >= 2 and (
                        any(self.g.words.get(x, 99) >= 50 for x in parts) or (after_prep and L >= 2 and all(
                            toks[x].shape == "lower" for x in range(i, i + L)) and parts[-1] not in _GENERIC_PLACE_WORDS)
                    )):
                        add(i, i + L - 1, "LOCATION", 0.85 if caps else 0.6, "gazetteer")
                    break

    def _label_name_ok(self, word: str, k: str, turns: int = 1) -> bool:
        """A speaker label that is also a common word ("GREEN:", "Sky:") is a name only when it is written like
        one and is a popular given name ("Sue:", "Rob:"), or when it is a given name opening several turns
        ("POPPY:" on every turn of a taped interview is the person, whatever the word)."""
        tier = self.g.words.get(k)
        if tier is None or tier > 35:
            return True
        uk, us = self.g.given.get(k, (0, 0))
        if turns >= 2 and uk >= 1400 and k not in _COLOURS:
            return True  # not "STAR:", "GREEN:": badge colours and chosen words of a focus group
        return not word.isupper() and (uk >= 20 or us >= 5000)

    def _misspelt_name(self, k: str) -> bool:
        if k in self.g.words or k in self.g.given or k in NOT_NAMES or k in STOP or k in self.g.places1:
            return False
        if k.endswith(("in", "ing", "ed", "s", "z", "ly", "nt")):
            return False  # "pickin", "lookin", "dont": chat spellings of words
        index = self._deletions()
        if k in index:
            return True
        return any(k[:i] + k[i + 1:] in index or k[:i] + k[i + 1:] in self._popular for i in range(len(k)))

    def _deletions(self) -> set[str]:
        if self._del_index is None:
            popular = {n for n, (uk, _us) in self.g.given.items() if uk >= 300 and n.isalpha() and len(n) >= 4
                       and n not in self.g.words}
            index = set(popular)
            for n in popular:
                for i in range(len(n)):
                    index.add(n[:i] + n[i + 1:])
            self._popular = popular
            self._del_index = index
        return self._del_index
