"""Property test: the detector never raises on any text, and every span it returns is well formed.

Token soup from the words the rules look at (titles, organisation and street heads, names, cue words,
punctuation, digits, emoji), in any order, in any case, ending anywhere: the places where index errors hide.
"""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from qualcoder_cse.anonymise.detect import load_detector

LABELS = {"PERSON", "LOCATION", "ORG", "DATE", "CONTACT", "ID"}
VOCAB = [
    "Premier", "Inn", "PC", "DS", "Mrs", "Dr", "called", "my", "name", "is", "known", "as", "the", "on", "at",
    "Road", "rd", "St", "Street", "estate", "Academy", "Youth", "Zone", "Taxis", "Cars", "hotel", "Hotel",
    "chippy", "Jodie", "jodie", "Kyle", "Mohammed", "Grace", "will", "Will", "Mark", "me", "and", "said",
    "'s", "’s", "'", "\"", "(", ")", ":", ";", ",", ".", "!", "?", "-", "/", "@", "@kyle_b99", "snap:",
    "07700", "900123", "AB12", "CDE", "14/123456/16", "3rd", "march", "2016", "12.4.2002", "M1", "1AA",
    "INT:", "P1:", "yp2:", "[Facilitator]", "\n", "\n\n", "😀", "Flat", "6", "14", "THORNES", "LANE",
    "Greater", "Manchester", "Police", "council", "Council", "NHS", "Home", "Office", "x", "K", "J",
]


@pytest.fixture(scope="module")
def detector():
    return load_detector()


@settings(max_examples=300, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    words=st.lists(st.sampled_from(VOCAB), min_size=0, max_size=30),
    seps=st.lists(st.sampled_from([" ", "", "  ", "\n", "\t"]), min_size=30, max_size=30),
    case=st.sampled_from(["as is", "lower", "upper"]),
)
def test_detect_never_raises_and_spans_are_sound(detector, words, seps, case):
    text = "".join(w + s for w, s in zip(words, seps))
    text = {"lower": text.lower(), "upper": text.upper()}.get(case, text)
    spans = detector.detect(text)
    for s in spans:
        assert 0 <= s.start < s.end <= len(text)
        assert s.label in LABELS
        assert s.text == text[s.start:s.end]
