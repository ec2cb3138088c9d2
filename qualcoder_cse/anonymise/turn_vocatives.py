"""A participant called by name at the start of a speaker turn (issue 15, session 8: PERSON recall on unseen
text): "FAC: Wen, you were nodding.", "INT: Zofia, what did you make of that?".

The gazetteers know most given names, and known names in this position are found already; this is for the
name no list holds, or one that is also a rare English word ("Wen"). The position does the work: the first
word of a turn, a comma, then a word that addresses someone ("you", "what", "anything", "did"). Interjections,
discourse words and words of address that open turns the same way ("Right, you...", "Honestly, I...",
"Ken, she'd...", "Pet, you...") are never names here, nor is any common English word that is no given name.
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import NOT_NAMES, RANKS, ROLE_WORDS, STOP
from .merging import _coverage
from .spans import Span

_TURN = re.compile(r"(?m)^[ \t]*[A-Z][\w .'-]{0,18}:[ \t]+(?P<name>[A-Z][a-z]{1,14}(?:-[A-Z][a-z]{1,14})?),"
                   r"[ \t]+(?P<next>[A-Za-z']+)")
_ADDRESSING = frozenset(["you", "your", "you're", "you've", "you'd", "you'll", "what", "how", "did", "do", "does",
                         "can", "could", "would", "will", "anything", "any", "have", "has", "is", "was", "were",
                         "are", "where", "when", "why", "who", "shall", "should", "tell", "go", "over", "thoughts",
                         "same", "first", "last", "back", "then", "we", "just", "please"])  # not "I": "M: Summer, I think"
# words that open a turn before a comma as a name would, and are not names here
_OPENERS = frozenset(["och", "erm", "um", "umm", "duw", "diolch", "ach", "ooh", "oh", "mm", "mmm", "hmm", "yep",
                      "nope", "ta", "gosh", "jeez", "wow", "alright", "lol", "hiya", "cheers", "bless", "haway",
                      "howay", "wey", "aye", "naw", "nae", "ken", "dude", "babe", "hun", "pet", "hen", "bud", "lad",
                      "lass", "chuck", "duck", "love", "sweetheart", "mate", "pal", "boss", "sir", "miss", "folks",
                      "guys", "everyone", "anyone", "sorry", "yeah", "yes", "no", "okay", "ok", "right", "well",
                      "so", "look", "listen", "see", "now", "actually", "basically", "honestly", "really", "true",
                      "exactly", "absolutely", "definitely", "course", "sure", "fine", "great", "good", "lovely",
                      "brilliant", "interesting", "thanks", "sound", "grand", "champion", "och", "wheesht", "jings",
                      "crikey", "blimey", "bloody", "god", "christ", "jesus", "lord", "mind", "sorted", "agreed",
                      "hiya", "hello", "hi", "hey", "morning", "afternoon", "evening", "welcome", "again"])
_COMMON = 50  # SCOWL tiers below this are ordinary words ("Normal", "Fair")


def _name_like(key: str, gaz: Gazetteers) -> bool:
    if key in STOP or key in ROLE_WORDS or key in RANKS or key in _OPENERS:
        return False
    tier, given = gaz.words.get(key), gaz.given.get(key, (0, 0))[0]
    if key in NOT_NAMES:  # text-speak that is also a given name ("wen") is a name when capitalised here
        return given >= 20 and (tier is None or tier >= _COMMON)
    return tier is None or tier >= _COMMON or given >= 100


def turn_vocatives(text: str, spans: list, gaz: Gazetteers) -> list[Span]:
    """Names called at the start of a turn, proposed unsure when no layer found them."""
    cov = _coverage(spans, len(text))
    out: list[Span] = []
    for m in _TURN.finditer(text):
        s, e = m.span("name")
        if cov[s] or m.group("next").lower() not in _ADDRESSING:
            continue
        if all(_name_like(part.lower(), gaz) for part in m.group("name").split("-")):
            out.append(Span(s, e, "PERSON", m.group("name"), 0.6, "position"))
    for m in _SURNAME_ASKED.finditer(text):
        s, e = m.span("name")
        if not cov[s] and gaz.given.get(m.group("name").lower(), (0, 0))[0] >= 20:
            out.append(Span(s, e, "PERSON", m.group("name"), 0.6, "position"))
    return out


# (session 14) an officer asking for the surname of a given name just said: "PC1: Mark what?", "Brook what?"
_SURNAME_ASKED = re.compile(r"(?m)^(?:\[[\d:.]+\][ \t]*)?[^\n:]{1,30}:[ \t]+(?P<name>[A-Z][a-z]{1,14}) what\?")


# (session 9) a participant giving their name as a turn opens, as a round of introductions goes: "P3: Rich. I'm
# an outreach worker.", "P2: Erm, Will. I'm only on attachment.", "C: Pen. Only my granny calls me Penelope."
# The word after the name must start what the speaker says of themselves; a word that opens turns this way
# ("Honestly. I think", "Sure. I'll go") is never taken, and a common word only when it is a given name too.
_SELF = re.compile(r"(?m)^[ \t]*[A-Z][\w .'-]{0,18}:[ \t]+(?:(?:Erm|Um|Er|Uh|Yeah|Hi|Hello|So|Oh|Right),?[ \t]+)?"
                   r"(?P<name>[A-Z][a-z]{1,14}(?:-[A-Z][a-z]{1,14})?)(?:[.,]| here[.,])[ \t]+"
                   r"(?=(?:I|I'm|I’m|I've|I’ve|My|Only|Just|Everyone|Call)\b)")


_INTERJECTIONS = frozenset(["aw", "aww", "awww", "ooh", "ha", "haha", "hah", "lol", "omg", "yay", "phew", "ugh",
                            "wow", "whoa", "ah", "aha", "eh", "huh", "hm", "yup", "nah", "meh", "oops", "ouch"])


def self_introductions(text: str, spans: list, gaz: Gazetteers) -> list[Span]:
    cov = _coverage([s for s in spans if s.confidence >= 0.5], len(text))
    out: list[Span] = []
    for m in _SELF.finditer(text):
        s, e = m.span("name")
        key = m.group("name").lower()
        given = gaz.given.get(key, (0, 0))[0]
        if cov[s] or key in ROLE_WORDS or key in RANKS or key in _OPENERS or (key in STOP and given < 1000):
            continue  # "Will. I'm on attachment": a function word only when it is a common given name
        if key not in _INTERJECTIONS and (_name_like(key, gaz) or given >= 5):
            out.append(Span(s, e, "PERSON", m.group("name"), 0.6, "position"))
    return out
