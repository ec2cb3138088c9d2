"""Senders heading chat messages in the shapes ``export_lines`` does not read (``chat_senders``)."""

from __future__ import annotations

from qualcoder_cse.anonymise.chat_senders import chat_senders

from .found import persons

TELEGRAM = (
    "Crow 🐦, [03.02.25 19:04]\nwhere r u\n\nmaddie, [03.02.25 19:05]\nhome\n\n"
    "Crow 🐦, [03.02.25 19:06]\ncome out\n\nCrow 🐦, [03.02.25 19:30]\nits fine\n"
)
INSTAGRAM = (
    "K 🐍\nApr 2, 2025, 9:10 pm\nu out\nYou\nApr 2, 2025, 9:12 pm\nno\n"
    "K 🐍\nApr 2, 2025, 9:13 pm\ncome town\nYou\nApr 2, 2025, 9:20 pm\ncant\n"
)
MESSENGER = "Eoin Carville · 04/03/2025 21:02\nu there\nYou · 04/03/2025 21:03\nye\nEoin Carville · 04/03/2025 21:05\nk\n"


def test_a_word_name_heading_telegram_messages_is_a_person_at_every_header(det) -> None:
    found = persons(det, TELEGRAM)
    assert found.count("Crow") == 3
    assert "maddie" in found


def test_a_one_letter_sender_above_instagram_times_is_a_person_and_you_is_not(det) -> None:
    found = persons(det, INSTAGRAM)
    assert found.count("K") == 2
    assert "You" not in found and "pm" not in found


def test_emoji_stay_outside_and_you_is_never_a_sender() -> None:
    texts = [s.text for s in chat_senders(TELEGRAM + MESSENGER)]
    assert texts.count("Crow") == 3 and texts.count("Eoin Carville") == 2
    assert "You" not in texts and not any("🐦" in t for t in texts)


def test_a_shape_heading_fewer_than_three_lines_is_not_a_chat() -> None:
    assert chat_senders("Crow 🐦, [03.02.25 19:04]\nwhere r u\n\nCrow 🐦, [03.02.25 19:06]\ncome out\n") == []


def test_a_name_above_a_bare_time_is_a_message_not_a_sender() -> None:
    # Messenger as copied: sender, message, time; the message above the time is not a name
    text = "Lena Ruiz\nyh cant sleep\n23:43\n\nLena Ruiz\nwhere we going\n15:31\n\nLena Ruiz\nok then\n15:40\n"
    assert "yh cant sleep" not in [s.text for s in chat_senders(text)]


def test_bots_and_system_lines_are_not_people() -> None:
    text = "".join(f"[14-Mar-25 20:{m:02d}] {who}\nhello\n\n" for m, who in
                   enumerate(["SYSTEM", "Server Bot", "Ronan", "Ronan"]))
    assert [s.text for s in chat_senders(text)] == ["Ronan", "Ronan"]


def test_the_other_side_of_a_typed_up_me_chat_is_a_person_even_as_one_letter(det) -> None:
    text = ("Typed from the photos:\nSat, 8 Mar at 17:40\nK: u free 2nite\nME: ye\nK: by the library at 7\n"
            "ME: whats the job\nK: no job just food\nME: ok\n")
    assert persons(det, text).count("K") == 3


def test_an_interviews_letter_codes_stay_role_codes(det) -> None:
    text = "I: How long have you worked there?\nR: About six years.\nI: And before that?\nR: Retail.\n"
    assert persons(det, text) == []
