"""Fast hit offsets for a parsed search: the same matches as ``regex.finditer(text)``, found without running
the accent-and-case regex over every character.

The query regex (``search.parse_query``) is ``(?<!\\w)`` + word classes, case-insensitive. Every match starts
with the first word of one of its terms, and each character of that word matches exactly one character of
the text: an ASCII letter only as its base letter in either case (the accent classes add non-ASCII letters
only), anything else only as a non-ASCII character. So in the text lowered to ASCII with every non-ASCII
character replaced by "?" (a real "?" by NUL first; one byte per character: offsets unchanged), a match's first word reads as the
lowered word, with "?" wherever the text has a non-ASCII character. Those positions are the candidates; the
real regex decides at each, left to right, exactly as ``finditer`` would (its look-behind sees the text
before the candidate). A term whose first word holds a character outside these rules (e.g. "ß", Greek)
makes ``anchors`` return None and the caller falls back to the plain regex.
"""

from __future__ import annotations

import re
import unicodedata

_TOKEN = re.compile(r'"([^"]*)"|(\S+)')
_WORDS = re.compile(r"\w+", re.UNICODE)


def _fold(word: str, accents: dict[str, str]) -> bytes | None:
    """The word as its ASCII matches read once lowered, or None if some character has no ASCII rule."""
    out = []
    for ch in word:
        base = unicodedata.normalize("NFD", ch)[0].lower()
        if base in accents:
            out.append(base)
        elif ch.isascii():
            out.append(ch.lower())
        else:
            return None
    return "".join(out).encode("ascii")


def anchors(query: str, accents: dict[str, str]) -> list[bytes] | None:
    """The lowered first word of every term of ``query`` (parsed as ``parse_query`` does)."""
    out: list[bytes] = []
    for m in _TOKEN.finditer(query or ""):
        phrase, word = m.group(1), m.group(2)
        words = _WORDS.findall(phrase if phrase is not None else word)
        if not words:
            continue
        folded = _fold(words[0], accents)
        if folded is None or not folded:
            return None
        out.append(folded)
    return sorted(set(out)) or None


def _wildcard(anchor: bytes) -> re.Pattern:
    return re.compile(b"".join(b"[" + re.escape(bytes([c])) + b"?]" for c in anchor))


def _letters(anchor_words: list[bytes], accents: dict[str, str]) -> re.Pattern:
    """Every character the query regex may match to a letter of a first word (case-insensitively, as it
    runs): its accent class, and the odd non-ASCII case partners such as the Kelvin sign for "k"."""
    letters = sorted({chr(c) for a in anchor_words for c in a})
    return re.compile("|".join(accents.get(ch, re.escape(ch)) for ch in letters), re.IGNORECASE)


class Scanner:
    """Finds the hits of one query in one text after another."""

    def __init__(self, regex: re.Pattern, anchor_words: list[bytes], accents: dict[str, str]) -> None:
        self.regex = regex
        self.anchors = anchor_words
        # A literal pattern's finditer runs a fast search in C: quicker than a loop of bytes.find calls.
        self.literal = [re.compile(re.escape(a)) for a in anchor_words]
        self.wild = [_wildcard(a) for a in anchor_words]
        self._letter = _letters(anchor_words, accents).fullmatch
        self._may_match: dict[str, bool] = {}  # non-ASCII character -> can it stand for a first-word letter

    def candidates(self, text: str) -> list[int]:
        ascii_text = text.isascii()
        if ascii_text:
            low = text.lower().encode("ascii")
        else:  # a real "?" becomes a NUL first, so that "?" marks only the non-ASCII characters
            low = text.replace("?", "\0").encode("ascii", "replace").lower()
        found: list[int] = []
        for lit in self.literal:
            # Non-overlapping occurrences suffice: one starting inside another follows a word character.
            found += [m.start() for m in lit.finditer(low)]
        if not ascii_text:
            # Windows holding a non-ASCII character that may stand for a letter of a first word (an emoji or
            # a curly quote never does): the wildcard form of each first word there.
            may_match, known = self._may_match, self._may_match.get
            q = low.find(b"?")
            while q != -1:
                ch = text[q]
                ok = known(ch)
                if ok is None:
                    ok = may_match[ch] = self._letter(ch) is not None
                if ok:
                    for a, w in zip(self.anchors, self.wild):
                        found += [m.start() for m in w.finditer(low, max(0, q - len(a) + 1), q + len(a))]
                q = low.find(b"?", q + 1)
        if len(self.anchors) > 1 or not ascii_text:
            found = sorted(set(found))
        return found

    def spans(self, text: str) -> list[tuple[int, int]]:
        """(start, end) of every match, as ``regex.finditer(text)`` gives them."""
        reach = 0
        match = self.regex.match
        out = []
        for pos in self.candidates(text):
            if pos >= reach:
                m = match(text, pos)
                if m is not None:
                    reach = m.end()
                    out.append((pos, reach))
        return out
