"""Senders heading the messages of chat exports that ``export_lines`` does not read, found by the shape of the
header line rather than by one app's format (issue 15, session 9):

- a name and a bracketed time, the message below (Telegram copied): "Bash 🦁, [28.04.25 16:02]";
- a name, a dot or dash and a time (Messenger, a pasted Snapchat): "Róisín · 16/03/2025 15:12", "Sami K 16:07";
- a name alone above a line with only the time (Instagram's data download): "J 🦅" then "Mar 1, 2025, 8:14 pm";
- a time then a name alone, the message below (Discord copied): "[18-Apr-25 7:02 PM] Niamh".

A shape counts only where it heads three lines or more of the text, so a heading above one date is not a chat.
The name is a person when its words look like one (not "You", "Me", a role); emoji stay outside the span.
Handles (digits, "_" or "." in them) are left to the handle patterns.
"""

from __future__ import annotations

import re

from .export_lines import _name_span
from .spans import Span

_CLOCK = r"\d{1,2}[:.]\d{2}(?::\d{2})?(?:\s?[AaPp]\.?[Mm]\.?)?"
_MON = r"(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*"
_DAYNAME = r"(?:Mon|Tue|Tues|Wed|Thu|Thur|Thurs|Fri|Sat|Sun)[a-z]*"
_DAY = (rf"(?:\d{{1,2}}[./-]\d{{1,2}}[./-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}|\d{{1,2}}[- ]{_MON}[- ]\d{{2,4}}|"
        rf"{_MON} \d{{1,2}}, \d{{4}}|{_DAYNAME},? \d{{1,2}} {_MON}(?: \d{{4}})?)")
_STAMP = rf"(?:(?:{_DAY}|{_DAYNAME}|(?i:today|yesterday)),?(?: at)? )?{_CLOCK}"
_DATED = rf"{_DAY},?(?: at)? {_CLOCK}"  # a name alone above a bare time is a message ("yh cant sleep" / "23:43")
_NAME = r"(?![AaPp]\.?[Mm]\b)[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){0,2}"
_EMOJI = r"(?:[ \t]*[^\w\s\[\]():|·—–,-])*"
_BOTS = frozenset(["system", "server", "bot", "admin", "moderator", "mod", "deleted", "unknown"])
_SHAPES = [
    re.compile(rf"^(?P<n>{_NAME}){_EMOJI},? \[{_STAMP}\][ \t]*$", re.MULTILINE),
    re.compile(rf"^(?P<n>{_NAME}){_EMOJI}[ \t]+(?:[·—–-][ \t]+)?{_STAMP}[ \t]*$", re.MULTILINE),
    re.compile(rf"^(?P<n>{_NAME}){_EMOJI}[ \t]*\n[ \t]*{_DATED}[ \t]*$", re.MULTILINE),
    re.compile(rf"^\[?{_STAMP}\]?[ \t]+(?:[-|·][ \t]+)?(?P<n>{_NAME}){_EMOJI}[ \t]*$", re.MULTILINE),
]


def chat_senders(text: str) -> list[Span]:
    """Each sender named in a header line whose shape heads three lines or more of the text, as a person."""
    out: list[Span] = []
    for shape in _SHAPES:
        heads = list(shape.finditer(text))
        if len(heads) < 3:
            continue
        for m in heads:
            s = _name_span(text, m.start("n"), m.group("n"), 0.7)
            if s is not None and not _BOTS.intersection(s.text.casefold().split()):
                out.append(s)
    return out


# (session 9) a chat written up as "ME: ..." and the other side by its label: "T: need u thurs", "Bash: u home"
# (phone screenshots typed out). Where "ME" heads three turns or more, every other label heading two or more
# is the person at the other end, even a single letter (which in an interview would be a role code).
_LABEL = re.compile(r"^(?P<l>[^\W\d_][\w'’-]{0,14}(?: [^\W\d_][\w'’-]{0,14})?)[ \t]*(?:[^\w\s:]{1,6}[ \t]*)?:[ \t]",
                    re.MULTILINE)
_ME = frozenset(["me", "you"])
SENDER = "sender"  # a source ``not_people`` keeps: the letter is a person here, not a role code
_NOT_OTHER = frozenset(["note", "notes", "officer", "analyst", "date", "time", "sent", "received", "from", "to",
                        "subject", "re", "tel", "mob", "email", "source", "action", "summary", "context", "comment",
                        "screenshot", "screenshots", "image", "photo", "message", "messages", "reply", "caption"])


def me_chat_labels(text: str) -> list[Span]:
    found = list(_LABEL.finditer(text))
    counts: dict[str, int] = {}
    for m in found:
        counts[m.group("l")] = counts.get(m.group("l"), 0) + 1
    if sum(n for label, n in counts.items() if label.casefold() in _ME) < 3:
        return []
    out = []
    for m in found:
        label = m.group("l")
        key = label.casefold()
        if key in _ME or counts[label] < 2 or _NOT_OTHER.intersection(key.split()):
            continue
        s = _name_span(text, m.start("l"), label, 0.7) if len(label) > 1 else \
            Span(m.start("l"), m.end("l"), "PERSON", label, 0.7, SENDER)
        if s is not None:
            out.append(s)
    return out
