"""Benchmark: the coded-segments list (``project.segments.list``) for a code with 5,000 segments on the large
study, beside a raw-SQL floor measured in the same run.

Target (issue 17): a code with 5,000 segments lists in <= 300 ms. The large study (``make_project.py``) has
200 codes and 100,000 codings, so no single code has 5,000; the benchmark times
- a theme with its children (``children=True``, about 5,000 segments in the large study), and
- one code with exactly 5,000 codings, which it adds (through ``codings.add_many``) to a copy of the project;
plus AND of two themes. The list carries text, a line of context either side, speaker, cases, coder and
memo. The floor is what any list of these passages must read: the codings rows joined with their document
and coder names (one SELECT), and the texts of their documents (one SELECT).

Usage (from the repository root)::

    .venv/bin/python bench/segments_bench.py                   # reuses bench/out/large.qcse, builds it if missing
    .venv/bin/python bench/segments_bench.py --project P.qcse  # any copy of the large study
    .venv/bin/python bench/segments_bench.py --scale 0.05      # a small study, for a quick look

Figures are medians of ``--runs`` runs after one cold run (the cold run pays SQLCipher page decryption).
"""

from __future__ import annotations

import argparse
import json
import os
import random
import shutil
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_project import BENCH_PASSPHRASE, Spec, generate, load_project

from qualcoder_cse.core import Project
from qualcoder_cse.core.segments import SegmentQuery

TARGET_MS = 300.0
FLAT_CODINGS = 5_000


def timed(fn, runs: int) -> tuple[float, float, object]:
    t0 = time.perf_counter()
    result = fn()
    cold = time.perf_counter() - t0
    samples = []
    for _ in range(runs):
        t0 = time.perf_counter()
        result = fn()
        samples.append(time.perf_counter() - t0)
    return cold * 1000, statistics.median(samples) * 1000, result


def floor(project: Project, code_ids: list[int]) -> int:
    """Raw SQL: the codings with document and coder names, then the texts of their documents."""
    marks = ",".join("?" * len(code_ids))
    rows = project.conn.execute(
        f'SELECT c.id, c.start, c."end", c.memo, d.id, d.name, k.name FROM codings c JOIN documents d'
        f" ON d.id = c.document_id JOIN coders k ON k.id = c.coder_id WHERE c.code_id IN ({marks})", code_ids
    ).fetchall()
    docs = sorted({r[4] for r in rows})
    texts = {}
    for i in range(0, len(docs), 900):
        chunk = docs[i:i + 900]
        texts.update(project.conn.execute(
            f"SELECT id, text FROM documents WHERE id IN ({','.join('?' * len(chunk))})", chunk).fetchall())
    return sum(1 for r in rows if texts[r[4]][r[1]:r[2]])


def add_flat_code(path: Path, passphrase: str, n: int) -> None:
    """One code with ``n`` codings spread over every document (a copy of the project is changed, never the
    original)."""
    with Project.open(path, passphrase, coder="coder1") as p:
        if p.codes.child_named(None, "Bench 5000") is not None:
            return
        code = p.codes.add("Bench 5000")
        docs = [(d.id, d.char_count) for d in p.documents.list()]
        rng = random.Random(17)
        items = set()
        while len(items) < n:
            doc_id, length = rng.choice(docs)
            s = rng.randrange(0, max(1, length - 400))
            items.add((code.id, doc_id, s, min(length, s + rng.randrange(40, 400))))
        p.codings.add_many(sorted(items))


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--project", type=Path, default=ROOT / "bench" / "out" / "large.qcse")
    ap.add_argument("--scale", type=float, default=1.0, help="size of the study built when it is missing")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--json", action="store_true")
    ap.add_argument("--window", action="store_true",
                    help="also time the coded-segments dock (query, model, sort and paint; offscreen)")
    args = ap.parse_args(argv)
    passphrase = os.environ.get("QUALCODER_CSE_PASSPHRASE", BENCH_PASSPHRASE)
    if not args.project.exists():
        args.project.parent.mkdir(parents=True, exist_ok=True)
        print(f"building the study ({args.scale}x) at {args.project}…", file=sys.stderr)
        load_project(generate(Spec().scaled(args.scale)), args.project, passphrase)
    with tempfile.TemporaryDirectory() as tmp:
        work = Path(tmp) / "segments.qcse"
        shutil.copyfile(args.project, work)
        add_flat_code(work, passphrase, max(1, round(FLAT_CODINGS * min(1.0, args.scale))))
        results = run(work, passphrase, args.runs)
        if args.window:
            results += run_window(work, passphrase, args.runs)
    if args.json:
        print(json.dumps(results, indent=1))
    else:
        print(f"{'list':52} {'segments':>8} {'cold':>8} {'median':>8} {'floor':>8} {'x floor':>8}  target")
        for r in results:
            print(f"{r['name']:52} {r['segments']:>8,} {r['cold_ms']:>6.0f}ms {r['median_ms']:>6.0f}ms "
                  f"{r['floor_ms']:>6.0f}ms {r['median_ms'] / max(r['floor_ms'], 0.001):>7.1f}x  "
                  f"<= {TARGET_MS:.0f} ms {'ok' if r['median_ms'] <= TARGET_MS else 'MISSED'}")
    return 0


def run(path: Path, passphrase: str, runs: int) -> list[dict]:
    out = []
    with Project.open(path, passphrase, readonly=True) as p:
        codes = p.codes.list()
        flat = next(c for c in codes if c.path == "Bench 5000")
        themes = [c for c in codes if c.parent_id is None and c.id != flat.id]
        counts = p.codes.counts()
        theme = max(themes[:5], key=lambda t: sum(counts.get(d, 0) for d in p.codes.descendants(t.id)))
        cases = [
            (f"one code with {FLAT_CODINGS:,} codings", SegmentQuery((flat.id,)), [flat.id]),
            (f"theme '{theme.name}' with its children", SegmentQuery((theme.id,), children=True),
             p.codes.descendants(theme.id)),
            ("two themes AND, with children", SegmentQuery((themes[0].id, themes[1].id), "and", children=True),
             p.codes.descendants(themes[0].id) + p.codes.descendants(themes[1].id)),
        ]
        for name, query, ids in cases:
            fcold, fmed, _ = timed(lambda ids=ids: floor(p, ids), runs)
            cold, med, segs = timed(lambda q=query: p.segments.list(q), runs)
            out.append({"name": name, "segments": len(segs), "cold_ms": round(cold, 1), "median_ms": round(med, 1),
                        "floor_ms": round(fmed, 1), "floor_cold_ms": round(fcold, 1)})
    return out


def run_window(path: Path, passphrase: str, runs: int) -> list[dict]:
    """The dock itself: ``SegmentsPanel.set_codes`` until the table is painted, beside the same floor."""
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtGui import QUndoStack
    from PySide6.QtWidgets import QApplication

    from qualcoder_cse.ui.segments_panel import SegmentsPanel

    app = QApplication.instance() or QApplication([])
    out = []
    with Project.open(path, passphrase, readonly=True) as p:
        flat = next(c for c in p.codes.list() if c.path == "Bench 5000")
        panel = SegmentsPanel(p, QUndoStack())
        panel.resize(1200, 500)
        panel.show()
        app.processEvents()

        def show() -> int:
            panel.set_codes([])
            panel.set_codes([flat.id])
            panel.view.viewport().repaint()
            return panel.model.rowCount()

        _fcold, fmed, _ = timed(lambda: floor(p, [flat.id]), runs)
        cold, med, n = timed(show, runs)
        out.append({"name": f"the dock, one code with {FLAT_CODINGS:,} codings", "segments": n,
                    "cold_ms": round(cold, 1), "median_ms": round(med, 1), "floor_ms": round(fmed, 1)})
        panel.close()
    return out


if __name__ == "__main__":
    sys.exit(main())
