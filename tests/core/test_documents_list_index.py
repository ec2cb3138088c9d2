"""Listing documents reads no text: a covering index (schema 6) serves the list, the coded share and the
word counts, so the corpus's overflow pages are not decrypted to show 500 names; an older file gets it on
its first writable open and lists the same documents."""

from __future__ import annotations

from qualcoder_cse.core import Project, schema
from qualcoder_cse.core.documents import _COLS


def _plan(project, sql: str) -> str:
    return " ".join(str(r[-1]) for r in project.conn.execute("EXPLAIN QUERY PLAN " + sql))


def test_the_list_is_served_by_the_covering_index(project):
    assert "COVERING INDEX documents_list" in _plan(project, f"SELECT {_COLS} FROM documents ORDER BY name")
    assert "COVERING INDEX" in _plan(project, "SELECT id, char_count FROM documents")
    assert "COVERING INDEX" in _plan(project, "SELECT id, word_count FROM documents")


def test_an_older_file_gets_the_index_and_lists_the_same(project_path, passphrase):
    with Project.open(project_path, passphrase) as p:
        p.documents.add("Zed notes", "P1: a memo-less note.\n", kind="other")
        before = p.documents.list()
        p.conn.execute("DROP INDEX documents_list")
        p.conn.execute(f"PRAGMA user_version = {schema.SCHEMA_VERSION - 1}")
    with Project.open(project_path, passphrase) as p:
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert "COVERING INDEX documents_list" in _plan(p, f"SELECT {_COLS} FROM documents ORDER BY name")
        assert p.documents.list() == before
        p.documents.rename(before[0].id, "A renamed one")  # the index follows writes
        assert p.documents.list()[0].name == "A renamed one"
