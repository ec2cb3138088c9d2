"""The index that finds many names' other mentions in one pass: the same mentions a scan per name finds."""

from __future__ import annotations

import random
import re

from qualcoder_cse.anonymise.mention_index import MentionIndex

_END = re.compile(r"(?![\w@]|['’]\w\w)")
_PLURAL_END = re.compile(r"s?(?![\w@]|['’]\w\w)")


def _scan(text: str, name: str, tail: str) -> list[tuple[int, int]]:
    return [(m.start(), m.end()) for m in re.finditer(r"(?<![\w@./-])" + re.escape(name) + tail, text)]


def test_mentions_stand_alone_and_keep_their_tail():
    text = "kez's car, kezza, @kez, x/kez, kez. tell kez\nkasias mate kasia-lee kasia"
    index = MentionIndex(text)
    assert [text[a:b] for a, b in index.find("kez", _END)] == ["kez", "kez", "kez"]
    # as the scan per name did, a hyphen ends a mention ("kasia-lee" holds "kasia")
    assert [text[a:b] for a, b in index.find("kasia", _PLURAL_END)] == ["kasias", "kasia", "kasia"]
    assert [text[a:b] for a, b in index.find("@kez", _END)] == ["@kez"]  # a name opening with a mark: scanned for


def test_the_same_mentions_as_a_scan_per_name_on_a_random_chat():
    r = random.Random(7)

    def name() -> str:
        return "".join(r.choice("bdkmrstz") + r.choice("aeiou") for _ in range(2)) + r.choice(["", ".x", "_07"])

    names = [name() for _ in range(60)]
    text = "\n".join(f"{r.choice(names)}: me n {r.choice(names)} at {r.choice(names)}s, {r.choice(names)}'s"
                     for _ in range(400))
    index = MentionIndex(text)
    for n in set(names):
        assert list(index.find(n, _END)) == _scan(text, n, r"(?![\w@]|['’]\w\w)")
        assert list(index.find(n, _PLURAL_END)) == _scan(text, n, r"s?(?![\w@]|['’]\w\w)")
