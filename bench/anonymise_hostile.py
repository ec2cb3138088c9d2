"""Detection speed on hostile chat text: thousands of different lowercase names, handles, quoted nicknames and
naming phrases in one document, where a pass that looks back over the whole text (or over every name found)
for each span goes quadratic. Prints words per second beside the floor measured in the same run: the same
detector on as many words of ordinary transcript text from the dev corpus.

    .venv/bin/python bench/anonymise_hostile.py [--lines 4000]

Found in session 8: a look-back for a handle's leading underscores searched from the text's start for every
span (499 kB took 112 s, 748 words/s); bounded, it took about 7 s, and the look-back was later dropped for
the handle patterns reading the underscores themselves.

Session 9 adds single lines of one shape repeated 10,000 times (a chain of districts "TW3/TW3/...", a run of
titles "Mr Mr ...", thousands of capitalised words the model reads as one name, a line in capitals), each
against dev text of the same number of characters. Three were quadratic before session 9's review: 33 s, 20 s and
9.9 s for 80 kB (a code pattern trying every split of the chain, the titles loop walking the whole run from each
title, the model's long span checked character by character against every rule span inside it).
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from qualcoder_cse.anonymise.detect import load_detector
from qualcoder_cse.anonymise.evaluate import load_corpus

_SYLLABLES = ["ka", "ri", "zo", "mel", "dan", "ty", "lo", "bex", "sha", "nu", "vi", "ro", "jae", "kez", "mo"]


def hostile_text(lines: int, seed: int = 3) -> str:
    r = random.Random(seed)
    out = []
    for i in range(lines):
        n = "".join(r.choice(_SYLLABLES) for _ in range(2))
        out.append(f"[12/05/2026, 21:{i % 60:02d}] _user{i % 50}.x: his mate {n} was weird, {n.title()} and "
                   f"\"{n.title()}x\" shut up {n} lol they call him \"{n.title()}\" 21:{i % 60:02d} {n.title()}. "
                   f"the blue {n} chippy")
    return "\n".join(out)


def words_per_second(det, text: str) -> tuple[float, float]:
    t = time.perf_counter()
    det.detect(text, min_confidence=0.3)
    dt = time.perf_counter() - t
    return len(text.split()) / dt, dt


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--lines", type=int, default=4000)
    args = ap.parse_args()
    det = load_detector()
    hostile = hostile_text(args.lines)
    dev = "\n\n".join(d.text for d in load_corpus(ROOT / "tests" / "data" / "anonymise"))
    words = len(hostile.split())
    while len(dev.split()) < words:
        dev += "\n\n" + dev
    dev = " ".join(dev.split(" ")[:words])
    det.detect(dev[:5000])  # warm the model
    floor, floor_s = words_per_second(det, dev)
    wps, secs = words_per_second(det, hostile)
    print(f"hostile chat: {len(hostile) / 1000:.0f} kB, {words:,} words, {secs:.1f} s, {wps:,.0f} words/s")
    print(f"floor (dev transcripts, same words, same run): {floor_s:.1f} s, {floor:,.0f} words/s")
    ratio = wps / floor
    print(f"hostile / floor: {ratio:.2f} ({'OK' if ratio >= 0.3 else 'SLOW: a pass may be quadratic'}, target >= 0.3)")
    worst = ratio
    for name, unit in _SHAPES:  # one "word" may be a whole line here: characters per second, not words
        line = unit * 10_000 + "\n"
        _w, fs = words_per_second(det, dev[:len(line)])
        _w, ws = words_per_second(det, line)
        worst = min(worst, fs / ws)
        print(f"{name}: {len(line) / 1000:.0f} kB in one line, {ws:.2f} s, {len(line) / ws:,.0f} chars/s; "
              f"floor (dev text, same length) {fs:.2f} s; ratio {fs / ws:.2f}")
    print(f"worst ratio {worst:.2f} ({'OK' if worst >= 0.3 else 'SLOW: a pass may be quadratic'}, target >= 0.3)")
    return 0


_SHAPES = [("chain of districts", "TW3/"), ("run of titles", "Mr "), ("capitalised words", "Abc "),
           ("a line in capitals", "ABC DEF "),
           # (session 10) each of these made one pass per match over every span until it was batched
           ("addresses with districts", "12 Oak Road, Meir, "), ("Welsh streets", "4 Tan y Bryn "),
           ("courts by their town", "the High Court in Leeds "), ("addresses with postcodes", "9 Elm Road, Leeds, LS1 2AB, "),
           # (session 11) passes that read every line of an export, every definition in a note, every phrase
           ("export lines, one sender slot each", "2026-01-03 19:22:01 UTC deanox: u coming\n"),
           ("definitions in a note", '"sunday" is Sunday Adeyemi; bring sunday. '),
           ("lowercase chat places and introductions", "jj: its chance here. past the baths hall n up cave hill\n"),
           ("named statutory bodies", "Highland Child Protection Committee and Metropolitan Police Service "),
           # (session 11 review) a plate-like code searched its whole sentence for a vehicle word: 106 s on 108 kB
           ("plate-like codes without full stops", "AB 1234 CDE-12345 "),
           # (session 13) spoken codes, numbered lowercase streets, initials before word-surnames, member rows
           ("spoken codes and lowercase streets", "Foxtrot Delta six eight Kilo oh seven seven 12 high st K. White "),
           ("member rows and collar numbers", "t – tiaa.rx PC Orla Mac 7213 card ending 4471 URN 50 DJ 0412 26 ")]


if __name__ == "__main__":
    raise SystemExit(main())
