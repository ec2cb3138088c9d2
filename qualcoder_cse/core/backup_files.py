"""Verified encrypted backups of a project file: write, verify, list, restore and prune. No Qt, no Project.

A backup is written through SQLCipher's online backup API from a connection of its own (so committed pages
still in the -wal are included and the copy is one consistent snapshot, while the project stays open), into an
owner-only ``NAME.partial`` file keyed with the same passphrase (with a fresh salt). It is then reopened from
disk with the passphrase, every page's HMAC is checked, and its row counts must equal the source's counts taken
in the same snapshot; only then is it renamed to its final name ``STEM_YYYY-MM-DD_HHMMSS_REASON.qcse``, and
only then are older backups pruned. A process killed half-way leaves a ``.partial`` file and every earlier
backup untouched.
"""

from __future__ import annotations

import contextlib
import os
import re
import time
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from . import connection as cx
from .errors import BackupFailed, NotAProject, NotFound, ProjectError, ProjectExists, WrongPassphrase

COUNTED = ("documents", "codes", "codings", "cases", "memos", "links", "coders")
SUFFIX = ".qcse"
_STAMP = "%Y-%m-%d_%H%M%S"
_NAME = re.compile(r"^(?P<stem>.+)_(?P<at>\d{4}-\d\d-\d\d_\d{6})(?:-(?P<n>\d+))?_(?P<reason>[a-z0-9-]+)\.qcse$")
STALE_PARTIAL_SECONDS = 3600


@dataclass(frozen=True)
class BackupInfo:
    path: Path
    taken_at: datetime
    reason: str
    size: int
    counts: dict[str, int] = field(default_factory=dict)
    opens: bool = True
    problem: str = ""
    error: type[ProjectError] | None = field(default=None, compare=False)  # why it does not open

    def summary(self) -> str:
        c = self.counts
        return (
            f"{self.taken_at:%Y-%m-%d %H:%M:%S}, {c.get('documents', 0)} documents, {c.get('codes', 0)} codes, "
            f"{c.get('codings', 0)} codings"
        )


def counts(conn, schema: str = "main") -> dict[str, int]:
    return {t: int(conn.execute(f"SELECT count(*) FROM {schema}.{t}").fetchone()[0]) for t in COUNTED}


def parse_name(path: Path, stem: str | None = None) -> tuple[datetime, str] | None:
    m = _NAME.match(path.name)
    if not m or (stem is not None and m["stem"] != stem):
        return None
    return datetime.strptime(m["at"], _STAMP), m["reason"]


def _reason_slug(reason: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", reason.lower()).strip("-") or "manual"


def _new_partial(folder: Path, stem: str, reason: str) -> tuple[Path, Path]:
    """Claim a unique final name (date and time, then -2, -3...) by creating its owner-only .partial file."""
    base = f"{stem}_{datetime.now():{_STAMP}}"
    for n in range(1, 1000):
        stamp = f"{base}{'' if n == 1 else f'-{n}'}"
        final = folder / f"{stamp}_{_reason_slug(reason)}{SUFFIX}"
        partial = final.with_name(final.name + ".partial")
        if any(folder.glob(f"{glob_escape(stamp)}_*")):  # one backup per name stamp, whatever its reason
            continue
        flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            os.close(os.open(partial, flags, 0o600))
        except FileExistsError:
            continue
        return final, partial
    raise BackupFailed(f"Too many backups named {base} in {folder}.")


def _source(path: Path, passphrase: str):
    """A read connection to the project (the real file), read-only when its folder is not writable."""
    writable = os.access(path.parent, os.W_OK)
    wal = path.with_name(path.name + "-wal")
    mode = "rw" if writable else ("ro" if wal.exists() else "immutable")
    conn = cx.open_connection(path, passphrase, mode)
    conn.execute("PRAGMA busy_timeout = 5000")
    return conn


def write_backup(source: Path, passphrase: str, folder: Path, reason: str = "manual") -> BackupInfo:
    """Write and verify one backup of the project file ``source`` into ``folder``. Raises BackupFailed."""
    folder = Path(folder)
    try:
        folder.mkdir(mode=0o700, parents=True, exist_ok=True)
    except OSError as exc:
        raise BackupFailed(f"No backup was written: cannot create the backup folder {folder} ({exc.strerror}).") from None
    final, partial = _new_partial(folder, Path(source).resolve().stem, reason)
    expected = _write_verified(Path(source).resolve(), passphrase, final, partial)
    return BackupInfo(final, parse_name(final)[0], _reason_slug(reason), final.stat().st_size, expected)


def write_backup_to(source: Path, passphrase: str, dest: Path) -> BackupInfo:
    """A verified backup at the path the user chose (never over an existing file)."""
    dest = Path(dest)
    if dest.exists() or dest.is_symlink():
        raise ProjectExists(f"{dest} already exists; choose another name.")
    if not dest.parent.is_dir():
        raise ProjectError(f"The folder {dest.parent} does not exist.")
    if dest.resolve() == Path(source).resolve():
        raise ProjectError("The backup must not be the project file itself.")
    partial = dest.with_name(dest.name + ".partial")
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        os.close(os.open(partial, flags, 0o600))
    except FileExistsError:
        raise ProjectExists(f"{partial} exists (another backup running?); remove it or choose another name.") from None
    except OSError as exc:
        raise BackupFailed(f"No backup was written to {dest.parent}: {exc.strerror}.") from None
    expected = _write_verified(Path(source).resolve(), passphrase, dest, partial)
    when = datetime.fromtimestamp(dest.stat().st_mtime)
    return BackupInfo(dest, when, "manual", dest.stat().st_size, expected)


def _write_verified(source: Path, passphrase: str, final: Path, partial: Path) -> dict[str, int]:
    """Copy ``source`` into the (existing, empty, owner-only) ``partial`` through SQLCipher, verify it, then
    give it its final name without replacing anything. Returns the counts it holds."""
    try:
        src = _source(source, passphrase)
        try:
            src.execute("BEGIN")
            expected = counts(src)  # the snapshot the backup copies (one read transaction)
            dst = cx.raw_connect(partial, passphrase)
            try:
                src.backup(dst)
            finally:
                dst.close()
            src.execute("COMMIT")
        finally:
            src.close()
        with open(partial, "rb+") as fh:
            os.fsync(fh.fileno())
        problem = verify(partial, passphrase, expected)
        if problem:
            raise BackupFailed(f"The backup {final.name} did not verify ({problem}); it was removed.")
        _move_no_replace(partial, final)
        with contextlib.suppress(OSError):
            cx.fsync_dir(final.parent)
    except BaseException as exc:
        for leftover in (partial, partial.with_name(partial.name + "-journal")):
            with contextlib.suppress(OSError):
                leftover.unlink()
        if isinstance(exc, BackupFailed):
            raise
        if isinstance(exc, ProjectError):
            raise BackupFailed(f"No backup was written: {exc}") from None
        if isinstance(exc, (OSError, cx.DatabaseError)):
            why = getattr(exc, "strerror", None) or str(exc)
            raise BackupFailed(f"No backup was written to {final.parent}: {why}.") from None
        raise
    return expected


def _move_no_replace(partial: Path, final: Path) -> None:
    """Give the finished file its name without ever replacing a file that appeared meanwhile: a hard link
    where the file system has them, else (FAT/exFAT USB sticks) a rename after checking the name is free."""
    try:
        os.link(partial, final)
    except FileExistsError:
        raise ProjectExists(f"{final} appeared meanwhile; nothing was written over it.") from None
    except OSError:
        if final.exists() or final.is_symlink():
            raise ProjectExists(f"{final} appeared meanwhile; nothing was written over it.") from None
        os.rename(partial, final)  # on Windows this too refuses an existing target
        return
    partial.unlink()


def verify(path: Path, passphrase: str, expected: dict[str, int] | None = None) -> str:
    """'' when ``path`` opens with the passphrase, every page verifies and (if given) the counts match;
    otherwise what is wrong, in a few words."""
    try:
        conn = cx.open_connection(Path(path), passphrase, "immutable")
    except ProjectError as exc:
        return str(exc)
    try:
        bad = cx.damaged_pages(conn)
        if bad:
            return f"damaged: {len(bad)} page(s) fail their integrity check"
        got = counts(conn)
        if expected is not None and got != expected:
            diff = ", ".join(f"{k} {got[k]} instead of {expected[k]}" for k in COUNTED if got[k] != expected[k])
            return f"counts differ: {diff}"
        return ""
    except cx.DatabaseError:
        return "damaged: it cannot be read"
    finally:
        conn.close()


def inspect(path: Path, passphrase: str) -> BackupInfo:
    """Date, reason, size, counts and whether it opens and verifies."""
    when, reason = parse_name(path) or (datetime.fromtimestamp(path.stat().st_mtime), "unknown")
    size = path.stat().st_size
    try:
        conn = cx.open_connection(path, passphrase, "immutable")
    except ProjectError as exc:
        return BackupInfo(path, when, reason, size, {}, False, str(exc), type(exc))
    try:
        bad = cx.damaged_pages(conn)
        found = counts(conn)
        problem = f"damaged: {len(bad)} page(s) fail their integrity check" if bad else ""
        return BackupInfo(path, when, reason, size, found, not bad, problem)
    except cx.DatabaseError:
        return BackupInfo(path, when, reason, size, {}, False, "damaged: it cannot be read")
    finally:
        conn.close()


def backup_files(folder: Path, stem: str | None) -> list[Path]:
    """The finished backups of the project named ``stem`` (None: of any project) in ``folder``, newest first."""
    folder = Path(folder)
    if not folder.is_dir():
        return []
    found = [(_NAME.match(p.name), p) for p in folder.iterdir() if p.is_file() and p.name.endswith(SUFFIX)]
    keyed = [((m["at"], int(m["n"] or 1)), p) for m, p in found if m and stem in (None, m["stem"])]
    return [p for _, p in sorted(keyed, key=lambda x: x[0], reverse=True)]


def list_backups(folder: Path, stem: str | None, passphrase: str) -> list[BackupInfo]:
    return [inspect(p, passphrase) for p in backup_files(folder, stem)]


def prune(folder: Path, stem: str, keep: int) -> list[Path]:
    """Delete all but the newest ``keep`` backups (and .partial files left by a killed backup over an hour
    ago). Returns what was deleted."""
    removed = []
    for old in backup_files(folder, stem)[max(1, keep):]:
        with contextlib.suppress(OSError):
            old.unlink()
            removed.append(old)
    cutoff = time.time() - STALE_PARTIAL_SECONDS
    for p in Path(folder).glob(f"{glob_escape(stem)}_*{SUFFIX}.partial"):
        with contextlib.suppress(OSError):
            if p.stat().st_mtime < cutoff:
                p.unlink()
                removed.append(p)
    return removed


def glob_escape(text: str) -> str:
    return re.sub(r"([*?\[])", r"[\1]", text)


def newest_that_opens(folder: Path, stem: str, passphrase: str) -> BackupInfo | None:
    for path in backup_files(folder, stem):
        info = inspect(path, passphrase)
        if info.opens:
            return info
    return None


def restore(backup: Path, passphrase: str, dest: Path) -> BackupInfo:
    """Copy a verified backup into a new project file ``dest`` (never over an existing file)."""
    backup, dest = Path(backup), Path(dest)
    if dest.exists() or dest.is_symlink():
        raise ProjectExists(f"{dest} already exists; restore into a new file name.")
    if not dest.parent.is_dir():
        raise ProjectError(f"The folder {dest.parent} does not exist.")
    if not backup.exists():
        raise NotFound(f"No such backup file: {backup}.")
    if backup.is_dir():
        raise NotAProject(f"{backup} is a folder, not a backup of a QualCoder-CSE project.")
    kind = cx.other_file_kind(backup)
    if kind is not None:
        raise NotAProject(f"{backup.name} is {kind}: it is not a backup of a QualCoder-CSE project.")
    info = inspect(backup, passphrase)
    if not info.opens:
        if info.error is WrongPassphrase:  # the wrong-passphrase message and exit code, not a failed backup
            raise WrongPassphrase(info.problem)
        if info.error is NotAProject:
            raise NotAProject(f"{backup.name} is not a backup of a QualCoder-CSE project "
                              f"({info.problem.rstrip('.')}).")
        problem = info.problem.replace(" Restore it from a backup.", "")
        raise BackupFailed(f"{backup.name} cannot be restored: {problem}")
    partial = dest.with_name(dest.name + ".partial")
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
    try:
        os.close(os.open(partial, flags, 0o600))
    except FileExistsError:
        raise ProjectExists(f"{partial} exists (another restore?); remove it or choose another name.") from None
    try:
        src = cx.open_connection(backup, passphrase, "immutable")
        try:
            dst = cx.raw_connect(partial, passphrase)
            try:
                src.backup(dst)
            finally:
                dst.close()
        finally:
            src.close()
        problem = verify(partial, passphrase, info.counts)
        if problem:
            raise BackupFailed(f"The restored copy did not verify ({problem}); nothing was written.")
        _move_no_replace(partial, dest)
    except BaseException:
        with contextlib.suppress(OSError):
            partial.unlink()
        raise
    return info
