"""Lines written by other tools, recognised by their shape: an Android or iPhone WhatsApp export
("14/03/2024, 19:02 - Kayla 💕: text", "[14/03/2024, 19:02:11] Kayla: text") and a meeting transcript's
speaker line (Teams "Okonjo, Adaeze   0:04", Otter/Zoom "Shaun Brierley   1:08").

The date that opens every exported line stays proposed (it dates what was said; the review screen cuts it with
the timestamp, and a missed date costs more than one rejected). The sender is a person (or a phone number, found by the
patterns); a speaker line names a person as a whole, "Surname, Given" included. A date span never runs across
a line break ("sat\\n14/03/2024", "March.\\n\\n6")."""

from __future__ import annotations

import re
from collections import Counter

from .lexicon import NOT_NAMES, ROLE_WORDS, STOP
from .spans import Span, fold

_D = r"(\d{1,2}[/.]\d{1,2}[/.]\d{2,4}),? \d{1,2}:\d{2}(?::\d{2})?(?:\s?[apAP]\.?[mM]\.?)?"
# Android "14/03/2024, 19:02 - Name: text"; iPhone "[14/03/2024, 19:02:11] Name: text"
_EXPORT_HEAD = re.compile(rf"^(?:{_D} - |\[{_D}\] )(?P<rest>[^\n]*)$", re.MULTILINE)
# what follows a sender's name on a system line of the export
_SYSTEM = re.compile(r" (?:created group|added|removed|left|joined|changed (?:the|this|their)|was added|"
                     r"deleted this message)\b")
_SENDER_WORD = re.compile(r"[^\W\d_][\w'’.-]*")
_SPEAKER_LINE = re.compile(
    r"^(?P<name>[A-Z][\w'’.-]+(?:,? [A-Z][\w'’.-]+){1,3})(?: \([^)\n]{2,40}\))?[ \t]{2,}\d{1,2}:\d{2}(?::\d{2})?[ \t]*$",
    re.MULTILINE)
_NOT_SPEAKERS = frozenset(["speaker", "unknown", "participant", "interviewer", "facilitator", "researcher", "me", "you",
                           "guest", "host", "user", "caller"])


def _name_span(text: str, start: int, name: str, conf: float) -> Span | None:
    """A sender or speaker name as a person, when its words look like a name (not a role, not "Me")."""
    words = _SENDER_WORD.findall(name)
    if not words or any(ch.isdigit() for ch in name):
        return None
    keys = [fold(w) for w in words]
    if keys[0] in _NOT_SPEAKERS or all(k in ROLE_WORDS or k in STOP or k in NOT_NAMES for k in keys):
        return None
    # the name ends with its last word (emoji and symbols after it stay outside)
    last = name.rfind(words[-1]) + len(words[-1])
    return Span(start, start + last, "PERSON", text[start:start + last], conf, "context")


# a chat handle alone on its line, perhaps with the time, the message on the next line (Discord as copied
# without its dash: "KAYZ07", "deano_x  Today at 18:02")
_DASH_TIME = re.compile(r"[ \t]+[—–-][ \t]*\d")
_HANDLE_HEAD = re.compile(
    r"^(?P<h>[A-Za-z][A-Za-z0-9_.]{2,30}[A-Za-z0-9_])(?P<t>[ \t]+[—–-]?[ \t]*(?:(?i:today|yesterday) at "
    r"\d{1,2}:\d{2}(?:\s?[APap][Mm])?|\d{1,2}/\d{1,2}/\d{2,4},? \d{1,2}:\d{2}(?:\s?[APap][Mm])?|"
    r"(?<=[—–-])[ \t]*\d{1,2}:\d{2}(?:\s?[APap][Mm])?))?[ \t]*\n(?=[^\n])",
    re.MULTILINE)


def handle_headers(text: str) -> list[Span]:
    """Handles heading the messages of a chat copied as text: a handle shape (digits, "_" or "." in it) alone on
    its line with a time, or alone at least twice; any name heading two lines with a dash and a time
    ("M4RKUS — 19:10", "spudz — 19:11": Discord copied as text)."""
    every = list(_HANDLE_HEAD.finditer(text))
    dashed = Counter(m.group("h") for m in every if m.group("t") and _DASH_TIME.match(m.group("t")))
    found = [m for m in every if any(c.isdigit() or c in "_." for c in m.group("h")) or dashed[m.group("h")] >= 2]
    bare = Counter(m.group("h") for m in found if not m.group("t"))
    return [Span(m.start("h"), m.end("h"), "CONTACT", m.group("h"), 0.8, "context") for m in found
            if m.group("t") or bare[m.group("h")] >= 2]


def export_names(text: str) -> list[Span]:
    """Each WhatsApp export sender (and a member added) and each meeting-transcript speaker line, as a person."""
    new: list[Span] = []
    lines = list(_EXPORT_HEAD.finditer(text))
    if sum(": " in m.group("rest") for m in lines) < 3:
        lines = []  # a dated chronology, not an export
    for m in lines:
        rest, at = m.group("rest"), m.start("rest")
        colon = rest.find(": ")
        system = _SYSTEM.search(rest)
        if system and (colon < 0 or system.start() < colon):
            sender = rest[:system.start()]
            added = rest[system.end():].strip()
            if system.group().strip() == "added" and added:
                s = _name_span(text, at + rest.index(added, system.end()), added, 0.8)
                if s:
                    new.append(s)
        elif colon > 0:
            sender = rest[:colon]
        else:
            continue
        s = _name_span(text, at, sender.strip(), 0.8)
        if s:
            new.append(s)
    for m in _SPEAKER_LINE.finditer(text):
        s = _name_span(text, m.start("name"), m.group("name"), 0.85)
        if s:
            new.append(s)
    return new


_PARTY_COLUMNS = frozenset(["party", "from", "to", "contact", "sender", "recipient", "name", "contact name",
                            "participant", "author", "user"])


def table_names(text: str) -> list[Span]:
    """A phone-extraction or chat-log table ("# | Timestamp | Direction | Party | Body"): the cells of a column
    headed Party, From, To, Contact... are people (phone numbers there are found by the patterns)."""
    out: list[Span] = []
    columns: list[int] = []
    width = 0
    pos = 0
    for line in text.splitlines(keepends=True):
        cells = line.rstrip("\r\n").split("|")
        if len(cells) >= 3:
            heads = [fold(c.strip()) for c in cells]
            party = [i for i, h in enumerate(heads) if h in _PARTY_COLUMNS]
            if party and not any(ch.isdigit() for ch in line):
                columns, width = party, len(cells)  # a header row
            elif columns and len(cells) >= width:
                at = pos
                for i, cell in enumerate(cells):
                    if i in columns:
                        name = cell.strip()
                        # a bare name ("Shaniya", "T Money"); a cell with a rank, initials or a role is prose
                        if name and len(name.split()) <= 3 and not any(ch in name for ch in "()/,;:"):
                            s = _name_span(text, at + cell.index(name), name, 0.75)
                            if s:
                                out.append(s)
                    at += len(cell) + 1
        else:
            columns = [] if not line.strip() else columns
        pos += len(line)
    return out


def one_line_dates(text: str, spans: list[Span]) -> list[Span]:
    """A date span that ran across a line break keeps its last line when that still holds a date."""
    out = []
    for s in spans:
        if s.label == "DATE" and "\n" in s.text:
            s = _date_one_line(text, s)
            if s is None:
                continue
        out.append(s)
    return out


_DATE_DIGITS = re.compile(r"\d{1,2}[/.-]\d{1,2}[/.-]\d{2,4}|\d{1,2}(?:st|nd|rd|th)?\s+[A-Za-z]{3,}")


def _date_one_line(text: str, s: Span) -> Span | None:
    """The last line of a date span that ran across a line break, when that line still holds a date."""
    cut = s.text.rfind("\n") + 1
    rest = s.text[cut:]
    if not _DATE_DIGITS.search(rest):
        return None
    start = s.start + cut
    return Span(start, s.end, s.label, text[start:s.end], s.confidence, s.source)


# an attendee line written "Surname, Given" before the person's organisation or role: "Pryce, Hannah (Council)
# – Chair", "Reay, Lachlan – DS"
_SURNAME_FIRST = re.compile(r"^(?:\d{1,2}[.)][ \t]+|[-•*][ \t]+)?(?P<sur>[A-Z][\w'’-]+), (?P<given>[A-Z][\w'’-]+)"
                            r"(?= ?\(| [–—-] |[ \t]{2,}\d| [\"“])", re.MULTILINE)  # (session 7) "1. ADEBAYO, Kola \"K\""


def surname_first(text: str, given: dict, places: dict) -> list[Span]:
    """"Surname, Given" opening an attendee line before a bracket, a dash or a time, as one person, when the
    second word is a given name and the first is not a role or an ordinary word (nor two places: "Leeds,
    Bradford")."""
    out: list[Span] = []
    for m in _SURNAME_FIRST.finditer(text):
        sur, first = fold(m.group("sur")), fold(m.group("given"))
        if first not in given or sur in STOP or sur in ROLE_WORDS or sur in NOT_NAMES \
                or (sur in places and first in places):
            continue
        out.append(Span(m.start("sur"), m.end(), "PERSON", text[m.start("sur"):m.end()], 0.85, "context"))
    return out


_CAPS_LABEL = re.compile(r"^([A-Z][A-Z'’-]+):", re.MULTILINE)


def surname_labels(text: str, spans: list[Span]) -> list[Span]:
    """A surname in capitals as a speaker label ("TUCK:") where a full name found in the document ends with it
    ("Marianne Tuck"), even when the surname is an ordinary word."""
    surnames = {}
    for s in spans:
        words = s.text.split()  # "Marianne Tuck", not "Uncle.\nINT"
        if s.label == "PERSON" and len(words) >= 2 and s.confidence >= 0.6 and words[-1][:1].isupper() \
                and words[0][:1].isupper() and not any(c in s.text for c in ",.:\n"):
            surnames.setdefault(fold(words[-1]).removesuffix("'s").removesuffix("’s"), s.confidence)
    if not surnames:
        return []
    out = []
    for m in _CAPS_LABEL.finditer(text):
        key = fold(m.group(1))
        if len(key) >= 3 and key in surnames:
            out.append(Span(m.start(1), m.end(1), "PERSON", m.group(1), min(0.85, surnames[key]), "context"))
    return out
