"""The suggester's own exception, importable without loading scikit-learn (the window imports it at start)."""

from __future__ import annotations


class Cancelled(Exception):
    """The researcher cancelled training or suggesting."""
