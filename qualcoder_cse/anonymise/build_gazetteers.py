"""Build the compact gazetteers the anonymiser ships in ``resources/gazetteers/`` from the openly licensed lists.

Run once when the source lists change (not at run time; nothing is downloaded)::

    python -m qualcoder_cse.anonymise.build_gazetteers [--data ../shared/data] [--scowl /usr/share/dict/scowl]

Inputs: the name and place lists described in ``resources/gazetteers/LICENCES.md`` and, for telling names
from ordinary words, the SCOWL English word lists (Debian package ``scowl``; permissive licence). Outputs are
gzipped TSV files of folded (lowercase, accents stripped) keys with the counts the detector needs.
"""

from __future__ import annotations

import argparse
import csv
import gzip
import re
import sys
import unicodedata
from pathlib import Path

from ..paths import resources_dir

SCOWL_TIERS = (10, 20, 35, 40, 50, 55, 60, 70)
_NON_ALPHA = re.compile(r"[^a-z]")


def fold(text: str) -> str:
    """Casefold and strip accents (the lists are accent-free)."""
    text = unicodedata.normalize("NFKD", text.casefold())
    return "".join(c for c in text if not unicodedata.combining(c))


def _rows(path: Path):
    with path.open(encoding="utf-8", newline="") as fh:
        reader = csv.reader(fh, delimiter="\t", quoting=csv.QUOTE_NONE)
        next(reader)
        yield from reader


def _write(path: Path, rows) -> int:
    n = 0
    with open(path, "wb") as raw, gzip.GzipFile(fileobj=raw, mode="wb", compresslevel=9, mtime=0) as gz:
        for row in rows:
            gz.write(("\t".join(str(x) for x in row) + "\n").encode("utf-8"))  # mtime 0: reproducible bytes
            n += 1
    return n


def build(data: Path, scowl: Path, out: Path) -> None:
    out.mkdir(parents=True, exist_ok=True)

    given: dict[str, list[int]] = {}
    for name, uk, _ew, _sc, _ni, us in _rows(data / "given_names.tsv"):
        uk_i, us_i = int(uk or 0), int(us or 0)
        if uk_i < 3 and us_i < 30:
            continue  # one-off registrations add noise (and words) without recall
        key = fold(name)
        cur = given.setdefault(key, [0, 0])
        cur[0] += uk_i
        cur[1] += us_i
    n = _write(out / "given_names.tsv.gz", ((k, v[0], v[1]) for k, v in given.items()))
    print(f"given names: {n}")

    surnames: dict[str, int] = {}
    for row in _rows(data / "surnames.tsv"):
        name, count = row[0], row[2] if len(row) > 2 else ""
        key = fold(name)
        surnames[key] = max(surnames.get(key, 0), int(count or 100))
    extra = data / "surnames_extra_wiktionary.tsv"
    n_extra = 0
    if extra.exists():
        for name, langs in _rows(extra):
            key = _NON_ALPHA.sub("", fold(name))
            if len(key) >= 3 and key not in surnames and any(
                lang in langs for lang in ("pol", "ron", "eng", "gle", "cym", "gla", "yor", "lit", "lav", "slk",
                                           "ces", "hun", "bul", "hrv", "srp", "ukr", "rus", "tur", "ibo")
            ):
                surnames[key] = 1  # 1 marks "from the CC BY-SA supplement"
                n_extra += 1
    n = _write(out / "surnames.tsv.gz", sorted(surnames.items()))
    print(f"surnames: {n} (of which {n_extra} from the Wiktionary supplement)")

    places = []
    for name, types, countries, _sources in _rows(data / "uk_places.tsv"):
        places.append((name, types, countries))
    n = _write(out / "uk_places.tsv.gz", places)
    print(f"places: {n}")

    streets = [(w, pos, c) for w, pos, c in _rows(data / "uk_street_types.tsv")]
    n = _write(out / "uk_street_types.tsv.gz", streets)
    print(f"street words: {n}")

    tiers: dict[str, int] = {}
    for tier in SCOWL_TIERS:
        for stem in ("english-words", "british-words", "american-words"):
            path = scowl / f"{stem}.{tier}"
            if not path.exists():
                continue
            for line in path.read_text(encoding="utf-8", errors="replace").splitlines():
                word = line.strip()
                if not word or not word.islower() or "'" in word:
                    continue
                tiers.setdefault(fold(word), tier)
    n = _write(out / "english_words.tsv.gz", sorted(tiers.items()))
    print(f"english words: {n}")
    from .gazetteers import write_cache

    print(f"cache: {write_cache(out)}")


def main(argv: list[str] | None = None) -> int:
    here = Path(__file__).resolve().parents[2]
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--data", type=Path, default=here.parent / "shared" / "data")
    parser.add_argument("--scowl", type=Path, default=Path("/usr/share/dict/scowl"))
    parser.add_argument("--out", type=Path, default=resources_dir() / "gazetteers")
    args = parser.parse_args(argv)
    if not (args.data / "given_names.tsv").exists():
        print(f"error: no given_names.tsv in {args.data}", file=sys.stderr)
        return 2
    build(args.data, args.scowl, args.out)
    return 0


if __name__ == "__main__":
    sys.exit(main())
