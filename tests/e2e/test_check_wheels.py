"""``packaging/check_wheels.py`` (run by ``.ci/run``): a package without a wheel for a platform fails and is
named; an index that does not answer is reported as NOT RUN, not as a missing wheel. Offline: the index is a
local folder of real (tiny) wheels, or a closed port.
"""

from __future__ import annotations

import base64
import hashlib
import importlib.util
import os
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
SCRIPT = ROOT / "packaging" / "check_wheels.py"

pytestmark = pytest.mark.skipif(importlib.util.find_spec("uv") is None, reason="uv (test extra) not installed")


def _wheel(folder: Path, name: str, version: str, tag: str, requires: tuple[str, ...] = ()) -> None:
    """A minimal valid wheel: one module, METADATA, WHEEL and RECORD."""
    dist = f"{name}-{version}"
    files = {
        f"{name}/__init__.py": b"",
        f"{dist}.dist-info/METADATA": (
            f"Metadata-Version: 2.1\nName: {name}\nVersion: {version}\n"
            + "".join(f"Requires-Dist: {r}\n" for r in requires)
        ).encode(),
        f"{dist}.dist-info/WHEEL": f"Wheel-Version: 1.0\nGenerator: test\nRoot-Is-Purelib: false\nTag: {tag}\n"
        .encode(),
    }
    record = []
    for path, data in files.items():
        digest = base64.urlsafe_b64encode(hashlib.sha256(data).digest()).rstrip(b"=").decode()
        record.append(f"{path},sha256={digest},{len(data)}")
    record.append(f"{dist}.dist-info/RECORD,,")
    with zipfile.ZipFile(folder / f"{dist}-{tag}.whl", "w") as zf:
        for path, data in files.items():
            zf.writestr(path, data)
        zf.writestr(f"{dist}.dist-info/RECORD", "\n".join(record) + "\n")


def _run(*args: str, env_extra: dict[str, str] | None = None) -> subprocess.CompletedProcess:
    env = dict(os.environ, UV_HTTP_RETRIES="0", UV_NO_CACHE="1", **(env_extra or {}))
    return subprocess.run([sys.executable, str(SCRIPT), *args], capture_output=True, text=True, timeout=120,
                          check=False, env=env)


@pytest.fixture()
def index(tmp_path: Path) -> Path:
    folder = tmp_path / "wheels"
    folder.mkdir()
    _wheel(folder, "qcse_app", "1.0", "py3-none-any", requires=("qcse_native>=1",))
    # The native dependency has wheels for Linux x86_64 and Windows only: no macOS, no aarch64.
    _wheel(folder, "qcse_native", "1.2", "cp311-cp311-manylinux_2_17_x86_64")
    _wheel(folder, "qcse_native", "1.2", "cp311-cp311-win_amd64")
    return folder


def _offline(index: Path) -> list[str]:
    return ["--uv-arg=--no-index", f"--uv-arg=--find-links={index}", "--requirement", "qcse_app"]


def test_missing_wheel_fails_and_names_the_package(index: Path) -> None:
    proc = _run(*_offline(index))
    assert proc.returncode == 1, proc.stdout + proc.stderr
    lines = proc.stdout.splitlines()
    assert any(ln.startswith("ok       win_amd64") for ln in lines), proc.stdout
    assert any(ln.startswith("ok       manylinux_2_28_x86_64") for ln in lines), proc.stdout
    for platform in ("macosx_11_0_x86_64", "macosx_12_0_arm64", "manylinux_2_31_aarch64"):
        assert f"MISSING  {platform}: no wheel for Python 3.11 on {platform}: qcse-native" in proc.stdout, platform


def test_all_platforms_resolve(index: Path) -> None:
    for tag in ("cp311-cp311-macosx_10_9_x86_64", "cp311-cp311-macosx_11_0_arm64",
                "cp311-cp311-manylinux_2_28_aarch64"):
        _wheel(index, "qcse_native", "1.2", tag)
    proc = _run(*_offline(index))
    assert proc.returncode == 0, proc.stdout + proc.stderr
    assert proc.stdout.count("ok       ") == 5
    assert "MISSING" not in proc.stdout and "NOT RUN" not in proc.stdout


def test_unreachable_index_is_not_a_missing_wheel() -> None:
    args = ["--uv-arg=--index-url=http://127.0.0.1:9/simple", "--requirement", "sqlcipher3", "--attempts", "1",
            "--platform", "win_amd64"]
    proc = _run(*args)
    assert proc.returncode == 0, proc.stdout + proc.stderr  # PyPI slow or down: a warning, not a red CI
    assert "NOT RUN  win_amd64" in proc.stdout and "MISSING" not in proc.stdout
    strict = _run(*args, "--strict")
    assert strict.returncode == 3  # the release workflow insists


def test_reads_pyproject_with_build_and_test_extras() -> None:
    spec = importlib.util.spec_from_file_location("check_wheels", SCRIPT)
    mod = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = mod  # dataclasses look their module up while the class is built
    spec.loader.exec_module(mod)
    reqs = mod.requirements()
    names = {r.split(">")[0].split("<")[0].split("=")[0].strip().lower() for r in reqs}
    assert {"sqlcipher3", "pyside6-essentials", "pyinstaller", "pytest", "odfpy", "setuptools"} <= names
    assert "sqlcipher3-binary" not in names  # Linux x86_64 wheels only
