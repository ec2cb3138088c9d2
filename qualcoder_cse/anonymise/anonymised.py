"""The result of applying a review: the anonymised text, each replacement with its offsets in both texts, and
the log entries; it maps offsets (codings, speaker turns) from the original text onto the anonymised one."""

from __future__ import annotations

import bisect
from dataclasses import dataclass, field

from ..core.pseudonyms import LogEntry


@dataclass
class Replacement:
    start: int  # in the original text
    end: int
    new_start: int  # in the anonymised text
    new_end: int
    label: str
    placeholder: str


@dataclass
class AnonymisedResult:
    text: str
    replacements: list[Replacement]
    log: list[LogEntry] = field(default_factory=list)
    _starts: list[int] = field(default_factory=list, init=False, repr=False, compare=False)

    def offset_map(self, pos: int) -> int:
        """Map an offset in the original text to the anonymised text; inside a replaced span, to its end
        (start offsets equal to a span's start stay at the placeholder's start)."""
        if len(self._starts) != len(self.replacements):  # built once: a list per call made a long import quadratic
            self._starts = [r.start for r in self.replacements]
        starts = self._starts
        i = bisect.bisect_right(starts, pos) - 1
        if i < 0:
            return pos
        r = self.replacements[i]
        if pos == r.start:
            return r.new_start
        if pos < r.end:
            return r.new_end
        return r.new_end + (pos - r.end)

    def map_turns(self, turns) -> list[tuple]:
        """Speaker turns found on the original text, moved onto the anonymised text."""
        out = []
        for t in turns:
            s, e = self.offset_map(t[0]), self.offset_map(t[1])
            out.append((s, max(s, e), *t[2:]))
        return out
