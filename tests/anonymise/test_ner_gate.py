"""The statistical layer's gate (``ner_gate.py``): where the retrained NER runs and which of its spans are kept.
Whole organisation names the rules cut are completed by the model; usernames are candidates by shape; the
model sees a window around each candidate, not a whole paragraph; things and ranks next to a name stay out."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.ner import _trim_lowercase_head, _trim_lowercase_tail
from qualcoder_cse.anonymise.ner_gate import _HANDLE, _HANDLE_MARK, _WINDOW
from qualcoder_cse.anonymise.tokens import tokenize


@pytest.fixture(scope="module")
def det():
    d = load_detector()
    assert d.ner is not None, "the shipped model must load"
    return d


def _covered(det, text: str, surface: str) -> bool:
    """Every character of ``surface`` covered by proposals at the review threshold (strict recall)."""
    start = text.index(surface)
    cov = bytearray(len(text))
    for s in det.detect(text, min_confidence=0.3):
        cov[s.start:s.end] = b"\x01" * (s.end - s.start)
    return all(cov[start:start + len(surface)])


@pytest.mark.parametrize(
    "text, surface",
    [
        ("Referral to the Lighthouse SARC was made on the day.", "Lighthouse SARC"),
        ("She was seen at the Willow SARC twice that month.", "Willow SARC"),
        ("Young people gather by the Albion Street Spar most evenings.", "Albion Street Spar"),
        ("Intelligence went to Avon and Somerset and to the CPS.", "Avon and Somerset"),
    ],
)
def test_the_model_completes_names_the_rules_cut(det, text, surface):
    assert _covered(det, text, surface)


@pytest.mark.parametrize(
    "text, left",
    [("Tom's X-ray was clear.", "X-ray"),  # a possessive before an ordinary thing is no organisation
     ("| Name | Role |\n| T/Supt Helen Okoro (HO) | Gold, chair |\n", "Supt")],  # a rank is no longer name
)
def test_the_model_does_not_widen_a_name_over_things_and_ranks(det, text, left):
    start = text.index(left)
    assert not any(s.start < start + len(left) and start < s.end for s in det.detect(text, min_confidence=0.3))


@pytest.mark.parametrize("word", ["deano_x", "b0ssman", "mel.x", "nightowl_kez", "tj.fr3sh", "riz_7x"])
def test_usernames_are_candidates_by_shape(word):
    found = [m.group() for m in _HANDLE.finditer(f"{word}: where r u") if _HANDLE_MARK.search(m.group())]
    assert found == [word]


@pytest.mark.parametrize("text", ["Recorded with consent. The end.", "at 3.30 we left", "e.g. the notes",
                                  "call 07700 900123", "see www", "it was 18:02"])
def test_ordinary_words_times_and_numbers_are_not_usernames(text):
    assert not [m.group() for m in _HANDLE.finditer(text) if _HANDLE_MARK.search(m.group())
                and not m.group().replace(".", "").isdigit()]


def test_the_model_sees_a_window_around_a_candidate_not_the_whole_paragraph(det):
    filler = "and then we talked about the weather for a long while " * 40
    text = filler + "she met Zarqelle near the market " + filler
    toks = tokenize(text)
    cand, _weak, ranges = det.gate.candidates(text, toks, [])
    assert any(cand)
    assert len(ranges) == 1
    start, end = ranges[0]
    assert start <= text.index("Zarqelle") < end
    assert end - start <= 2 * _WINDOW + len("Zarqelle") + 2
    assert "Zarqelle" in [s.text for s in det.detect(text, min_confidence=0.3)]


def test_no_candidate_no_model_call(det, monkeypatch):
    calls = []
    real = det.ner.find
    monkeypatch.setattr(det.ner, "find", lambda text, ranges=None: calls.append(ranges) or real(text, ranges))
    det.detect("we went to the park and it was fine, then we went home", min_confidence=0.3)
    assert calls == []


@pytest.mark.parametrize("word, candidate", [("stevo", True), ("deano", True), ("kez", True), ("hiii", False),
                                             ("byeee", False), ("wtf", False), ("cctv", False), ("consent", False)])
def test_lowercase_chat_words_that_may_be_names(det, word, candidate):
    tok = next(t for t in tokenize(f"ok {word} lol") if t.key == word)
    assert det.gate._chat_word(tok) is candidate


def test_a_model_span_starts_at_its_first_capital_and_ends_before_a_time_phrase():
    """The model took "down Cranbeck every weekend" as one name (session 5): the span is cut to "Cranbeck", so
    the anonymised text keeps "down ... every weekend"."""
    text = "we went down Cranbeck every weekend"
    s, e = text.index("down"), len(text)
    s = _trim_lowercase_head(text, s, e)
    e = _trim_lowercase_tail(text, s, e)
    assert text[s:e] == "Cranbeck"
    keep = "at Wolstanton retail park"
    s = _trim_lowercase_head(keep, 0, len(keep))
    assert keep[s:_trim_lowercase_tail(keep, s, len(keep))] == "Wolstanton retail park"
