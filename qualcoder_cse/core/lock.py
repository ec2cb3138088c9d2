"""One writer per project: an OS lock on a lock file beside the project's real file, held while it is open for writing.

The lock is keyed on the file itself, not on the name it was opened by: the project path is resolved first
(symlinks and ``..`` followed), so every alias of one file meets the same ``REALNAME.qcse.lock``; a file with
more than one hard link is refused for writing by ``Project.open`` (a second name would get its own lock, -wal
and -shm). The lock is an OS file lock, ``fcntl.flock`` on macOS and Linux and ``msvcrt.locking`` on Windows,
so a crashed process releases it and a stale lock file never blocks anyone.

The lock file is never deleted: a process may have it open and be about to lock it, and unlinking it would let
that process and one creating a fresh file both "hold" the lock. It holds only a process id and a host name
while locked, and is created owner-only (0600) without following a symlink.
"""

from __future__ import annotations

import os
import socket
from pathlib import Path

from .errors import ProjectError, ProjectLocked

if os.name == "nt":
    import msvcrt
else:
    import fcntl

# Windows locks are mandatory byte ranges: lock a byte far past the holder text so a refused process can
# still read who holds it.
_WIN_LOCK_OFFSET = 1 << 20


def real_path(project_path: str | os.PathLike) -> Path:
    """The project's real file: symlinks and ``..`` resolved, so aliases by name meet one lock and one -wal."""
    return Path(project_path).resolve()


def lock_path(project_path: Path) -> Path:
    real = real_path(project_path)
    return real.with_name(real.name + ".lock")


class ProjectLock:
    """An exclusive, non-blocking lock on ``REALNAME.lock``; raises ProjectLocked if someone holds it."""

    def __init__(self, project_path: Path) -> None:
        self.path = lock_path(project_path)
        self._fd: int | None = None

    @property
    def held(self) -> bool:
        return self._fd is not None

    def acquire(self) -> None:
        if self._fd is not None:
            raise ProjectLocked("The project is already open for writing in this window.")
        flags = os.O_RDWR | os.O_CREAT | getattr(os, "O_NOFOLLOW", 0) | getattr(os, "O_BINARY", 0)
        try:
            fd = os.open(self.path, flags, 0o600)
        except OSError as exc:
            if exc.errno == getattr(os, "ELOOP", -1):  # a symlink planted at the lock's name
                raise ProjectError(f"{self.path.name} is a symbolic link; remove it, it is not ours.") from None
            raise
        try:
            _lock(fd)
        except OSError:
            holder = _read(fd) or "another process"
            os.close(fd)
            raise ProjectLocked(
                f"The project is already open for writing ({holder}). Close it there first, "
                "or open it read-only."
            ) from None
        try:
            os.ftruncate(fd, 0)
            os.lseek(fd, 0, os.SEEK_SET)
            os.write(fd, f"pid {os.getpid()} on {socket.gethostname()}".encode())
        except OSError:
            pass  # the holder text is only a courtesy; the OS lock is what counts
        self._fd = fd

    def release(self) -> None:
        if self._fd is None:
            return
        fd, self._fd = self._fd, None
        try:
            try:
                os.ftruncate(fd, 0)  # still ours: no other process can hold it yet
            except OSError:
                pass
            _unlock(fd)
        finally:
            os.close(fd)  # the file stays: see the module docstring


def _lock(fd: int) -> None:
    if os.name == "nt":
        os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
        msvcrt.locking(fd, msvcrt.LK_NBLCK, 1)
    else:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)


def _unlock(fd: int) -> None:
    try:
        if os.name == "nt":
            os.lseek(fd, _WIN_LOCK_OFFSET, os.SEEK_SET)
            msvcrt.locking(fd, msvcrt.LK_UNLCK, 1)
        else:
            fcntl.flock(fd, fcntl.LOCK_UN)
    except OSError:
        pass  # closing the descriptor releases it anyway


def _read(fd: int) -> str:
    try:
        os.lseek(fd, 0, os.SEEK_SET)
        return os.read(fd, 200).decode("utf-8", "replace").strip()
    except OSError:
        return ""
