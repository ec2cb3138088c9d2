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


# (session 11) a sender, its time and its message on one line ("tylerbx 21:04  u coming", "Kez M 9:14 pm ok"),
# heading three lines or more; and an account named with its platform number, as a platform's return to the
# police gives it ("Author kayzmarie (Instagram: 48291034562)")
_INLINE = re.compile(rf"^(?P<n>[^\W\d_][\w.'’-]{{0,30}}(?: [^\W\d_][\w'’-]{{0,14}})?)[ \t]+\[?{_STAMP}\]?[ \t]+(?=\S)",
                     re.MULTILINE)
_ACCOUNT = re.compile(r"(?<![\w.@])(?P<h>[A-Za-z0-9_][\w.]{1,29}) \((?:Instagram|Facebook|Messenger|WhatsApp|Snapchat|"
                      r"TikTok|Threads)[ :]+\d{5,20}\)")


# the fields of a log or a return, which head lines with a time too ("Sent 2026-01-03 19:22:01 UTC")
_FIELDS = frozenset(["sent", "received", "date", "time", "body", "author", "created", "updated", "deleted", "timestamp",
                     "call", "calls", "missed", "incoming", "outgoing", "status", "type", "read", "delivered", "seen",
                     "edited", "uploaded", "taken", "start", "started", "end", "ended", "duration", "login", "logout",
                     "ip", "at", "on", "from", "to", "by", "note", "notes", "entry", "log", "in", "out", "arrived",
                     "left", "logged", "opened", "closed", "session", "meeting", "visit", "recording", "cctv", "anpr"])


def _handle(name: str) -> bool:
    """A handle's shape, not a role code heading a researcher's typed-up chat ("yp3", "P1")."""
    return any(c.isdigit() or c in "_." for c in name) and " " not in name and not re.fullmatch(
        r"[A-Za-z]{1,3}\d{1,2}", name)


def platform_accounts(text: str) -> list[Span]:
    """Accounts a platform's return names with their number: the handle as a contact, wherever it is used."""
    handles = {m.group("h") for m in _ACCOUNT.finditer(text)} if " (" in text else set()
    out = []
    for h in handles:
        for m in re.finditer(rf"(?<![\w.@]){re.escape(h)}(?![\w@]|\.\w)", text):
            out.append(Span(m.start(), m.end(), "CONTACT", h, 0.85, "context"))
    return out


def chat_senders(text: str) -> list[Span]:
    """Each sender named in a header line whose shape heads three lines or more of the text, as a person."""
    out: list[Span] = []
    inline = list(_INLINE.finditer(text))
    if len(inline) >= 3:
        counts: dict[str, int] = {}
        for m in inline:
            counts[m.group("n")] = counts.get(m.group("n"), 0) + 1
        for m in inline:
            name = m.group("n")
            if counts[name] < 2 or _BOTS.intersection(name.casefold().split()) or (
                    _FIELDS.intersection(name.casefold().split())):
                continue
            if _handle(name):
                out.append(Span(m.start("n"), m.end("n"), "CONTACT", name, 0.75, "context"))
            elif any(c.isdigit() for c in name):
                continue
            elif (sp := _name_span(text, m.start("n"), name, 0.7)) is not None:
                out.append(sp)
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


# (session 13) a chat's list of members, each name with its username: "t – tiaa.rx", "Mikey W – mwhit_777",
# "Sky ✨ – skyyy.b"; two lines or more make a list, and every name in it is a person, a single letter too
_MEMBER = re.compile(rf"^[ \t]*(?:[-•*][ \t]+)?(?P<n>[^\W\d_][\w'’-]*(?: [^\W\d_][\w'’-]*){{0,2}}){_EMOJI}[ \t]+[–—-]"
                     r"[ \t]+@?(?P<h>[A-Za-z0-9_][\w.]{1,29})[ \t]*$", re.MULTILINE)


def member_lists(text: str) -> list[Span]:
    rows = [m for m in _MEMBER.finditer(text) if _handle(m.group("h"))]
    if len(rows) < 2:
        return []
    out = [Span(m.start("n"), m.end("n"), "PERSON", m.group("n"), 0.7, SENDER) for m in rows
           if m.group("n").casefold() not in _ME and not _BOTS.intersection(m.group("n").casefold().split())]
    # a member called by one letter is that letter where a name stands: heading a line, opening a message, after
    # "of"/"tell", before "ur"/"is" ("t 16:02  where r u", "t ur bro was lookin for u", "brother of t (Tia Rix)")
    # a member heading a message by the whole name from the list: "Mikey W 19:52  t ur bro"
    for name in {x.text for x in out if " " in x.text}:
        out += [Span(m.start(), m.start() + len(name), "PERSON", name, 0.7, SENDER) for m in re.finditer(
            rf"^{re.escape(name)}(?=[ \t]+{_CLOCK})", text, re.MULTILINE)]
    letters = {x.text for x in out if len(x.text) == 1}
    for letter in letters:
        rx = re.compile(rf"(?:^|(?<=\d\d )|(?<=\d\d  )|(?<=\d\d\t)|(?<=\bof )|(?<=\btell )|(?<=\bwiv )|(?<=\bwith )|"
                        rf"(?<=\bask )|(?<=\band ))(?P<l>{letter})(?=[ \t]+"
                        rf"(?:{_CLOCK}|ur|u|is|was|said|says|has)\b|[ \t]*\()", re.MULTILINE)
        taken = {x.start for x in out}
        out += [Span(m.start("l"), m.end("l"), "PERSON", letter, 0.6, SENDER) for m in rx.finditer(text)
                if m.start("l") not in taken]
    return out
