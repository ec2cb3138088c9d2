"""Tests of the anonymiser scoring functions on small hand-computed examples."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualcoder_cse.anonymise.evaluate import (
    GoldDocument,
    GoldSpan,
    coverage,
    load_corpus,
    score_corpus,
    score_document,
)

TEXT = "DS Patel met Jodie Smith on Elm Road, call 07700 900123."
#       0123456789012345678901234567890123456789012345678901234567
PATEL = GoldSpan(3, 8, "PERSON", "Patel")
JODIE = GoldSpan(13, 24, "PERSON", "Jodie Smith")
ELM = GoldSpan(28, 36, "LOCATION", "Elm Road")
PHONE = GoldSpan(43, 55, "CONTACT", "07700 900123")
DOC = GoldDocument("doc", TEXT, (PATEL, JODIE, ELM, PHONE))


def p(start: int, end: int, label: str) -> GoldSpan:
    return GoldSpan(start, end, label, TEXT[start:end])


def test_offsets_of_the_example_are_right():
    for g in DOC.spans:
        assert TEXT[g.start:g.end] == g.text


def test_gold_against_itself_is_perfect():
    scores = score_document(DOC, list(DOC.spans))
    assert scores.overall.strict_recall == 1.0
    assert scores.overall.lenient_recall == 1.0
    assert scores.precision == 1.0
    assert scores.label_exact_precision == 1.0
    assert scores.misses == [] and scores.false_positives == []


def test_strict_needs_every_character_lenient_any_overlap():
    predicted = [
        p(3, 8, "PERSON"),       # Patel: exact
        p(13, 18, "PERSON"),     # "Jodie" only: lenient yes, strict no
        p(28, 31, "LOCATION"),   # "Elm": partial
        p(43, 48, "CONTACT"),    # "07700" and "900123" as two spans cover every character but the space
        p(49, 55, "CONTACT"),
    ]
    scores = score_document(DOC, predicted)
    assert (scores.overall.gold, scores.overall.strict, scores.overall.lenient) == (4, 1, 4)
    assert scores.overall.strict_recall == pytest.approx(0.25)
    assert scores.per_label["PERSON"].strict == 1 and scores.per_label["PERSON"].gold == 2
    assert scores.per_label["CONTACT"].lenient == 1 and scores.per_label["CONTACT"].strict == 0
    assert {m.span.text for m in scores.misses} == {"Jodie Smith", "Elm Road", "07700 900123"}
    assert all(m.partial for m in scores.misses)


def test_union_of_adjacent_predictions_counts_as_strict():
    scores = score_document(DOC, [p(13, 19, "PERSON"), p(19, 24, "PERSON")])
    assert scores.per_label["PERSON"].strict == 1  # "Jodie " + "Smith" cover all of "Jodie Smith"
    assert scores.overall.strict == 1


def test_a_wider_prediction_of_another_label_still_covers():
    scores = score_document(DOC, [p(25, 36, "ORG")])  # "on Elm Road" as ORG
    assert scores.per_label["LOCATION"].strict == 1
    assert scores.precision == 1.0
    assert scores.label_exact_precision == 0.0


def test_precision_counts_spans_overlapping_no_gold_span():
    predicted = [p(0, 2, "PERSON"), p(3, 8, "PERSON"), p(9, 12, "PERSON"), p(28, 36, "ORG")]
    scores = score_document(DOC, predicted)
    assert scores.predicted == 4
    assert scores.precision == pytest.approx(2 / 4)  # "DS" and "met" overlap nothing
    assert scores.label_exact_precision == pytest.approx(1 / 4)  # only Patel has the gold label
    assert [fp.text for fp in scores.false_positives] == ["DS", "met"]
    assert scores.overall.strict == 2  # Patel and Elm Road (label ignored for coverage)


def test_no_predictions_gives_zero_recall_and_vacuous_precision():
    scores = score_document(DOC, [])
    assert scores.overall.strict_recall == 0.0 and scores.overall.lenient_recall == 0.0
    assert scores.precision == 1.0
    assert len(scores.misses) == 4 and not any(m.partial for m in scores.misses)


def test_coverage_clips_out_of_range_spans():
    mask = coverage([GoldSpan(-3, 2, "ID", ""), GoldSpan(8, 20, "ID", "")], 10)
    assert list(mask) == [1, 1, 0, 0, 0, 0, 0, 0, 1, 1]


def test_score_corpus_sums_documents_and_checks_lengths():
    other = GoldDocument("other", "Ring Kyle.", (GoldSpan(5, 9, "PERSON", "Kyle"),))
    scores = score_corpus([DOC, other], [list(DOC.spans), []])
    assert scores.overall.gold == 5 and scores.overall.strict == 4
    assert scores.per_label["PERSON"].strict_recall == pytest.approx(2 / 3)
    assert scores.as_dict()["per_label"]["PERSON"]["gold"] == 3
    with pytest.raises(ValueError):
        score_corpus([DOC, other], [[]])


def test_load_corpus_reads_text_and_gold_and_rejects_mismatches(tmp_path: Path):
    (tmp_path / "a.txt").write_text(TEXT, encoding="utf-8")
    spans = [{"start": g.start, "end": g.end, "label": g.label, "text": g.text} for g in DOC.spans]
    (tmp_path / "a.gold.json").write_text(json.dumps({"spans": spans}), encoding="utf-8")
    docs = load_corpus(tmp_path)
    assert [d.name for d in docs] == ["a"] and docs[0].spans == DOC.spans and docs[0].words == 11
    spans[0]["start"] += 1
    (tmp_path / "a.gold.json").write_text(json.dumps({"spans": spans}), encoding="utf-8")
    with pytest.raises(ValueError):
        load_corpus(tmp_path)
