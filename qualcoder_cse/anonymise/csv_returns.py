"""Data returns pasted as comma-separated rows (a platform's "subscriber_info.csv", "chat.csv"): a header line
of field names, then rows. A handle in a sender, recipient or username field is a contact everywhere in the
document; the header's field names and the file names are not identifiers. Nor are the column names heading a
table of "|"-separated rows ("Time | Author | Story reply", "Job | Pickup | Veh | Fare") when they are ordinary
words or words no list knows (a column named after a person, "Date | Mum | Jodie", stays)."""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .mention_index import MentionIndex
from .merging import merge
from .spans import Span, fold

_FIELD = re.compile(r"[a-z][a-z0-9_]*")
# columns holding an account's handle
_HANDLE_COLUMNS = frozenset({
    "from", "to", "sender", "recipient", "receiver", "username", "user_name", "user", "author", "account",
    "handle", "sender_username", "recipient_username", "from_user", "to_user", "screen_name", "login",
})
_HANDLE = re.compile(r"[A-Za-z0-9][\w.\-]{1,38}[A-Za-z0-9_]")
_FILE_NAME = re.compile(r"[\w\-]+\.(?:csv|json|txt|html?|xml|xlsx?|docx?|pdf|zip)\b", re.IGNORECASE)
_DATE_LIKE = re.compile(r"\d[\d\-/.: ]*")


def _header(line: str) -> list[str] | None:
    fields = [f.strip() for f in line.split(",")]
    if len(fields) < 3 or not all(_FIELD.fullmatch(f) for f in fields):
        return None
    return fields


def csv_handles(text: str) -> tuple[list[Span], list[tuple[int, int]]]:
    """Handles found in the handle columns of comma-separated rows, and the (start, end) of each header line."""
    handles: set[str] = set()
    headers: list[tuple[int, int]] = []
    columns: list[int] = []
    width = 0
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        fields = _header(line)
        if fields is not None:
            headers.append((start, start + len(line)))
            columns = [i for i, f in enumerate(fields) if f in _HANDLE_COLUMNS]
            width = len(fields)
            continue
        if not columns:
            continue
        if line.count(",") < width - 1:
            columns = []  # the table has ended
            continue
        values = line.split(",", width - 1)
        for i in columns:
            v = values[i].strip()
            if _HANDLE.fullmatch(v) and not _DATE_LIKE.fullmatch(v) and any(c.isalpha() for c in v):
                handles.add(v)
    out: list[Span] = []
    for h in handles:
        for m in re.finditer(r"(?<![\w@.])" + re.escape(h) + r"(?![\w@]|\.\w)", text, re.IGNORECASE):
            out.append(Span(m.start(), m.end(), "CONTACT", m.group(), 0.9, "csv"))
    return out, headers


# (session 7) a record's field naming an account, one handle per line: "From: shaunaa.x_", "Account: kez_07 | ..."
_FIELD_LINE = re.compile(r"(?im)^[ \t]*(?:from|to|sender|recipient|receiver|account|username|user|author|chat with|"
                         r"target account|handle|sent by|profile)[ \t]*:[ \t]*(?P<h>@?[A-Za-z0-9_][\w.\-]{1,38})"
                         r"[ \t]*(?:$|\||,|\()")


_HANDLE_END = re.compile(r"(?![\w@]|\.\w)")


def field_handles(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with the handles named in a record's account fields, and their other mentions, as contacts."""
    if ":" not in text:
        return spans
    handles = {m.group("h").lstrip("@") for m in _FIELD_LINE.finditer(text)}
    handles = {h for h in handles if any(c.isdigit() or c in "_." for c in h) and any(c.isalpha() for c in h)
               and not _DATE_LIKE.fullmatch(h) and not _FILE_NAME.fullmatch(h)}
    if not handles:
        return spans
    found = [Span(st, en, "CONTACT", text[st:en], 0.85, "field")
             for _h, st, en in MentionIndex(text).find_all(sorted(handles), _HANDLE_END)]
    return merge(spans + found)


def csv_returns(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with the handles of comma-separated data returns added, and the field names of their header
    lines and file names (``chat.csv``) proposed as contacts dropped."""
    if "," not in text:
        return spans
    found, headers = csv_handles(text)
    if not headers and ".csv" not in text.lower():
        return spans
    files = [(m.start(), m.end()) for m in _FILE_NAME.finditer(text)]

    def inside(s: Span, ranges) -> bool:
        return any(a <= s.start and s.end <= b for a, b in ranges)

    kept = [s for s in spans if not (s.label == "CONTACT" and (inside(s, headers) or inside(s, files)))]
    return merge(kept + found) if found else kept


def _pipe_headers(text: str) -> list[tuple[int, int]]:
    """The (start, end) of each "|" table's header row: cells without digits, a few words each, above a row with
    as many "|" and a digit in it."""
    out = []
    lines = text.split("\n")
    pos = 0
    for i, line in enumerate(lines):
        start, pos = pos, pos + len(line) + 1
        bars = line.count("|")
        if bars < 2 or any(c.isdigit() for c in line):
            continue
        cells = [c.strip() for c in line.split("|")]
        if any(len(c.split()) > 3 for c in cells):
            continue
        nxt = next((ln for ln in lines[i + 1:i + 3] if ln.strip() and set(ln.strip()) - set("|-: ")), "")
        if nxt.count("|") == bars and any(c.isdigit() for c in nxt):
            out.append((start, start + len(line)))
    return out


def table_headers(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    """``spans`` without the ordinary column names of "|" tables proposed as names."""
    if text.count("|") < 4:
        return spans
    heads = _pipe_headers(text)
    if not heads:
        return spans

    def column_name(s: Span) -> bool:
        if not any(a <= s.start and s.end <= b for a, b in heads):
            return False
        # an ordinary word, or one no list knows; not a given name, not a surname that is no word
        return all(gaz.given.get(k, (0,))[0] < 200 and (gaz.words.get(k, 99) <= 35 or k not in gaz.surnames)
                   for k in fold(s.text).split())

    return [s for s in spans if not (s.label in ("PERSON", "ORG", "LOCATION") and column_name(s))]


# columns of a "|" table whose cells are reference numbers ("Job | Booked | Pickup": "44102")
_ID_COLUMNS = frozenset(["job", "job no", "job ref", "job number", "ref", "reference", "ref no", "log", "log no",
                         "log number", "booking", "booking no", "booking ref", "incident", "incident no",
                         "incident ref", "crime no", "crime ref", "case no", "case ref", "occurrence",
                         "occurrence no", "call no", "call ref", "urn"])
_ID_CELL = re.compile(r"[A-Z0-9][A-Z0-9/-]{3,19}")


def table_ids(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` with the cells of a "|" table's reference column (headed Job, Ref, Log, Incident no...) proposed
    as identifiers when they hold four digits or more."""
    if text.count("|") < 4:
        return spans
    new: list[Span] = []
    columns: list[int] = []
    width = 0
    pos = 0
    for line in text.split("\n"):
        start, pos = pos, pos + len(line) + 1
        cells = line.split("|")
        if len(cells) < 3:
            columns = [] if not line.strip() else columns
            continue
        heads = [fold(c.strip().rstrip(".:#").strip()) for c in cells]
        found = [i for i, h in enumerate(heads) if h in _ID_COLUMNS]
        if found and not any(ch.isdigit() for ch in line):
            columns, width = found, len(cells)
            continue
        if not columns or len(cells) < width:
            continue
        at = start
        for i, cell in enumerate(cells):
            value = cell.strip()
            if i in columns and _ID_CELL.fullmatch(value) and sum(ch.isdigit() for ch in value) >= 4:
                a = at + cell.index(value)
                new.append(Span(a, a + len(value), "ID", value, 0.75, "table"))
            at += len(cell) + 1
    return merge(spans + new) if new else spans
