"""CLI commands for cases, attributes, speakers and auto-coding: autocode, cases, attributes, speakers."""

from __future__ import annotations

import argparse
from typing import TYPE_CHECKING

from ..core.autocode import SCOPES
from ..core.codes import join_path, split_path
from ..core.errors import NotFound
from .common import CliError, add_project, open_project, print_json, tsv_row

if TYPE_CHECKING:
    from ..core.project import Project


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("autocode", help="code every regex hit or every turn of a speaker; prints how many codings")
    add_project(p)
    p.add_argument("--code", required=True, metavar="PATH", help="code path, parts joined by /")
    p.add_argument("--pattern", metavar="REGEX", help="a Python regular expression, case-insensitive")
    p.add_argument("--speaker", metavar="LABEL", action="append",
                   help="a speaker label; repeat for a group of speakers (with --pattern: hits in their turns)")
    p.add_argument("--group", metavar="ATTRIBUTE=VALUE",
                   help='the turns of every case with this attribute value, e.g. "Participant group=Young person" '
                        "(speakers must be mapped to cases)")
    p.add_argument("--scope", choices=SCOPES, default="hit",
                   help="code the hit, or the sentence, paragraph (line) or speaker turn around it (default hit)")
    p.add_argument("--doc", action="append", metavar="DOC", help="only this document (id or name); repeatable")
    p.add_argument("--coder", help="coder name (default: researcher)")
    p.add_argument("--create", action="store_true", help="create the code path if it does not exist")
    p.add_argument("--dry-run", action="store_true", help="count the segments, code nothing")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_autocode)

    p = sub.add_parser("cases", help="cases with their attribute values and how many documents and turns they cover")
    add_project(p)
    p.add_argument("--add", metavar="NAME", action="append", help="add a case (repeatable)")
    p.add_argument("--presets", action="store_true",
                   help="add the research attributes (participant group, police force, policing model, role, "
                        "area type)")
    p.add_argument("--set", metavar="CASE:ATTRIBUTE=VALUE", action="append", help="set a case attribute value")
    p.add_argument("--pseudonymise-forces", choices=["on", "off"],
                   help="show police forces as Force A, B, ... in every view and export")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_cases)

    p = sub.add_parser("attributes", help="list attributes, or import case attributes from a CSV/XLSX sheet")
    add_project(p)
    p.add_argument("--import", dest="import_file", metavar="FILE", help="CSV or XLSX, one row per case")
    p.add_argument("--case-column", metavar="NAME", help="the column holding case names (default: guessed)")
    p.add_argument("--create-missing", action="store_true", help="create cases for rows that match none")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_attributes)

    p = sub.add_parser("speakers", help="speakers found in transcripts, and map them to cases")
    add_project(p)
    p.add_argument("--doc", metavar="DOC", help="only this document (id or name)")
    p.add_argument("--map", metavar="SPEAKER=CASE", action="append",
                   help="give every turn of SPEAKER to CASE (created if new), in every document unless --doc "
                        "is given; CASE empty to unmap")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_speakers)


def cmd_autocode(args: argparse.Namespace) -> int:
    if not args.pattern and not args.speaker and not args.group:
        raise CliError("Give --pattern REGEX, --speaker LABEL or --group ATTRIBUTE=VALUE (or a combination).")
    with open_project(args) as project:
        code_path = _checked_code_path(project, args)
        doc_ids = [project.documents.find(d).id for d in args.doc] if args.doc else None
        case_ids = None
        if args.group:
            attribute, sep, value = args.group.partition("=")
            if not sep or not attribute.strip():
                raise CliError(f"--group takes ATTRIBUTE=VALUE, not '{args.group}'.")
            case_ids = project.autocode.case_ids_where(attribute.strip(), value)
        segments = project.autocode.segments(
            pattern=args.pattern, speaker=args.speaker, scope=args.scope, document_ids=doc_ids, case_ids=case_ids,
        )
        made = []
        if not args.dry_run:  # the code is made only now, so a bad pattern or group leaves no stray code behind
            code = project.codes.by_path(args.code, create=args.create)
            made = project.autocode.apply(code.id, segments, coder=args.coder)
    if args.json:
        print_json({"code": code_path, "scope": args.scope, "segments": len(segments), "codings": len(made),
                    "documents": len({s[0] for s in segments})})
    elif args.dry_run:
        print(f"would code {len(segments)} segments in {len({s[0] for s in segments})} documents")
    else:
        skipped = len(segments) - len(made)
        extra = f" ({skipped} already coded)" if skipped else ""
        print(f"made {len(made)} coding{'' if len(made) == 1 else 's'}{extra}")
    return 0


def _checked_code_path(project: Project, args: argparse.Namespace) -> str:
    """The code's path; a missing one is an error unless --create (a dry run creates nothing)."""
    parts = split_path(args.code)
    if not parts:
        raise CliError("An empty code path.")
    try:
        return project.codes.by_path(args.code).path
    except NotFound:
        if not args.create:
            raise
    return join_path(parts)


def _split_setting(text: str) -> tuple[str, str, str]:
    case, sep, rest = text.partition(":")
    attr, sep2, value = rest.partition("=")
    if not sep or not sep2 or not case.strip() or not attr.strip():
        raise CliError(f"--set takes CASE:ATTRIBUTE=VALUE, not '{text}'.")
    return case.strip(), attr.strip(), value


def cmd_cases(args: argparse.Namespace) -> int:
    writing = bool(args.add or args.presets or args.set or args.pseudonymise_forces)
    with open_project(args, readonly=not writing) as project:
        if writing:
            with project.transaction():
                if args.presets:
                    project.presets.add_research()
                if args.pseudonymise_forces:
                    project.presets.set_forces_pseudonymised(args.pseudonymise_forces == "on")
                for name in args.add or []:
                    project.cases.get_or_create(name)
                for setting in args.set or []:
                    case_name, attr_name, value = _split_setting(setting)
                    case = project.cases.by_name(case_name)
                    if case is None:
                        raise CliError(f"No case called '{case_name}'.", 9)
                    attr = project.attributes.by_name(attr_name, "case")
                    if attr is None:
                        raise CliError(f"No case attribute called '{attr_name}'.", 9)
                    project.attributes.set_value(attr.id, case.id, project.presets.stored_value(attr, value))
        attrs = project.attributes.list("case")
        table = project.attributes.table("case")
        mapping, shown = project.presets.force_pseudonyms(), project.presets.display_value
        docs = {c.id: len(project.cases.documents_of(c.id)) for c in project.cases.list()}
        turn_counts = _turn_counts(project)
        rows = []
        for c in project.cases.list():
            values = table.get(c.id, {})
            rows.append({
                "id": c.id, "name": c.name, "documents": docs.get(c.id, 0), "turns": turn_counts.get(c.id, 0),
                "attributes": {a.name: shown(a, values.get(a.id, ""), mapping) for a in attrs
                               if values.get(a.id)},
            })
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            attrs_text = "; ".join(f"{k}={v}" for k, v in r["attributes"].items())
            print(tsv_row(r["id"], r["name"], f"{r['documents']} documents", f"{r['turns']} turns", attrs_text))
    return 0


def _turn_counts(project: Project) -> dict[int, int]:
    counts: dict[int, int] = {}
    for doc in project.documents.list():
        for t in project.turns.list(doc.id):
            if t.case_id is not None:
                counts[t.case_id] = counts.get(t.case_id, 0) + 1
    return counts


def cmd_attributes(args: argparse.Namespace) -> int:
    if args.import_file:
        from ..workflows.case_attributes import import_case_attributes

        with open_project(args) as project:
            report = import_case_attributes(
                project, args.import_file, case_column=args.case_column, create_missing=args.create_missing
            )
        if args.json:
            print_json({
                "rows": report.rows, "matched": report.matched, "created_cases": report.created_cases,
                "unmatched": [{"row": r, "case": n} for r, n in report.unmatched],
                "invalid": [{"row": r, "column": c, "reason": m} for r, c, m in report.invalid],
                "new_attributes": report.new_attributes, "values_set": report.values_set,
            })
        else:
            print(report.summary())
        return 0
    with open_project(args, readonly=True) as project:
        rows = [{"id": a.id, "name": a.name, "scope": a.scope, "type": a.type, "choices": list(a.choices)}
                for a in project.attributes.list()]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            choices = ", ".join(r["choices"])
            print(tsv_row(r["scope"], r["name"], r["type"], choices))
    return 0


def cmd_speakers(args: argparse.Namespace) -> int:
    with open_project(args, readonly=not args.map) as project:
        doc_id = project.documents.find(args.doc).id if args.doc else None
        if args.map:
            with project.transaction():
                for item in args.map:
                    speaker, sep, case_name = item.partition("=")
                    if not sep or not speaker.strip():
                        raise CliError(f"--map takes SPEAKER=CASE, not '{item}'.")
                    known = {s for s, _n, _c in project.turns.speakers(doc_id)}
                    if speaker.strip() not in known:
                        raise CliError(f"No speaker '{speaker.strip()}' in the transcripts.", 9)
                    case_id = project.cases.get_or_create(case_name.strip()).id if case_name.strip() else None
                    project.turns.map_speaker(doc_id, speaker.strip(), case_id)
        names = {c.id: c.name for c in project.cases.list()}
        rows = [{"speaker": s, "turns": n, "case": names.get(c) if c is not None else None}
                for s, n, c in project.turns.speakers(doc_id)]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(tsv_row(r["speaker"], f"{r['turns']} turns", r["case"] or "-"))
    return 0
