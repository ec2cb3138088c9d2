"""Names an officer's or worker's note says stand for a person, in every message that uses them (issue 15,
session 11: PERSON recall on unseen chats).

A chat export often ends with a note that decodes it: '"sunday" is Sunday Adeyemi, 14', '"k" meant her
friend Kiera', '"deano" is believed to be Dean Ratcliffe'. The chat itself wrote those names in lowercase, as
words ("bring sunday and her mate") or as one letter ("bring k"), where no list or model would take them for
people. The note makes them names for the whole text: every use is proposed, with guards where the word is
also a day, a month or a letter ("u free sunday?", "k thanks"). A quoted handle already found as a contact,
and a definition that names no person ("the lido" is a pool), define nothing.
"""

from __future__ import annotations

import re

from .lexicon import MONTHS, STOP, WEEKDAYS
from .merging import _coverage
from .spans import Span

# '"sunday" is Sunday Adeyemi', '"k" meant her friend Kiera', '"Dex" believed to be Dexter Quigley'
_DEFINE = re.compile(
    r"[\"“‘'](?P<n>[A-Za-z][A-Za-z'-]{0,14}(?: [A-Za-z][A-Za-z'-]{0,10})?)[\"”’'],?[ \t]+"
    r"(?:(?:in|on) (?:the )?(?:messages?|chat|group|texts?)[^\"\n]{0,20}? )?"
    r"(?:(?:is|was|=|means|meant|refers to|stands for)[ \t]+(?:(?:believed|understood|thought|likely|assessed) "
    r"to be |probably |likely |possibly |)|(?:believed|understood|thought) to be )"
    r"(?P<rest>[^\n]{0,40})")
# the person named within a few words after the verb: "her friend Kiera", "Niamh's friend Sorcha Quinn"
_LEAD = re.compile(r"(?:(?:his|her|their|the|a|[A-Z][a-z]+['’]s)\s+)?(?:[a-z]+\s+){0,2}")
_TIME_BEFORE = frozenset(["on", "this", "next", "last", "every", "each", "free", "cant", "can't", "til", "till",
                          "until", "by", "since", "from", "a", "the", "of", "sat", "saturday", "fri", "friday",
                          "in", "early", "late", "mid", "end", "thru", "through", "till", "before", "after"])
_TIME_AFTER = frozenset(["night", "nite", "morning", "mornin", "afternoon", "evening", "lunch", "dinner", "tea",
                         "school", "mass", "service", "league", "roast", "best", "times", "off"])
# a letter stands as a name only where a name stands: "bring k", "tell t", "me n r", "k is here"
_LETTER_BEFORE = frozenset(["bring", "tell", "ask", "with", "wiv", "w", "and", "n", "from", "call", "ring", "text",
                            "snap", "meet", "see", "seen", "by", "saved", "as"])
_LETTER_AFTER = frozenset(["is", "was", "said", "sed", "says", "has", "had", "wants", "got", "gets", "knows",
                           "drives", "texted", "rang", "will", "and", "n"])
_NOT_NAME_FIRST = frozenset(["my", "his", "her", "their", "our", "the", "a", "an", "this", "that", "you", "me",
                             "we", "they", "he", "she", "it"])  # '"my nain" is her grandmother'
_PRONOUNS = frozenset(["u", "you", "ur", "i", "we", "she", "he", "they", "it", "me", "him", "them", "ya", "yous"])
_WORD = re.compile(r"[A-Za-z']+")


def _defined(text: str, spans: list[Span]) -> set[str]:
    starts = {s.start: s for s in spans if s.label == "PERSON"}
    contact = _coverage([s for s in spans if s.label in ("CONTACT", "ID")], len(text))
    names: set[str] = set()
    for m in _DEFINE.finditer(text):
        n = m.group("n")
        first = n.split()[0].casefold()
        if contact[m.start("n")] or n.casefold() in STOP and len(n) > 1 or n.casefold() in ("i", "a", "o") or (
                first in _NOT_NAME_FIRST):
            continue
        lead = _LEAD.match(text, m.start("rest"))
        person = starts.get(lead.end()) or starts.get(m.start("rest"))
        if person is None or person.text.casefold() == n.casefold() and person.start == m.start("n"):
            continue
        if n[0].isupper() and person.text.split()[0] == n:
            continue  # '"Niamh" is Niamh Breen': the name is already a name
        names.add(n)
    return names


def _neighbour(text: str, start: int, end: int) -> tuple[str, str]:
    # windows of 20 characters, cut at the line's ends (a search to the line's end would be quadratic on a
    # text of one long line)
    before = _WORD.findall(text[max(0, start - 20):start].rpartition("\n")[2])
    after = _WORD.findall(text[end:end + 20].partition("\n")[0])
    return (before[-1].casefold() if before else ""), (after[0].casefold() if after else "")


def noted_names(text: str, spans: list[Span]) -> list[Span]:
    names = _defined(text, spans)
    if not names:
        return []
    keys = {n.casefold() for n in names} | {n.casefold() + "s" for n in names}
    # a weaker guess at the same word (later dropped as a weekday) gives way to the note's
    cov = _coverage([s for s in spans if s.label != "PERSON" or s.text.casefold() not in keys], len(text))
    out: list[Span] = []
    for n in names:
        k = n.casefold()
        flags = 0 if n[0].islower() and k not in WEEKDAYS and k not in MONTHS and len(n) > 2 else re.IGNORECASE
        rx = re.compile(rf"(?<![\w@.'’-])({re.escape(n)})(s)?(?![\w@-]|\.\w)", flags)
        for m in rx.finditer(text):
            s, e = m.span(1)
            if cov[s] or text[s:e] != n and (text[s:e] != n.lower() or len(n) < 3):
                continue
            prev, nxt = _neighbour(text, s, m.end())
            if m.group(2) and prev not in ("at", "to", "round", "from", "in", "on"):
                continue  # "sundays" as a plural day; "at sundays" is her house
            if (k in WEEKDAYS or k in MONTHS) and (prev in _TIME_BEFORE or nxt in _TIME_AFTER):
                continue
            if len(n) == 1 and prev not in _LETTER_BEFORE and nxt not in _LETTER_AFTER:
                continue
            if nxt in _PRONOUNS and text[m.end():m.end() + 1] == " " and prev not in _LETTER_BEFORE:
                continue  # "hope u r ok", "will u come": the word as a verb, whoever the note named
            out.append(Span(s, m.end(), "PERSON", text[s:m.end()], 0.6, "noted"))
    return out
