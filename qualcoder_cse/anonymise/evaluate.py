"""Scoring of anonymiser output against an annotated corpus: recall, precision and the list of misses.

Pure functions over plain data, with no import of the detector, so tests and ``bench/anonymise_eval.py``
share one definition of every figure:

- strict recall: a gold span counts as found when every one of its characters is covered by some
  predicted span (of any label: for redaction what matters is that nothing is left visible);
- lenient recall: a gold span counts as found when any predicted span overlaps it;
- per-label recall: the same, grouped by the gold span's label;
- span precision: a predicted span is correct when it overlaps any gold span (any label);
- label-exact precision: a predicted span is correct when it overlaps a gold span of the same label.

A corpus directory holds ``NAME.txt`` (plain text) with ``NAME.gold.json`` (``{"spans": [{"start",
"end", "label", "text"}]}``, Python string offsets, end exclusive), as written by
``tests/data/anonymise/build_gold.py``.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Protocol

LABELS = ("PERSON", "LOCATION", "ORG", "DATE", "CONTACT", "ID")


class SpanLike(Protocol):
    """Anything with character offsets and a label (the detector's spans, gold spans)."""

    start: int
    end: int
    label: str


@dataclass(frozen=True, slots=True)
class GoldSpan:
    """One annotated identifier: ``text[start:end]`` with its label."""

    start: int
    end: int
    label: str
    text: str


@dataclass(frozen=True, slots=True)
class GoldDocument:
    """One corpus transcript with its gold spans."""

    name: str
    text: str
    spans: tuple[GoldSpan, ...]

    @property
    def words(self) -> int:
        return len(self.text.split())


@dataclass(frozen=True, slots=True)
class Miss:
    """A gold span the prediction did not fully cover; ``partial`` when something overlapped it."""

    document: str
    span: GoldSpan
    partial: bool


@dataclass(frozen=True, slots=True)
class FalsePositive:
    """A predicted span that overlaps no gold span."""

    document: str
    start: int
    end: int
    label: str
    text: str


@dataclass
class Counts:
    """Running totals for one label (or overall)."""

    gold: int = 0
    strict: int = 0
    lenient: int = 0

    @property
    def strict_recall(self) -> float:
        return self.strict / self.gold if self.gold else 1.0

    @property
    def lenient_recall(self) -> float:
        return self.lenient / self.gold if self.gold else 1.0


@dataclass
class Scores:
    """All figures for a corpus; ``per_label`` is keyed by gold label."""

    overall: Counts = field(default_factory=Counts)
    per_label: dict[str, Counts] = field(default_factory=lambda: {label: Counts() for label in LABELS})
    predicted: int = 0
    predicted_overlapping: int = 0
    predicted_label_exact: int = 0
    misses: list[Miss] = field(default_factory=list)
    false_positives: list[FalsePositive] = field(default_factory=list)

    @property
    def precision(self) -> float:
        return self.predicted_overlapping / self.predicted if self.predicted else 1.0

    @property
    def label_exact_precision(self) -> float:
        return self.predicted_label_exact / self.predicted if self.predicted else 1.0

    def as_dict(self) -> dict:
        """The figures as JSON-ready data (no transcript text)."""
        return {
            "gold_spans": self.overall.gold,
            "strict_recall": self.overall.strict_recall,
            "lenient_recall": self.overall.lenient_recall,
            "predicted_spans": self.predicted,
            "span_precision": self.precision,
            "label_exact_precision": self.label_exact_precision,
            "per_label": {
                label: {
                    "gold": c.gold,
                    "strict": c.strict,
                    "lenient": c.lenient,
                    "strict_recall": c.strict_recall,
                    "lenient_recall": c.lenient_recall,
                }
                for label, c in self.per_label.items()
            },
        }


def coverage(spans: Iterable[SpanLike], length: int) -> bytearray:
    """Return a per-character mask of ``length`` with 1 where some span covers the character."""
    mask = bytearray(length)
    for s in spans:
        start, end = max(0, s.start), min(length, s.end)
        if end > start:
            mask[start:end] = b"\x01" * (end - start)
    return mask


def strictly_covered(gold: SpanLike, mask: bytearray) -> bool:
    """True when every character of ``gold`` is covered in ``mask``."""
    return gold.end > gold.start and all(mask[gold.start:gold.end])


def overlaps(a: SpanLike, b: SpanLike) -> bool:
    """True when the two half-open spans share at least one character."""
    return a.start < b.end and b.start < a.end


def score_document(
    doc: GoldDocument, predicted: Sequence[SpanLike], scores: Scores | None = None
) -> Scores:
    """Add one document's figures to ``scores`` (a new Scores when None) and return it."""
    scores = scores if scores is not None else Scores()
    mask = coverage(predicted, len(doc.text))
    ordered = sorted(predicted, key=lambda s: (s.start, s.end))
    for g in doc.spans:
        counts = scores.per_label.setdefault(g.label, Counts())
        strict = strictly_covered(g, mask)
        lenient = any(mask[g.start:g.end])
        for c in (counts, scores.overall):
            c.gold += 1
            c.strict += strict
            c.lenient += lenient
        if not strict:
            scores.misses.append(Miss(doc.name, g, partial=lenient))
    for p in ordered:
        scores.predicted += 1
        hits = [g for g in doc.spans if overlaps(p, g)]
        if hits:
            scores.predicted_overlapping += 1
            if any(g.label == p.label for g in hits):
                scores.predicted_label_exact += 1
        else:
            scores.false_positives.append(
                FalsePositive(doc.name, p.start, p.end, p.label, doc.text[p.start:p.end])
            )
    return scores


def score_corpus(docs: Sequence[GoldDocument], predictions: Sequence[Sequence[SpanLike]]) -> Scores:
    """Score every document against its predicted spans (same order) and return the totals."""
    if len(docs) != len(predictions):
        raise ValueError("one list of predicted spans is needed per document")
    scores = Scores()
    for doc, predicted in zip(docs, predictions, strict=True):
        score_document(doc, predicted, scores)
    return scores


def load_document(txt_path: Path) -> GoldDocument:
    """Load ``NAME.txt`` with its ``NAME.gold.json``; raise ValueError if a gold span does not match."""
    text = txt_path.read_text(encoding="utf-8")
    gold_path = txt_path.with_name(txt_path.name[: -len(".txt")] + ".gold.json")
    data = json.loads(gold_path.read_text(encoding="utf-8"))
    spans = []
    for raw in data["spans"]:
        span = GoldSpan(int(raw["start"]), int(raw["end"]), str(raw["label"]), str(raw["text"]))
        if text[span.start:span.end] != span.text:
            raise ValueError(f"{gold_path.name}: span {span.start}-{span.end} does not match the text")
        spans.append(span)
    return GoldDocument(txt_path.name[: -len(".txt")], text, tuple(spans))


def load_corpus(directory: Path) -> list[GoldDocument]:
    """Load every document of a corpus directory (those with a ``.gold.json``), sorted by name."""
    docs = []
    for gold_path in sorted(Path(directory).glob("*.gold.json")):
        txt_path = gold_path.with_name(gold_path.name[: -len(".gold.json")] + ".txt")
        docs.append(load_document(txt_path))
    return docs


def context(text: str, start: int, end: int, width: int = 40) -> str:
    """``text`` around ``start:end`` with the span in »guillemets« and newlines flattened."""
    left = text[max(0, start - width):start]
    right = text[end:end + width]
    return (left + "»" + text[start:end] + "«" + right).replace("\n", "⏎")
