"""Usernames of plain letters found by what is said around them, senders with their message on the same line,
and accounts a platform's return names with their number (issue 15, session 11: CONTACT on unseen exports)."""

from __future__ import annotations

import pytest

from .found import proposed


@pytest.mark.parametrize("line", [
    "add my snap {h}", "dm me on ig {h}", "follow {h} on insta", "added by {h} on Snapchat",
    "Instagram account '{h}' sent the image.", 'messages from the account "{h}" (Snapchat)',
    "account name {h}", "Display name: Kez, username {h}", "Facebook profile {h}", "Sender: {h}\n",
    "the account {h} messaged her", "add me {h}",
])
@pytest.mark.parametrize("handle", ["kayzmarie", "deanox", "xXkezXx"])
def test_a_username_of_plain_letters_after_a_cue_is_a_contact(det, line: str, handle: str) -> None:
    assert handle in proposed(det, line.format(h=handle))


@pytest.mark.parametrize("line", [
    "add my snap later", "the account was deleted", "follow him on insta", "account name unknown",
    "Sender: unknown\n", "she showed me the account settings", "add me pls", "add me back tho", "facilitator handle: YouthVoice_Facilitator",
])
def test_a_word_after_the_cue_is_no_username(det, line: str) -> None:
    assert not [s for s in det.detect(line, min_confidence=0.3) if s.label == "CONTACT"]


_INLINE = """tylerbx 21:04  u coming
kayzmarie 21:05  cant
tylerbx 21:06  ok x
kayzmarie 21:09  maybe tmrw
"""


def test_a_sender_with_the_time_and_message_on_one_line_is_found(det) -> None:
    found = proposed(det, _INLINE)
    assert found.count("tylerbx") == 2 and found.count("kayzmarie") == 2


def test_a_role_code_heading_a_typed_up_chat_is_no_contact(det) -> None:
    text = "lil.reeko22 21:14  u up\nyp3  21:20  ye why\nlil.reeko22 21:20  wanna link\nyp3  21:21  cant\n"
    assert not [s for s in det.detect(text, min_confidence=0.3) if s.text == "yp3"]


def test_the_fields_of_a_return_are_no_senders(det) -> None:
    text = "".join(f"Author kayzmarie (Instagram: 48291034562)\nSent 2026-01-03 19:2{i}:01 UTC\nBody hi\n"
                   for i in range(4))
    spans = det.detect(text, min_confidence=0.3)
    assert not [s for s in spans if s.text in ("Sent", "Body", "Author")]
    assert [s.label for s in spans if s.text == "kayzmarie"] == ["CONTACT"] * 4


_FORMATS = {
    "tiktok": "2026-01-03 19:2{i}:01 UTC {h}: u coming\n",
    "snapchat": "Received | {h} | TEXT | 2026-01-23 21:0{i}:40 UTC\nu coming\n",
    "tab-separated": "2026-01-03 19:2{i}:01\t{h}\tu coming\n",
    "comma-separated": '2026-01-03 19:2{i}:01,{h},"u coming"\n',
    "json": '{{"sender_name": "{h}", "timestamp_ms": 167300000{i}000, "content": "u coming"}},\n',
    "messenger": "Sent by {h} on 12 Jan 2026 at 21:0{i}\nu coming\n",
    "sms": "12/01/2026 21:0{i} IN {h}: u coming\n",
    "instagram download": "{h}\nu coming\nJan 4, 2026, 7:2{i} pm\n",
    "kik": "{h} (21:0{i}): u coming\n",
}


@pytest.mark.parametrize("fmt", sorted(_FORMATS))
@pytest.mark.parametrize("handle", ["deanox", "xXkezXx", "tyler_b09"])
def test_a_sender_of_any_export_is_found_by_its_slot(det, fmt: str, handle: str) -> None:
    text = "".join(_FORMATS[fmt].format(i=i, h=handle) for i in range(4))
    assert proposed(det, text).count(handle) == 4


def test_roles_and_clock_words_in_a_sender_slot_are_no_senders(det) -> None:
    text = "".join(f"[00:0{i}:04] INTERVIEWER: and then?\n[00:0{i}:30] RESP: we went\n" for i in range(4))
    text += "".join(f"Feb 06, 2026 11:3{i} pm\n\nZee\nok\n" for i in range(4))
    found = proposed(det, text)
    assert not {"TERVIEWER", "INTERVIEWER", "RESP", "pm"} & set(found)


_STEMS = """[19:02] den1s_r: im outside
[19:03] kxllum.mxo: den you coming to the park or no
[19:04] tillyyy.g: cant
[19:05] kxllum.mxo: ur so boring tills honestly
[19:06] chaseyy09: ring me on chases phone
"""


def test_a_member_called_by_the_stem_of_their_username(det) -> None:
    found = [s.text for s in det.detect(_STEMS, min_confidence=0.3) if s.label == "PERSON"]
    assert {"den", "tills", "chases"} <= set(found)


def test_a_common_word_or_a_path_gives_no_stem(det) -> None:
    text = "[19:02] home_alone99: text me when ur home x\nmessages/inbox/ayaanx9_17734/message_1.html\nsee ur messages"
    assert not [s for s in det.detect(text, min_confidence=0.3) if s.label == "PERSON" and s.text in ("home", "messages")]
