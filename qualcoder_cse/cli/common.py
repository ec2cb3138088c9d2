"""Shared CLI plumbing: passphrases (environment, file or prompt; never an argument), opening projects,
printing JSON, and turning errors into one clear line and an exit code."""

from __future__ import annotations

import argparse
import getpass
import json
import os
import re
import sys
from pathlib import Path

from ..core import Project
from ..core import connection as cx
from ..core.errors import CorruptProject, ProjectError
from ..core.passphrase_policy import problem as weak_secret

PASS_ENV = "QUALCODER_CSE_PASSPHRASE"
NEW_PASS_ENV = "QUALCODER_CSE_NEW_PASSPHRASE"


class CliError(Exception):
    """A user-facing CLI failure (bad arguments, unreadable input) with its exit code."""

    def __init__(self, message: str, code: int = 2) -> None:
        super().__init__(message)
        self.code = code


def add_passphrase_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument(
        "--passphrase-file", metavar="FILE",
        help=f"read the project passphrase from FILE (else ${PASS_ENV}, else a prompt)",
    )


def add_project(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("project", metavar="PROJECT", help="the project file (.qcse)")
    add_passphrase_file(parser)


def _read_secret_file(path: str) -> str:
    try:
        # utf-8-sig: a byte order mark (Notepad) must not become part of the passphrase
        with open(path, encoding="utf-8-sig") as fh:
            value = fh.read().rstrip("\r\n")
    except OSError as exc:
        raise CliError(f"Cannot read the passphrase file {path}: {exc.strerror}.") from None
    except UnicodeDecodeError:
        raise CliError(f"The passphrase file {path} is not UTF-8 text; save it as UTF-8.") from None
    if not value:
        raise CliError(f"The passphrase file {path} is empty.")
    return value


def is_text(value: str) -> bool:
    """False for a string holding bytes that were not UTF-8 (Python keeps them as lone surrogates): such a
    value cannot be stored, used as a key or given to SQLite."""
    try:
        value.encode("utf-8")
    except UnicodeEncodeError:
        return False
    return True


def shown_name(name: str | os.PathLike) -> str:
    """A file name for a message, its bytes that are not UTF-8 written as ``\\xff``."""
    return os.fsencode(name).decode("utf-8", "backslashreplace")


def unreadable_name(name: str | os.PathLike) -> str:
    return f"The file name {shown_name(name)} cannot be read as text (it is not UTF-8): rename it."


def get_secret(
    file_arg: str | None, env: str, prompt: str, *, confirm: bool = False, what: str = "passphrase"
) -> str:
    if file_arg:
        return _read_secret_file(file_arg)
    value = os.environ.get(env)
    if value:
        if not is_text(value):
            raise CliError(f"The {what} in ${env} is not valid text (UTF-8); set it again from a UTF-8 "
                           "terminal, or use the file option.")
        return value
    if not sys.stdin or not sys.stdin.isatty():
        raise CliError(f"No {what}: set {env}, use the file option, or run in a terminal to be asked.")
    value = getpass.getpass(prompt)
    if confirm and getpass.getpass("Again: ") != value:
        raise CliError(f"The two {what}s differ.")
    if not value:
        raise CliError(f"An empty {what}.")
    if not is_text(value):
        raise CliError(f"The {what} typed is not valid text (UTF-8); set the terminal to UTF-8.")
    return value


def new_secret(file_arg: str | None, env: str, prompt: str, *, what: str = "passphrase") -> str:
    """A secret being chosen (new project, rekey, workbook password): asked twice at a prompt, and held to
    the one rule the window uses (``core.passphrase_policy``); exit 11 when it is too weak."""
    value = get_secret(file_arg, env, prompt, confirm=True, what=what)
    weak = weak_secret(value, what)
    if weak:
        raise CliError(weak, 11)
    return value


def passphrase(args: argparse.Namespace, *, confirm: bool = False) -> str:
    return get_secret(getattr(args, "passphrase_file", None), PASS_ENV, "Project passphrase: ", confirm=confirm)


def open_project(args: argparse.Namespace, *, readonly: bool = False) -> Project:
    coder = getattr(args, "coder", None)
    return Project.open(Path(args.project), passphrase(args), coder=coder, readonly=readonly)


_TSV_BREAKERS = re.compile(r"[\x00-\x1f\x7f\x85\u2028\u2029]+")


def tsv_row(*fields) -> str:
    """One tab-separated output line: tabs, line breaks and other control characters inside a field become
    one space, so a transcript's tab or a name's line break cannot shift columns or split the line."""
    return "\t".join(_TSV_BREAKERS.sub(" ", str(f)) for f in fields)


def print_json(obj) -> None:
    json.dump(obj, sys.stdout, ensure_ascii=False, indent=None)
    sys.stdout.write("\n")


# The arguments that name a project file (or a backup, or the demo's file): SQLite takes its file name as
# UTF-8, so a name holding other bytes is refused before anything (a lock file, a -wal) is created beside it.
PROJECT_FILE_ARGS = ("project", "other", "backup", "new", "dest", "path")


def _check_project_names(args: argparse.Namespace) -> None:
    for key in PROJECT_FILE_ARGS:
        value = getattr(args, key, None)
        if isinstance(value, str) and not is_text(value):
            raise CliError(unreadable_name(value))


def _damage(exc: BaseException) -> BaseException | None:
    """The database error in ``exc`` or its causes that says the project's file is damaged."""
    seen: set[int] = set()
    cur: BaseException | None = exc
    while cur is not None and id(cur) not in seen:
        seen.add(id(cur))
        if cx.is_damage(cur):
            return cur
        cur = cur.__cause__ or cur.__context__
    return None


def run_command(args: argparse.Namespace) -> int:
    try:
        _check_project_names(args)
        result = args.func(args)
        return int(result or 0)
    except ProjectError as exc:
        print(f"qualcoder-cse: {exc}", file=sys.stderr)
        return exc.exit_code
    except CliError as exc:
        print(f"qualcoder-cse: {exc}", file=sys.stderr)
        return exc.code
    except KeyboardInterrupt:
        print("qualcoder-cse: interrupted; nothing was saved from the interrupted step.", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return 0
    except Exception as exc:  # noqa: BLE001 - an unexpected bug: still no traceback, no transcript text
        if _damage(exc) is not None:  # a read met a damaged page after the project opened (any table)
            print(
                f"qualcoder-cse: {getattr(args, 'project', None) or 'the project'} is damaged: a page failed "
                "its integrity check while reading. Nothing was changed. 'qualcoder-cse backups PROJECT' lists "
                "its backups and 'qualcoder-cse restore BACKUP NEW.qcse' restores one into a new file.",
                file=sys.stderr,
            )
            return CorruptProject.exit_code
        if isinstance(exc, UnicodeEncodeError) and "surrogates" in str(exc):
            print("qualcoder-cse: a file name or a value given to this command is not valid text (UTF-8); "
                  "rename the file or type the value again.", file=sys.stderr)
            return 2
        return _unexpected(exc)


def _unexpected(exc: Exception) -> int:
    print(
        f"qualcoder-cse: unexpected error ({type(exc).__name__}). Nothing was changed by the failed step. "
        "Please report it.",
        file=sys.stderr,
    )
    if os.environ.get("QUALCODER_CSE_DEBUG"):
        raise exc
    return 1
