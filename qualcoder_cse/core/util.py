"""Small helpers shared by the managers: timestamps, GUIDs, word counts, colours."""

from __future__ import annotations

import re
import uuid
from datetime import UTC, datetime

_WORD = re.compile(r"\w+(?:['’]\w+)*")

PALETTE = (
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f",
    "#bcbd22", "#17becf", "#aec7e8", "#ffbb78", "#98df8a", "#ff9896", "#c5b0d5", "#c49c94",
)
_HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def now() -> str:
    return datetime.now(UTC).isoformat(timespec="seconds")


def new_guid() -> str:
    return str(uuid.uuid4())


def word_count(text: str) -> int:
    return sum(1 for _ in _WORD.finditer(text))


def valid_colour(colour: str) -> bool:
    return bool(_HEX.match(colour or ""))
