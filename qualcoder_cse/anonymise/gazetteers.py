"""The shipped gazetteers (given names, surnames, UK places, street words, English word tiers), loaded once.

The files in ``resources/gazetteers/`` are built by ``build_gazetteers.py``; keys are folded lowercase.
Word tiers come from SCOWL: 10 is the commonest English words, 70 rare ones; a name that is also a common
word ("will", "grace") needs context before it is proposed.
"""

from __future__ import annotations

import gzip
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path

from ..paths import resources_dir

PLACE_TOWN_TYPES = frozenset(
    {"City", "Town", "Local Authority District", "District/Borough", "County/Unitary Authority", "Suburban Area"}
)


@dataclass
class Gazetteers:
    given: dict[str, tuple[int, int]] = field(default_factory=dict)  # key -> (uk_total, us_ssa)
    surnames: dict[str, int] = field(default_factory=dict)  # key -> US census count (1 = supplement)
    words: dict[str, int] = field(default_factory=dict)  # key -> SCOWL tier
    places1: dict[str, bool] = field(default_factory=dict)  # one-word place key -> is a town-ish type
    places_multi: dict[str, list[tuple[tuple[str, ...], bool]]] = field(default_factory=dict)  # first word
    street_suffixes: set[str] = field(default_factory=set)
    street_prefixes: set[str] = field(default_factory=set)

    def tier(self, key: str) -> int | None:
        return self.words.get(key)


def _lines(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


@lru_cache(maxsize=2)
def load_gazetteers(directory: str | None = None) -> Gazetteers:
    from .spans import fold

    d = Path(directory) if directory else resources_dir() / "gazetteers"
    g = Gazetteers()
    g.given = {r[0]: (int(r[1]), int(r[2])) for r in _lines(d / "given_names.tsv.gz")}
    g.surnames = {r[0]: int(r[1]) for r in _lines(d / "surnames.tsv.gz")}
    g.words = {r[0]: int(r[1]) for r in _lines(d / "english_words.tsv.gz")}
    for name, types, _countries in _lines(d / "uk_places.tsv.gz"):
        townish = any(t in PLACE_TOWN_TYPES for t in types.split(";"))
        parts = tuple(fold(p) for p in name.split())
        if len(parts) == 1:
            g.places1[parts[0]] = g.places1.get(parts[0], False) or townish
        else:
            g.places_multi.setdefault(parts[0], []).append((parts, townish))
    for lst in g.places_multi.values():
        lst.sort(key=lambda p: -len(p[0]))
    for word, pos, _count in _lines(d / "uk_street_types.tsv.gz"):
        (g.street_suffixes if pos == "suffix" else g.street_prefixes).add(fold(word))
    return g
