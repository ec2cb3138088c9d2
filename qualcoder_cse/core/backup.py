"""The project's backups: where they go, how many are kept, when they are due, and taking one.

``project.backups.take("before merge")`` writes a verified encrypted backup (see ``backup_files``), prunes
the oldest beyond the configured number, and records it in the audit trail; a failure raises BackupFailed
and is recorded too. The window runs ``run_job`` (no use of the project's connection) in a worker thread and
then ``record`` on the GUI thread. Settings live in the project (meta ``backup_settings``); the folder is also
remembered per user (``backup_folders.json`` in the config folder: file paths only) so that a damaged project,
whose settings cannot be read, still finds its backups.
"""

from __future__ import annotations

import contextlib
import json
import os
import sys
from dataclasses import asdict, dataclass
from datetime import datetime, timedelta
from pathlib import Path
from typing import TYPE_CHECKING

from . import backup_files as bf
from .base import Manager
from .errors import BackupFailed, InvalidValue

if TYPE_CHECKING:
    from .project import Project

SETTINGS_KEY = "backup_settings"


@dataclass
class BackupSettings:
    folder: str = ""  # empty: "STEM backups" beside the project
    keep: int = 10
    interval_hours: float = 24.0
    on_open: bool = True
    on_close: bool = True


@dataclass(frozen=True)
class BackupJob:
    """Everything a worker thread needs to take one backup, without touching the project's connection."""

    source: Path
    passphrase: str
    folder: Path
    keep: int
    reason: str


def default_folder(project_path: str | os.PathLike) -> Path:
    real = Path(project_path).resolve()
    return real.parent / f"{real.stem} backups"


def config_dir() -> Path:
    env = os.environ.get("QUALCODER_CSE_CONFIG_DIR")
    if env:
        return Path(env)
    if os.name == "nt":
        return Path(os.environ.get("APPDATA") or Path.home()) / "QualCoder-CSE"
    if sys.platform == "darwin":
        return Path.home() / "Library" / "Application Support" / "QualCoder-CSE"
    return Path(os.environ.get("XDG_CONFIG_HOME") or Path.home() / ".config") / "qualcoder-cse"


def _index_path() -> Path:
    return config_dir() / "backup_folders.json"


def remembered_folders(project_path: str | os.PathLike) -> list[Path]:
    """Folders that may hold this project's backups: the remembered one, then the default."""
    real = str(Path(project_path).resolve())
    found: list[Path] = []
    with contextlib.suppress(OSError, ValueError, AttributeError):
        folder = json.loads(_index_path().read_text(encoding="utf-8")).get(real)
        if folder:
            found.append(Path(folder))
    default = default_folder(project_path)
    return found + ([default] if default not in found else [])


def remember_folder(project_path: str | os.PathLike, folder: Path) -> None:
    path = _index_path()
    try:
        data = json.loads(path.read_text(encoding="utf-8")) if path.exists() else {}
        if not isinstance(data, dict):
            data = {}
    except (OSError, ValueError):
        data = {}
    data[str(Path(project_path).resolve())] = str(folder)
    with contextlib.suppress(OSError):
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        tmp = path.with_name(path.name + ".tmp")
        fd = os.open(tmp, os.O_WRONLY | os.O_CREAT | os.O_TRUNC | getattr(os, "O_NOFOLLOW", 0), 0o600)
        with os.fdopen(fd, "w", encoding="utf-8") as fh:
            json.dump(data, fh)
        os.replace(tmp, path)


def run_job(job: BackupJob) -> bf.BackupInfo:
    """Write, verify, then prune (only after the new backup verified). Safe in a worker thread."""
    info = bf.write_backup(job.source, job.passphrase, job.folder, job.reason)
    bf.prune(job.folder, job.source.stem, job.keep)
    return info


def run_before(job: BackupJob, what: str) -> bf.BackupInfo:
    """The verified backup a risky operation takes first (safe in a worker thread); if it fails, the
    operation must not run, and the error says so."""
    try:
        return run_job(job)
    except BackupFailed as exc:
        raise BackupFailed(f"{exc} So the {what} did not run; nothing was changed.") from None


def take_before(project: Project, what: str) -> Path:
    """``run_before`` on the thread that owns the project, recorded in its audit trail; returns where."""
    reason = f"before {what}"
    try:
        info = run_before(project.backups.job(reason), what)
    except BackupFailed as exc:
        project.backups.record(reason, None, exc)
        raise
    project.backups.record(reason, info)
    remember_folder(project.path, info.path.parent)
    return info.path


def recovery_hint(project_path: str | os.PathLike, passphrase: str) -> str:
    """For a damaged project: the newest backup that opens, with its date and counts, or that none does."""
    stem = Path(project_path).resolve().stem
    for folder in remembered_folders(project_path):
        info = bf.newest_that_opens(folder, stem, passphrase)
        if info is not None:
            return (
                f" The newest backup that opens is {info.path} ({info.summary()}); anything done after "
                f"{info.taken_at:%Y-%m-%d %H:%M} is not in it. Restore it into a new file with File > Restore "
                f"from backup, or: qualcoder-cse restore \"{info.path}\" NEW.qcse"
                + (" Careful: it was taken before a re-scan redacted identifiers, so it still holds them; "
                   "re-scan the restored copy (rescan --apply) before you share it."
                   if "rescan" in info.reason else "")
            )
    looked = ", ".join(str(f) for f in remembered_folders(project_path))
    return f" No backup that opens with this passphrase was found (looked in {looked})."


class BackupManager(Manager):
    def __init__(self, project: Project, passphrase: str) -> None:
        super().__init__(project)
        self._passphrase = passphrase  # the backup connections need it; never stored or logged

    def set_passphrase(self, passphrase: str) -> None:
        self._passphrase = passphrase

    # ------------------------------------------------------------------ settings
    def settings(self) -> BackupSettings:
        raw = self.project.meta(SETTINGS_KEY)
        try:
            data = json.loads(raw) if raw else {}
            fields = BackupSettings.__dataclass_fields__
            return BackupSettings(**{k: v for k, v in data.items() if k in fields})
        except (ValueError, TypeError):
            return BackupSettings()

    def save_settings(self, settings: BackupSettings) -> None:
        if not 1 <= int(settings.keep) <= 1000:
            raise InvalidValue("Keep between 1 and 1000 backups.")
        if not 0 <= float(settings.interval_hours) <= 24 * 365:
            raise InvalidValue("The interval is between 0 hours (every open) and a year.")
        folder = self.folder(settings)
        if folder.exists() and not folder.is_dir():
            raise InvalidValue(f"{folder} is a file, not a folder; choose a folder for the backups.")
        self.project.set_meta(SETTINGS_KEY, json.dumps(asdict(settings)))
        remember_folder(self.project.path, self.folder(settings))
        self.project.audit.record("backup settings", "project", None, f"keep {settings.keep}")

    def folder(self, settings: BackupSettings | None = None) -> Path:
        settings = settings or self.settings()
        return Path(settings.folder).expanduser() if settings.folder else default_folder(self.project.path)

    # ------------------------------------------------------------------ when
    def list(self) -> list[bf.BackupInfo]:
        return bf.list_backups(self.folder(), Path(self.project.path).resolve().stem, self._passphrase)

    def newest_time(self) -> datetime | None:
        files = bf.backup_files(self.folder(), Path(self.project.path).resolve().stem)
        parsed = bf.parse_name(files[0]) if files else None
        return parsed[0] if parsed else None

    def due_on_open(self, now: datetime | None = None) -> bool:
        s = self.settings()
        if not s.on_open:
            return False
        newest = self.newest_time()
        return newest is None or (now or datetime.now()) - newest >= timedelta(hours=float(s.interval_hours))

    def due_on_close(self) -> bool:
        return self.settings().on_close and self.project.changed_since_open()

    # ------------------------------------------------------------------ taking one
    def job(self, reason: str = "manual") -> BackupJob:
        s = self.settings()
        real = Path(self.project.path).resolve()
        return BackupJob(real, self._passphrase, self.folder(s), int(s.keep), reason)

    def record(self, reason: str, info: bf.BackupInfo | None, error: BaseException | None = None) -> None:
        """The audit line for a backup (on the thread that owns the connection): where, never content."""
        if self.project.readonly or not self.project.is_open:
            return
        if info is not None:
            self.project.audit.record("backup", "project", None, f"{reason}: {info.path}")
            self.project.mark_backed_up()
        else:
            self.project.audit.record("backup failed", "project", None, f"{reason}: {error}")

    def restore(self, backup: Path, dest: Path) -> bf.BackupInfo:
        """Restore one of this project's backups (same passphrase) into a new file ``dest``."""
        return bf.restore(Path(backup), self._passphrase, Path(dest))

    def take(self, reason: str = "manual") -> bf.BackupInfo:
        """A verified backup now (synchronously); raises BackupFailed after recording the failure."""
        job = self.job(reason)
        try:
            info = run_job(job)
        except BackupFailed as exc:
            self.record(reason, None, exc)
            raise
        self.record(reason, info)
        remember_folder(self.project.path, job.folder)
        return info
