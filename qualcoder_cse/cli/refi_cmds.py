"""REFI-QDA and merge commands: export-refi, import-refi, import-codebook, merge (see docs/refi.md)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..workflows.file_import import anonymiser_available
from .backup_cmds import backup_before, say_backup, take_before
from .common import (
    PASS_ENV,
    CliError,
    add_passphrase_file,
    add_project,
    get_secret,
    new_secret,
    open_project,
    passphrase,
    print_json,
)
from .export_notes import add_clear_ok, open_for_export, record, warn_clear
from .seal_cmds import add_key_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("export-refi", help="export the project (.qdpx) or its codebook (.qdc) as REFI-QDA")
    add_project(p)
    p.add_argument("out", metavar="OUT", help="OUT.qdpx (whole project) or OUT.qdc (codebook only)")
    p.add_argument("--only-coder", metavar="NAME", help="export only this coder's codings")
    p.add_argument(
        "--positions",
        choices=["code-points", "utf16"],
        default="code-points",
        help="code-points (default: the standard; QualCoder, ATLAS.ti, MAXQDA) or utf16 (for NVivo)",
    )
    p.add_argument(
        "--unique-code-names",
        action="store_true",
        help='write a name used under several parents with its parent, "Barriers (Detection)" (for QualCoder)',
    )
    p.add_argument(
        "--case-codes",
        action="store_true",
        help="also write each case as a code coding its documents, as NVivo does (QualCoder reads case links so)",
    )
    p.add_argument("--json", action="store_true")
    add_clear_ok(p)
    p.set_defaults(func=cmd_export)

    p = sub.add_parser("import-refi", help="create a new project from a REFI-QDA .qdpx, .qde or .qdc file")
    p.add_argument("infile", metavar="IN", help="IN.qdpx, IN.qde or IN.qdc")
    p.add_argument("project", metavar="PROJECT", help="the project file to create (.qcse)")
    p.add_argument(
        "--anonymise",
        choices=["auto", "off"],
        default=None,
        help="auto (default): run the anonymiser, accepting every proposal; off: store the texts as they are "
        "(only for texts already anonymised; said on stderr). Without the anonymiser installed, off must be "
        "given explicitly.",
    )
    p.add_argument("--coder", default="researcher", help="your coder name (default: researcher)")
    p.add_argument("--json", action="store_true", help="print the import report as JSON")
    add_passphrase_file(p)
    add_key_file(p)
    p.set_defaults(func=cmd_import)

    p = sub.add_parser("import-codebook", help="add the codes of a REFI-QDA codebook (.qdc) to PROJECT")
    add_project(p)
    p.add_argument("infile", metavar="IN", help="IN.qdc (or the codebook of IN.qdpx / IN.qde)")
    p.add_argument("--coder", help="your coder name, recorded in the audit trail")
    p.add_argument("--json", action="store_true", help="print the report as JSON")
    p.set_defaults(func=cmd_import_codebook)

    p = sub.add_parser("merge", help="bring another coder's codings, codes and memos into PROJECT")
    add_project(p)
    p.add_argument("other", metavar="OTHER", help="the other coder's project file (opened read-only)")
    p.add_argument(
        "--other-passphrase-file",
        metavar="FILE",
        help=f"read OTHER's passphrase from FILE (else ${PASS_ENV}, else a prompt)",
    )
    p.add_argument("--coder", help="your coder name, recorded in the audit trail")
    p.add_argument(
        "--dry-run", action="store_true", help="only report what would be merged and the conflicts"
    )
    p.add_argument("--json", action="store_true", help="print the merge report as JSON")
    p.set_defaults(func=cmd_merge)


def cmd_export(args: argparse.Namespace) -> int:
    from ..interchange.refi import RefiExportOptions, export_refi

    what = "REFI-QDA codebook" if Path(args.out).suffix.lower() == ".qdc" else "REFI-QDA project"
    with open_for_export(args) as project:
        options = RefiExportOptions(
            coder=args.only_coder,
            positions="utf16" if args.positions == "utf16" else "code points",
            unique_code_names=args.unique_code_names,
            case_codes=args.case_codes,
        )
        result = export_refi(project, Path(args.out), options)
        record(project, what, result.path, encrypted=False)
        warn_clear(args, f"The {what}", args.out)
    if args.json:
        print_json(
            {"path": str(result.path), "counts": result.counts, "notes": result.notes, "warnings": result.warnings}
        )
    else:
        print(f"wrote {result.path} (" + ", ".join(f"{k}: {v}" for k, v in result.counts.items()) + ")")
        for note in result.notes:
            print(f"  not exported: {note}")
        for warning in result.warnings:
            print(f"  warning: {warning}")
    return 0


def cmd_import(args: argparse.Namespace) -> int:
    from ..interchange.refi_import import import_refi

    if not Path(args.infile).is_file():
        raise CliError(f"Cannot read {args.infile}: no such file.")
    anonymise = args.anonymise
    if anonymise is None:
        if not anonymiser_available():
            raise CliError("The anonymiser is not installed: give --anonymise off to store the texts as they "
                           "are (only if they are already anonymised).")
        anonymise = "auto"
    pw = new_secret(getattr(args, "passphrase_file", None), PASS_ENV, "Passphrase for the new project: ")
    report = import_refi(args.infile, Path(args.project), pw, coder=args.coder, anonymise=anonymise,
                         key_file=args.key_file)
    if anonymise == "off":
        print("qualcoder-cse: warning: the texts were stored as they are, NOT anonymised (--anonymise off).",
              file=sys.stderr)
    if report.key_file:
        print(f"qualcoder-cse: re-identification key written to {report.key_file}: keep it apart from the "
              "project; 'qualcoder-cse seal' destroys it when import is done.", file=sys.stderr)
    if args.json:
        print_json(report.as_dict())
    else:
        print("\n".join(report.lines()))
        print(f"created {args.project}")
    return 0


def cmd_import_codebook(args: argparse.Namespace) -> int:
    from ..interchange.refi_import import import_codebook

    with open_project(args) as project:
        saved = take_before(project, "codebook import")
        report = import_codebook(project, Path(args.infile))
    if args.json:
        print_json(report.as_dict())
    else:
        print("\n".join(report.lines()))
    say_backup(saved, "codebook import", json_mode=args.json)
    return 0


def cmd_merge(args: argparse.Namespace) -> int:
    from ..workflows.merge import merge_files

    pw = passphrase(args)
    other_pw = get_secret(args.other_passphrase_file, PASS_ENV, f"Passphrase of {args.other}: ")
    saved = None if args.dry_run else backup_before(args.project, pw, "merge")
    report = merge_files(
        Path(args.project), pw, Path(args.other), other_pw, coder=args.coder, dry_run=args.dry_run
    )
    if args.json:
        print_json(report.as_dict())
    else:
        print("\n".join(report.lines()))
    say_backup(saved, "merge", json_mode=args.json)
    return 0
