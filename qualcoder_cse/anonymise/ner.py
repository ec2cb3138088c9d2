"""The statistical layer: a small spaCy NER component (``spacy.blank("en")`` + ``ner``) trained by
``train.py`` on synthetic transcript-style text and shipped in ``models/anonymiser``. It catches names the
lists do not know (invented places, rare surnames, organisations without a head word). Its proposals carry a
moderate confidence; agreement with the rules raises it when the layers are merged.
"""

from __future__ import annotations

import re
import threading
from pathlib import Path

from ..paths import models_dir
from .lexicon import STOP
from .spans import LABELS, Span

NER_CONFIDENCE = 0.5
_CHUNK = 20_000  # characters per spaCy doc; splitting on line breaks keeps memory flat on long files


class NerLayer:
    def __init__(self, nlp) -> None:
        self.nlp = nlp
        self._lock = threading.Lock()  # one spaCy pipeline shared by worker threads: one call at a time

    def _chunks(self, text: str):
        pos = 0
        n = len(text)
        while pos < n:
            end = min(n, pos + _CHUNK)
            if end < n:
                cut = text.rfind("\n", pos, end)
                if cut <= pos:
                    cut = text.rfind(" ", pos, end)
                if cut > pos:
                    end = cut + 1
            yield pos, text[pos:end]
            pos = end

    def find(self, text: str, ranges: list[tuple[int, int]] | None = None) -> list[Span]:
        """NER spans over the whole text, or only over ``ranges`` (start, end) of it (the lines worth it)."""
        out: list[Span] = []
        if ranges is None:
            chunks = list(self._chunks(text))
        else:
            chunks = []
            for s, e in ranges:
                while e - s > _CHUNK:  # a huge line (no newlines): cut at a space, keep within spaCy's limits
                    cut = text.rfind(" ", s + _CHUNK // 2, s + _CHUNK)
                    cut = cut if cut > s else s + _CHUNK
                    chunks.append((s, text[s:cut]))
                    s = cut
                chunks.append((s, text[s:e]))
        with self._lock:
            docs = list(self.nlp.pipe(c for _o, c in chunks))
        for (offset, _chunk), doc in zip(chunks, docs, strict=True):
            for ent in doc.ents:
                if ent.label_ not in LABELS:
                    continue
                s, e = offset + ent.start_char, offset + ent.end_char
                s = _trim_lowercase_head(text, s, e)
                e = _trim_lowercase_tail(text, s, e)
                if e <= s:
                    continue
                out.append(Span(s, e, ent.label_, text[s:e], NER_CONFIDENCE, "ner"))
        return out


_TAIL = re.compile(r"(?:\s+(?!(?:of|for|and|the|upon|on|de|la|le|van|von|y)\b)[a-z][\w'’-]*)+$")


def _trim_lowercase_tail(text: str, s: int, e: int) -> int:
    """A name ends at its last capitalised word when a sentence runs on after it: "Healthy Minds continues into
    next year" -> "Healthy Minds".
    Lowercase spans (chat names, "rye lane") are left as they are."""
    span = text[s:e]
    if not span[:1].isupper():
        return e
    m = _TAIL.search(span)
    if m is None or not any(w.lower() in STOP or w.lower() in _TIME_WORDS for w in m.group().split()):
        return e  # "Wolstanton retail park": the kind of place belongs to its name
    return s + m.start()


_HEAD = re.compile(r"(?:(?:down|up|round|around|over|to|in|at|from|near|by|past|into|the|and|with)\s+)+(?=[A-Z])")
_TIME_WORDS = frozenset(["every", "each", "last", "next", "this", "tonight", "today", "yesterday", "tomorrow",
                         "weekend", "morning", "evening", "night", "afternoon", "week"])


def _trim_lowercase_head(text: str, s: int, e: int) -> int:
    """A name starts at its first capitalised word: "down Cranbeck" -> "Cranbeck" (the model took the
    preposition before a place)."""
    m = _HEAD.match(text, s, e)
    return m.end() if m else s


def model_path(model_dir: str | None = None) -> Path:
    return Path(model_dir) if model_dir else models_dir() / "anonymiser"


def load_ner(model_dir: str | None = None) -> NerLayer | None:
    """The shipped NER model, or None when it has not been trained (the other layers still run)."""
    path = model_path(model_dir)
    if not (path / "config.cfg").exists():
        return None
    import spacy

    nlp = spacy.load(path, exclude=["parser", "tagger", "lemmatizer", "attribute_ruler", "tok2vec_extra"])
    return NerLayer(nlp)
