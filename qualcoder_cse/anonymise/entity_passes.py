"""Document-level passes of the detector: lists with a place, a capitalised word joined to the name after it,
Title Case organisation runs, and propagation of every entity found to its other mentions (parts of full
names, diminutives, any case)."""

from __future__ import annotations

import re

from .lexicon import MONTHS, NOT_NAMES, PREP_PLACE, RANKS, ROLE_UPPER, ROLE_WORDS, STOP, TITLES, WEEKDAYS
from .merging import _coverage, merge
from .span_passes import _COMPASS, _HEAD_FIRST, _HEAD_FIRST_NOT, _TITLE_WORDS, _name_position
from .spans import Span, entity_key
from .tokens import Tok

_DIMINUTIVE_ENDINGS = ("", "y", "ie", "o", "z", "zy", "sy", "ey", "s", "a", "i")


_ACTS = frozenset(["said", "says", "was", "is", "has", "had", "told", "will", "would", "did", "does", "gave", "went",
                   "came", "left", "rang", "sent", "got", "made", "took", "drove", "denied", "admitted", "refused",
                   "declined", "remains", "remained", "answered", "replied", "claims", "claimed"])


def _surname_acts(toks: list[Tok], i: int) -> bool:
    """(session 9) A found surname opening a sentence before what its owner did: "Whittle arrested 00:58",
    "Whittle booked in at custody" (the word itself, "whittle", is a verb too)."""
    t = toks[i]
    if t.shape != "title" or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    return nxt.shape == "lower" and (nxt.key in _ACTS or nxt.key.endswith("ed") and len(nxt.key) > 4)


# (session 10) what follows a person found in the document when a sentence opens with their word-name:
# "Summer wasn't the only one", "Grace just turned up", "Hope can be reached on ..."
# Not the present "is", "isn't", "has" or "does": a noun states a general truth there ("Hope isn't a plan").
_PERSON_NEXT = (_ACTS - {"is", "has", "does"}) | frozenset([
    "wasn't", "hadn't", "didn't", "won't", "wouldn't", "can't", "couldn't", "can",
    "could", "should", "must", "might", "just", "never", "always", "also", "still", "then", "only", "really",
    "actually", "eventually", "later", "herself", "himself", "knew", "knows", "wanted", "wants", "thought",
    "felt", "saw", "met", "lives", "lived", "stayed", "stays", "goes", "comes", "ran", "sat", "stood", "walked",
    # (session 13) what a log says of someone: "Will off sick", "Hope absent", "T drives"
    "off", "absent", "missing", "returned", "drives", "drove", "calls", "rang", "phoned", "texted", "messaged"])

# word-names that are verbs or adjectives, never a noun that "is" something in general ("Hope isn't a plan")
_VERB_NAMES = frozenset(["will", "mark", "bill", "rob", "pat", "sue", "frank", "drew", "chase", "guy", "jack", "bob"])


def _found_person_acts(toks: list[Tok], i: int) -> bool:
    """A word-name found as a person in the document opens a sentence before what she did or is: "Summer
    wasn't the only one", "Grace just turned up every week", "Amber and I went"."""
    t = toks[i]
    if t.shape != "title" or i + 1 >= len(toks):
        return False
    nxt = toks[i + 1]
    if nxt.key == "and" and i + 2 < len(toks):
        return toks[i + 2].key in ("i", "me", "my", "her", "his")  # "Faith and my Zuzia are in the same year"
    if nxt.shape == "lower" and nxt.key in ("is", "has", "does") and t.key in _VERB_NAMES:
        return True  # (session 14) "Will is brilliant with teenagers": a verb-word is no general truth
    return nxt.shape == "lower" and (nxt.key in _PERSON_NEXT or nxt.key.endswith("ed") and len(nxt.key) > 4)


class EntityPasses:
    """Document-level passes of ``Detector`` (expects ``self.gaz`` and ``self.rules``)."""

    def _coordination(self, text: str, toks: list[Tok], spans: list[Span]) -> list[Span]:
        """In a list with a place ("Ashworth, Breckley and out towards Hollinsbury"), capitalised unknown
        words and place-named surnames are places too; unknown capitalised words after "towards", "in"..."""
        relabel: dict[tuple[int, int], Span] = {}
        by_start = {s.start: s for s in spans}
        cov = _coverage(spans, len(text))
        out = list(spans)
        changed = False
        for i, t in enumerate(toks):
            if not t.cap or t.initial or t.shape == "upper" or t.key in STOP or t.key in NOT_NAMES:
                continue
            if t.key in self.gaz.words or t.key in MONTHS or t.key in WEEKDAYS or not t.key.isalpha():
                continue
            prev = toks[i - 1] if i else None
            nxt = toks[i + 1] if i + 1 < len(toks) else None
            neighbour_loc = False
            for other in (prev, nxt):
                if other is None:
                    continue
                sp = by_start.get(other.start)
                gap = text[min(other.end, t.end):max(other.start, t.start)]
                if sp and sp.label == "LOCATION" and gap.strip() in (",", "and", "or", "&", "/"):
                    neighbour_loc = True
            if not neighbour_loc and prev is not None and prev.key in PREP_PLACE and text[prev.end:t.start] == " ":
                if not cov[t.start] and t.key not in self.gaz.given and not self.gaz.surnames.get(t.key):
                    out.append(Span(t.start, t.base_end, "LOCATION", text[t.start:t.base_end], 0.5, "rule"))
                    changed = True
                continue
            if not neighbour_loc:
                continue
            cur = by_start.get(t.start)
            if cur is None and not cov[t.start]:
                out.append(Span(t.start, t.base_end, "LOCATION", text[t.start:t.base_end], 0.5, "rule"))
                changed = True
            elif cur is not None and cur.label == "PERSON" and cur.end == t.base_end and (
                t.key in self.gaz.places1 or (t.key not in self.gaz.given)
            ):
                relabel[(cur.start, cur.end)] = Span(cur.start, cur.end, "LOCATION", cur.text, 0.6, "rule")
                changed = True
        if relabel:
            out = [relabel.get((s.start, s.end), s) if s.label == "PERSON" else s for s in out]
        return merge(out) if changed else spans

    def _extend_persons(self, text: str, toks: list[Tok], spans: list[Span]) -> list[Span]:
        """A capitalised word right before a person's name that is a given name or no English word belongs to
        the name: "Deeko Brannigan", "Hawre Aziz", "Mark Tebbutt"."""
        by_start = {t.start: i for i, t in enumerate(toks)}
        out = []
        changed = False
        for s in spans:
            i = by_start.get(s.start)
            if s.label == "PERSON" and i:
                p = toks[i - 1]
                k = p.key
                if p.shape == "title" and toks[i].spaced and p.base_end == p.end and k.isalpha() and len(k) > 1 and (
                    k not in STOP and k not in NOT_NAMES and k not in TITLES and k not in RANKS and k not in MONTHS
                    and k not in WEEKDAYS and k not in ROLE_WORDS
                ) and (self.gaz.given.get(k, (0, 0))[0] >= 20 or k not in self.gaz.words) and (
                    k not in self.gaz.places1 or self.gaz.given.get(k, (0, 0))[0] >= 1000
                ):
                    s = Span(p.start, s.end, "PERSON", text[p.start:s.end], s.confidence, s.source)
                    changed = True
            out.append(s)
        return merge(out) if changed else spans

    # ------------------------------------------------------------------ person-level pass
    def _title_run_orgs(self, text: str, toks: list[Tok], spans: list[Span]) -> list[Span]:
        """Organisations named with ordinary words: a Title Case run of words followed by a town ("Safe Haven
        Leeds", "Cue Ball Paisley") and a head word that comes first ("Project Amber", "Coleg y Cymoedd",
        "Foyer Sunderland")."""
        words, major = self.gaz.words, self.gaz.major
        new: list[Span] = []
        n = len(toks)

        def plain(t: Tok) -> bool:
            k = t.key
            return t.shape == "title" and t.base_end == t.end and k.isalpha() and k not in STOP and (
                k not in MONTHS and k not in WEEKDAYS and k not in _COMPASS and k not in ROLE_WORDS
                and k not in _TITLE_WORDS
            )

        for i, t in enumerate(toks):
            k = t.key
            if k in major and t.shape == "title" and i >= 2:
                j = i
                while j - 1 >= 0 and i - (j - 1) <= 3 and toks[j].spaced and plain(toks[j - 1]) and (
                    toks[j - 1].key in words and (toks[j - 1].key not in major or words[toks[j - 1].key] <= 20)
                ) and not toks[j - 1].initial:
                    j -= 1
                if i - j >= 2 and not (j > 0 and toks[j - 1].key in _TITLE_WORDS and toks[j].start - toks[j - 1].end <= 2) and (
                    toks[i - 1].key not in self.rules.loc_heads  # "Bath Road Leeds" is an address, not a name
                ):
                    new.append(Span(toks[j].start, t.base_end, "ORG", text[toks[j].start:t.base_end], 0.6, "context"))
            elif k in _HEAD_FIRST and t.shape == "title" and i + 1 < n and toks[i + 1].spaced:
                j = i + 1
                while j < n and j - i <= 3 and toks[j].spaced and (
                    (toks[j].shape == "title" and toks[j].key not in STOP and toks[j].key not in ROLE_WORDS
                     and toks[j].key not in _HEAD_FIRST_NOT)
                    or (toks[j].key in ("y", "yr") and j + 1 < n and toks[j + 1].shape == "title")
                ):
                    j += 1
                if j > i + 1:
                    e = toks[j - 1].base_end
                    new.append(Span(t.start, e, "ORG", text[t.start:e], 0.6, "context"))
        if not new:
            return spans
        keep = [s for s in spans if not any(s.start >= x.start and s.end <= x.end and s.label != "ORG" or (
            s.label == "ORG" and s.start >= x.start and s.end <= x.end and s.end - s.start < x.end - x.start
        ) for x in new)]
        # a longer span that already holds the run (an ORG with its head) wins
        new = [x for x in new if not any(s.start <= x.start and s.end >= x.end for s in keep)]
        return merge(keep + new)

    def propagate(self, text: str, toks: list[Tok], spans: list[Span]) -> list[Span]:
        """Propose every other mention of each entity found: full strings, the parts of full names, and
        obvious diminutives ("Mohammed" -> "Mo"). Words that are also common words only when capitalised."""
        if not spans:
            return spans
        words = self.gaz.words
        full: dict[str, tuple[str, float]] = {}  # key -> (label, conf)
        parts: dict[str, tuple[str, float]] = {}
        surnames: set[str] = set()
        for s in spans:
            if s.label not in ("PERSON", "LOCATION", "ORG") or s.confidence < 0.45:
                continue
            key = entity_key(s.text)
            if not key or len(key) < 2:
                continue
            prev = full.get(key)
            if prev is None or prev[1] < s.confidence:
                full[key] = (s.label, s.confidence)
            if s.label == "PERSON":
                if " " in key:
                    surnames.add(key.split()[-1])
                for p in key.split():
                    if len(p) >= 2 and (p not in STOP or p in _VERB_NAMES) and p not in parts and p not in full:
                        parts[p] = ("PERSON", s.confidence)
        for p, v in parts.items():
            full.setdefault(p, v)
        names_by_prefix: dict[str, str] = {}
        for key, (label, _c) in full.items():
            if label == "PERSON" and " " not in key and len(key) >= 4:
                for n in range(2, len(key)):
                    names_by_prefix.setdefault(key[:n], key)
        # a weak guess at a word that is found with confidence elsewhere ("Boxer" after "called him") is raised
        boosted = []
        for s in spans:
            hit = full.get(entity_key(s.text)) if s.confidence < 0.45 else None
            if hit and hit[0] == s.label and hit[1] > s.confidence and s.text[:1].isupper():
                s = Span(s.start, s.end, s.label, s.text, min(hit[1], 0.7), s.source)
            boosted.append(s)
        spans = boosted
        covered = _coverage(spans, len(text))
        new: list[Span] = []
        # single-token keys by token walk; multi-token keys by search
        for ti, t in enumerate(toks):
            if covered[t.start] or covered[t.base_end - 1]:
                continue
            k = t.key
            hit = full.get(k)
            end = t.base_end
            if not hit and k.endswith("s") and len(k) > 3 and full.get(k[:-1], ("",))[0] == "PERSON":
                hit = full[k[:-1]]
                end = t.base_end - 1
            label = None
            conf = 0.0
            if hit:
                label, conf = hit
            else:
                stem = None
                for ending in _DIMINUTIVE_ENDINGS[1:]:
                    if k.endswith(ending) and len(k) - len(ending) >= 2:
                        stem = k[: -len(ending)]
                        if stem in names_by_prefix:
                            break
                        stem = None
                if stem is None and k in names_by_prefix:
                    stem = k
                if stem is not None and k not in STOP and k not in NOT_NAMES and k not in MONTHS and (
                    (t.cap and len(k) >= 2) or (len(k) >= 3 and k not in words)
                ):
                    label, conf = "PERSON", 0.45
            if not label:
                continue
            tier = words.get(k)
            # a common word: only capitalised, not first in a sentence, or in a name position
            if tier is not None and tier <= 35 and not (t.cap and not t.initial) and not _name_position(toks, ti) and not (
                # a nickname found with a strong cue ("they call Smudge", a quoted list of lads) also opens a message
                hit and conf >= 0.75 and t.shape == "title" and tier > 20 and label == "PERSON"
            ) and not (hit and label == "PERSON" and k in surnames and _surname_acts(toks, ti)) and not (
                hit and label == "PERSON" and conf >= 0.5 and t.initial and k in self.gaz.given
                and _found_person_acts(toks, ti)):
                continue
            if (k in STOP and not (k in _VERB_NAMES and _found_person_acts(toks, ti))) or k in WEEKDAYS or k in MONTHS or k in ROLE_UPPER or k in ROLE_WORDS:
                continue
            end = end if hit else t.base_end
            new.append(Span(t.start, end, label, text[t.start:end], min(conf, 0.85), "propagate"))
        multi = sorted((k for k in full if " " in k), key=len, reverse=True)
        if multi:
            # one pass for all multi-word entities (a search per entity is quadratic on long documents)
            rx = re.compile(r"(?<!\w)(?:" + "|".join(r"\s+".join(re.escape(w) for w in k.split()) for k in multi)
                            + r")(?!\w)", re.IGNORECASE)
            for m in rx.finditer(text):
                hit = full.get(" ".join(m.group().lower().split()))
                if hit and not covered[m.start()]:
                    new.append(Span(m.start(), m.end(), hit[0], m.group(), min(hit[1], 0.85), "propagate"))
        if not new:
            return spans
        return merge(spans + new)
