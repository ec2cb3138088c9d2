"""One safe way to write an export file, for every exporter: the workbook, CSV, the Word briefing, REFI-QDA,
coded segments, word frequencies, and the CLI's ``anonymise -o`` text.

- The data go to a temporary file created in the target folder with a random name, ``O_EXCL`` and
  ``O_NOFOLLOW`` (a symlink planted at a predictable ``OUT.partial`` can no longer redirect the write onto a
  project), owner-only (0600), flushed to disk, then renamed over the target (a rename replaces a symlink or
  a hard link at the target, it never writes through it). The file appears whole or not at all.
- An existing target is replaced only when it is an earlier export: a zip (.xlsx, .docx, .qdpx) must carry
  our marker (the zip comment ``QualCoder-CSE export``, which Excel and Word ignore), so an original .docx
  transcript given as ``--briefing`` is refused; a project, an encrypted file or any other binary is
  refused; text exports (.csv, .qdc) may be replaced.
- ``audit_export`` records what was written, where, and whether it was encrypted (never content).
"""

from __future__ import annotations

import contextlib
import os
import secrets
import stat
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, BinaryIO

from ..core.errors import ProjectError

if TYPE_CHECKING:
    from ..core.project import Project

MARKER = b"QualCoder-CSE export"
_ZIP = b"PK\x03\x04"
_EOCD = b"PK\x05\x06"
_NOFOLLOW = getattr(os, "O_NOFOLLOW", 0)


def is_marked_zip(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            fh.seek(0, os.SEEK_END)
            size = fh.tell()
            fh.seek(max(0, size - len(MARKER)))
            return fh.read() == MARKER
    except OSError:
        return False


def refuse_link_or_special(path: Path, error: type[ProjectError] = ProjectError) -> os.stat_result | None:
    """Refuse a symbolic link or an existing target that is not a plain file (a FIFO, a device); returns the
    target's stat, None when nothing is there (or it is unreadable: the write will say why)."""
    if path.is_symlink():
        raise error(f"{path.name} is a symbolic link; choose another name.")
    try:
        st = path.stat()
    except OSError:
        return None
    if not stat.S_ISREG(st.st_mode):
        raise error(f"{path.name} exists and is not a plain file; choose another name.")
    return st


def refuse_to_overwrite_other_files(path: Path, error: type[ProjectError] = ProjectError) -> None:
    """An export replaces an earlier export, never anything else (a project, an original transcript)."""
    st = refuse_link_or_special(path, error)
    if st is None or st.st_size == 0:
        return
    try:
        with open(path, "rb") as fh:
            head = fh.read(16)
    except OSError:
        return
    if head.startswith(_ZIP):
        if is_marked_zip(path):
            return
        raise error(f"{path.name} already exists and was not written by a QualCoder-CSE export (it may be an "
                    "original document); choose another name.")
    text = head.lstrip(b"\xef\xbb\xbf \t\r\n")
    if (path.suffix.lower() == ".csv" and b"\x00" not in head) or text.startswith(b"<"):
        return
    raise error(f"{path.name} already exists and is not an earlier export (it may be a project or an encrypted "
                "file); choose another name.")


def _mark_zip(fd: int) -> None:
    """Put our marker in the zip comment of a freshly written zip (only when it has no comment yet)."""
    size = os.lseek(fd, 0, os.SEEK_END)
    if size < 22:
        return
    os.lseek(fd, size - 22, os.SEEK_SET)
    tail = os.read(fd, 22)
    if not tail.startswith(_EOCD) or tail[-2:] != b"\x00\x00":
        return
    os.lseek(fd, size - 2, os.SEEK_SET)
    os.write(fd, len(MARKER).to_bytes(2, "little") + MARKER)


def _temp_in(folder: Path, name: str) -> tuple[int, Path]:
    flags = os.O_RDWR | os.O_CREAT | os.O_EXCL | _NOFOLLOW | getattr(os, "O_CLOEXEC", 0)
    for _ in range(20):
        tmp = folder / f".{name}.{secrets.token_hex(6)}.partial"
        try:
            return os.open(tmp, flags, 0o600), tmp
        except FileExistsError:
            continue
    raise FileExistsError(f"no free temporary name in {folder}")


def write_export(path: str | os.PathLike, payload: bytes | Callable[[BinaryIO], None], *,
                 error: type[ProjectError] = ProjectError,
                 may_replace: Callable[[Path, type[ProjectError]], None] = refuse_to_overwrite_other_files,
                 ) -> Path:
    """Write ``payload`` (bytes, or ``fn(fileobj)`` that writes) to ``path`` safely; returns the path.

    A symbolic link or a target that is not a plain file is always refused; ``may_replace(path, error)``
    raises ``error`` when an existing plain file must not be replaced (default: anything but an earlier
    export; the ``anonymise -o`` text output passes its own rule: any text file)."""
    path = Path(path)
    if not path.parent.exists():
        raise error(f"The folder {path.parent} does not exist.")
    if path.is_dir() and not path.is_symlink():
        raise error(f"{path} is a folder; give a file name.")
    refuse_link_or_special(path, error)
    may_replace(path, error)
    tmp = None
    try:
        fd, tmp = _temp_in(path.parent, path.name)
        with os.fdopen(fd, "w+b") as fh:
            if isinstance(payload, bytes | bytearray):
                fh.write(payload)
            else:
                payload(fh)
            fh.flush()
            head = (os.lseek(fh.fileno(), 0, os.SEEK_SET), os.read(fh.fileno(), 4))[1]
            if head == _ZIP:
                _mark_zip(fh.fileno())
            os.fsync(fh.fileno())
        os.replace(tmp, path)
        tmp = None
        with contextlib.suppress(OSError):
            dfd = os.open(path.parent, os.O_RDONLY)
            try:
                os.fsync(dfd)
            finally:
                os.close(dfd)
    except OSError as exc:
        raise error(f"Cannot write {path.name}: {exc.strerror or exc}.") from None
    finally:
        if tmp is not None:
            with contextlib.suppress(OSError):
                os.unlink(tmp)
    return path


def audit_export(project: Project | None, what: str, path: str | os.PathLike, encrypted: bool) -> bool:
    """Record an export in the audit trail: what, where, encrypted or not. False when the project is open
    read-only (the caller says so)."""
    if project is None or project.readonly or not project.is_open:
        return False
    state = "encrypted" if encrypted else "NOT encrypted"
    where = str(Path(path).resolve())
    detail = f"{state}; {where}" if len(where) < 170 else f"{state}; …{where[-165:]}"
    with project.transaction():
        project.audit.record(f"export {what}", "project", None, detail)
    return True


def clear_warning(what: str, path: str | os.PathLike) -> str:
    """The words of the warning about a clear (unencrypted) export, shared by the CLI and the window."""
    return (f"{what} ({path}) is NOT encrypted: anyone who gets it can read the coded extracts and "
            "names of codes and cases in it. Keep it on an encrypted drive and delete it when done.")
