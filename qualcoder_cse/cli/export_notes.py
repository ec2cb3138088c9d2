"""What every exporting command shares: a warning on stderr before a clear (unencrypted) file is written
(``--clear-ok`` silences it, for scripts that know), opening the project so the export can be recorded in
its audit trail, and the audit record itself (what, where, encrypted or not; never content)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core import Project
from ..core.errors import ProjectLocked, ReadOnly
from ..exporters.safe_write import audit_export, clear_warning
from .common import passphrase


def add_clear_ok(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--clear-ok", action="store_true",
                        help="do not warn on stderr before writing a file that is not encrypted (for scripts)")


def warn_clear(args: argparse.Namespace, what: str, path: str | Path) -> None:
    if not getattr(args, "clear_ok", False):
        print(f"qualcoder-cse: warning: {clear_warning(what, path)}", file=sys.stderr)


def open_for_export(args: argparse.Namespace) -> Project:
    """Open for writing so the export can be audited; read-only when another process holds the project."""
    path, pw = Path(args.project), passphrase(args)
    try:
        return Project.open(path, pw)
    except (ProjectLocked, ReadOnly):
        return Project.open(path, pw, readonly=True)


def record(project: Project, what: str, path: str | Path, encrypted: bool) -> None:
    if not audit_export(project, what, path, encrypted):
        print(f"qualcoder-cse: note: {project.path.name} is open read-only (open elsewhere, or in a read-only "
              f"folder), so this {what} export could not be recorded in its audit trail.", file=sys.stderr)
