"""The release workflow and the installer recipes, checked here without a Windows or macOS machine.

``.github/workflows/release.yml`` is validated against GitHub's workflow schema (check-jsonschema's vendored
copy: offline), every ``run:`` script is parsed by ``bash -n``, and the workflow is read for what the issue
asks: builds on Windows, macOS arm64 and x86_64 and Linux, smoke-tests ``--version`` and ``selfcheck`` of the
built app, uploads the artifacts. The Inno Setup script and the .dmg recipe must point at files that exist.
What cannot be run here (the workflow itself, ISCC, hdiutil) is listed in docs/packaging.md.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[2]
WORKFLOW = ROOT / ".github" / "workflows" / "release.yml"
ISS = ROOT / "packaging" / "windows" / "qualcoder-cse.iss"
DMG = ROOT / "packaging" / "macos" / "make_dmg.sh"


def _check_jsonschema(path: Path) -> subprocess.CompletedProcess:
    exe = Path(sys.executable).with_name("check-jsonschema")
    if not exe.exists():
        pytest.skip("check-jsonschema (test extra) is not installed")
    return subprocess.run([str(exe), "--builtin-schema", "vendor.github-workflows", str(path)],
                          capture_output=True, text=True, timeout=120, check=False)


def _load() -> dict:
    from ruamel.yaml import YAML

    return YAML(typ="safe").load(WORKFLOW.read_text(encoding="utf-8"))


def test_workflow_matches_githubs_schema(tmp_path: Path) -> None:
    ok = _check_jsonschema(WORKFLOW)
    assert ok.returncode == 0, ok.stdout + ok.stderr
    broken = tmp_path / "broken.yml"  # the same file with a job that says where to run in a wrong key
    broken.write_text(WORKFLOW.read_text(encoding="utf-8").replace("runs-on: ${{ matrix.os }}",
                                                                   "run-on: ${{ matrix.os }}"), encoding="utf-8")
    assert _check_jsonschema(broken).returncode != 0


@pytest.mark.skipif(shutil.which("bash") is None, reason="needs bash")
def test_every_run_script_parses() -> None:
    for job_name, job in _load()["jobs"].items():
        for step in job["steps"]:
            script = step.get("run")
            if not script:
                continue
            script = re.sub(r"\$\{\{[^}]*\}\}", "X", script)  # GitHub expressions are filled before bash
            proc = subprocess.run(["bash", "-n"], input=script, capture_output=True, text=True, check=False)
            assert proc.returncode == 0, f"{job_name} / {step.get('name')}: {proc.stderr}"


def test_builds_and_smoke_tests_every_platform() -> None:
    wf = _load()
    build = wf["jobs"]["build"]
    runners = {entry["os"] for entry in build["strategy"]["matrix"]["include"]}
    assert {"windows-latest", "macos-latest", "macos-15-intel"} <= runners  # arm64 and Intel Macs
    assert any(r.startswith("ubuntu") for r in runners)
    scripts = "\n".join(step.get("run", "") for step in build["steps"])
    assert "pyinstaller --noconfirm --clean build_installer.spec" in scripts
    assert '"$exe" --version' in scripts and '"$exe" selfcheck' in scripts
    assert "qualcoder-cse.iss" in scripts and "make_dmg.sh" in scripts and "archive.py" in scripts
    # The installed copy (Windows) and the copy inside the mounted image (macOS) are run too.
    assert '"$target/qualcoder-cse.exe" selfcheck' in scripts
    assert '"$mnt/QualCoder-CSE.app/Contents/MacOS/qualcoder-cse" selfcheck' in scripts
    uploads = [s for s in build["steps"] if str(s.get("uses", "")).startswith("actions/upload-artifact")]
    assert uploads and uploads[0]["with"]["if-no-files-found"] == "error"
    assert "--strict" in wf["jobs"]["wheels"]["steps"][-1]["run"]  # the release refuses an unreachable index


def test_installer_recipes_point_at_real_files() -> None:
    iss = ISS.read_text(encoding="utf-8")
    assert "PrivilegesRequired=lowest" in iss  # per user: no administrator rights on managed laptops
    for rel in re.findall(r'\{#Root\}\\([^";*]+)', iss):
        rel = rel.strip()
        if rel.startswith("dist"):
            continue  # made by the build
        assert (ROOT / rel.replace("\\", "/")).exists(), rel
    assert "qualcoder-cse-window.exe" in iss
    assert 'name=f"{NAME}-window"' in (ROOT / "build_installer.spec").read_text(encoding="utf-8")
    dmg = DMG.read_text(encoding="utf-8")
    assert "hdiutil create" in dmg and "CFBundleShortVersionString" in dmg
    assert (ROOT / "resources" / "icons" / "qualcoder-cse.icns").read_bytes()[:4] == b"icns"
    proc = subprocess.run(["sh", "-n", str(DMG)], capture_output=True, text=True, check=False)
    assert proc.returncode == 0, proc.stderr
