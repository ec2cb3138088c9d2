"""Dates that name a day written the short ways notes and chats use (issue 15, session 5), beside the full
forms of ``patterns.py``:

- a weekday with an ordinal day: "Sat 14th", "Monday 3rd";
- a day and month in digits without a year where a date goes: "on 3/3", "from 19/4 to 22/4", "Tues 3/3"
  (a fraction or a score has no such word before it: "3/4 of them", "won 3/1");
- a day and month with a two-digit year: "14 Mar 24" (not "14 Mar 24 hours later");
- a range of days before their month, as one span: "14th-15th March", "from the 3rd to the 5th of June".
"""

from __future__ import annotations

import re

from .patterns import _DAY, _MON, _WEEKDAY, _YEAR
from .spans import Span

_ORDINAL = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)"
_DM = r"(?:0?[1-9]|[12]\d|3[01])/(?:0?[1-9]|1[0-2])"
_RX: list[tuple[re.Pattern, float]] = [
    (re.compile(rf"(?<![\w/]){_WEEKDAY}\s+(?:the\s+)?{_ORDINAL}(?![\w/])", re.IGNORECASE), 0.8),
    (re.compile(rf"(?<![\w/]){_WEEKDAY}\s+{_DM}(?![\w/]|\.\d)", re.IGNORECASE), 0.8),
    (re.compile(rf"(?<!\w)(?i:on|from|to|until|till|since|by|dated|between|and|before|after)\s+(?P<d>{_DM})"
                rf"(?![\w/]|\.\d)(?!\s*(?:of|th)\b)"), 0.6),
    (re.compile(rf"(?<![\w/]){_DAY}(?:\s+of)?\s+{_MON},?\s+\d{{2}}(?![\w:/.]|\.\d)"
                rf"(?!\s+(?:hours?|hrs?|mins?|minutes?|days?|weeks?|months?|years?|people|times|of|x)\b)",
                re.IGNORECASE), 0.85),
    (re.compile(rf"(?<![\w/]){_ORDINAL}\s?(?:-|–|to|and|till|until)\s?(?:the\s+)?{_DAY}(?:\s+of)?\s+{_MON}"
                rf"(?:,?\s+{_YEAR})?(?!\w)", re.IGNORECASE), 0.85),
]


def short_dates(text: str) -> list[Span]:
    out = []
    for rx, conf in _RX:
        for m in rx.finditer(text):
            key = "d" if "d" in rx.groupindex else 0
            s, e = m.start(key), m.end(key)
            out.append(Span(s, e, "DATE", text[s:e], conf, "pattern"))
    return out
