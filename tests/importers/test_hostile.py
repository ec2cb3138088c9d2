"""Hostile input: each bad file gets a clear per-file error, nothing of it is stored, and the rest go on."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from qualcoder_cse.importers.formats import MAX_FILE_BYTES, MB
from qualcoder_cse.workflows.batch_import import import_files
from qualcoder_cse.workflows.file_import import DUPLICATE, FAILED, IMPORTED, ImportOptions
from tests.importers import builders as b

PNG = b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR\x00\x00\x00\x10\x00\x00\x00\x10\x08\x06\x00\x00\x00" + bytes(range(256))


def _header_only_docx() -> bytes:
    import io

    import docx

    d = docx.Document()
    d.sections[0].header.paragraphs[0].text = "INT: only in the header"
    buf = io.BytesIO()
    d.save(buf)
    return buf.getvalue()


def _state(project) -> tuple:
    """Everything an import could touch, to compare before and after."""
    docs = project.documents.list()
    return (
        [(d.id, d.name) for d in docs],
        [(t.start, t.end, t.speaker) for d in docs for t in project.turns.list(d.id)],
        [c.name for c in project.cases.list()],
        project.attributes.table("document"),
    )


@pytest.fixture()
def hostile_files(tmp_path: Path) -> dict[str, tuple[Path, str]]:
    """name -> (path, fragment the per-file reason must contain)."""
    files: dict[str, tuple[Path, str]] = {}

    def add(key: str, name: str, data: bytes, fragment: str) -> None:
        path = tmp_path / name
        path.write_bytes(data)
        files[key] = (path, fragment)

    add("empty txt", "empty.txt", b"", "empty")
    add("blank txt", "blank.txt", b"  \r\n\t\r\n", "empty")
    add("zero-byte docx", "zero.docx", b"", "empty")
    add("png named txt", "photo.txt", PNG, "PNG image")
    add("binary named docx", "binary.docx", os.urandom(4096).replace(b"PK", b"pk"), "not a zip package")
    add("binary named pdf", "binary.pdf", os.urandom(4096).replace(b"%PDF", b"%pdf"), "not a PDF")
    add("docx named odt", "word.odt", b.build_docx(tmp_path / "real.docx").read_bytes(), "OpenDocument")
    add("utf8 bom with bad bytes", "claims-utf8.txt", b"\xef\xbb\xbfP1: fine \xc3( oops", "byte order mark")
    add("damaged utf8", "damaged.txt", "YP1: it’s ".encode() + b"\x80\x81 x", "looks like UTF-8")
    add("truncated docx", "truncated.docx", b.build_docx(tmp_path / "t.docx").read_bytes()[:1500], "damaged")
    add("vtt without header", "bad.vtt", b"00:00:01.000 --> 00:00:02.000\nhi\n", "WEBVTT")
    add("srt without cues", "bad.srt", b"just some words\n", "no cue")
    add("rtf that is not", "fake.rtf", b"INT: hello, I am not RTF", "not an RTF")
    add("docx with only a header", "header-only.docx", _header_only_docx(), "body holds no text")
    path = b.build_blank_pdf(tmp_path / "scan.pdf")
    files["scanned pdf"] = (path, "no text layer")
    path = b.zip_bomb(tmp_path / "bomb.docx")
    files["zip bomb"] = (path, "zip bomb")
    big = tmp_path / "huge.txt"
    line = b"P1: this is a perfectly ordinary line of transcript text, repeated\n" * 16000
    with big.open("wb") as fh:
        while fh.tell() < 200 * MB:
            fh.write(line)
    files["200 MB text"] = (big, "limit for this format is 50 MB")
    return files


def test_every_hostile_file_fails_alone_with_a_clear_reason(project, tmp_path: Path, hostile_files):
    good = tmp_path / "good.txt"
    good.write_text("INT: Hello.\nP1: Hi there.\n", encoding="utf-8")
    before = _state(project)
    paths = [p for p, _ in hostile_files.values()]
    paths.insert(len(paths) // 2, good)
    options = ImportOptions(kind="young_person", attributes={"Site": "North"}, cases_from_speakers=True)
    results = import_files(project, paths, options)

    by_path = {r.path: r for r in results}
    assert len(results) == len(paths)
    for key, (path, fragment) in hostile_files.items():
        r = by_path[str(path)]
        assert r.status == FAILED, key
        assert fragment in r.reason, (key, r.reason)
        assert r.document_id is None
        assert "\n" not in r.reason and len(r.reason) < 300
    ok = by_path[str(good)]
    assert ok.status == IMPORTED and ok.turns == 2
    after = _state(project)
    # Only the good file's document, turns, case and attribute were added.
    assert [d for d in after[0] if d not in before[0]] == [(ok.document_id, "good")]
    assert len(after[1]) == len(before[1]) + 2
    assert [c for c in after[2] if c not in before[2]] == ["good: P1"]
    assert set(after[3]) - set(before[3]) == {ok.document_id}


def test_hostile_reasons_never_quote_file_text(project, tmp_path: Path):
    secret = "Kayleigh Thompson 07700 900123"
    paths = []
    for name in ("secret.txt", "secret.docx", "secret.pdf", "secret.rtf", "secret.vtt", "secret.odt"):
        path = tmp_path / name
        path.write_bytes(f"P1: {secret} café ".encode() + b"\xc3\x28")
        paths.append(path)
    results = import_files(project, paths)
    assert [r.status for r in results] == [FAILED] * len(paths)
    for r in results:
        assert "Kayleigh" not in r.reason and "07700" not in r.reason


def test_size_limit_checked_before_reading(tmp_path: Path, project):
    big = tmp_path / "big.vtt"
    with big.open("wb") as fh:
        fh.truncate(MAX_FILE_BYTES["vtt"] + 1)
    [r] = import_files(project, [big])
    assert r.status == FAILED and "limit" in r.reason


def test_duplicate_by_content_hash_is_reported_not_stored(project, tmp_path: Path):
    a = tmp_path / "a.txt"
    a.write_text("INT: one\nP1: two\n")
    copy = tmp_path / "renamed copy.txt"
    copy.write_bytes(a.read_bytes())
    r1, r2 = import_files(project, [a, copy])
    assert r1.status == IMPORTED and r2.status == DUPLICATE
    assert r2.document_id == r1.document_id and "'a'" in r2.reason
    assert project.documents.by_name("renamed copy") is None
    [r3] = import_files(project, [copy], ImportOptions(allow_duplicates=True))
    assert r3.status == IMPORTED and r3.name == "renamed copy"


def test_odt_with_broken_xml_is_refused_and_nothing_is_printed(project, tmp_path: Path, capsys):
    import zipfile

    source = b.build_odt(tmp_path / "src.odt")
    with zipfile.ZipFile(source) as zin:
        parts = {n: zin.read(n) for n in zin.namelist()}
    parts["content.xml"] = parts["content.xml"].replace(b"</text:h>", b"</text:hh>")
    broken = tmp_path / "broken.odt"
    with zipfile.ZipFile(broken, "w") as zout:
        for name, data in parts.items():
            zout.writestr(name, data)
    [r] = import_files(project, [broken])
    assert r.status == FAILED and "damaged" in r.reason
    out, err = capsys.readouterr()
    assert "Facilitator" not in out + err and "listened" not in out + err
