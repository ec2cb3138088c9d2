"""Benchmark: generate N synthetic transcripts of W words and import them in one go through the CLI.

    .venv/bin/python bench/import_200.py                      # 200 x 10,000 words, txt+docx, --anonymise off
    .venv/bin/python bench/import_200.py --anonymise auto     # the same through the anonymiser
    .venv/bin/python bench/import_200.py --files 20 --formats txt,docx,odt,rtf,pdf,vtt

Prints the time of the import command, words per second, and the per-status counts from its JSON output.
Everything is written under a temporary folder that is removed afterwards. Not part of the test run.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

_TEXT = (
    "the police team said we would look at return interviews and missing episodes when young people go "
    "missing from care and the partners in the board would share information through the hub but "
    "sometimes health were not there and the school did not always know what was happening so we "
    "tried to build trust with the young person and listen to what they wanted from us each time"
)
WORDS = _TEXT.split(" ")
SPEAKERS = ["INT", "P1", "P2", "P3", "YP1", "Facilitator"]


def transcript(rng: random.Random, words: int) -> list[str]:
    lines, n = [], 0
    while n < words:
        k = rng.randint(15, 80)
        speaker = rng.choice(SPEAKERS)
        lines.append(f"{speaker}: " + " ".join(rng.choice(WORDS) for _ in range(k)) + ".")
        n += k + 1
    return lines


def write(path: Path, fmt: str, lines: list[str]) -> None:
    if fmt == "txt":
        path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    elif fmt == "docx":
        import docx

        d = docx.Document()
        for line in lines:
            d.add_paragraph(line)
        d.save(str(path))
    elif fmt == "odt":
        from odf.opendocument import OpenDocumentText
        from odf.text import P

        doc = OpenDocumentText()
        for line in lines:
            doc.text.addElement(P(text=line))
        doc.save(str(path))
    elif fmt == "rtf":
        body = "".join(r"\pard " + line + r"\par" + "\n" for line in lines)
        path.write_text(r"{\rtf1\ansi " + body + "}", encoding="ascii")
    elif fmt == "pdf":
        from fpdf import FPDF

        pdf = FPDF()
        pdf.add_page()
        pdf.set_font("Helvetica", size=10)
        for line in lines:
            pdf.multi_cell(0, 5, line, new_x="LMARGIN", new_y="NEXT")
        path.write_bytes(bytes(pdf.output()))
    elif fmt == "vtt":
        cues = [f"00:{i // 60 % 60:02d}:{i % 60:02d}.000 --> 00:{i // 60 % 60:02d}:{i % 60:02d}.900\n"
                f"<v {line.split(':')[0]}>{line.split(': ', 1)[1]}" for i, line in enumerate(lines)]
        path.write_text("WEBVTT\n\n" + "\n\n".join(cues) + "\n", encoding="utf-8")
    else:
        raise SystemExit(f"unknown format {fmt}")


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--files", type=int, default=200)
    ap.add_argument("--words", type=int, default=10_000)
    ap.add_argument("--formats", default="txt,docx")
    ap.add_argument("--anonymise", choices=["auto", "off"], default="off")
    args = ap.parse_args()
    formats = args.formats.split(",")
    rng = random.Random(1)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        src = tmp / "sources"
        src.mkdir()
        t0 = time.perf_counter()
        for i in range(args.files):
            fmt = formats[i % len(formats)]
            write(src / f"transcript{i:03d}.{fmt}", fmt, transcript(rng, args.words))
        gen = time.perf_counter() - t0
        env = dict(os.environ, QUALCODER_CSE_PASSPHRASE="bench passphrase")
        cli = [sys.executable, "-c", "import sys; from qualcoder_cse.cli import main; sys.exit(main())"]
        project = tmp / "bench.qcse"
        subprocess.run([*cli, "new", str(project), "--framework", "none"], env=env, check=True,
                       capture_output=True)
        t0 = time.perf_counter()
        proc = subprocess.run([*cli, "import", str(project), str(src), "--json", "--anonymise", args.anonymise],
                              check=False, env=env, capture_output=True, text=True)
        took = time.perf_counter() - t0
        rows = json.loads(proc.stdout) if proc.stdout.strip() else []
        words = sum(r["words"] for r in rows if r["status"] == "imported")
        counts = {s: sum(1 for r in rows if r["status"] == s) for s in ("imported", "duplicate", "failed")}
        size = project.stat().st_size
    print(f"generated {args.files} files ({','.join(formats)}) of ~{args.words} words in {gen:.1f} s")
    print(f"import exit {proc.returncode}: {counts}, {len(rows)} results, anonymise={args.anonymise}")
    print(f"import took {took:.1f} s for {words:,} words: {words / took:,.0f} words/s, "
          f"{took / max(1, len(rows)) * 1000:.0f} ms per file; project file {size / 1e6:.1f} MB")
    if proc.stderr.strip():
        print("stderr:", proc.stderr.strip()[:500])
    return proc.returncode


if __name__ == "__main__":
    sys.exit(main())
