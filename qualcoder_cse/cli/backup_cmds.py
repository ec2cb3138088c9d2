"""Backup commands: ``backups PROJECT`` lists the project's backups, ``restore BACKUP NEW.qcse`` restores one
into a new file; ``backup_before`` is the verified backup the risky commands (merge, import-codebook,
rescan --apply) take first and report."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core import Project, ProjectError
from ..core import backup_files as bf
from ..core.backup import remembered_folders
from ..core.errors import BackupFailed
from .common import add_passphrase_file, add_project, passphrase, print_json, tsv_row


def register(sub) -> None:
    p = sub.add_parser("backups", help="list the project's backups: date, counts, size, verified or not")
    add_project(p)
    p.add_argument("--json", action="store_true", help="print the list as JSON")
    p.set_defaults(func=cmd_backups)

    p = sub.add_parser("restore", help="restore a backup into a new project file (never over an existing file)")
    p.add_argument("backup", metavar="BACKUP", help="a backup file (see 'backups PROJECT')")
    p.add_argument("new", metavar="NEW.qcse", help="the new project file to write")
    add_passphrase_file(p)
    p.set_defaults(func=cmd_restore)


def _folders(project_path: Path, pw: str) -> list[Path]:
    """The configured folder when the project opens; else (a damaged project) the remembered and default."""
    try:
        with Project.open(project_path, pw, readonly=True) as project:
            return [project.backups.folder()]
    except ProjectError:
        return remembered_folders(project_path)


def cmd_backups(args: argparse.Namespace) -> int:
    path = Path(args.project)
    pw = passphrase(args)
    stem = path.resolve().stem
    found: list[bf.BackupInfo] = []
    for folder in _folders(path, pw):
        found.extend(bf.list_backups(folder, stem, pw))
    if args.json:
        print_json([
            {"path": str(b.path), "taken_at": b.taken_at.isoformat(timespec="seconds"), "reason": b.reason,
             "size": b.size, "counts": b.counts, "verified": b.opens, "problem": b.problem}
            for b in found
        ])
        return 0
    if not found:
        print(f"no backups of {path.name} in " + ", ".join(str(f) for f in _folders(path, pw)))
        return 0
    for b in found:
        c = b.counts
        state = "verified" if b.opens else f"DOES NOT OPEN: {b.problem}"
        print(tsv_row(b.path, f"{b.taken_at:%Y-%m-%d %H:%M:%S}", b.reason, f"{b.size / 1e6:.1f} MB",
                      f"{c.get('documents', 0)} documents", f"{c.get('codes', 0)} codes",
                      f"{c.get('codings', 0)} codings", state))
    return 0


def cmd_restore(args: argparse.Namespace) -> int:
    info = bf.restore(Path(args.backup), passphrase(args), Path(args.new))
    print(f"restored {Path(args.backup).name} ({info.summary()}) into {args.new}")
    return 0


def backup_before(project_path: str | Path, pw: str, what: str) -> Path:
    """Take the verified backup a risky command needs first (recorded in the project's audit trail).
    Raises BackupFailed: the command then does not run. ``say_backup`` reports it after the command."""
    with Project.open(Path(project_path), pw) as project:
        return take_before(project, what)


def take_before(project: Project, what: str) -> Path:
    """The same for a project this command already holds open for writing."""
    try:
        return project.backups.take(f"before {what}").path
    except BackupFailed as exc:
        raise BackupFailed(f"{exc} So the {what} did not run; nothing was changed.") from None


def say_backup(path: Path | None, what: str, *, json_mode: bool = False) -> None:
    """The last line of a risky command's output (on stderr when stdout carries JSON)."""
    if path is not None:
        print(f"backup before {what}: {path}", file=sys.stderr if json_mode else sys.stdout)
