"""Word frequency over a selection of documents or over the coded segments of a query.

``word_frequency(project, options) -> WordFrequencies``: words (case-folded, curly apostrophes made
straight) with how often they occur, their share of the words counted and in how many documents. Left out:
anonymisation placeholders (``[Person 3]``, ``[Place 2]``, ``[Phone]``: any ``[...]`` on one line),
speaker labels at the start of a turn (``P1:``, ``INT:``; found by pattern when no turns are stored), numbers, words shorter than ``min_length``, and
with ``stop_words`` the English stop words in ``resources/stopwords/english.txt`` (spaCy's list, MIT, plus
transcript fillers such as "erm" and "yeah"), also with a clitic ("don't", "that's", "we've"). ``export_word_frequency(project, path, options)`` writes the
table as .xlsx or .csv.
"""

from __future__ import annotations

import csv
import io
import os
import re
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING

from openpyxl import Workbook
from openpyxl.styles import Font

from ..core.segments import SegmentQuery
from ..exporters.excel import write_file
from ..paths import resources_dir

if TYPE_CHECKING:
    from ..core.project import Project

_WORD = re.compile(r"\w+(?:['’]\w+)*")
_PLACEHOLDER = re.compile(r"\[[^\[\]\n]{1,60}\]")
_LABEL = re.compile(r"^[ \t]*(\[?[A-Za-z][\w .'’\-\[\]]{0,40}?\]?:)[ \t]", re.MULTILINE)
_CLITIC = re.compile(r"(?:n't|'s|'re|'ve|'ll|'d|'m)$")  # "don't" is a stop word when "do" is


@dataclass(frozen=True)
class WordFrequencyOptions:
    documents: tuple[int, ...] | None = None  # None: every document
    segments: SegmentQuery | None = None  # when given: only the text of these coded segments
    stop_words: bool = True
    min_length: int = 2
    limit: int | None = None  # the most frequent N (None: all)


@dataclass(frozen=True)
class WordCount:
    word: str
    count: int
    share: float  # of the words counted
    documents: int


@dataclass(frozen=True)
class WordFrequencies:
    words: list[WordCount]
    counted: int  # words counted (after everything left out)
    documents: int  # documents looked at
    source: str  # "3 documents" / "1,204 coded segments"
    complete: bool = True  # False when stopped early (the counts so far)


@lru_cache(maxsize=1)
def stop_words() -> frozenset[str]:
    path = resources_dir() / "stopwords" / "english.txt"
    lines = path.read_text(encoding="utf-8").splitlines()
    return frozenset(w.strip().casefold() for w in lines if w.strip() and not w.startswith("#"))


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    """``text`` with each span replaced by spaces (offsets stay valid)."""
    if not spans:
        return text
    parts, pos = [], 0
    for s, e in sorted(spans):
        s = max(s, pos)
        if e <= s:
            continue
        parts += [text[pos:s], " " * (e - s)]
        pos = e
    parts.append(text[pos:])
    return "".join(parts)


def _clean_text(project: Project, doc_id: int, text: str) -> str:
    labels = []
    turns = project.turns.list(doc_id)
    for t in turns:
        if t.speaker and text.startswith(t.speaker, t.start):
            e = t.start + len(t.speaker)
            labels.append((t.start, e + 1 if text[e:e + 1] == ":" else e))
    if not turns:  # no turns stored: labels by their look, as the document view finds them
        labels = [(m.start(1), m.end(1)) for m in _LABEL.finditer(text)]
    return _PLACEHOLDER.sub(lambda m: " " * len(m.group()), _blank(text, labels))


def word_frequency(project: Project, options: WordFrequencyOptions | None = None, progress=None) -> WordFrequencies:
    """Count words; ``progress(done, total)`` returning False stops early (the counts so far are returned)."""
    options = options or WordFrequencyOptions()
    stops = stop_words() if options.stop_words else frozenset()
    pieces: dict[int, list[tuple[int, int]]] = {}
    if options.segments is not None:
        segments = project.segments.list(options.segments)
        for s in segments:
            pieces.setdefault(s.document_id, []).append((s.start, s.end))
        source = f"{len(segments):,} coded segment{'s' if len(segments) != 1 else ''}"
    else:
        ids = options.documents if options.documents is not None else [d.id for d in project.documents.list()]
        pieces = {d: [] for d in ids}
        source = f"{len(pieces):,} document{'s' if len(pieces) != 1 else ''}"
    counts: Counter[str] = Counter()
    in_docs: Counter[str] = Counter()
    complete = True
    for done, (doc_id, spans) in enumerate(sorted(pieces.items())):
        if progress is not None and progress(done, len(pieces)) is False:
            complete = False
            break
        text = _clean_text(project, doc_id, project.documents.text(doc_id))
        if spans:  # overlapping segments count their words once
            merged: list[list[int]] = []
            for s, e in sorted(spans):
                if merged and s <= merged[-1][1]:
                    merged[-1][1] = max(merged[-1][1], e)
                else:
                    merged.append([s, e])
            text = "\n".join(text[s:e] for s, e in merged)
        here: Counter[str] = Counter()
        for m in _WORD.finditer(text):
            w = m.group().casefold().replace("’", "'")
            if len(w) < options.min_length or w.isdigit() or w in stops:
                continue
            if "'" in w and stops and _CLITIC.sub("", w) in stops:
                continue
            here[w] += 1
        counts.update(here)
        in_docs.update(here.keys())
    total = sum(counts.values())
    ranked = sorted(counts.items(), key=lambda kv: (-kv[1], kv[0]))
    if options.limit is not None:
        ranked = ranked[: options.limit]
    words = [WordCount(w, n, n / total if total else 0.0, in_docs[w]) for w, n in ranked]
    return WordFrequencies(words, total, len(pieces), source, complete)


def export_word_frequency(project: Project, path: str | os.PathLike, options: WordFrequencyOptions | None = None) -> int:
    """Write the table (word, count, share, documents) as .xlsx, or .csv for any other suffix; returns the
    number of words written."""
    result = word_frequency(project, options)
    path = Path(path)
    header = ["Word", "Count", "Share of words", "Documents"]
    rows = [[w.word, w.count, round(w.share, 6), w.documents] for w in result.words]
    if path.suffix.lower() == ".xlsx":
        wb = Workbook()
        ws = wb.active
        ws.title = "Word frequency"
        ws.append(header)
        for cell in ws[1]:
            cell.font = Font(bold=True)
        for row in rows:
            ws.append(row)
        for row in ws.iter_rows(min_row=2, min_col=3, max_col=3):
            row[0].number_format = "0.00%"
        ws.freeze_panes = "A2"
        ws.auto_filter.ref = ws.dimensions
        ws.append([])
        ws.append([(f"From {result.source}; {result.counted:,} words counted (stop words, placeholders and "
                   "speaker labels left out).")])
        buf = io.BytesIO()
        wb.save(buf)
        payload = buf.getvalue()
    else:
        buf = io.StringIO()
        writer = csv.writer(buf)
        writer.writerow(header)
        writer.writerows(rows)
        payload = buf.getvalue().encode("utf-8-sig")
    write_file(path, payload)
    return len(rows)
