"""The Project: one object that owns the encrypted connection and hands out the domain managers.

    project = Project.create(path, passphrase, framework="policing-cse", coder="alice")
    doc = project.documents.add("Interview 1", text, kind="police")
    code = project.codes.by_path("Disruption/Child Abduction Warning Notices")
    project.codings.add(code.id, doc.id, 10, 42)
    project.close()

Writes of several rows are atomic through ``project.transaction()``. A project opened for writing holds a
lock file; ``readonly=True`` opens without it and refuses writes.
"""

from __future__ import annotations

import contextlib
import os
import re
import secrets
from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Self

from .. import __version__
from . import backup_files, schema
from . import connection as cx
from .backup import BackupManager, recovery_hint
from .changes import Change, Pending
from .errors import (
    BackupFailed,
    CorruptProject,
    ProjectError,
    ProjectExists,
    ReadOnly,
    SchemaTooNew,
)
from .lock import ProjectLock, real_path
from .models import ProjectInfo
from .opening import backup_before_migration, make_owner_only, read_mode, refuse_hard_links, why_readonly
from .schema import migrate
from .tables import TableInfo, Tables
from .util import now

PROJECT_SUFFIX = ".qcse"
CREATING = ".creating"  # a project being built by Project.create: ".NAME.qcse.<8 hex>.creating"


def _temporary_files(tmp: Path) -> list[Path]:
    """A temporary project and the journal files SQLite keeps beside it."""
    return [tmp] + [tmp.with_name(tmp.name + s) for s in ("-journal", "-wal", "-shm")]


def remove_stale_temporaries(path: Path) -> list[Path]:
    """Remove what a ``Project.create`` of ``path`` killed before its rename left: ``.NAME.<8 hex>.creating``
    and its journals. Call only while holding ``path``'s lock (so no live creation of that name exists); only
    names of exactly that shape, never followed as links, never a project. Returns what was removed."""
    pattern = re.compile(re.escape(f".{path.name}.") + r"[0-9a-f]{8}" + re.escape(CREATING)
                         + r"(-journal|-wal|-shm)?")
    removed = []
    with contextlib.suppress(OSError):
        for entry in os.scandir(path.parent):
            if pattern.fullmatch(entry.name) and not entry.is_dir(follow_symlinks=False):
                with contextlib.suppress(OSError):
                    os.unlink(entry.path)
                    removed.append(Path(entry.path))
    return removed


class Project:
    def __init__(self, path: Path, conn, lock: ProjectLock | None, readonly: bool, passphrase: str) -> None:
        from .audit import AuditManager, CoderManager
        from .autocode import AutocodeManager
        from .cases import AttributeManager, CaseManager, TurnManager
        from .codes import CodeManager
        from .codings import CodingManager
        from .documents import DocumentManager
        from .frames import FrameManager
        from .memos import LinkManager, MemoManager
        from .presets import PresetManager
        from .review_memory import ReviewMemoryManager
        from .search import SearchManager

        self.path = path
        self.conn = conn
        conn.execute("PRAGMA secure_delete = ON")  # deleted text (a redacted name) is zeroed, not left behind
        self.db = Tables(conn)  # sqlite-utils over this connection, imported on first use (tables.py)
        self.readonly = readonly
        self._lock = lock
        self._depth = 0
        self._listeners: list[Callable[[Change], None]] = []
        self._held: Pending | None = None  # changes held back by quiet()
        self._passphrase_check = _fingerprint(passphrase)
        self.coders = CoderManager(self)
        self.audit = AuditManager(self)
        self.documents = DocumentManager(self)
        self.turns = TurnManager(self)
        self.codes = CodeManager(self)
        self.codings = CodingManager(self)
        self.cases = CaseManager(self)
        self.attributes = AttributeManager(self)
        self.memos = MemoManager(self)
        self.links = LinkManager(self)
        self.search = SearchManager(self)
        self.autocode = AutocodeManager(self)  # segments to code at once (patterns, speakers, search hits)
        self.presets = PresetManager(self)  # research case-attribute presets, pseudonymised police forces
        self.frames = FrameManager(self)  # read-only DataFrames for analysis/ (pandas loads on first use)
        self.review_memory = ReviewMemoryManager(self)  # paused reviews and remembered decisions
        from .pseudonyms import PseudonymManager

        self.pseudonyms = PseudonymManager(self)
        from .segments import SegmentManager

        self.segments = SegmentManager(self)
        from ..suggest.manager import SuggestionManager

        self.suggestions = SuggestionManager(self)
        self.backups = BackupManager(self, passphrase)
        self.readonly_reason = ""  # why a project asked for writing opened read-only (a read-only folder)
        self._changes_at_open = conn.total_changes
        self.coder_name = "researcher"  # set by create/open; the row is created at the first write

    @property
    def coder(self):
        """The current coder; created in the project at the first write, so a read changes nothing."""
        existing = self.coders.by_name(self.coder_name)
        if existing is not None or self.readonly or self.conn is None:
            return existing
        return self.coders.get_or_create(self.coder_name)

    def set_coder(self, name: str) -> None:
        name = (name or "").strip()
        if not name:
            from .errors import InvalidValue

            raise InvalidValue("A coder needs a name.")
        self.coder_name = name
        self.publish(Change(coders=True))

    # ----------------------------------------------------------------- lifecycle
    @classmethod
    def create(
        cls,
        path: str | os.PathLike,
        passphrase: str,
        *,
        framework: str | None = "policing-cse",
        coder: str = "researcher",
        name: str | None = None,
    ) -> Project:
        path = Path(path)
        if not passphrase:
            raise ProjectError("A passphrase is required.")
        if path.exists():
            raise ProjectExists(f"{path} already exists; choose another name or remove it first.")
        if not path.parent.exists():
            raise ProjectError(f"The folder {path.parent} does not exist.")
        if not path.parent.is_dir():
            raise ProjectError(f"{path.parent} is a file, not a folder; choose a folder for the project.")
        lock = ProjectLock(path)
        try:
            lock.acquire()
        except (OSError, ValueError) as exc:  # unwritable folder, name too long, a NUL in the name
            why = getattr(exc, "strerror", None) or "the file name is not allowed"
            raise ProjectError(f"Cannot create the project file in {path.parent}: {why}.") from None
        # The whole project (schema, coder, framework codes, audit) is built under a temporary name in the same
        # folder and renamed into place last: killed at any point, no half project exists under the name, and
        # what a killed run left behind is removed here (only our temporaries, while we hold the name's lock).
        tmp = path.with_name(f".{path.name}.{secrets.token_hex(4)}{CREATING}")
        try:
            if path.exists():  # made while we waited for the lock
                raise ProjectExists(f"{path} already exists; choose another name or remove it first.")
            remove_stale_temporaries(path)
            os.close(os.open(tmp, os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
            conn = cx.raw_connect(tmp, passphrase)  # SQLite keeps the mode: the file and its journal are 0600
            try:
                cx.tune(conn)
                conn.execute(f"PRAGMA application_id = {cx.APPLICATION_ID}")
                migrate(conn, 0)
                conn.execute("BEGIN IMMEDIATE")
                meta = {
                    "name": name or path.stem,
                    "created_at": now(),
                    "app_version": __version__,
                    "force_order_secret": secrets.token_hex(32),  # not the re-identification key (core.idkey)
                    "settings": "{}",
                    "default_coder": (coder or "researcher").strip() or "researcher",
                }
                conn.executemany("INSERT INTO meta(key, value) VALUES (?, ?)", meta.items())
                conn.execute("COMMIT")
                building = cls(tmp, conn, None, False, passphrase)  # rollback journal: nothing left on close
                building.coder_name = meta["default_coder"]
                building.coders.get_or_create(building.coder_name)
                if framework and framework != "none":
                    from .framework import load_framework

                    load_framework(building, framework)
                building.audit.record("create project", "project", None, f"framework={framework or 'none'}")
            finally:
                conn.close()
            if path.exists():
                raise ProjectExists(f"{path} already exists; choose another name or remove it first.")
            os.replace(tmp, path)  # the project appears whole or not at all
            cx.fsync_dir(path.parent)
        except BaseException as exc:
            lock.release()
            for leftover in _temporary_files(tmp):
                with contextlib.suppress(OSError):
                    leftover.unlink()
            if isinstance(exc, OSError):
                why = exc.strerror or type(exc).__name__
                raise ProjectError(f"Cannot create the project file in {path.parent}: {why}.") from None
            raise
        return cls._finish_open(path, passphrase, lock, readonly=False, coder=coder)

    @classmethod
    def open(
        cls,
        path: str | os.PathLike,
        passphrase: str,
        *,
        coder: str | None = None,
        readonly: bool = False,
    ) -> Project:
        path = Path(path)
        cx.precheck_file(path)
        real = real_path(path)  # a symlink opens the real file, with the real file's -wal and lock
        reason = "" if readonly else why_readonly(path, real)
        readonly = readonly or bool(reason)
        lock = None
        if not readonly:
            refuse_hard_links(path, real)
            lock = ProjectLock(real)
            lock.acquire()
            refuse_hard_links(path, real)  # a link made while we waited
            make_owner_only(real)
        try:
            project = cls._finish_open(real, passphrase, lock, readonly=readonly, coder=coder)
        except BaseException as exc:
            if lock:
                lock.release()
            if isinstance(exc, CorruptProject):
                raise CorruptProject(str(exc).replace(" Restore it from a backup.", "")
                                     + recovery_hint(real, passphrase)) from None
            raise
        project.path = path
        project.readonly_reason = reason
        return project

    @classmethod
    def _finish_open(cls, path: Path, passphrase: str, lock, *, readonly: bool, coder: str | None) -> Project:
        conn = cx.open_connection(path, passphrase, read_mode(path) if readonly else "rw")
        try:
            version = conn.execute("PRAGMA user_version").fetchone()[0]
            if version > schema.SCHEMA_VERSION:
                raise SchemaTooNew(
                    f"{path.name} was saved by a newer version of QualCoder-CSE (schema {version}; this "
                    f"version reads up to {schema.SCHEMA_VERSION}). Update the app to open it."
                )
            cx.tune(conn)
            if readonly:
                conn.execute("PRAGMA query_only = ON")
            else:
                bad = cx.damaged_pages(conn)
                if bad:
                    raise CorruptProject(
                        f"{path.name} is damaged: {len(bad)} page(s) fail their integrity check. It was not "
                        "opened for writing, so nothing more can be lost; it can still be opened read-only "
                        "to read what is intact. Restore it from a backup."
                    )
                if version < schema.SCHEMA_VERSION:
                    backup_before_migration(path, passphrase, version, conn)
                    migrate(conn, version)
                cx.enable_wal(conn)
        except BaseException:
            conn.close()
            raise
        project = cls(path, conn, lock, readonly, passphrase)
        default = project.meta("default_coder") or "researcher"  # the creator, when no coder is named
        project.coder_name = (coder or default).strip() or default
        return project

    def close(self) -> None:
        if self.conn is None:
            return
        try:
            if not self.readonly:
                with contextlib.suppress(cx.DatabaseError):
                    self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
            self.conn.close()
        finally:
            self.conn = None
            if self._lock:
                self._lock.release()
                self._lock = None

    def interrupt(self) -> None:
        """Stop a statement another thread is running on this project (a long read: an analysis), so the
        project can close without that thread still inside the connection. The reader gets an error."""
        if self.conn is not None:
            self.conn.interrupt()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    @property
    def is_open(self) -> bool:
        return self.conn is not None

    # ----------------------------------------------------------------- transactions and events
    @contextlib.contextmanager
    def transaction(self) -> Iterator[None]:
        """All-or-nothing block. Nested blocks become savepoints."""
        self.require_writable()
        if self._depth == 0:
            self.conn.execute("BEGIN IMMEDIATE")
        else:
            self.conn.execute(f"SAVEPOINT sp{self._depth}")
        self._depth += 1
        try:
            yield
        except BaseException:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("ROLLBACK")
            else:
                self.conn.execute(f"ROLLBACK TO sp{self._depth}")
                self.conn.execute(f"RELEASE sp{self._depth}")
            raise
        else:
            self._depth -= 1
            if self._depth == 0:
                self.conn.execute("COMMIT")
            else:
                self.conn.execute(f"RELEASE sp{self._depth}")

    def require_writable(self) -> None:
        if self.conn is None:
            raise ProjectError("The project is closed.")
        if self.readonly:
            raise ReadOnly(self.readonly_reason or "The project is open read-only.")

    def changed_since_open(self) -> bool:
        """Whether this session wrote anything since it opened or last backed up (for the backup on close)."""
        return self.conn is not None and self.conn.total_changes > self._changes_at_open

    def mark_backed_up(self) -> None:
        if self.conn is not None:
            self._changes_at_open = self.conn.total_changes

    def subscribe(self, listener: Callable[[Change], None]) -> None:
        """Register ``listener(change)``, called after every write with what it changed (core.changes).
        It runs on the writing thread: the ui subscribes through its change hub, which moves it to the GUI
        thread. Changes carry ids, never text."""
        self._listeners.append(listener)

    def unsubscribe(self, listener: Callable[[Change], None]) -> None:
        with contextlib.suppress(ValueError):
            self._listeners.remove(listener)

    def publish(self, change: Change) -> None:
        """Tell every listener what a write changed (the managers call this after their transaction)."""
        if self._held is not None:
            self._held.add(change)
            return
        for listener in list(self._listeners):
            listener(change)

    @contextlib.contextmanager
    def quiet(self) -> Iterator[Pending]:
        """Hold back changes (a long worker-thread write announces once, when done); yields them folded into
        one, for the caller to publish afterwards (``project.publish(held.take())``)."""
        held = Pending()
        self._held = held
        try:
            yield held
        finally:
            self._held = None

    # ----------------------------------------------------------------- meta, info, keys
    def meta(self, key: str, default: str | None = None) -> str | None:
        row = self.conn.execute("SELECT value FROM meta WHERE key = ?", (key,)).fetchone()
        return row[0] if row else default

    def set_meta(self, key: str, value: str) -> None:
        self.require_writable()
        self.conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES (?, ?)", (key, value))

    @property
    def name(self) -> str:
        return self.meta("name", self.path.stem) or self.path.stem

    def schema_version(self) -> int:
        return self.conn.execute("PRAGMA user_version").fetchone()[0]

    def info(self) -> ProjectInfo:
        q = self.conn.execute

        def count(table: str) -> int:
            return q(f"SELECT count(*) FROM {table}").fetchone()[0]

        return ProjectInfo(
            name=self.name,
            path=str(self.path),
            schema_version=self.schema_version(),
            app_version=__version__,
            created_at=self.meta("created_at", "") or "",
            documents=count("documents"),
            words=q("SELECT coalesce(sum(word_count), 0) FROM documents").fetchone()[0],
            codes=count("codes"),
            codings=count("codings"),
            cases=count("cases"),
            coders=count("coders"),
            memos=count("memos"),
            links=count("links"),
            coding_notes=q("SELECT count(*) FROM codings WHERE memo != ''").fetchone()[0],
        )

    def table_info(self) -> list[TableInfo]:
        """Every table with its rows and columns, FTS tables marked (``info --tables``, diagnostics)."""
        return self.db.info()

    def check_passphrase(self, passphrase: str) -> bool:
        """For the idle lock: is this the passphrase the project was opened with? (No disk access.)"""
        return secrets.compare_digest(_fingerprint(passphrase), self._passphrase_check)

    def rekey(self, new_passphrase: str) -> None:
        """Re-encrypt the file in place under a new passphrase (atomic inside SQLCipher)."""
        self.require_writable()
        if not new_passphrase:
            raise ProjectError("The new passphrase is empty.")
        self.conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        self.conn.execute("PRAGMA journal_mode = DELETE")  # rekey is not supported in WAL mode
        self.conn.execute(f"PRAGMA rekey = {cx._quote(new_passphrase)}")
        cx.enable_wal(self.conn)
        self._passphrase_check = _fingerprint(new_passphrase)
        self.backups.set_passphrase(new_passphrase)
        self.audit.record("change passphrase", "project", None, "")

    def backup(self, dest: str | os.PathLike) -> Path:
        """Write a verified encrypted copy (same passphrase, committed -wal content included) to ``dest``;
        refuses to overwrite. Raises BackupFailed when it cannot be written or does not verify."""
        if self.conn is None:
            raise ProjectError("The project is closed.")
        try:
            info = backup_files.write_backup_to(real_path(self.path), self.backups._passphrase, Path(dest))
        except BackupFailed as exc:
            self.backups.record("manual", None, exc)
            raise
        self.backups.record("manual", info)
        return info.path

    def verify(self) -> list[str]:
        """Full integrity check; returns the problems found (empty when healthy)."""
        rows = self.conn.execute("PRAGMA integrity_check").fetchall()
        problems = [r[0] for r in rows if r[0] != "ok"]
        return problems


def _fingerprint(passphrase: str) -> bytes:
    import hashlib

    return hashlib.pbkdf2_hmac("sha256", passphrase.encode("utf-8"), b"qcse-idle-lock", 50_000)

