"""Check that every dependency (build system, app, build and test extras) installs from wheels on each platform.

Run by ``.ci/run``. For each target it resolves ``pyproject.toml``'s requirements for CPython 3.11 with
``uv pip compile --python-platform ... --only-binary :all:``, which (unlike ``pip --platform``) also evaluates
environment markers for the target, so Windows-only dependencies such as ``pywin32-ctypes`` are checked too.
Packages in ``SDIST_OK`` are pure Python published as an sdist only; they may be built from source.

    .venv/bin/python packaging/check_wheels.py [--strict] [--platform NAME ...]

Exit 0: every platform resolves (or PyPI could not be reached and ``--strict`` is not given: a warning says the
check was NOT run). Exit 1: a platform does not resolve; the message names each package without a wheel.
Exit 3: PyPI could not be reached and ``--strict`` was given (the release workflow uses it).
"""

from __future__ import annotations

import argparse
import os
import re
import subprocess
import sys
import tempfile
import time
import tomllib
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
EXTRAS = ("build", "test")
SDIST_OK = ("odfpy",)  # pure Python, published as an sdist only (built on the fly, no compiler needed)

# name shown to the user -> (uv's --python-platform, extra environment). macOS is checked at its oldest
# supported release (11, Big Sur); Linux at glibc 2.28 (RHEL 8, Debian 10) on x86_64 and 2.31 (Ubuntu 20.04,
# Debian 11) on aarch64, where Qt publishes no older wheels.
PLATFORMS: dict[str, tuple[str, dict[str, str]]] = {
    "win_amd64": ("x86_64-pc-windows-msvc", {}),
    "macosx_11_0_x86_64": ("x86_64-apple-darwin", {"MACOSX_DEPLOYMENT_TARGET": "11.0"}),
    # Apple silicon from macOS 12: scikit-learn publishes its arm64 wheels for macOS 12 and later only
    "macosx_12_0_arm64": ("aarch64-apple-darwin", {"MACOSX_DEPLOYMENT_TARGET": "12.0"}),
    "manylinux_2_28_x86_64": ("x86_64-manylinux_2_28", {}),
    "manylinux_2_31_aarch64": ("aarch64-manylinux_2_31", {}),
}

# uv's words for "the index did not answer": such a failure says nothing about wheels, so it is retried.
_NETWORK = re.compile(
    r"Failed to fetch|error sending request|tcp connect error|dns error|operation timed out|timed out|"
    r"Connection (refused|reset)|connection closed|Request failed after|status server error|"
    r"502 Bad Gateway|503 Service|504 Gateway|Failed to download|network is unreachable",
    re.IGNORECASE,
)
_NAME = r"(?:^|(?<=[\s`]))([A-Za-z][A-Za-z0-9._-]*)`?(?:[<>=!~]=?[^\s`]+)?`?"
_MISSING = (
    re.compile(_NAME + r" has no (?:usable )?wheels", re.MULTILINE),
    re.compile(r"Wheels are available for `([^`]+)`"),
    re.compile(r"there is no version of `?([A-Za-z0-9][A-Za-z0-9._-]*)"),
    re.compile(r"only (?:source distributions|an sdist) (?:are|is) available for `?([A-Za-z0-9][A-Za-z0-9._-]*)"),
)


@dataclass
class Result:
    platform: str
    status: str  # "ok" | "missing" | "network" | "error"
    packages: dict[str, str] = field(default_factory=dict)
    missing: list[str] = field(default_factory=list)
    detail: str = ""


def requirements(pyproject: Path = ROOT / "pyproject.toml", extras: tuple[str, ...] = EXTRAS) -> list[str]:
    data = tomllib.loads(pyproject.read_text(encoding="utf-8"))
    project = data["project"]
    # The build backend too: `pip install .` on a researcher's laptop builds our own package first.
    reqs = list(data.get("build-system", {}).get("requires", [])) + list(project["dependencies"])
    for extra in extras:
        reqs += project.get("optional-dependencies", {}).get(extra, [])
    return reqs


def uv_binary() -> str:
    try:
        from uv import find_uv_bin
    except ImportError:
        raise SystemExit("uv is not installed in this environment: pip install -e '.[test]' (or pip install uv)")
    return find_uv_bin()


def classify(platform: str, returncode: int, stderr: str, lock_text: str) -> Result:
    if returncode == 0:
        packages = {}
        for line in lock_text.splitlines():
            name, sep, version = line.strip().partition("==")
            if sep and not line.startswith("#"):
                packages[name.strip()] = version.split()[0]
        return Result(platform, "ok", packages=packages)
    missing = sorted({m.group(1).lower() for rx in _MISSING for m in rx.finditer(stderr)})
    tail = "\n".join(line for line in stderr.strip().splitlines()[-12:])
    if missing:
        return Result(platform, "missing", missing=missing, detail=tail)
    if _NETWORK.search(stderr):
        return Result(platform, "network", detail=tail)
    return Result(platform, "error", detail=tail)


def resolve(uv: str, platform: str, reqs: list[str], uv_args: list[str], attempts: int) -> Result:
    target, extra_env = PLATFORMS[platform]
    env = dict(os.environ, **extra_env)
    env.setdefault("UV_HTTP_TIMEOUT", "60")
    sdist_ok = [name for name in SDIST_OK if any(re.match(rf"{name}\b", r, re.IGNORECASE) for r in reqs)]
    with tempfile.TemporaryDirectory(prefix="qcse-wheels-") as tmp:
        req_file, out_file = Path(tmp) / "requirements.in", Path(tmp) / "resolved.txt"
        req_file.write_text("\n".join(reqs) + "\n", encoding="utf-8")
        cmd = [uv, "pip", "compile", "--quiet", "--no-header", "--python-version", "3.11",
               "--python-platform", target, "--only-binary", ":all:", *[f"--no-binary={n}" for n in sdist_ok],
               *uv_args, str(req_file), "-o", str(out_file)]
        result = Result(platform, "error")
        for attempt in range(attempts):
            proc = subprocess.run(cmd, capture_output=True, text=True, env=env, timeout=600, check=False)
            lock_text = out_file.read_text(encoding="utf-8") if out_file.exists() else ""
            result = classify(platform, proc.returncode, proc.stderr, lock_text)
            if result.status != "network" or attempt == attempts - 1:
                return result
            time.sleep(5 * (attempt + 1))  # PyPI or the network is slow: try again before giving up
        return result


def report(results: list[Result], strict: bool) -> int:
    code = 0
    for r in results:
        if r.status == "ok":
            sdists = [name for name in SDIST_OK if name in r.packages]
            also = f" but {', '.join(sdists)} (pure-Python sdist)" if sdists else ""
            key = [f"{name} {r.packages[name]}" for name in ("pyside6-essentials", "sqlcipher3") if name in r.packages]
            print(f"ok       {r.platform}: {len(r.packages)} packages, all from wheels{also}"
                  + (f" ({', '.join(key)})" if key else ""))
        elif r.status == "missing":
            print(f"MISSING  {r.platform}: no wheel for Python 3.11 on {r.platform}: {', '.join(r.missing)}")
            print("         " + r.detail.replace("\n", "\n         "))
            code = 1
        elif r.status == "network":
            print(f"NOT RUN  {r.platform}: the package index could not be reached (network), so this platform "
                  "was NOT checked")
            print("         " + r.detail.replace("\n", "\n         "))
            code = code or (3 if strict else 0)
        else:
            print(f"FAILED   {r.platform}: dependencies do not resolve")
            print("         " + r.detail.replace("\n", "\n         "))
            code = 1
    return code


def main(argv: list[str] | None = None) -> int:
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--platform", action="append", choices=sorted(PLATFORMS), help="check only these")
    ap.add_argument("--strict", action="store_true", help="an unreachable index is a failure (exit 3)")
    ap.add_argument("--requirement", action="append", help="check these instead of pyproject.toml's")
    ap.add_argument("--uv-arg", action="append", default=[], help="passed to uv pip compile (e.g. --offline)")
    ap.add_argument("--attempts", type=int, default=3, help="tries per platform when the index does not answer")
    a = ap.parse_args(argv)
    reqs = a.requirement or requirements()
    platforms = a.platform or list(PLATFORMS)
    t0 = time.perf_counter()
    uv = uv_binary()  # once, before the threads: uv's finder reads sysconfig, which is not thread-safe
    with ThreadPoolExecutor(max_workers=len(platforms)) as pool:
        results = list(pool.map(lambda p: resolve(uv, p, reqs, a.uv_arg, max(1, a.attempts)), platforms))
    code = report(results, a.strict)
    what = "given" if a.requirement else f"build system + app + {' + '.join(EXTRAS)} extras"
    print(f"wheel check: {len(reqs)} requirements ({what}), Python 3.11, "
          f"{len(platforms)} platforms, {time.perf_counter() - t0:.0f} s")
    return code


if __name__ == "__main__":
    sys.exit(main())
