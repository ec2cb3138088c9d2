"""Core CLI commands: new, info, docs, text, codes, code, codings, search, rekey, backup."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from ..core import Project
from .common import (
    NEW_PASS_ENV,
    PASS_ENV,
    CliError,
    add_passphrase_file,
    add_project,
    new_secret,
    open_project,
    passphrase,
    print_json,
    tsv_row,
)
from .export_notes import open_for_export


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser("new", help="create an encrypted project")
    p.add_argument("project", metavar="PROJECT")
    p.add_argument("--framework", choices=["policing-cse", "none"], default="policing-cse",
                   help="codebook to start with (default: policing-cse)")
    p.add_argument("--coder", default="researcher", help="your coder name (default: researcher)")
    p.add_argument("--name", help="project title (default: the file name)")
    add_passphrase_file(p)
    p.set_defaults(func=cmd_new)

    p = sub.add_parser("info", help="counts of documents, codes, codings, cases, coders; schema version")
    add_project(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--tables", action="store_true",
                   help="also every table with its rows and columns (diagnostics)")
    p.set_defaults(func=cmd_info)

    p = sub.add_parser("docs", help="list documents: id, name, kind, words, attributes")
    add_project(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_docs)

    p = sub.add_parser("text", help="print a document's stored (anonymised) text")
    add_project(p)
    p.add_argument("doc", metavar="DOC", help="document id or name")
    p.set_defaults(func=cmd_text)

    p = sub.add_parser("codes", help="the code tree: path, description, colour, codings count")
    add_project(p)
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_codes)

    p = sub.add_parser("code", help="apply a code to a segment of a document")
    add_project(p)
    p.add_argument("--doc", required=True, help="document id or name")
    p.add_argument("--code", required=True, metavar="PATH", help="code path, parts joined by /")
    p.add_argument("--start", required=True, type=int, help="start offset (code points)")
    p.add_argument("--end", required=True, type=int, help="end offset, exclusive")
    p.add_argument("--coder", help="coder name (default: the coder who created the project)")
    p.add_argument("--memo", default="", help="a memo on the coding")
    p.add_argument("--create", action="store_true", help="create the code path if it does not exist")
    p.add_argument("--json", action="store_true")
    p.set_defaults(func=cmd_code)

    p = sub.add_parser("codings", help="every coding: document, code path, coder, start, end, text")
    add_project(p)
    p.add_argument("--json", action="store_true")
    p.add_argument("--coder", help="only this coder's codings")
    p.set_defaults(func=cmd_codings)

    p = sub.add_parser("search", help="full-text search: document, start, end, snippet")
    add_project(p)
    p.add_argument("query", metavar="QUERY", help='words (all must occur), "a phrase", prefix*')
    p.add_argument("--json", action="store_true")
    p.add_argument("--limit", type=int, default=10000, help="at most this many hits (default 10000)")
    p.set_defaults(func=cmd_search)

    p = sub.add_parser("rekey", help="change the project passphrase in place")
    add_project(p)
    p.add_argument("--new-passphrase-file", metavar="FILE",
                   help=f"read the new passphrase from FILE (else ${NEW_PASS_ENV}, else a prompt)")
    p.set_defaults(func=cmd_rekey)

    p = sub.add_parser("backup", help="write an encrypted copy of the project")
    add_project(p)
    p.add_argument("dest", metavar="DEST")
    p.set_defaults(func=cmd_backup)


def cmd_new(args: argparse.Namespace) -> int:
    path = Path(args.project)
    pw = new_secret(getattr(args, "passphrase_file", None), PASS_ENV, "Project passphrase: ")
    with Project.create(path, pw, framework=args.framework, coder=args.coder, name=args.name) as project:
        info = project.info()
    print(f"created {path} ({info.codes} codes, schema {info.schema_version})")
    return 0


def cmd_info(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        info = project.info()
        tables = project.table_info() if args.tables else []
    data = {
        "name": info.name, "documents": info.documents, "words": info.words, "codes": info.codes,
        "codings": info.codings, "cases": info.cases, "coders": info.coders, "memos": info.memos,
        "coding_notes": info.coding_notes, "links": info.links, "schema_version": info.schema_version,
        "app_version": info.app_version, "created_at": info.created_at,
    }
    if args.tables:
        data["tables"] = [
            {"name": t.name, "rows": t.rows, "columns": len(t.columns), "full_text_index": t.virtual}
            for t in tables
        ]
    if args.json:
        print_json(data)
    else:
        for key, value in data.items():
            if key != "tables":
                print(f"{key}: {value}")
        for t in tables:
            fts = " (full-text index)" if t.virtual else ""
            print(f"table {t.name}: {t.rows} rows, {len(t.columns)} columns{fts}")
    return 0


def cmd_docs(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        rows = []
        for d in project.documents.list():
            rows.append({
                "id": d.id, "name": d.name, "kind": d.kind, "words": d.word_count,
                "attributes": project.attributes.values_for(d.id, "document"),
                "cases": [c.name for c in project.cases.of_document(d.id)],
            })
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            attrs = "; ".join(f"{k}={v}" for k, v in r["attributes"].items())
            print(tsv_row(r["id"], r["name"], r["kind"], r["words"], attrs))
    return 0


def cmd_text(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        doc = project.documents.find(args.doc)
        text = project.documents.text(doc.id)
    sys.stdout.write(text)
    if not text.endswith("\n"):
        sys.stdout.write("\n")
    return 0


def cmd_codes(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        counts = project.codes.counts()
        rows = [
            {"id": c.id, "path": c.path, "description": c.description, "colour": c.colour,
             "codings": counts.get(c.id, 0)}
            for c in project.codes.list()
        ]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            first_line = r["description"].splitlines()[0] if r["description"] else ""
            print(tsv_row(r["path"], r["colour"], r["codings"], first_line))
    return 0


def cmd_code(args: argparse.Namespace) -> int:
    with open_project(args) as project:
        doc = project.documents.find(args.doc)
        code = project.codes.by_path(args.code, create=args.create)
        coding = project.codings.add(code.id, doc.id, args.start, args.end, coder=args.coder, memo=args.memo).coding
        text = project.codings.text(coding)
    if args.json:
        print_json({"id": coding.id, "document": doc.name, "code": code.path, "start": coding.start,
                    "end": coding.end, "text": text})
    else:
        print(f"coded {doc.name} {coding.start}-{coding.end} with {code.path} (coding {coding.id})")
    return 0


def cmd_codings(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        coder_id = None
        if args.coder:
            coder = project.coders.by_name(args.coder)
            if coder is None:
                raise CliError(f"No coder called '{args.coder}' in this project.", 9)
            coder_id = coder.id
        paths = {c.id: c.path for c in project.codes.list()}
        coders = {c.id: c.name for c in project.coders.list()}
        docs = {d.id: d.name for d in project.documents.list()}
        texts: dict[int, str] = {}
        rows = []
        for c in project.codings.list(coder_id=coder_id):
            if c.document_id not in texts:
                texts[c.document_id] = project.documents.text(c.document_id)
            rows.append({
                "id": c.id, "document": docs[c.document_id], "document_id": c.document_id,
                "code": paths.get(c.code_id, ""), "coder": coders.get(c.coder_id, ""), "start": c.start,
                "end": c.end, "text": texts[c.document_id][c.start:c.end], "memo": c.memo,
            })
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(tsv_row(r["document"], r["code"], r["coder"], r["start"], r["end"], r["text"]))
    return 0


def cmd_search(args: argparse.Namespace) -> int:
    with open_project(args, readonly=True) as project:
        results = project.search.query(args.query, limit=args.limit)
    rows = [
        {"document": h.document_name, "document_id": h.document_id, "start": h.start, "end": h.end,
         "snippet": h.snippet}
        for h in results.hits
    ]
    if args.json:
        print_json(rows)
    else:
        for r in rows:
            print(tsv_row(r["document"], r["start"], r["end"], r["snippet"]))
        if not rows:
            print("no matches", file=sys.stderr)
    return 0


def cmd_rekey(args: argparse.Namespace) -> int:
    old = passphrase(args)
    new = new_secret(args.new_passphrase_file, NEW_PASS_ENV, "New passphrase: ", what="new passphrase")
    with Project.open(Path(args.project), old) as project:
        project.rekey(new)
    print(f"passphrase changed for {args.project}")
    return 0


def cmd_backup(args: argparse.Namespace) -> int:
    # A backup only reads: while the project is open in the window (or its folder is read-only) it is taken
    # through a read-only open, and only the audit line is missing.
    with open_for_export(args) as project:
        dest = project.backup(args.dest)
        if project.readonly:
            print(f"qualcoder-cse: note: {project.path.name} is open elsewhere (or in a read-only folder), so this "
                  "backup could not be recorded in its audit trail.", file=sys.stderr)
    print(f"encrypted backup written to {dest}")
    return 0
