"""Codes a transcript's key defines as roles, and bare titles, are not identifiers (issue 15, session 12).

A body-worn video key says "F1 = female juvenile; M1 = male at door": "M1" is then a speaker's role, not the
motorway, wherever it appears. A title standing alone before a name ("Const. Young") is not a place or a
person either, whatever a model made of it.
"""

from __future__ import annotations

import re

from .lexicon import TITLES
from .spans import Span, fold

_ROLE_KEY = re.compile(r"(?:^|[;,:(]|\t)[ \t]*(?P<c>[A-Z][A-Za-z]?\d{0,2})[ \t]*=[ \t]*(?:a[ \t]+|an[ \t]+|the[ \t]+)?[a-z]",
                       re.MULTILINE)


def key_codes(text: str, spans: list[Span]) -> list[Span]:
    roles = {m.group("c") for m in _ROLE_KEY.finditer(text)} if "=" in text else set()
    out = []
    for s in spans:
        if s.label in ("PERSON", "LOCATION", "ORG"):
            if s.text in roles:
                continue
            if fold(s.text).rstrip(".") in TITLES and re.match(r"\.?[ \t]+[A-Z]", text[s.end:s.end + 3]):
                continue
        out.append(s)
    return out
