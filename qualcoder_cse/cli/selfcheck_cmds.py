"""``qualcoder-cse selfcheck``: prove that this installation (source or built app) works end to end."""

from __future__ import annotations

import argparse
import sys


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "selfcheck",
        help="in a temporary folder: create a project, import and anonymise a bundled sample, code, export",
        description="Creates an encrypted project in a temporary folder, imports and anonymises the bundled "
        "synthetic sample, checks no invented identifier survives, codes, searches, exports and reopens it; "
        "prints one line per step, then OK (exit 0) or what failed (exit 1). The folder is deleted afterwards.",
    )
    p.add_argument("--quiet", action="store_true", help="print only the final OK or the failed step")
    p.set_defaults(func=cmd_selfcheck)


def cmd_selfcheck(args: argparse.Namespace) -> int:
    from ..selfcheck import run_selfcheck

    lines: list[str] = []

    def report(line: str) -> None:
        lines.append(line)
        if not args.quiet or line.startswith("FAILED"):
            print(line, flush=True)

    if run_selfcheck(report):
        print("OK")
        return 0
    print("selfcheck failed: " + next((ln for ln in lines if ln.startswith("FAILED")), "unknown step"),
          file=sys.stderr)
    return 1
