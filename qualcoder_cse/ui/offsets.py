"""The one place that converts between Qt's UTF-16 positions and stored code-point offsets.

Stored offsets (codings, turns, search hits) are Python string indices, i.e. Unicode code points. Qt's text
classes count UTF-16 code units, so every character outside the Basic Multilingual Plane (most emoji) takes
two Qt positions. ``OffsetMap`` precomputes where those characters are, so both directions are a binary
search. A Qt position that falls between the two halves of a surrogate pair rounds down to the character.
"""

from __future__ import annotations

from bisect import bisect_left, bisect_right


class OffsetMap:
    """Offset conversion for one text. Build it once per document (O(n)); each lookup is O(log k)."""

    __slots__ = ("_astral_cp", "_astral_qt", "_astral_qt_end", "length", "qt_length")

    def __init__(self, text: str) -> None:
        cps = [i for i, ch in enumerate(text) if ord(ch) > 0xFFFF]
        self._astral_cp = cps
        self._astral_qt = [cp + k for k, cp in enumerate(cps)]  # Qt position of each astral character
        self._astral_qt_end = [q + 2 for q in self._astral_qt]
        self.length = len(text)
        self.qt_length = len(text) + len(cps)

    def to_qt(self, cp: int) -> int:
        """Code-point offset -> Qt (UTF-16) position."""
        cp = max(0, min(cp, self.length))
        return cp + bisect_left(self._astral_cp, cp) if self._astral_cp else cp

    def to_cp(self, qt: int) -> int:
        """Qt (UTF-16) position -> code-point offset (inside a surrogate pair: the character's start)."""
        qt = max(0, min(qt, self.qt_length))
        k = bisect_right(self._astral_qt_end, qt)  # astral characters wholly before qt
        if k < len(self._astral_qt) and self._astral_qt[k] + 1 == qt:
            return self._astral_cp[k]
        return qt - k

    def span_to_qt(self, start: int, end: int) -> tuple[int, int]:
        return self.to_qt(start), self.to_qt(end)

    def span_to_cp(self, start: int, end: int) -> tuple[int, int]:
        """A Qt selection -> code points; an end inside a surrogate pair extends to cover the character."""
        s = self.to_cp(start)
        e = self.to_cp(end)
        if self.to_qt(e) < end:
            e += 1
        return s, min(e, self.length)
