"""Benchmark of a verified encrypted backup of the large study (issue 19): target <= 3 s, window responsive.

    .venv/bin/python bench/backup_bench.py [--project /tmp/bench_large.qcse] [--scale 1.0]

Builds the large study once with ``bench/make_project.py`` (500 transcripts, 5 million words, 100,000 codings;
``--scale`` for a smaller one) unless ``--project`` exists, then measures, in this process:

- floor: a raw copy of the encrypted file (``shutil.copyfile``): what any backup must at least cost;
- the backup as the app takes it (``core.backup_files.write_backup``: SQLCipher's backup API from its own
  connection, fsync, then reopening the copy with the passphrase, checking every page's HMAC and the counts);
- of which the verification alone (``verify`` on the finished copy);
- the window's case: the same backup in a worker thread (``ui.backup_actions.BackupRun``) while a 10 ms timer
  runs on the GUI thread; the longest gap between its ticks is how long the window could not respond.
"""

from __future__ import annotations

import argparse
import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "bench"))

from make_project import BENCH_PASSPHRASE

from qualcoder_cse.core import backup_files as bf
from qualcoder_cse.core.backup import BackupJob


def timed(fn):
    start = time.perf_counter()
    result = fn()
    return time.perf_counter() - start, result


def window_case(project: Path, folder: Path) -> tuple[float, float]:
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
    from PySide6.QtCore import QElapsedTimer, QTimer
    from PySide6.QtWidgets import QApplication, QWidget

    from qualcoder_cse.ui.backup_actions import BackupRun

    app = QApplication.instance() or QApplication([])
    host = QWidget()
    gaps: list[float] = []
    clock = QElapsedTimer()
    clock.start()
    last = [clock.elapsed()]

    def tick() -> None:
        now = clock.elapsed()
        gaps.append(now - last[0])
        last[0] = now

    timer = QTimer(host, interval=10)
    timer.timeout.connect(tick)
    timer.start()
    run = BackupRun(host, BackupJob(project, BENCH_PASSPHRASE, folder, 100, "bench"))
    start = time.perf_counter()
    run.start()
    run.wait()
    total = time.perf_counter() - start
    timer.stop()
    app.processEvents()
    return total, max(gaps) / 1000 if gaps else 0.0


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--project", type=Path, default=Path(tempfile.gettempdir()) / "bench_large.qcse")
    ap.add_argument("--scale", type=float, default=1.0)
    a = ap.parse_args()
    if not a.project.exists():
        print(f"building {a.project} (scale {a.scale}) …", flush=True)
        cmd = [sys.executable, str(ROOT / "bench" / "make_project.py"), str(a.project)]
        if a.scale != 1.0:
            cmd += ["--scale", str(a.scale)]
        subprocess.run(cmd, check=True, env=dict(os.environ, QUALCODER_CSE_PASSPHRASE=BENCH_PASSPHRASE))
    size = a.project.stat().st_size
    with tempfile.TemporaryDirectory(prefix="qcse-backup-bench-") as tmp:
        tmp = Path(tmp)
        floor, _ = timed(lambda: shutil.copyfile(a.project, tmp / "raw copy.qcse"))
        backup, info = timed(lambda: bf.write_backup(a.project, BENCH_PASSPHRASE, tmp / "backups"))
        verify, problem = timed(lambda: bf.verify(info.path, BENCH_PASSPHRASE, info.counts))
        assert problem == "", problem
        threaded, longest_gap = window_case(a.project, tmp / "window backups")
    print(f"project: {a.project} ({size / 1e6:.1f} MB, {info.counts['documents']} documents, "
          f"{info.counts['codings']} codings)")
    print(f"{'measure':44} {'seconds':>8}")
    print(f"{'floor: raw copy of the encrypted file':44} {floor:8.2f}")
    print(f"{'verified backup (write_backup)':44} {backup:8.2f}   x{backup / max(floor, 1e-9):.0f} the floor")
    print(f"{'  of which verification (reopen, HMACs, counts)':44} {verify:8.2f}")
    print(f"{'same backup from the window (worker thread)':44} {threaded:8.2f}")
    print(f"{'  longest GUI-thread stall during it':44} {longest_gap:8.3f}")
    print(f"target: backup <= 3 s: {'met' if backup <= 3 else 'NOT met'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
