"""Cases (participants, sites), the speaker turns that tie focus-group talk to cases, and attributes.

A case covers whole documents (``case_documents``) or individual speaker turns (``turns.case_id``). Attribute
values are stored as text and checked against the attribute's type: number, ISO date, or one of the choices.
"""

from __future__ import annotations

import json
import math
from datetime import date

from .base import Manager
from .changes import Change
from .errors import DuplicateName, InvalidValue, NotFound
from .models import Attribute, Case, Turn
from .schema import ATTRIBUTE_SCOPES, ATTRIBUTE_TYPES
from .util import new_guid


class CaseManager(Manager):
    def add(self, name: str, description: str = "", *, guid: str | None = None) -> Case:
        name = (name or "").strip()
        if not name:
            raise InvalidValue("A case needs a name.")
        if self.by_name(name):
            raise DuplicateName(f"A case called '{name}' already exists.")
        with self.project.transaction():
            cur = self.conn.execute(
                "INSERT INTO cases(name, description, guid) VALUES (?, ?, ?)", (name, description, guid or new_guid())
            )
            self.project.audit.record("add case", "case", cur.lastrowid)
        self.project.publish(Change(cases=True, case_ids={cur.lastrowid}))
        return self.get(cur.lastrowid)

    def get(self, case_id: int) -> Case:
        row = self.one("SELECT id, name, description, guid FROM cases WHERE id = ?", (case_id,))
        if not row:
            raise NotFound(f"No case with id {case_id}.")
        return Case(*row)

    def by_name(self, name: str) -> Case | None:
        row = self.one("SELECT id, name, description, guid FROM cases WHERE name = ?", (name.strip(),))
        return Case(*row) if row else None

    def get_or_create(self, name: str) -> Case:
        return self.by_name(name) or self.add(name)

    def list(self) -> list[Case]:
        return [Case(*r) for r in self.q("SELECT id, name, description, guid FROM cases ORDER BY name")]

    def rename(self, case_id: int, name: str) -> Case:
        name = name.strip()
        other = self.by_name(name)
        if not name:
            raise InvalidValue("A case needs a name.")
        if other and other.id != case_id:
            raise DuplicateName(f"A case called '{name}' already exists.")
        self.get(case_id)
        with self.project.transaction():
            self.conn.execute("UPDATE cases SET name = ? WHERE id = ?", (name, case_id))
            self.project.audit.record("rename case", "case", case_id)
        self.project.publish(Change(cases=True, case_ids={case_id}))
        return self.get(case_id)

    def delete(self, case_id: int) -> None:
        self.get(case_id)
        with self.project.transaction():
            self.conn.execute(
                "DELETE FROM attribute_values WHERE target_id = ? AND attribute_id IN "
                "(SELECT id FROM attributes WHERE scope = 'case')", (case_id,)
            )
            self.conn.execute("DELETE FROM memos WHERE target_type = 'case' AND target_id = ?", (case_id,))
            self.conn.execute("DELETE FROM cases WHERE id = ?", (case_id,))
            self.project.audit.record("delete case", "case", case_id)
        self.project.publish(Change(cases=True, attributes=True, memos=True, case_ids={case_id}))

    def restore(self, case: Case) -> Case:
        """Put back a case removed by undo, with its id (so later undo steps still point at it)."""
        with self.project.transaction():
            self.conn.execute(
                "INSERT INTO cases(id, name, description, guid) VALUES (?, ?, ?, ?)",
                (case.id, case.name, case.description, case.guid),
            )
            self.project.audit.record("restore case", "case", case.id)
        self.project.publish(Change(cases=True, case_ids={case.id}))
        return case

    def add_documents(self, case_id: int, document_ids: list[int]) -> None:
        self.get(case_id)
        with self.project.transaction():
            self.conn.executemany(
                "INSERT OR IGNORE INTO case_documents(case_id, document_id) VALUES (?, ?)",
                [(case_id, d) for d in document_ids],
            )
        self.project.publish(Change(cases=True, case_ids={case_id}, document_ids=document_ids))

    def remove_document(self, case_id: int, document_id: int) -> None:
        with self.project.transaction():
            self.conn.execute(
                "DELETE FROM case_documents WHERE case_id = ? AND document_id = ?", (case_id, document_id)
            )
        self.project.publish(Change(cases=True, case_ids={case_id}, document_ids={document_id}))

    def documents_of(self, case_id: int) -> list[int]:
        return [r[0] for r in self.q("SELECT document_id FROM case_documents WHERE case_id = ?", (case_id,))]

    def of_document(self, document_id: int) -> list[Case]:
        rows = self.q(
            "SELECT c.id, c.name, c.description, c.guid FROM cases c JOIN case_documents cd ON cd.case_id = c.id"
            " WHERE cd.document_id = ? ORDER BY c.name",
            (document_id,),
        )
        return [Case(*r) for r in rows]

    def segments(self) -> list[tuple[int, int, int, int]]:
        """Every (case_id, document_id, start, end) a case covers: whole documents and mapped turns."""
        rows = self.q(
            "SELECT cd.case_id, cd.document_id, 0, d.char_count FROM case_documents cd"
            " JOIN documents d ON d.id = cd.document_id"
        )
        rows += self.q('SELECT case_id, document_id, start, "end" FROM turns WHERE case_id IS NOT NULL')
        return rows


class TurnManager(Manager):
    _COLS = 'id, document_id, start, "end", speaker, case_id, timestamp'

    def list(self, document_id: int) -> list[Turn]:
        rows = self.q(f"SELECT {self._COLS} FROM turns WHERE document_id = ? ORDER BY start", (document_id,))
        return [Turn(*r) for r in rows]

    def speakers(self, document_id: int | None = None) -> list[tuple[str, int, int | None]]:
        """(speaker, turn count, case id when all of that speaker's turns map to one case)."""
        where = "WHERE document_id = ?" if document_id is not None else ""
        params = (document_id,) if document_id is not None else ()
        rows = self.q(
            f"SELECT speaker, count(*), min(case_id), max(case_id) FROM turns {where} GROUP BY speaker ORDER BY speaker",
            params,
        )
        return [(s, n, lo if lo == hi else None) for s, n, lo, hi in rows]

    def map_speaker(self, document_id: int | None, speaker: str, case_id: int | None) -> int:
        """Give every turn of ``speaker`` (in one document, or all when None) to a case; returns turns changed."""
        if case_id is not None:
            self.project.cases.get(case_id)
        with self.project.transaction():
            if document_id is None:
                cur = self.conn.execute("UPDATE turns SET case_id = ? WHERE speaker = ?", (case_id, speaker))
            else:
                cur = self.conn.execute(
                    "UPDATE turns SET case_id = ? WHERE speaker = ? AND document_id = ?", (case_id, speaker, document_id)
                )
            self.project.audit.record("map speaker", "case", case_id, f"turns={cur.rowcount}")
        self.project.publish(Change(cases=True, case_ids={case_id}, document_ids=None if document_id is None
                                    else {document_id}))
        return cur.rowcount

    def case_ids(self, document_id: int | None, speaker: str) -> dict[int, int | None]:
        """{turn id: case id} for every turn of ``speaker`` (in one document, or all): what undo restores."""
        where, params = "speaker = ?", [speaker]
        if document_id is not None:
            where += " AND document_id = ?"
            params.append(document_id)
        return dict(self.q(f"SELECT id, case_id FROM turns WHERE {where}", params))

    def set_case_ids(self, mapping: dict[int, int | None]) -> None:
        """Give each turn (by id) its case (or none), in one transaction."""
        with self.project.transaction():
            self.conn.executemany("UPDATE turns SET case_id = ? WHERE id = ?", [(c, t) for t, c in mapping.items()])
            self.project.audit.record("map speaker turns", "case", None, f"turns={len(mapping)}")
        self.project.publish(Change(cases=True, case_ids=None))

    def at(self, document_id: int, pos: int) -> Turn | None:
        row = self.one(
            f'SELECT {self._COLS} FROM turns WHERE document_id = ? AND start <= ? AND "end" > ? ORDER BY start DESC',
            (document_id, pos, pos),
        )
        return Turn(*row) if row else None


def _attr(row) -> Attribute:
    r = list(row)
    r[4] = tuple(json.loads(r[4] or "[]"))
    return Attribute(*r)


class AttributeManager(Manager):
    _COLS = "id, name, scope, type, choices, position, guid"

    def add(
        self, name: str, *, scope: str = "case", type: str = "text", choices: list[str] | tuple = (),
        guid: str | None = None,
    ) -> Attribute:
        name = (name or "").strip()
        if not name:
            raise InvalidValue("An attribute needs a name.")
        if scope not in ATTRIBUTE_SCOPES:
            raise InvalidValue(f"Attribute scope must be one of {', '.join(ATTRIBUTE_SCOPES)}.")
        if type not in ATTRIBUTE_TYPES:
            raise InvalidValue(f"Attribute type must be one of {', '.join(ATTRIBUTE_TYPES)}.")
        if self.by_name(name, scope):
            raise DuplicateName(f"A {scope} attribute called '{name}' already exists.")
        pos = self.one("SELECT coalesce(max(position) + 1, 0) FROM attributes WHERE scope = ?", (scope,))[0]
        with self.project.transaction():
            cur = self.conn.execute(
                "INSERT INTO attributes(name, scope, type, choices, position, guid) VALUES (?,?,?,?,?,?)",
                (name, scope, type, json.dumps(list(choices)), pos, guid or new_guid()),
            )
            self.project.audit.record("add attribute", "attribute", cur.lastrowid)
        self.project.publish(Change(attributes=True, attribute_ids={cur.lastrowid}))
        return self.get(cur.lastrowid)

    def get(self, attribute_id: int) -> Attribute:
        row = self.one(f"SELECT {self._COLS} FROM attributes WHERE id = ?", (attribute_id,))
        if not row:
            raise NotFound(f"No attribute with id {attribute_id}.")
        return _attr(row)

    def by_name(self, name: str, scope: str = "case") -> Attribute | None:
        row = self.one(f"SELECT {self._COLS} FROM attributes WHERE name = ? AND scope = ?", (name.strip(), scope))
        return _attr(row) if row else None

    def get_or_create(self, name: str, *, scope: str = "case", type: str = "text") -> Attribute:
        return self.by_name(name, scope) or self.add(name, scope=scope, type=type)

    def list(self, scope: str | None = None) -> list[Attribute]:
        if scope:
            rows = self.q(f"SELECT {self._COLS} FROM attributes WHERE scope = ? ORDER BY position, id", (scope,))
        else:
            rows = self.q(f"SELECT {self._COLS} FROM attributes ORDER BY scope, position, id")
        return [_attr(r) for r in rows]

    def rename(self, attribute_id: int, name: str) -> Attribute:
        attr = self.get(attribute_id)
        other = self.by_name(name, attr.scope)
        if other and other.id != attribute_id:
            raise DuplicateName(f"A {attr.scope} attribute called '{name}' already exists.")
        with self.project.transaction():
            self.conn.execute("UPDATE attributes SET name = ? WHERE id = ?", (name.strip(), attribute_id))
        self.project.publish(Change(attributes=True, attribute_ids={attribute_id}))
        return self.get(attribute_id)

    def set_choices(self, attribute_id: int, choices: list[str]) -> Attribute:
        self.get(attribute_id)
        with self.project.transaction():
            self.conn.execute("UPDATE attributes SET choices = ? WHERE id = ?", (json.dumps(list(choices)), attribute_id))
        self.project.publish(Change(attributes=True, attribute_ids={attribute_id}))
        return self.get(attribute_id)

    def delete(self, attribute_id: int) -> None:
        self.get(attribute_id)
        with self.project.transaction():
            self.conn.execute("DELETE FROM attributes WHERE id = ?", (attribute_id,))
            self.project.audit.record("delete attribute", "attribute", attribute_id)
        self.project.publish(Change(attributes=True, attribute_ids={attribute_id}))

    @staticmethod
    def normalise(attr: Attribute, value: str) -> str:
        """Check a value against the attribute's type; returns the stored form or raises InvalidValue."""
        value = "" if value is None else str(value).strip()
        if value == "":
            return ""
        shown = value if len(value) <= 40 else value[:38] + "…"  # a pasted paragraph must not fill the message
        if attr.type == "number":
            try:
                num = float(value.replace(",", ""))
            except ValueError:
                raise InvalidValue(f"'{shown}' is not a number (attribute '{attr.name}').") from None
            if not math.isfinite(num):  # nan, inf and 1e400 are not values anyone can analyse
                raise InvalidValue(f"'{shown}' is not a number (attribute '{attr.name}').")
            return str(int(num)) if num.is_integer() else repr(num)
        if attr.type == "date":
            try:
                return date.fromisoformat(value[:10]).isoformat()
            except ValueError:
                raise InvalidValue(f"'{shown}' is not a date like 2016-03-31 (attribute '{attr.name}').") from None
        if attr.type == "category" and attr.choices:
            for choice in attr.choices:
                if choice.casefold() == value.casefold():
                    return choice
            raise InvalidValue(f"'{shown}' is not one of the choices for '{attr.name}': {', '.join(attr.choices)}.")
        return value

    def set_value(self, attribute_id: int, target_id: int, value: str) -> str:
        """Set (or clear with an empty value) the value for a case or document; returns the stored value."""
        attr = self.get(attribute_id)
        stored = self.normalise(attr, value)
        with self.project.transaction():
            if stored == "":
                self.conn.execute(
                    "DELETE FROM attribute_values WHERE attribute_id = ? AND target_id = ?", (attribute_id, target_id)
                )
            else:
                self.conn.execute(
                    "INSERT OR REPLACE INTO attribute_values(attribute_id, target_id, value) VALUES (?, ?, ?)",
                    (attribute_id, target_id, stored),
                )
        self.project.publish(Change(attributes=True, attribute_ids={attribute_id}))
        return stored

    def value(self, attribute_id: int, target_id: int) -> str:
        row = self.one(
            "SELECT value FROM attribute_values WHERE attribute_id = ? AND target_id = ?", (attribute_id, target_id)
        )
        return row[0] if row else ""

    def values_for(self, target_id: int, scope: str) -> dict[str, str]:
        """{attribute name: value} for one case or document."""
        rows = self.q(
            "SELECT a.name, v.value FROM attribute_values v JOIN attributes a ON a.id = v.attribute_id"
            " WHERE v.target_id = ? AND a.scope = ? ORDER BY a.position",
            (target_id, scope),
        )
        return dict(rows)

    def table(self, scope: str = "case") -> dict[int, dict[int, str]]:
        """{target id: {attribute id: value}} for every case (or document): the case table in one query."""
        out: dict[int, dict[int, str]] = {}
        for attr_id, target, value in self.q(
            "SELECT v.attribute_id, v.target_id, v.value FROM attribute_values v JOIN attributes a"
            " ON a.id = v.attribute_id WHERE a.scope = ?",
            (scope,),
        ):
            out.setdefault(target, {})[attr_id] = value
        return out
