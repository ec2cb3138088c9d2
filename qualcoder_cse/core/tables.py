"""sqlite-utils over the project's own SQLCipher connection, for table introspection: which tables there
are, their columns and row counts (``project.db``, used by diagnostics and by tests that read every row).

The adapter is built with the project and costs nothing then: sqlite-utils imports pandas and numpy when they
are installed (0.3-0.9 s, only to map their types on insert), so it is imported on the first call, never on
the path that opens a project or starts the window. Writes keep going through the managers and the numbered
migrations in ``schema.py`` (keyed by ``PRAGMA user_version``); this is a read-only view.
"""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    import sqlite_utils


@dataclass(frozen=True)
class TableInfo:
    name: str
    rows: int
    columns: tuple[str, ...]
    virtual: bool  # an FTS5 index or its shadow tables


class Tables:
    """``project.db``: the project's tables through sqlite-utils, on the project's connection."""

    def __init__(self, conn: Any) -> None:
        self._conn = conn
        self._db: sqlite_utils.Database | None = None

    @property
    def database(self) -> sqlite_utils.Database:
        if self._db is None:
            import sqlite_utils  # first use only: see the module docstring

            # no PRAGMA recursive_triggers and no plugins: the project's connection stays as opened
            self._db = sqlite_utils.Database(self._conn, recursive_triggers=False, execute_plugins=False)
        return self._db

    def table_names(self) -> list[str]:
        return self.database.table_names()

    def rows(self, table: str) -> Iterator[dict]:
        """Every row of ``table`` as a dict (column -> value)."""
        if table not in self.table_names():
            raise KeyError(table)
        return self.database[table].rows

    def info(self) -> list[TableInfo]:
        """Each table with its row count and columns, virtual (FTS) tables marked, by name."""
        db = self.database
        fts = set()
        for name in db.table_names():
            if db[name].virtual_table_using:
                fts.add(name)
                fts.update(n for n in db.table_names() if n.startswith(name + "_"))
        return [
            TableInfo(name, db[name].count, tuple(c.name for c in db[name].columns), name in fts)
            for name in sorted(db.table_names())
        ]
