"""``project.suggestions``: coding suggestions learned from the project's own coding, entirely offline.

    report = project.suggestions.train(unit="sentence")          # cross-validates, then fits; in memory only
    for t in report.trust: print(t.code_path, t.describe())       # "trust: 0.81 precision, 0.64 recall, ..."
    found = project.suggestions.suggest(documents=[doc.id], threshold=0.6)
    project.suggestions.accept(found[:3])                          # codings by the current coder, audited
    project.suggestions.reject(found[3:])                          # remembered; negatives on retraining

The trained state lives only in memory (hashed features, no vocabulary) and is rebuilt from the encrypted
project; nothing is written to disk but codings and rejected suggestions (table ``suggestion_rejections``).
A code needs MIN_CODINGS codings in at least two documents to be trusted with suggestions; its precision and
recall are estimated by cross-validation over documents (``FOLDS`` folds) before the final fit.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from ..core.base import Manager
from ..core.changes import Change
from ..core.errors import InvalidValue
from ..core.util import now
from ..lazy import lazy_import
from .data import Reader, TrainingSet, has_rejections, training_set
from .errors import Cancelled
from .units import UNIT_KINDS

if TYPE_CHECKING:
    from ..core.project import Project

np = lazy_import("numpy")  # numpy and scikit-learn load at the first training, not when a project opens
L = lazy_import("qualcoder_cse.suggest.learner")

MIN_CODINGS = 10
FOLDS = 3
DEFAULT_THRESHOLD = 0.6  # favours precision: see docs/suggest.md for the curve
UNCODED_CAP = 30_000  # uncoded units kept (a sample when more; corrected for): training time grows with them


@dataclass(frozen=True)
class CodeTrust:
    code_id: int
    code_path: str
    codings: int  # codings of the code in the project
    passages: int  # training units labelled with it
    documents: int
    enough: bool
    precision: float | None = None
    recall: float | None = None
    threshold: float = DEFAULT_THRESHOLD

    def describe(self) -> str:
        if not self.enough:
            return (f"too few codings to suggest ({self.codings} coded passages in {self.documents} document(s);"
                    f" needs {MIN_CODINGS} in 2 or more)")
        if self.precision is None:
            return f"no suggestion reached {self.threshold:.2f} in cross-validation, from {self.passages} passages"
        return (f"trust: {self.precision:.2f} precision, {self.recall:.2f} recall, "
                f"from {self.passages} coded passages")


@dataclass(frozen=True)
class Suggestion:
    code_id: int
    code_path: str
    document_id: int
    document_name: str
    start: int
    end: int
    text: str
    confidence: float
    speaker: str = ""


@dataclass
class TrainingReport:
    unit: str
    units: int
    trust: list[CodeTrust]
    trained_at: str
    threshold: float = DEFAULT_THRESHOLD


@dataclass
class _OutOfFold:
    positives: np.ndarray  # cross-validated probabilities of the units coded with the code
    negatives: np.ndarray  # ... of the other units (only those above 0.05: below any threshold)
    sampled: np.ndarray  # ... of the uncoded units kept by sampling (each stands for 1/rate units)
    rate: float = 1.0


class SuggestionManager(Manager):
    def __init__(self, project: Project) -> None:
        super().__init__(project)
        self.model: L.Trained | None = None
        self.report: TrainingReport | None = None
        self._oof: dict[int, _OutOfFold] = {}

    # ----------------------------------------------------------------- training
    def collect(self, unit: str = "sentence") -> TrainingSet:
        """The training material (SQL reads; call on the thread that owns the project)."""
        if unit not in UNIT_KINDS:
            raise InvalidValue(f"Unit '{unit}' is not one of {', '.join(UNIT_KINDS)}.")
        return training_set(self.project, unit, self._codable(), UNCODED_CAP)

    def _codable(self) -> set[int]:
        return {r[0] for r in self.q("SELECT id FROM codes WHERE codable = 1")}

    def train(self, unit: str = "sentence", progress: L.Progress | None = None, *, evaluate: bool = True,
              threshold: float = DEFAULT_THRESHOLD) -> TrainingReport:
        return self.fit(self.collect(unit), progress, evaluate=evaluate, threshold=threshold)

    def fit(self, ts: TrainingSet, progress: L.Progress | None = None, *, evaluate: bool = True,
            threshold: float = DEFAULT_THRESHOLD, seed: int = 0) -> TrainingReport:
        """Cross-validate (when ``evaluate``) and fit on ``ts``; touches no storage, so it may run in a worker.
        Raises ``learner.Cancelled`` when ``progress`` returns False."""
        paths = {c.id: c.path for c in self.project.codes.list()}
        keep, rate = _subsample(ts, seed)
        if not keep:
            raise InvalidValue("Nothing to learn from yet: the project has no coded passages. Code some passages "
                               f"first (a code needs {MIN_CODINGS} in two or more documents).")
        shift = float(np.log(rate))  # back to the odds of the whole set (case-control correction)
        sampled_mask = np.array([not ts.labels[i] and not ts.rejected[i] for i in keep]) if rate < 1 else None
        texts = [ts.texts[i] for i in keep]
        contexts = [ts.contexts[i] for i in keep]
        groups = np.array([ts.groups[i] for i in keep])
        pos_count: dict[int, int] = {}
        for i in keep:
            for c in ts.labels[i]:
                pos_count[c] = pos_count.get(c, 0) + 1
        eligible = sorted(c for c, n in ts.codings.items()
                          if n >= MIN_CODINGS and ts.documents_per_code.get(c, 0) >= 2 and pos_count.get(c))
        y = {c: np.zeros(len(keep), dtype=np.int8) for c in eligible}
        for row, i in enumerate(keep):
            for c in ts.labels[i]:
                if c in y:
                    y[c][row] = 1
        rej: dict[int, list[int]] = {}
        for row, i in enumerate(keep):
            for c in ts.rejected[i]:
                rej.setdefault(c, []).append(row)
        rows_rejected = {c: np.array(v, dtype=np.int64) for c, v in rej.items()}
        folds = FOLDS if evaluate and len(np.unique(groups)) >= FOLDS else 0
        total = len(eligible) * (folds + 1)
        oof: dict[int, _OutOfFold] = {}  # set on self only when the whole training succeeded
        feats = L.Featurizer()
        x = feats.fit_transform(texts, contexts)  # idf from every unit: unsupervised, shared by the folds
        if folds:
            fold = L.fold_of(groups, folds)
            smp = sampled_mask if sampled_mask is not None else np.zeros(len(keep), dtype=bool)
            parts: dict[int, tuple[list, list, list]] = {c: ([], [], []) for c in eligible}
            for f in range(folds):
                tr, te = np.flatnonzero(fold != f), np.flatnonzero(fold == f)
                trainable = {c: y[c][tr] for c in eligible if 0 < y[c][tr].sum() < len(tr)}
                where = np.full(len(keep), -1, dtype=np.int64)
                where[tr] = np.arange(len(tr))
                fold_rej = {c: where[r][where[r] >= 0] for c, r in rows_rejected.items()}
                fitted = L.fit_codes(x[tr], trainable, fold_rej, progress, f * len(eligible), total)
                for c, p in L.probabilities(x[te], _shifted(fitted, shift)).items():
                    pos, s_te, low = y[c][te].astype(bool), smp[te], p > 0.05
                    parts[c][0].append(p[pos])
                    parts[c][1].append(p[~pos & ~s_te & low])
                    parts[c][2].append(p[~pos & s_te & low])
            for c, (a, b, d) in parts.items():
                oof[c] = _OutOfFold(*(np.sort(np.concatenate(v)) if v else np.zeros(0) for v in (a, b, d)),
                                          rate)
        fitted = L.fit_codes(x, y, rows_rejected, progress, folds * len(eligible), total)
        self.model, self._oof = L.Trained(feats, _shifted(fitted, shift)), oof
        if progress is not None:
            progress(total, total)
        trust = [self._trust(c, paths.get(c, "?"), ts, pos_count, threshold, c in self.model.weights)
                 for c in sorted(ts.codings, key=lambda c: paths.get(c, "").casefold())]
        self.report = TrainingReport(ts.unit_kind, len(keep), trust, now(), threshold)
        return self.report

    def _trust(self, c: int, path: str, ts: TrainingSet, pos_count: dict[int, int], threshold: float,
               fitted: bool) -> CodeTrust:
        base = {"code_id": c, "code_path": path, "codings": ts.codings.get(c, 0),
                "passages": pos_count.get(c, 0), "documents": ts.documents_per_code.get(c, 0),
                "threshold": threshold}
        if not fitted:
            return CodeTrust(enough=False, **base)
        oof = self._oof.get(c)
        if oof is None:
            return CodeTrust(enough=True, **base)
        p, r = precision_recall(oof, threshold)
        return CodeTrust(enough=True, precision=p, recall=r, **base)

    # ----------------------------------------------------------------- suggesting
    def suggest(self, documents: list[int] | None = None, code_id: int | None = None,
                threshold: float = DEFAULT_THRESHOLD, progress: L.Progress | None = None) -> list[Suggestion]:
        """Suggestions at or above ``threshold`` for the documents (all when None), for one code or every
        trusted one; never a passage already coded with the code or a suggestion rejected before.
        ``progress(done, total)`` per document; False cancels (``learner.Cancelled``)."""
        if self.model is None or self.report is None:
            raise InvalidValue("Train the suggester first.")
        if not 0.0 < threshold <= 1.0:
            raise InvalidValue("The threshold is a confidence between 0 and 1.")
        codes = [code_id] if code_id is not None else list(self.model.weights)
        codes = [c for c in codes if c in self.model.weights]
        if not codes:
            return []
        paths = {c.id: c.path for c in self.project.codes.list()}
        if documents is None:
            documents = [r[0] for r in self.q("SELECT id FROM documents ORDER BY name COLLATE NOCASE")]
        reader = Reader(self.project)
        out: list[Suggestion] = []
        for n, doc_id in enumerate(documents):
            if progress is not None and not progress(n, len(documents)):
                raise Cancelled()
            du = reader.document(doc_id, self.report.unit)
            if not du.units:
                continue
            texts = [du.text[u.start:u.end] for u in du.units]
            probs = self.model.predict(texts, du.contexts, codes)
            taken = self._taken(doc_id)
            for c, p in probs.items():
                for k in np.flatnonzero(p >= threshold):
                    u = du.units[k]
                    if any(s < u.end and e > u.start for s, e in taken.get(c, ())):
                        continue
                    out.append(Suggestion(c, paths.get(c, "?"), doc_id, du.name, u.start, u.end, texts[k],
                                          round(float(p[k]), 3), u.speaker))
        out.sort(key=lambda s: (s.document_name.casefold(), s.start, -s.confidence, s.code_path))
        return out

    def _taken(self, doc_id: int) -> dict[int, list[tuple[int, int]]]:
        """Spans per code that must not be suggested again: coded, or rejected."""
        out: dict[int, list[tuple[int, int]]] = {}
        sql = 'SELECT code_id, start, "end" FROM codings WHERE document_id = ?'
        if has_rejections(self.project):
            sql += ' UNION ALL SELECT code_id, start, "end" FROM suggestion_rejections WHERE document_id = ?'
        for c, s, e in self.q(sql, (doc_id,) * sql.count("?")):
            out.setdefault(c, []).append((s, e))
        return out

    # ----------------------------------------------------------------- decisions
    def accept(self, suggestions: list[Suggestion], coder: str | int | None = None) -> list:
        """Code the suggested passages (one transaction) by the current coder; each new coding is marked in
        the audit trail as an accepted suggestion with its confidence. Returns the codings made."""
        self.project.require_writable()
        coder_id = self.coder_id(coder)
        made = []
        with self.project.transaction():
            codings = self.project.codings
            for s in suggestions:
                added = codings.add(s.code_id, s.document_id, s.start, s.end, coder=coder_id)
                if added.created:
                    self.project.audit.record("accept suggestion", "coding", added.coding.id,
                                              f"code={s.code_id} confidence={s.confidence:.2f}")
                    made.append(added.coding)
        return made

    def reject(self, suggestions: list[Suggestion], coder: str | int | None = None) -> list[int]:
        """Remember rejected suggestions (negatives on retraining; never suggested again). Returns row ids."""
        self.project.require_writable()
        coder_id = self.coder_id(coder)
        ids = []
        with self.project.transaction():
            for s in suggestions:
                cur = self.conn.execute(
                    'INSERT OR IGNORE INTO suggestion_rejections(code_id, document_id, start, "end", coder_id, '
                    "rejected_at) VALUES (?,?,?,?,?,?)", (s.code_id, s.document_id, s.start, s.end, coder_id, now()))
                if cur.rowcount:
                    ids.append(cur.lastrowid)
            self.project.audit.record("reject suggestions", "code", None, f"count={len(ids)}")
        self.project.publish(Change(suggestions=True))
        return ids

    def unreject(self, ids: list[int]) -> None:
        """Forget rejections (undo of a reject)."""
        with self.project.transaction():
            self.conn.executemany("DELETE FROM suggestion_rejections WHERE id = ?", [(i,) for i in ids])
            self.project.audit.record("undo reject suggestions", "code", None, f"count={len(ids)}")
        self.project.publish(Change(suggestions=True))

    def rejected_count(self) -> int:
        return self.one("SELECT count(*) FROM suggestion_rejections")[0] if has_rejections(self.project) else 0


def _shifted(weights: dict, shift: float) -> dict:
    return {c: (coef, b + shift) for c, (coef, b) in weights.items()} if shift else weights


def precision_recall(oof: _OutOfFold, threshold: float) -> tuple[float | None, float]:
    """Precision and recall at ``threshold``; a sampled uncoded unit counts for 1/rate false positives."""
    tp = len(oof.positives) - int(np.searchsorted(oof.positives, threshold, side="left"))
    fp = len(oof.negatives) - int(np.searchsorted(oof.negatives, threshold, side="left"))
    fp += (len(oof.sampled) - int(np.searchsorted(oof.sampled, threshold, side="left"))) / oof.rate
    recall = tp / len(oof.positives) if len(oof.positives) else 0.0
    return (tp / (tp + fp) if tp + fp else None), recall


def _subsample(ts: TrainingSet, seed: int) -> tuple[list[int], float]:
    """Every labelled or rejected unit, and uncoded ones up to UNCODED_CAP (``collect`` already samples them;
    a training set built another way is sampled here); with the sampling rate of the uncoded units."""
    labelled = [i for i, (lab, rej) in enumerate(zip(ts.labels, ts.rejected, strict=True)) if lab or rej]
    rest = [i for i, lab in enumerate(ts.labels) if not lab and not ts.rejected[i]]
    rate = ts.uncoded_rate
    if len(rest) > UNCODED_CAP:
        rng = np.random.default_rng(seed)
        rate *= UNCODED_CAP / len(rest)
        rest = rng.choice(rest, size=UNCODED_CAP, replace=False).tolist()
    return sorted(labelled + rest), rate
