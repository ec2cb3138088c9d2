"""User preferences kept between sessions (QSettings): recent project paths, idle-lock minutes, the last
coder name, window layout, whether the first-start tour was done or skipped. Never transcript text, never passphrases.

The file lives where each platform keeps per-user, per-machine configuration (QStandardPaths'
GenericConfigLocation): ``~/.config/QualCoder-CSE/qualcoder-cse.ini`` on Linux (``$XDG_CONFIG_HOME`` when
set), ``~/Library/Preferences/QualCoder-CSE/`` on macOS, ``%LOCALAPPDATA%\\QualCoder-CSE\\`` on Windows:
local, not the roaming profile, so the names of recent projects do not follow the user to other machines.
"""

from __future__ import annotations

import contextlib
import os
from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings, QStandardPaths

DEFAULT_IDLE_MINUTES = 10
MAX_RECENT = 8
FOLDER = "QualCoder-CSE"
FILE_NAME = "qualcoder-cse.ini"


def default_settings_path() -> Path:
    """The settings file for this user on this platform (independent of the QApplication's names)."""
    base = QStandardPaths.writableLocation(QStandardPaths.StandardLocation.GenericConfigLocation)
    return Path(base or Path.home() / ".config") / FOLDER / FILE_NAME


def _create_owner_only(path: Path) -> None:
    """Create the settings file 0600 in a 0700 folder before Qt writes it (Qt keeps an existing file's mode),
    or take group and other access away from an existing one: recent project names can be telling.
    Best effort: an unwritable location is left to QSettings. Windows ignores the modes."""
    try:
        path.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
        os.close(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0), 0o600))
    except FileExistsError:
        with contextlib.suppress(OSError):
            if not path.is_symlink():
                os.chmod(path, path.stat().st_mode & 0o700)
    except OSError:
        pass


class Settings:
    def __init__(self, path: str | Path | None = None) -> None:
        self.path = Path(path) if path is not None else default_settings_path()
        if path is None:
            _create_owner_only(self.path)
        self.qs = QSettings(str(self.path), QSettings.Format.IniFormat)

    def recent_projects(self) -> list[str]:
        value = self.qs.value("recent_projects", [])
        if isinstance(value, str):
            value = [value]
        return [p for p in (value or []) if p]

    def add_recent(self, path: str | Path) -> None:
        p = str(Path(path).resolve())
        now = self.recent_projects()
        items = [x for x in now if x != p]
        if now[:1] != [p]:  # reopening the latest project writes nothing (each write rewrites the file)
            self.qs.setValue("recent_projects", [p, *items][:MAX_RECENT])

    def remove_recent(self, path: str) -> None:
        self.qs.setValue("recent_projects", [x for x in self.recent_projects() if x != path])

    def idle_minutes(self) -> int:
        try:
            return max(0, int(self.qs.value("idle_lock_minutes", DEFAULT_IDLE_MINUTES)))
        except (TypeError, ValueError):
            return DEFAULT_IDLE_MINUTES

    def set_idle_minutes(self, minutes: int) -> None:
        self.qs.setValue("idle_lock_minutes", int(minutes))

    def last_coder(self) -> str:
        return str(self.qs.value("last_coder", "") or "")

    def set_last_coder(self, name: str) -> None:
        if name != self.last_coder():
            self.qs.setValue("last_coder", name)

    def tour_state(self) -> str:
        """'done' or 'skipped' once the first-start tour was finished or declined; '' before."""
        value = str(self.qs.value("tour_state", "") or "")
        return value if value in ("done", "skipped") else ""

    def set_tour_state(self, state: str) -> None:
        self.qs.setValue("tour_state", state)
        self.qs.sync()

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.qs.value("window_geometry"), self.qs.value("window_state")

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qs.setValue("window_geometry", geometry)
        self.qs.setValue("window_state", state)

    def sync(self) -> None:
        self.qs.sync()
