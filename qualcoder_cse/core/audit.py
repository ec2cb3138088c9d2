"""Coders (who codes) and the audit trail (who did what, when). The audit never stores transcript text:
callers pass ids and short descriptions only."""

from __future__ import annotations

from .base import Manager
from .changes import Change
from .errors import InvalidValue, NotFound
from .models import AuditEntry, Coder
from .util import new_guid, now


class CoderManager(Manager):
    def list(self) -> list[Coder]:
        return [Coder(*r) for r in self.q("SELECT id, name, guid FROM coders ORDER BY id")]

    def get(self, coder_id: int) -> Coder:
        row = self.one("SELECT id, name, guid FROM coders WHERE id = ?", (coder_id,))
        if not row:
            raise NotFound(f"No coder with id {coder_id}.")
        return Coder(*row)

    def by_name(self, name: str) -> Coder | None:
        row = self.one("SELECT id, name, guid FROM coders WHERE name = ?", (name.strip(),))
        return Coder(*row) if row else None

    def get_or_create(self, name: str, guid: str | None = None) -> Coder:
        name = (name or "").strip()
        if not name:
            raise InvalidValue("A coder needs a name.")
        existing = self.by_name(name)
        if existing:
            return existing
        self.project.require_writable()
        cur = self.conn.execute(
            "INSERT INTO coders(name, guid, created_at) VALUES (?, ?, ?)", (name, guid or new_guid(), now())
        )
        self.project.publish(Change(coders=True))  # a merge or import brought a coder: the coder filter grows
        return self.get(cur.lastrowid)


class AuditManager(Manager):
    def record(self, action: str, target_type: str = "", target_id: int | None = None, detail: str = "") -> None:
        if self.project.readonly:
            return
        coder = self.project.coder_name
        self.conn.execute(
            "INSERT INTO audit(at, coder, action, target_type, target_id, detail) VALUES (?, ?, ?, ?, ?, ?)",
            (now(), coder, action, target_type, target_id, detail[:200]),
        )

    def list(self, limit: int = 200) -> list[AuditEntry]:
        rows = self.q(
            "SELECT id, at, coder, action, target_type, target_id, detail FROM audit ORDER BY id DESC LIMIT ?",
            (limit,),
        )
        return [AuditEntry(*r) for r in rows]
