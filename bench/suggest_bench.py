"""Benchmark: the coding suggester on the large study (``make_project.py``: 500 transcripts, 5 million words,
200 codes, 100,000 codings), each figure beside a floor measured in the same run.

- training (``suggestions.train``: read the coding, cross-validate over documents, fit), target <= 60 s on
  2 cores; floor: reading every coding and the text of every coded document (the SQL any learner needs);
- suggestions for a 10,000-word document (the document closest to 10,000 words), target <= 1 s; floor:
  reading its text and turns and splitting it into sentences;
- memory: the peak resident size over the process's size before training, target <= 500 MB extra (scikit-learn
  and numpy imports included); floor: the peak while only reading the floor's texts.

Usage (from the repository root; nice it, the cores are shared)::

    nice -n 10 .venv/bin/python bench/suggest_bench.py                    # bench/out/large.qcse, built if missing
    nice -n 10 .venv/bin/python bench/suggest_bench.py --project P.qcse [--json]
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_project import BENCH_PASSPHRASE, Spec, generate, load_project

from qualcoder_cse.core import Project
from qualcoder_cse.suggest.data import Reader


def peak_mb() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def rss_mb() -> float:
    with open("/proc/self/statm") as fh:
        return int(fh.read().split()[1]) * resource.getpagesize() / 2**20


def floor_read(p: Project) -> int:
    rows = p.conn.execute('SELECT document_id, start, "end", code_id FROM codings').fetchall()
    docs = sorted({r[0] for r in rows})
    chars = 0
    for i in range(0, len(docs), 500):
        chunk = docs[i:i + 500]
        for (text,) in p.conn.execute(f"SELECT text FROM documents WHERE id IN ({','.join('?' * len(chunk))})",
                                      chunk):
            chars += len(text)
    return chars


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--project", type=Path, default=ROOT / "bench" / "out" / "large.qcse")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    args = ap.parse_args()
    if not args.project.exists():
        args.project.parent.mkdir(parents=True, exist_ok=True)
        load_project(generate(Spec()), args.project, BENCH_PASSPHRASE)
    out: dict = {}
    with Project.open(args.project, BENCH_PASSPHRASE, readonly=True) as p:
        info = p.info()
        out["study"] = {"documents": info.documents, "words": info.words, "codes": info.codes,
                        "codings": info.codings}
        base = rss_mb()
        t = time.perf_counter()
        chars = floor_read(p)
        out["floor_read_s"] = round(time.perf_counter() - t, 2)
        out["floor_peak_extra_mb"] = round(peak_mb() - base, 1)
        t = time.perf_counter()
        report = p.suggestions.train("sentence")
        out["train_s"] = round(time.perf_counter() - t, 2)
        out["train_peak_extra_mb"] = round(peak_mb() - base, 1)
        out["train_units"] = report.units
        out["codes_trusted"] = sum(1 for t in report.trust if t.enough)
        out["chars_read"] = chars
        doc_id, words = p.conn.execute(
            "SELECT id, word_count FROM documents ORDER BY abs(word_count - 10000) LIMIT 1").fetchone()
        out["document_words"] = words
        reader = Reader(p)
        floors, times, found = [], [], []
        for _ in range(args.runs):
            t = time.perf_counter()
            reader.document(doc_id, "sentence")
            floors.append(time.perf_counter() - t)
            t = time.perf_counter()
            found = p.suggestions.suggest([doc_id])
            times.append(time.perf_counter() - t)
        out["suggest_s"] = round(statistics.median(times), 3)
        out["suggest_floor_s"] = round(statistics.median(floors), 3)
        out["suggestions"] = len(found)
        out["peak_extra_mb"] = round(peak_mb() - base, 1)
    if args.json:
        print(json.dumps(out, indent=1))
        return 0
    s = out["study"]
    print(f"large study: {s['documents']} documents, {s['words']:,} words, {s['codes']} codes, "
          f"{s['codings']:,} codings")
    print(f"{'':36} {'figure':>10} {'floor':>10}  target")
    print(f"{'training (read, 3-fold CV, fit)':36} {out['train_s']:>9.1f}s {out['floor_read_s']:>9.1f}s  <= 60 s"
          f"   ({out['train_units']:,} units, {out['codes_trusted']} codes trusted)")
    print(f"{'suggest, one ' + format(words, ',') + '-word document':36} {out['suggest_s']:>9.3f}s "
          f"{out['suggest_floor_s']:>9.3f}s  <= 1 s   ({out['suggestions']} suggestions)")
    print(f"{'memory, peak over start':36} {out['peak_extra_mb']:>8.0f}MB {out['floor_peak_extra_mb']:>8.0f}MB  "
          "<= 500 MB")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
