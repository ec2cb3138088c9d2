"""Guess the kind of a transcript (police, LSCB / partner agencies, young people, field notes) from its file
name, its speaker labels and its words, for the import dialog to propose per file (the researcher can change
it). A guess, never a decision: ``guess_kind`` returns the kind and the reason in words, "other" when
nothing points anywhere.

    guess_kind("Police interview 3.docx", text, ["DC", "INT"])  # ("police", "speakers DC; words officer ...")
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable

# Cues per kind: speaker labels (whole label, case-insensitive) and words (whole words in the name or text).
SPEAKERS = {
    "police": {"dc", "ds", "di", "dci", "dsi", "pc", "psc", "sgt", "insp", "officer", "police", "detective"},
    "lscb": {"chair", "board", "lscb", "social worker", "sw", "health", "manager", "lead", "facilitator"},
    "young_person": {"yp", "young person", "girl", "boy", "teen"},
}
WORDS = {
    "police": {"police", "officer", "officers", "detective", "custody", "investigation", "investigations",
               "cawn", "cawns", "arrest", "arrested", "constabulary", "force", "operation", "disruption",
               "suspect", "suspects", "interview"},
    "lscb": {"lscb", "board", "partnership", "partners", "safeguarding", "mash", "multi-agency", "agency",
             "agencies", "commissioning", "health", "council", "strategy", "meeting", "minutes", "focus"},
    "young_person": {"chat", "tbh", "lol", "omg", "school", "mum", "mates", "friends", "snapchat", "insta",
                     "young", "yp", "u", "ur", "gonna", "dunno"},
    "fieldnote": {"fieldnote", "fieldnotes", "observation", "observed", "notes", "field", "diary"},
}
LABELS = {"police": "police", "lscb": "LSCB / partner agencies", "young_person": "young people",
          "fieldnote": "field notes"}
_WORD = re.compile(r"[a-z][a-z'-]*")
_YP_LABEL = re.compile(r"^(yp|young person|p)?\s*\d*$")


def guess_kind(name: str, text: str = "", speakers: Iterable[str] = ()) -> tuple[str, str]:
    """(kind, why) for a file called ``name`` with this text and these speaker labels."""
    scores: Counter[str] = Counter()
    why: dict[str, list[str]] = {k: [] for k in WORDS}
    name_words = set(_WORD.findall(name.casefold().replace("_", " ")))
    for kind, words in WORDS.items():
        hits = sorted(name_words & words)
        if hits:
            scores[kind] += 4 * len(hits)
            why[kind].append("file name: " + ", ".join(hits))
    labels = [s.strip().casefold().rstrip(":") for s in speakers if s and s.strip()]
    for kind, cues in SPEAKERS.items():
        hits = sorted({lab for lab in labels if lab in cues or lab.rstrip("0123456789 ") in cues})
        if hits:
            scores[kind] += 3 * len(hits)
            why[kind].append("speakers: " + ", ".join(hits))
    if len(labels) >= 3 and all(_YP_LABEL.match(lab) for lab in labels) and not scores["young_person"]:
        scores["lscb"] += 1  # P1, P2, P3...: a focus group; the board's unless the words say otherwise
    counts = Counter(_WORD.findall(text[:20000].casefold()))
    for kind, words in WORDS.items():
        found = {w: counts[w] for w in words if counts[w]}
        if found:
            scores[kind] += sum(min(n, 5) for n in found.values())
            top = sorted(found, key=lambda w: (-found[w], w))[:3]
            why[kind].append("words: " + ", ".join(top))
    if not scores or scores.most_common(1)[0][1] < 3:
        return "other", "nothing in the name, speakers or words points to a kind"
    kind = scores.most_common(1)[0][0]
    return kind, f"looks like {LABELS[kind]} ({'; '.join(why[kind])})"
