"""CLI ``seal`` and the re-identification key: where commands that make placeholders find the key, and the
plain notes they print about it (a new key written, a new series after sealing)."""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from ..core.idkey import KEY_ENV
from .common import CliError, add_project, open_project

if TYPE_CHECKING:
    from ..core.project import Project

_EPILOG = f"""\
Placeholders ("[Person 3]") are kept consistent across documents by a keyed hash. Its key is the
re-identification key: with it and the project, anyone could confirm a guessed name. So it is never stored
in the project: the first anonymised import writes it to a key file, PROJECT.idkey beside the project
unless --key-file or ${KEY_ENV} names another place. Keep it apart from copies you give to coders.

seal destroys the key file (overwritten, then deleted), discards the optional originals mapping and makes
the stored hashes unusable. What is stored keeps its placeholders. A later import starts a NEW placeholder
series: a person already in the project gets a new placeholder there. Asks for confirmation unless --yes.
"""


def add_key_file(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--key-file", metavar="FILE",
                        help=f"the re-identification key (default: ${KEY_ENV}, else PROJECT.idkey beside the "
                        "project; written at the first anonymised import)")


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("seal", help="destroy the re-identification key when import is done",
                       description="Destroy the re-identification key of a project.", epilog=_EPILOG,
                       formatter_class=argparse.RawDescriptionHelpFormatter)
    add_project(p)
    add_key_file(p)
    p.add_argument("--yes", action="store_true", help="do not ask for confirmation (for scripts)")
    p.set_defaults(func=cmd_seal)


def use_key_file(project: Project, args: argparse.Namespace) -> None:
    """Point the project at the key file the command was given, and say plainly if a new series starts."""
    project.pseudonyms.key_file = getattr(args, "key_file", None)
    status = project.pseudonyms.status()
    if status.sealed_at and not status.present and status.series and not project.meta("pseudonym_key_id"):
        print(f"qualcoder-cse: note: this project was sealed on {status.sealed_at[:16]}; names in these files "
              "start a new placeholder series (a person already in the project gets a new placeholder).",
              file=sys.stderr)
    project.pseudonyms.ensure_key()


def report_new_key(project: Project) -> None:
    if project.pseudonyms.created_key is not None:
        print(f"qualcoder-cse: re-identification key written to {project.pseudonyms.created_key}: keep it "
              "apart from the project (coders need only the project); 'qualcoder-cse seal' destroys it when "
              "import is done.", file=sys.stderr)


def cmd_seal(args: argparse.Namespace) -> int:
    if not args.yes:
        if not sys.stdin or not sys.stdin.isatty():
            raise CliError("seal destroys the re-identification key for good; add --yes to confirm.")
        answer = input("This destroys the re-identification key for good: nobody will be able to tell who a "
                       "placeholder was, and later imports start a new series. Type SEAL to go on: ")
        if answer.strip() != "SEAL":
            print("Not sealed.")
            return 2
    with open_project(args) as project:
        project.pseudonyms.key_file = args.key_file
        result = project.pseudonyms.seal()
    if result.key_destroyed:
        print(f"sealed: key {result.key_file} destroyed; {result.pseudonyms} placeholders stay as they are")
    else:
        print(f"sealed: no key file of this project at {result.key_file} (nothing to destroy); "
              f"{result.pseudonyms} placeholders stay as they are")
    if result.originals_discarded:
        print(f"{result.originals_discarded} kept originals discarded")
    if result.paused_reviews_discarded:
        print(f"{result.paused_reviews_discarded} paused reviews discarded (they held original text)")
    if result.accepted_names_discarded:
        print(f"{result.accepted_names_discarded} remembered names discarded from the review's memory")
    for backup in result.backups_with_old_key:
        print(f"qualcoder-cse: warning: {backup} (a migration backup) may still hold the old key; delete it once "
              "you no longer need it.", file=sys.stderr)
    return 0
