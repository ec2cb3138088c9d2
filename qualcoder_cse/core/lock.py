"""One writer per project: an advisory lock file held beside the project while it is open for writing.

The lock is an OS file lock (``fcntl.flock`` on POSIX, ``msvcrt.locking`` on Windows), so a crashed process
releases it automatically and a stale lock file never blocks anyone. The file holds only a process id and a
host name, never project content.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from .errors import ProjectLocked


def lock_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + ".lock")


class ProjectLock:
    """An exclusive, non-blocking lock on ``PROJECT.lock``; raises ProjectLocked if someone holds it."""

    def __init__(self, project_path: Path) -> None:
        self.path = lock_path(project_path)
        self._fh = None

    def acquire(self) -> None:
        fh = open(self.path, "a+")
        try:
            if os.name == "nt":
                import msvcrt

                fh.seek(0)
                msvcrt.locking(fh.fileno(), msvcrt.LK_NBLCK, 1)
            else:
                import fcntl

                fcntl.flock(fh.fileno(), fcntl.LOCK_EX | fcntl.LOCK_NB)
        except OSError:
            fh.seek(0)
            holder = fh.read().strip() or "another process"
            fh.close()
            raise ProjectLocked(
                f"The project is already open for writing ({holder}). Close it there first, "
                "or open it read-only."
            ) from None
        fh.seek(0)
        fh.truncate()
        fh.write(f"pid {os.getpid()} on {socket.gethostname()}")
        fh.flush()
        self._fh = fh

    def release(self) -> None:
        if self._fh is None:
            return
        fh, self._fh = self._fh, None
        try:
            fh.seek(0)
            fh.truncate()
            fh.close()
        finally:
            try:
                self.path.unlink()
            except OSError:
                pass
