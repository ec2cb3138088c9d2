"""Opening and creating the encrypted SQLite (SQLCipher 4) connection, and telling apart why an open fails.

A SQLCipher file is indistinguishable from random bytes without the key, so the checks run in order of what
can be known: missing or empty file, an unencrypted SQLite file, a size that is not a whole number of pages
(truncated), then the key itself; after the key: our ``application_id``, the schema version, and whether the
file's pages are all there.
"""

from __future__ import annotations

import os
import stat
from pathlib import Path

import sqlcipher3.dbapi2 as sqlcipher

from .errors import CorruptProject, NotAProject, WrongPassphrase
from .pagecheck import passphrase_fits

APPLICATION_ID = 0x51435345  # "QCSE"
PAGE_SIZE = 4096
SQLITE_MAGIC = b"SQLite format 3\x00"

DatabaseError = sqlcipher.DatabaseError
IntegrityError = sqlcipher.IntegrityError
OperationalError = sqlcipher.OperationalError


def _quote(passphrase: str) -> str:
    return "'" + passphrase.replace("'", "''") + "'"


def raw_connect(path: Path, passphrase: str, mode: str = "rw"):
    """A connection with the key set and SQLCipher's stderr log silenced. Nothing is read yet.

    ``mode`` "ro" opens the file read-only; "immutable" also tells SQLite that nobody can change it (a project
    in a folder we cannot write, with no -wal: SQLite could not create its -shm to read it otherwise)."""
    if mode == "rw":
        conn = sqlcipher.connect(str(path), isolation_level=None, check_same_thread=False)
    else:
        query = "mode=ro" + ("&immutable=1" if mode == "immutable" else "")
        uri = f"{Path(path).resolve().as_uri()}?{query}"
        conn = sqlcipher.connect(uri, uri=True, isolation_level=None, check_same_thread=False)
    conn.execute("PRAGMA cipher_log_level = NONE")
    conn.execute(f"PRAGMA key = {_quote(passphrase)}")
    return conn


# Files users pick by mistake. A project starts with a random salt, so these are only trusted for a file
# whose size is not whole pages (a real project, even one whose salt happened to match, always is).
_OTHER_FORMATS = (
    (b"PK\x03\x04", "a ZIP archive (such as a .qdpx, .docx or .xlsx file)"),
    (b"%PDF", "a PDF document"),
    (b"{\\rtf", "an RTF document"),
    (b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1", "an old Office document (or an encrypted workbook)"),
)


def _is_text(head: bytes) -> bool:
    """Whether the first bytes read as UTF-8 text (a configuration file, a transcript, /etc/passwd). A project
    starts with 16 random salt bytes and then encrypted data: never all printable UTF-8."""
    try:
        text = head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut at the end of what was read
            return False
        text = head[:exc.start].decode("utf-8")
    return len(head) >= 16 and all(c.isprintable() or c in "\t\r\n\f" for c in text)


def other_file_kind(path: Path) -> str | None:
    """What a file that is plainly not a project is ("a text file", "a PDF document"...), None when it could
    be one. Needs no key; never opens a FIFO or a device (opening one could block)."""
    st = path.stat()
    if not stat.S_ISREG(st.st_mode):
        return "not a regular file (a pipe, a device or a socket)"
    if st.st_size == 0:
        return "empty"
    with open(path, "rb") as fh:
        head = fh.read(PAGE_SIZE)
    if head.startswith(SQLITE_MAGIC):
        return "an unencrypted SQLite database"
    if st.st_size < PAGE_SIZE or st.st_size % PAGE_SIZE:
        # a project's size is always whole pages; only then are magic numbers and text trusted
        kind = next((name for magic, name in _OTHER_FORMATS if head.startswith(magic)), None)
        if kind is None and _is_text(head):
            kind = "a text file"
        return kind
    return None


def precheck_file(path: Path) -> None:
    """Checks that need no key. Raises NotAProject or CorruptProject."""
    if not path.exists():
        raise NotAProject(f"No such project file: {path}")
    if path.is_dir():
        raise NotAProject(f"{path} is a folder, not a project file.")
    shown = path.name
    if path.is_symlink():
        shown = f"{path.name} (a link to {path.resolve()})"
    kind = other_file_kind(path)
    if kind is not None:  # a wrong file picked, not a damaged project: do not send the user to backups
        raise NotAProject(f"{shown} is {kind}: it is not a QualCoder-CSE project.")
    size = path.stat().st_size
    if size < PAGE_SIZE or size % PAGE_SIZE:
        raise CorruptProject(
            f"{path.name} is damaged or truncated ({size:,} bytes is not a whole number of pages). "
            "Restore it from a backup."
        )


def open_connection(path: Path, passphrase: str, mode: str = "rw"):
    """Open an existing project file, verify the key, and return the connection.

    Raises WrongPassphrase, NotAProject or CorruptProject; never writes to the file.
    """
    precheck_file(path)
    conn = raw_connect(path, passphrase, mode)
    try:
        conn.execute("SELECT count(*) FROM sqlite_master").fetchone()
    except DatabaseError as exc:
        conn.close()
        if "not a database" in str(exc) or "encrypted" in str(exc):
            if passphrase_fits(path, passphrase):  # other pages verify with this key: page 1 is damaged
                raise CorruptProject(
                    f"{path.name} is damaged: its first page fails its integrity check (the passphrase is "
                    "right: other pages decrypt with it). Restore it from a backup."
                ) from None
            raise WrongPassphrase(
                f"Wrong passphrase for {path.name} (or the file is not a QualCoder-CSE project, or its first "
                "16 bytes are damaged: these cannot be told apart)."
            ) from None
        raise CorruptProject(f"{path.name} is damaged and cannot be read. Restore it from a backup.") from None
    try:
        app_id = conn.execute("PRAGMA application_id").fetchone()[0]
        if app_id != APPLICATION_ID:
            conn.close()
            raise NotAProject(f"{path.name} is an encrypted database, but not a QualCoder-CSE project.")
        # Every page must be present: the header's page count against the file (pages committed but not
        # yet checkpointed live in the -wal file after a crash, so allow for it).
        page_size = int(conn.execute("PRAGMA page_size").fetchone()[0])
        pages = int(conn.execute("PRAGMA page_count").fetchone()[0])
        wal = path.with_name(path.name + "-wal")
        wal_size = wal.stat().st_size if wal.exists() else 0
        if pages * page_size > path.stat().st_size + wal_size:
            conn.close()
            raise CorruptProject(f"{path.name} is truncated. Restore it from a backup.")
    except DatabaseError:
        conn.close()
        raise CorruptProject(f"{path.name} is damaged and cannot be read. Restore it from a backup.") from None
    return conn


def damaged_pages(conn) -> list[str]:
    """SQLCipher's check of every page's HMAC (about 0.35 s for the 66 MB large study); empty when intact."""
    return [str(r[0]) for r in conn.execute("PRAGMA cipher_integrity_check").fetchall()]


_SQLITE_CORRUPT, _SQLITE_NOTADB = 11, 26


def is_damage(exc: BaseException) -> bool:
    """Whether a database error means the file's content is damaged (a page failed to decrypt or parse).

    SQLite's own code says so (SQLITE_CORRUPT, SQLITE_NOTADB: also "vtable constructor failed" when a page
    of the full-text index is damaged), and so does a bare ``DatabaseError``: the driver raises its
    subclasses (OperationalError, IntegrityError...) for every other failure."""
    if not isinstance(exc, DatabaseError):
        return False
    if ((getattr(exc, "sqlite_errorcode", None) or 0) & 0xFF) in (_SQLITE_CORRUPT, _SQLITE_NOTADB):
        return True
    if type(exc) is DatabaseError:
        return True
    text = str(exc).lower()
    return any(k in text for k in ("malformed", "not a database", "disk i/o", "corrupt"))


def tune(conn) -> None:
    """Per-connection settings for speed and integrity (see DESIGN.md performance notes)."""
    conn.execute("PRAGMA foreign_keys = ON")
    conn.execute("PRAGMA cache_size = -131072")  # 128 MiB of decrypted pages
    conn.execute("PRAGMA temp_store = MEMORY")  # temp b-trees never touch disk in clear
    conn.execute("PRAGMA busy_timeout = 3000")


def enable_wal(conn) -> None:
    conn.execute("PRAGMA journal_mode = WAL")
    conn.execute("PRAGMA synchronous = NORMAL")


def fsync_dir(path: Path) -> None:
    if os.name == "nt":
        return
    fd = os.open(str(path), os.O_RDONLY)
    try:
        os.fsync(fd)
    finally:
        os.close(fd)
