"""Senders of any chat export, found by the slot they fill on every line rather than by their spelling (issue 15,
session 11: CONTACT and PERSON recall on exports in formats the rules were not written for).

Every export puts its sender in the same place on each line, beside a date or time: "2026-01-03 19:22:01 UTC
deanox: ...", "Received | xXkezXx | TEXT | ...", "2026-01-03 19:22:01<TAB>kayzmarie<TAB>...", '"sender_name":
"deanox"', "Sent by deanox on 12 Jan 2026", "deanox (21:04): ...", or alone above the message and its date
(Instagram's download). A handle of plain letters ("deanox", "xXkezXx") has no shape of its own and no name
list knows it; the slot says what it is. A line shape counts when it heads three lines or more, and a word in
its slot when it fills it twice or more; the fields of a log ("Sent", "Text", "IN"), role codes ("yp3", "P1")
and ordinary English words stay out. A handle's shape (digits, "_", ".") is a username; letters alone
are read as the person's name.
"""

from __future__ import annotations

import re

from .chat_senders import _CLOCK, _DAY, _FIELDS
from .gazetteers import Gazetteers
from .lexicon import ROLE_WORDS, STOP
from .spans import Span

_H = r"(?P<h>[A-Za-z0-9][A-Za-z0-9_.'’-]{0,29}[A-Za-z0-9_]|[A-Za-z])"
_ST = rf"(?:{_DAY}(?:,|\s+at)?\s+)?{_CLOCK}(?:\s*(?:UTC|GMT|BST|[AP]M))?"
_OPEN = r"[\[(]?"
_CLOSE = r"[\])]?"
_DIR = r"(?:(?:IN|OUT|Received|Sent|Incoming|Outgoing|Inbox|Outbox)\b[ \t]*(?:[|:,-][ \t]*)?)?"
_SLOTS = [
    # a stamp, perhaps a direction, then the sender and a separator: "2026-01-03 19:22:01 UTC deanox: hi",
    # "12/01/2026 21:04 IN deanox: hi", "21:04 deanox > hi", "2026-01-03 19:22:01<TAB>deanox<TAB>hi"
    re.compile(rf"^[ \t]*{_OPEN}{_ST}{_CLOSE}[ \t]*(?:[-–—|,·][ \t]*)?{_DIR}{_H}(?=[ \t]*(?::[ \t]|>[ \t]|\t|,\"|,|"
               rf"[ \t]\||$))", re.MULTILINE),
    # the sender, then a stamp in brackets and a colon: "deanox (21:04): hi"
    re.compile(rf"^[ \t]*{_H}[ \t]+[\[(]{_ST}[\])][ \t]*:", re.MULTILINE),
    # a direction field then the sender between pipes or after a colon: "Received | xXkezXx | TEXT | ..."
    re.compile(rf"^[ \t]*(?:Received|Sent|From|To|Sender|Author|IN|OUT)[ \t]*[|:][ \t]*{_H}[ \t]*(?:\||$)",
               re.MULTILINE),
    re.compile(rf"\"(?:sender_name|sender|author|from|username)\"[ \t]*:[ \t]*\"{_H}\""),
    re.compile(rf"\b(?:Sent|sent) by {_H} (?:on|at) "),
    # alone on its line above the message and a line with only its date (Instagram's download)
    re.compile(rf"^[ \t]*{_H}[ \t]*\n[^\n]+\n[ \t]*{_DAY}(?:,|\s+at)?\s+{_CLOCK}[ \t]*$", re.MULTILINE),
]
_CODE = re.compile(r"[A-Za-z]{1,3}\d{1,2}")
_NEVER = frozenset(["me", "you", "in", "out", "system", "unknown", "deleted", "text", "media", "chat", "note",
                    "snap", "image", "video", "photo", "sticker", "call", "audio", "missed", "utc", "gmt", "bst",
                    "am", "pm", "resp", "int", "mod", "admin", "respondent", "interviewer", "facilitator",
                    "researcher", "participant", "officer", "worker", "parent", "child", "yp", "nan", "mum", "dad"])


def _slot_word(h: str, gaz: Gazetteers) -> str | None:
    """The label of a word filling a sender slot, or None when it is a field, a role or an English word."""
    k = h.casefold()
    if len(h) < 2 or h.isdigit() or _CODE.fullmatch(h) or k in _NEVER or k in _FIELDS or k in STOP or (
            k in ROLE_WORDS):
        return None
    is_given = k in gaz.given and gaz.given[k][0] >= 20
    if h.isupper() and len(h) <= 5 and not is_given:
        return None  # "RESP", "INT": a role heading a transcript's turns
    if k in gaz.words and not is_given:
        return None
    # a handle's shape is a username; a word of letters is read as the person's name (as other passes read it)
    return "CONTACT" if any(c.isdigit() or c in "_." for c in h) else "PERSON"


def sender_slots(text: str, gaz: Gazetteers) -> list[Span]:
    out: list[Span] = []
    for rx in _SLOTS:
        found = list(rx.finditer(text))
        if len(found) < 3:
            continue
        counts: dict[str, int] = {}
        for m in found:
            counts[m.group("h")] = counts.get(m.group("h"), 0) + 1
        labels = {h: _slot_word(h, gaz) for h, n in counts.items() if n >= 2}
        for m in found:
            label = labels.get(m.group("h"))
            if label is not None:
                out.append(Span(m.start("h"), m.end("h"), label, m.group("h"), 0.7, "context"))
    return out
