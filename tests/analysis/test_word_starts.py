"""The vectorised word-start finder agrees with the word regex (the rule of core.util.word_count)."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from qualcoder_cse.analysis.data import _WORD, word_starts_of

ALPHABET = st.sampled_from(list("ab'’ _-.\n1éü") + ["😀", "𝔘", "𝟙", "\u0301", "ß", "中"])


def _regex(text: str) -> list[int]:
    return [m.start() for m in _WORD.finditer(text)]


def test_examples() -> None:
    for text in ["", "a", "don't stop 'tis it's", "x''y a'b'c d’e _f_ 12 3.4", "café—bar 😀 naïve o'",
                 "yp1: police never listen tbh", "𝔘𝔫𝔦 code 𝟙𝟚"]:
        assert word_starts_of(text).tolist() == _regex(text), text


@settings(max_examples=300, deadline=None)
@given(st.text(ALPHABET, max_size=60))
def test_matches_the_regex(text: str) -> None:
    assert word_starts_of(text).tolist() == _regex(text)
