"""The re-identification key: the HMAC secret that keeps placeholders consistent, held apart from the project.

Anyone holding the secret and the project can confirm a guessed name ("is [Person 3] Jodie Smith?": hash the
guess, look it up). So the secret never goes into the project file: it lives in a small key file, by default
beside the project (``NAME.qcse.idkey``, owner-only), or wherever ``QUALCODER_CSE_KEY_FILE`` / ``--key-file``
says. The lead researcher keeps it; coders get only the ``.qcse`` file. When import is done, *sealing*
destroys the key file; what is stored keeps its placeholders, and a later import starts a new series.

The file is JSON: ``{"format": "qualcoder-cse-idkey", "version": 1, "key_id", "project", "secret"}`` where
``key_id`` is a random id also recorded in the project (so a key is never used with the wrong project or
series) and ``project`` is the project's creation time (to adopt a key written by an import that was rolled
back).
"""

from __future__ import annotations

import contextlib
import json
import os
import secrets
from dataclasses import dataclass
from pathlib import Path

from .errors import ProjectError
from .presets import force_order

KEY_ENV = "QUALCODER_CSE_KEY_FILE"
SUFFIX = ".idkey"
_FORMAT = "qualcoder-cse-idkey"


class KeyUnavailable(ProjectError):
    """The re-identification key is missing, unreadable or belongs to another project or series."""

    exit_code = 17


@dataclass(frozen=True)
class IdKey:
    key_id: str
    project: str
    secret: bytes
    path: Path


def default_path(project_path: Path) -> Path:
    return project_path.with_name(project_path.name + SUFFIX)


def chosen_path(project_path: Path, override: str | os.PathLike | None = None) -> Path:
    """Where the key of this project is looked for: an explicit path, else the environment, else beside it."""
    if override:
        return Path(override)
    env = os.environ.get(KEY_ENV)
    return Path(env) if env else default_path(project_path)


def read(path: Path) -> IdKey | None:
    """The key in ``path``; None when there is no such file. Refuses a symlink or a malformed file."""
    try:
        fd = os.open(path, os.O_RDONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return None
    except OSError as exc:
        raise KeyUnavailable(f"Cannot read the re-identification key {path}: "
                             f"{exc.strerror or 'not a plain file'}.") from None
    try:
        with os.fdopen(fd, "rb") as fh:
            raw = fh.read(4096)
        data = json.loads(raw.decode("utf-8"))
        if data.get("format") != _FORMAT:
            raise ValueError
        return IdKey(str(data["key_id"]), str(data.get("project", "")), bytes.fromhex(data["secret"]), path)
    except (ValueError, KeyError, TypeError, UnicodeDecodeError, AttributeError):
        raise KeyUnavailable(f"{path} is not a QualCoder-CSE re-identification key.") from None


def create(path: Path, project_stamp: str, secret: bytes | None = None) -> IdKey:
    """Write a new key file (owner-only, never over an existing file or through a symlink)."""
    key = IdKey(secrets.token_hex(8), project_stamp, secret or secrets.token_bytes(32), path)
    body = json.dumps({"format": _FORMAT, "version": 1, "key_id": key.key_id, "project": key.project,
                       "secret": key.secret.hex()}).encode()
    flags = os.O_WRONLY | os.O_CREAT | os.O_EXCL | getattr(os, "O_NOFOLLOW", 0)
    try:
        fd = os.open(path, flags, 0o600)
    except FileExistsError:
        raise KeyUnavailable(f"{path} already exists; it is not this project's key. Move it away or give "
                             "another key file.") from None
    except OSError as exc:
        raise KeyUnavailable(f"Cannot write the re-identification key {path}: {exc.strerror}.") from None
    try:
        os.write(fd, body)
        os.fsync(fd)
    finally:
        os.close(fd)
    return key


def destroy(path: Path) -> bool:
    """Overwrite the key file with random bytes, then delete it; False when there was none."""
    try:
        fd = os.open(path, os.O_WRONLY | getattr(os, "O_NOFOLLOW", 0))
    except FileNotFoundError:
        return False
    except OSError as exc:
        raise KeyUnavailable(f"Cannot destroy the re-identification key {path}: {exc.strerror}.") from None
    try:
        size = os.fstat(fd).st_size
        os.write(fd, secrets.token_bytes(max(size, 256)))
        os.fsync(fd)
    finally:
        os.close(fd)
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)
    return True


def move_out_of_project(conn) -> None:
    """Migration step: a project made before the key was kept apart holds its secret in ``meta``. Write it
    to the key file beside the project (placeholders stay consistent), remember the force order it gave,
    and delete it from the project. A project without any placeholder yet simply drops it."""
    row = conn.execute("SELECT value FROM meta WHERE key = 'pseudonym_secret'").fetchone()
    if not row:
        return
    secret_hex = row[0]
    meta = dict(conn.execute("SELECT key, value FROM meta").fetchall())
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('force_order', ?)",
                 (json.dumps(force_order(secret_hex.encode("utf-8"))),))
    conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('force_order_secret', ?)",
                 (secrets.token_hex(32),))
    if conn.execute("SELECT count(*) FROM pseudonyms").fetchone()[0]:
        db_file = next(r[2] for r in conn.execute("PRAGMA database_list").fetchall() if r[1] == "main")
        path = chosen_path(Path(db_file))
        secret = bytes.fromhex(secret_hex)
        existing = read(path)
        key = existing if existing is not None and existing.secret == secret else create(
            path, meta.get("created_at", ""), secret)
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('pseudonym_key_id', ?)", (key.key_id,))
        conn.execute("INSERT OR REPLACE INTO meta(key, value) VALUES ('pseudonym_series', '1')")
    conn.execute("DELETE FROM meta WHERE key = 'pseudonym_secret'")
