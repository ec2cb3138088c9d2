"""Memos on the project, documents, codes, codings and cases; links between codes (theory of change)."""

from __future__ import annotations

from .base import Manager
from .changes import Change
from .errors import InvalidValue, NotFound
from .models import Link, Memo
from .schema import LINK_RELATIONS, MEMO_TARGETS
from .util import new_guid, now

_MEMO_COLS = "id, target_type, target_id, title, text, coder_id, created_at, updated_at, guid"
_LINK_COLS = "id, from_code_id, to_code_id, relation, memo, coder_id, created_at, guid"


class MemoManager(Manager):
    def add(
        self, target_type: str, target_id: int | None, text: str, title: str = "", *,
        coder: str | int | None = None, guid: str | None = None,
        created_at: str | None = None, updated_at: str | None = None,
    ) -> Memo:
        """Attach a memo. ``created_at``/``updated_at`` keep the times of a memo brought in (REFI, merge)."""
        if target_type not in MEMO_TARGETS:
            raise InvalidValue(f"Memos attach to {', '.join(MEMO_TARGETS)}, not '{target_type}'.")
        if target_type != "project" and target_id is None:
            raise InvalidValue(f"A {target_type} memo needs the {target_type}'s id.")
        created = created_at or now()
        updated = updated_at or created
        with self.project.transaction():
            cur = self.conn.execute(
                f"INSERT INTO memos({_MEMO_COLS[4:]}) VALUES (?,?,?,?,?,?,?,?)",
                (target_type, target_id, title, text, self.coder_id(coder), created, updated, guid or new_guid()),
            )
            self.project.audit.record("add memo", target_type, target_id)
        self.project.publish(Change(memos=True, memo_ids={cur.lastrowid}))
        return self.get(cur.lastrowid)

    def get(self, memo_id: int) -> Memo:
        row = self.one(f"SELECT {_MEMO_COLS} FROM memos WHERE id = ?", (memo_id,))
        if not row:
            raise NotFound(f"No memo with id {memo_id}.")
        return Memo(*row)

    def update(self, memo_id: int, text: str, title: str | None = None) -> Memo:
        memo = self.get(memo_id)
        with self.project.transaction():
            self.conn.execute(
                "UPDATE memos SET text = ?, title = ?, updated_at = ? WHERE id = ?",
                (text, memo.title if title is None else title, now(), memo_id),
            )
            self.project.audit.record("edit memo", memo.target_type, memo.target_id)
        self.project.publish(Change(memos=True, memo_ids={memo_id}))
        return self.get(memo_id)

    def delete(self, memo_id: int) -> Memo:
        memo = self.get(memo_id)
        with self.project.transaction():
            self.conn.execute("DELETE FROM memos WHERE id = ?", (memo_id,))
            self.project.audit.record("delete memo", memo.target_type, memo.target_id)
        self.project.publish(Change(memos=True, memo_ids={memo_id}))
        return memo

    def list(self, target_type: str | None = None, target_id: int | None = None) -> list[Memo]:
        where, params = [], []
        if target_type:
            where.append("target_type = ?")
            params.append(target_type)
        if target_id is not None:
            where.append("target_id = ?")
            params.append(target_id)
        sql = f"SELECT {_MEMO_COLS} FROM memos" + (" WHERE " + " AND ".join(where) if where else "")
        return [Memo(*r) for r in self.q(sql + " ORDER BY updated_at DESC, id DESC", params)]

    def search(self, text: str) -> list[Memo]:
        like = f"%{text}%"
        rows = self.q(
            f"SELECT {_MEMO_COLS} FROM memos WHERE text LIKE ? OR title LIKE ? ORDER BY updated_at DESC", (like, like)
        )
        return [Memo(*r) for r in rows]


class LinkManager(Manager):
    def _with_codings(self, row) -> Link:
        ids = tuple(r[0] for r in self.q("SELECT coding_id FROM link_codings WHERE link_id = ? ORDER BY coding_id", (row[0],)))
        return Link(*row, coding_ids=ids)

    def add(
        self, from_code_id: int, to_code_id: int, relation: str = "associated", memo: str = "",
        coding_ids: list[int] | tuple = (), *, coder: str | int | None = None, guid: str | None = None,
    ) -> Link:
        if relation not in LINK_RELATIONS:
            raise InvalidValue(f"A link's relation is one of: {', '.join(LINK_RELATIONS)}.")
        if from_code_id == to_code_id:
            raise InvalidValue("A code cannot be linked to itself.")
        self.project.codes.get(from_code_id)
        self.project.codes.get(to_code_id)
        with self.project.transaction():
            cur = self.conn.execute(
                f"INSERT INTO links({_LINK_COLS[4:]}) VALUES (?,?,?,?,?,?,?)",
                (from_code_id, to_code_id, relation, memo, self.coder_id(coder), now(), guid or new_guid()),
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO link_codings(link_id, coding_id) VALUES (?, ?)",
                [(cur.lastrowid, c) for c in coding_ids],
            )
            self.project.audit.record("add link", "code", from_code_id, f"to={to_code_id}")
        self.project.publish(Change(links=True, link_ids={cur.lastrowid}))
        return self.get(cur.lastrowid)

    def get(self, link_id: int) -> Link:
        row = self.one(f"SELECT {_LINK_COLS} FROM links WHERE id = ?", (link_id,))
        if not row:
            raise NotFound(f"No link with id {link_id}.")
        return self._with_codings(row)

    def list(self, code_id: int | None = None) -> list[Link]:
        if code_id is None:
            rows = self.q(f"SELECT {_LINK_COLS} FROM links ORDER BY id")
        else:
            rows = self.q(
                f"SELECT {_LINK_COLS} FROM links WHERE from_code_id = ? OR to_code_id = ? ORDER BY id", (code_id, code_id)
            )
        return [self._with_codings(r) for r in rows]

    def update(self, link_id: int, *, relation: str | None = None, memo: str | None = None) -> Link:
        link = self.get(link_id)
        if relation is not None and relation not in LINK_RELATIONS:
            raise InvalidValue(f"A link's relation is one of: {', '.join(LINK_RELATIONS)}.")
        with self.project.transaction():
            self.conn.execute(
                "UPDATE links SET relation = ?, memo = ? WHERE id = ?",
                (relation or link.relation, link.memo if memo is None else memo, link_id),
            )
        self.project.publish(Change(links=True, link_ids={link_id}))
        return self.get(link_id)

    def set_codings(self, link_id: int, coding_ids: list[int]) -> Link:
        self.get(link_id)
        with self.project.transaction():
            self.conn.execute("DELETE FROM link_codings WHERE link_id = ?", (link_id,))
            self.conn.executemany(
                "INSERT INTO link_codings(link_id, coding_id) VALUES (?, ?)", [(link_id, c) for c in coding_ids]
            )
        self.project.publish(Change(links=True, link_ids={link_id}))
        return self.get(link_id)

    def delete(self, link_id: int) -> Link:
        link = self.get(link_id)
        with self.project.transaction():
            self.conn.execute("DELETE FROM links WHERE id = ?", (link_id,))
            self.project.audit.record("delete link", "code", link.from_code_id)
        self.project.publish(Change(links=True, link_ids={link_id}))
        return link

    def restore(self, link: Link) -> Link:
        with self.project.transaction():
            self.conn.execute(
                f"INSERT INTO links({_LINK_COLS}) VALUES (?,?,?,?,?,?,?,?)",
                (link.id, link.from_code_id, link.to_code_id, link.relation, link.memo, link.coder_id,
                 link.created_at, link.guid),
            )
            self.conn.executemany(
                "INSERT OR IGNORE INTO link_codings(link_id, coding_id) VALUES (?, ?)",
                [(link.id, c) for c in link.coding_ids],
            )
        self.project.publish(Change(links=True, link_ids={link.id}))
        return link
