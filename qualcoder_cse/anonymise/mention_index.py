"""Where each word of a text starts, keyed by its leading letters and digits, so that the other mentions of many
names are found in one pass over the text instead of one scan per name (a hostile chat with thousands of
different names must not make detection quadratic)."""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

_WORD = re.compile(r"[^\W_][\w.'’@-]*")
_LEAD = re.compile(r"[^\W_]+")


class MentionIndex:
    def __init__(self, text: str) -> None:
        self.text = text
        self._starts: dict[str, list[int]] = {}
        for m in _WORD.finditer(text):
            lead = _LEAD.match(text, m.start())
            self._starts.setdefault(lead.group(), []).append(m.start())

    def find(self, name: str, after: re.Pattern[str]) -> Iterator[tuple[int, int]]:
        """(start, end) of each mention of ``name`` written the same way, standing alone before (no letter, digit,
        "@", ".", "/" or "-") and followed by what ``after`` matches (its match is part of the mention)."""
        lead = _LEAD.match(name)
        text = self.text
        if lead is None:  # "@kez": a rare name that opens with a mark, scanned for
            for m in re.finditer(r"(?<![\w@./-])" + re.escape(name), text):
                a = after.match(text, m.end())
                if a is not None:
                    yield m.start(), a.end()
            return
        key = lead.group()
        # a mention may run on by a plural or possessive "s" its ``after`` allows ("kasias"): that word's key too
        for st in sorted(self._starts.get(key, []) + self._starts.get(key + "s", [])):
            if not text.startswith(name, st):
                continue
            if st and (text[st - 1].isalnum() or text[st - 1] in "_@./-"):
                continue
            m = after.match(text, st + len(name))
            if m is not None:
                yield st, m.end()

    def find_all(self, names: Iterable[str], after: re.Pattern[str]) -> Iterator[tuple[str, int, int]]:
        for name in names:
            for st, en in self.find(name, after):
                yield name, st, en
