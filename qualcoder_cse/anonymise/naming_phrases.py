"""Names fixed by the phrase around them, whatever the word (issue 15, session 8: PERSON recall on unseen text).

- Apposition after a word for a person: "the cashier, May, said", "her brother, Will, picked her up" (a word
  that is also a name is one here: the commas and the person before it say so).
- Naming verbs without a pronoun: "who the others call Chops", "a lad they call Tank".
- "is called" after a relative or a friend, in any case: "ur nans called joy", "her boyfriend's called Chance".
- One letter standing for a person before a verb in a message: "its fine t is going", "T is gonna drop me"
  (not "Plan B is", "Child M was", "Vitamin D", nor the chat letters "i", "u", "r", "n", "x").

Each is proposed unsure when no layer found the word already.
"""

from __future__ import annotations

import re

from .gazetteers import Gazetteers
from .lexicon import MONTHS, NOT_NAMES, RANKS, ROLE_WORDS, TITLES, WEEKDAYS
from .merging import _coverage
from .spans import Span

_PERSON_NOUNS = (r"(?:brother|sister|mum|mam|mother|dad|father|cousin|aunt|auntie|aunty|uncle|nan|nana|gran|granny|"
                 r"grandad|grandma|son|daughter|niece|nephew|stepdad|stepmum|friend|mate|pal|boyfriend|girlfriend|"
                 r"partner|husband|wife|ex|neighbour|cashier|manager|driver|owner|landlord|landlady|receptionist|"
                 r"worker|officer|teacher|nurse|carer|colleague|sergeant|inspector|supervisor|caretaker|cleaner|"
                 r"barman|barmaid|bouncer|lad|girl|boy|man|woman|fella|bloke|guy|keyworker|key worker|"
                 r"social worker|youth worker|foster carer|mentor|coach|tutor|head|deputy|chaperone)")
_DET = r"(?:the|her|his|my|their|our|your|a|an|one|another|this|that)"
_APPOSITIVE = re.compile(rf"(?=[thmoyaTHMOYA])(?i:\b{_DET}\s+(?:\w+\s+)?{_PERSON_NOUNS}),\s+(?P<n>[A-Z][a-z]+(?:[- ][A-Z][a-z]+)?)"
                         r"(?=,|\)|\.(?:\s|$)| and\b| who\b)")
_CALL = re.compile(r"(?i:\b(?:who|whom|that|a \w+|one)\s+(?:the others|they|everyone|people|we|the girls|the lads|"
                   r"the kids|his mates|her mates|the boys|everybody)\s+(?:call|called|calls)\s+)(?P<n>[A-Z][a-z]+)\b")
_IS_CALLED = re.compile(rf"(?i:\b(?:ur|your|her|his|my|their|our)\s+{_PERSON_NOUNS}(?:['’]?s| is)\s+called\s+)"
                        r"(?P<n>[A-Za-z][a-z]+)\b")
# (session 9) a person with their own relative: "Summer and her sister were there", "me n faith n her mum"
_AND_KIN = re.compile(r"(?<![\w'’-])(?P<n>[A-Za-z][a-z]{2,14}) (?:and|&|n) (?:her|his|their) (?:little |big |older |"
                      r"younger |baby |twin )?(?:sister|brother|mum|mam|mother|dad|father|cousin|nan|nana|gran|aunt|"
                      r"auntie|uncle|boyfriend|girlfriend|bf|gf|kids|children|son|daughter|sis|bro|stepdad|stepmum|"
                      r"mate|mates|friend|friends)\b")
# (session 9) whoever an action in minutes falls to: "Action: Hope to be referred", "Actions: Will to liaise"
_ACTION_OWNER = re.compile(r"(?m)(?:\b(?:Actions?|ACTIONS?|Owner|Lead|Responsible|By whom)[ \t]*[:\-–][ \t]*)"
                           r"(?P<n>[A-Z][a-z]{2,14})(?= to\b| and [A-Z]| &|,| \()")
_AT_WORKPLACE = re.compile(r"(?:^|(?<=[.!?:]\s)|(?<=\n))(?P<n>[A-Z][a-z]{2,14}) at the (?=[A-Z])", re.MULTILINE)
_SEASONS = frozenset(["summer", "autumn", "spring", "winter", "christmas", "easter"])
_LISTED_BEFORE = re.compile(r"(?<![\w'’-])(?<!the )(?<!The )(?<!in )(?<!on )(?P<n>[A-Z][a-z]{2,14})(?:, | and | & )$")
# "Transcribed by: K. Salt", "notes by L.McG.": an initial and a surname, or initials alone, after "by"
_BY_INITIALS = re.compile(r"\b(?i:by):?[ \t]+(?P<n>[A-Z]\.[ ]?(?:Mc|Mac)?[A-Z][a-z]?\.(?:[A-Z]\.)?(?![\w])|"
                          r"[A-Z]\.[ ]?(?:Mc|Mac|O')?[A-Z][a-z]+(?:-[A-Z][a-z]+)?(?![\w.]))")
# a name its bearer gives or is given, quoted: 'calling himself "Will"', 'goes by "Smudge"', 'and "Smudge"'
_QUOTED_CUE = re.compile(r"(?i:\b(?:calling|calls|called|call)\s+(?:himself|herself|themselves|themself)|"
                         r"\bgoes\s+by|\bknown\s+as|\bnicknamed?|\bnicknames?:?|\balias)\s+[\"“](?P<n>[A-Z][a-z]+)[\"”]")
_QUOTED_AFTER = re.compile(r"(?:\band|,|&)\s+[\"“](?P<n>[A-Z][a-z]+)[\"”]")
_LETTER = re.compile(r"(?<![\w'’.-])(?P<n>[b-hj-mo-qs-tv-wzB-HJ-MO-QS-TV-WZ])(?=(?:['’]s)? (?:is|was|said|says|has|had|gonna|"
                     r"will|wants|knows|dropped|picked|came|comes|went|goes|told|rang|texted|sent|drove|left|got)\b)")
_LETTER_NOT_AFTER = frozenset(["plan", "option", "type", "grade", "section", "part", "vitamin", "category", "group",
                               "appendix", "schedule", "exhibit", "room", "block", "ward", "level", "class", "year",
                               "stage", "tier", "form", "model", "line", "child", "girl", "boy", "young", "person",
                               "yp", "case", "victim", "suspect", "male", "female", "witness", "sample", "table",
                               "figure", "unit", "flat", "house", "number", "no", "gate", "platform", "bay", "zone",
                               "route", "bus", "wing", "floor", "area", "site", "team", "point", "step", "letter"])
_NOT_NAMES = frozenset(["the", "a", "an", "him", "her", "me", "us", "them", "it", "that", "this", "back", "round",
                        "over", "up", "out", "off", "in", "on", "earlier", "later", "again", "first"])


def _word_before(text: str, pos: int) -> str:
    m = re.search(r"([A-Za-z]+)\W*$", text[max(0, pos - 20):pos])
    return m.group(1).lower() if m else ""


def _message_start(text: str, pos: int) -> bool:
    """``pos`` opens a chat message: after a label or stamp ("kayz 21:19: ", "] "), indented under a sender's
    line ("  T is"), or after a full stop in a labelled line ("Amaya: its a flat. D left w kayz")."""
    line = text[text.rfind("\n", 0, pos) + 1:pos]
    if re.search(r"(?:\d:|\]|\w:)[ \t]+$", line) or re.fullmatch(r"[ \t]{2,}", line):
        return True
    return bool(re.search(r"[.!?][ \t]+$", line)) and bool(re.match(r"[^\n:]{1,40}:[ \t]", line))


def _lower_chat(text: str, m: re.Match) -> bool:
    """A lowercase word-name counts only on a line written in lowercase (a chat's)."""
    start = text.rfind("\n", 0, m.start()) + 1
    body = text[start:m.start() + 1]
    colon = body.find(": ")
    first = next((c for c in body[colon + 2 if colon >= 0 else 0:] if c.isalpha()), "")
    return first.islower()


def naming_phrases(text: str, spans: list[Span], gaz: Gazetteers) -> list[Span]:
    cov = _coverage(spans, len(text))
    out: list[Span] = []

    def add(s: int, e: int, conf: float) -> None:
        if not any(cov[s:e]):
            out.append(Span(s, e, "PERSON", text[s:e], conf, "position"))

    for m in _APPOSITIVE.finditer(text):
        key = m.group("n").split()[0].lower()
        if key not in TITLES and key not in ROLE_WORDS and key not in RANKS and key not in NOT_NAMES:
            add(m.start("n"), m.end("n"), 0.6)
    for m in _CALL.finditer(text):
        if m.group("n").lower() not in ROLE_WORDS:
            add(m.start("n"), m.end("n"), 0.6)
    for m in _IS_CALLED.finditer(text):
        key = m.group("n").lower()
        tier = gaz.words.get(key)
        if key not in _NOT_NAMES and (key in gaz.given or tier is None or tier >= 50):
            add(m.start("n"), m.end("n"), 0.6)
    for m in _BY_INITIALS.finditer(text):
        add(m.start("n"), m.end("n"), 0.6)
    for m in _ACTION_OWNER.finditer(text):
        key = m.group("n").lower()
        if key not in ROLE_WORDS and key not in TITLES and key not in _NOT_NAMES and (
                key in gaz.given or key not in gaz.words):
            add(m.start("n"), m.end("n"), 0.6)
    for sp in spans:  # a word-name listed before a person found: "Girls present: Hope, Kayleigh and Tia"
        if sp.label != "PERSON" or sp.confidence < 0.6 or " " in sp.text or sp.start < 5:
            continue
        m = _LISTED_BEFORE.search(text, max(0, sp.start - 22), sp.start)
        if m is not None and (key := m.group("n").lower()) not in ROLE_WORDS and key not in TITLES \
                and key not in _NOT_NAMES and key not in MONTHS and key not in WEEKDAYS \
                and gaz.given.get(key, (0, 0))[0] >= 20:
            add(m.start("n"), m.end("n"), 0.6)
    for m in _AT_WORKPLACE.finditer(text):  # "Frank at the Bellingham Lodge": a person at their workplace
        key = m.group("n").lower()
        org = next((sp for sp in spans if sp.start == m.end() and sp.label == "ORG"), None)
        if org is not None and gaz.given.get(key, (0, 0))[0] >= 50 and key not in _SEASONS and key not in MONTHS \
                and key not in WEEKDAYS and key not in ROLE_WORDS and key not in TITLES:
            add(m.start("n"), m.end("n"), 0.6)
    for m in _AND_KIN.finditer(text):
        key = m.group("n").lower()
        if key not in TITLES and key not in ROLE_WORDS and key not in RANKS and key not in _NOT_NAMES and (
                key not in NOT_NAMES or gaz.given.get(key, (0, 0))[0] >= 20) and (
                key in gaz.given or key not in gaz.words) and (m.group("n")[0].isupper() or _lower_chat(text, m)):
            add(m.start("n"), m.end("n"), 0.6)
    for m in _QUOTED_CUE.finditer(text):
        if m.group("n").lower() not in ROLE_WORDS:
            add(m.start("n"), m.end("n"), 0.6)
    ends = {sp.end for sp in spans + out if sp.label == "PERSON"}  # a set: one look-up per quoted word
    for m in _QUOTED_AFTER.finditer(text):  # a quoted nickname listed with a person found: 'Reece and "Smudge"'
        near = [e for e in range(m.start() - 3, m.start() + 1) if e in ends]
        if near and "\n" not in text[near[0]:m.start()] and (
                m.group("n").lower() not in ROLE_WORDS and m.group("n").lower() not in NOT_NAMES):
            add(m.start("n"), m.end("n"), 0.6)
    for m in _LETTER.finditer(text):
        before = _word_before(text, m.start())
        if before in _LETTER_NOT_AFTER or before in TITLES or re.search(r"\d\s*$", text[max(0, m.start() - 3):m.start()]):
            continue
        if m.group("n").isupper() and not _message_start(text, m.start()):
            continue  # a capital letter names someone at a message's start ("kayz 21:19: T is"), not "K was there"
        prev = text[max(0, m.start() - 30):m.start()].rstrip()
        if prev.split() and prev.split()[-1][:1].isupper() and prev.split()[-1][-1:].isalpha():
            continue  # "Annex D is": a capitalised word before the letter
        add(m.start(), m.end(), 0.5)
    return out
