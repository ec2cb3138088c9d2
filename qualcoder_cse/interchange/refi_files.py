"""Which files a REFI-QDA document may pull in, and how much of them.

A ``.qdpx`` is self-contained: only its own members are read, never a path on the user's disk. A bare
``.qde`` may name texts in the folder it sits in (``internal://`` or ``relative://`` inside that folder);
``absolute://`` paths and anything that leaves the folder are refused, because a hostile .qde could
otherwise read any local file into a project. Every member is checked before it is inflated: its size
against the per-text limit, its compression ratio against the zip-bomb limit, and the bytes read for the
whole import against the total limit (forty sources pointing at one big member count forty times).
"""

from __future__ import annotations

import zipfile
from pathlib import Path

from ..importers.formats import MAX_FILE_BYTES, MAX_ZIP_RATIO, MAX_ZIP_TOTAL_BYTES
from .refi_common import RefiError

MAX_TEXT_BYTES = MAX_FILE_BYTES["txt"]  # one source or note text, as for a .txt file import
MAX_TOTAL_BYTES = MAX_ZIP_TOTAL_BYTES  # every text read from one REFI file together
MAX_RATIO = MAX_ZIP_RATIO  # a member inflating more than this is treated as a zip bomb...
RATIO_FLOOR = 1 << 20  # ...once it inflates beyond 1 MiB (tiny members compress well and are harmless)
MAX_QDE_BYTES = 512 << 20  # the project XML itself


def member_refusal(info: zipfile.ZipInfo, limit: int = MAX_TEXT_BYTES) -> str | None:
    """Why a zip member must not be inflated, or None."""
    if info.file_size > limit:
        return f"it is larger than {limit >> 20} MB"
    if info.file_size > RATIO_FLOOR and info.file_size > MAX_RATIO * max(1, info.compress_size):
        return f"it inflates more than {MAX_RATIO} times (a zip bomb?)"
    return None


def decode_text(data: bytes) -> str:
    """UTF-8 (a BOM is dropped, not counted); UTF-16 only when it carries its BOM."""
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        return data.decode("utf-16")
    return data.decode("utf-8-sig")


class Files:
    """The files a REFI document refers to: zip entries, or the folder of a bare .qde."""

    def __init__(self, zf: zipfile.ZipFile | None, folder: Path | None) -> None:
        self.zf, self.folder = zf, folder
        self.total = 0
        self.by_name: dict[str, zipfile.ZipInfo] = {}
        if zf is not None:
            for info in zf.infolist():
                if not info.is_dir():
                    # Either case of the folder, either case of the GUID: key on the lower-cased base name.
                    self.by_name.setdefault(info.filename.rsplit("/", 1)[-1].lower(), info)

    def _count(self, size: int) -> str | None:
        if self.total + size > MAX_TOTAL_BYTES:
            return (
                f"the texts of this file add up to more than {MAX_TOTAL_BYTES >> 20} MB "
                "(the limit for one import)"
            )
        self.total += size
        return None

    def read(self, ref: str, base_path: str | None) -> tuple[bytes | None, str]:
        """(bytes, "") or (None, why)."""
        ref = ref.strip().replace("\\", "/")
        lower = ref.lower()
        if lower.startswith("absolute://"):
            return None, "it points to an absolute path on this computer, which is never read (for safety)"
        if lower.startswith("internal://") or "://" not in lower:
            return self._internal(ref.split("://", 1)[-1].rsplit("/", 1)[-1].lower())
        if lower.startswith("relative://"):
            if self.zf is not None:  # an archive is self-contained: a hostile one must not pull in local files
                return None, "it points to a file outside the archive, which is not read from a .qdpx for safety"
            return self._relative(ref.split("://", 1)[1].lstrip("/"), base_path)
        return None, "its path is not one QDA-XML defines"

    def _internal(self, base: str) -> tuple[bytes | None, str]:
        if self.zf is not None:
            info = self.by_name.get(base)
            if info is None:
                return None, "its file is not in the archive"
            why = member_refusal(info) or self._count(info.file_size)
            if why:
                return None, f"its file was not read: {why}"
            try:
                return self.zf.read(info), ""
            except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError):
                return None, "its file in the archive is damaged"
        if self.folder is not None:
            for sub in ("sources", "Sources", "SOURCES", ""):
                d = self.folder / sub if sub else self.folder
                if d.is_dir():
                    for p in d.iterdir():
                        if p.name.lower() == base and p.is_file() and not p.is_symlink():
                            return self._local(p)
        return None, "its file was not found (no sources folder beside the .qde holds it)"

    def _relative(self, rest: str, base_path: str | None) -> tuple[bytes | None, str]:
        folder = (self.folder or Path(".")).resolve()
        base = folder
        if base_path and not base_path.lower().startswith(("absolute://", "/")) and ":" not in base_path:
            base = (folder / base_path.replace("\\", "/").split("://", 1)[-1].lstrip("/")).resolve()
        candidate = (base / rest).resolve()
        if not candidate.is_relative_to(folder):
            return None, "it points outside the folder of the .qde, which is never read (for safety)"
        if not candidate.is_file():
            return None, "it points to an external file that is not available here"
        return self._local(candidate)

    def _local(self, path: Path) -> tuple[bytes | None, str]:
        size = path.stat().st_size
        if size > MAX_TEXT_BYTES:
            return None, f"its file was not read: it is larger than {MAX_TEXT_BYTES >> 20} MB"
        why = self._count(size)
        if why:
            return None, f"its file was not read: {why}"
        try:
            return path.read_bytes(), ""
        except OSError:
            return None, "its file cannot be read"


def open_qde(zf: zipfile.ZipFile, label: str) -> tuple[zipfile.ZipInfo, bytes, list[zipfile.ZipInfo]]:
    """The project XML of an archive (``project.qde`` first, else any ``*.qde``) and the others found."""
    qde = [i for i in zf.infolist() if not i.is_dir() and i.filename.lower().endswith(".qde")]
    if not qde:
        raise RefiError(f"{label} holds no project (.qde) file.")
    qde.sort(key=lambda i: (i.filename.lower() != "project.qde", i.filename.count("/"), i.filename))
    why = member_refusal(qde[0], MAX_QDE_BYTES)
    if why:
        raise RefiError(f"{label}: its project file was not read: {why}.")
    try:
        return qde[0], zf.read(qde[0]), qde[1:]
    except (zipfile.BadZipFile, OSError, RuntimeError, EOFError, ValueError):
        raise RefiError(f"{label} is damaged (its project file cannot be read).") from None
