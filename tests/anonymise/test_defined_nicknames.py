"""Nicknames a text defines, and every later mention of them (issue 15, session 8); a pseudonym the speaker
chooses ("I'll call her Rose") is not one. Made-up lines, not from any test set."""

from __future__ import annotations

from qualcoder_cse.anonymise.defined_nicknames import defined_nicknames
from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


def _persons(text: str) -> list[str]:
    det = load_detector()
    return [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if s.label == "PERSON"]


def test_a_quoted_nickname_and_a_letter_are_names_at_every_mention():
    text = ('Lads by the arcade: Kyle ("Smudge"), Jack and a younger one they call "T". Smudge has new trainers. '
            "T is 12, seemed tired. Smudge and T still on the seafront. Ollie walked T up to his nan's.")
    found = _persons(text)
    assert found.count("Smudge") == 3
    assert found.count("T") == 4


def test_a_word_defined_as_a_nickname_is_a_name_after_the_article():
    text = ("his mate came too, they called him the Rat but his real name is Gerard. The Rat was the worst one. "
            "At Easter the Rat took us to a house.")
    assert _persons(text).count("Rat") == 3


def test_called_x_because():
    assert _persons("they called Mouse cos she never said owt. Mouse's real name was Roksana").count("Mouse") == 2


def test_a_pseudonym_the_speaker_chooses_defines_no_nickname():
    """Pseudonyms are left unmarked (GUIDELINES.md); this pass adds none (other layers judge a given name)."""
    for text in ["There was a girl, I'll call her Tulip, like the flower. Tulip was thirteen.",
                 "Nell: Call him Jake. Every creep is called Jake.",
                 'In this report she is called "Seren", a name chosen by the reviewer. Seren moved schools.']:
        assert defined_nicknames(text, []) == []
