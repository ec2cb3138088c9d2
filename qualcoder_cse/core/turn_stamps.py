"""A speaker turn's timestamp once its document is anonymised: the time only, never the day.

A chat export's stamp names the day a child was somewhere, and the annotation guidelines mark it as a DATE:
"12/03/2024, 14:02" keeps "14:02", "2026-01-03 19:22:01 UTC" keeps "19:22:01 UTC". The import keeps the time
only since session 11 (``anonymise.pipeline``); schema 10 cuts the stamps of turns stored before that."""

from __future__ import annotations

import re

_STAMP_DATE = re.compile(r"^\[?(?:\d{4}-\d{2}-\d{2}[ T]?|\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4},?[ \t]*|"
                         r"\d{1,2}[ -][A-Za-z]{3,9}[ -]\d{2,4},?[ \t]*|[A-Za-z]{3,9} \d{1,2}, \d{4},?[ \t]*(?:at[ \t]+)?)")


def time_only(stamp: str) -> str | None:
    """A turn's timestamp without the day it names (a time alone identifies no one); None when it was only a
    date."""
    if not _STAMP_DATE.match(stamp):
        return stamp
    return _STAMP_DATE.sub("", stamp, count=1).strip(" \t,]") or None


def cut_stored_stamps(conn) -> int:
    """Every stored turn of an anonymised document keeps only its time; returns how many changed."""
    rows = conn.execute(
        "SELECT t.id, t.timestamp FROM turns t JOIN documents d ON d.id = t.document_id "
        "WHERE d.anonymised = 1 AND t.timestamp IS NOT NULL AND t.timestamp != ''"
    ).fetchall()
    changed = [(time_only(stamp), tid) for tid, stamp in rows if time_only(stamp) != stamp]
    conn.executemany("UPDATE turns SET timestamp = ? WHERE id = ?", changed)
    return len(changed)
