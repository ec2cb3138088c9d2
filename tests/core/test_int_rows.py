"""``core.frames.int_rows``: integer columns of a query as one array, read through SQLite's text aggregate (one
text per column), on a real SQLCipher project."""

from __future__ import annotations

import numpy as np
import pytest

from qualcoder_cse.core.frames import int_rows


def test_rows_come_whole_and_in_order(project):
    conn = project.conn
    conn.execute("CREATE TEMP TABLE t (a INTEGER, b INTEGER, c INTEGER)")
    rows = [(i, -i * 7, 2**40 + i) for i in range(2_500)]
    conn.executemany("INSERT INTO t VALUES (?, ?, ?)", rows)
    got = int_rows(conn, "SELECT a, b, c FROM t ORDER BY a DESC", width=3)
    assert got.dtype == np.int64 and got.shape == (2_500, 3)
    assert got.tolist() == [list(r) for r in reversed(rows)]
    assert int_rows(conn, "SELECT a, b, c FROM t WHERE a < 0", width=3).shape == (0, 3)
    assert int_rows(conn, "SELECT a, b FROM t WHERE a = ?", (3,), width=2).tolist() == [[3, -21]]


def test_a_null_or_a_text_is_refused_not_guessed(project):
    conn = project.conn
    conn.execute("CREATE TEMP TABLE u (a INTEGER, b)")
    conn.executemany("INSERT INTO u VALUES (?, ?)", [(1, 2), (3, None)])
    with pytest.raises(ValueError):
        int_rows(conn, "SELECT a, b FROM u", width=2)
    conn.execute("UPDATE u SET b = 'x' WHERE a = 3")
    with pytest.raises(ValueError):
        int_rows(conn, "SELECT a, b FROM u", width=2)
