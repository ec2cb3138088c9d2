"""Lowercase chat names found through their position next to a name or in a message (issue 15, session 5):
coordination with a found name, a possessive without its apostrophe, a name called at the start or end of a
message, a short unknown word opening a message before "was". Each name here was missed before this change;
the look-alikes (text-speak, English words, slang) must stay unproposed. Made-up lines, not from any test set."""

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
        ("tbh i only trust bez and shan", "bez"),
        ("kaz n shan n bex all came", "kaz"),
        ("kaz n shan n bex all came", "bex"),
        ("was it jay or kaz", "kaz"),
        ("lyds mum picked us up", "lyds"),
        ("mia_x: kez where r u", "kez"),
        ("mia_x: omg kez", "kez"),
        ("mia_x: love u kez", "kez"),
        ("kez was like no way", "kez"),
    ],
)
def test_chat_names_by_position(det, text, name):
    assert name in _people(det, text)


@pytest.mark.parametrize(
    "text",
    [
        "mia_x: wyd where r u",
        "mia_x: omg hbu",
        "mia_x: ok cool",
        "mia_x: sound u coming",
        "the lads mum picked us up",
        "me n the mandem went",
        "ngl was proper boring",
    ],
)
def test_look_alikes_are_left(det, text):
    assert _people(det, text) == []


def test_an_unknown_word_repeated_in_a_chat_is_a_name_and_a_one_off_is_not(det):
    text = ("mia_x: seen zuki in town\nlol_ty: where\nmia_x: by the shops, zuki had her bf\nlol_ty: ok\n"
            "mia_x: the bf of zuki is weird\nlol_ty: proper jelz\n")
    people = _people(det, text)
    assert people.count("zuki") == 3
    assert "jelz" not in people


def test_a_handle_alone_on_its_line_heads_its_messages(det):
    """Discord copied without its dash: the handle on its own line (with the time, or at least twice)."""
    text = "KAYZ07 Today at 18:02\nwer r u\nTAZ_2K\nim outside\nKAYZ07 Today at 18:04\nok\nTAZ_2K\ncoming\n"
    found = [(s.text, s.label) for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)]
    assert ("KAYZ07", "CONTACT") in found and ("TAZ_2K", "CONTACT") in found
    assert not any(t == "wer" for t, _l in found)  # text-speak opening a message is not a name called


def test_a_handle_with_a_dash_and_a_bare_time_heads_its_messages(det):
    """Discord copied as text with a bare time after a dash (session 6): a handle in capitals with a digit, and
    a handle of letters only heading two lines, are usernames; their other mentions follow."""
    text = ("PR1NCE — 20:01\nwho wants a job\ntoffee — 20:02\nwat job\nPR1NCE — 20:03\ndm me\n"
            "toffee — 20:04\nnah\nPR1NCE left the server.\n")
    found = [(s.text, s.label) for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE)]
    assert found.count(("PR1NCE", "CONTACT")) == 3
    assert found.count(("toffee", "CONTACT")) == 2


def test_a_lowercase_chat_label_with_an_emoji_or_an_initial_is_a_person(det):
    """Session 6: a given name opening turns of a chat, written in lowercase with an emoji ("ty 💯:") or an
    initial ("kian t:") before the colon, is a person, even when it is also chat slang."""
    text = ("ty 🔥: who's out tonight\nbig d: me n kian at the shops\nty 🔥: which shops\n"
            "kian t: the ones by the chippy\nty 🔥: omw\nkian t: hurry up then\n")
    people = _people(det, text)
    assert people.count("ty") == 3
    assert people.count("kian t") == 2


def test_a_word_as_the_speaker_of_a_time_stamped_chat_line_is_a_person(det):
    """Session 6: "[22:18] reaper:" - a participant named by a word; a system line is not."""
    text = "[22:17] Kai B: u coming\n[22:18] raven: dont trust him\n[22:19] system: user joined\n"
    people = _people(det, text)
    assert "raven" in people and "system" not in people


def test_a_handle_opening_with_underscores_is_covered_at_every_mention():
    """(session 8) "_lexii.x" as sender and in the export's header: the underscore is part of the handle, and
    every line's sender is covered (a name the model read without it left "_" and the handle apart)."""
    det = load_detector()
    text = ("Thread between rhyl.reeceyy and _lexii.x\nrhyl.reeceyy 21:14  heyy u from rhyl?\n"
            "_lexii.x 21:20  kinmel bay\nrhyl.reeceyy 21:20  ah close\n_lexii.x 21:22  which k lol")
    found = [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if s.label == "CONTACT"]
    assert found.count("_lexii.x") == 3


def test_a_handle_opening_with_an_underscore_as_a_speaker_label():
    """(session 8, found in the review window) with the export's timestamps stripped, "_lexii.x:" heads the turn;
    the pattern for dotted handles rejected a first character that is no letter."""
    det = load_detector()
    text = "Ruby: hope shouldnt even be out\n_lexii.x: u know k? k said ur fit\nRuby: which k lol\n_lexii.x: ok\n"
    found = [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if s.label == "CONTACT"]
    assert found.count("_lexii.x") == 2
