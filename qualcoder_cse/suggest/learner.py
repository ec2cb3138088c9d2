"""The learning part of the suggester: features and one linear model per code (scikit-learn).

Features are hashed, so no vocabulary exists anywhere, in memory or on disk: word 1-2-grams, character
4-grams inside words (spelling variants, "groomin"/"grooming", "CAWN"/"CAWNs") and context tokens (the
document kind, the speaker label, the speaker's case attribute values), TF-IDF weighted in one matrix. Each
code gets a logistic regression (by SGD) on its positives and a sample of negatives (any other unit,
and its rejected suggestions, which always stay and weigh more), the intercept corrected for the sampling;
the probabilities are what the threshold cuts. Cross-validation holds out whole documents, so a code is
judged on transcripts it has not seen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import SGDClassifier

from .errors import Cancelled

N_FEATURES = 2**20
Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel


_WORDS = HashingVectorizer(ngram_range=(1, 2), token_pattern=r"(?u)\b\w[\w'’]*\b").build_analyzer()
_CHARS = HashingVectorizer(analyzer="char_wb", ngram_range=(4, 4)).build_analyzer()
CHUNK = 2_000_000  # entries renumbered at a time (bounds the temporary arrays)
ROWS = 10_000  # units hashed at a time (the hasher's temporaries grow with its input)


def _analyze(doc: tuple[str, str]) -> list[str]:
    """Word 1-2-grams, character 4-grams (marked apart) and context tokens of one (text, context)."""
    text, context = doc
    return _WORDS(text) + ["\x01" + g for g in _CHARS(text)] + ["\x02" + t for t in context.split()]


@dataclass
class Featurizer:
    """One hashed matrix for words, characters and context (stacking three would copy it twice), TF-IDF
    weighted, its columns renumbered to those seen in training."""
    hasher: HashingVectorizer = field(default_factory=lambda: HashingVectorizer(
        n_features=N_FEATURES, analyzer=_analyze, alternate_sign=False, norm=None, dtype=np.float32))
    tfidf: TfidfTransformer | None = None
    columns: np.ndarray | None = None  # hashed columns seen in training

    def _hash(self, texts: list[str], contexts: list[str]) -> sparse.csr_matrix:
        parts = [self.hasher.transform(zip(texts[a:a + ROWS], contexts[a:a + ROWS], strict=True))
                 for a in range(0, len(texts), ROWS)]
        return parts[0] if len(parts) == 1 else sparse.vstack(parts, format="csr")

    def fit_transform(self, texts: list[str], contexts: list[str]) -> sparse.csr_matrix:
        x = self._hash(texts, contexts)
        self.tfidf = TfidfTransformer(sublinear_tf=True).fit(x)
        x = self.tfidf.transform(x, copy=False)
        self.columns = np.unique(x.indices)
        return self._compact(x)

    def transform(self, texts: list[str], contexts: list[str]) -> sparse.csr_matrix:
        x = self._hash(texts, contexts)
        return self._compact(self.tfidf.transform(x, copy=False))

    def _compact(self, x: sparse.csr_matrix) -> sparse.csr_matrix:
        """Renumber the columns to those seen in training, in place and in chunks (no copy of a large
        matrix); columns never seen in training carry no weight and are dropped."""
        cols, n = self.columns, len(self.columns)
        unknown = False
        for a in range(0, len(x.indices), CHUNK):
            idx = x.indices[a:a + CHUNK]
            pos = np.minimum(np.searchsorted(cols, idx), n - 1)
            miss = cols[pos] != idx
            if miss.any():
                x.data[a:a + CHUNK][miss] = 0
                unknown = True
            x.indices[a:a + CHUNK] = pos
        x._shape = (x.shape[0], n)
        if unknown:
            x.eliminate_zeros()
        return x


@dataclass
class Trained:
    """A fitted suggester: the featurizer and one (coef, intercept) per code id; nothing but numbers."""
    featurizer: Featurizer
    weights: dict[int, tuple[np.ndarray, float]]

    def predict(self, texts: list[str], contexts: list[str], code_ids: list[int] | None = None
                ) -> dict[int, np.ndarray]:
        """Probability per code id (those asked, or all) for each text."""
        if not texts:
            return {}
        return probabilities(self.featurizer.transform(texts, contexts), self.weights, code_ids)


POSITIVES_CAP = 1_500  # per code: more passages of one code add little to a linear model and cost time
NEGATIVES_CAP = 4_000  # per code: negatives sampled (rejected suggestions always kept)
EPOCHS = 5
REJECTED_WEIGHT = 3.0


def _fit_one(x, y: np.ndarray, rejected: np.ndarray, seed: int) -> tuple[np.ndarray, float]:
    """Fit one code on its positives and a sample of negatives (its rejected suggestions, rows
    ``rejected``, always kept and weighing REJECTED_WEIGHT); the intercept is corrected by the sampling
    rates (case-control correction), so the probabilities stay those of the whole set."""
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    forced = np.intersect1d(neg, rejected) if len(rejected) else rejected  # (set operations sort: skip them)
    shift = 0.0
    if len(pos) > POSITIVES_CAP:
        shift -= np.log(POSITIVES_CAP / len(pos))
        pos = rng.choice(pos, POSITIVES_CAP, replace=False)
    if len(neg) > NEGATIVES_CAP:
        pool = np.setdiff1d(neg, forced, assume_unique=True) if len(forced) else neg
        take = max(NEGATIVES_CAP - len(forced), 0)
        if take < len(pool):
            shift += np.log(take / len(pool)) if take else 0.0
            pool = rng.choice(pool, take, replace=False)
        neg = np.concatenate([forced, pool])
    rows = np.sort(np.concatenate([pos, neg]))
    w = np.where(np.isin(rows, forced), REJECTED_WEIGHT, 1.0) if len(forced) else np.ones(len(rows))
    # logistic loss by SGD: six times faster than liblinear here, as precise on our evaluation set
    model = SGDClassifier(loss="log_loss", alpha=2e-5, max_iter=EPOCHS, tol=None, random_state=seed)
    model.fit(x[rows], y[rows], sample_weight=w)
    return model.coef_.ravel().astype(np.float32), float(model.intercept_[0]) + float(shift)


def fit_codes(x, labels: dict[int, np.ndarray], rejected: dict[int, np.ndarray],
              progress: Progress | None = None, done: int = 0, total: int = 0) -> dict[int, tuple[np.ndarray, float]]:
    """One model per code on the feature rows ``x`` (``labels[code]``: 0/1 per row; ``rejected[code]``: rows
    of its rejected suggestions); ``progress(done + i, total)`` per code, False cancels."""
    out: dict[int, tuple[np.ndarray, float]] = {}
    for i, cid in enumerate(labels):
        if progress is not None and not progress(done + i, total or len(labels)):
            raise Cancelled()
        out[cid] = _fit_one(x, labels[cid], rejected.get(cid, _NONE), cid)
    return out


_NONE = np.zeros(0, dtype=np.int64)


def probabilities(x, weights: dict[int, tuple[np.ndarray, float]], code_ids=None) -> dict[int, np.ndarray]:
    out = {}
    for cid in (code_ids if code_ids is not None else list(weights)):
        if cid in weights:
            coef, b = weights[cid]
            out[cid] = 1.0 / (1.0 + np.exp(-(x @ coef + b)))
    return out


def fit(texts: list[str], contexts: list[str], labels: dict[int, np.ndarray], weights: dict[int, np.ndarray],
        progress: Progress | None = None, done: int = 0, total: int = 0) -> Trained:
    """Featurize and fit one model per code (``labels[code]``: 0/1 per unit; ``weights[code]``: sample
    weights, rejected suggestions weigh more)."""
    feats = Featurizer()
    x = feats.fit_transform(texts, contexts)
    return Trained(feats, fit_codes(x, labels, weights, progress, done, total))


def fold_of(groups: np.ndarray, folds: int) -> np.ndarray:
    """A fold number per unit, by its document: documents dealt round-robin in a fixed order."""
    uniq = np.unique(groups)
    where = {g: i % folds for i, g in enumerate(uniq)}
    return np.array([where[g] for g in groups], dtype=np.int32)
