"""A proposal under review: one span with its label, confidence, where it came from and the decision on it."""

from __future__ import annotations

from dataclasses import dataclass

PENDING, ACCEPTED, REJECTED = "pending", "accepted", "rejected"
UNSURE_BELOW = 0.6  # proposals under this confidence are flagged for a closer look


@dataclass
class Proposal:
    id: int
    start: int
    end: int
    label: str
    confidence: float
    source: str
    status: str = PENDING
    relabelled: bool = False

    @property
    def unsure(self) -> bool:
        return self.confidence < UNSURE_BELOW

    def overlaps(self, start: int, end: int) -> bool:
        return self.start < end and start < self.end
