"""User preferences kept between sessions (QSettings): recent project paths, idle-lock minutes, the last
coder name, window layout. Never transcript text, never passphrases."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QByteArray, QSettings

DEFAULT_IDLE_MINUTES = 10
MAX_RECENT = 8


class Settings:
    def __init__(self, path: str | Path | None = None) -> None:
        if path is None:
            self.qs = QSettings(QSettings.Format.IniFormat, QSettings.Scope.UserScope, "QualCoder-CSE", "qualcoder-cse")
        else:
            self.qs = QSettings(str(path), QSettings.Format.IniFormat)

    def recent_projects(self) -> list[str]:
        value = self.qs.value("recent_projects", [])
        if isinstance(value, str):
            value = [value]
        return [p for p in (value or []) if p]

    def add_recent(self, path: str | Path) -> None:
        p = str(Path(path).resolve())
        items = [x for x in self.recent_projects() if x != p]
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
        self.qs.setValue("last_coder", name)

    def window_state(self) -> tuple[QByteArray | None, QByteArray | None]:
        return self.qs.value("window_geometry"), self.qs.value("window_state")

    def set_window_state(self, geometry: QByteArray, state: QByteArray) -> None:
        self.qs.setValue("window_geometry", geometry)
        self.qs.setValue("window_state", state)

    def sync(self) -> None:
        self.qs.sync()
