"""Hostile REFI-QDA files (issue 14): many sources aimed at one huge member, zip bombs, a bare .qde that
names local files. Every file is built here in tmp_path."""

from __future__ import annotations

import resource
import zipfile
from pathlib import Path

import pytest

from qualcoder_cse.core import Project
from qualcoder_cse.interchange import refi_files
from qualcoder_cse.interchange.refi_common import RefiError
from qualcoder_cse.interchange.refi_import import import_refi

CODE = '<CodeBook><Codes><Code guid="c0000000-0000-4000-8000-000000000001" name="C" isCodable="true"/></Codes>' \
       "</CodeBook>"


def _qde(paths: list[str]) -> str:
    sources = "".join(
        f'<TextSource guid="50000000-0000-4000-8000-{i:012d}" name="S{i}" plainTextPath="{p}">'
        f'<PlainTextSelection guid="51000000-0000-4000-8000-{i:012d}" startPosition="0" endPosition="4">'
        f'<Coding guid="52000000-0000-4000-8000-{i:012d}"><CodeRef targetGUID="c0000000-0000-4000-8000-000000000001"/>'
        "</Coding></PlainTextSelection></TextSource>"
        for i, p in enumerate(paths)
    )
    return f'<Project xmlns="urn:QDA-XML:project:1.0" name="h" origin="Hostile 1">{CODE}<Sources>{sources}</Sources></Project>'


def _archive(path: Path, qde: str, members: dict[str, bytes]) -> Path:
    with zipfile.ZipFile(path, "w", compression=zipfile.ZIP_DEFLATED, compresslevel=9) as zf:
        zf.writestr("project.qde", qde)
        for name, data in members.items():
            zf.writestr(name, data)
    return path


def _docs(tmp_path: Path, passphrase: str) -> dict[str, int]:
    with Project.open(tmp_path / "out.qcse", passphrase, readonly=True) as project:
        return {d.name: len(project.documents.text(d.id)) for d in project.documents.list()}


def test_forty_sources_on_one_60mb_member_are_refused_before_inflating(tmp_path, passphrase):
    """The issue's file: 62 KB on disk, 40 sources all pointing at one 60 MB member (2.57 GB project,
    3.0 GB RSS before). Each source is checked against the per-text limit before anything is inflated."""
    big = b"text " * (12 * 2**20)  # 60 MiB of text, compresses about 1000 times
    src = _archive(tmp_path / "bomb.qdpx", _qde(["internal://big.txt"] * 40), {"sources/big.txt": big})
    assert src.stat().st_size < 200_000
    rss_before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    report = import_refi(src, tmp_path / "out.qcse", passphrase)
    grown_mb = (resource.getrusage(resource.RUSAGE_SELF).ru_maxrss - rss_before) / 1024
    assert grown_mb < 200, f"the import grew by {grown_mb:.0f} MB"
    refused = [m for m in report.not_carried if "larger than 50 MB" in m]
    assert len(refused) == 40
    assert _docs(tmp_path, passphrase) == {}
    assert (tmp_path / "out.qcse").stat().st_size < 5 * 2**20


def test_total_of_all_texts_is_limited_even_when_each_fits(tmp_path, passphrase, monkeypatch):
    monkeypatch.setattr(refi_files, "MAX_TOTAL_BYTES", 3_500_000)  # the real limit is 300 MB; same rule
    member = ("word " * 200_000).encode()  # 1 MB, under the ratio floor
    src = _archive(tmp_path / "many.qdpx", _qde(["internal://one.txt"] * 10), {"sources/one.txt": member})
    report = import_refi(src, tmp_path / "out.qcse", passphrase)
    docs = _docs(tmp_path, passphrase)
    assert len(docs) == 3
    assert sum("add up to more than" in m for m in report.not_carried) == 7


def test_a_member_that_inflates_too_much_is_refused_whatever_its_size(tmp_path, passphrase):
    bomb = b"\0" * (4 * 2**20)  # 4 MB of zeros: far under every size limit, over 1000 times compressed
    fine = b"Real interview text, ordinary compression.\n" * 10
    src = _archive(
        tmp_path / "ratio.qdpx",
        _qde(["internal://bomb.txt", "internal://fine.txt"]),
        {"sources/bomb.txt": bomb, "sources/fine.txt": fine},
    )
    report = import_refi(src, tmp_path / "out.qcse", passphrase)
    assert any("inflates more than 200 times" in m for m in report.not_carried)
    assert _docs(tmp_path, passphrase) == {"S1": len(fine)}


@pytest.mark.parametrize("scheme", ["absolute://", "absolute:///"])
def test_a_bare_qde_never_reads_an_absolute_path(scheme, tmp_path, passphrase):
    secret = tmp_path / "home" / "notes.txt"
    secret.parent.mkdir()
    secret.write_text("LOCAL SECRET that a project file must not pull in", encoding="utf-8")
    folder = tmp_path / "received"
    folder.mkdir()
    qde = folder / "project.qde"
    qde.write_text(_qde([f"{scheme}{secret.as_posix().lstrip('/') if scheme.endswith('/') else secret.as_posix()}"]),
                   encoding="utf-8")
    report = import_refi(qde, tmp_path / "out.qcse", passphrase)
    assert any("absolute path" in m and "never read" in m for m in report.not_carried)
    assert _docs(tmp_path, passphrase) == {}


def test_a_bare_qde_reads_beside_itself_but_never_climbs_out(tmp_path, passphrase):
    secret = tmp_path / "secret.txt"
    secret.write_text("LOCAL SECRET outside the folder", encoding="utf-8")
    folder = tmp_path / "received"
    (folder / "sources").mkdir(parents=True)
    (folder / "sources" / "ok.txt").write_text("fine text beside the qde", encoding="utf-8")
    (folder / "project.qde").write_text(
        _qde(["internal://ok.txt", "relative://../secret.txt", "relative:///sources/ok.txt"]), encoding="utf-8"
    )
    report = import_refi(folder / "project.qde", tmp_path / "out.qcse", passphrase)
    assert any("outside the folder" in m for m in report.not_carried)
    assert _docs(tmp_path, passphrase) == {"S0": 24, "S2": 24}


@pytest.mark.parametrize("doctype", [
    '<!DOCTYPE Project [<!ENTITY a "aaaaaaaaaa"><!ENTITY b "&a;&a;&a;&a;&a;">]>',
    '<!DOCTYPE Project SYSTEM "http://example.invalid/refi.dtd">',
    "<!DOCTYPE Project>",
])
def test_a_project_that_declares_a_dtd_is_refused_and_nothing_is_created(doctype, tmp_path, passphrase):
    """security.md says a DTD is refused; a .qdpx with one was imported (exit 0), entities left unexpanded
    (found by a security pass, session 14)."""
    qde = '<?xml version="1.0" encoding="utf-8"?>\n' + doctype + "\n" + _qde(["internal://s0.txt"])
    src = _archive(tmp_path / "dtd.qdpx", qde, {"sources/s0.txt": b"text"})
    with pytest.raises(RefiError, match="DTD"):
        import_refi(src, tmp_path / "out.qcse", passphrase)
    assert not (tmp_path / "out.qcse").exists()
