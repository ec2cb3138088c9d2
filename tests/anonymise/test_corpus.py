"""Checks that the anonymiser's annotated corpora (dev, held-out, fresh and training) are well formed and up to
date."""

from __future__ import annotations

import importlib.util
import json
import re
from pathlib import Path

import pytest

from qualcoder_cse.anonymise.evaluate import LABELS, load_corpus

ROOT = Path(__file__).resolve().parents[2]
DEV = ROOT / "tests" / "data" / "anonymise"
HOLDOUT = ROOT / "bench" / "anonymise_holdout"
FRESH = sorted(p for p in (ROOT / "bench").glob("anonymise_fresh*") if p.is_dir())
# (session 7) annotated transcripts written only to train the NER (``train_corpora.py``), never scored
TRAIN = sorted(p for p in (ROOT / "bench" / "anonymise_train").glob("t*") if p.is_dir())


def _build_gold():
    spec = importlib.util.spec_from_file_location("build_gold", DEV / "build_gold.py")
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.mark.parametrize(("corpus", "minimum"), [(DEV, 40), (HOLDOUT, 8)])
def test_corpus_size_and_lengths(corpus: Path, minimum: int):
    docs = load_corpus(corpus)
    assert len(docs) >= minimum
    assert len(list(corpus.glob("*.src.txt"))) == len(docs)
    for doc in docs:
        assert 300 <= doc.words <= 700, f"{doc.name} has {doc.words} words"


@pytest.mark.parametrize("corpus", [DEV, HOLDOUT])
def test_gold_spans_match_text_and_are_sane(corpus: Path):
    for doc in load_corpus(corpus):  # load_corpus itself rejects spans whose text does not match
        assert doc.spans, doc.name
        previous_end = 0
        for span in doc.spans:
            assert span.label in LABELS
            assert 0 <= span.start < span.end <= len(doc.text)
            assert span.start >= previous_end, f"{doc.name}: overlapping spans at {span.start}"
            assert span.text == span.text.strip()
            previous_end = span.end


@pytest.mark.parametrize("corpus", [DEV, HOLDOUT, *FRESH, *TRAIN], ids=lambda p: p.name)
def test_build_gold_reproduces_committed_files(corpus: Path):
    build_gold = _build_gold()
    for src in sorted(corpus.glob("*.src.txt")):
        plain, gold = build_gold.build_file(src)
        txt_path, gold_path = build_gold.outputs_for(src)
        assert txt_path.read_text(encoding="utf-8") == plain, f"{txt_path.name} is stale: run build_gold.py"
        assert gold_path.read_text(encoding="utf-8") == gold, f"{gold_path.name} is stale: run build_gold.py"


_TITLE_OR_ARTICLE = re.compile(r"^(?:the|mr|mrs|ms|miss|dr|pc|dc|ds|di|dci|sgt|cllr|professor)\.? ", re.IGNORECASE)


@pytest.mark.parametrize("corpus", [DEV, HOLDOUT, *FRESH, *TRAIN], ids=lambda p: p.name)
def test_spans_follow_the_guidelines_on_titles_articles_and_possessives(corpus: Path):
    for doc in load_corpus(corpus):
        for span in doc.spans:
            # a title stays outside a person's name; an ID ("PC 2261") or a shop ("Mr Wrap") may hold one
            if span.label == "PERSON" or span.text.lower().startswith("the "):
                assert not _TITLE_OR_ARTICLE.match(span.text), f"{doc.name}: {span.text!r} includes a title or 'the'"
            if span.label == "PERSON":
                assert not span.text.endswith(("'s", "’s")), f"{doc.name}: {span.text!r} includes the possessive"


def test_every_label_is_represented_in_the_dev_corpus():
    counts = {label: 0 for label in LABELS}
    for doc in load_corpus(DEV):
        for span in doc.spans:
            counts[span.label] += 1
    assert all(n >= 20 for n in counts.values()), counts


def test_markup_parser_strips_markup_and_rejects_bad_markup():
    build_gold = _build_gold()
    plain, spans = build_gold.parse_markup("DS [[PERSON|Patel]]: [[PERSON|kyle]]'s car, [[ID|ab12cde]].")
    assert plain == "DS Patel: kyle's car, ab12cde."
    assert [(s["start"], s["end"], s["label"]) for s in spans] == [(3, 8, "PERSON"), (10, 14, "PERSON"),
                                                                   (22, 29, "ID")]
    assert json.loads(json.dumps(spans))[1]["text"] == "kyle"
    for bad in ("[[NAME|Kyle]]", "[[PERSON| Kyle]]", "[[PERSON|Kyle]", "[[PERSON|Kyle"):
        with pytest.raises(build_gold.MarkupError):
            build_gold.parse_markup(bad)
