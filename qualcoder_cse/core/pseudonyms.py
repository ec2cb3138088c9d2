"""Pseudonyms: consistent placeholders per entity across the project, without keeping originals in clear.

An entity is identified by a keyed hash (HMAC-SHA256) of its kind and its normalised text (casefolded,
accents and possessive stripped, whitespace collapsed). The same entity always gets the same placeholder
("[Person 3]") in every document. The HMAC secret is the re-identification key: it is kept *outside* the
project, in a key file (``core.idkey``), so a copy of the project and its passphrase cannot confirm a guessed
name. ``seal()`` destroys the key when import is done; stored placeholders stay, and a later import starts a
new series (numbers go on, but a person already stored gets a new placeholder). Only if the
researcher opts in (``set_keep_originals(True)``) is the original kept in ``pseudonym_originals`` (still inside
the encrypted file) so that they can look up who "[Person 3]" was; ``discard_originals()`` deletes that mapping
for good. The anonymisation log records what was
decided (label, placeholder, decision, who, when), never the original text.
"""

from __future__ import annotations

import hashlib
import hmac
import json
from dataclasses import dataclass, field
from pathlib import Path

from . import idkey
from .base import Manager
from .errors import InvalidValue
from .idkey import KeyUnavailable
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


@dataclass(frozen=True)
class KeyStatus:
    key_file: str  # where the key is looked for
    present: bool  # a key of the current series is there
    series: int  # placeholder series started so far (0: none yet)
    sealed_at: str  # when the last series was sealed, "" if never
    pseudonyms: int


@dataclass(frozen=True)
class SealResult:
    key_file: str
    key_destroyed: bool
    pseudonyms: int
    originals_discarded: int
    backups_with_old_key: list[str] = field(default_factory=list)
    paused_reviews_discarded: int = 0  # they hold the original text of files not yet stored
    accepted_names_discarded: int = 0  # the review's remembered names are names


class PseudonymManager(Manager):
    key_file: str | None = None  # an explicit key file (``--key-file``); else the environment or beside it
    created_key: Path | None = None  # set when this session started a new series (so the caller can say so)
    _cached: idkey.IdKey | None = None

    def _key_path(self) -> Path:
        return idkey.chosen_path(self.project.path, self.key_file)

    def _sealed_ids(self) -> set[str]:
        return {s.get("key_id", "") for s in json.loads(self.project.meta("pseudonym_sealed", "[]") or "[]")}

    def _secret(self) -> bytes:
        legacy = self.project.meta("pseudonym_secret")  # a project not yet migrated, opened read-only
        if legacy:
            return bytes.fromhex(legacy)
        cached = self._cached
        key_id = self.project.meta("pseudonym_key_id")
        if cached is not None and cached.key_id == key_id:
            return cached.secret
        path = self._key_path()
        found = idkey.read(path)
        if key_id:
            if found is None:
                raise KeyUnavailable(
                    f"The re-identification key of this project ({path}) is not there. Give it with --key-file "
                    f"or {idkey.KEY_ENV}; if it is lost, or this copy must never re-identify anyone, seal the "
                    "project: new imports then start a new placeholder series."
                )
            if found.key_id != key_id:
                raise KeyUnavailable(f"{path} is the key of another project or of a sealed series.")
            self._cached = found
            return found.secret
        self.project.require_writable()
        stamp = self.project.meta("created_at", "") or ""
        if found is not None:  # left by an import that was rolled back: adopt it, never another project's
            if found.project != stamp or found.key_id in self._sealed_ids():
                raise KeyUnavailable(f"{path} exists and is not this project's key; move it away or give "
                                     "another key file.")
            key = found
        else:
            key = idkey.create(path, stamp)
            self.created_key = path
        with self.project.transaction():
            series = int(self.project.meta("pseudonym_series", "0") or 0) + 1
            self.project.set_meta("pseudonym_key_id", key.key_id)
            self.project.set_meta("pseudonym_series", str(series))
            self.project.audit.record("start placeholder series", "project", None, f"series {series}")
        self._cached = key
        return key.secret

    def ensure_key(self) -> None:
        """Find the key of the current series (or start one) now, so an import fails before its first file."""
        self._secret()

    def status(self) -> KeyStatus:
        key_id = self.project.meta("pseudonym_key_id")
        present = bool(self.project.meta("pseudonym_secret"))
        if key_id and not present:
            try:
                found = idkey.read(self._key_path())
            except KeyUnavailable:
                found = None
            present = found is not None and found.key_id == key_id
        return KeyStatus(str(self._key_path()), present, int(self.project.meta("pseudonym_series", "0") or 0),
                         self.project.meta("pseudonym_sealed_at", "") or "", self.count())

    def seal(self) -> SealResult:
        """Destroy the re-identification key (and the optional originals): from now on nobody can tell from
        this project who a placeholder was. Stored placeholders stay; the next import starts a new series."""
        self.project.require_writable()
        path = self._key_path()
        key_id = self.project.meta("pseudonym_key_id")
        try:
            found = idkey.read(path)
        except KeyUnavailable:
            found = None  # not a key file: never destroy what is not ours
        ours = found is not None and (found.key_id == key_id or (
            not key_id and found.project == (self.project.meta("created_at", "") or "")
            and found.key_id not in self._sealed_ids()))
        with self.project.transaction():
            originals = self.originals_count()
            self.conn.execute("DELETE FROM pseudonym_originals")
            # what else could re-identify someone in a copy handed to a co-coder: paused reviews (original
            # text) and the names the review remembers as always accepted
            paused = self.conn.execute("DELETE FROM review_paused").rowcount
            accepted = self.conn.execute("DELETE FROM review_remembered WHERE kind = 'accept'").rowcount
            self.project.set_meta("pseudonym_keep_originals", "0")
            # the stored hashes could confirm a guess if a copy of the key survived somewhere: make them random
            self.conn.execute("UPDATE pseudonyms SET key_hash = 'sealed:' || lower(hex(randomblob(16))) "
                              "WHERE key_hash NOT LIKE 'sealed:%'")
            self.conn.execute("DELETE FROM meta WHERE key IN ('pseudonym_key_id', 'pseudonym_secret')")
            sealed = json.loads(self.project.meta("pseudonym_sealed", "[]") or "[]")
            at = now()
            sealed.append({"key_id": key_id or (found.key_id if ours and found else ""), "at": at})
            self.project.set_meta("pseudonym_sealed", json.dumps(sealed))
            self.project.set_meta("pseudonym_sealed_at", at)
            self.project.audit.record("seal pseudonym key", "project", None,
                                      f"{self.count()} placeholders; {originals} originals discarded")
        self._cached = None
        destroyed = idkey.destroy(path) if ours else False
        if not self.project._depth:
            self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.execute("VACUUM")
        p = self.project.path
        backups = sorted(str(b) for b in p.parent.glob(f"{p.stem}.before-v*{p.suffix}.bak"))
        return SealResult(str(path), destroyed, self.count(), originals, backups, max(paused, 0),
                          max(accepted, 0))

    def key_hash(self, kind: str, entity_key: str) -> str:
        """The keyed hash that identifies one entity of one kind; ``entity_key`` is already normalised."""
        msg = f"{kind}\x1f{entity_key}".encode()
        return hmac.new(self._secret(), msg, hashlib.sha256).hexdigest()

    def find(self, kind: str, entity_key: str) -> Pseudonym | None:
        row = self.one(
            "SELECT id, label, placeholder, number FROM pseudonyms WHERE key_hash = ?",
            (self.key_hash(kind, entity_key),),
        )
        return Pseudonym(*row) if row and not row[1].endswith("~ambiguous") else None

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
        if row and not row[1].endswith("~ambiguous"):
            return Pseudonym(*row)
        with self.project.transaction():
            number = self.one("SELECT coalesce(max(number), 0) + 1 FROM pseudonyms WHERE label = ?", (kind,))[0]
            placeholder = render(number)
            if row:  # a spelling two full names shared: it becomes an entity of its own
                self.conn.execute("UPDATE pseudonyms SET label = ?, placeholder = ?, number = ? WHERE id = ?",
                                  (kind, placeholder, number, row[0]))
                if original is not None and self.keeps_originals():
                    self.conn.execute("INSERT OR REPLACE INTO pseudonym_originals(pseudonym_id, original) "
                                      "VALUES (?, ?)", (row[0], original))
                return Pseudonym(row[0], kind, placeholder, number)
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
        """Make another spelling of an entity ("Jodie" for "Jodie Smith") map to the same placeholder. A
        spelling already standing for another full name ("Karen" of "Karen Jones", now of "Karen Smith") stands
        for neither from then on: the next bare "Karen" gets a placeholder of its own."""
        digest = self.key_hash(kind, entity_key)
        row = self.one("SELECT id, label, placeholder FROM pseudonyms WHERE key_hash = ?", (digest,))
        if row:
            if row[1] == kind + "~alias" and row[2] != target.placeholder:
                with self.project.transaction():
                    self.conn.execute("UPDATE pseudonyms SET label = ?, placeholder = '', number = 0 WHERE id = ?",
                                      (kind + "~ambiguous", row[0]))
            return
        with self.project.transaction():
            self.conn.execute(
                "INSERT INTO pseudonyms(label, key_hash, placeholder, number, created_at) VALUES (?,?,?,?,?)",
                (kind + "~alias", digest, target.placeholder, target.number, now()),
            )

    def list(self) -> list[Pseudonym]:
        rows = self.q("SELECT id, label, placeholder, number FROM pseudonyms WHERE label NOT LIKE '%~alias' "
                      "AND label NOT LIKE '%~ambiguous' "
                      "ORDER BY label, number")
        return [Pseudonym(*r) for r in rows]

    def count(self) -> int:
        return self.one("SELECT count(*) FROM pseudonyms WHERE label NOT LIKE '%~alias' "
                        "AND label NOT LIKE '%~ambiguous'")[0]

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
