"""Speaker turn detection on normalised text: the labels researchers meet, timestamps, and what is not a label."""

from __future__ import annotations

import pytest

from qualcoder_cse.importers.errors import ImporterError
from qualcoder_cse.importers.speakers import SpeakerOptions, detect_turns, speaker_summary


def turns(text: str, **options) -> tuple[str, list[tuple[str, str, str | None]]]:
    new_text, found = detect_turns(text, SpeakerOptions(**options))
    return new_text, [(t.speaker, new_text[t.start:t.end], t.timestamp) for t in found]


@pytest.mark.parametrize(
    ("line", "speaker"),
    [
        ("INT: So how did it start?", "INT"),
        ("Interviewer: So how did it start?", "Interviewer"),
        ("P1: it was at the park", "P1"),
        ("YP2: nobody listened", "YP2"),
        ("[Facilitator] Shall we begin?", "Facilitator"),
        ("R: Yes.", "R"),
        ("Respondent 3: We refer to the MASH.", "Respondent 3"),
        ("DS Smith: We used a CAWN.", "DS Smith"),
        ("F1: I agree", "F1"),
        ("M2: I do not", "M2"),
        ("yp1: lol same 😂", "yp1"),
        ("Young person 4: it was fine", "Young person 4"),
        ("DCI O'Neil: Next slide.", "DCI O'Neil"),
    ],
)
def test_label_catalogue(line, speaker):
    text, found = turns(line)
    assert found == [(speaker, line, None)] and text == line


def test_timestamp_prefixes_become_metadata():
    text, found = turns("[00:12:31] INT: Hello.\n(00:04:10) P1: Hi.\n00:05:00 P2: Hey.\nSpeaker 1 (00:04): Rev.")
    assert text == "INT: Hello.\nP1: Hi.\nP2: Hey.\nSpeaker 1: Rev."
    assert found == [
        ("INT", "INT: Hello.", "00:12:31"), ("P1", "P1: Hi.", "00:04:10"),
        ("P2", "P2: Hey.", "00:05:00"), ("Speaker 1", "Speaker 1: Rev.", "00:04"),
    ]
    kept, found = turns("[00:12:31] INT: Hello.", strip_timestamps=False)
    assert kept == "[00:12:31] INT: Hello." and found == [("INT", kept, "00:12:31")]


def test_continuation_lines_and_text_before_the_first_label():
    _, found = turns("Focus group, March\nDate: 12 March\n\nP1: first line\nsecond line\n\nP2: reply\n")
    assert found == [("P1", "P1: first line\nsecond line", None), ("P2", "P2: reply", None)]


def test_plain_names_need_two_turns_and_headings_or_stage_directions_never_count():
    text = "Location: Leeds\nSarah: hello\n[laughs]\n[Inaudible] sorry\nJohn Smith: hi\nSarah: bye\nNote: end\n"
    _, found = turns(text)
    assert [s for s, _, _ in found] == ["Sarah", "Sarah"]
    _, found = turns(text, min_weak_count=1)
    assert [s for s, _, _ in found] == ["Sarah", "John Smith", "Sarah"]


def test_chat_exports_and_otter_label_lines():
    text, found = turns(
        "12/03/2024, 14:02 - Messages are end-to-end encrypted.\n"
        "12/03/2024, 14:02 - Sam 🙂: hiya\n"
        "[12/03/2024, 14:05:33] Sam 🙂: u ok\n"
        "3/12/24, 2:02 PM - Mo: ye"
    )
    assert text == "12/03/2024, 14:02 - Messages are end-to-end encrypted.\nSam 🙂: hiya\nSam 🙂: u ok\nMo: ye"
    assert found == [
        ("Sam 🙂", "Sam 🙂: hiya", "12/03/2024, 14:02"), ("Sam 🙂", "Sam 🙂: u ok", "12/03/2024, 14:05:33"),
        ("Mo", "Mo: ye", "3/12/24, 2:02 PM"),
    ]
    text, found = turns("Sarah Jones  0:03\nWelcome all.\nTom Hill  0:09\nThanks.\nSarah Jones  0:15\nOK.\n"
                        "Tom Hill  1:02\nBye.")
    assert text == "Sarah Jones\nWelcome all.\nTom Hill\nThanks.\nSarah Jones\nOK.\nTom Hill\nBye."
    assert found[0] == ("Sarah Jones", "Sarah Jones\nWelcome all.", "0:03")


def test_custom_patterns_first_and_alone():
    chat = "<kaz_99> hiya\n<mo> [14:02] u ok\nINT: not a chat label\n"
    _, found = turns(chat, patterns=(r"^<(?P<speaker>\w+)>(?: \[(?P<ts>\d+:\d+)\])?",), use_defaults=False)
    assert found == [("kaz_99", "<kaz_99> hiya", None), ("mo", "<mo> u ok\nINT: not a chat label", "14:02")]
    with pytest.raises(ImporterError, match="named group"):
        detect_turns(chat, SpeakerOptions(patterns=(r"^<(\w+)>",)))


def test_disabled_detection_returns_the_text_untouched():
    assert detect_turns("[00:01:00] INT: hi", SpeakerOptions(enabled=False)) == ("[00:01:00] INT: hi", [])


def test_a_backtracking_speaker_pattern_is_stopped_with_a_clear_error(monkeypatch):
    from qualcoder_cse.importers import speakers

    monkeypatch.setattr(speakers, "USER_PATTERN_TIMEOUT", 0.3)  # the real limit is 5 s; keep the test quick
    with pytest.raises(ImporterError, match="takes too long"):
        detect_turns("a" * 5000 + "\n", SpeakerOptions(patterns=(r"^(?P<speaker>(a|aa)*)*[^a\n]",)))


def test_user_speaker_pattern_still_matches_after_the_engine_change():
    _text, found = detect_turns("<Sam> hello there\n<Jo> hi\n", SpeakerOptions(patterns=(r"^<(?P<speaker>\w+)>",)))
    assert [t.speaker for t in found] == ["Sam", "Jo"]


# (session 9) chat copies whose sender heads the message lines with a date and time
def test_telegram_and_messenger_header_lines_are_turns_with_the_sender_as_speaker():
    telegram = ("Bash 🦁, [28.04.25 16:02]\nu home yet\n\nelz, [28.04.25 16:10]\nye. mum thinks im at cerys\n\n"
                "Bash 🦁, [28.04.25 16:11]\ngood girl\n\nelz, [28.04.25 16:12]\nwho is sky\n")
    text, turns = detect_turns(telegram)
    assert speaker_summary(turns) == [("Bash", 2), ("elz", 2)]
    assert text == telegram and text[turns[0].start:turns[0].end] == "Bash 🦁, [28.04.25 16:02]\nu home yet"
    assert turns[0].timestamp == "28.04.25 16:02"
    messenger = "Róisín · 16/03/2025 15:12\nhiya\nCathal · 16/03/2025 15:13\nwat\nRóisín · 16/03/2025 15:14\nnm\n" \
                "Cathal · 16/03/2025 15:15\nk\n"
    assert speaker_summary(detect_turns(messenger)[1]) == [("Róisín", 2), ("Cathal", 2)]


def test_an_export_stamped_with_an_iso_date_gives_one_speaker_per_handle():
    """(session 11, found importing a TikTok export in the window: "0 turns, no speaker labels found")"""
    text, found = turns("2026-01-03 19:22:01 UTC deanox: hiya\n2026-01-03 19:22:40 UTC kayz.m_09: u ok?\n"
                        "2026-01-03T19:23:10Z deanox: add my snap\nNote: two handles.")
    assert [(s, t) for s, _body, t in found] == [("deanox", "2026-01-03 19:22:01 UTC"),
                                                 ("kayz.m_09", "2026-01-03 19:22:40 UTC"),
                                                 ("deanox", "2026-01-03T19:23:10Z")]
    assert text.startswith("deanox: hiya\nkayz.m_09: u ok?\n")
