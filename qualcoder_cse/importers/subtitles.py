"""Readers for subtitle files from recorded calls: WebVTT (.vtt) and SubRip (.srt).

Each cue's speaker comes from a WebVTT voice tag (``<v Sam>``, as Teams writes), else from a label at the
start of the cue text (``Sam: ...``, ``- Sam: ...``, ``>> SAM: ...``, ``[Sam] ...``, as Zoom and broadcast
captions write). Consecutive cues of the same speaker are joined into one turn, written as
``Speaker: text`` with a blank line between turns; the first cue's start time becomes the turn's timestamp
(metadata, not text). Cues without any speaker are joined into plain paragraphs and their times are
dropped, since there is no turn to keep them on. Formatting tags and NOTE/STYLE/REGION blocks are dropped.
"""

from __future__ import annotations

import html
import re

from .errors import DamagedFile
from .formats import ReadResult
from .speakers import is_not_speaker
from .text import decode_text

_TIMING = re.compile(
    r"^\s*(?P<start>(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3})\s*-->\s*(?P<end>(?:\d{1,3}:)?\d{1,2}:\d{2}[.,]\d{1,3})"
)
_VOICE = re.compile(r"<v(?:\.[^\s>]*)?(?:\s+(?P<name>[^>]*))?>", re.IGNORECASE)
_TAG = re.compile(r"</?[^>\n]{0,200}>|\{\\[^}\n]{0,50}\}")
_LABEL = re.compile(
    r"^(?:>>\s*|-\s*)?(?:\[(?P<b>[^\]\n]{1,40})\]\s*:?|(?P<c>[^\W\d_][\w .'’-]{0,39}?)\s*:)\s+(?P<rest>\S.*)$"
)


def _label(line: str) -> tuple[str | None, str]:
    m = _LABEL.match(line)
    if not m:
        return None, line
    name = (m.group("b") or m.group("c") or "").strip()
    if not name or len(name.split()) > 4 or is_not_speaker(name):
        return None, line
    return name, m.group("rest")


def _cue_segments(lines: list[str]) -> list[tuple[str | None, str]]:
    """(speaker or None, text) pieces of one cue's text lines."""
    segments: list[tuple[str | None, str]] = []
    for raw in lines:
        voices = list(_VOICE.finditer(raw))
        if voices:
            if raw[: voices[0].start()].strip():
                segments.append((None, raw[: voices[0].start()]))
            for k, v in enumerate(voices):
                end = voices[k + 1].start() if k + 1 < len(voices) else len(raw)
                name = html.unescape(_TAG.sub("", v.group("name") or "")).strip() or None
                segments.append((name, raw[v.end():end]))
        else:
            segments.append((None, raw))
    out: list[tuple[str | None, str]] = []
    for name, piece in segments:
        text = " ".join(html.unescape(_TAG.sub("", piece)).split())
        if not text:
            continue
        if name is None:
            name, text = _label(text)
            if name is None and out and not text.startswith(("-", ">>")):
                name = out[-1][0]  # a cue's next line continues its speaker
        if out and out[-1][0] == name and (name or not text.startswith(("-", ">>"))):
            out[-1] = (name, out[-1][1] + " " + text)
        else:
            out.append((name, text))
    return out


def _assemble(cues: list[tuple[str, list[str]]], fmt: str) -> ReadResult:
    items: list[list] = []  # [speaker or None, start timestamp, [texts]]
    for start, lines in cues:
        for speaker, text in _cue_segments(lines):
            if items and items[-1][0] == speaker and (speaker or not text.startswith(("-", ">>"))):
                items[-1][2].append(text)
            else:
                items.append([speaker, start, [text]])
    out: list[str] = []
    hints: set[str] = set()
    for speaker, start, texts in items:
        body = " ".join(texts)
        if speaker:
            hints.add(speaker)
            out.append(f"[{start}] {speaker}: {body}")
        else:
            out.append(body)
    return ReadResult("\n\n".join(out), fmt, None, hints)


def _blocks(text: str) -> list[list[str]]:
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    return [b.split("\n") for b in re.split(r"\n[ \t]*\n", text) if b.strip()]


def read_vtt(data: bytes) -> ReadResult:
    text, encoding = decode_text(data, "vtt")
    text = text.lstrip("\ufeff")
    if not text.startswith("WEBVTT"):
        raise DamagedFile("This is not a WebVTT subtitle file: it does not start with WEBVTT.")
    cues: list[tuple[str, list[str]]] = []
    for block in _blocks(text):
        if block[0].startswith(("NOTE", "STYLE", "REGION")):
            continue
        for i, line in enumerate(block):
            m = _TIMING.match(line)
            if m:
                cues.append((m.group("start").replace(",", "."), block[i + 1:]))
                break
    if not cues:
        raise DamagedFile("This WebVTT file has no cues with a valid time line (00:00:01.000 --> 00:00:04.000).")
    result = _assemble(cues, "vtt")
    result.encoding = encoding
    return result


def read_srt(data: bytes) -> ReadResult:
    text, encoding = decode_text(data, "srt")
    cues: list[tuple[str, list[str]]] = []
    for block in _blocks(text):
        for i, line in enumerate(block[:3]):
            m = _TIMING.match(line)
            if m:
                cues.append((m.group("start").replace(".", ","), block[i + 1:]))
                break
    if not cues:
        raise DamagedFile(
            "This is not an SRT subtitle file: it has no cue with a time line (00:00:01,000 --> 00:00:04,000)."
        )
    result = _assemble(cues, "srt")
    result.encoding = encoding
    return result
