"""A name quoted after words that announce one (a contact saved in a phone, a booking, a display name, a
name someone goes by) is proposed whatever it looks like; a contact saved by what it is ("Mum") and a role
code are not (issue 15, session 6). Made-up lines, not from any test set."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


@pytest.fixture(scope="module")
def det():
    return load_detector()


def _people(det, text: str) -> list[str]:
    return [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if s.label == "PERSON"]


@pytest.mark.parametrize(
    "text, name",
    [
        ('Her phone had a contact saved as "K 💯" with forty calls.', "K"),
        ('He kept his second number saved as "Zed new" on her phone.', "Zed"),
        ('The room was booked under the name "P. Lowther" on the app.', "P. Lowther"),
        ('Girls round here know a name like "Sprinkles" means trouble.', "Sprinkles"),
        ('In interview she refers to him as "Dee" and "Big Dog" all the way through.', "Big Dog"),
        ('Her brother uses the display name "frostyyy" on there.', "frostyyy"),
    ],
)
def test_a_quoted_name_after_its_cue_is_a_person(det, text, name):
    assert name in _people(det, text)


@pytest.mark.parametrize(
    "text",
    ['The other number was saved as "Work" on her phone.', 'The officers referred to him as "C3" in the log.',
     'a number saved as "the shop" in her phone'],
)
def test_a_contact_saved_by_what_it_is_is_not_a_name(text):
    from qualcoder_cse.anonymise.gazetteers import load_gazetteers
    from qualcoder_cse.anonymise.quoted_names import quoted_names

    assert quoted_names(text, load_gazetteers()) == []


@pytest.mark.parametrize(
    "text, name",
    [
        ('The girls talk about "the Lido" as the place to be picked up.', "Lido"),
        ('He mentioned a flat they called "the Cage" above the bookies.', "Cage"),
        ('"The Sidings" is the old goods yard behind the station.', "Sidings"),
    ],
)
def test_a_quoted_the_name_after_a_cue_is_a_place(det, text, name):
    assert name in [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)]


def test_a_quoted_group_name_or_a_role_acronym_is_left(det):
    found = [s.text for s in det.detect('--- WhatsApp: "The Lads" ---\nthe school calls her "the DSL" now',
                                         min_confidence=REVIEW_MIN_CONFIDENCE)]
    assert "Lads" not in found and "DSL" not in found


def test_a_quoted_alias_explained_by_a_name_takes_its_kind(det):
    """Session 6: a note explains what the chat calls a place or a person."""
    text = ('20:01 jaz.b: meet by fentons\n20:02 kel: ok\nNotes: "fentons" is Fenton\'s Tower by the harbour; '
            '"kel d" is Kelly Doran, 15.\n')
    found = [(s.text, s.label) for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)]
    assert ("fentons", "LOCATION") in found
    assert ("kel d", "PERSON") in found


@pytest.mark.parametrize(("text", "name"), [
    ("he is saved as 'T'. Please can someone help.", "T"),
    ("the number saved as T is 07700 900161.", "T"),
    ('his number was saved in my phone as "D 🍀". His snap was dessie_pdown.', "D"),
    ('his number was saved as "❤️ J ❤️" and it was 07700 900 086.', "J"),
    ('the contact saved in her phone as "Uncle Mo Taxi". No comment.', "Uncle Mo Taxi"),
    ('saved in the child\'s phone under the name "Uncle A".', "Uncle A"),
])
def test_a_contact_name_saved_in_single_quotes_with_emoji_or_bare_is_a_person(det, text: str, name: str) -> None:
    """(session 11)"""
    assert name in [s.text for s in det.detect(text, min_confidence=0.3) if s.label == "PERSON"]


def test_a_contact_saved_by_what_it_is_stays_a_word(det) -> None:
    found = [s.text for s in det.detect("The number saved as Mum is hers; one saved as 'Work' too.\n")]
    assert "Mum" not in found and "Work" not in found
