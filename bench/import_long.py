"""Benchmark: one long transcript with many turns and the same names on every line, imported with
``--anonymise auto`` (in process, a real encrypted project), beside a floor measured in the same run: the
detector alone on the same text.

    .venv/bin/python bench/import_long.py              # 3,000 turns, 54,000 words
    .venv/bin/python bench/import_long.py --turns 12000

Session 14: a security pass found a 5 MB file still importing after ten minutes. Mapping each turn onto the
anonymised text rebuilt the list of replacements per turn (turns x replacements), and every mention of a full
name linked its parts in the project again; 3,000 turns took 23 s under the profiler, 6.5 s after.
The import is expected to stay within a small factor of the detector (ratio >= 0.6). Not part of the tests.
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.core import Project
from qualcoder_cse.workflows.batch_import import import_files
from qualcoder_cse.workflows.file_import import ImportOptions

LINE = "P1: Kayleigh Brannigan said Jordan Smith drove her to Rochdale with Deano and big Tone, 07700 900123.\n"
PASSPHRASE = "Correct-Horse-Battery-42"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--turns", type=int, default=3000)
    args = parser.parse_args(argv)
    text = LINE * args.turns
    words = len(text.split())
    detector = load_detector()
    detector.detect(LINE)
    t0 = time.perf_counter()
    detector.detect(text, min_confidence=0.3)
    floor = time.perf_counter() - t0
    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "long.txt"
        path.write_text(text, encoding="utf-8")
        with Project.create(Path(tmp) / "bench.qcse", PASSPHRASE, coder="bench") as project:
            t0 = time.perf_counter()
            [result] = import_files(project, [path], ImportOptions(anonymise=True))
            took = time.perf_counter() - t0
            stored = project.documents.text(result.document_id)
    ratio = floor / took if took else 0.0
    print(f"import, --anonymise auto: {args.turns:,} turns, {words:,} words, {took:.2f} s, {words / took:,.0f} words/s")
    print(f"floor (detector alone, same text, same run): {floor:.2f} s, {words / floor:,.0f} words/s")
    print(f"import / floor: {ratio:.2f} ({'OK' if ratio >= 0.6 else 'MISSED'}, target >= 0.6)")
    leaked = [w for w in ("Kayleigh", "Brannigan", "Rochdale", "07700") if w in stored]
    print("names left in the stored text:", ", ".join(leaked) if leaked else "none")
    return 0 if ratio >= 0.6 and not leaked else 1


if __name__ == "__main__":
    raise SystemExit(main())
