"""The ``qualcoder-cse`` command line: the window's operations headless, for scripting, batch work and checks.

Each area registers its subcommands from its own module (``register(subparsers)``) listed in
COMMAND_MODULES. Every user-facing failure becomes one line on stderr and a non-zero exit, never a traceback.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .. import __version__
from ..hardening import disable_crash_dumps

COMMAND_MODULES = [
    "core_cmds",
    "gui_cmds",
    "autocode_cmds",
    "import_cmds",
    "refi_cmds",
    "export_cmds",
    "selfcheck_cmds",
    "anonymise_cmds",
    "segments_cmds",
    "seal_cmds",
    "backup_cmds",
    "suggest_cmds",
]


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="qualcoder-cse",
        description="QualCoder-CSE: encrypted, anonymised qualitative coding for policing and CSE research. "
        "With no command, opens the window.",
    )
    parser.add_argument("--version", action="version", version=f"qualcoder-cse {__version__}")
    sub = parser.add_subparsers(dest="command", metavar="COMMAND")
    for name in COMMAND_MODULES:
        importlib.import_module(f"{__name__}.{name}").register(sub)
    return parser


def main(argv: list[str] | None = None) -> int:
    from .common import run_command
    from .safe_output import guarded

    disable_crash_dumps()  # before any project is opened: no core dump may hold decrypted text
    for stream in (sys.stdout, sys.stderr):
        if hasattr(stream, "reconfigure"):
            stream.reconfigure(encoding="utf-8", errors="replace")
    argv = list(sys.argv[1:] if argv is None else argv)
    parser = build_parser()
    if not argv:
        argv = ["gui"] if "gui" in parser._subparsers._group_actions[0].choices else ["--help"]
    with guarded():  # a file name's escape sequences never reach the terminal raw
        args = parser.parse_args(argv)
        if not getattr(args, "func", None):
            parser.print_help()
            return 2
        return run_command(args)


if __name__ == "__main__":
    sys.exit(main())
