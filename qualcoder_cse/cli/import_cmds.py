"""CLI ``import``: bring transcripts (txt, docx, odt, rtf, pdf, vtt, srt) into a project, one result per file.

Each file is imported in its own transaction; a bad file gets one error line on stderr and the rest go on.
The exit status is 0 when every file was imported or skipped as a duplicate, 1 when any file failed (the
good ones are still imported), and the usual error codes when nothing could start (wrong passphrase, an
unknown kind, anonymisation asked for but unavailable).
"""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..core.schema import DOCUMENT_KINDS
from ..importers.speakers import SpeakerOptions
from ..workflows.batch_import import folder_files, import_files
from ..workflows.file_import import (
    DUPLICATE,
    FAILED,
    IMPORTED,
    FileResult,
    ImportOptions,
    anonymiser_available,
)
from .common import (
    CliError,
    add_project,
    is_text,
    open_project,
    print_json,
    shown_name,
    tsv_row,
    unreadable_name,
)
from .seal_cmds import add_key_file, report_new_key, use_key_file

_EPILOG = """\
Exit status: 0 when every file was imported (or skipped as a duplicate of a document already in the
project); 1 when one or more files failed - the other files are still imported, and each failure is
reported on stderr; 2 or more when the import could not start at all (nothing is imported).

--anonymise auto runs the anonymiser on each normalised text and stores only the anonymised text (every
proposed redaction accepted): the original never reaches the project. The default is auto when the
anonymiser is installed, else off. Use off only for text that is already anonymised.

A FILE may be a folder: every supported file directly inside it is imported, in name order. A folder's
symbolic links are not followed: each is skipped with a "skipped" line saying so (on stderr with --json).
"""


def register(sub: argparse._SubParsersAction) -> None:
    p = sub.add_parser(
        "import",
        help="import transcripts (txt, docx, odt, rtf, pdf, vtt, srt); one result per file",
        description="Import transcript files into a project: each file in one transaction, one result per "
        "file; a bad file is reported and the rest go on.",
        epilog=_EPILOG,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    add_project(p)
    p.add_argument("files", nargs="+", metavar="FILE", help="files (or folders of files) to import")
    p.add_argument("--kind", choices=DOCUMENT_KINDS, default="other", help="document kind (default: other)")
    p.add_argument(
        "--anonymise", choices=["auto", "off"], default=None,
        help="auto: store only anonymised text; off: store the text as read "
        "(default: auto when the anonymiser is installed, else off)",
    )
    p.add_argument("--attr", action="append", default=[], metavar="NAME=VALUE",
                   help="a document attribute set on every imported document (repeatable)")
    p.add_argument("--json", action="store_true",
                   help="print a JSON list: file, status (imported|duplicate|failed), document_id, name, "
                   "words, turns, speakers, format, reason")
    p.add_argument("--coder", help="coder name recorded for the import (default: researcher)")
    p.add_argument("--speaker-pattern", action="append", default=[], metavar="REGEX",
                   help="a regular expression with a (?P<speaker>...) group (and optionally (?P<ts>...)) that "
                   "marks a speaker label at the start of a line; tried before the built-in labels (repeatable)")
    p.add_argument("--only-speaker-patterns", action="store_true",
                   help="use only the --speaker-pattern expressions, not the built-in labels")
    p.add_argument("--no-speakers", action="store_true", help="do not look for speaker turns")
    p.add_argument("--keep-timestamps", action="store_true",
                   help="keep timestamps like [00:12:31] in the text (default: moved to the turn's metadata)")
    p.add_argument("--speaker-case", action="append", default=[], metavar="LABEL=CASE",
                   help="give every turn of speaker LABEL to case CASE, created if needed (repeatable)")
    p.add_argument("--speakers-as-cases", action="store_true",
                   help="make each speaker except the interviewer/facilitator a case named 'DOCUMENT: SPEAKER'")
    p.add_argument("--allow-duplicates", action="store_true",
                   help="import a file even if the same file was imported before")
    add_key_file(p)
    p.set_defaults(func=cmd_import)


def _pairs(values: list[str], what: str) -> dict[str, str]:
    out: dict[str, str] = {}
    for item in values:
        name, sep, value = item.partition("=")
        if not sep or not name.strip():
            raise CliError(f"Use {what} (got '{item}').")
        out[name.strip()] = value.strip()
    return out


def _expand(files: list[str]) -> tuple[list[Path], list[tuple[Path, str]]]:
    """The files to import, and the folder entries skipped with why (links: ``folder_files``)."""
    paths: list[Path] = []
    skipped: list[tuple[Path, str]] = []
    for f in files:
        p = Path(f)
        if p.is_dir():
            found, passed = folder_files(p)
            skipped.extend(passed)
            if not found and not passed:
                raise CliError(f"The folder {p} holds no files of a supported format.")
            paths.extend(found)
        else:
            paths.append(p)
    return paths, skipped


def options_from_args(args: argparse.Namespace) -> ImportOptions:
    anonymise = args.anonymise or ("auto" if anonymiser_available() else "off")
    if args.only_speaker_patterns and not args.speaker_pattern:
        raise CliError("--only-speaker-patterns needs at least one --speaker-pattern.")
    return ImportOptions(
        kind=args.kind,
        attributes=_pairs(args.attr, "--attr NAME=VALUE"),
        anonymise=anonymise == "auto",
        speakers=SpeakerOptions(
            enabled=not args.no_speakers,
            patterns=tuple(args.speaker_pattern),
            use_defaults=not args.only_speaker_patterns,
            strip_timestamps=not args.keep_timestamps,
        ),
        speaker_cases=_pairs(args.speaker_case, "--speaker-case LABEL=CASE"),
        cases_from_speakers=args.speakers_as_cases,
        allow_duplicates=args.allow_duplicates,
    )


def _line(r: FileResult) -> str:
    if r.status == IMPORTED:
        return tsv_row("imported", r.path, f"#{r.document_id} {r.name}", f"{r.words} words", f"{r.turns} turns")
    if r.status == DUPLICATE:
        return tsv_row("duplicate", r.path, f"#{r.document_id} {r.name}", r.reason)
    return tsv_row(r.status, r.path, r.reason)


def cmd_import(args: argparse.Namespace) -> int:
    options = options_from_args(args)
    paths, skipped = _expand(args.files)
    for path, why in skipped:
        name = os.fsencode(path).decode("utf-8", "backslashreplace")  # a name's bytes that are not UTF-8 as \xff
        if args.json:
            print(f"qualcoder-cse: skipped {name}: {why}", file=sys.stderr)
        else:
            print(tsv_row("skipped", name, why), flush=True)
    if not paths:
        raise CliError("Nothing to import: every file named was skipped.")

    def progress(done: int, total: int, path: str, result: FileResult | None) -> None:
        if result is None:
            return
        if result.status == FAILED:
            print(f"qualcoder-cse: {path}: {result.reason}", file=sys.stderr)
        if not args.json:
            print(_line(result), flush=True)

    # a name holding bytes that are not UTF-8 cannot be stored as the document's name: refused, the rest go on
    refused = {i: FileResult(shown_name(p), FAILED, reason=unreadable_name(p))
               for i, p in enumerate(paths) if not is_text(str(p))}
    with open_project(args) as project:
        if options.anonymise:
            use_key_file(project, args)
        for r in refused.values():
            print(f"qualcoder-cse: {r.reason}", file=sys.stderr)
            if not args.json:
                print(_line(r), flush=True)
        try:
            done = iter(import_files(project, [p for i, p in enumerate(paths) if i not in refused], options,
                                     progress=progress))
        finally:
            report_new_key(project)
    results = [refused[i] if i in refused else next(done) for i in range(len(paths))]
    counts = {s: sum(1 for r in results if r.status == s) for s in (IMPORTED, DUPLICATE, FAILED)}
    if args.json:
        print_json([r.as_dict() for r in results])
    else:
        words = sum(r.words for r in results if r.status == IMPORTED)
        mode = "anonymised" if options.anonymise else "not anonymised"
        print(
            f"{counts[IMPORTED]} imported ({words} words, {mode}), {counts[DUPLICATE]} duplicate, "
            f"{counts[FAILED]} failed" + (f", {len(skipped)} skipped (links)" if skipped else "")
        )
    return 1 if counts[FAILED] else 0
