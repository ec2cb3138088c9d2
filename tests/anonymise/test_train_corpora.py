"""The annotated transcripts as NER training text: pieces cut at line breaks, spans kept whole and in place."""

from __future__ import annotations

import json
from pathlib import Path

from qualcoder_cse.anonymise.train_corpora import corpus_docs, corpus_pieces, pieces

ROOT = Path(__file__).resolve().parents[2]


def _marked(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[str, str]]:
    return [(text[s:e], lab) for s, e, lab in spans]


def test_pieces_end_at_line_breaks_and_keep_every_span_with_its_text() -> None:
    lines = [f"P{i}: I saw Dana Okoro at Millbrook Rec on 3 May." for i in range(200)]
    text = "\n".join(lines) + "\n"
    spans = []
    for i, line in enumerate(lines):
        base = sum(len(x) + 1 for x in lines[:i])
        for word, label in (("Dana Okoro", "PERSON"), ("Millbrook Rec", "LOCATION"), ("3 May", "DATE")):
            s = base + line.index(word)
            spans.append((s, s + len(word), label))
    out = pieces(text, spans, size=500)
    assert len(out) > 10
    assert "".join(p for p, _e in out) == text
    assert all(p.endswith("\n") and len(p) <= 500 for p, _e in out)
    assert sum(len(e) for _p, e in out) == len(spans)
    for piece, ents in out:
        assert {w for w, _lab in _marked(piece, ents)} == {"Dana Okoro", "Millbrook Rec", "3 May"}


def test_a_span_across_a_line_break_is_never_cut() -> None:
    text = "a" * 30 + "\nThe Crown\nand Anchor\n" + "b" * 30 + "\n"
    s = text.index("Crown")
    e = text.index("Anchor") + len("Anchor")
    out = pieces(text, [(s, e, "ORG")], size=40)
    assert "".join(p for p, _e in out) == text
    kept = [w for p, ents in out for w in _marked(p, ents)]
    assert kept == [("Crown\nand Anchor", "ORG")]


def test_a_corpus_folder_reads_text_and_gold(tmp_path: Path) -> None:
    text = "Interviewer: Where did you meet Pearl?\nP1: At the Quayside, with Pearl.\n"
    spans = [{"start": text.index("Pearl"), "end": text.index("Pearl") + 5, "label": "PERSON", "text": "Pearl"},
             {"start": text.index("Quayside"), "end": text.index("Quayside") + 8, "label": "LOCATION",
              "text": "Quayside"}]
    (tmp_path / "a01.txt").write_text(text, encoding="utf-8")
    (tmp_path / "a01.gold.json").write_text(json.dumps({"spans": spans}), encoding="utf-8")
    (tmp_path / "orphan.gold.json").write_text(json.dumps({"spans": []}), encoding="utf-8")
    docs = corpus_docs(tmp_path)
    assert len(docs) == 1
    assert _marked(*docs[0]) == [("Pearl", "PERSON"), ("Quayside", "LOCATION")]


def test_the_dev_corpus_gives_pieces_whose_spans_match_its_gold_text() -> None:
    folder = ROOT / "tests" / "data" / "anonymise"
    gold_texts = sorted(s["text"] for g in folder.glob("*.gold.json")
                        for s in json.loads(g.read_text(encoding="utf-8"))["spans"])
    out = corpus_pieces([folder])
    assert sorted(w for p, ents in out for w, _lab in _marked(p, ents)) == gold_texts
