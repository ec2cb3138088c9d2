"""Terminal-safe output: a file name (or any text) holding escape sequences, other control characters or
bidirectional overrides is printed with those characters escaped (``\\x1b``), so a hostile name cannot move
the cursor, rewrite earlier lines, change the terminal title or reorder what is shown.

``guarded()`` wraps stderr and stdout for a whole command: newlines, tabs and carriage returns pass, every
other control character is escaped (JSON output escapes them itself; stored text never holds them).
"""

from __future__ import annotations

import contextlib
import re
import sys
from collections.abc import Iterator

_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\u061c\u200e\u200f\u202a-\u202e\u2066-\u2069]")


def clean(text: str) -> str:
    """``text`` with every unsafe character written as a visible escape; newline, tab and CR stay."""
    # \uXXXX above the C0 range, so a JSON string stays valid JSON (json.dump escapes C0 itself)
    return _UNSAFE.sub(lambda m: f"\\x{ord(m.group()):02x}" if ord(m.group()) < 0x7f
                       else f"\\u{ord(m.group()):04x}", text)


class _Guard:
    """A text stream that escapes unsafe characters before passing writes on."""

    def __init__(self, stream) -> None:
        self._stream = stream

    def write(self, text: str) -> int:
        self._stream.write(clean(text))
        return len(text)

    def __getattr__(self, name: str):
        return getattr(self._stream, name)


@contextlib.contextmanager
def guarded() -> Iterator[None]:
    out, err = sys.stdout, sys.stderr
    sys.stderr, sys.stdout = _Guard(err), _Guard(out)
    try:
        yield
    finally:
        sys.stdout, sys.stderr = out, err
