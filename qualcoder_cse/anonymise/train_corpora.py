"""Annotated transcripts as NER training text, beside the generated text of ``train_templates.py`` and
``train_registers.py``.

The corpora are the project's own invented transcripts (``tests/data/anonymise`` and the ``bench/anonymise_*``
sets), each ``NAME.txt`` with its ``NAME.gold.json`` built by ``build_gold.py``. Written by many hands in many
voices, they hold what a generator does not: how people really run a name on, drop it mid-sentence or use
a word-name as a word two lines later. A document is cut at line breaks into pieces of about ``size``
characters, so that one long minute does not outweigh a hundred short chats in a batch, and each piece keeps
the spans wholly inside it.
"""

from __future__ import annotations

import json
from pathlib import Path

Ents = list[tuple[int, int, str]]


def corpus_docs(folder: Path) -> list[tuple[str, Ents]]:
    """Every (text, gold spans) of one corpus folder, sorted by name."""
    out = []
    for gold in sorted(folder.glob("*.gold.json")):
        txt = gold.with_name(gold.name[: -len(".gold.json")] + ".txt")
        if not txt.exists():
            continue
        text = txt.read_text(encoding="utf-8")
        spans = json.loads(gold.read_text(encoding="utf-8"))["spans"]
        out.append((text, [(s["start"], s["end"], s["label"]) for s in spans]))
    return out


def pieces(text: str, ents: Ents, size: int = 1500) -> list[tuple[str, Ents]]:
    """``text`` cut at line breaks into pieces of at most about ``size`` characters, with their spans.

    A span is never cut: a piece ends only at a line break outside every span.
    """
    inside = bytearray(len(text) + 1)
    for s, e, _lab in ents:
        inside[s:e] = b"\x01" * (e - s)
    out = []
    start = 0
    n = len(text)
    while start < n:
        end = n
        if n - start > size:
            cut = text.rfind("\n", start, start + size)
            while cut > start and inside[cut]:
                cut = text.rfind("\n", start, cut)
            if cut <= start:  # one very long line: the next line break outside a span
                cut = text.find("\n", start + size)
                while cut >= 0 and inside[cut]:
                    cut = text.find("\n", cut + 1)
            end = n if cut < 0 else cut + 1
        piece = text[start:end]
        if piece.strip():
            out.append((piece, [(s - start, e - start, lab) for s, e, lab in ents if start <= s and e <= end]))
        start = end
    return out


def corpus_pieces(folders: list[Path], size: int = 1500) -> list[tuple[str, Ents]]:
    return [p for f in folders for text, ents in corpus_docs(f) for p in pieces(text, ents, size)]
