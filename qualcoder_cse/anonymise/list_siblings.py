"""A list of people each with their age in brackets ("Hope Brazier (15), Tyler-Jay Corbett (14), Mercedes
Onyango (16)"): when a name in the list is found, every item of the same shape is a person, even one whose
words are a brand or a car ("Mercedes")."""

from __future__ import annotations

import re

from .spans import Span

_NAME = r"[A-Z][\w'’-]+(?: [A-Z][\w'’-]+){0,2}"
_ITEM = re.compile(rf"(?P<name>{_NAME}) \((?:aged? )?\d{{1,2}}\)")
_LIST = re.compile(rf"{_NAME} \((?:aged? )?\d{{1,2}}\)(?:(?:, | and | & ){_NAME} \((?:aged? )?\d{{1,2}}\))+")


def age_lists(text: str, spans: list[Span]) -> list[Span]:
    if "(" not in text:
        return []
    persons = {(s.start, s.end) for s in spans if s.label == "PERSON"}
    out = []
    for lst in _LIST.finditer(text):
        items = [(m.start("name") + lst.start(), m.end("name") + lst.start(), m.group("name"))
                 for m in _ITEM.finditer(lst.group())]
        if len(items) < 2 or not any((a, b) in persons for a, b, _ in items):
            continue
        out += [Span(a, b, "PERSON", name, 0.8, "list") for a, b, name in items if (a, b) not in persons]
    return out


_CAPS_BEFORE = re.compile(r"(?:(?<=[\s:–—(\"])|^)((?:[A-Z][A-Z'’-]+ ){1,2})$")


def caps_full_names(text: str, spans: list[Span], gaz) -> list[Span]:
    """A name written in capitals in a mixed-case text ("Missing person: AUTUMN ROSE FLETCHER"): the given names
    before a surname found in capitals join it, even given names that are words ("AUTUMN", "RIVER")."""
    from .lexicon import ROLE_WORDS, STOP, TITLES

    out = []
    for s in spans:
        if s.label != "PERSON" or not s.text.isupper() or " " in s.text or len(s.text) < 3:
            continue
        m = _CAPS_BEFORE.search(text, max(0, s.start - 40), s.start)
        if not m:
            continue
        words = m.group(1).split()
        keys = [w.lower() for w in words]
        if any(k in STOP or k in TITLES or k in ROLE_WORDS or gaz.given.get(k, (0,))[0] < 200 for k in keys):
            continue
        out.append(Span(m.start(1), s.end, "PERSON", text[m.start(1):s.end], max(0.7, s.confidence), "position"))
    return out
