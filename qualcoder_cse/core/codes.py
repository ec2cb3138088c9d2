"""The code tree: create, rename, recolour, describe, move, merge (codings follow), delete and restore.

Paths join names with ``/`` from the root (``Disruption/Child Abduction Warning Notices``); a ``/`` inside a
name is written ``\\/`` in a path. Names are unique per parent, case-insensitively.
"""

from __future__ import annotations

from collections.abc import Iterable

from .base import Manager
from .changes import Change
from .errors import DuplicateName, InvalidValue, NotFound
from .models import Code, CodeSnapshot, Coding, Link, MergeRecord
from .util import PALETTE, new_guid, valid_colour

_COLS = "id, parent_id, name, description, colour, position, origin, guid"
_READ = _COLS + ", codable"


# Codes merged, deleted or restored: their codings (any document), links and memos went or came with them.
_WIDE = Change(codes=True, codings=True, links=True, memos=True, code_ids=None, document_ids=None, coding_ids=None)


def _code(row: tuple, path: str = "") -> Code:
    return Code(*row[:8], path=path, codable=bool(row[8]))


# Deeper trees are no use to anyone, and exporters, importers and the tree widget walk them recursively.
MAX_CODE_DEPTH = 40


def split_path(path: str) -> list[str]:
    parts, buf, i = [], "", 0
    while i < len(path):
        ch = path[i]
        if ch == "\\" and i + 1 < len(path) and path[i + 1] == "/":
            buf += "/"
            i += 2
            continue
        if ch == "/":
            parts.append(buf.strip())
            buf = ""
        else:
            buf += ch
        i += 1
    parts.append(buf.strip())
    return [p for p in parts if p]


def join_path(names: list[str]) -> str:
    return "/".join(n.replace("/", "\\/") for n in names)


class CodeManager(Manager):
    # ----------------------------------------------------------------- reading
    def list(self) -> list[Code]:
        """Every code in tree order (depth first, by position), each with its path."""
        rows = self.q(f"SELECT {_READ} FROM codes ORDER BY position, id")
        by_parent: dict[int | None, list[tuple]] = {}
        for r in rows:
            by_parent.setdefault(r[1], []).append(r)
        out: list[Code] = []

        def walk(parent: int | None, prefix: list[str]) -> None:
            for r in by_parent.get(parent, []):
                names = prefix + [r[2]]
                out.append(_code(r, join_path(names)))
                walk(r[0], names)

        walk(None, [])
        return out

    def get(self, code_id: int) -> Code:
        row = self.one(f"SELECT {_READ} FROM codes WHERE id = ?", (code_id,))
        if not row:
            raise NotFound(f"No code with id {code_id}.")
        return _code(row, self.path(code_id))

    def path(self, code_id: int) -> str:
        names = []
        cur: int | None = code_id
        seen = set()
        while cur is not None and cur not in seen:
            seen.add(cur)
            row = self.one("SELECT parent_id, name FROM codes WHERE id = ?", (cur,))
            if not row:
                break
            names.append(row[1])
            cur = row[0]
        return join_path(list(reversed(names)))

    def children(self, parent_id: int | None) -> list[Code]:
        if parent_id is None:
            rows = self.q(f"SELECT {_READ} FROM codes WHERE parent_id IS NULL ORDER BY position, id")
        else:
            rows = self.q(f"SELECT {_READ} FROM codes WHERE parent_id = ? ORDER BY position, id", (parent_id,))
        return [_code(r, self.path(r[0])) for r in rows]

    def _levels(self, code_id: int | None) -> int:
        """How many levels deep a code sits (a top-level code: 1; None, the root: 0)."""
        row = self.one(
            "WITH RECURSIVE up(id, n) AS (SELECT ?, 1 UNION ALL SELECT c.parent_id, up.n + 1 FROM codes c "
            "JOIN up ON c.id = up.id WHERE c.parent_id IS NOT NULL AND up.n <= ?) SELECT max(n) FROM up",
            (code_id, MAX_CODE_DEPTH + 1),
        )
        return int(row[0] or 1) if code_id is not None else 0

    def _height(self, code_id: int) -> int:
        """Levels in the subtree of a code, itself included."""
        row = self.one(
            "WITH RECURSIVE sub(id, h) AS (SELECT ?, 1 UNION ALL SELECT c.id, sub.h + 1 FROM codes c "
            "JOIN sub ON c.parent_id = sub.id WHERE sub.h <= ?) SELECT max(h) FROM sub",
            (code_id, MAX_CODE_DEPTH + 1),
        )
        return int(row[0] or 1)

    def _check_depth(self, levels: int) -> None:
        if levels > MAX_CODE_DEPTH:
            raise InvalidValue(f"Codes can be nested at most {MAX_CODE_DEPTH} levels deep.")

    def descendants(self, code_id: int) -> list[int]:
        """Ids of the code and everything below it."""
        rows = self.q(
            "WITH RECURSIVE sub(id) AS (SELECT ? UNION ALL SELECT c.id FROM codes c JOIN sub ON c.parent_id = sub.id)"
            " SELECT id FROM sub",
            (code_id,),
        )
        return [r[0] for r in rows]

    def child_named(self, parent_id: int | None, name: str) -> Code | None:
        row = self.one(
            f"SELECT {_READ} FROM codes WHERE coalesce(parent_id, 0) = ? AND name = ? COLLATE NOCASE",
            (parent_id or 0, name.strip()),
        )
        return _code(row, self.path(row[0])) if row else None

    def by_path(self, path: str, *, create: bool = False) -> Code:
        parts = split_path(path)
        if not parts:
            raise InvalidValue("An empty code path.")
        if create:  # before creating any level, so a too-deep path leaves nothing behind
            self._check_depth(len(parts))
        parent: int | None = None
        code = None
        for i, part in enumerate(parts):
            code = self.child_named(parent, part)
            if code is None:
                if not create:
                    raise NotFound(f"No code '{join_path(parts[: i + 1])}'.")
                code = self.add(part, parent_id=parent)
            parent = code.id
        assert code is not None
        return code

    def counts(self, coder_id: int | None = None, code_ids: Iterable[int] | None = None) -> dict[int, int]:
        """Codings per code (not rolled up); only the named codes when ``code_ids`` is given (a code with no
        codings is then in the result with 0)."""
        where, params = [], []
        if coder_id is not None:
            where.append("coder_id = ?")
            params.append(coder_id)
        ids = None if code_ids is None else sorted(set(code_ids))
        if ids is not None:
            where.append(f"code_id IN ({','.join('?' * len(ids))})")
            params += ids
        sql = "SELECT code_id, count(*) FROM codings" + (" WHERE " + " AND ".join(where) if where else "")
        got = dict(self.q(sql + " GROUP BY code_id", params))
        return got if ids is None else {i: got.get(i, 0) for i in ids}

    def _check_name(self, parent_id: int | None, name: str, exclude: int | None = None) -> str:
        name = (name or "").strip()
        if not name:
            raise InvalidValue("A code needs a name.")
        clash = self.child_named(parent_id, name)
        if clash and clash.id != exclude:
            where = f"under '{self.path(parent_id)}'" if parent_id else "at the top level"
            raise DuplicateName(f"A code called '{name}' already exists {where}.")
        return name

    def add(
        self,
        name: str,
        parent_id: int | None = None,
        *,
        description: str = "",
        colour: str | None = None,
        origin: str = "user",
        position: int | None = None,
        guid: str | None = None,
        codable: bool = True,
    ) -> Code:
        self.project.require_writable()
        if parent_id is not None:
            self.get(parent_id)
            self._check_depth(self._levels(parent_id) + 1)
        name = self._check_name(parent_id, name)
        if colour is None:
            if parent_id is not None:
                colour = self.get(parent_id).colour
            else:
                n = self.one("SELECT count(*) FROM codes WHERE parent_id IS NULL")[0]
                colour = PALETTE[n % len(PALETTE)]
        if not valid_colour(colour):
            raise InvalidValue(f"'{colour}' is not a colour like #1f77b4.")
        if position is None:
            position = self.one(
                "SELECT coalesce(max(position) + 1, 0) FROM codes WHERE coalesce(parent_id, 0) = ?",
                (parent_id or 0,),
            )[0]
        with self.project.transaction():
            cur = self.conn.execute(
                f"INSERT INTO codes({_COLS[4:]}, codable) VALUES (?,?,?,?,?,?,?,?)",
                (parent_id, name, description, colour.lower(), position, origin, guid or new_guid(), int(codable)),
            )
            self.project.audit.record("add code", "code", cur.lastrowid)
        self.project.publish(Change(codes=True, code_ids={cur.lastrowid}))
        return self.get(cur.lastrowid)

    def _update(self, code_id: int, column: str, value, action: str) -> Code:
        self.get(code_id)
        with self.project.transaction():
            self.conn.execute(f"UPDATE codes SET {column} = ? WHERE id = ?", (value, code_id))
            self.project.audit.record(action, "code", code_id)
        self.project.publish(Change(codes=True, code_ids={code_id}))
        return self.get(code_id)

    def rename(self, code_id: int, name: str) -> Code:
        code = self.get(code_id)
        name = self._check_name(code.parent_id, name, exclude=code_id)
        return self._update(code_id, "name", name, "rename code")

    def recolour(self, code_id: int, colour: str) -> Code:
        if not valid_colour(colour):
            raise InvalidValue(f"'{colour}' is not a colour like #1f77b4.")
        return self._update(code_id, "colour", colour.lower(), "recolour code")

    def describe(self, code_id: int, description: str) -> Code:
        return self._update(code_id, "description", description, "describe code")

    def move(self, code_id: int, new_parent_id: int | None, position: int | None = None) -> Code:
        """Move a code (with its subtree and codings) under another parent, or to the top level."""
        code = self.get(code_id)
        if new_parent_id is not None:
            self.get(new_parent_id)
            if new_parent_id in self.descendants(code_id):
                raise InvalidValue("A code cannot be moved under itself or one of its own children.")
            self._check_depth(self._levels(new_parent_id) + self._height(code_id))
        self._check_name(new_parent_id, code.name, exclude=code_id)
        siblings = [c.id for c in self.children(new_parent_id) if c.id != code_id]
        if position is None or position > len(siblings):
            position = len(siblings)
        siblings.insert(max(0, position), code_id)
        with self.project.transaction():
            self.conn.execute("UPDATE codes SET parent_id = ? WHERE id = ?", (new_parent_id, code_id))
            self.conn.executemany(
                "UPDATE codes SET position = ? WHERE id = ?", [(i, cid) for i, cid in enumerate(siblings)]
            )
            self.project.audit.record("move code", "code", code_id)
        self.project.publish(Change(codes=True, code_ids={code_id}))
        return self.get(code_id)

    def merge(self, source_id: int, target_id: int) -> MergeRecord:
        """Merge ``source`` into ``target``: its codings move to the target (a coding the target already has,
        same document, span and coder, collapses), its children move under the target, then it is deleted.
        Returns a record that ``unmerge`` reverses."""
        if source_id == target_id:
            raise InvalidValue("A code cannot be merged into itself.")
        self.get(source_id)
        self.get(target_id)
        if target_id in self.descendants(source_id):
            raise InvalidValue("A code cannot be merged into one of its own children.")
        record = MergeRecord(source_id=source_id, target_id=target_id)
        with self.project.transaction():
            for child in self.children(source_id):
                clash = self.child_named(target_id, child.name)
                if clash:
                    raise DuplicateName(
                        f"Both codes have a child called '{child.name}'; merge or rename those first."
                    )
            rows = self.q(
                'SELECT s.id, EXISTS(SELECT 1 FROM codings t WHERE t.code_id = ? AND t.document_id = s.document_id'
                ' AND t.start = s.start AND t."end" = s."end" AND t.coder_id = s.coder_id) FROM codings s'
                " WHERE s.code_id = ?",
                (target_id, source_id),
            )
            moved = [cid for cid, dup in rows if not dup]
            self.conn.executemany("UPDATE codings SET code_id = ? WHERE id = ?", [(target_id, c) for c in moved])
            record.moved_coding_ids = moved
            for child in self.children(source_id):
                self.conn.execute("UPDATE codes SET parent_id = ? WHERE id = ?", (target_id, child.id))
                record.moved_child_ids.append(child.id)
            for lid, from_id, to_id in self.q(
                "SELECT id, from_code_id, to_code_id FROM links WHERE from_code_id = ? OR to_code_id = ?",
                (source_id, source_id),
            ):
                col = "from_code_id" if from_id == source_id else "to_code_id"
                other = to_id if col == "from_code_id" else from_id
                if other == target_id:
                    continue  # would link the target to itself; deleted with the source
                self.conn.execute(f"UPDATE links SET {col} = ? WHERE id = ?", (target_id, lid))
                record.moved_link_ids.append((lid, col, source_id))
            record.removed = self._delete(source_id)
            self.project.audit.record("merge code", "code", target_id, f"from={source_id}")
        self.project.publish(_WIDE)
        return record

    def unmerge(self, record: MergeRecord) -> None:
        """Undo a merge exactly: the source returns with its id, children, codings and links."""
        with self.project.transaction():
            self.restore(record.removed, _notify=False)
            self.conn.executemany(
                "UPDATE codings SET code_id = ? WHERE id = ?", [(record.source_id, c) for c in record.moved_coding_ids]
            )
            self.conn.executemany(
                "UPDATE codes SET parent_id = ? WHERE id = ?", [(record.source_id, c) for c in record.moved_child_ids]
            )
            for lid, col, source in record.moved_link_ids:
                self.conn.execute(f"UPDATE links SET {col} = ? WHERE id = ?", (source, lid))
            self.project.audit.record("undo merge code", "code", record.source_id)
        self.project.publish(_WIDE)

    def delete(self, code_id: int) -> CodeSnapshot:
        """Delete a code, its children and all their codings; returns what ``restore`` needs to undo it."""
        self.get(code_id)
        with self.project.transaction():
            snap = self._delete(code_id)
            self.project.audit.record("delete code", "code", code_id, f"codings={len(snap.codings)}")
        self.project.publish(_WIDE)
        return snap

    def _delete(self, code_id: int) -> CodeSnapshot:
        from .codings import _CODING_COLS
        from .memos import _LINK_COLS, _MEMO_COLS

        ids = self.descendants(code_id)
        marks = ",".join("?" * len(ids))
        snap = CodeSnapshot()
        id_order = {cid: i for i, cid in enumerate(ids)}
        rows = self.q(f"SELECT {_READ} FROM codes WHERE id IN ({marks})", ids)
        snap.codes = sorted((_code(r) for r in rows), key=lambda c: id_order[c.id])
        snap.codings = [Coding(*r) for r in self.q(f"SELECT {_CODING_COLS} FROM codings WHERE code_id IN ({marks})", ids)]
        coding_ids = [c.id for c in snap.codings]
        memo_rows = self.q(f"SELECT {_MEMO_COLS} FROM memos WHERE target_type = 'code' AND target_id IN ({marks})", ids)
        if coding_ids:
            cm = ",".join("?" * len(coding_ids))
            memo_rows += self.q(
                f"SELECT {_MEMO_COLS} FROM memos WHERE target_type = 'coding' AND target_id IN ({cm})", coding_ids
            )
        from .models import Memo

        snap.memos = [Memo(*r) for r in memo_rows]
        link_rows = self.q(
            f"SELECT {_LINK_COLS} FROM links WHERE from_code_id IN ({marks}) OR to_code_id IN ({marks})", ids + ids
        )
        snap.links = [
            Link(*r, coding_ids=tuple(x[0] for x in self.q("SELECT coding_id FROM link_codings WHERE link_id = ?", (r[0],))))
            for r in link_rows
        ]
        self.conn.executemany("DELETE FROM memos WHERE id = ?", [(m.id,) for m in snap.memos])
        self.conn.execute(f"DELETE FROM codes WHERE id IN ({marks})", ids)
        return snap

    def restore(self, snap: CodeSnapshot, _notify: bool = True) -> None:
        """Put back what ``delete`` removed, with the same ids and GUIDs."""
        from .codings import _CODING_COLS
        from .memos import _LINK_COLS, _MEMO_COLS

        with self.project.transaction():
            self.conn.executemany(
                f"INSERT INTO codes({_READ}) VALUES (?,?,?,?,?,?,?,?,?)",
                [(c.id, c.parent_id, c.name, c.description, c.colour, c.position, c.origin, c.guid, int(c.codable))
                 for c in snap.codes],
            )
            self.conn.executemany(
                f"INSERT INTO codings({_CODING_COLS}) VALUES (?,?,?,?,?,?,?,?,?)",
                [(c.id, c.code_id, c.document_id, c.start, c.end, c.coder_id, c.memo, c.created_at, c.guid)
                 for c in snap.codings],
            )
            self.conn.executemany(
                f"INSERT INTO memos({_MEMO_COLS}) VALUES (?,?,?,?,?,?,?,?,?)",
                [(m.id, m.target_type, m.target_id, m.title, m.text, m.coder_id, m.created_at, m.updated_at, m.guid)
                 for m in snap.memos],
            )
            for link in snap.links:
                self.conn.execute(
                    f"INSERT OR IGNORE INTO links({_LINK_COLS}) VALUES (?,?,?,?,?,?,?,?)",
                    (link.id, link.from_code_id, link.to_code_id, link.relation, link.memo, link.coder_id,
                     link.created_at, link.guid),
                )
                self.conn.executemany(
                    "INSERT OR IGNORE INTO link_codings(link_id, coding_id) VALUES (?, ?)",
                    [(link.id, c) for c in link.coding_ids],
                )
            if snap.codes:
                self.project.audit.record("restore code", "code", snap.codes[0].id)
        if _notify:
            self.project.publish(_WIDE)


def codes_below(codes: Iterable[Code], code_ids: Iterable[int]) -> set[int]:
    """``code_ids`` and every code below them, from a list of the project's codes (no query: the coded-segments
    list calls it on every click with the codes it keeps)."""
    kids: dict[int | None, list[int]] = {}
    for c in codes:
        kids.setdefault(c.parent_id, []).append(c.id)
    out, todo = set(), list(code_ids)
    while todo:
        cur = todo.pop()
        if cur not in out:
            out.add(cur)
            todo.extend(kids.get(cur, ()))
    return out
