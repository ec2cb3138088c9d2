"""People written "Surname, Given" where ``export_lines.surname_first`` does not look (issue 15, session 9):

- a WebVTT voice tag, as Teams exports a meeting: "<v Armstrong, Lesley>Okay, we'll start." (any name there
  is the speaker's);
- inside an attendee list after ":" or ";", before the person's organisation in brackets or the next ";":
  "Attendees: Pritchard, Ffion (Newport City Council); Hussain, Tariq (Gwent Police)", "Participants:
  Mahmood, Tariq; Hirst, Craig", and a meeting app's line "Mahmood, Tariq stopped transcription".
"""

from __future__ import annotations

import re

from .export_lines import _name_span
from .lexicon import NOT_NAMES, ROLE_WORDS, STOP
from .spans import Span, fold

_VOICE = re.compile(r"<v(?:\.[\w.-]+)?\s+(?P<n>[^<>\n]{2,60})>")
_LISTED = re.compile(r"(?m)(?:[:;][ \t]*)(?P<sur>[A-Z][\w'’-]+), (?P<given>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
                     r"(?= \(|;|[ \t]*$)|^(?P<sur2>[A-Z][\w'’-]+), (?P<given2>[A-Z][\w'’-]+(?: [A-Z][\w'’-]+)?)"
                     r"(?= (?:started|stopped) (?:transcription|recording)\b| joined the meeting| left the meeting)")


def surname_pairs(text: str, given: dict) -> list[Span]:
    out = []
    for m in _VOICE.finditer(text):
        s = _name_span(text, m.start("n"), m.group("n").strip(), 0.85)
        if s is not None:
            out.append(s)
    for m in _LISTED.finditer(text):
        g = "" if m.group("sur") else "2"
        sur, first = fold(m.group("sur" + g)), fold(m.group("given" + g).split()[0])
        if first in given and sur not in STOP and sur not in ROLE_WORDS and sur not in NOT_NAMES:
            s, e = m.start("sur" + g), m.end("given" + g)
            out.append(Span(s, e, "PERSON", text[s:e], 0.85, "context"))
    return out
