"""Single-token decisions: a word is a given name, a surname, a place or nothing, by its lists, its shape and
the words around it. A mixin of ``RuleLayer``."""

from __future__ import annotations

import re

from .lexicon import (
    _CONTRACTION,
    _TALK_VERBS,
    LOC_HEADS_CAP,
    MONTHS,
    MOTION,
    NAME_LEFT_WEAK,
    NAME_PARTICLES,
    NAME_RIGHT,
    NOT_NAMES,
    ORG_HEADS_CAP,
    PAST_NAME_VERBS,
    PLACE_CUES,
    PREP_PLACE,
    RANKS,
    ROLE_WORDS,
    STOP,
    TITLES,
    UNKNOWN_CONF,
    WEEKDAYS,
)
from .spans import Span
from .tokens import Pass, Tok


class TokenRules:
    """Single-token rules; expects ``self.g`` and the helpers of ``RuleLayer``."""

    def _single_tokens(self, c: Pass) -> None:
        """Single tokens: given names, surnames and places by their lists, shape and position."""
        text, toks, keys, n, used, out, add, upper_doc = c.text, c.toks, c.keys, c.n, c.used, c.out, c.add, c.upper_doc
        # ---- single tokens: names and places
        for i, t in enumerate(toks):
            if used[i]:
                continue
            k = keys[i]
            prev = keys[i - 1] if i else ""
            prev_gap_ok = i > 0 and t.start - toks[i - 1].end <= 2
            place = self.g.places1.get(k)
            gscore = self.given_score(t, upper_doc)
            if gscore > 0 and t.cap and i + 1 < n and keys[i + 1] in _VERB_OBJECTS and t.end + 1 == toks[i + 1].start \
                    and self.g.words.get(k, 99) <= 20 and self.g.given.get(k, (0, 0))[0] < 20:
                gscore = 0.0  # "Say the word", "See appendix B": a verb before its object, not a rare name
            if gscore > 0 and k in _SEASONS and i + 1 < n and keys[i + 1] in _SEASON_THINGS:
                gscore = 0.0  # "Summer holidays"
            if place is not None and k not in STOP and k not in NOT_NAMES and k not in MONTHS:
                tier = self.g.words.get(k)
                after_prep = prev in PREP_PLACE and prev_gap_ok
                is_given = k in self.g.given and (self.g.given[k][0] >= 50 or self.g.given[k][1] >= 2000)
                if place and t.cap and not t.initial and self.g.given.get(k, (0, 0))[0] < 200 and (
                    tier is None
                ):
                    is_given = False
                popular = self.g.given.get(k, (0, 0))[0] >= 1000 and not place
                if k in self.g.major and t.cap and tier is None and not (
                    i + 1 < n and keys[i + 1] in NAME_RIGHT - {"and"}
                ) and prev not in TITLES:
                    add(i, i, "LOCATION", 0.8, "gazetteer")  # London, Oldham: a town before a given name
                    continue
                if after_prep and (t.cap or tier is None or (place and tier >= 50)) and not popular and not (
                    is_given and prev in NAME_LEFT_WEAK and prev not in PREP_PLACE
                ):
                    add(i, i, "LOCATION", 0.8, "gazetteer")
                    continue
                if after_prep and place and tier == 35 and t.shape == "lower" and prev in ("in", "to", "from") and (
                        not is_given and not (i + 1 < n and toks[i + 1].shape == "lower" and toks[i + 1].spaced
                                              and keys[i + 1] not in STOP)):
                    add(i, i, "LOCATION", 0.45, "gazetteer")  # "runs to stoke", "a flat in felling": unsure
                    continue
                if t.cap and not t.initial and tier is None and not is_given:
                    add(i, i, "LOCATION", 0.75, "gazetteer")
                    continue
                if t.cap and t.initial and tier is None and not is_given and place:
                    add(i, i, "LOCATION", 0.6, "gazetteer")
                    continue
                if t.shape == "lower" and tier is None and place and not is_given and len(k) >= 4:
                    add(i, i, "LOCATION", 0.55, "gazetteer")
                    continue
            if gscore <= 0 and t.shape == "lower" and len(k) >= 5 and k.isalpha() and self._misspelt_name(k):
                gscore = 0.45  # "jayde", "mikaela": one letter from a common given name, and no English word
            if gscore <= 0 and t.shape == "lower" and k.endswith("s") and len(k) >= 4 and k not in self.g.words and (
                k not in NOT_NAMES  # "greggs" is a shop, not Gregg's
            ):
                # "dannys", "shazs": a possessive written without the apostrophe
                stem_tok = Tok(t.text[:-1], t.start, t.base_end - 1, k[:-1], t.base_end - 1, t.shape, t.initial,
                               t.spaced)
                sc = self.given_score(stem_tok, upper_doc)
                if sc > 0 and k[:-1] not in self.g.words:
                    e = t.base_end - 1 if len(k) > 4 else t.base_end  # "kels" is a nickname, "dannys" possessive
                    out.append(Span(t.start, e, "PERSON", text[t.start:e], sc, "gazetteer"))
                    used[i] = True
                    continue
            if gscore <= 0 and t.cap and t.initial and k in self.g.given and k not in STOP and k not in NOT_NAMES and (
                self._label_name_ok(t.text, k)
            ):
                after = text[t.end:t.end + 1]
                line_start = t.start == 0 or text[t.start - 1] == "\n"
                if after == ":" and line_start:
                    gscore = 0.7  # a speaker label: "Sue:"
                elif after in (",", ".") and re.search(r"^\S+:\s*$", text[text.rfind("\n", 0, t.start) + 1:t.start]):
                    gscore = 0.55  # "Sue: Sue, looked-after children's nurse"
            if gscore <= 0 and t.cap and t.initial and t.shape == "title" and t.base_end != t.end and k.isalpha() and (
                len(k) >= 3 and k not in self.g.words and k not in NOT_NAMES and k not in self.g.places1
            ):
                gscore = 0.5  # "Karwan's asylum case": an unknown capitalised possessive is someone's
            if gscore <= 0 and t.cap and not t.initial and t.shape == "title" and k.isalpha() and len(k) >= 3 and (
                k not in self.g.words and k not in NOT_NAMES and k not in self.g.places1
            ):
                nxt = keys[i + 1] if i + 1 < n else ""
                if k in TITLES or k in RANKS:
                    pass  # "tell Mrs Okonjo": the title is not the name
                elif prev == "to" and i > 1 and keys[i - 2] in _TALK_VERBS:
                    gscore = 0.5  # "I spoke to Dilshad": a person, not a place after "to"
                elif nxt in NAME_RIGHT - {"is", "was", "and", "has", "had"} or prev in NAME_LEFT_WEAK - {"and", "by"}:
                    gscore = 0.5  # an unknown capitalised word in a name position: "then Deeko picked me up"
                elif k not in MONTHS and k not in WEEKDAYS and k.rstrip("s") not in WEEKDAYS and (
                    t.text[1:].islower() and k not in ROLE_WORDS and k not in RANKS and not k.startswith("barnardo")
                    and not k.endswith(("ian", "ish", "ese", "ean", "ani")) and prev not in PREP_PLACE
                    and not (i + 1 < n and keys[i + 1] in LOC_HEADS_CAP | ORG_HEADS_CAP.keys())
                ):
                    gscore = UNKNOWN_CONF  # any unknown capitalised word mid-sentence: proposed, flagged unsure
            if gscore <= 0:
                gscore = self._context_name(toks, keys, i, upper_doc)
                if gscore <= 0:
                    continue
            if t.cap and not t.initial and prev_gap_ok and k not in self.g.given and (
                prev in PLACE_CUES or (prev == "to" and i > 1 and keys[i - 2] in MOTION)
            ) and (i + 1 >= n or keys[i + 1] not in NAME_RIGHT):
                add(i, i, "LOCATION", 0.55, "rule")  # "back to Ashworth": a surname used as a place
                continue
            end = i
            while end + 1 < n and not used[end + 1] and self._joins(toks[end], toks[end + 1], upper_doc):
                end += 1
            add(i, end, "PERSON", gscore, "unknown" if gscore == UNKNOWN_CONF else "gazetteer")

    def _joins(self, a: Tok, b: Tok, upper_doc: bool) -> bool:
        """Does ``b`` continue the name that ends with ``a`` ("Jodie Smith", "kyle o'brien")?"""
        if a.base_end != a.end or not b.spaced or b.key in STOP or b.key in NOT_NAMES:
            return False
        if _CONTRACTION.search(b.key) or any(c.isdigit() for c in b.key):
            return False
        if b.key in MONTHS or b.key in WEEKDAYS or b.key in LOC_HEADS_CAP or b.key in ORG_HEADS_CAP:
            return False
        sk = b.key.replace("'", "").replace("-", "").replace("’", "")
        if b.shape == "upper" and len(b.key) <= 4 and not upper_doc:
            return False
        if a.cap and b.cap and (a.key in NAME_PARTICLES or b.key in NAME_PARTICLES):
            return True
        if a.cap and b.cap:
            return sk in self.g.surnames or b.key in self.g.given or (
                b.key not in self.g.words and b.shape == "title"
            )
        if a.shape == "lower" and b.shape == "lower":
            return (sk in self.g.surnames and self.g.words.get(b.key, 99) >= 50) or (
                b.key in self.g.given and b.key not in self.g.words and self.g.given[b.key][0] >= 20
            )
        return False

    def _context_name(self, toks: list[Tok], keys: list[str], i: int, upper_doc: bool) -> float:
        """A word that is also a name ("will", "Grace"), taken as a name only when the context says so."""
        t = toks[i]
        k = keys[i]
        if k in NOT_NAMES or k in RANKS or any(c.isdigit() for c in k) or (
            t.shape == "upper" and not upper_doc and len(k) <= 4
        ):
            return 0.0
        g = self.g.given.get(k)
        if (not g or (g[0] < 50 and g[1] < 2000) or k in STOP - {"will", "may"} or k in MONTHS or k in WEEKDAYS) and (
            not (k == "will" and g)
        ):
            return 0.0
        prev = keys[i - 1] if i else ""
        prev2 = keys[i - 2] if i > 1 else ""
        nxt = keys[i + 1] if i + 1 < len(toks) else ""
        poss = t.base_end != t.end
        if k in ("will", "may", "mark", "bill", "pat", "sue", "rob", "frank", "guy", "chase", "miles", "drew",
                 "grant", "jack", "sky", "dawn", "joy", "chance", "hope", "faith", "summer", "grace", "rose",
                 "amber") and not t.cap:
            # lowercase: only clear name positions
            if poss and nxt in ("mum", "dad", "house", "car", "brother", "sister", "mate", "mates", "phone",
                                "flat", "nan", "place", "girlfriend", "boyfriend", "bird", "cousin", "uncle"):
                return 0.5
            if prev in ("me", "and") and prev2 in ("me", "and") and prev != prev2:
                return 0.5
            if nxt in PAST_NAME_VERBS and prev not in (
                    "i", "you", "we", "they", "he", "she", "it", "that", "this", "who", "which", "a", "the", "my",
                    "your", "his", "her", "our", "their", "no", "any", "some"):
                return 0.45  # "like amber stopped coming", "will said" (the modal takes a base form)
            if prev in ("is", "was") and nxt in ("ok", "okay", "alright", "safe", "there", "coming", "here"):
                return 0.45  # "is amber ok now?"
            if prev in ("with", "told", "texted", "messaged", "met", "saw", "asked", "seen") and nxt in (
                    "", "and", "about", "yesterday", "again", "too", "then", "on", "at", "in"):
                return 0.45
            return 0.0
        if t.cap and not t.initial and t.spaced:
            if self.g.words.get(k, 99) <= 20 and g[0] < 500:
                return 0.0
            return 0.6
        if t.cap and t.initial and (poss or nxt in NAME_RIGHT - {"was", "is", "has", "had", "and"}):
            return 0.55
        if t.cap and t.initial and nxt in ("was", "is", "has", "had") and self.g.words.get(k, 99) >= 20 and (
            g[0] >= 500
        ):
            return 0.5  # "Grace was lovely", "Jack had a car" (not "Hope was lost": a commoner word)
        if poss and t.cap:
            return 0.55
        return 0.0


_VERB_OBJECTS = frozenset(["the", "a", "an", "what", "you", "it", "that", "this", "appendix", "below", "above", "me",
                           "him", "her", "them", "us", "page", "section", "annex", "item", "how", "why", "if"])
_SEASONS = frozenset(["summer", "autumn", "winter", "spring", "easter", "christmas"])
_SEASON_THINGS = frozenset(["holidays", "holiday", "hols", "term", "camp", "break", "months", "school", "fair", "fete"])
