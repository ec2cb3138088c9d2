"""Pseudonyms: consistent placeholders per entity across the project, without keeping originals in clear.

An entity is identified by a keyed hash (HMAC-SHA256 under ``meta.pseudonym_secret``, which lives inside the
encrypted file) of its kind and its normalised text (casefolded, accents and possessive stripped, whitespace
collapsed). The same entity always gets the same placeholder ("[Person 3]") in every document. Only if the
researcher opts in (``set_keep_originals(True)``) is the original kept in ``pseudonym_originals`` (still inside
the encrypted file) so that they can look up who "[Person 3]" was; ``discard_originals()`` deletes that mapping
for good. The anonymisation log records what was
decided (label, placeholder, decision, who, when), never the original text.
"""

from __future__ import annotations

import hashlib
import hmac
from dataclasses import dataclass

from .base import Manager
from .errors import InvalidValue, ProjectError
from .util import now


@dataclass(frozen=True)
class Pseudonym:
    id: int
    kind: str  # the numbering group, e.g. "PERSON", "ORG:School"
    placeholder: str
    number: int


@dataclass(frozen=True)
class LogEntry:
    label: str
    placeholder: str
    decision: str  # accepted, rejected, added, relabelled, auto, rescan
    coder: str
    at: str


class PseudonymManager(Manager):
    def _secret(self) -> bytes:
        secret = self.project.meta("pseudonym_secret")
        if not secret:
            raise ProjectError("This project has no pseudonym secret; it cannot anonymise consistently.")
        return bytes.fromhex(secret)

    def key_hash(self, kind: str, entity_key: str) -> str:
        """The keyed hash that identifies one entity of one kind; ``entity_key`` is already normalised."""
        msg = f"{kind}\x1f{entity_key}".encode()
        return hmac.new(self._secret(), msg, hashlib.sha256).hexdigest()

    def find(self, kind: str, entity_key: str) -> Pseudonym | None:
        row = self.one(
            "SELECT id, label, placeholder, number FROM pseudonyms WHERE key_hash = ?",
            (self.key_hash(kind, entity_key),),
        )
        return Pseudonym(*row) if row else None

    def get_or_create(
        self, kind: str, entity_key: str, render, *, original: str | None = None
    ) -> Pseudonym:
        """The pseudonym of an entity, numbering a new one as the next of its kind.

        ``render(number) -> str`` makes the placeholder text; ``original`` (optional) is kept in the encrypted
        mapping table so the researcher can look it up later.
        """
        if not entity_key:
            raise InvalidValue("An empty entity cannot be given a pseudonym.")
        digest = self.key_hash(kind, entity_key)
        row = self.one("SELECT id, label, placeholder, number FROM pseudonyms WHERE key_hash = ?", (digest,))
        if row:
            return Pseudonym(*row)
        with self.project.transaction():
            number = self.one("SELECT coalesce(max(number), 0) + 1 FROM pseudonyms WHERE label = ?", (kind,))[0]
            placeholder = render(number)
            cur = self.conn.execute(
                "INSERT INTO pseudonyms(label, key_hash, placeholder, number, created_at) VALUES (?,?,?,?,?)",
                (kind, digest, placeholder, number, now()),
            )
            pid = cur.lastrowid
            if original is not None and self.keeps_originals():
                self.conn.execute(
                    "INSERT OR REPLACE INTO pseudonym_originals(pseudonym_id, original) VALUES (?, ?)",
                    (pid, original),
                )
        return Pseudonym(pid, kind, placeholder, number)

    def alias(self, kind: str, entity_key: str, target: Pseudonym) -> None:
        """Make another spelling of an entity ("Jodie" for "Jodie Smith") map to the same placeholder."""
        digest = self.key_hash(kind, entity_key)
        if self.one("SELECT 1 FROM pseudonyms WHERE key_hash = ?", (digest,)):
            return
        with self.project.transaction():
            self.conn.execute(
                "INSERT INTO pseudonyms(label, key_hash, placeholder, number, created_at) VALUES (?,?,?,?,?)",
                (kind + "~alias", digest, target.placeholder, target.number, now()),
            )

    def list(self) -> list[Pseudonym]:
        rows = self.q("SELECT id, label, placeholder, number FROM pseudonyms WHERE label NOT LIKE '%~alias' "
                      "ORDER BY label, number")
        return [Pseudonym(*r) for r in rows]

    def count(self) -> int:
        return self.one("SELECT count(*) FROM pseudonyms WHERE label NOT LIKE '%~alias'")[0]

    # ------------------------------------------------------------------ the optional mapping
    def keeps_originals(self) -> bool:
        """Off unless the researcher turns it on: by default no original reaches the file, not even encrypted."""
        return self.project.meta("pseudonym_keep_originals", "0") == "1"

    def set_keep_originals(self, keep: bool) -> None:
        with self.project.transaction():
            self.project.set_meta("pseudonym_keep_originals", "1" if keep else "0")
            self.project.audit.record("pseudonym mapping", "project", None, "keep" if keep else "do not keep")

    def original(self, pseudonym_id: int) -> str | None:
        row = self.one("SELECT original FROM pseudonym_originals WHERE pseudonym_id = ?", (pseudonym_id,))
        return row[0] if row else None

    def originals_count(self) -> int:
        return self.one("SELECT count(*) FROM pseudonym_originals")[0]

    def discard_originals(self) -> int:
        """Delete the whole placeholder -> original mapping and stop keeping it; returns how many went."""
        with self.project.transaction():
            n = self.originals_count()
            self.conn.execute("DELETE FROM pseudonym_originals")
            self.project.set_meta("pseudonym_keep_originals", "0")
            self.project.audit.record("discard pseudonym mapping", "project", None, f"{n} entries")
        # the freed pages (encrypted, but still holding the text) are rewritten, unless a caller's transaction
        # is still open (VACUUM cannot run inside one; the pages are reused later)
        if not self.project._depth:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.execute("VACUUM")
        return n

    # ------------------------------------------------------------------ the anonymisation log
    def write_log(self, document_id: int | None, entries) -> None:
        """Store log entries (``LogEntry`` or tuples label, placeholder, decision, coder, at) for a document."""
        rows = []
        for e in entries:
            if isinstance(e, LogEntry):
                rows.append((document_id, e.label, e.placeholder, e.decision, e.coder, e.at))
            else:
                label, placeholder, decision, coder, at = e
                rows.append((document_id, label, placeholder, decision, coder, at))
        if not rows:
            return
        with self.project.transaction():
            self.conn.executemany(
                "INSERT INTO anonymisation_log(document_id, label, placeholder, decision, coder, at) "
                "VALUES (?,?,?,?,?,?)",
                rows,
            )

    def log(self, document_id: int | None = None) -> list[LogEntry]:
        if document_id is None:
            rows = self.q("SELECT label, placeholder, decision, coder, at FROM anonymisation_log ORDER BY id")
        else:
            rows = self.q(
                "SELECT label, placeholder, decision, coder, at FROM anonymisation_log WHERE document_id = ? "
                "ORDER BY id",
                (document_id,),
            )
        return [LogEntry(*r) for r in rows]
