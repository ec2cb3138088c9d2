"""``spans.absorb``: new spans replace the spans inside them in one pass (session 10)."""

from __future__ import annotations

from qualcoder_cse.anonymise.spans import Span, absorb


def _s(a: int, b: int, label: str = "PERSON") -> Span:
    return Span(a, b, label, "x" * (b - a), 0.5, "test")


def test_a_new_span_replaces_those_inside_it_and_keeps_the_rest() -> None:
    out = absorb([_s(0, 2), _s(5, 8), _s(10, 14), _s(20, 22)], [_s(4, 15, "LOCATION")])
    assert [(s.start, s.end, s.label) for s in out] == [(0, 2, "PERSON"), (4, 15, "LOCATION"), (20, 22, "PERSON")]


def test_a_span_running_out_keeps_the_old_spans_unless_edges() -> None:
    spans = [_s(0, 6, "LOCATION"), _s(8, 10)]
    assert absorb(spans, [_s(3, 10, "ORG")]) == spans
    out = absorb(spans, [_s(3, 10, "ORG")], edges=True)
    assert [(s.start, s.end) for s in out] == [(3, 10)]


def test_of_overlapping_new_spans_the_longer_wins() -> None:
    out = absorb([], [_s(0, 5, "LOCATION"), _s(3, 12, "LOCATION"), _s(20, 25, "ORG")])
    assert [(s.start, s.end) for s in out] == [(3, 12), (20, 25)]


def test_thousands_of_new_spans_in_one_call() -> None:
    spans = [_s(i * 10, i * 10 + 3) for i in range(20_000)]
    news = [_s(i * 10, i * 10 + 6, "LOCATION") for i in range(0, 20_000, 2)]
    out = absorb(spans, news)
    assert len(out) == 20_000 and sum(s.label == "LOCATION" for s in out) == 10_000
