"""CLI ``segments``: the passages coded with one or more codes (combined with and/or/not), filtered by coder,
case, document, kind and attribute value; TSV or JSON."""

from __future__ import annotations

import argparse

from ..core.segments import MODES, SegmentQuery
from .common import CliError, add_project, open_project, print_json, tsv_row


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "segments", help="coded segments of codes: document, start, end, code path, coder, case, text",
        description="Passages coded with the codes given. --mode or (default): coded with any; and: the "
        "codings that overlap a coding of every other code; not: the first code's codings that overlap none "
        "of the others'.",
    )
    add_project(p)
    p.add_argument("--code", action="append", required=True, metavar="PATH",
                   help="code path, parts joined by / (repeat for several codes)")
    p.add_argument("--mode", choices=MODES, default="or", help="how several codes combine (default: or)")
    p.add_argument("--children", action="store_true", help="a code includes the codes below it")
    p.add_argument("--coder", dest="coders", action="append", metavar="NAME",
                   help="only this coder's codings (repeatable)")
    p.add_argument("--case", dest="cases", action="append", metavar="NAME",
                   help="only passages in this case: a document given to it or a turn mapped to it (repeatable)")
    p.add_argument("--doc", dest="docs", action="append", metavar="DOC", help="only this document, id or name")
    p.add_argument("--kind", dest="kinds", action="append", metavar="KIND", help="only documents of this kind")
    p.add_argument("--attr", dest="attrs", action="append", metavar="NAME=VALUE", default=[],
                   help="only passages whose case or document has this attribute value (repeatable)")
    p.add_argument("--json", action="store_true",
                   help="a JSON list with speaker, cases, memo and the context line either side too")
    p.set_defaults(func=cmd_segments)


def _attributes(pairs: list[str]) -> dict[str, tuple[str, ...]]:
    out: dict[str, list[str]] = {}
    for pair in pairs:
        name, sep, value = pair.partition("=")
        if not sep or not name.strip():
            raise CliError(f"--attr wants NAME=VALUE, not '{pair}'.")
        out.setdefault(name.strip(), []).append(value.strip())
    return {k: tuple(v) for k, v in out.items()}


def cmd_segments(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        seg = project.segments
        query = SegmentQuery(
            codes=seg.code_ids(args.code),
            mode=args.mode,
            children=args.children,
            documents=tuple(project.documents.find(d).id for d in args.docs) if args.docs else None,
            kinds=tuple(args.kinds) if args.kinds else None,
            coders=seg.coder_ids(args.coders) if args.coders else None,
            cases=seg.case_ids(args.cases) if args.cases else None,
            attributes=_attributes(args.attrs),
            context=args.json,
        )
        segments = seg.list(query)
    if args.json:
        print_json([{
            "coding_id": s.coding_id, "document": s.document_name, "document_id": s.document_id,
            "start": s.start, "end": s.end, "code": s.code_path, "coder": s.coder, "cases": list(s.cases),
            "speaker": s.speaker, "memo": s.memo, "text": s.text, "before": s.before, "after": s.after,
        } for s in segments])
    else:
        for s in segments:
            print(tsv_row(s.document_name, s.start, s.end, s.code_path, s.coder, "; ".join(s.cases), s.text))
    return 0
