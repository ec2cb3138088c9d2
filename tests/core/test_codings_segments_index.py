"""Schema 9: the codings' five integers in segment order come from an index (``codings_segments``), so the
Analysis view's first matrix reads no coding row (memos, GUIDs, dates). A schema-8 project (a real SQLCipher
file) still counts the same when opened read-only (the rows are sorted in numpy) and gets the index on its
first writable open, after a verified backup."""

from __future__ import annotations

import pandas.testing as pdt

from qualcoder_cse import analysis as an
from qualcoder_cse.core import Project, schema
from qualcoder_cse.core.backup import default_folder
from tests.analysis.test_case_matrix import _random_project

_SEGMENTS = "SELECT name FROM sqlite_master WHERE type = 'index' AND name = 'codings_segments'"


def _plan(project) -> str:
    sql = 'SELECT code_id, document_id, start, "end", coder_id FROM codings ORDER BY document_id, start, "end", coder_id'
    return " ".join(str(r[-1]) for r in project.conn.execute("EXPLAIN QUERY PLAN " + sql))


def _assert_rows(project, *, ordered: bool) -> None:
    rows, in_order = project.frames.coding_rows()
    listed = sorted((c.code_id, c.document_id, c.start, c.end, c.coder_id) for c in project.codings.list())
    assert sorted(map(tuple, rows.tolist())) == listed
    keys = [(d, s, e, k) for _c, d, s, e, k in rows.tolist()]
    assert in_order == ordered and (keys == sorted(keys) or not ordered)


def test_an_older_project_counts_the_same_and_gets_the_index(project_path, passphrase):
    with Project.open(project_path, passphrase, coder="alice") as p:
        _random_project(p, 3)
        for coder in ("bob", "carol"):  # a passage coded alike by other coders: more segments, same span
            c = p.codings.list()[0]
            p.codings.add(c.code_id, c.document_id, c.start, c.end, coder=coder)
        assert "COVERING INDEX codings_segments" in _plan(p)
        _assert_rows(p, ordered=True)
        new = an.code_by_case_all(p)
        p.conn.execute("DROP INDEX codings_segments")  # what schema 8 wrote
        p.conn.execute("PRAGMA user_version = 8")
    with Project.open(project_path, passphrase, readonly=True) as p:  # not upgraded: sorted in numpy
        assert p.schema_version() == 8 and not p.conn.execute(_SEGMENTS).fetchall()
        _assert_rows(p, ordered=False)
        old = an.code_by_case_all(p)
        full = an.code_by_case(an.load(p))
    for measure in an.matrices.MEASURES:
        pdt.assert_frame_equal(new.measure(measure), old.measure(measure), obj=measure)
        pdt.assert_frame_equal(new.measure(measure), full.measure(measure), obj=measure)
    with Project.open(project_path, passphrase) as p:
        assert p.schema_version() == schema.SCHEMA_VERSION
        assert "COVERING INDEX codings_segments" in _plan(p)
        _assert_rows(p, ordered=True)
        c = p.codings.list()[0]
        p.codings.add(c.code_id, c.document_id, c.start, c.end + 1)  # the index follows writes
        _assert_rows(p, ordered=True)
    backups = list(default_folder(project_path).glob(f"*before-schema-v{schema.SCHEMA_VERSION}*"))
    assert len(backups) == 1
    with Project.open(backups[0], passphrase, readonly=True) as before:  # the backup is the schema-8 file
        assert before.schema_version() == 8 and not before.conn.execute(_SEGMENTS).fetchall()
