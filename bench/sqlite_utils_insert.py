"""Why bulk inserts stay ``executemany``: 100,000 coding rows into a real SQLCipher project file, three ways.

    .venv/bin/python bench/sqlite_utils_insert.py       # 100,000 rows, 3 repeats (~1.5 min on 2 cores)
    .venv/bin/python bench/sqlite_utils_insert.py --rows 20000 --repeat 1

1. ``executemany`` of the one INSERT in one transaction, as ``codings.restore_many`` does (the floor);
2. sqlite-utils ``Table.insert_all`` over the same connection, inside one transaction of ours;
3. ``insert_all`` left to its own transactions (one per batch of 100 rows, as it does on an autocommit
   connection).

Each run gets a fresh project file (``Project.create`` in a temporary folder: SQLCipher, WAL, foreign keys on,
the codings table with its three indexes and the unique guid); the rows (tuples, and dicts for sqlite-utils)
are built before the clock starts. The median and max of the repeats are printed, with the ratio to 1.
Figures from 2026-12-03 are in docs/architecture.md ("Storage").
"""

from __future__ import annotations

import argparse
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlite_utils

from qualcoder_cse.core import Project
from qualcoder_cse.core.util import new_guid, now

PASSPHRASE = "bench passphrase, never a real one"
COLUMNS = ("id", "code_id", "document_id", "start", "end", "coder_id", "memo", "created_at", "guid")
INSERT = ('INSERT INTO codings(id, code_id, document_id, start, "end", coder_id, memo, created_at, guid)'
          " VALUES (?,?,?,?,?,?,?,?,?)")


def fresh(path: Path, rows: int) -> tuple[Project, list[tuple]]:
    """A new project with one document and 200 codes, and ``rows`` coding rows for it (not yet stored)."""
    project = Project.create(path, PASSPHRASE, framework="none")
    doc = project.documents.add("Interview 1", "word " * 40_000)
    codes = [project.codes.add(f"code {i}").id for i in range(200)]
    coder = project.codings.coder_id(None)
    at = now()
    starts = [(i * 7) % 199_000 for i in range(rows)]
    data = [(i + 1, codes[i % 200], doc.id, s, s + 5, coder, "", at, new_guid())
            for i, s in enumerate(starts)]
    return project, data


def by_executemany(project: Project, rows: list[tuple], _dicts: list[dict]) -> None:
    with project.transaction():
        project.conn.executemany(INSERT, rows)


def _utils(project: Project) -> sqlite_utils.Database:
    return sqlite_utils.Database(project.conn, recursive_triggers=False, execute_plugins=False)


def by_insert_all_in_one_transaction(project: Project, _rows: list[tuple], dicts: list[dict]) -> None:
    db = _utils(project)
    with project.transaction():
        db["codings"].insert_all(dicts)


def by_insert_all_own_transactions(project: Project, _rows: list[tuple], dicts: list[dict]) -> None:
    _utils(project)["codings"].insert_all(dicts)


METHODS: dict[str, Callable[[Project, list[tuple], list[dict]], None]] = {
    "executemany, one transaction (codings.restore_many)": by_executemany,
    "sqlite-utils insert_all in one transaction": by_insert_all_in_one_transaction,
    "sqlite-utils insert_all, its own transactions": by_insert_all_own_transactions,
}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--rows", type=int, default=100_000)
    ap.add_argument("--repeat", type=int, default=3)
    args = ap.parse_args()
    times: dict[str, list[float]] = {name: [] for name in METHODS}
    with tempfile.TemporaryDirectory() as tmp:
        for r in range(args.repeat):
            for i, (name, method) in enumerate(METHODS.items()):
                project, rows = fresh(Path(tmp) / f"run{r}-{i}.qcse", args.rows)
                dicts = [dict(zip(COLUMNS, row)) for row in rows]
                t0 = time.perf_counter()
                method(project, rows, dicts)
                times[name].append(time.perf_counter() - t0)
                stored = project.conn.execute("SELECT count(*) FROM codings").fetchone()[0]
                project.close()
                if stored != args.rows:
                    raise SystemExit(f"{name}: {stored} rows stored, {args.rows} expected")
    floor = statistics.median(times[next(iter(METHODS))])
    print(f"{args.rows:,} coding rows into a SQLCipher project file, median and max of {args.repeat}")
    for name, values in times.items():
        median = statistics.median(values)
        print(f"  {name:55s} median {median:6.2f} s  max {max(values):6.2f} s  "
              f"{args.rows / median:9,.0f} rows/s  x{median / floor:.2f}")


if __name__ == "__main__":
    main()
