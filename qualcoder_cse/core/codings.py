"""Codings: a code applied to a span of a document by a coder. Offsets are Python string indices (code
points) into the stored text, end exclusive. Every change returns what undo needs and publishes a ``Change``
naming the documents and codes it touched."""

from __future__ import annotations

import json
from collections.abc import Iterable
from dataclasses import dataclass, replace

from .base import Manager
from .changes import Change
from .errors import InvalidValue, NotFound
from .models import Coding
from .util import new_guid, now

_CODING_COLS = 'id, code_id, document_id, start, "end", coder_id, memo, created_at, guid'


@dataclass(frozen=True)
class Added:
    """What ``CodingManager.add`` did: the coding, and whether it was created (False: it existed already)."""

    coding: Coding
    created: bool


def _changed(codings: Iterable[Coding]) -> Change:
    codings = list(codings)
    return Change(codings=True, document_ids={c.document_id for c in codings}, code_ids={c.code_id for c in codings},
                  coding_ids={c.id for c in codings}, memos=any(c.memo for c in codings))


class CodingManager(Manager):
    def _check_codable(self, code_id: int) -> None:
        row = self.one("SELECT codable, name FROM codes WHERE id = ?", (code_id,))
        if not row:
            raise NotFound(f"No code with id {code_id}.")
        if not row[0]:
            raise InvalidValue(f"'{row[1]}' is a category that cannot take codings; code with one of its codes.")

    def _check_span(self, document_id: int, start: int, end: int) -> None:
        row = self.one("SELECT char_count FROM documents WHERE id = ?", (document_id,))
        if not row:
            raise NotFound(f"No document with id {document_id}.")
        if not (0 <= start < end <= row[0]):
            raise InvalidValue(
                f"The span {start}-{end} is not inside the document (0-{row[0]}), or is empty."
            )

    def add(
        self,
        code_id: int,
        document_id: int,
        start: int,
        end: int,
        *,
        coder: str | int | None = None,
        memo: str = "",
        guid: str | None = None,
        created_at: str | None = None,
    ) -> Added:
        """Apply a code to a span; ``Added(coding, created)``. The same code, span and coder twice creates
        nothing and gives back the existing coding (``created`` False)."""
        self.project.require_writable()
        start, end = int(start), int(end)
        self._check_span(document_id, start, end)
        self._check_codable(code_id)
        coder_id = self.coder_id(coder)
        row = self.one(
            f'SELECT {_CODING_COLS} FROM codings WHERE code_id = ? AND document_id = ? AND start = ? AND "end" = ?'
            " AND coder_id = ?",
            (code_id, document_id, start, end, coder_id),
        )
        if row:
            return Added(Coding(*row), created=False)
        with self.project.transaction():
            stamp, guid = now(), guid or new_guid()
            cur = self.conn.execute(
                'INSERT INTO codings(code_id, document_id, start, "end", coder_id, memo, created_at, guid)'
                " VALUES (?,?,?,?,?,?,?,?)",
                (code_id, document_id, start, end, coder_id, memo, created_at or stamp, guid),
            )
            self.project.audit.record("add coding", "coding", cur.lastrowid)
        coding = Coding(cur.lastrowid, code_id, document_id, start, end, coder_id, memo, created_at or stamp, guid)
        self.project.publish(_changed([coding]))
        return Added(coding, created=True)

    def add_many(
        self, items: Iterable[tuple[int, int, int, int]], *, coder: str | int | None = None
    ) -> list[Coding]:
        """Apply many (code_id, document_id, start, end) in one transaction; duplicates are skipped."""
        coder_id = self.coder_id(coder)
        made: list[int] = []
        docs: set[int] = set()
        codes: set[int] = set()
        with self.project.transaction():
            for code_id, document_id, start, end in items:
                self._check_span(document_id, start, end)
                self._check_codable(code_id)
                exists = self.one(
                    'SELECT 1 FROM codings WHERE code_id = ? AND document_id = ? AND start = ? AND "end" = ?'
                    " AND coder_id = ?",
                    (code_id, document_id, start, end, coder_id),
                )
                if exists:
                    continue
                cur = self.conn.execute(
                    'INSERT INTO codings(code_id, document_id, start, "end", coder_id, memo, created_at, guid)'
                    " VALUES (?,?,?,?,?,?,?,?)",
                    (code_id, document_id, start, end, coder_id, "", now(), new_guid()),
                )
                made.append(cur.lastrowid)
                docs.add(document_id)
                codes.add(code_id)
            self.project.audit.record("add codings", "coding", None, f"count={len(made)}")
        if made:
            self.project.publish(Change(codings=True, document_ids=docs, code_ids=codes, coding_ids=made))
        return self.get_many(made)

    def get(self, coding_id: int) -> Coding:
        row = self.one(f"SELECT {_CODING_COLS} FROM codings WHERE id = ?", (coding_id,))
        if not row:
            raise NotFound(f"No coding with id {coding_id}.")
        return Coding(*row)

    def get_many(self, ids: list[int]) -> list[Coding]:
        out: list[Coding] = []
        for i in range(0, len(ids), 500):
            chunk = ids[i : i + 500]
            marks = ",".join("?" * len(chunk))
            out += [Coding(*r) for r in self.q(f"SELECT {_CODING_COLS} FROM codings WHERE id IN ({marks})", chunk)]
        return sorted(out, key=lambda c: c.id)

    def list(
        self,
        *,
        document_id: int | None = None,
        code_id: int | None = None,
        coder_id: int | None = None,
    ) -> list[Coding]:
        where, params = [], []
        for col, val in (("document_id", document_id), ("code_id", code_id), ("coder_id", coder_id)):
            if val is not None:
                where.append(f"{col} = ?")
                params.append(val)
        sql = f"SELECT {_CODING_COLS} FROM codings"
        if where:
            sql += " WHERE " + " AND ".join(where)
        sql += " ORDER BY document_id, start, id"
        return [Coding(*r) for r in self.q(sql, params)]

    def recent_codes(self, coder_id: int, limit: int = 9) -> list[int]:
        """Ids of the codes this coder applied most recently (newest first): the window's 1-9 keys."""
        # Newest codings first, stopping at ``limit`` distinct codes: a few rows instead of a GROUP BY over all
        # (same order as ordering the codes by their newest coding's id).
        out: list[int] = []
        for (code_id,) in self.conn.execute(
            "SELECT code_id FROM codings WHERE coder_id = ? ORDER BY id DESC", (coder_id,)
        ):
            if code_id not in out:
                out.append(code_id)
                if len(out) >= limit:
                    break
        return out

    def code_keys(self, coder_id: int) -> list[int]:
        """The codes on keys 1-9 as this coder left them (key = position + 1): a code keeps its key across
        sessions. Before any were kept (an older project), the codes applied most recently."""
        raw = self.project.meta(f"code_keys:{coder_id}")
        try:
            ids = [int(x) for x in json.loads(raw)][:9] if raw is not None else None
        except (ValueError, TypeError):
            ids = None
        if ids is None:
            return self.recent_codes(coder_id)
        live = {r[0] for r in self.q(f"SELECT id FROM codes WHERE id IN ({','.join('?' * len(ids))})", ids)} if ids else set()
        return [i for i in ids if i in live]

    def set_code_keys(self, coder_id: int, keys: list[int]) -> None:
        """Keep the coder's keys 1-9 in the project (nothing on a read-only project: the keys are a convenience)."""
        if self.project.readonly:
            return
        self.project.set_meta(f"code_keys:{coder_id}", json.dumps([int(k) for k in keys][:9]))

    def spans(self, document_id: int, coder_id: int | None = None) -> list[tuple[int, int, int, int, int]]:
        """(id, code_id, coder_id, start, end) of a document's codings, by start: the fast path for painting."""
        sql = 'SELECT id, code_id, coder_id, start, "end" FROM codings WHERE document_id = ?'
        params: list = [document_id]
        if coder_id is not None:
            sql += " AND coder_id = ?"
            params.append(coder_id)
        return self.q(sql + " ORDER BY start, id", params)

    def at(self, document_id: int, pos: int) -> list[Coding]:
        """Codings that cover the character at ``pos``."""
        rows = self.q(
            f'SELECT {_CODING_COLS} FROM codings WHERE document_id = ? AND start <= ? AND "end" > ? ORDER BY start',
            (document_id, pos, pos),
        )
        return [Coding(*r) for r in rows]

    def count(self) -> int:
        return self.one("SELECT count(*) FROM codings")[0]

    def with_memo(self, text: str = "") -> list[Coding]:
        """Codings whose own memo is not empty (and contains ``text``, case-insensitively, when given)."""
        rows = self.q(
            f"SELECT {_CODING_COLS} FROM codings WHERE memo != '' AND memo LIKE ? ORDER BY document_id, start",
            (f"%{text}%",),
        )
        return [Coding(*r) for r in rows]

    def text(self, coding: Coding) -> str:
        row = self.one("SELECT substr(text, ?, ?) FROM documents WHERE id = ?",
                       (coding.start + 1, coding.end - coding.start, coding.document_id))
        return row[0] if row else ""

    def remove(self, coding_id: int) -> Coding:
        """Remove a coding; returns it so that ``restore`` can put it back."""
        coding = self.get(coding_id)
        with self.project.transaction():
            self.conn.execute("DELETE FROM memos WHERE target_type = 'coding' AND target_id = ?", (coding_id,))
            self.conn.execute("DELETE FROM codings WHERE id = ?", (coding_id,))
            self.project.audit.record("remove coding", "coding", coding_id)
        self.project.publish(_changed([coding]))
        return coding

    def restore(self, coding: Coding) -> Coding:
        with self.project.transaction():
            self.conn.execute(
                f"INSERT INTO codings({_CODING_COLS}) VALUES (?,?,?,?,?,?,?,?,?)",
                (coding.id, coding.code_id, coding.document_id, coding.start, coding.end, coding.coder_id,
                 coding.memo, coding.created_at, coding.guid),
            )
            self.project.audit.record("restore coding", "coding", coding.id)
        self.project.publish(_changed([coding]))
        return coding

    def remove_many(self, ids: list[int]) -> list[Coding]:
        removed = self.get_many(ids)
        with self.project.transaction():
            self.conn.executemany("DELETE FROM memos WHERE target_type = 'coding' AND target_id = ?", [(i,) for i in ids])
            self.conn.executemany("DELETE FROM codings WHERE id = ?", [(i,) for i in ids])
            self.project.audit.record("remove codings", "coding", None, f"count={len(ids)}")
        if removed:
            self.project.publish(_changed(removed))
        return removed

    def restore_many(self, codings: list[Coding]) -> None:
        with self.project.transaction():
            self.conn.executemany(
                f"INSERT INTO codings({_CODING_COLS}) VALUES (?,?,?,?,?,?,?,?,?)",
                [(c.id, c.code_id, c.document_id, c.start, c.end, c.coder_id, c.memo, c.created_at, c.guid)
                 for c in codings],
            )
        if codings:
            self.project.publish(_changed(codings))

    def resize(self, coding_id: int, start: int, end: int) -> tuple[Coding, Coding]:
        """Extend or shrink a coding; returns (before, after)."""
        before = self.get(coding_id)
        self._check_span(before.document_id, start, end)
        with self.project.transaction():
            self.conn.execute('UPDATE codings SET start = ?, "end" = ? WHERE id = ?', (start, end, coding_id))
            self.project.audit.record("resize coding", "coding", coding_id)
        self.project.publish(_changed([before]))
        return before, replace(before, start=start, end=end)

    def recode(self, coding_id: int, code_id: int) -> tuple[Coding, Coding]:
        """Move a coding to another code (same span, coder, memo and id); returns (before, after). Refused
        when that coder already coded the same span with that code."""
        before = self.get(coding_id)
        self._check_codable(code_id)
        if code_id == before.code_id:
            return before, before
        clash = self.one(
            'SELECT 1 FROM codings WHERE code_id = ? AND document_id = ? AND start = ? AND "end" = ?'
            " AND coder_id = ? AND id != ?",
            (code_id, before.document_id, before.start, before.end, before.coder_id, coding_id),
        )
        if clash:
            raise InvalidValue("That passage is already coded with that code by the same coder.")
        with self.project.transaction():
            self.conn.execute("UPDATE codings SET code_id = ? WHERE id = ?", (code_id, coding_id))
            self.project.audit.record("recode coding", "coding", coding_id)
        after = replace(before, code_id=code_id)
        self.project.publish(_changed([before, after]))
        return before, after

    def set_memo(self, coding_id: int, memo: str) -> Coding:
        before = self.get(coding_id)
        with self.project.transaction():
            self.conn.execute("UPDATE codings SET memo = ? WHERE id = ?", (memo, coding_id))
            self.project.audit.record("coding memo", "coding", coding_id)
        self.project.publish(Change(codings=True, memos=True, document_ids={before.document_id},
                                    code_ids={before.code_id}, coding_ids={coding_id}))
        return self.get(coding_id)
