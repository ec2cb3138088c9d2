"""Units the suggester labels: sentences or speaker turns of a document, as code-point spans.

Sentences end at ``. ! ?`` (with closing quotes or brackets) followed by space, or at a line break; a speaker
label at a line start (``DI:``) is left out of the sentence, so the label never counts as words. Turns come
from the project's turns table; a document without turns falls back to its non-empty lines.
Pure functions, no storage.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

UNIT_KINDS = ("sentence", "turn")
MIN_CHARS = 12  # shorter pieces ("Yes.", "INT: OK") carry too little to label

_LABEL = re.compile(r"[ \t]*\[?[A-Za-z][\w .'’\-\[\]]{0,40}?\]?:[ \t]+")
_END = re.compile(r"[.!?…]+[\"'”’)\]]*(?=\s)|\n")


@dataclass(frozen=True)
class Unit:
    start: int
    end: int
    speaker: str = ""  # the speaker label of the turn the unit is in ('' when none)


def _trim(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def sentences(text: str, turns: list[tuple[int, int, str]] = ()) -> list[Unit]:
    """Sentence units of ``text``; ``turns`` (start, end, speaker), sorted, name each unit's speaker."""
    out: list[Unit] = []
    starts = [t[0] for t in turns]
    for line_start, line in _lines(text):
        m = _LABEL.match(line)
        offset = m.end() if m else 0
        seg_start = line_start + offset
        body = line[offset:]
        last = 0
        for e in _END.finditer(body + "\n"):
            s, t = _trim(text, seg_start + last, seg_start + min(e.end(), len(body)))
            last = e.end()
            if t - s >= MIN_CHARS:
                out.append(Unit(s, t, _speaker_at(turns, starts, s)))
    return out


def _lines(text: str):
    start = 0
    for line in text.split("\n"):
        yield start, line
        start += len(line) + 1


def _speaker_at(turns, starts: list[int], pos: int) -> str:
    if not turns:
        return ""
    k = bisect_right(starts, pos) - 1
    if k >= 0 and turns[k][1] > pos:
        return turns[k][2]
    return ""


def turn_units(text: str, turns: list[tuple[int, int, str]]) -> list[Unit]:
    """One unit per speaker turn (the label left out); without turns, one per non-empty line."""
    out: list[Unit] = []
    if not turns:
        for line_start, line in _lines(text):
            m = _LABEL.match(line)
            s, t = _trim(text, line_start + (m.end() if m else 0), line_start + len(line))
            if t - s >= MIN_CHARS:
                out.append(Unit(s, t, m.group(0).strip().rstrip(":").strip("[]") if m else ""))
        return out
    for start, end, speaker in turns:
        m = _LABEL.match(text, start, end)
        s, t = _trim(text, m.end() if m else start, end)
        if t - s >= MIN_CHARS:
            out.append(Unit(s, t, speaker))
    return out


def split(text: str, kind: str, turns: list[tuple[int, int, str]] = ()) -> list[Unit]:
    if kind not in UNIT_KINDS:
        raise ValueError(f"Unit '{kind}' is not one of {', '.join(UNIT_KINDS)}.")
    turns = sorted(turns)
    return sentences(text, turns) if kind == "sentence" else turn_units(text, turns)


def overlap_labels(units: list[Unit], spans: list[tuple[int, int, int]]) -> list[set[int]]:
    """For each unit, the codes of ``spans`` (start, end, code id) that cover at least half of the unit or
    half of the coded span (a short coding inside a long turn still labels the turn)."""
    labels: list[set[int]] = [set() for _ in units]
    if not spans or not units:
        return labels
    ustarts = [u.start for u in units]
    for s, e, code in spans:
        k = max(bisect_right(ustarts, s) - 1, 0)
        while k < len(units) and units[k].start < e:
            u = units[k]
            inter = min(u.end, e) - max(u.start, s)
            if inter > 0 and inter * 2 >= min(u.end - u.start, e - s):
                labels[k].add(code)
            k += 1
    return labels
