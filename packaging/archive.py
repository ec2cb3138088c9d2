"""Pack the built one-folder app into ``dist/qualcoder-cse-VERSION-linux-x86_64.tar.gz``.

The archive holds one folder ``qualcoder-cse-VERSION/`` with the app (``qualcoder-cse/``), a desktop entry,
the icon, ``install.sh`` (per-user install: no root, no network) and a short README. The version comes from
``qualcoder_cse.__version__`` (the one place it is set). Run after ``make installer``::

    .venv/bin/python packaging/archive.py [--dist dist]
"""

from __future__ import annotations

import argparse
import io
import platform
import sys
import tarfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

from qualcoder_cse import __version__  # after the path is set, for a plain checkout

README = """QualCoder-CSE {version}
=====================

Unpack anywhere, then either run the app in place:

    ./qualcoder-cse/qualcoder-cse            (the window)
    ./qualcoder-cse/qualcoder-cse selfcheck  (proves this copy works: prints OK)

or install it for your user (menu entry, icon, `qualcoder-cse` on PATH; no root, no network):

    ./install.sh          and to remove it:  ./install.sh --uninstall

Everything the app needs is inside the folder: no Python, no network, nothing downloaded.
"""


def machine() -> str:
    m = platform.machine().lower()
    return {"amd64": "x86_64", "aarch64": "arm64"}.get(m, m)


def build_archive(dist: Path) -> Path:
    app = dist / "qualcoder-cse"
    exe = app / "qualcoder-cse"
    if not exe.exists():
        raise SystemExit(f"{exe} not found: build the app first (make installer)")
    top = f"qualcoder-cse-{__version__}"
    out = dist / f"{top}-linux-{machine()}.tar.gz"
    tmp = out.with_name(out.name + ".partial")
    packaging = ROOT / "packaging"
    with tarfile.open(tmp, "w:gz", compresslevel=6) as tar:
        tar.add(app, arcname=f"{top}/qualcoder-cse")
        tar.add(packaging / "qualcoder-cse.desktop", arcname=f"{top}/qualcoder-cse.desktop")
        tar.add(ROOT / "resources" / "icons" / "qualcoder-cse.png", arcname=f"{top}/qualcoder-cse.png")
        tar.add(packaging / "install.sh", arcname=f"{top}/install.sh")
        data = README.format(version=__version__).encode("utf-8")
        info = tarfile.TarInfo(f"{top}/README.txt")
        info.size, info.mtime, info.mode = len(data), int(time.time()), 0o644
        tar.addfile(info, io.BytesIO(data))
    tmp.replace(out)
    return out


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description="Pack the built app into a versioned Linux archive.")
    ap.add_argument("--dist", type=Path, default=ROOT / "dist", help="the PyInstaller dist folder (default dist/)")
    a = ap.parse_args(argv)
    t0 = time.perf_counter()
    out = build_archive(a.dist)
    print(f"wrote {out} ({out.stat().st_size / 1e6:.0f} MB) in {time.perf_counter() - t0:.0f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
