"""Time REFI-QDA export, import and merge on a synthetic project (bench/make_project.py) and print figures.

    .venv/bin/python bench/refi_bench.py --scale 0.1        # 50 documents, 500k words, 10,000 codings
    .venv/bin/python bench/refi_bench.py                     # the large study (slow: minutes)

Everything is written to a temporary folder and removed afterwards. Not part of the test run.
"""

from __future__ import annotations

import argparse
import shutil
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path[:0] = [str(ROOT), str(ROOT / "bench")]

from make_project import Spec, generate, load_project

from qualcoder_cse.core import Project
from qualcoder_cse.interchange.refi import export_refi
from qualcoder_cse.interchange.refi_import import import_refi
from qualcoder_cse.workflows.merge import merge_files

PW = "bench passphrase"


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--scale", type=float, default=1.0)
    args = ap.parse_args()
    d = Spec()
    spec = Spec(
        documents=max(1, int(d.documents * args.scale)),
        words=int(d.words * args.scale),
        codes=max(2, int(d.codes * min(1.0, args.scale * 4))),
        codings=int(d.codings * args.scale),
        cases=max(1, int(d.cases * args.scale)),
    )
    tmp = Path(tempfile.mkdtemp(prefix="refi-bench-"))
    try:
        src = tmp / "src.qcse"
        load_project(generate(spec), src, PW)
        with Project.open(src, PW, readonly=True) as p:
            info = p.info()
        print(
            f"project: {info.documents} documents, {info.words} words, {info.codes} codes, "
            f"{info.codings} codings, {info.cases} cases"
        )
        t = time.perf_counter()
        with Project.open(src, PW, readonly=True) as p:
            export_refi(p, tmp / "out.qdpx")
        print(
            f"export .qdpx: {time.perf_counter() - t:.2f} s, {(tmp / 'out.qdpx').stat().st_size / 1e6:.1f} MB"
        )
        t = time.perf_counter()
        report = import_refi(tmp / "out.qdpx", tmp / "back.qcse", PW)
        print(
            f"import .qdpx: {time.perf_counter() - t:.2f} s ({report.counts['codings']} codings, "
            f"{len(report.not_carried)} items not carried over)"
        )
        shutil.copyfile(src, tmp / "a.qcse")
        t = time.perf_counter()
        merged = merge_files(tmp / "a.qcse", PW, tmp / "back.qcse", PW)
        print(
            f"merge of an identical copy: {time.perf_counter() - t:.2f} s "
            f"({merged.counts['codings already present']} codings already present, "
            f"{merged.counts['codings added']} added)"
        )
    finally:
        shutil.rmtree(tmp, ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
