"""Where a REFI-QDA selection lands: the unit the writer counted in, and how it counted a CRLF.

The standard counts Unicode code points; NVivo (a .NET program) counts UTF-16 code units, so every emoji
or other character outside the Basic Multilingual Plane shifts later positions by one. ATLAS.ti counts a
CRLF as one position although its text files hold CRLF; the others count two. The stored text has LF.

The unit is decided once per file, from evidence in the file where it has any, else from its origin:

1. readings that put a selection outside the text or inside a surrogate pair are out;
2. the file's own account of the selected text (``name``, as ATLAS.ti and QualCoder write it, or a
   ``Description`` that repeats it) matching the text under one unit and not the other;
3. selections that start and end on word boundaries under one unit far more often than under the other;
4. the origin: NVivo counts UTF-16 units, every other writer code points.

Only sources whose text holds characters outside the BMP can tell the units apart; when none do, both
readings agree and the report says so. The CRLF reading is then chosen per source, as before.
"""

from __future__ import annotations

import bisect
from collections.abc import Callable

from .refi_model import RefiData, RSelection, RSource

CODE_POINTS = "code points"
UTF16 = "UTF-16 code units"

Reading = Callable[[int], int | None]  # a position in the file -> an offset in the LF text, or None


def _astral_utf16_starts(text: str) -> list[int]:
    """UTF-16 index of each character outside the BMP (each takes two units)."""
    out, extra = [], 0
    for i, ch in enumerate(text):
        if ord(ch) > 0xFFFF:
            out.append(i + extra)
            extra += 1
    return out


def _utf16_to_cp(text: str) -> Reading:
    starts = _astral_utf16_starts(text)

    def convert(u: int) -> int | None:
        k = bisect.bisect_left(starts, u)  # astral characters starting before u
        if k and starts[k - 1] + 1 == u:
            return None  # inside a surrogate pair: no character boundary there
        return u - k

    return convert


def _crlf_to_lf(raw: str) -> Callable[[int], int]:
    crs = [i for i in range(len(raw) - 1) if raw[i] == "\r" and raw[i + 1] == "\n"]
    return lambda pos: pos - bisect.bisect_left(crs, pos)  # a position on a CR maps onto its LF


def readings(raw: str, unit: str) -> dict[str, Reading]:
    """The readings of one source in ``unit``: CRLF counted as two positions, or as one."""
    text = raw.replace("\r\n", "\n")
    to_lf = _crlf_to_lf(raw)
    if unit == CODE_POINTS:
        out: dict[str, Reading] = {"two": lambda p: to_lf(p), "one": lambda p: p}
    else:
        on_raw, on_lf = _utf16_to_cp(raw), _utf16_to_cp(text)

        def two(p: int) -> int | None:
            cp = on_raw(p)
            return None if cp is None else to_lf(cp)

        out = {"two": two, "one": on_lf}
    if "\r\n" not in raw:
        out.pop("one")  # the same reading twice
    return out


def _boundary(text: str, i: int) -> bool:
    return i <= 0 or i >= len(text) or not (text[i - 1].isalnum() and text[i].isalnum())


def _said(sel: RSelection) -> list[str]:
    out = []
    for value in (sel.said, sel.description):
        v = " ".join((value or "").split()).rstrip(".…").strip()
        if v:
            out.append(v[:40])
    return out


def _same(segment: str, said: str) -> bool:
    a = " ".join(segment.split())[: len(said)]
    n = min(len(a), len(said))
    return n > 0 and a[:n] == said[:n]


def score(text: str, selections: list[RSelection], reading: Reading) -> tuple[int, int, int]:
    """(selections the reading cannot place, selections matching the file's own text, selections on word
    boundaries)."""
    bad = said = bounded = 0
    for sel in selections:
        s, e = reading(sel.start), reading(sel.end)
        if s is None or e is None or not (0 <= s <= e <= len(text)):
            bad += 1
            continue
        if any(_same(text[s:e], x) for x in _said(sel)):
            said += 1
        if _boundary(text, s) and _boundary(text, e):
            bounded += 1
    return bad, said, bounded


def _best(text: str, sels: list[RSelection], reads: dict[str, Reading]) -> tuple[int, int, int]:
    return max((score(text, sels, r) for r in reads.values()), key=lambda t: (-t[0], t[1], t[2]))


def decide_unit(data: RefiData) -> str:
    """Choose the unit for the whole file and say why in ``data.messages``; sets ``data.unit``."""
    totals = {CODE_POINTS: [0, 0, 0], UTF16: [0, 0, 0]}
    n = 0
    for src in data.sources:
        if src.raw is None or not src.selections or not any(ord(ch) > 0xFFFF for ch in src.raw):
            continue
        text = src.raw.replace("\r\n", "\n")
        n += len(src.selections)
        for unit, total in totals.items():
            for i, v in enumerate(_best(text, src.selections, readings(src.raw, unit))):
                total[i] += v
    nvivo = "nvivo" in data.origin.lower() or "utf-16 positions" in data.origin.lower()
    prior = UTF16 if nvivo else CODE_POINTS
    if not n:
        data.unit = prior
        data.unit_note = (
            f"read as {prior}; no coded text holds characters outside the Basic Multilingual Plane (such as "
            "emoji), so code points and UTF-16 units agree here"
        )
        return prior
    cp, u16 = totals[CODE_POINTS], totals[UTF16]
    margin = max(2, n // 10)
    if cp[0] != u16[0]:
        unit, why = (CODE_POINTS, "placement") if cp[0] < u16[0] else (UTF16, "placement")
    elif cp[1] != u16[1]:
        unit, why = (CODE_POINTS, "said") if cp[1] > u16[1] else (UTF16, "said")
    elif abs(cp[2] - u16[2]) >= margin:
        unit, why = (CODE_POINTS, "bounds") if cp[2] > u16[2] else (UTF16, "bounds")
    else:
        unit, why = prior, "origin"
    other = u16 if unit == CODE_POINTS else cp
    mine = cp if unit == CODE_POINTS else u16
    detail = {
        "placement": f"{other[0]} of {n} selections fall outside the text or inside a character the other way",
        "said": f"{mine[1]} of {n} selections match the text the file gives for them, against {other[1]}",
        "bounds": f"{mine[2]} of {n} selections start and end on word boundaries, against {other[2]}",
        "origin": "the file gives no decisive evidence, so the writer's usual unit is used",
    }[why]
    writer = " (the writer's unit)" if nvivo and unit == UTF16 else ""
    data.unit = unit
    data.unit_note = f"read as {unit}{writer}: {detail}"
    return unit


def settle(src: RSource, data: RefiData, label: str) -> None:
    """Move ``src``'s selections onto its LF text in ``data.unit``; sets ``src.text``."""
    raw = src.raw or ""
    text = raw.replace("\r\n", "\n")
    reads = readings(raw, data.unit)
    how = "two"
    if "one" in reads:
        two = score(text, src.selections, reads["two"])
        one = score(text, src.selections, reads["one"])
        # ATLAS.ti counts a CRLF as one position although its files hold CRLF; other writers count two.
        if (one[0], -one[1]) < (two[0], -two[1]) or (
            (one[0], one[1]) == (two[0], two[1]) and "atlas" in data.origin.lower()
        ):
            how = "one"
        data.messages.append(
            f"source '{label}': CRLF line ends stored as LF (the file counted a CRLF as "
            f"{'one position' if how == 'one' else 'two positions'})"
        )
    read = reads[how]
    for sel in src.selections:
        s, e = read(sel.start), read(sel.end)
        # A position that cannot be placed stays as an impossible span, reported by the importer.
        sel.start, sel.end = (-1, -1) if s is None or e is None else (s, e)
    src.text = text
    src.raw = None
