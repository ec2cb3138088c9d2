"""Analysis export commands: ``export`` (the Excel workbook, optionally encrypted, plus CSV files and a Word
briefing on request). See docs/analysis.md.

    qualcoder-cse export PROJECT OUT.xlsx [--coder NAME]... [--group-by ATTRIBUTE] [--encrypt]
        [--password-file FILE] [--doc DOC]... [--kind KIND]... [--code PATH]... [--attr NAME=VALUE]...
        [--units character|sentence|turn] [--csv DIR] [--briefing OUT.docx] [--exemplars N] [--json]

The workbook password (``--encrypt``) comes from QUALCODER_CSE_EXPORT_PASSWORD, ``--password-file`` or a
prompt (asked twice), never from an argument. Every file written is recorded in the project's audit trail (what,
where, encrypted or not); each file written without encryption is announced by a line on stderr (``--clear-ok``
silences it; the window asks before writing one).
"""

from __future__ import annotations

import argparse
from pathlib import Path

from .common import CliError, add_project, new_secret, print_json
from .export_notes import add_clear_ok, open_for_export, record, warn_clear

EXPORT_PASS_ENV = "QUALCODER_CSE_EXPORT_PASSWORD"


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "export",
        help="the analysis workbook (.xlsx), optionally encrypted; CSV and a briefing",
        description="Write the analysis workbook: README, Code x Case, Code x Document, "
        "Framework Matrix, Co-occurrence, By Group, Evidence Gaps, Agreement, Links, Memos, "
        "Codings.",
    )
    add_project(p)
    p.add_argument("out", metavar="OUT.xlsx", help="the workbook to write")
    p.add_argument(
        "--coder",
        action="append",
        default=[],
        metavar="NAME",
        help="only this coder's codings (repeat for several)",
    )
    p.add_argument(
        "--group-by",
        metavar="ATTRIBUTE",
        help="case or document attribute to compare groups by, or 'kind' (default: a case "
        "attribute called 'participant group', else the document kind)",
    )
    p.add_argument(
        "--encrypt",
        action="store_true",
        help=f"password-protect the workbook (password from ${EXPORT_PASS_ENV}, --password-file or a prompt)",
    )
    p.add_argument("--password-file", metavar="FILE", help="read the workbook password from FILE")
    p.add_argument(
        "--doc", action="append", default=[], metavar="DOC", help="only this document (repeatable)"
    )
    p.add_argument(
        "--kind", action="append", default=[], metavar="KIND", help="only documents of this kind (repeatable)"
    )
    p.add_argument(
        "--code",
        action="append",
        default=[],
        metavar="PATH",
        help="only this code and its subtree (repeatable)",
    )
    p.add_argument(
        "--attr",
        action="append",
        default=[],
        metavar="NAME=VALUE",
        help="only cases (case attribute) or documents (document attribute) with this value; "
        "repeat for several values",
    )
    p.add_argument(
        "--units",
        choices=["character", "sentence", "turn"],
        default="character",
        help="agreement units (default: character, as NVivo)",
    )
    p.add_argument("--csv", metavar="DIR", help="also write one CSV file per matrix into DIR (not encrypted)")
    p.add_argument(
        "--briefing",
        metavar="OUT.docx",
        help="also write a Word briefing: per theme, counts by group and exemplar quotes",
    )
    p.add_argument("--exemplars", type=int, default=3, metavar="N", help="quotes per theme in the briefing")
    p.add_argument("--json", action="store_true", help="print what was written as JSON")
    add_clear_ok(p)
    p.set_defaults(func=cmd_export)


def _options(args: argparse.Namespace):
    from ..analysis import Filters
    from ..exporters.excel import ExportOptions

    attrs: dict[str, list[str]] = {}
    for item in args.attr:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--attr takes NAME=VALUE, not '{item}'.")
        attrs.setdefault(name.strip(), []).append(value.strip())
    filters = Filters(
        documents=list(args.doc),
        kinds=list(args.kind),
        coders=list(args.coder),
        codes=list(args.code),
        attributes=attrs,
    )
    return ExportOptions(filters=filters, group_by=args.group_by, agreement_unit=args.units)


def cmd_export(args: argparse.Namespace) -> int:
    from ..exporters.briefing import export_briefing
    from ..exporters.csv_export import export_csv
    from ..exporters.excel import export_workbook

    out = Path(args.out)
    if out.suffix.lower() != ".xlsx":
        raise CliError("The workbook name must end in .xlsx.")
    if args.exemplars < 0:
        raise CliError("--exemplars must be 0 or more.")
    options = _options(args)
    if args.encrypt:
        options.password = new_secret(
            args.password_file, EXPORT_PASS_ENV, "Workbook password: ", what="workbook password"
        )
    elif args.password_file:
        raise CliError("--password-file is for --encrypt.")
    written = []
    with open_for_export(args) as project:
        report = export_workbook(project, out, options, audit=False)
        written.append(str(report.path))
        record(project, "workbook", report.path, report.encrypted)
        if not report.encrypted:
            warn_clear(args, "The workbook", out)
        if args.briefing:
            written.append(str(export_briefing(project, args.briefing, options, exemplars=args.exemplars)))
            record(project, "briefing", written[-1], False)
            warn_clear(args, "The Word briefing", args.briefing)
        if args.csv:
            files = [str(p) for p in export_csv(project, args.csv, options)]
            written += files
            for f in files:
                record(project, "CSV", f, False)
            warn_clear(args, "The CSV files", f"in {args.csv}")
    if args.json:
        print_json(
            {
                "workbook": str(report.path),
                "sheets": report.sheets,
                "codings": report.codings,
                "encrypted": report.encrypted,
                "files": written,
            }
        )
    else:
        state = "encrypted" if report.encrypted else "not encrypted"
        print(f"wrote {report.path} ({len(report.sheets)} sheets, {report.codings} codings, {state})")
        for path in written[1:]:
            print(f"wrote {path}")
        if args.csv:
            print("note: CSV files are not encrypted; keep them on an encrypted drive.")
    return 0
