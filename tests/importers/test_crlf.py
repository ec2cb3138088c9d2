"""Windows line ends (CR LF, and old Mac CR) in every reader of text, through the real command line.

Transcripts typed on Windows laptops arrive with CR LF. Each format is imported with ``qualcoder-cse import``
into a real project and read back: the stored text holds ``\\n`` only (no stray ``\\r`` that would shift
offsets or show as a box), speaker turns are found, and a coding made on the stored text quotes the right
words. Also the other readers of text: case attributes (CSV with CR LF rows and a quoted cell spanning a
line), ``detect`` (offsets into the file as read, CR LF kept, per the CLI contract) and ``anonymise -o``
(writes the file back with its own line ends).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project

CRLF_TXT = "INT: How did it start?\r\nP1: At the youth club.\r\n\r\nINT: And then?\r\nP1: Nothing.\r\n"
VTT = ("WEBVTT\r\n\r\n00:00:01.000 --> 00:00:04.000\r\n<v INT>How did it start?\r\n\r\n"
       "00:00:05.000 --> 00:00:08.000\r\n<v P1>At the youth club.\r\nEvery Friday.\r\n")
SRT = ("1\r\n00:00:01,000 --> 00:00:04,000\r\nINT: How did it start?\r\n\r\n"
       "2\r\n00:00:05,000 --> 00:00:08,000\r\nP1: At the youth club.\r\nEvery Friday.\r\n")
RTF = (b"{\\rtf1\\ansi\\deff0\r\n{\\fonttbl{\\f0 Arial;}}\r\nINT: How did it start?\\par\r\n"
       b"P1: At the youth \r\nclub.\\par\r\n}\r\n")  # CR LF in RTF source is not text (RTF spec)


def _files(tmp: Path) -> dict[str, tuple[Path, str, int]]:
    """name -> (file, expected stored text, expected turns)."""
    out: dict[str, tuple[Path, str, int]] = {}

    def put(name: str, data: bytes, text: str, turns: int) -> None:
        path = tmp / name
        path.write_bytes(data)
        out[path.stem] = (path, text, turns)

    put("crlf utf8.txt", CRLF_TXT.encode(), "INT: How did it start?\nP1: At the youth club.\n\nINT: And then?\n"
        "P1: Nothing.", 4)
    put("crlf bom.txt", b"\xef\xbb\xbf" + CRLF_TXT.encode(), "INT: How did it start?\nP1: At the youth club.\n\n"
        "INT: And then?\nP1: Nothing.", 4)
    put("crlf utf16.txt", "INT: How did it start?\r\nP1: At the café.\r\n".encode("utf-16"),
        "INT: How did it start?\nP1: At the café.", 2)
    put("crlf cp1252.txt", "INT: How did it start?\r\nP1: At the café.\r\n".encode("cp1252"),
        "INT: How did it start?\nP1: At the café.", 2)
    put("cr only.txt", b"INT: How did it start?\rP1: At the youth club.\r", "INT: How did it start?\n"
        "P1: At the youth club.", 2)
    put("crlf vtt.vtt", VTT.encode(), "INT: How did it start?\n\nP1: At the youth club. Every Friday.", 2)
    put("crlf srt.srt", SRT.encode(), "INT: How did it start?\n\nP1: At the youth club. Every Friday.", 2)
    put("crlf rtf.rtf", RTF, "INT: How did it start?\nP1: At the youth club.", 2)
    import docx

    d = docx.Document()
    d.add_paragraph("INT: How did it start?")
    d.add_paragraph("P1: At the youth club.\r\nEvery Friday.")  # python-docx: CR and LF each become a break
    d.save(tmp / "crlf docx.docx")
    out["crlf docx"] = (tmp / "crlf docx.docx", "INT: How did it start?\nP1: At the youth club.\n\nEvery Friday.", 2)
    return out


@pytest.fixture()
def env(project_path, passphrase, monkeypatch) -> str:
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    return str(project_path)


def test_every_text_format_with_crlf(env, passphrase, capsys, tmp_path: Path) -> None:
    files = _files(tmp_path)
    code = main(["import", env, *[str(f) for f, _, _ in files.values()], "--anonymise", "off", "--json"])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    results = json.loads(out)
    assert [r["status"] for r in results] == ["imported"] * len(files), out
    with Project.open(env, passphrase) as project:
        for name, (path, text, turns) in files.items():
            doc = project.documents.by_name(name)
            assert doc is not None, name
            stored = project.documents.text(doc.id)
            assert "\r" not in stored, name
            assert stored == text, name
            got_turns = project.conn.execute("SELECT count(*) FROM turns WHERE document_id = ?",
                                             (doc.id,)).fetchone()[0]
            assert got_turns == turns, name
            # A coding on the stored text quotes exactly the words (offsets not shifted by a CR).
            start = stored.index("How did it start?")
            c = project.codes.by_path("Line ends/Question", create=True)
            coding = project.codings.add(c.id, doc.id, start, start + len("How did it start?")).coding
            assert project.codings.text(coding) == "How did it start?", name


def test_case_attributes_csv_with_crlf(env, passphrase, capsys, tmp_path: Path) -> None:
    with Project.open(env, passphrase) as project:
        project.cases.add("YP 1")
        project.cases.add("YP 2")
    csv = tmp_path / "cases crlf.csv"
    csv.write_bytes(b'Case,Area,Note\r\nYP 1,North,"two\r\nlines"\r\nYP 2,South,plain\r\n')
    code = main(["attributes", env, "--import", str(csv)])
    out, err = capsys.readouterr()
    assert code == 0, out + err
    with Project.open(env, passphrase, readonly=True) as project:
        values = {c.name: project.attributes.values_for(c.id, "case") for c in project.cases.list()}
    assert values["YP 1"]["Area"] == "North" and values["YP 2"]["Area"] == "South"
    assert "\r" not in "".join(v for vals in values.values() for v in vals.values())
    assert values["YP 2"]["Note"] == "plain"  # not "plain\r"
    assert values["YP 1"]["Note"] == "two\nlines"


def test_detect_offsets_into_crlf_file_as_read(capsys, tmp_path: Path) -> None:
    path = tmp_path / "note crlf.txt"
    raw = "INT: Where?\r\nP1: I met Jason Miller at the park.\r\nINT: When?\r\n"
    path.write_bytes(raw.encode())
    code = main(["detect", str(path), "--jsonl"])
    out, err = capsys.readouterr()
    assert code == 0, err
    spans = json.loads(out.splitlines()[0])["spans"]
    assert spans, out
    for span in spans:
        assert raw[span["start"]:span["end"]] == span["text"]  # CR LF counted as in the file


def test_anonymise_keeps_the_files_line_ends(capsys, tmp_path: Path) -> None:
    path = tmp_path / "note crlf.txt"
    path.write_bytes(b"INT: Where?\r\nP1: I met Jason Miller at the park.\r\nINT: When?\r\n")
    out_path = tmp_path / "note anonymised.txt"
    code = main(["anonymise", str(path), "-o", str(out_path)])
    _, err = capsys.readouterr()
    assert code == 0, err
    data = out_path.read_bytes()
    assert b"Jason" not in data and b"Miller" not in data
    assert data.count(b"\r\n") == 3 and data.replace(b"\r\n", b"").count(b"\n") == 0
