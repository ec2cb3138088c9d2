"""Listing documents reads no text: a covering index (schema 6) serves the list, the coded share and the
word counts, so the corpus's overflow pages are not decrypted to show 500 names, and the codings' spans come
from an index (schema 7) for the coded share; an older file gets both on its first writable open."""

from __future__ import annotations

from qualcoder_cse.core import Project, schema
from qualcoder_cse.core.documents import _COLS

_SPANS = 'SELECT document_id, start, "end" FROM codings ORDER BY document_id, start'


def _plan(project, sql: str) -> str:
    return " ".join(str(r[-1]) for r in project.conn.execute("EXPLAIN QUERY PLAN " + sql))


def test_the_list_is_served_by_the_covering_index(project):
    assert "COVERING INDEX documents_list" in _plan(project, f"SELECT {_COLS} FROM documents ORDER BY name")
    assert "COVERING INDEX" in _plan(project, "SELECT id, char_count FROM documents")
    assert "COVERING INDEX" in _plan(project, "SELECT id, word_count FROM documents")
    assert "COVERING INDEX codings_doc_span" in _plan(project, _SPANS)  # the coded share of each document


def test_an_older_file_gets_the_index_and_lists_the_same(project_path, passphrase):
    with Project.open(project_path, passphrase) as p:
        p.documents.add("Zed notes", "P1: a memo-less note.\n", kind="other")
        before = p.documents.list()
        p.conn.execute("DROP INDEX documents_list")
        p.conn.execute("DROP INDEX codings_doc_span")
        p.conn.execute("PRAGMA user_version = 5")
    with Project.open(project_path, passphrase) as p:
        assert p.conn.execute("PRAGMA user_version").fetchone()[0] == schema.SCHEMA_VERSION
        assert "COVERING INDEX documents_list" in _plan(p, f"SELECT {_COLS} FROM documents ORDER BY name")
        assert "COVERING INDEX codings_doc_span" in _plan(p, _SPANS)
        assert p.documents.list() == before
        p.documents.rename(before[0].id, "A renamed one")  # the index follows writes
        assert p.documents.list()[0].name == "A renamed one"
