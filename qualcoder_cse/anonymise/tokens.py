"""Tokens for the rule layer: a regex tokenisation with each token's folded key, shape and position, and the
per-call state the rule passes share (``Pass``)."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from .lexicon import _HYPHEN_SUFFIX, _POSS, ROLE_WORDS, TOKEN
from .spans import Span, fold

# a line opened by a time or a number ("20:20 Chip shop...", "3. Problem profile"): the next word opens a sentence
_SENTENCE_END = re.compile(r"[.!?:;]\s*$")
_LEAD_NUMBERS = re.compile(r"[\s\[(]*(?:\d{1,4}(?:[/:.-]\d{1,4})*[.)\]]?\s+)+")


@dataclass(slots=True)
class Tok:
    text: str
    start: int
    end: int
    key: str  # folded, possessive stripped
    base_end: int  # end without the possessive
    shape: str  # "lower", "title", "upper", "other"
    initial: bool  # first word of a sentence, line or speaker turn
    spaced: bool = True  # preceded by exactly one space (so it may continue a name)

    @property
    def cap(self) -> bool:
        return self.shape in ("title", "upper")


def tokenize(text: str) -> list[Tok]:
    toks: list[Tok] = []
    append = toks.append
    prev_end = 0
    shapes: dict[str, tuple[str, str]] = {}  # base -> (shape, key): words come back, the work is done once
    for m in TOKEN.finditer(text):
        s, e = m.span()
        raw = m.group()
        base = raw
        if ("'" in raw or "’" in raw) and len(raw) > 2:
            pm = _POSS.search(raw)
            if pm:
                base = raw[: pm.start()]
        gap = text[prev_end:s]
        if not toks:
            initial = True
        elif gap == " ":  # the common case: no line break, no sentence end, no label's colon in the gap
            initial = toks[-1].key.isdigit() and _lead_numbers_reach(text, s)
        else:
            initial = ("\n" in gap) or bool(_SENTENCE_END.search(gap)) or (
                toks[-1].key in ROLE_WORDS and ":" in gap) or (toks[-1].key.isdigit() and _lead_numbers_reach(text, s))
        known = shapes.get(base)
        if known is None:
            known = shapes[base] = (_ascii_shape(base) if base.isascii() else _shape(base), fold(base))
        shape, key = known
        if "-" in raw:
            hm = _HYPHEN_SUFFIX.match(raw)
            if hm:  # "Sunderland-based": the place is the first part
                base = raw = hm.group(1)
                e = s + len(raw)
                key = fold(raw)
        append(Tok(raw, s, e, key, s + len(base), shape, bool(initial), gap == " "))
        prev_end = e
    return toks


def _lead_numbers_reach(text: str, s: int) -> bool:
    """Whether the numbers opening the line ("3. ", "20:20 ") run up to ``s``: the word there opens a sentence."""
    m = _LEAD_NUMBERS.match(text, text.rfind("\n", 0, s) + 1)
    return m is not None and m.end() >= s


def _ascii_shape(base: str) -> str:
    """``_shape`` for ASCII text by str methods (every ASCII letter is cased): the tokenizer's hot path."""
    if base.islower():
        return "lower"
    if base.isupper():
        return "upper" if sum(map(str.isalpha, base)) > 1 else "title"
    if base.lower() == base:
        return "other"  # no letter at all
    return "title" if base[0].isupper() else "other"


def _shape(base: str) -> str:
    letters = [c for c in base if c.isalpha()]
    if not letters:
        return "other"
    if all(c.islower() for c in letters):
        return "lower"
    if all(c.isupper() for c in letters):
        return "upper" if len(letters) > 1 else "title"
    return "title" if base[0].isupper() else "other"


@dataclass
class Pass:
    """One ``RuleLayer.find`` call: the text, its tokens, which tokens a rule already used, and the spans found."""

    text: str
    toks: list[Tok]
    upper_doc: bool
    out: list[Span] = field(default_factory=list)

    def __post_init__(self) -> None:
        self.keys = [t.key for t in self.toks]
        self.n = len(self.toks)
        self.used = [False] * self.n

    def add(self, i: int, j: int, label: str, conf: float, src: str = "rule", *, keep_poss: bool = False) -> None:
        s = self.toks[i].start
        e = self.toks[j].end if keep_poss else self.toks[j].base_end
        self.out.append(Span(s, e, label, self.text[s:e], conf, src))
        for x in range(i, j + 1):
            self.used[x] = True
