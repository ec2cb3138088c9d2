"""The learning part of the suggester: features and one linear model per code (scikit-learn).

Features are hashed, so no vocabulary exists anywhere, in memory or on disk: word 1-2-grams and character
3-5-grams inside words (spelling variants, "groomin"/"grooming", "CAWN"/"CAWNs"), both TF-IDF weighted, plus
context tokens (the document kind, the speaker label, the speaker's case attribute values) in a separate small
block. Each code gets a logistic regression (averaged SGD) fitted on its training units (a unit coded with it is positive,
any other unit, and any rejected suggestion of it, negative); the probabilities are what the threshold cuts.
Cross-validation holds out whole documents, so a code is judged on transcripts it has not seen.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

import numpy as np
from scipy import sparse
from sklearn.feature_extraction.text import HashingVectorizer, TfidfTransformer
from sklearn.linear_model import SGDClassifier

from .errors import Cancelled

N_WORD, N_CHAR, N_CONTEXT = 2**19, 2**19, 2**12
CONTEXT_WEIGHT = 0.5
Progress = Callable[[int, int], bool]  # (done, total) -> False to cancel


@dataclass
class Featurizer:
    word: HashingVectorizer = field(default_factory=lambda: HashingVectorizer(
        n_features=N_WORD, ngram_range=(1, 2), alternate_sign=False, norm=None, lowercase=True,
        token_pattern=r"(?u)\b\w[\w'’]*\b", dtype=np.float32))
    char: HashingVectorizer = field(default_factory=lambda: HashingVectorizer(
        n_features=N_CHAR, analyzer="char_wb", ngram_range=(3, 5), alternate_sign=False, norm=None,
        lowercase=True, dtype=np.float32))
    context: HashingVectorizer = field(default_factory=lambda: HashingVectorizer(
        n_features=N_CONTEXT, token_pattern=r"\S+", lowercase=True, alternate_sign=False, norm="l2",
        dtype=np.float32))
    tf_word: TfidfTransformer | None = None
    tf_char: TfidfTransformer | None = None
    columns: np.ndarray | None = None  # hashed columns seen in training (the solvers slow down with 10^6)

    def fit_transform(self, texts: list[str], contexts: list[str]) -> sparse.csr_matrix:
        w, c = self.word.transform(texts), self.char.transform(texts)
        self.tf_word = TfidfTransformer(sublinear_tf=True).fit(w)
        self.tf_char = TfidfTransformer(sublinear_tf=True).fit(c)
        x = self._stack(w, c, contexts)
        self.columns = np.unique(x.indices)
        return x[:, self.columns]

    def transform(self, texts: list[str], contexts: list[str]) -> sparse.csr_matrix:
        x = self._stack(self.word.transform(texts), self.char.transform(texts), contexts)
        return x[:, self.columns]

    def _stack(self, w, c, contexts: list[str]) -> sparse.csr_matrix:
        parts = [self.tf_word.transform(w), self.tf_char.transform(c),
                 self.context.transform(contexts) * CONTEXT_WEIGHT]
        return sparse.hstack(parts, format="csr", dtype=np.float32)


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


POSITIVES_CAP = 2_000  # per code: more passages of one code add little to a linear model and cost time
NEGATIVES_CAP = 6_000  # per code: negatives sampled (rejected suggestions always kept)
EPOCHS = 10


def _fit_one(x, y: np.ndarray, w: np.ndarray, seed: int) -> tuple[np.ndarray, float]:
    """Fit one code on its positives and a sample of negatives; the intercept is corrected by the sampling
    rates (case-control correction), so the probabilities stay those of the whole set."""
    rng = np.random.default_rng(seed)
    pos, neg = np.flatnonzero(y == 1), np.flatnonzero(y == 0)
    shift = 0.0
    if len(pos) > POSITIVES_CAP:
        shift -= np.log(POSITIVES_CAP / len(pos))
        pos = rng.choice(pos, POSITIVES_CAP, replace=False)
    if len(neg) > NEGATIVES_CAP:
        forced = neg[w[neg] > 1.0]
        pool = neg[w[neg] <= 1.0]
        take = max(NEGATIVES_CAP - len(forced), 0)
        if take < len(pool):
            shift += np.log(take / len(pool)) if take else 0.0
            pool = rng.choice(pool, take, replace=False)
        neg = np.concatenate([forced, pool])
    rows = np.sort(np.concatenate([pos, neg]))
    # logistic loss by averaged SGD: six times faster than liblinear here, as precise on our evaluation set
    model = SGDClassifier(loss="log_loss", alpha=2e-5, max_iter=EPOCHS, tol=None, average=True,
                          random_state=seed)
    model.fit(x[rows], y[rows], sample_weight=w[rows])
    return model.coef_.ravel().astype(np.float32), float(model.intercept_[0]) + float(shift)


def fit_codes(x, labels: dict[int, np.ndarray], weights: dict[int, np.ndarray],
              progress: Progress | None = None, done: int = 0, total: int = 0) -> dict[int, tuple[np.ndarray, float]]:
    """One model per code on the feature rows ``x``; ``progress(done + i, total)`` per code, False cancels."""
    out: dict[int, tuple[np.ndarray, float]] = {}
    for i, cid in enumerate(labels):
        if progress is not None and not progress(done + i, total or len(labels)):
            raise Cancelled()
        out[cid] = _fit_one(x, labels[cid], weights[cid], cid)
    return out


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
