"""What the review screen would propose for a line: the texts of the spans at its threshold."""

from __future__ import annotations

from qualcoder_cse.anonymise.detect import Detector
from qualcoder_cse.anonymise.spans import REVIEW_MIN_CONFIDENCE


def proposed(det: Detector, text: str, label: str | None = None) -> list[str]:
    """The surface texts the review would show for ``text`` (of one label, or all)."""
    return [s.text for s in det.detect(text, min_confidence=REVIEW_MIN_CONFIDENCE) if label in (None, s.label)]


def persons(det: Detector, text: str) -> list[str]:
    return proposed(det, text, "PERSON")
