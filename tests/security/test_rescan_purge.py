"""``rescan --apply`` must leave no trace of a redacted name: not in the full-text index's shadow tables
(documents_fts_data / _idx), not in the document's name (``--rename``), not in any decrypted page of the file
(free space included)."""

from __future__ import annotations

import json

from qualcoder_cse.cli import main
from qualcoder_cse.core import Project, connection

from .raw_pages import holds

NAME = "Quixley"
TEXT = ("INT: Who did you meet?\n"
        "P1: I met Zebedee Quixley at the hotel, then Zebedee Quixley drove me to Leeds.\n"
        "P1: Mr Quixley said nothing.\n")


def _shadow_holds(path, passphrase, needle: str) -> list[str]:
    conn = connection.open_connection(path, passphrase)
    try:
        found = []
        for table in ("documents_fts_data", "documents_fts_idx", "documents_fts_docsize", "documents_fts_config"):
            for row in conn.execute(f"SELECT * FROM {table}"):
                for v in row:
                    b = v if isinstance(v, bytes) else str(v).encode()
                    if needle.casefold().encode() in b.lower():
                        found.append(table)
        conn.execute("CREATE VIRTUAL TABLE temp.vocab USING fts5vocab(main, documents_fts, 'row')")
        if conn.execute("SELECT 1 FROM temp.vocab WHERE term = ?", (needle.casefold(),)).fetchone():
            found.append("vocab")
        return found
    finally:
        conn.close()


def test_rescan_apply_and_rename_leave_no_trace_of_the_name(project_path, passphrase, monkeypatch, capsys):
    with Project.open(project_path, passphrase) as project:
        project.documents.add(f"Interview Zebedee {NAME} 2023", TEXT, kind="young_person")  # a leftover
    assert _shadow_holds(project_path, passphrase, NAME)  # the index holds it before (the test can see it)
    monkeypatch.setenv("QUALCODER_CSE_PASSPHRASE", passphrase)
    assert main(["rescan", str(project_path), "--json"]) == 0
    rows = json.loads(capsys.readouterr().out)
    row = next(r for r in rows if NAME in r["document"])
    assert row["leftovers"] and "PERSON" in row["name_identifiers"] and NAME not in row["proposed_name"]
    assert main(["rescan", str(project_path), "--apply", "--rename"]) == 0
    out = capsys.readouterr().out
    assert "renamed to" in out
    with Project.open(project_path, passphrase, readonly=True) as project:
        names = [d.name for d in project.documents.list()]
        assert not any(NAME in n for n in names)
        assert all(NAME not in project.documents.text(d.id) for d in project.documents.list())
        assert project.search.query(NAME).hits == []
    assert _shadow_holds(project_path, passphrase, NAME) == []
    assert not holds(project_path, passphrase, NAME)  # no decrypted page, free space included
