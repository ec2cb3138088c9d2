"""Pseudonyms a document declares are not identifiers (issue 15, session 6: span precision on unseen text).

Focus groups and consultations let participants pick a name for the recording, and a note says so: "They
chose their own names for the session: Star, Moon and Pixie", "the names the girls picked (Peaches, Queen
B)", 'the participant chose the pseudonym "Dawn"', 'her pseudonym in any report to be "Rose"'. The
guidelines leave such names unmarked, yet they stand where names stand (speaker labels, vocatives) and every
layer proposes them. The names listed in such a sentence (after a colon, inside the brackets that follow, or
quoted) are dropped wherever they were proposed in that document, in any case ("DAWN:"). A sentence saying
that real names were used ("chose to use their real first names") declares nothing.
"""

from __future__ import annotations

import re

from .spans import Span, fold

# a sentence: up to a full stop before a space, or a line break
_SENTENCE = re.compile(r"[^\n.!?;]*(?:[.!?;](?=\s|$)|\n|$)")  # a sentence or a clause before ";"
_CHOICE = re.compile(r"\b(?:chose|chosen|choose|picked|pick)\b", re.IGNORECASE)
_NAMES = re.compile(r"\b(?:names?|pseudonyms?)\b", re.IGNORECASE)
_PSEUDONYM = re.compile(r"\bpseudonyms?\b", re.IGNORECASE)
_CUES = re.compile(r"\b(?:chose|chosen|choose|picked|pick|pseudonyms?)\b", re.IGNORECASE)
_REAL = re.compile(r"\b(?:real|own first|actual|true)\b", re.IGNORECASE)
_QUOTED = re.compile(r"[\"“]([^\"”\n]{1,30})[\"”]")
_ITEM = re.compile(r"[A-Z][\w'’-]*(?: [A-Z][\w'’-]*){0,2}")
_ASKED = re.compile(r"\b(?:asked|wants?|wanted|prefers?|preferred|chose)\s+to\s+be\s+(?:called|known\s+as|referred\s+to\s+as)"
                    r"\s+[\"“]([^\"”\n]{1,30})[\"”]", re.IGNORECASE)
# a name a professional gives a child for the telling: "I'll call her Lily, that's not her name", "I'll call her
# Willow for your purposes", "let's call him Sam - not his real name"
_CALL_HER = re.compile(r"\b(?:I'll|I’ll|I will|I'm going to|let's|let’s|we'll|we’ll|we will|I'd|I’d)\s+call\s+"
                       r"(?:her|him|them|the girl|the boy|this girl|this boy|this young person)\s+[\"“]?"
                       r"(?P<n>[A-Z][a-z]+)[\"”]?")
_NOT_REAL = re.compile(r"[,;.:\s–—-]*(?:that's|that’s|it's|it’s|which is)?\s*not\s+(?:her|his|their)\s+(?:real\s+)?name"
                       r"|[,;\s–—-]*(?:\(?not\s+(?:her|his|their)\s+real\s+name)", re.IGNORECASE)
_FOR_PURPOSES = re.compile(r"\s+for\s+(?:your|the|our)\s+(?:purposes|research|recording|study|report)", re.IGNORECASE)
_OUTPUTS = re.compile(r"\b(?:outputs?|reports?|write-?ups?|transcripts?|recordings?|research|study|publications?|"
                      r"findings)\b", re.IGNORECASE)
_SPLIT = re.compile(r",|;|\band\b|&|/")


def _list_after(sentence: str, at: int) -> list[str]:
    """The names listed after position ``at``: in the brackets that follow, else after a colon."""
    rest = sentence[at:]
    open_at, colon_at = rest.find("("), rest.find(":")
    if open_at >= 0 and (colon_at < 0 or open_at < colon_at):
        close = rest.find(")", open_at)
        body = rest[open_at + 1:close if close > 0 else len(rest)]
    elif colon_at >= 0:
        body = rest[colon_at + 1:]
    else:
        return []
    items = [i.strip(" .\t\"“”") for i in _SPLIT.split(body)]
    names = [i for i in items if i and _ITEM.fullmatch(i)]
    # a list of names, not prose in brackets: most of its items are names
    return names if len(names) >= max(1, len([i for i in items if i]) * 2 // 3) else []


def declared_pseudonyms(text: str) -> set[str]:
    """Folded names the document declares as participants' chosen names or given pseudonyms."""
    found: set[str] = set()
    seen: set[int] = set()
    for cue in _CUES.finditer(text):
        # the sentence around the cue: from the last full stop or line break before it to the next one after
        start = max(text.rfind("\n", 0, cue.start()),
                    *(text.rfind(p, 0, cue.start()) for p in (". ", "! ", "? ", "; ")))
        start += 1
        if start in seen:
            continue
        seen.add(start)
        m = _SENTENCE.match(text, start)
        sentence = m.group(0) if m else ""
        choice = _CHOICE.search(sentence)
        pseud = _PSEUDONYM.search(sentence)
        if not (pseud or choice and _NAMES.search(sentence)) or _REAL.search(sentence):
            continue
        starts = [x.start() for x in (choice, pseud) if x]
        at = min(starts)
        found.update(fold(n) for n in _list_after(sentence, at))
        found.update(fold(q.group(1).strip()) for q in _QUOTED.finditer(sentence, at)
                     if _ITEM.fullmatch(q.group(1).strip()))
    for m in _CALL_HER.finditer(text):  # (session 9) "I'll call her Lily, that's not her name"
        if _NOT_REAL.match(text, m.end()) or _FOR_PURPOSES.match(text, m.end()):
            found.add(fold(m.group("n")))
    for m in _ASKED.finditer(text):  # (session 9) 'asked to be called "Kestrel" in any outputs'
        if _OUTPUTS.search(text, m.end(), m.end() + 60) and _ITEM.fullmatch(m.group(1).strip()):
            found.add(fold(m.group(1).strip()))
    return found


def drop_declared(text: str, spans: list[Span]) -> list[Span]:
    """``spans`` without the people, places and organisations that are a declared pseudonym."""
    names = declared_pseudonyms(text)
    if not names:
        return spans
    out = []
    for s in spans:
        key = fold(s.text)
        if s.label in ("PERSON", "LOCATION", "ORG") and (
                key in names or key.endswith(("'s", "’s")) and key[:-2] in names):
            continue
        out.append(s)
    return out
