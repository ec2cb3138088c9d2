"""CLI commands for the window: ``gui`` (open the window, optionally save a screenshot) and ``demo``."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from .common import PASS_ENV


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("gui", help="open the window (start screen, or PROJECT)")
    p.add_argument("project", nargs="?", metavar="PROJECT",
                   help=f"project to open (passphrase from ${PASS_ENV}, else a dialog asks)")
    p.add_argument("--demo", action="store_true",
                   help="open the demo project (built in your user data folder if missing)")
    p.add_argument("--coder", help="your coder name (default: the last one used)")
    p.add_argument("--screenshot", metavar="PNG",
                   help="save the window, fully painted with the first document open, to PNG and exit")
    p.set_defaults(func=cmd_gui)

    p = sub.add_parser("demo", help="write the demo project (synthetic anonymised transcripts, codings by two coders)")
    p.add_argument("path", metavar="PATH", help="the project file to create (.qcse)")
    p.set_defaults(func=cmd_demo)


def cmd_gui(args: argparse.Namespace) -> int:
    from ..app import run

    return run(args.project, screenshot=args.screenshot, demo=args.demo and not args.project, coder=args.coder)


def cmd_demo(args: argparse.Namespace) -> int:
    from ..demo import DEMO_PASSPHRASE, build_demo

    passphrase = os.environ.get(PASS_ENV) or DEMO_PASSPHRASE
    summary = build_demo(Path(args.path), passphrase)
    print(f"wrote {args.path}: {summary['documents']} documents, {summary['codings']} codings by "
          f"{', '.join(summary['coders'])}, {summary['cases']} cases")
    if passphrase == DEMO_PASSPHRASE:
        print(f"passphrase: {passphrase}")  # the documented demo passphrase, not a secret
    else:  # a passphrase of the user's is never printed
        print(f"encrypted with the passphrase in ${PASS_ENV}", file=sys.stderr)
    return 0
