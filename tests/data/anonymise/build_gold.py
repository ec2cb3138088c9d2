"""Build the plain text and gold spans of the anonymiser corpus from its marked-up sources.

Each ``NAME.src.txt`` holds a transcript with inline markup ``[[LABEL|surface text]]``. This script strips
the markup and writes, next to it, ``NAME.txt`` (the plain text) and ``NAME.gold.json``
(``{"spans": [{"start", "end", "label", "text"}]}``, Python string offsets into the plain text, end
exclusive). Offsets are never written by hand.

Usage::

    python tests/data/anonymise/build_gold.py [DIR ...]   # default: this script's directory
    python tests/data/anonymise/build_gold.py --check DIR # exit 1 if committed files differ
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

LABELS = ("PERSON", "LOCATION", "ORG", "DATE", "CONTACT", "ID")
MARK_RE = re.compile(r"\[\[([A-Z]+)\|([^\[\]|]+?)\]\]")
SRC_SUFFIX = ".src.txt"


class MarkupError(ValueError):
    """A marked-up source that cannot be turned into gold spans."""


def parse_markup(marked: str, name: str = "<text>") -> tuple[str, list[dict]]:
    """Return (plain text, gold spans) for one marked-up source text."""
    out: list[str] = []
    spans: list[dict] = []
    pos = 0
    length = 0
    for m in MARK_RE.finditer(marked):
        label, surface = m.group(1), m.group(2)
        if label not in LABELS:
            raise MarkupError(f"{name}: unknown label {label!r} at offset {m.start()}")
        if surface != surface.strip():
            raise MarkupError(f"{name}: span {surface!r} starts or ends with whitespace")
        before = marked[pos:m.start()]
        out.append(before)
        length += len(before)
        spans.append({"start": length, "end": length + len(surface), "label": label, "text": surface})
        out.append(surface)
        length += len(surface)
        pos = m.end()
    out.append(marked[pos:])
    plain = "".join(out)
    for token in ("[[", "]]"):
        idx = plain.find(token)
        if idx >= 0:
            raise MarkupError(f"{name}: malformed markup near {plain[max(0, idx - 30):idx + 30]!r}")
    return plain, spans


def build_file(src: Path) -> tuple[str, str]:
    """Return the (plain text, gold JSON text) that belong to one ``.src.txt`` file."""
    plain, spans = parse_markup(src.read_text(encoding="utf-8"), src.name)
    gold = json.dumps({"spans": spans}, ensure_ascii=False, indent=1) + "\n"
    return plain, gold


def outputs_for(src: Path) -> tuple[Path, Path]:
    """Return the (plain text path, gold JSON path) for a source file."""
    stem = src.name[: -len(SRC_SUFFIX)]
    return src.with_name(stem + ".txt"), src.with_name(stem + ".gold.json")


def build_dir(directory: Path, check: bool = False) -> list[str]:
    """Build (or with ``check`` compare) every source in ``directory``; return the names that differ."""
    stale: list[str] = []
    for src in sorted(directory.glob("*" + SRC_SUFFIX)):
        plain, gold = build_file(src)
        txt_path, gold_path = outputs_for(src)
        for path, content in ((txt_path, plain), (gold_path, gold)):
            current = path.read_text(encoding="utf-8") if path.exists() else None
            if current != content:
                stale.append(path.name)
                if not check:
                    path.write_text(content, encoding="utf-8")
    return stale


_LINT_PATTERNS = {
    "phone": re.compile(r"(?<![\w/])(?:\+44\s?|0)\d{2,4}[\s-]?\d{3}[\s-]?\d{3,4}(?!\w)"),
    "email": re.compile(r"\b[\w.+-]+@[\w-]+\.[\w.]+"),
    "handle": re.compile(r"(?<![\w@])@\w{3,}"),
    "registration": re.compile(r"\b[A-Za-z]{2}\d{2}\s?[A-Za-z]{3}\b"),
    "reference": re.compile(r"\b\d{2,4}/\d{4,6}/\d{2}\b"),
}


def lint(src: Path) -> list[str]:
    """Return warnings about likely identifiers left unmarked in one source (a help while writing)."""
    marked = src.read_text(encoding="utf-8")
    plain, spans = parse_markup(marked, src.name)
    covered = [False] * len(plain)
    for s in spans:
        for i in range(s["start"], s["end"]):
            covered[i] = True
    warnings = []
    for kind, rx in _LINT_PATTERNS.items():
        for m in rx.finditer(plain):
            if not all(covered[m.start():m.end()]):
                warnings.append(f"{src.name}: unmarked {kind} {m.group(0)!r}")
    # Every surface marked somewhere should be marked at each mention (word-bounded, same case).
    surfaces = {s["text"] for s in spans}
    for s in spans:
        if s["label"] == "PERSON":
            surfaces.update(w for w in re.findall(r"[A-Z][\w'-]+", s["text"]) if len(w) > 2)
    for surface in sorted(surfaces):
        for m in re.finditer(r"(?<!\w)" + re.escape(surface) + r"(?!\w)", plain):
            if not all(covered[m.start():m.end()]):
                ctx = plain[max(0, m.start() - 25):m.end() + 25].replace("\n", " ")
                warnings.append(f"{src.name}: unmarked mention of {surface!r}: ...{ctx}...")
    return warnings


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("dirs", nargs="*", type=Path, default=[Path(__file__).resolve().parent])
    parser.add_argument("--check", action="store_true", help="only report files that are out of date")
    parser.add_argument("--lint", action="store_true", help="warn about likely unmarked identifiers")
    args = parser.parse_args(argv)
    status = 0
    if args.lint:
        for directory in args.dirs:
            for src in sorted(directory.glob("*" + SRC_SUFFIX)):
                for warning in lint(src):
                    print(warning)
        return 0
    for directory in args.dirs:
        try:
            stale = build_dir(directory, check=args.check)
        except MarkupError as exc:
            print(f"error: {exc}", file=sys.stderr)
            return 2
        for name in stale:
            print(("stale: " if args.check else "wrote: ") + str(directory / name))
        if args.check and stale:
            status = 1
    return status


if __name__ == "__main__":
    sys.exit(main())
