"""Every reader on a real file built in tmp_path: the exact imported text and the exact speaker turns."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcoder_cse.importers.errors import BadEncoding, ImporterError
from qualcoder_cse.importers.prepare import prepare_file
from tests.importers import builders as b


def turns_of(prepared) -> list[tuple[str, str, str | None]]:
    """(speaker, turn text, timestamp) for each turn: checks offsets and content together."""
    return [(t.speaker, prepared.text[t.start:t.end], t.timestamp) for t in prepared.turns]


def test_docx_paragraphs_table_header_footer_and_tracked_changes(tmp_path: Path):
    p = prepare_file(b.build_docx(tmp_path / "fg4.docx"))
    assert p.text == b.DOCX_TEXT
    assert "header" not in p.text and "footer" not in p.text and "old place" not in p.text
    assert turns_of(p) == [
        ("INT", "INT: Welcome, everyone.", "00:00:05"),
        ("P1", "P1: We met at the youth centre on Fridays 😀\nand it felt safe.\nSpeaker\tText", None),
        ("YP2", "YP2: Nobody asked us.", None),
        ("YP2", "YP2: Not once.", None),
        ("DS Smith", "DS Smith: Thank you all.", None),
    ]
    assert p.source_format == "docx" and p.name == "fg4"


def test_odt_paragraphs_spans_spaces_table_and_no_footnote_or_footer(tmp_path: Path):
    p = prepare_file(b.build_odt(tmp_path / "consultation 7.odt"))
    assert p.text == b.ODT_TEXT
    assert turns_of(p) == [
        ("Facilitator", "Facilitator: What would help?", None),
        ("YP1", "YP1: being listened to  tbh\t💯", None),
        ("YP2", "YP2: same", "00:03:10"),
        ("YP2", "YP2: and more youth workers", "00:03:15"),
    ]


def test_rtf_escapes_unicode_surrogates_and_skipped_header(tmp_path: Path):
    path = tmp_path / "int12.rtf"
    path.write_text(b.RTF_SOURCE, encoding="ascii")
    p = prepare_file(path)
    assert p.text == b.RTF_TEXT
    assert turns_of(p) == [
        ("Interviewer", "Interviewer: Café meetings – were they useful?", None),
        ("Respondent 3", "Respondent 3: Yes, very 😀\n\tindented line", None),
    ]


def test_pdf_text_layer_over_two_pages(tmp_path: Path):
    p = prepare_file(b.build_pdf(tmp_path / "coordinator.pdf"))
    assert p.text == b.PDF_TEXT
    assert turns_of(p) == [
        ("INT", "INT: How do you identify risk?", "00:04:10"),
        ("R", "R: Mostly through return interviews.\nIt varies by area.", None),
        ("INT", "INT: Thank you.", None),
    ]


def test_pdf_running_headers_and_page_numbers_dropped(tmp_path: Path):
    pages = [["INT: First question?", "P1: First answer."], ["INT: Second?", "P1: Page two answer."],
             ["INT: Third?", "P1: Last."]]
    p = prepare_file(b.build_pdf_with_running_lines(tmp_path / "running.pdf", pages))
    assert p.text == "\n".join(line for page in pages for line in page)
    assert [t.speaker for t in p.turns] == ["INT", "P1"] * 3


def test_vtt_voices_merged_cues_and_timestamps_as_metadata(tmp_path: Path):
    path = tmp_path / "call.vtt"
    path.write_text(b.VTT_SOURCE, encoding="utf-8")
    p = prepare_file(path)
    assert p.text == b.VTT_TEXT
    assert "00:00" not in p.text
    assert turns_of(p) == [
        ("Roger Bingham", "Roger Bingham: We are in New York City and it's sunny & warm", "00:00:01.000"),
        ("Neil deGrasse Tyson", "Neil deGrasse Tyson: Hello there", "00:00:07.000"),
        ("Sam", "Sam: joining late, sorry", "00:00:10.000"),
    ]


def test_srt_labels_in_cue_text(tmp_path: Path):
    path = tmp_path / "call.srt"
    path.write_text(b.SRT_SOURCE, encoding="utf-8")
    p = prepare_file(path)
    assert p.text == b.SRT_TEXT
    assert turns_of(p) == [
        ("MODERATOR", "MODERATOR: Right, let's start. Who goes first?", "00:00:01,000"),
        ("Parent 1", "Parent 1: Me.", "00:00:06,000"),
    ]


TRANSCRIPT = "INT: How did the café feel?\r\nYP2: it was “proper” safe 👍🏽\r\n\r\nINT: Thanks.\r\n"
EXPECTED = "INT: How did the café feel?\nYP2: it was “proper” safe 👍🏽\n\nINT: Thanks."


@pytest.mark.parametrize(
    ("encoding", "prefix", "detected"),
    [
        ("utf-8", b"", "utf-8"),
        ("utf-8", b"\xef\xbb\xbf", "utf-8"),
        ("utf-16-le", b"\xff\xfe", "utf-16-le"),
        ("utf-16-be", b"\xfe\xff", "utf-16-be"),
    ],
)
def test_txt_encodings_with_and_without_bom(tmp_path: Path, encoding, prefix, detected):
    path = tmp_path / "t.txt"
    path.write_bytes(prefix + TRANSCRIPT.encode(encoding))
    p = prepare_file(path)
    assert p.text == EXPECTED
    assert p.encoding == detected
    assert turns_of(p) == [
        ("INT", "INT: How did the café feel?", None),
        ("YP2", "YP2: it was “proper” safe 👍🏽", None),
        ("INT", "INT: Thanks.", None),
    ]


def test_txt_windows_1252_fallback(tmp_path: Path):
    path = tmp_path / "cp.txt"
    text = "INT: How did the café feel?\r\nP1: it was “fine” – £5 a week\r\n"
    path.write_bytes(text.encode("cp1252"))
    p = prepare_file(path)
    assert p.encoding == "cp1252"
    assert p.text == "INT: How did the café feel?\nP1: it was “fine” – £5 a week"


def test_txt_invalid_utf8_is_refused_not_guessed(tmp_path: Path):
    path = tmp_path / "broken.txt"
    path.write_bytes("P1: it’s fine ".encode() + b"\xff\xfe broken" + " café".encode())
    with pytest.raises(BadEncoding, match="looks like UTF-8 but byte 16"):
        prepare_file(path)
    bom = tmp_path / "bom.txt"
    bom.write_bytes(b"\xef\xbb\xbfP1: ok \xc3(")
    with pytest.raises(BadEncoding, match="UTF-8 byte order mark"):
        prepare_file(bom)


def test_unsupported_extensions_get_advice(tmp_path: Path):
    for name, fragment in [("a.doc", "save it as .docx"), ("a.xyz", "supported formats"), ("noext", "without")]:
        path = tmp_path / name
        path.write_text("INT: hi")
        with pytest.raises(ImporterError, match=fragment):
            prepare_file(path)


def test_text_that_starts_like_a_file_signature_is_still_text(tmp_path: Path):
    path = tmp_path / "mz.txt"
    for start in ("MZ: hello", "ID3: not an mp3", "RIFF: nor a wav", "GIF8 is a code"):
        path.write_text(f"{start}\nP1: more text\n", encoding="utf-8")
        assert prepare_file(path).text == f"{start}\nP1: more text"
