"""Keys 1-9 for codes: a code keeps its key once it has one.

The key list is ``window.recent_codes`` (key = position + 1). A code applied for the first time takes the
next free key; when all nine are taken it takes the key of the code applied longest ago, and no other code's
key moves. (Before, a new code took key 1 and pushed every other code one key along.)
"""

from __future__ import annotations

from itertools import count

MAX_KEYS = 9
_clock = count()


def remember(keys: list[int], code_id: int, last_used: dict[int, int]) -> list[int]:
    """The key list after ``code_id`` was applied; ``last_used`` (code id -> tick) is updated in place."""
    last_used[code_id] = next(_clock)
    if code_id in keys:
        return keys
    if len(keys) < MAX_KEYS:
        return [*keys, code_id]
    oldest = min(range(len(keys)), key=lambda i: last_used.get(keys[i], -1))
    out = list(keys)
    out[oldest] = code_id
    return out
