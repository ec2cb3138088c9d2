"""CLI ``suggest``: coding suggestions learned from the project's own coding (trained in memory each run,
nothing written), or with ``--evaluate`` the per-code cross-validated precision and recall."""

from __future__ import annotations

import argparse

from ..suggest.manager import DEFAULT_THRESHOLD, MIN_CODINGS
from ..suggest.units import UNIT_KINDS
from .common import CliError, add_project, open_project, print_json, tsv_row


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "suggest", help="suggested codings learned from the project's own coding (offline)",
        description="Trains on the project's codings (in memory; nothing is written) and lists passages that "
        "look like passages coded with a code: document, start, end, code path, confidence, text. Codes with "
        f"fewer than {MIN_CODINGS} codings in two documents get no suggestions. --evaluate prints each code's "
        "cross-validated precision and recall and the number of coded passages it learned from.",
    )
    add_project(p)
    p.add_argument("--doc", dest="docs", action="append", metavar="NAME",
                   help="suggest in this document, id or name (repeatable; default: every document)")
    p.add_argument("--code", metavar="PATH", help="only this code (path, parts joined by /)")
    p.add_argument("--threshold", type=float, default=DEFAULT_THRESHOLD,
                   help=f"lowest confidence listed, 0-1 (default {DEFAULT_THRESHOLD}: favours precision)")
    p.add_argument("--unit", choices=UNIT_KINDS, default="sentence", help="passages are sentences or turns")
    p.add_argument("--evaluate", action="store_true", help="per-code precision and recall instead")
    p.add_argument("--json", action="store_true", help="JSON instead of tab-separated lines")
    p.set_defaults(func=cmd_suggest)


def cmd_suggest(args: argparse.Namespace) -> int:
    if not 0.0 < args.threshold <= 1.0:
        raise CliError("--threshold is a confidence between 0 and 1.")
    with open_project(args, readonly=True) as project:
        docs = [project.documents.find(d).id for d in args.docs] if args.docs else None
        code = project.codes.by_path(args.code) if args.code else None
        sug = project.suggestions
        report = sug.train(args.unit, threshold=args.threshold)
        if args.evaluate:
            rows = report.trust if code is None else [t for t in report.trust if t.code_id == code.id]
            if args.json:
                print_json([{"code": t.code_path, "codings": t.codings, "passages": t.passages,
                             "documents": t.documents, "enough": t.enough, "precision": t.precision,
                             "recall": t.recall, "threshold": t.threshold, "trust": t.describe()} for t in rows])
            else:
                for t in rows:
                    print(tsv_row(t.code_path, _fmt(t.precision), _fmt(t.recall), t.passages, t.describe()))
            return 0
        found = sug.suggest(docs, code.id if code else None, args.threshold)
    if args.json:
        print_json([{"document": s.document_name, "document_id": s.document_id, "start": s.start, "end": s.end,
                     "code": s.code_path, "confidence": s.confidence, "speaker": s.speaker, "text": s.text}
                    for s in found])
    else:
        for s in found:
            print(tsv_row(s.document_name, s.start, s.end, s.code_path, f"{s.confidence:.2f}", s.text))
    return 0


def _fmt(x: float | None) -> str:
    return "" if x is None else f"{x:.2f}"
