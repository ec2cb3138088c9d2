"""Start-up benchmarks (issue 9): time from launch to the main window shown, for the source install and the
built app, under a virtual X server (Xvfb) when there is one, else Qt's offscreen platform; the built folder's
size; and the time of ``selfcheck`` from source and built.

"Window shown" is measured with ``qualcoder-cse gui --screenshot PNG``: the process starts, builds the window,
shows and paints it, saves it and exits; the figure is the whole wall-clock time of that process (so it
slightly overstates: it includes writing the PNG and exiting). A bare PySide6 window (import Qt, show a
QMainWindow, grab it) is timed the same way as the floor.

    .venv/bin/python bench/startup.py                 # source, and dist/qualcoder-cse when it has been built
    .venv/bin/python bench/startup.py --built DIR     # a built folder elsewhere
    .venv/bin/python bench/startup.py --json out.json

Each figure is the median (and max) of ``--repeat`` runs (default 5). User settings go to a throwaway folder.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Iterator
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
PY = sys.executable

# Peak memory must be read inside the child: Linux carries the parent's RSS high-water mark over fork+exec into
# the child's ru_maxrss, so wait4's figure is never below the benchmark process's own size. VmHWM is per
# address space and starts afresh at exec. With QCSE_HWM_FILE set, a child writes its VmHWM (KiB) there.
HWM = (
    "import atexit, os\n"
    "def _qcse_hwm():\n"
    "    target = os.environ.get('QCSE_HWM_FILE')\n"
    "    if target:\n"
    "        with open('/proc/self/status') as fh:\n"
    "            kib = next((ln.split()[1] for ln in fh if ln.startswith('VmHWM:')), '0')\n"
    "        with open(target, 'w') as out:\n"
    "            out.write(kib)\n"
    "atexit.register(_qcse_hwm)\n"
)
# ``python -c APP_MAIN ARGS`` runs the qualcoder-cse command line exactly as ``python -m qualcoder_cse`` would.
APP_MAIN = HWM + (
    "import runpy, sys\n"
    "sys.argv = ['qualcoder-cse'] + sys.argv[1:]\n"
    "runpy.run_module('qualcoder_cse', run_name='__main__', alter_sys=True)\n"
)

BARE_WINDOW = HWM + (
    "import sys\n"
    "from PySide6.QtWidgets import QApplication, QMainWindow\n"
    "app = QApplication(sys.argv[:1]); w = QMainWindow(); w.resize(1440, 900); w.show()\n"
    "for _ in range(5): app.processEvents()\n"
    "w.grab().save(sys.argv[1], 'PNG')\n"
)


@contextlib.contextmanager
def virtual_display() -> Iterator[dict[str, str]]:
    """Environment for a GUI run: a private Xvfb server when Xvfb exists, else Qt's offscreen platform."""
    xvfb = shutil.which("Xvfb")
    if not xvfb:
        yield {"QT_QPA_PLATFORM": "offscreen"}
        return
    for n in range(90, 140):
        if not Path(f"/tmp/.X11-unix/X{n}").exists() and not Path(f"/tmp/.X{n}-lock").exists():
            break
    proc = subprocess.Popen([xvfb, f":{n}", "-screen", "0", "1920x1080x24", "-nolisten", "tcp"],
                            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    try:
        for _ in range(100):
            if Path(f"/tmp/.X11-unix/X{n}").exists():
                break
            time.sleep(0.05)
        yield {"DISPLAY": f":{n}", "QT_QPA_PLATFORM": "xcb"}
    finally:
        proc.terminate()
        with contextlib.suppress(subprocess.TimeoutExpired):
            proc.wait(5)


def run_timed(cmd: list[str], env: dict[str, str], cwd: str | None = None, timeout: float = 600
              ) -> tuple[float, int, int, str]:
    """(wall seconds, exit code, peak RSS in bytes or 0 when the child does not report it, stderr tail)."""
    with tempfile.TemporaryFile() as err, tempfile.NamedTemporaryFile(prefix="qcse-hwm-") as hwm:
        env = dict(env, QCSE_HWM_FILE=hwm.name)
        t0 = time.perf_counter()
        proc = subprocess.Popen(cmd, env=env, cwd=cwd, stdout=subprocess.DEVNULL, stderr=err)
        try:
            proc.wait(timeout)
        except subprocess.TimeoutExpired:
            proc.kill()
            proc.wait()
            return timeout, -9, 0, "timed out"
        wall = time.perf_counter() - t0
        err.seek(0)
        tail = err.read().decode("utf-8", "replace")[-500:]
        raw = Path(hwm.name).read_text().strip()
    return wall, proc.returncode, int(raw or 0) * 1024, tail


def base_env(extra: dict[str, str], home: Path) -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if not k.startswith("QUALCODER_CSE_") and k != "DISPLAY"}
    env.update(extra)
    env.update(HOME=str(home), XDG_CONFIG_HOME=str(home / ".config"), XDG_DATA_HOME=str(home / ".local"),
               TMPDIR=str(home))
    return env


def series(fn, repeat: int) -> list[float] | str:
    """``repeat`` timings, or the reason the command failed (reported, never a made-up figure)."""
    try:
        return [fn() for _ in range(repeat)]
    except RuntimeError as exc:
        return str(exc)


def summary(samples: list[float] | str) -> dict:
    if isinstance(samples, str):
        return {"error": samples}
    return {"median": statistics.median(samples), "max": max(samples), "samples": samples}


def folder_size(path: Path) -> int:
    return sum(p.stat().st_size for p in path.rglob("*") if p.is_file() and not p.is_symlink())


def measure(built: Path | None, repeat: int) -> dict:
    """Every start-up figure; ``built`` is the one-folder app (``dist/qualcoder-cse``) or None."""
    out: dict = {"platform": None, "rows": {}}
    with tempfile.TemporaryDirectory(prefix="qcse-startup-") as tmp, virtual_display() as display:
        home = Path(tmp)
        env = base_env(display, home)
        out["platform"] = display.get("QT_QPA_PLATFORM")
        png = str(home / "shot.png")

        def timed(cmd: list[str], cwd: str | None = None) -> float:
            wall, rc, _rss, err = run_timed(cmd, env, cwd=cwd)
            if rc != 0:
                raise RuntimeError(f"{' '.join(cmd[:3])}... exited {rc}: {err.strip()[-300:]}")
            return wall

        # one warm-up each: the first run after a build pays the disk cache, not the app
        series(lambda: timed([PY, "-c", BARE_WINDOW, png]), 1)
        out["rows"]["bare PySide6 window (floor)"] = summary(series(lambda: timed([PY, "-c", BARE_WINDOW, png]),
                                                                    repeat))
        source = [PY, "-c", APP_MAIN, "gui", "--screenshot", png]
        series(lambda: timed(source, cwd=str(ROOT)), 1)
        out["rows"]["window shown, from source"] = summary(series(lambda: timed(source, cwd=str(ROOT)), repeat))
        selfcheck = [PY, "-c", APP_MAIN, "selfcheck", "--quiet"]
        out["rows"]["selfcheck, from source"] = summary(series(lambda: timed(selfcheck, cwd=str(ROOT)),
                                                               max(1, min(repeat, 3))))
        if built is not None:
            exe = str(built / "qualcoder-cse")
            series(lambda: timed([exe, "--version"]), 1)
            out["rows"]["window shown, built app"] = summary(series(
                lambda: timed([exe, "gui", "--screenshot", png], cwd=tmp), repeat))
            out["rows"]["--version, built app"] = summary(series(lambda: timed([exe, "--version"]), repeat))
            out["rows"]["selfcheck, built app"] = summary(series(
                lambda: timed([exe, "selfcheck", "--quiet"], cwd=tmp), max(1, min(repeat, 3))))
            out["built_folder_bytes"] = folder_size(built)
            out["built_folder"] = str(built)
    return out


def print_report(result: dict) -> None:
    print(f"start-up (platform: {result['platform']}; median and max of the runs)")
    print(f"| {'what':<36} | {'median':>8} | {'max':>8} |")
    print(f"|{'-' * 38}|{'-' * 10}|{'-' * 10}|")
    for name, row in result["rows"].items():
        if "error" in row:
            print(f"| {name:<36} | not available: {row['error'][:160]}")
            continue
        print(f"| {name:<36} | {row['median']:>6.2f} s | {row['max']:>6.2f} s |")
    if "built_folder_bytes" in result:
        print(f"built folder {result['built_folder']}: {result['built_folder_bytes'] / 1e6:.0f} MB")


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Start-up and self-check timings, source and built app.")
    ap.add_argument("--built", type=Path, default=ROOT / "dist" / "qualcoder-cse",
                    help="the built one-folder app (default dist/qualcoder-cse; skipped when missing)")
    ap.add_argument("--repeat", type=int, default=5)
    ap.add_argument("--json", type=Path, help="also write the figures as JSON here")
    a = ap.parse_args(argv)
    built = a.built if (a.built / "qualcoder-cse").exists() else None
    if built is None:
        print(f"not available: built app ({a.built} not found; run `make installer` first)")
    result = measure(built, a.repeat)
    print_report(result)
    if a.json:
        a.json.parent.mkdir(parents=True, exist_ok=True)
        a.json.write_text(json.dumps(result, indent=2))
    return 0


if __name__ == "__main__":
    sys.exit(main())
