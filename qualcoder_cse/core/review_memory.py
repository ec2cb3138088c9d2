"""What the anonymisation review keeps between files and sessions, inside the encrypted project file.

- Paused reviews: Cancel (or Pause) in the review screen keeps the file under review, its speaker turns and
  every decision so far, keyed by the file's SHA-256; importing the same file again resumes the review where
  it stopped. A paused review holds the ORIGINAL text (that is what is being reviewed), so it lives only in
  the encrypted file, is deleted the moment the file is stored, skipped for good or discarded, and the
  connection's ``secure_delete`` zeroes the deleted pages.
- Remembered decisions: a project-wide list of strings always rejected ("CSE", "Sergeant") and of names
  always accepted, applied to the proposals of every later file (the researcher still sees them and can
  undo). Editable in the window (Tools > Anonymisation memory…).
"""

from __future__ import annotations

import json
from dataclasses import dataclass

from .base import Manager
from .errors import InvalidValue
from .util import now

KINDS = ("reject", "accept")
LABELS = ("PERSON", "LOCATION", "ORG", "DATE", "CONTACT", "ID", "ANY")
MAX_SURFACE = 200


@dataclass(frozen=True)
class PausedReview:
    sha256: str
    name: str
    source_path: str
    coder: str
    saved_at: str
    decided: int  # decisions made so far (shown in lists without reading the state)
    state: dict | None = None  # the text, turns and proposals; None in listings


@dataclass(frozen=True)
class Remembered:
    kind: str  # "reject" or "accept"
    surface: str
    label: str  # a label, or "ANY" for a rejected string whatever it was proposed as
    added_at: str


def normalise(surface: str) -> str:
    return " ".join(surface.split()).casefold()


class ReviewMemoryManager(Manager):
    # ------------------------------------------------------------------ paused reviews
    def pause(self, sha256: str, name: str, source_path: str, state: dict, decided: int) -> None:
        """Keep (or replace) the paused review of the file with this SHA-256."""
        data = json.dumps(state, ensure_ascii=False)
        with self.project.transaction():
            self.conn.execute("DELETE FROM review_paused WHERE sha256 = ?", (sha256,))
            self.conn.execute(
                "INSERT INTO review_paused(sha256, name, source_path, coder, saved_at, decided, state) "
                "VALUES (?, ?, ?, ?, ?, ?, ?)",
                (sha256, name, source_path, self.project.coder_name, now(), int(decided), data),
            )

    def paused(self, sha256: str) -> PausedReview | None:
        row = self.one("SELECT sha256, name, source_path, coder, saved_at, decided, state FROM review_paused "
                       "WHERE sha256 = ?", (sha256,))
        if row is None:
            return None
        try:
            state = json.loads(row[6])
        except ValueError:
            return None  # a damaged entry is ignored; the file is reviewed afresh
        return PausedReview(*row[:6], state=state if isinstance(state, dict) else None)

    def paused_list(self) -> list[PausedReview]:
        return [PausedReview(*r) for r in self.q(
            "SELECT sha256, name, source_path, coder, saved_at, decided FROM review_paused ORDER BY saved_at DESC")]

    def discard_paused(self, sha256: str) -> bool:
        with self.project.transaction():
            cur = self.conn.execute("DELETE FROM review_paused WHERE sha256 = ?", (sha256,))
        return cur.rowcount > 0

    # ------------------------------------------------------------------ remembered decisions
    def remembered(self, kind: str | None = None) -> list[Remembered]:
        sql = "SELECT kind, surface, label, added_at FROM review_remembered"
        params: tuple = ()
        if kind is not None:
            sql += " WHERE kind = ?"
            params = (kind,)
        return [Remembered(*r) for r in self.q(sql + " ORDER BY kind, surface COLLATE NOCASE", params)]

    def remember(self, kind: str, surface: str, label: str = "ANY") -> bool:
        """Add a string to the rejected or accepted list; False if it was there already."""
        surface = " ".join(str(surface).split())
        if kind not in KINDS:
            raise InvalidValue(f"Unknown list {kind!r}; use 'reject' or 'accept'.")
        if label not in LABELS:
            raise InvalidValue(f"Unknown label {label!r}.")
        if not surface or len(surface) > MAX_SURFACE:
            raise InvalidValue(f"A remembered string must be 1 to {MAX_SURFACE} characters long.")
        if kind == "accept" and label == "ANY":
            raise InvalidValue("An accepted name needs its label (Person, Place...).")
        with self.project.transaction():
            # a string is on one list only: the newest decision wins
            self.conn.execute("DELETE FROM review_remembered WHERE key = ? AND kind != ?", (normalise(surface), kind))
            cur = self.conn.execute(
                "INSERT OR IGNORE INTO review_remembered(kind, key, surface, label, added_at) VALUES (?, ?, ?, ?, ?)",
                (kind, normalise(surface), surface, label, now()),
            )
        return cur.rowcount > 0

    def forget(self, kind: str, surface: str) -> bool:
        with self.project.transaction():
            cur = self.conn.execute("DELETE FROM review_remembered WHERE kind = ? AND key = ?",
                                    (kind, normalise(surface)))
        return cur.rowcount > 0
