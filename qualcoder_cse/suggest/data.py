"""Reading the project's own coding as training material for the suggester (SQL reads only).

Every document with a coding (or a rejected suggestion) is split into units; a unit is labelled with the codes
whose codings cover it (``units.overlap_labels``), and rejected suggestions become negative examples of their
code. Each unit carries context tokens: the document kind, the speaker label (digits dropped, so P1 and P2 are
both ``p``) and the attribute values of the speaker's case (or of the whole document's cases).
"""

from __future__ import annotations

import random
import re
from bisect import bisect_right
from collections import defaultdict
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from . import units as U

if TYPE_CHECKING:
    from ..core.project import Project

_TOKEN = re.compile(r"\W+")


@dataclass
class DocumentUnits:
    document_id: int
    name: str
    kind: str
    text: str
    units: list[U.Unit]
    contexts: list[str]


@dataclass
class TrainingSet:
    unit_kind: str
    texts: list[str] = field(default_factory=list)
    contexts: list[str] = field(default_factory=list)
    groups: list[int] = field(default_factory=list)  # document id per unit
    labels: list[set[int]] = field(default_factory=list)
    rejected: list[set[int]] = field(default_factory=list)
    codings: dict[int, int] = field(default_factory=dict)  # code id -> codings in the project
    documents_per_code: dict[int, int] = field(default_factory=dict)
    uncoded_rate: float = 1.0  # the share of uncoded units kept (a uniform sample when there are many)


def _tok(s: str) -> str:
    return _TOKEN.sub("_", s.strip().casefold()).strip("_")


class Reader:
    """Reads documents as units with their context (one project, read on the calling thread)."""

    def __init__(self, project: Project) -> None:
        self.project = project
        q = project.conn.execute
        self.case_values: dict[int, list[str]] = defaultdict(list)
        for case_id, name, value in q(
            "SELECT v.target_id, a.name, v.value FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id"
            " WHERE a.scope = 'case' AND v.value != ''"
        ):
            self.case_values[case_id].append(f"{_tok(name)}={_tok(str(value))}")
        self.doc_cases: dict[int, list[int]] = defaultdict(list)
        for case_id, doc_id in q("SELECT case_id, document_id FROM case_documents"):
            self.doc_cases[doc_id].append(case_id)

    def document(self, doc_id: int, unit_kind: str) -> DocumentUnits:
        q = self.project.conn.execute
        name, kind, text = q("SELECT name, kind, text FROM documents WHERE id = ?", (doc_id,)).fetchone()
        turns = q('SELECT start, "end", speaker, case_id FROM turns WHERE document_id = ? ORDER BY start',
                  (doc_id,)).fetchall()
        units = U.split(text, unit_kind, [(s, e, sp) for s, e, sp, _c in turns])
        whole = [v for c in self.doc_cases.get(doc_id, ()) for v in self.case_values.get(c, ())]
        starts = [t[0] for t in turns]
        contexts = []
        for u in units:
            toks = [f"kind={kind}"]
            if u.speaker:
                toks.append(f"speaker={_tok(re.sub(r'[0-9]+', '', u.speaker)) or 'x'}")
            case_vals = list(whole)
            k = bisect_right(starts, u.start) - 1
            if k >= 0 and turns[k][3] is not None and turns[k][1] > u.start:
                case_vals += self.case_values.get(turns[k][3], [])
            toks += case_vals
            contexts.append(" ".join(toks))
        return DocumentUnits(doc_id, name, kind, text, units, contexts)


def has_rejections(project: Project) -> bool:
    """False in a project of an older schema opened read-only (not migrated): nothing rejected there."""
    return project.conn.execute(
        "SELECT 1 FROM sqlite_master WHERE type = 'table' AND name = 'suggestion_rejections'").fetchone() is not None


def training_set(project: Project, unit_kind: str, codable: set[int], uncoded_cap: int = 30_000, seed: int = 0
                 ) -> TrainingSet:
    """The units of every coded document with their codes, and the rejected suggestions as negatives. Units
    with no code are kept up to ``uncoded_cap`` (a uniform reservoir sample, its rate in ``uncoded_rate``),
    so memory follows the coding, not the corpus."""
    q = project.conn.execute
    spans: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    ts = TrainingSet(unit_kind)
    docs_of: dict[int, set[int]] = defaultdict(set)
    for doc_id, start, end, code_id in q('SELECT document_id, start, "end", code_id FROM codings'):
        if code_id in codable:
            spans[doc_id].append((start, end, code_id))
            ts.codings[code_id] = ts.codings.get(code_id, 0) + 1
            docs_of[code_id].add(doc_id)
    ts.documents_per_code = {c: len(d) for c, d in docs_of.items()}
    rejected: dict[int, list[tuple[int, int, int]]] = defaultdict(list)
    if has_rejections(project):
        for doc_id, start, end, code_id in q('SELECT document_id, start, "end", code_id FROM suggestion_rejections'):
            rejected[doc_id].append((start, end, code_id))
    reader = Reader(project)
    rng = random.Random(seed)
    reservoir: list[tuple[str, str, int]] = []
    seen_uncoded = 0
    for doc_id in sorted(set(spans) | set(rejected)):
        du = reader.document(doc_id, unit_kind)
        labels = U.overlap_labels(du.units, spans.get(doc_id, []))
        rej = U.overlap_labels(du.units, rejected.get(doc_id, []))
        coded_doc = doc_id in spans
        for u, ctx, lab, r in zip(du.units, du.contexts, labels, rej, strict=True):
            if not coded_doc and not r:
                continue  # an uncoded document says nothing about its other units
            if not lab and not r:
                seen_uncoded += 1
                item = (du.text[u.start:u.end], ctx, doc_id)
                if len(reservoir) < uncoded_cap:
                    reservoir.append(item)
                else:
                    k = rng.randrange(seen_uncoded)
                    if k < uncoded_cap:
                        reservoir[k] = item
                continue
            ts.texts.append(du.text[u.start:u.end])
            ts.contexts.append(ctx)
            ts.groups.append(doc_id)
            ts.labels.append(lab)
            ts.rejected.append(r - lab)
    for text, ctx, doc_id in reservoir:
        ts.texts.append(text)
        ts.contexts.append(ctx)
        ts.groups.append(doc_id)
        ts.labels.append(set())
        ts.rejected.append(set())
    ts.uncoded_rate = len(reservoir) / seen_uncoded if seen_uncoded > len(reservoir) else 1.0
    return ts
