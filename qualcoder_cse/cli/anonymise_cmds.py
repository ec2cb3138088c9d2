"""Anonymiser CLI commands: detect (no project; one JSON line per file with --jsonl), anonymise (one file to
its anonymised text), rescan (look for leftovers in a project's stored documents, optionally redact them)."""

from __future__ import annotations

import argparse
import json
import os
import sys
from pathlib import Path

from ..anonymise.placeholder_spans import outside_placeholders
from ..anonymise.spans import REVIEW_MIN_CONFIDENCE
from ..core.errors import ProjectError
from ..exporters.safe_write import write_export
from ..importers.errors import ImporterError
from ..importers.prepare import prepare_file
from .backup_cmds import say_backup, take_before
from .common import CliError, add_project, open_project, print_json, tsv_row
from .seal_cmds import add_key_file, report_new_key, use_key_file


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "detect", help="show the identifiers the anonymiser finds in plain-text files (no project needed)"
    )
    p.add_argument("files", nargs="+", metavar="FILE")
    p.add_argument("--jsonl", action="store_true",
                   help='one JSON line per file: {"file", "spans": [{"start", "end", "label", "text"}]}')
    p.add_argument("--min-confidence", type=float, default=REVIEW_MIN_CONFIDENCE, metavar="X",
                   help=f"lowest confidence shown (default {REVIEW_MIN_CONFIDENCE}: what the review screen proposes)")
    p.add_argument("--as-review", action="store_true",
                   help="read each file as the import and review screen do (any importable format, normalised: "
                        "NFC, \\n newlines, timestamps of labelled lines cut); offsets are into that text, as on "
                        "the screen")
    p.set_defaults(func=cmd_detect)

    p = sub.add_parser("anonymise", help="print or write the anonymised text of one plain-text file")
    p.add_argument("file", metavar="FILE")
    p.add_argument("-o", "--output", metavar="OUT", help="write here instead of printing (refuses to overwrite FILE)")
    p.set_defaults(func=cmd_anonymise)

    p = sub.add_parser("rescan", help="look for identifiers left in a project's stored documents")
    add_project(p)
    p.add_argument("--apply", action="store_true", help="redact every leftover found (codings follow the text)")
    p.add_argument("--rename", action="store_true",
                   help="rename each document whose name holds an identifier to the anonymised name shown")
    p.add_argument("--coder", help="coder name for the log (default: researcher)")
    p.add_argument("--json", action="store_true")
    add_key_file(p)
    p.set_defaults(func=cmd_rescan)


def _read(path: str) -> str:
    try:
        with open(path, encoding="utf-8", newline="") as fh:  # newlines untouched: offsets are into this text
            text = fh.read()
    except FileNotFoundError:
        raise CliError(f"No such file: {path}.") from None
    except IsADirectoryError:
        raise CliError(f"{path} is a folder, not a file.") from None
    except UnicodeDecodeError:
        raise CliError(f"{path} is not UTF-8 plain text.") from None
    except OSError as exc:
        raise CliError(f"Cannot read {path}: {exc.strerror}.") from None
    if "\x00" in text:  # valid UTF-8 but not text: typically UTF-16 saved without a byte order mark
        raise CliError(f"{path} holds binary data (it may be UTF-16 text without a byte order mark; "
                       "re-save it as UTF-8).")
    return text


def _read_as_review(path: str) -> str:
    """The text the review screen shows for this file: read and normalised by the importer."""
    try:
        return prepare_file(path).text
    except ImporterError as exc:
        raise CliError(f"{path}: {exc}", exc.exit_code) from None
    except FileNotFoundError:
        raise CliError(f"No such file: {path}.") from None
    except OSError as exc:
        raise CliError(f"Cannot read {path}: {exc.strerror}.") from None


def _refuse_non_text(path: Path, error: type[ProjectError]) -> None:
    """``anonymise -o`` replaces a text file (an earlier output), never a project or another binary file."""
    if path.is_file() and not _is_text(path):
        raise error(f"{path} already exists and is not a text file; choose another name.")


def _is_text(path: Path) -> bool:
    try:
        with open(path, "rb") as fh:
            head = fh.read(4096)
    except OSError:
        return True  # the write will report why it cannot
    try:
        head.decode("utf-8")
    except UnicodeDecodeError as exc:
        if exc.start < len(head) - 3:  # not just a character cut at the 4096-byte boundary
            return False
    return b"\x00" not in head


def _detector():
    from ..anonymise.detect import load_detector

    return load_detector()


def cmd_detect(args: argparse.Namespace) -> int:
    det = _detector()
    status = 0
    for path in args.files:
        try:
            text = _read_as_review(path) if args.as_review else _read(path)
        except CliError as exc:  # report and go on with the other files
            print(f"qualcoder-cse: {exc}", file=sys.stderr)
            status = exc.code
            continue
        spans = outside_placeholders(text, det.detect(text, min_confidence=args.min_confidence))
        if args.jsonl:
            line = {"file": path, "spans": [s.as_dict() for s in spans]}
            if args.as_review:
                line["normalised"] = True
            sys.stdout.write(json.dumps(line, ensure_ascii=False) + "\n")
        else:
            print(f"{path}: {len(spans)} proposals")
            for s in spans:
                shown = s.text.replace("\n", " ")
                print(f"  {s.start:>7} {s.end:>7}  {s.label:<8} {s.confidence:4.2f} {s.source:<9} {shown}")
    sys.stdout.flush()
    return status


def cmd_anonymise(args: argparse.Namespace) -> int:
    from ..anonymise.pipeline import anonymise_text

    text = _read(args.file)
    result = anonymise_text(text, detector=_detector())
    if args.output:
        out = Path(args.output)
        if out.exists() and (out.resolve() == Path(args.file).resolve() or os.path.samefile(out, args.file)):
            raise CliError("The output must not be the input file.")
        # the exports' safe writer: never through a symlink or into a FIFO, owner-only (0600) whatever the
        # umask, written to a temporary file and renamed, so OUT appears whole or not at all
        write_export(out, result.text.encode("utf-8"), may_replace=_refuse_non_text)
        print(f"{len(result.replacements)} replacements written to {out}", file=sys.stderr)
    else:
        sys.stdout.write(result.text)
        if not result.text.endswith("\n"):
            sys.stdout.write("\n")
    return 0


def cmd_rescan(args: argparse.Namespace) -> int:
    from ..anonymise.doc_names import name_proposals, rename_documents
    from ..anonymise.rescan import apply_rescan, rescan_project

    writes = args.apply or args.rename
    with open_project(args, readonly=not writes) as project:
        step = "rescan --apply" if args.apply else "rescan --rename"
        saved = take_before(project, step) if writes else None
        detector = _detector()
        if args.apply:
            use_key_file(project, args)
        else:
            project.pseudonyms.key_file = args.key_file
        sessions = rescan_project(project, detector=detector)
        rows = []
        for doc_id, session in sorted(sessions.items()):
            doc = project.documents.get(doc_id)
            labels: dict[str, int] = {}
            for p in session.proposals:
                labels[p.label] = labels.get(p.label, 0) + 1
            redacted = 0
            if args.apply:
                session.accept_all()
                redacted = apply_rescan(project, doc_id, session)
            rows.append({"document": doc.name, "id": doc_id, "leftovers": len(session.proposals),
                         "labels": labels, "redacted": redacted})
        names = name_proposals(project, detector)
        by_id = {r["id"]: r for r in rows}
        for n in names:
            row = by_id.get(n.document_id)
            if row is None:
                row = {"document": n.name, "id": n.document_id, "leftovers": 0, "labels": {}, "redacted": 0}
                rows.append(row)
            row["name_identifiers"] = list(n.labels)
            row["proposed_name"] = n.proposed
        if args.rename and names:
            rename_documents(project, names)
        report_new_key(project)
        final = {d.id: d.name for d in project.documents.list()}
    for r in rows:
        r.setdefault("name_identifiers", [])
        r["renamed_to"] = final[r["id"]] if args.rename and r.get("proposed_name") else None
    if args.json:
        print_json(rows)
        say_backup(saved, step, json_mode=True)
        return 0
    if not rows:
        print("No leftovers found.")
    for r in rows:
        if r["leftovers"]:
            what = ", ".join(f"{k} {v}" for k, v in sorted(r["labels"].items()))
            done = f"; {r['redacted']} redacted" if args.apply else ""
            print(tsv_row(f"{r['document']}: {r['leftovers']} possible leftovers ({what}){done}"))
        if r["name_identifiers"]:
            if r["renamed_to"]:
                print(tsv_row(f"{r['document']}: the name held {', '.join(r['name_identifiers'])}; renamed to "
                              f"{r['renamed_to']}"))
            else:
                print(tsv_row(f"{r['document']}: the name holds {', '.join(r['name_identifiers'])}; --rename "
                              f"renames it to {r['proposed_name']}"))
    say_backup(saved, step)
    return 0
