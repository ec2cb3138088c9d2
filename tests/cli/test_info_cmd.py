"""CLI ``info``: a note written on a coding is counted (``memos`` counts only memo rows, so a researcher who had
written notes on codings read "memos: 0"; found trying the app as a researcher, session 14)."""

from __future__ import annotations

import json

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project


def test_info_counts_notes_written_on_codings(project_path, passphrase, monkeypatch, capsys):
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    with Project.open(project_path, passphrase, coder="alice") as p:
        doc = p.documents.list()[0]
        code = next(c for c in p.codes.list() if c.parent_id is not None)
        added = p.codings.add(code.id, doc.id, 0, 5)
        p.codings.set_memo(added.coding.id, "she says this twice")
        p.codings.add(code.id, doc.id, 10, 15)
    assert main(["info", str(project_path), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["coding_notes"] == 1 and data["memos"] == 0
