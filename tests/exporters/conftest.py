"""Fixtures for the export tests: the hand-counted sample project of tests/analysis/sample.py."""

from __future__ import annotations

from pathlib import Path

import pytest

from qualcoder_cse.core import Project
from tests.analysis.sample import build_sample
from tests.conftest import PASSPHRASE


@pytest.fixture(scope="session")
def sample_path(tmp_path_factory) -> Path:
    return build_sample(tmp_path_factory.mktemp("xsample") / "sample.qcse", PASSPHRASE)


@pytest.fixture()
def sample(sample_path: Path):
    p = Project.open(sample_path, PASSPHRASE, readonly=True)
    yield p
    p.close()
