"""Benchmark of the analysis workbook export (issue 7) and of the code x case matrix (issue 10).

    .venv/bin/python bench/export_bench.py [--project /tmp/bench_export.qcse] [--rebuild]

Builds (once, then reuses) a synthetic encrypted project through the domain API: 500 documents of ~10,000
words (5 M words), 200 codes (10 themes x 19 sub-codes + the themes), 100,000 codings by two coders, 500 cases
with 10 attributes, a focus-group style turn structure in one document in ten. Then, each in a fresh process
(so that peak memory is the export's own): the full workbook export, the code x case matrix, and the floors:
a raw SQL GROUP BY for code x case, and openpyxl write-only writing equivalent data (the matrices and
100,000 coding rows with their text). Prints a table with times, peak RSS and ratios.

The SQL below is the benchmark's floor measurement, not application code.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import resource
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

PASSPHRASE = "bench passphrase"
N_DOCS, N_THEMES, N_SUB, N_CODINGS, WORDS = 500, 10, 19, 100_000, 10_000
VOCAB = (  # noqa: SIM905
    "police officer child young people exploitation missing home school night hotel taxi car "
    "phone social worker board partner agency information sharing disruption notice warning "
    "court case evidence victim support team referral risk assessment mash strategy meeting "
    "health education trust listen voice safe place friend older boyfriend party drugs alcohol "
    "money gift online "
).split()


def build(path: Path) -> None:
    from qualcoder_cse.core import Project

    rng = random.Random(7)
    t0 = time.perf_counter()
    with Project.create(path, PASSPHRASE, framework="none", coder="alice") as p:
        code_ids = []
        with p.transaction():
            for t in range(N_THEMES):
                theme = p.codes.add(f"Theme {t + 1}")
                code_ids.append(theme.id)
                for s in range(N_SUB):
                    code_ids.append(p.codes.add(f"Code {t + 1}.{s + 1}", parent_id=theme.id).id)
        attrs = [
            p.attributes.add(
                "participant group",
                scope="case",
                type="category",
                choices=["police", "board", "young people"],
            )
        ]
        attrs += [p.attributes.add(f"attr {i}", scope="case", type="text") for i in range(9)]
        docs = []
        with p.transaction():
            for d in range(N_DOCS):
                words = rng.choices(VOCAB, k=WORDS)
                for i in range(0, WORDS, 12):
                    words[i] = words[i].capitalize()
                    words[min(i + 11, WORDS - 1)] += "."
                text = " ".join(words)
                turns = []
                if d % 10 == 0:
                    step = len(text) // 20
                    turns = [(i * step, (i + 1) * step - 1, f"P{i % 4 + 1}") for i in range(20)]
                kind = ("police", "lscb", "young_person")[d % 3]
                doc = p.documents.add(f"Transcript {d + 1:03d}", text, kind=kind, turns=turns)
                docs.append((doc.id, len(text)))
                case = p.cases.add(f"Participant {d + 1:03d}")
                p.cases.add_documents(case.id, [doc.id])
                p.attributes.set_value(attrs[0].id, case.id, ("police", "board", "young people")[d % 3])
                for a in attrs[1:]:
                    p.attributes.set_value(a.id, case.id, f"value {rng.randint(1, 5)}")
        for coder in ("alice", "bob"):
            items = set()
            while len(items) < N_CODINGS // 2:
                doc_id, n = docs[rng.randrange(N_DOCS)]
                start = rng.randrange(0, n - 800)
                items.add((rng.choice(code_ids), doc_id, start, start + rng.randint(40, 700)))
            p.codings.add_many(sorted(items), coder=coder)
    print(f"built {path} in {time.perf_counter() - t0:.1f} s", flush=True)


def peak_mib() -> float:
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024


def measure(what: str, path: Path, out: Path) -> dict:
    # the libraries are imported before timing (the app has them loaded when the user exports)
    import openpyxl  # noqa: F401

    from qualcoder_cse import analysis  # noqa: F401
    from qualcoder_cse.core import Project
    from qualcoder_cse.exporters import excel  # noqa: F401

    base = peak_mib()
    ru0 = resource.getrusage(resource.RUSAGE_SELF)
    with Project.open(path, PASSPHRASE, readonly=True) as p:
        p.conn.execute("PRAGMA cache_size = -262144")
        t0 = time.perf_counter()
        if what == "workbook":
            from qualcoder_cse.exporters.excel import export_workbook

            export_workbook(p, out)
        elif what == "workbook_encrypted":
            from qualcoder_cse.exporters.excel import ExportOptions, export_workbook

            export_workbook(p, out, ExportOptions(password="bench"))
        elif what == "code_x_case":
            from qualcoder_cse import analysis as an

            an.code_by_case(an.load(p))
        elif what == "code_x_case_counts":
            from qualcoder_cse import analysis as an

            an.code_by_case(an.load(p, with_text=False), measures=("codings",))
        elif what == "groupby_floor":
            p.conn.execute("SELECT count(*) FROM codings").fetchone()  # warm like the others: file opened
            t0 = time.perf_counter()
            ru0 = resource.getrusage(resource.RUSAGE_SELF)
            p.conn.execute(
                "SELECT c.code_id, cd.case_id, count(*) FROM codings c JOIN case_documents cd"
                " ON cd.document_id = c.document_id GROUP BY c.code_id, cd.case_id"
            ).fetchall()
        elif what == "openpyxl_floor":
            rows = p.conn.execute(
                'SELECT d.name, c.code_id, k.name, c.start, c."end",'
                ' substr(d.text, c.start + 1, c."end" - c.start)'
                " FROM codings c JOIN documents d ON d.id = c.document_id JOIN coders k ON k.id = c.coder_id"
            ).fetchall()
            matrix = p.conn.execute(
                "SELECT c.code_id, cd.case_id, count(*) FROM codings c JOIN case_documents cd"
                " ON cd.document_id = c.document_id GROUP BY c.code_id, cd.case_id"
            ).fetchall()
            t0 = time.perf_counter()
            ru0 = resource.getrusage(resource.RUSAGE_SELF)
            from openpyxl import Workbook

            wb = Workbook(write_only=True)
            ws = wb.create_sheet("Matrix")
            grid: dict[int, dict[int, int]] = {}
            for code, case, n in matrix:
                grid.setdefault(code, {})[case] = n
            cases = sorted({c for _, c, _ in matrix})
            ws.append(["code"] + cases)
            for code, row in grid.items():
                ws.append([code] + [row.get(c, 0) for c in cases])
            ws = wb.create_sheet("Codings")
            for r in rows:
                ws.append(list(r))
            wb.save(out)
        elif what == "openpyxl_same_cells":
            # the same cell values as our workbook (read back from the 'workbook' run), written by plain
            # openpyxl write-only: the floor for exactly the data we export
            from openpyxl import Workbook, load_workbook

            ours = load_workbook(out.with_name("workbook.xlsx"), read_only=True)
            sheets = [(ws.title, [list(r) for r in ws.iter_rows(values_only=True)]) for ws in ours]
            ours.close()
            t0 = time.perf_counter()
            ru0 = resource.getrusage(resource.RUSAGE_SELF)
            wb = Workbook(write_only=True)
            for title, rows in sheets:
                ws = wb.create_sheet(title)
                for r in rows:
                    ws.append(r)
            wb.save(out)
        elapsed = time.perf_counter() - t0
        ru1 = resource.getrusage(resource.RUSAGE_SELF)
    cpu = (ru1.ru_utime - ru0.ru_utime) + (ru1.ru_stime - ru0.ru_stime)
    return {
        "what": what,
        "seconds": round(elapsed, 3),
        "cpu_seconds": round(cpu, 3),
        "peak_mib": round(peak_mib(), 1),
        "base_mib": round(base, 1),
    }


def run_child(what: str, path: Path, out: Path) -> dict:
    proc = subprocess.run(
        [sys.executable, __file__, "--child", what, "--project", str(path), "--out", str(out)],
        capture_output=True,
        text=True,
        check=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--project", default="/tmp/bench_export.qcse")
    ap.add_argument("--out", default="/tmp/bench_export.xlsx")
    ap.add_argument("--rebuild", action="store_true")
    ap.add_argument("--child")
    args = ap.parse_args()
    path, out = Path(args.project), Path(args.out)
    if args.child:
        print(json.dumps(measure(args.child, path, out)))
        return
    if args.rebuild and path.exists():
        path.unlink()
    if not path.exists():
        build(path)
    results = {}
    for what in (
        "groupby_floor",
        "code_x_case_counts",
        "code_x_case",
        "openpyxl_floor",
        "workbook",
        "openpyxl_same_cells",
        "workbook_encrypted",
    ):
        results[what] = run_child(what, path, out.with_name(f"{what}.xlsx"))
        print(json.dumps(results[what]), flush=True)
    for what in ("openpyxl_floor", "workbook", "openpyxl_same_cells", "workbook_encrypted"):
        f = out.with_name(f"{what}.xlsx")
        if f.exists():
            results[what]["file_mib"] = round(f.stat().st_size / 2**20, 1)
            f.unlink()
    floor_gb, floor_xl = results["groupby_floor"]["cpu_seconds"], results["openpyxl_floor"]["cpu_seconds"]
    print()
    print("Ratios use CPU seconds (user + system), which a busy shared machine distorts less than wall time.")
    print("Workbook ratios: to the openpyxl floor (one matrix + 100,000 coding rows) / to plain openpyxl")
    print("write-only writing exactly the same cell values as our workbook ('same').")
    print(f"{'measure':<22}{'wall s':>9}{'CPU s':>9}{'peak RSS MiB':>14}{'ratio (CPU) to floor':>28}")
    for what, r in results.items():
        ratio = ""
        if what.startswith("code_x_case"):
            ratio = f"{r['cpu_seconds'] / max(floor_gb, 1e-3):.1f}x GROUP BY"
        elif what.startswith("workbook"):
            same = results["openpyxl_same_cells"]["cpu_seconds"]
            ratio = f"{r['cpu_seconds'] / floor_xl:.2f}x / {r['cpu_seconds'] / same:.2f}x same"
        print(f"{what:<22}{r['seconds']:>9.2f}{r['cpu_seconds']:>9.2f}{r['peak_mib']:>14.0f}{ratio:>28}")
    print(f"\n(peak RSS includes ~{results['workbook']['base_mib']:.0f} MiB of interpreter and libraries)")
    print(json.dumps({"cpu_count": os.cpu_count()}))


if __name__ == "__main__":
    main()
