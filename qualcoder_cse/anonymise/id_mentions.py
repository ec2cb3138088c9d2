"""Every other mention of a reference the detector found once (issue 15, session 12).

A log gives a job, collar or crime number once in a labelled position ("JOB 48812", "Const. Young (19436)") and
later bare ("jobs 48812 and 48821", "Control, 19436"); a phone number is given whole and later by its last
group ("do not accept jobs on the 900713 number"). The bare mentions are the same identifier, so they are
proposed with it. A four-digit number that could be a year is not carried (a year said elsewhere is no ID).
"""

from __future__ import annotations

import re

from .merging import _coverage, merge
from .spans import Span

_YEAR = re.compile(r"(?:19|20)\d\d")
_PHONE_TAIL = re.compile(r"(\d{6,7})\s*$")


def _carried(s: Span) -> list[str]:
    """The texts to look for again: the ID itself and its long number ("JOB 48812" -> "48812"), or the last
    group of a phone number."""
    text = s.text.strip()
    if s.label == "ID" and s.confidence >= 0.45 and len(text) >= 4 and any(c.isdigit() for c in text) \
            and not _YEAR.fullmatch(text) and "\n" not in text and len(text) <= 30:
        return [text] + [w for w in text.split() if w != text and w.isdigit() and len(w) >= 5]
    if s.label == "CONTACT" and "@" not in text and (m := _PHONE_TAIL.search(text)) and len(re.sub(r"\D", "", text)) >= 10:
        return [m.group(1)]
    return []


def id_mentions(text: str, spans: list[Span]) -> list[Span]:
    carried: dict[str, str] = {}
    for s in spans:
        for key in _carried(s):
            carried.setdefault(key, s.label)
    if not carried:
        return spans
    cov = _coverage(spans, len(text))
    alt = "|".join(sorted((re.escape(k) for k in carried), key=len, reverse=True))
    new = []
    for m in re.finditer(rf"(?<![\w/.:+-])(?:{alt})(?![\w/:-]|[.,]\d)", text):
        if not any(cov[m.start():m.end()]):
            new.append(Span(m.start(), m.end(), carried[m.group()], m.group(), 0.6, "propagate"))
    return merge(spans + new) if new else spans
