"""Where the NER model runs and which of its spans are kept (the detector's statistical layer, ``ner.py``).

The model runs only on lines holding a candidate the other layers left unexplained, which keeps detection
fast: a capitalised word that is no English word (or a listed name at the start of a sentence), a Title Case
phrase of ordinary words, a word-name ("Pearl", "Summer") that no rule placed, a lowercase chat word that may
be a name ("mel", "ty", "stevo"), or an organisation or place the rules found whose name may run on ("Cardiff
and Vale UHB"). Its spans are kept only where no other layer has a say and the span holds a candidate; a span
that holds a rule's place or organisation and runs on over Title Case words or "and"/"&"/"'s" replaces it.
"""

from __future__ import annotations

import os
import re

from .gazetteers import Gazetteers
from .lexicon import MONTHS, NATIONAL, NOT_NAMES, ROLE_WORDS, STOP, WEEKDAYS
from .merging import _coverage
from .span_passes import _NER_NOT
from .spans import Span, fold
from .title_runs import kind_of_team
from .tokens import Tok

# measurement switches (bench/anonymise_eval.py runs with the defaults)
_KINDS = frozenset(os.environ.get("QCSE_NER_GATE", "ext,handle,lowercon").split(","))
_LOWER = frozenset(["lower", "lowercon"])
_AS_PERSON, _AS_CONTACT = 1, 2  # what the model may call a weak candidate
_WEAK_AS = {"PERSON": _AS_PERSON, "CONTACT": _AS_CONTACT}
UNSURE = 0.45
# text-speak that no list knows but no one is called: a letter said three times ("hiii", "byeee"), or no vowel
_TEXT_SPEAK = re.compile(r"(\w)\1\1|^[^aeiouy]{3,}$")
_NICK_WORDS = frozenset(["big", "lil", "little", "young", "uncle", "auntie", "aunty", "cuz", "bro"])
_WINDOW = 50  # characters of context either side of a candidate: the model looks two or three words away
_EXTENDED = frozenset(["ORG", "LOCATION", "ID"])  # kinds whose names may start earlier ("Beacon SARC", "KS 2291")  # below the review's "unsure" line: the researcher sees it flagged
_RUN_ON = re.compile(r"(?:\s+(?:and|&|of|for|the|The|on|upon)\b|['’]s?\b|\s+[A-Z0-9][\w'’-]*|,\s+[A-Z][\w'’-]*)")
# a person's name that may be the start of an organisation's ("Sultan's Garden Lounge", "Begum and Carter")
_PERSON_RUN_ON = re.compile(r"['’]s?\s+[A-Z]|\s+(?:and|&)\s+(?:The\s+)?[A-Z]|[ \t]+[A-Z]")
_RUN_BACK = re.compile(r"(?:\b(?:[A-Z][\w'’-]*|and|&|of|The)[\s/-]|[A-Z]{1,4}[/-])$")
# a username: letters with digits, "_" or "." ("deano_x", "b0ssman", "mel.x"), not a time, number or address
_HANDLE = re.compile(r"(?<![\w@./:-])[a-z0-9][\w.]{2,22}[a-z0-9](?![\w@/-]|\.\w|:\d)")
_HANDLE_MARK = re.compile(r"[\d_.]")

_TIME_AFTER = re.compile(r"[ \t]+\d{1,2}:\d{2}")


def _plain_title(toks: list[Tok], i: int) -> bool:
    if i < 0 or i >= len(toks):
        return False
    t = toks[i]
    k = t.key
    return t.shape == "title" and not t.initial and k.isalpha() and k not in STOP and k not in NOT_NAMES \
        and k not in MONTHS and k not in WEEKDAYS and t.text[1:].islower() and k not in ROLE_WORDS


def _skip(k: str) -> bool:
    return k in STOP or k in NOT_NAMES or k in ROLE_WORDS or not k.isalpha() or len(k) < 2 or k in MONTHS \
        or k in WEEKDAYS or k.rstrip("s") in WEEKDAYS


class NerGate:
    def __init__(self, gaz: Gazetteers, heads: frozenset[str]) -> None:
        self.gaz = gaz
        self.heads = heads  # place and organisation head words ("Hall", "Academy", "Road")

    def _word_name(self, k: str) -> bool:
        g = self.gaz.given.get(k)
        return g is not None and g[0] >= 150 and k in self.gaz.words

    def _chat_word(self, t: Tok) -> bool:
        """A lowercase word that may be a chat name: a given name that is a rare word, or no word at all."""
        k = t.key
        if len(k) > 12 or not t.text.isalpha() or _TEXT_SPEAK.search(k):
            return False
        tier = self.gaz.words.get(k)
        if tier is None:
            return True
        return tier > 35 and k in self.gaz.given

    def _all_weak(self, text: str, s: Span, weak: bytearray) -> bool:
        """Every word of a weak span is a candidate itself, a given name or a nickname's modifier ("big stevo");
        not "stop stoppin", "hotspot shift"."""
        for m in re.finditer(r"\S+", s.text):
            i = s.start + m.start()
            if not weak[i] and fold(m.group()) not in _NICK_WORDS and fold(m.group()) not in self.gaz.given:
                return False
        return True

    def candidates(self, text: str, toks: list[Tok], spans: list[Span]) -> tuple[bytearray, bytearray, list]:
        """(strong candidates, weak candidates, ranges of text to run the model on)."""
        cov = _coverage([s for s in spans if s.source != "unknown"], len(text))
        words, given = self.gaz.words, self.gaz.given
        cand = bytearray(len(text) + 1)
        weak = bytearray(len(text) + 1)
        ranges: list[tuple[int, int]] = []

        def around(start: int, end: int, whole_line: bool = False) -> None:
            ls = text.rfind("\n", 0, start) + 1
            le = text.find("\n", end)
            le = len(text) if le < 0 else le
            if not whole_line:  # a window of the line is context enough, and keeps long paragraphs cheap
                if start - ls > _WINDOW:
                    cut = text.find(" ", start - _WINDOW, start)
                    ls = cut + 1 if cut >= 0 else ls
                if le - end > _WINDOW:
                    cut = text.rfind(" ", end, end + _WINDOW)
                    le = cut if cut >= 0 else le
            ranges.append((ls, le))

        def mark(t: Tok, arr: bytearray, value: int = 1) -> None:
            arr[t.start:t.base_end] = bytes([value]) * (t.base_end - t.start)
            around(t.start, t.end)

        for i, t in enumerate(toks):
            k = t.key
            if cov[t.start] or _skip(k):
                continue
            if not t.text[1:].islower():
                continue
            phrase = _plain_title(toks, i) and k in words and (
                (_plain_title(toks, i + 1) and toks[i + 1].spaced) or (_plain_title(toks, i - 1) and t.spaced)
            )
            if (t.shape == "title" and not t.initial and k not in words) or phrase or (
                t.shape == "title" and t.initial and k not in words and (k in given or k in self.gaz.surnames)
            ):
                mark(t, cand)
            elif "word" in _KINDS and t.shape == "title" and self._word_name(k):
                mark(t, weak, _AS_PERSON)
            elif t.shape == "lower" and (_LOWER & _KINDS) and self._chat_word(t):
                mark(t, weak, _AS_PERSON * ("lower" in _KINDS) | _AS_CONTACT * ("lowercon" in _KINDS))
        if "handle" in _KINDS:
            for m in _HANDLE.finditer(text):
                h = m.group()
                stem = h.rstrip("0123456789")  # "interview2", "session3": a word and a number, no username
                if stem != h and "_" not in stem and "." not in stem and words.get(stem, 99) <= 35 \
                        and stem not in given:
                    continue
                if _HANDLE_MARK.search(h) and not h.replace(".", "").isdigit() and not any(cov[m.start():m.end()]):
                    weak[m.start():m.end()] = bytes([_AS_PERSON | _AS_CONTACT]) * (m.end() - m.start())
                    around(m.start(), m.end())
        if "ext" in _KINDS:
            for s in spans:
                if s.label != "DATE" and s.text[:1].isupper() and (
                        (_RUN_ON if s.label in _EXTENDED else _PERSON_RUN_ON).match(text, s.end)
                        or (s.label in _EXTENDED and _RUN_BACK.search(text, max(0, s.start - 30), s.start))):
                    around(s.start, s.end)
        return cand, weak, _joined(ranges)

    def keep(self, text: str, found: list[Span], spans: list[Span], cand: bytearray,
             weak: bytearray) -> list[Span]:
        words = self.gaz.words
        cov = _coverage([s for s in spans if s.source != "unknown"], len(text))
        exact = {(s.start, s.end, s.label) for s in spans}
        found_by_rules = [s for s in spans if s.source != "unknown" and s.label != "DATE"]
        out = []
        for s in found:
            end = s.end
            while end > s.start and text[end - 1] in "\"”),;:":
                end -= 1  # a closing quote or comma the model took with the name
            time = _TIME_AFTER.search(text, s.start, end)
            if time:
                end = time.start()  # "Grace   0:03:19": a speaker line's time is no part of the name
            if end <= s.start:
                continue
            if end < s.end:
                s = Span(s.start, end, s.label, text[s.start:end], s.confidence, s.source)
            if s.text[:1] in "\"'“‘(" or _NER_NOT.search(s.text) or fold(s.text) in NATIONAL:
                continue
            if s.label == "PERSON" and all(words.get(w, 99) <= 20 for w in fold(s.text).split()) \
                    and not any(weak[s.start:s.end]):
                continue  # "Social Care": ordinary words are not a person
            keys = _title_part(s.text)
            if kind_of_team(keys, words):
                continue  # "Quality Committee", "Front Door", "Child Exploitation Unit": a team, not a name
            if keys and keys[-1] in self.heads and all(words.get(k, 99) <= 35 for k in keys) \
                    and (s.start, s.end, s.label) not in exact:
                continue  # "the Church Hall", "a Community Centre": a kind of place the head-word rules left
            if (s.start, s.end, s.label) in exact:
                out.append(s)  # agreement raises the confidence when merged
            elif any(cand[s.start:s.end]) and not any(cov[s.start:s.end]):
                out.append(s)  # only where no other layer has a say
            elif s.label in _WEAK_AS and any(b & _WEAK_AS[s.label] for b in weak[s.start:s.end]) \
                    and not any(cov[s.start:s.end]) and self._all_weak(text, s, weak):
                out.append(Span(s.start, s.end, s.label, s.text, UNSURE, "ner"))
            elif s.label in _EXTENDED and s.text[:1].isupper():
                inner = [p for p in found_by_rules if s.start <= p.start and p.end <= s.end and (p.start, p.end) != (
                    s.start, s.end)]
                wide = widened(text, s, inner, cov)
                if wide is not None:
                    out.append(wide)
        return out


def widened(text: str, s: Span, inner: list[Span], cov: bytearray) -> Span | None:
    """The model's longer name ``s`` when it holds the rules' whole spans ``inner`` and nothing else found, and
    what it adds is shaped like part of a name ("Lighthouse" + "SARC", "Avon" + "and Somerset"; not "Tom's
    X-ray"), at the rules' confidence; places side by side stay a place ("Elm Road Leeds" is no firm)."""
    if not inner:
        return None
    held = bytearray(s.end - s.start)  # the rules' spans inside, as a mask (one look-up per character)
    for p in inner:
        held[p.start - s.start:p.end - s.start] = b"\x01" * (p.end - p.start)
    if not all(not cov[i] or held[i - s.start] for i in range(s.start, s.end)) or not _name_shaped(text, s, inner):
        return None
    label = s.label
    if label == "ORG" and all(p.label == "LOCATION" for p in inner) and _only_joined(text, s, inner):
        label = "LOCATION"
    return Span(s.start, s.end, label, s.text, max(p.confidence for p in inner), "ner")


_JOINER = re.compile(r"and|&|of|for|the|on|upon|['’]s?|s['’]|[,.()]")


def _name_shaped(text: str, s: Span, inner: list[Span]) -> bool:
    """What the model's span adds to the rules' spans inside it is capitalised words, codes or joiners."""
    keep = bytearray(s.end - s.start)
    for p in inner:
        keep[p.start - s.start:p.end - s.start] = b"\x01" * (p.end - p.start)
    added = "".join(" " if keep[i] else ch for i, ch in enumerate(text[s.start:s.end]))
    words = re.findall(r"[^\s]+", added.replace("'s", " 's").replace("’s", " ’s"))
    return all(_JOINER.fullmatch(w) or (w[:1].isupper() or w[:1].isdigit()) and not w.split("-")[-1][:1].islower()
               for w in words)


def _only_joined(text: str, s: Span, inner: list[Span]) -> bool:
    """The spans ``inner`` cover every word of ``s``: what lies between them is spaces and commas."""
    keep = bytearray(s.end - s.start)
    for p in inner:
        keep[p.start - s.start:p.end - s.start] = b"\x01" * (p.end - p.start)
    return all(keep[i] or text[s.start + i] in " ,\t" for i in range(s.end - s.start))


def _joined(ranges: list[tuple[int, int]]) -> list[tuple[int, int]]:
    out: list[tuple[int, int]] = []
    for s, e in sorted(ranges):
        if out and s <= out[-1][1]:
            out[-1] = (out[-1][0], max(out[-1][1], e))
        else:
            out.append((s, e))
    return out


def _title_part(span_text: str) -> list[str]:
    """The folded words of a span up to its last capitalised word ("Child Exploitation Unit speak")."""
    parts = span_text.split()
    while parts and not parts[-1][:1].isupper():
        parts.pop()
    return [fold(w) for w in parts]
