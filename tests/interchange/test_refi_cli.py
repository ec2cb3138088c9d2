"""export-refi's peer options on the command line reach the written file (read back from the archive)."""

from __future__ import annotations

import json
import zipfile

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project

from .refi_helpers import assert_valid, fill_rich_project, qde_bytes


def test_export_refi_peer_options_and_repeated_name_warning(project_path, passphrase, tmp_path, monkeypatch, capsys):
    with Project.open(project_path, passphrase, coder="alice") as project:
        fill_rich_project(project)
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    plain = tmp_path / "plain.qdpx"
    assert main(["export-refi", str(project_path), str(plain), "--clear-ok"]) == 0
    out = capsys.readouterr().out
    assert "warning:" in out and "Barriers" in out and "unique code names" in out
    peer = tmp_path / "qc.qdpx"
    args = ["export-refi", str(project_path), str(peer), "--clear-ok", "--json"]
    assert main([*args, "--unique-code-names", "--case-codes", "--positions", "utf16"]) == 0
    report = json.loads(capsys.readouterr().out)
    assert report["warnings"] == [] and report["counts"]["codings"] > 0
    qde = qde_bytes(peer)
    assert_valid(qde, "project")
    assert b'name="Barriers (Detection)"' in qde and b'name="DI Smith site (case)"' in qde
    assert b"UTF-16 positions" in qde
    with zipfile.ZipFile(peer) as zf:
        assert all(n == "project.qde" or n.startswith("sources/") for n in zf.namelist())
