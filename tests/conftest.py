"""Shared fixtures: an encrypted template project built once per session and copied for each test.

Every storage test uses a real SQLCipher file under tmp_path. Qt runs offscreen.
"""

from __future__ import annotations

import os
import shutil
import tempfile
from pathlib import Path

import pytest

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
# Backup folders remembered per user (core.backup) go to a throwaway folder, not the tester's config.
os.environ.setdefault("QUALCODER_CSE_CONFIG_DIR", tempfile.mkdtemp(prefix="qcse-test-config-"))

from qualcoder_cse.core import Project

PASSPHRASE = "correct horse battery staple"

SAMPLE_TEXTS = {
    "Police lead 1": (
        "INT: Can you tell me how the CSE team is set up?\n"
        "DI: We have an integrated team. Victim support sits with the investigators.\n"
        "INT: And disruption?\n"
        "DI: We use Child Abduction Warning Notices a lot, and we visit hotels with licensing.\n"
    ),
    "Board focus group": (
        "[Facilitator] How do partners share information?\n"
        "P1: Through the MASH mostly. It works when people turn up.\n"
        "P2: Information sharing is patchy with health, to be honest.\n"
        "P1: The police are good at it now 😀 compared with five years ago.\n"
    ),
    "Young people chat": (
        "yp1: police never listen tbh\n"
        "yp2: they did listen to me once, the officer was kind\n"
        "yp1: most of them judge u for going missing\n"
    ),
}


def _build_template(path: Path) -> None:
    with Project.create(path, PASSPHRASE, framework="policing-cse", coder="alice") as project:
        for name, text in SAMPLE_TEXTS.items():
            kind = {"Police lead 1": "police", "Board focus group": "lscb"}.get(name, "young_person")
            project.documents.add(name, text, kind=kind, source_sha256=f"sha-{name}")


@pytest.fixture(scope="session")
def template_project(tmp_path_factory) -> Path:
    """Path of a read-only encrypted template: the policing framework and three short documents."""
    path = tmp_path_factory.mktemp("template") / "template.qcse"
    _build_template(path)
    return path


@pytest.fixture()
def project_path(template_project: Path, tmp_path: Path) -> Path:
    """A fresh copy of the template for one test (closed; open it yourself)."""
    dest = tmp_path / "project.qcse"
    shutil.copyfile(template_project, dest)
    return dest


@pytest.fixture()
def project(project_path: Path):
    """The template copy, open for writing as coder 'alice'; closed after the test."""
    p = Project.open(project_path, PASSPHRASE, coder="alice")
    yield p
    p.close()


@pytest.fixture()
def passphrase() -> str:
    return PASSPHRASE
