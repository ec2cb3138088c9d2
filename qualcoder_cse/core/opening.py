"""Checks and steps of opening a project for writing that protect it from loss: a read-only folder opens
read-only (and says why), a file with several hard links is refused for writing, the read mode that creates
nothing beside a project in a read-only folder, and the verified backup before a schema migration."""

from __future__ import annotations

import json
import os
from pathlib import Path

from . import backup_files, schema
from .backup import SETTINGS_KEY, default_folder, remember_folder
from .connection import DatabaseError
from .errors import BackupFailed, ProjectAliased


def why_readonly(path: Path, real: Path) -> str:
    """Why a project asked for writing can only be read: its folder or file is not writable ('' if it is)."""
    if not os.access(real.parent, os.W_OK):
        where = f"its folder {real.parent}"
    elif not os.access(real, os.W_OK):
        where = "the file itself"
    else:
        return ""
    return (f"{path.name} is open read-only: {where} is not writable. Nothing can be changed; copy the project "
            "to a folder you can write to, or change the permissions, to work on it.")


def refuse_hard_links(path: Path, real: Path) -> None:
    links = real.stat().st_nlink
    if links > 1:
        raise ProjectAliased(
            f"{path.name} has {links} names on disk (hard links, e.g. made with 'ln'). Two programs could then "
            "write it at once through different names and damage it, so it is not opened for writing. Make a "
            "real copy (cp) and open that, remove the other names, or open it read-only."
        )


def make_owner_only(real: Path) -> None:
    """A project made by an older version (or copied in with 0644) becomes readable by its owner only when it
    is next opened for writing, with its -wal and -shm. Windows keeps its folder's access list (docs)."""
    if os.name == "nt":
        return
    for f in (real, real.with_name(real.name + "-wal"), real.with_name(real.name + "-shm")):
        try:
            if f.exists() and f.stat().st_mode & 0o077:
                os.chmod(f, 0o600)
        except OSError:
            pass  # not ours to change (another owner): the project still opens


def read_mode(real: Path) -> str:
    """'ro' normally; 'immutable' in a folder we cannot write when there is no -wal (SQLite could not create
    the -shm it needs, and nobody can write the project there without one)."""
    if os.access(real.parent, os.W_OK) or real.with_name(real.name + "-wal").exists():
        return "ro"
    return "immutable"


def migration_backup_folder(path: Path, conn) -> Path:
    """The folder the researcher chose for this project's backups (File > Backup settings), else the
    default "STEM backups" beside it: a migration's backup goes where the others are (an encrypted drive,
    say), and Restore finds it there."""
    try:
        row = conn.execute("SELECT value FROM meta WHERE key = ?", (SETTINGS_KEY,)).fetchone()
        chosen = json.loads(row[0]).get("folder") if row and row[0] else ""
    except (DatabaseError, ValueError, TypeError, AttributeError):
        chosen = ""
    return Path(chosen).expanduser() if isinstance(chosen, str) and chosen else default_folder(path)


def backup_before_migration(path: Path, passphrase: str, version: int, conn=None) -> Path:
    """A verified backup (with what is still in the -wal) before the schema changes, into the project's
    backup folder; refuse to migrate without one."""
    folder = migration_backup_folder(path, conn) if conn is not None else default_folder(path)
    try:
        info = backup_files.write_backup(path, passphrase, folder, f"before-schema-v{schema.SCHEMA_VERSION}")
    except BackupFailed as exc:
        raise BackupFailed(
            f"{path.name} needs an upgrade (schema {version} to {schema.SCHEMA_VERSION}) and a backup must come "
            f"first, but it failed: {exc} Nothing was changed."
        ) from None
    remember_folder(path, folder)
    return info.path
