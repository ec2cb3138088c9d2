"""Exports write safely: a symlink planted at the temporary name or at the target cannot redirect the write
onto a project; an original .docx is never replaced by --briefing; files are owner-only; a clear export is
announced on stderr (silenced by --clear-ok); every export, CLI ones included, is in the audit trail."""

from __future__ import annotations

import os
import stat
import zipfile

import docx
import openpyxl
import pytest

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project


@pytest.fixture()
def env(monkeypatch, passphrase):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    monkeypatch.setenv("QUALCODER_CSE_EXPORT_PASSWORD", "workbook pass 2026")


def _victim(tmp_path, project_path):
    victim = tmp_path / "victim.qcse"
    victim.write_bytes(project_path.read_bytes())
    return victim, victim.read_bytes()


def test_a_symlink_at_the_old_partial_name_is_not_followed(project_path, tmp_path, env):
    victim, before = _victim(tmp_path, project_path)
    out = tmp_path / "out.xlsx"
    (tmp_path / "out.xlsx.partial").symlink_to(victim)
    refi = tmp_path / "out.qdpx"
    (tmp_path / "out.qdpx.partial").symlink_to(victim)
    assert main(["export", str(project_path), str(out), "--clear-ok"]) == 0
    assert main(["export-refi", str(project_path), str(refi), "--clear-ok"]) == 0
    assert victim.read_bytes() == before
    assert openpyxl.load_workbook(out, read_only=True).sheetnames[0] == "README"
    assert zipfile.ZipFile(refi).testzip() is None
    assert not [p for p in tmp_path.iterdir() if p.name.startswith(".") and p.name.endswith(".partial")]


def test_a_symlink_or_a_project_at_the_target_is_refused(project_path, tmp_path, env, capsys):
    victim, before = _victim(tmp_path, project_path)
    link = tmp_path / "report.xlsx"
    link.symlink_to(victim)
    assert main(["export", str(project_path), str(link), "--clear-ok"]) != 0
    assert "symbolic link" in capsys.readouterr().err
    assert main(["export-refi", str(project_path), str(tmp_path / "victim.qcse"), "--clear-ok"]) != 0
    assert victim.read_bytes() == before and link.is_symlink()


def test_briefing_never_replaces_an_original_docx_but_replaces_its_own(project_path, tmp_path, env, capsys):
    original = tmp_path / "interview.docx"
    d = docx.Document()
    d.add_paragraph("INT: an original transcript that must survive")
    d.save(original)
    before = original.read_bytes()
    out = tmp_path / "out.xlsx"
    assert main(["export", str(project_path), str(out), "--briefing", str(original), "--clear-ok"]) != 0
    assert "not written by a QualCoder-CSE export" in capsys.readouterr().err
    assert original.read_bytes() == before
    brief = tmp_path / "brief.docx"
    for _ in range(2):  # an earlier briefing of ours may be replaced
        assert main(["export", str(project_path), str(out), "--briefing", str(brief), "--clear-ok"]) == 0
    assert docx.Document(brief).paragraphs


def test_exports_are_owner_only(project_path, tmp_path, env):
    out, brief, csv_dir, refi = (tmp_path / "o.xlsx", tmp_path / "b.docx", tmp_path / "csv", tmp_path / "p.qdpx")
    csv_dir.mkdir()
    old = os.umask(0o022)  # a usual umask: without our mode the files would be 0644
    try:
        assert main(["export", str(project_path), str(out), "--briefing", str(brief), "--csv", str(csv_dir),
                     "--clear-ok"]) == 0
        assert main(["export-refi", str(project_path), str(refi), "--clear-ok"]) == 0
    finally:
        os.umask(old)
    files = [out, brief, refi, *csv_dir.iterdir()]
    assert len(files) > 4
    for f in files:
        assert stat.S_IMODE(f.stat().st_mode) == 0o600, f


def test_clear_exports_warn_encrypted_do_not_and_every_export_is_audited(project_path, tmp_path, env, capsys,
                                                                          passphrase):
    clear, locked, refi = tmp_path / "clear.xlsx", tmp_path / "locked.xlsx", tmp_path / "p.qdpx"
    assert main(["export", str(project_path), str(clear)]) == 0
    assert "is NOT encrypted" in capsys.readouterr().err
    assert main(["export", str(project_path), str(locked), "--encrypt"]) == 0
    assert "NOT encrypted" not in capsys.readouterr().err
    assert main(["export-refi", str(project_path), str(refi)]) == 0
    assert "is NOT encrypted" in capsys.readouterr().err
    assert main(["export", str(project_path), str(tmp_path / "quiet.xlsx"), "--clear-ok"]) == 0
    assert capsys.readouterr().err == ""
    with Project.open(project_path, passphrase, readonly=True) as project:
        texts = {d.id: project.documents.text(d.id) for d in project.documents.list()}
        rows = [e for e in project.audit.list() if e.action.startswith("export")]
    details = {(e.action, e.detail) for e in rows}
    assert ("export workbook", f"NOT encrypted; {clear.resolve()}") in details
    assert ("export workbook", f"encrypted; {locked.resolve()}") in details
    assert ("export REFI-QDA project", f"NOT encrypted; {refi.resolve()}") in details
    for e in rows:  # what, where, encrypted or not: never content
        assert not any(line and line in e.detail for t in texts.values() for line in t.split("\n"))
