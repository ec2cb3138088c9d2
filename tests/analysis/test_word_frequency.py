"""Word frequency: placeholders, speaker labels, stop words and numbers left out; a code's segments; the
export read back (xlsx and csv)."""

from __future__ import annotations

import csv

from openpyxl import load_workbook

from qualcoder_cse.analysis.word_frequency import (
    WordFrequencyOptions,
    export_word_frequency,
    stop_words,
    word_frequency,
)
from qualcoder_cse.core.segments import SegmentQuery

TEXT = ("P1: [Person 3] said the police listen. The police came to [Place 2] in 2014. Don't, that’s.\n"
        "P2: Police? They never listen to us, honestly. Call [Phone].\n"
        "P1: Listen, the hotel staff rang the police.\n")


def _doc(project):
    turns, pos = [], 0
    for line in TEXT.splitlines(keepends=True):
        turns.append((pos, pos + len(line) - 1, line[:2]))
        pos += len(line)
    return project.documents.add("Focus", TEXT, kind="lscb", turns=turns)


def test_counts_leave_out_placeholders_labels_stop_words_and_numbers(project):
    doc = _doc(project)
    result = word_frequency(project, WordFrequencyOptions(documents=(doc.id,)))
    counts = {w.word: w.count for w in result.words}
    assert counts["police"] == 4 and counts["listen"] == 3
    for gone in ("person", "place", "phone", "p1", "p2", "2014", "the", "they", "to", "us", "don't", "that's"):
        assert gone not in counts, gone
    assert result.words[0].word == "police" and result.words[0].documents == 1
    assert result.counted == sum(counts.values()) and result.source == "1 document"
    assert abs(sum(w.share for w in result.words) - 1.0) < 1e-9
    with_stops = {w.word for w in word_frequency(project, WordFrequencyOptions((doc.id,), stop_words=False)).words}
    assert "the" in with_stops and "person" not in with_stops
    assert "the" in stop_words() and "erm" in stop_words()


def test_a_codes_segments_count_overlaps_once(project):
    doc = _doc(project)
    code = project.codes.by_path("Voices", create=True)
    s = TEXT.index("Police? They")
    project.codings.add(code.id, doc.id, s, s + len("Police? They never listen"))
    project.codings.add(code.id, doc.id, s, s + len("Police?"), coder="bob")  # overlaps: counted once
    result = word_frequency(project, WordFrequencyOptions(segments=SegmentQuery((code.id,))))
    assert {w.word: w.count for w in result.words} == {"police": 1, "listen": 1}
    assert result.source == "2 coded segments"


def test_export_xlsx_and_csv(project, tmp_path):
    doc = _doc(project)
    xlsx, csv_path = tmp_path / "words.xlsx", tmp_path / "words.csv"
    n = export_word_frequency(project, xlsx, WordFrequencyOptions(documents=(doc.id,)))
    rows = list(load_workbook(xlsx)["Word frequency"].values)
    assert rows[0] == ("Word", "Count", "Share of words", "Documents")
    assert rows[1][:2] == ("police", 4) and isinstance(rows[1][2], float) and len(rows) == n + 3
    export_word_frequency(project, csv_path, WordFrequencyOptions(documents=(doc.id,)))
    with open(csv_path, encoding="utf-8-sig", newline="") as fh:
        got = list(csv.reader(fh))
    assert got[1][:2] == ["police", "4"] and len(got) == n + 1


def test_stopping_early_says_so(project):
    _doc(project)
    calls = []

    def progress(done, total):
        calls.append((done, total))
        return done < 1  # stop before the second document

    result = word_frequency(project, WordFrequencyOptions(), progress)
    assert not result.complete and len(calls) == 2 and calls[0][1] == 4
    assert word_frequency(project, WordFrequencyOptions()).complete
