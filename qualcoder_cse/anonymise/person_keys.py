"""Which bare mentions of a person in one document are the same person as a full name found there (issue 15,
session 9), so that they share its placeholder when the text is anonymised:

- a part of the full name ("Jodie" of "Jodie Smith"), unless two full names share it ("Karen Jones" and "Karen
  Smith": a bare "Karen" is then neither, and gets a placeholder of its own);
- the full name's initials as minutes write them ("Jade Whitworth (JW)" ... "JW to refer"; "CaD" for "Catrin ap
  Dafydd"), when no other full name in the document has the same initials.
"""

from __future__ import annotations

import re

from .spans import entity_key

_LETTERS = re.compile(r"^[A-Z](?:[a-z]?[A-Z]){1,3}$")  # "JW", "CaD"; "CO'D" compared without its apostrophe


def _initials(surface: str) -> set[str]:
    words = [w for w in re.split(r"[\s'’-]+", surface.strip()) if w[:1].isalpha()]  # "O'Dowd": O, Dowd
    capitals = "".join(w[0] for w in words if w[0].isupper())
    with_particles = "".join(w[0] if w[0].isupper() else w[0].lower() for w in words)
    if len(capitals) < 2:
        return set()
    # (session 13) a middle name left out: "Rebwar Ahmed Karim (RK)"
    return {capitals, with_particles} | ({capitals[0] + capitals[-1]} if len(capitals) >= 3 else set())


def same_person_keys(text: str, proposals) -> dict[str, str]:
    """``{bare key: full name's key}`` for the accepted PERSON proposals of one document; a bare key mapped to
    "" is shared by two full names and stands for itself."""
    out: dict[str, str] = {}
    by_initials: dict[str, str] = {}
    for p in proposals:
        if p.label != "PERSON":
            continue
        surface = text[p.start:p.end]
        key = entity_key(surface)
        if " " not in key:
            continue
        for part in key.split():
            if len(part) > 2:
                if out.get(part, key) != key:
                    out[part] = ""  # two different people share this name
                else:
                    out[part] = key
        for letters in _initials(surface):
            by_initials[letters] = key if by_initials.get(letters, key) == key else ""
    for p in proposals:
        surface = text[p.start:p.end].replace(".", "").replace("'", "").replace("’", "")
        if p.label == "PERSON" and _LETTERS.match(surface) and by_initials.get(surface):
            out.setdefault(entity_key(text[p.start:p.end]), by_initials[surface])
    return out
