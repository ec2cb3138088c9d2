"""The shipped detector, loaded once for the anonymiser's tests (``load_detector`` caches it too)."""

from __future__ import annotations

import pytest

from qualcoder_cse.anonymise.detect import Detector, load_detector


@pytest.fixture(scope="session")
def det() -> Detector:
    return load_detector()
