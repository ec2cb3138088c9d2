"""The anonymiser's detector: runs every layer over a text and merges their proposals.

    from qualcoder_cse.anonymise.detect import load_detector
    detector = load_detector()          # loads gazetteers and the NER model once (about a second)
    spans = detector.detect(text)       # list[Span] sorted by start; offsets are str indices

Layers: UK patterns (``patterns.py``), gazetteers and context rules (``rules.py``), the spaCy NER model trained
by ``train.py`` and shipped in ``models/anonymiser`` (``ner.py``). Overlaps are resolved in favour of the
longer, then the more confident span; then a person-level pass proposes every other mention of each name
found (any case, possessive, obvious diminutives) and of each place and organisation.
"""

from __future__ import annotations

import re
import threading
from collections.abc import Iterable

from .gazetteers import Gazetteers, load_gazetteers
from .patterns import find_patterns
from .rules import (
    MONTHS,
    NATIONAL,
    NOT_NAMES,
    ROLE_UPPER,
    ROLE_WORDS,
    STOP,
    WEEKDAYS,
    RuleLayer,
    Tok,
    tokenize,
)
from .spans import LABELS, Span, entity_key, fold

__all__ = ["LABELS", "Detector", "Span", "load_detector"]

# pattern labels always win over name guesses inside them (a name inside an email is CONTACT)
_PRIORITY = {"CONTACT": 3, "ID": 3, "DATE": 3, "ORG": 1, "LOCATION": 1, "PERSON": 0}
_DIMINUTIVE_ENDINGS = ("", "y", "ie", "o", "z", "zy", "sy", "ey", "s", "a", "i")


class Detector:
    def __init__(self, gazetteers: Gazetteers, ner=None, *, min_confidence: float = 0.4) -> None:
        self.gaz = gazetteers
        self.rules = RuleLayer(gazetteers)
        self.ner = ner
        self.min_confidence = min_confidence

    # ------------------------------------------------------------------ public
    def detect(self, text: str, *, min_confidence: float | None = None) -> list[Span]:
        """Proposals for ``text`` with confidence >= ``min_confidence`` (default: the detector's, 0.4).
        Thread-safe: the detector keeps no per-call state."""
        toks = tokenize(text)
        spans: list[Span] = list(find_patterns(text))
        spans += self.rules.find(text, toks)
        if self.ner is not None:
            spans += self._ner_spans(text, toks, spans)
        merged = merge(spans)
        merged = self.propagate(text, toks, merged)
        merged = self._extend_persons(text, toks, merged)
        merged = _extend_locations(text, merged)
        merged = _address_chain(text, merged)
        merged = [p for p in (_person_to_place(s) for s in merged) if p is not None]
        merged = self._coordination(text, toks, merged)
        merged = _initials_of_names(text, merged)
        merged = _org_appositive(text, merged)
        merged = self._title_run_orgs(text, toks, merged)
        merged = _org_with_town(text, merged)
        merged = _org_of(text, merged)
        floor = self.min_confidence if min_confidence is None else min_confidence
        return [s for s in merged if s.confidence >= floor]

    def _ner_spans(self, text: str, toks: list[Tok], spans: list[Span]) -> list[Span]:
        """The statistical layer, run only on lines with an unexplained candidate (a capitalised word that is
        no English word, or a listed name, that no other layer covered), and kept only where the span holds
        such a word: it adds recall for names the lists do not know without flooding common words."""
        # an unknown capitalised word only guessed as PERSON by the rules: the model may label it better
        cov = _coverage([s for s in spans if s.source != "unknown"], len(text))
        words, given = self.gaz.words, self.gaz.given
        cand = bytearray(len(text) + 1)
        lines: dict[int, int] = {}
        def plain_title(i: int) -> bool:
            if i < 0 or i >= len(toks):
                return False
            t = toks[i]
            k = t.key
            return t.shape == "title" and not t.initial and k.isalpha() and k not in STOP and k not in NOT_NAMES \
                and k not in MONTHS and k not in WEEKDAYS and t.text[1:].islower() and k not in ROLE_WORDS

        for i, t in enumerate(toks):
            k = t.key
            if cov[t.start] or k in STOP or k in NOT_NAMES or k in ROLE_WORDS or not k.isalpha() or len(k) < 2:
                continue
            if k in MONTHS or k in WEEKDAYS or k.rstrip("s") in WEEKDAYS or not t.text[1:].islower():
                continue
            # a Title Case phrase mid-sentence ("Safe Haven", "Brighter Futures") may be a name made of words
            phrase = plain_title(i) and k in words and (
                (plain_title(i + 1) and toks[i + 1].spaced) or (plain_title(i - 1) and t.spaced)
            )
            if (t.shape == "title" and not t.initial and k not in words) or phrase or (
                t.shape == "title" and t.initial and k not in words and (k in given or k in self.gaz.surnames)
            ):
                cand[t.start:t.base_end] = b"\x01" * (t.base_end - t.start)
                ls = text.rfind("\n", 0, t.start) + 1
                le = text.find("\n", t.end)
                lines[ls] = len(text) if le < 0 else le
        if not lines:
            return []
        out = []
        exact = {(s.start, s.end, s.label) for s in spans}
        for s in self.ner.find(text, sorted(lines.items())):
            if s.text[:1] in "\"'“‘(" or _NER_NOT.search(s.text) or fold(s.text) in NATIONAL:
                continue
            if s.label == "PERSON" and all(words.get(w, 99) <= 20 for w in fold(s.text).split()):
                continue  # "Social Care": ordinary words are not a person
            if (s.start, s.end, s.label) in exact:
                out.append(s)  # agreement raises the confidence when merged
            elif any(cand[s.start:s.end]) and not any(cov[s.start:s.end]):
                out.append(s)  # only where no other layer has a say
        return out

    def detect_many(self, texts: Iterable[str]) -> list[list[Span]]:
        return [self.detect(t) for t in texts]

    def mentions(self, text: str, surface: str, label: str, *, source: str = "added") -> list[Span]:
        """Every other mention of ``surface`` in ``text`` (any case, possessive allowed), as proposals."""
        out = []
        for m in _mention_regex(surface).finditer(text):
            out.append(Span(m.start(1), m.end(1), label, m.group(1), 0.9, source))
        return out

    def _coordination(self, text: str, toks: list[Tok], spans: list[Span]) -> list[Span]:
        """In a list with a place ("Ashworth, Breckley and out towards Hollinsbury"), capitalised unknown
        words and place-named surnames are places too; unknown capitalised words after "towards", "in"..."""
        from .rules import PREP_PLACE

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
        from .rules import RANKS, TITLES

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
                for p in key.split():
                    if len(p) >= 2 and p not in STOP and p not in parts and p not in full:
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
                # a nickname found with a strong cue ("they call Smudge") also opens a message: "Smudge is..."
                hit and conf >= 0.85 and t.shape == "title" and tier > 20 and label == "PERSON"
            ):
                continue
            if k in STOP or k in WEEKDAYS or k in MONTHS or k in ROLE_UPPER or k in ROLE_WORDS:
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


_PLACE_FIRST = re.compile(r"^(?:North|South|East|West|St|St\.|Saint|Upper|Lower|Greater)\s+[A-Z]")


_COMPASS = frozenset(["north", "south", "east", "west", "northern", "southern", "eastern", "western", "central", "north-west", "north-east", "south-west", "south-east", "midlands"])


_VENUE = (r"(?:charity|project|takeaway|chippy|chip shop|kebab (?:shop|place|house)|shop|firm|company|club|"
          r"youth club|hall|snooker hall|pool hall|home|children's home|care home|hotel|b&b|school|barber'?s|"
          r"cafe|café|restaurant|bar|shisha bar|pub|garage|car wash|group|organisation|hostel|gym|salon|lounge|"
          r"lodgings|supported lodgings|taxi firm|cab firm|private hire firm|hire firm|nightclub|takeaway place)")
_NAME_RUN = r"(?P<name>(?:[A-Z0-9][\w'’-]*)(?:(?: | & )(?:[A-Z0-9][\w'’-]*|of|the|and|y)){0,4})"
# "a snooker hall, Cue Ball Paisley", "the takeaway on Hannah Street, Bengal Spice", "a project called Base 51"
_VENUE_THEN_NAME = re.compile(
    rf"\b(?:a|an|the|this|that|his|her|their|our|local)\s+(?:[\w'’-]+\s+){{0,2}}?{_VENUE}"
    rf"(?:\s+(?:on|in|at|off|near|by)\s+[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){{0,2}})?"
    rf"(?:,\s+|\s+(?:called|named)\s+){_NAME_RUN}(?=[,.;:!?)]|\s+(?:[a-z]|$)|$)",
)
# "Street Teams, the charity", "Mr Wrap Fallowfield, the kebab place on Wilmslow Rd"
_NAME_THEN_VENUE = re.compile(
    rf"(?<![\w'’]){_NAME_RUN},\s+(?:the|a|an)\s+(?:[\w'’-]+\s+){{0,2}}?{_VENUE}\b"
)


def _org_appositive(text: str, spans: list[Span]) -> list[Span]:
    """A name set next to a generic venue word is that venue's name: "a snooker hall, Cue Ball Paisley",
    "Street Teams, the charity", "a project called Base 51". Words the other layers already took as a person or
    place inside the name become part of the organisation."""
    new = []
    for rx in (_VENUE_THEN_NAME, _NAME_THEN_VENUE):
        for m in rx.finditer(text):
            a, b = m.start("name"), m.end("name")
            name = text[a:b]
            words = name.split()
            while words and words[-1].lower() in ("of", "the", "and", "y", "&"):
                words.pop()
            if not words or fold(words[0]) in STOP or fold(words[0]) in ROLE_WORDS or all(
                fold(w) in NOT_NAMES for w in words
            ):
                continue
            if " ".join(words).lower() in NATIONAL or not any(c.isalpha() for c in words[0]):
                continue
            b = a + len(" ".join(words)) if " & " not in name else a + len(name.rstrip())
            inside = [s for s in spans if s.start < b and s.end > a]
            if any(s.label in ("CONTACT", "ID", "DATE") for s in inside) or any(
                s.label == "ORG" and s.start <= a and s.end >= b for s in inside
            ):
                continue
            if any(s.start < a or s.end > b for s in inside):
                continue
            if len(words) == 1 and not inside and words[0].lower() in _COMMONISH:
                continue
            new.append(Span(a, b, "ORG", text[a:b], 0.65, "context"))
    if not new:
        return spans
    keep = [s for s in spans if not any(s.start >= n.start and s.end <= n.end for n in new)]
    return merge(keep + new)


_TITLE_WORDS = frozenset(["mr", "mrs", "ms", "miss", "dr", "pc", "dc", "ds", "di", "dci", "sgt", "cllr", "sir", "lady",
                          "lord", "uncle", "auntie", "nurse", "coach", "judge", "st", "saint"])
_HEAD_FIRST = frozenset(["project", "foyer", "coleg", "ysgol", "canolfan", "clwb"])
_HEAD_FIRST_NOT = frozenset(["manager", "officer", "worker", "lead", "leader", "team", "board", "coordinator", "group",
                             "meeting", "plan", "director", "steering"])
_COMMONISH = frozenset(["mr", "mrs", "miss", "ms", "dr", "pc", "ds", "dc", "sgt", "i", "we", "they", "he", "she", "it"])


def _initials_of_names(text: str, spans: list[Span]) -> list[Span]:
    """"TO:" for Tamsin Okwu, "(RS)" after Rajinder Sahota: the initials of a full name found in the document,
    used as a speaker label or in brackets, are that person (even when they spell a word such as "TO")."""
    initials = set()
    for s in spans:
        if s.label == "PERSON" and s.confidence >= 0.6:
            parts = s.text.split()
            if 2 <= len(parts) <= 3 and all(p[:1].isupper() for p in parts):
                initials.add("".join(p[0] for p in parts))
    if not initials:
        return spans
    cov = _coverage(spans, len(text))
    alt = "|".join(sorted(initials, key=len, reverse=True))
    new = []
    # in label or bracket positions always; elsewhere only initials that are not a word or a role ("TH said")
    free = "|".join(sorted((i for i in initials if i.lower() not in STOP and i.lower() not in ROLE_UPPER),
                           key=len, reverse=True)) or "(?!)"
    for m in re.finditer(rf"(?m)(?:^[ \t]*(?P<a>{alt})[ \t]*:|\((?P<b>{alt})\)|(?<![\w.])(?P<c>{free})(?![\w.]))",
                         text):
        g = "a" if m.group("a") else ("b" if m.group("b") else "c")
        a, b = m.start(g), m.end(g)
        if not cov[a]:
            new.append(Span(a, b, "PERSON", text[a:b], 0.7, "context"))
    return merge(spans + new) if new else spans


def _person_to_place(s: Span) -> Span | None:
    """"East Croydon", "St Pauls": a compass word or a saint before a name makes a place, not a person; a
    region made of compass words only ("the North West") is not an identifier at all."""
    if s.label in ("PERSON", "LOCATION") and all(w in _COMPASS for w in s.text.lower().split()):
        return None
    if s.label == "PERSON" and _PLACE_FIRST.match(s.text):
        return Span(s.start, s.end, "LOCATION", s.text, s.confidence, s.source)
    return s


# legislation, guidance and job titles the model may take for names
_NER_NOT = re.compile(r"\b(?:Act|Acts|Order|Regulations|Guidance|Offences|Head of|Director of|Working Together|"
                      r"Keeping Children Safe|Protocol|Strategy|Framework|Procedures?)\b|\d{4}$")


def _org_with_town(text: str, spans: list[Span]) -> list[Span]:
    """"A1 Cars Huddersfield", "City Academy Bristol": a town right after an organisation belongs to it."""
    out: list[Span] = []
    for s in spans:
        if out and s.label in ("LOCATION", "ORG") and out[-1].label == "ORG" and text[out[-1].end:s.start] == " " and (
            (" " not in s.text or s.label == "ORG") and s.text[:1].isupper()
        ):
            p = out[-1]
            out[-1] = Span(p.start, s.end, "ORG", text[p.start:s.end], p.confidence, p.source)
            continue
        out.append(s)
    return out


_OF_NAME = re.compile(r"^ of (?:the )?[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}")


def _org_of(text: str, spans: list[Span]) -> list[Span]:
    """"High Tunstall College of Science", "University of Bolton": "of" + a capitalised name after the head."""
    out = []
    for i, s in enumerate(spans):
        if s.label == "ORG":
            m = _OF_NAME.match(text[s.end:s.end + 60])
            nxt = spans[i + 1] if i + 1 < len(spans) else None
            if m and (nxt is None or nxt.start >= s.end + m.end() or nxt.label in ("LOCATION", "PERSON")):
                end = s.end + m.end()
                if nxt is not None and nxt.start < end:
                    end = max(end, nxt.end) if nxt.end <= s.end + 60 else end
                s = Span(s.start, end, "ORG", text[s.start:end], s.confidence, s.source)
        out.append(s)
    return merge(out)


def _name_position(toks: list[Tok], i: int) -> bool:
    t = toks[i]
    nxt = toks[i + 1].key if i + 1 < len(toks) else ""
    prev = toks[i - 1].key if i else ""
    if t.base_end != t.end:
        return True
    return nxt in ("said", "says", "told", "texted", "messaged", "rang", "asked", "reckons") or prev in (
        "with", "told", "texted", "messaged", "called", "named", "and", "asked"
    ) and nxt in ("", "and", "about", "yesterday", "again", "too", "then", "on", "at", "in", "said")


def _coverage(spans: list[Span], n: int) -> bytearray:
    cov = bytearray(n + 1)
    for s in spans:
        cov[s.start:s.end] = b"\x01" * (s.end - s.start)
    return cov


def _mention_regex(surface: str) -> re.Pattern:
    bare = re.sub(r"(?:['’]s|s['’])$", "", surface.strip(" \t\r\n.,;:!?\"'’()[]"), flags=re.IGNORECASE)
    words = bare.split()
    body = r"\s+".join(re.escape(w) for w in words) if words else re.escape(surface)
    return re.compile(r"(?<![\w@])(" + body + r")(?=(?:['’]s?)?(?!\w))", re.IGNORECASE)


def merge(spans: list[Span]) -> list[Span]:
    """Resolve overlaps: pattern labels beat name guesses, then longer beats shorter, then more confident.
    Two layers agreeing on the same span raise its confidence."""
    if not spans:
        return []
    best: dict[tuple[int, int, str], Span] = {}
    for s in spans:
        if s.end <= s.start:
            continue
        key = (s.start, s.end, s.label)
        old = best.get(key)
        if old is None:
            best[key] = s
        else:
            hi, lo = (old, s) if old.confidence >= s.confidence else (s, old)
            conf = min(0.99, hi.confidence + 0.5 * (1 - hi.confidence) * lo.confidence)
            best[key] = Span(hi.start, hi.end, hi.label, hi.text, round(conf, 3), hi.source)
    ranked = sorted(
        best.values(), key=lambda s: (-(_PRIORITY[s.label] >= 3), -(s.end - s.start), -_PRIORITY[s.label], -s.confidence)
    )
    chosen: list[Span] = []
    occupied = bytearray(max(s.end for s in ranked) + 1)
    for s in ranked:
        if any(occupied[s.start:s.end]):
            continue
        chosen.append(s)
        occupied[s.start:s.end] = b"\x01" * (s.end - s.start)
    chosen.sort(key=lambda s: s.start)
    return chosen


_ADDR_GAP = re.compile(r"^,?\s{1,2}$")


_COMPASS_BEFORE = re.compile(r"(?:north|south|east|west|central|upper|lower|greater)\s$", re.IGNORECASE)
_AFTER_LOC = re.compile(r"^(?: (?:North|South|East|West|Upper|Lower|Central)\b| estate\b| Estate\b)")
_FLAT_BEFORE = re.compile(r"(?:Flat|FLAT|flat|Apartment|Apt|Unit|Room)\s+\d{1,4}[A-Za-z]?,\s*$")
_TOWN_GAP = re.compile(r"^,\s*[A-Z][\w'’-]+(?:\s[A-Z][\w'’-]+){0,2},?\s+$")


def _extend_locations(text: str, spans: list[Span]) -> list[Span]:
    """"west Belfast", "Cowbridge Road East", "Ellor Street estate", "Flat 12, Hanover Tower"."""
    out = []
    for s in spans:
        if s.label == "LOCATION":
            start, end = s.start, s.end
            m = _COMPASS_BEFORE.search(text, max(0, start - 8), start)
            if m and (m.start() == 0 or not text[m.start() - 1].isalnum()):
                start = m.start()
            m = _AFTER_LOC.match(text[end:end + 12])
            if m and not s.text.lower().endswith("estate"):
                end += m.end()
            m = _FLAT_BEFORE.search(text, max(0, start - 20), start)
            if m:
                start = m.start()
            if (start, end) != (s.start, s.end):
                s = Span(start, end, s.label, text[start:end], s.confidence, s.source)
        out.append(s)
    return merge(out)


def _address_chain(text: str, spans: list[Span]) -> list[Span]:
    """A full address is one LOCATION span: "14 Elm Road, Northfield, NF3 2QT"."""
    out: list[Span] = []
    for s in spans:
        gap = text[out[-1].end:s.start] if out else ""
        if out and s.label == "LOCATION" and out[-1].label == "LOCATION" and _is_postcode(s.text.split(",")[-1].strip()[-8:]) \
                and _TOWN_GAP.match(gap):
            prev = out[-1]
            out[-1] = Span(prev.start, s.end, "LOCATION", text[prev.start:s.end], prev.confidence, prev.source)
            continue
        if out and s.label == "LOCATION" and out[-1].label == "LOCATION" and _ADDR_GAP.match(gap) and (
            out[-1].text[:1].isdigit() or _ends_postcode(s.text) or "," in gap or out[-1].text[:4].lower() == "flat"
        ):
            prev = out[-1]
            if prev.text[:1].isdigit() or _ends_postcode(s.text) or _is_postcode(prev.text) or (
                prev.text[:4].lower() == "flat"
            ):
                out[-1] = Span(prev.start, s.end, "LOCATION", text[prev.start:s.end],
                               max(prev.confidence, s.confidence), prev.source)
                continue
        out.append(s)
    return out


_POSTCODE = re.compile(r"^[A-Za-z]{1,2}\d[A-Za-z0-9]?\s?\d[A-Za-z]{2}$")


def _ends_postcode(s: str) -> bool:
    return bool(_POSTCODE_END.search(s))


_POSTCODE_END = re.compile(r"(?:^|\s)[A-Za-z]{1,2}\d[A-Za-z0-9]?\s?\d[A-Za-z]{2}$")


def _is_postcode(s: str) -> bool:
    return bool(_POSTCODE.match(s))


_LOCK = threading.Lock()
_CACHE: dict[tuple, Detector] = {}


def load_detector(*, use_model: bool = True, model_dir: str | None = None) -> Detector:
    """The detector with the shipped gazetteers and (when present) the trained NER model; cached."""
    key = (use_model, model_dir)
    with _LOCK:
        det = _CACHE.get(key)
        if det is None:
            ner = None
            if use_model:
                from .ner import load_ner

                ner = load_ner(model_dir)
            det = Detector(load_gazetteers(), ner)
            _CACHE[key] = det
        return det


__all__ += ["fold", "merge"]
