"""The shipped gazetteers (given names, surnames, UK places, street words, English word tiers), loaded once.

The files in ``resources/gazetteers/`` are built by ``build_gazetteers.py``; keys are folded lowercase.
Word tiers come from SCOWL: 10 is the commonest English words, 70 rare ones; a name that is also a common
word ("will", "grace") needs context before it is proposed.
"""

from __future__ import annotations

import gzip
import pickle
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
    major: set[str] = field(default_factory=set)  # one-word cities, towns and districts (London, Oldham)

    def tier(self, key: str) -> int | None:
        return self.words.get(key)


def _lines(path: Path):
    with gzip.open(path, "rt", encoding="utf-8") as fh:
        for line in fh:
            yield line.rstrip("\n").split("\t")


CACHE_NAME = "gazetteers.pickle.gz"
CACHE_VERSION = 2
_FIELDS = ("given", "surnames", "words", "places1", "places_multi", "street_suffixes", "street_prefixes", "major")
MAJOR_TYPES = frozenset({"City", "Town", "Local Authority District", "District/Borough", "County/Unitary Authority"})


@lru_cache(maxsize=2)
def load_gazetteers(directory: str | None = None) -> Gazetteers:
    """The gazetteers, from the prebuilt cache when it is there and current (4x faster), else the TSV files."""
    d = Path(directory) if directory else resources_dir() / "gazetteers"
    cache = d / CACHE_NAME
    if cache.exists():
        try:
            with gzip.open(cache, "rb") as fh:
                data = pickle.load(fh)  # our own file, shipped with the app; never user input
            if data.get("version") == CACHE_VERSION:
                fields = {k: data[k] for k in _FIELDS}
                for k in ("street_suffixes", "street_prefixes", "major"):
                    fields[k] = set(fields[k])
                return _with_nicknames(Gazetteers(**fields))
        except (OSError, EOFError, pickle.UnpicklingError, KeyError, TypeError, AttributeError):
            pass
    return _with_nicknames(parse_tsv(d))


# British nicknames and short forms that the registration lists miss or count low (hand list; public domain)
NICKNAMES = frozenset(
    ["shaz", "kez", "gaz", "baz", "daz", "shiz", "mags", "tommo", "jonno", "deano", "robbo", "macca", "jacko", "smithy", "bex", "jules", "tash", "nav", "naz", "rhi", "kels", "dee", "tj", "jj", "mo", "kev", "bev", "trev", "del", "sid", "ste", "stevie", "gav", "chaz", "jaz", "mikey", "bri", "lou", "viv", "jono", "woody", "stu", "dom", "fliss", "tilly", "gemma", "jodes", "kaz", "laz", "maz", "raz", "taz", "bazza", "gazza", "dazza", "shazza", "kezza", "jase", "jez", "lee-lee", "ricky", "mikey", "rach", "becks", "bella", "izzy", "lizzie", "maddie", "millie", "nat", "nattie", "rosie", "sav", "sanj", "raj", "jas", "jazz", "manny", "mo-mo", "deeks", "tyrese"]
)


def _with_nicknames(g: Gazetteers) -> Gazetteers:
    for name in NICKNAMES:
        if name not in g.words:
            g.given.setdefault(name, (100, 0))
    return g


def write_cache(directory: Path) -> Path:
    g = parse_tsv(directory)
    data = {k: getattr(g, k) for k in _FIELDS}
    for k in ("street_suffixes", "street_prefixes", "major"):
        data[k] = sorted(data[k])  # sets pickle in hash order; sorted lists give the same bytes every time
    data["version"] = CACHE_VERSION
    out = directory / CACHE_NAME
    with open(out, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as fh:
        pickle.dump(data, fh, protocol=5)  # mtime 0: the same input gives the same bytes
    return out


def parse_tsv(d: Path) -> Gazetteers:
    from .spans import fold

    g = Gazetteers()
    g.given = {r[0]: (int(r[1]), int(r[2])) for r in _lines(d / "given_names.tsv.gz")}
    g.surnames = {r[0]: int(r[1]) for r in _lines(d / "surnames.tsv.gz")}
    g.words = {r[0]: int(r[1]) for r in _lines(d / "english_words.tsv.gz")}
    for name, types, _countries in _lines(d / "uk_places.tsv.gz"):
        townish = any(t in PLACE_TOWN_TYPES for t in types.split(";"))
        parts = tuple(fold(p) for p in name.split())
        if len(parts) == 1:
            g.places1[parts[0]] = g.places1.get(parts[0], False) or townish
            if any(t in MAJOR_TYPES for t in types.split(";")):
                g.major.add(parts[0])
        else:
            g.places_multi.setdefault(parts[0], []).append((parts, townish))
    for lst in g.places_multi.values():
        lst.sort(key=lambda p: -len(p[0]))
    for word, pos, _count in _lines(d / "uk_street_types.tsv.gz"):
        (g.street_suffixes if pos == "suffix" else g.street_prefixes).add(fold(word))
    return g
