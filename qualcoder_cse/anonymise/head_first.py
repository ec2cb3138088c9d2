"""Organisations named head first, "X for Y" or "X of Y" in Title Case (issue 15, session 5: ORG boundaries):
"the Centre for Young People's Wellbeing", "the Foundation for Families in Need", "Co-operative Academy of
Leeds". The head-word rules read names leftwards from a head and stop at it; here the name runs on after "for"
or "of" over capitalised words and their joiners ("and", "in", "the"). National bodies named this way are left
("College of Policing", "Church of England").

(session 14) Welsh names put the head first too: "Caffi'r Llyn", "Gwesty'r Llew Coch", "Tafarn y Bont",
"Canolfan Hamdden Glaslyn", "TŶ GLAN LLYN"; and the health bodies of Northern Ireland and Wales go by letters
ending in their kind: "NHSCT", "WHSCT", "BCUHB"."""

from __future__ import annotations

import re

from .lexicon import MONTHS, NATIONAL, WEEKDAYS
from .spans import Span, fold

_HEADS = ("Centre|Center|Foundation|Trust|Institute|Society|Association|Alliance|Network|Partnership|Project|"
          "Fund|Forum|Service|Agency|Academy|College|School|Home|Hub|Collective")
_HEAD_FOR = re.compile(
    rf"(?<![\w'’-])(?:[A-Z][\w'’-]+ ){{0,2}}(?:{_HEADS}) (?:for|of) (?:the )?[A-Z][\w'’-]*"
    r"(?:(?: (?:and|&|in|of|the|for|on|upon))* [A-Z][\w'’-]*)*")
_NOT = frozenset(["college of policing", "church of england", "church of scotland", "society of friends",
                  "centre for social justice", "school of medicine", "academy of medical royal colleges"])


def head_first_orgs(text: str) -> list[Span]:
    out = []
    for m in _HEAD_FOR.finditer(text):
        words = m.group().split(" ")
        while words and (fold(words[-1]) in MONTHS or fold(words[-1]) in WEEKDAYS
                         or fold(words[-1]) in ("and", "in", "of", "the", "for", "on", "upon", "&")):
            words.pop()  # "Academy of Leeds in May": the date is not the name
        name = " ".join(words)
        key = fold(name)
        if len(words) < 3:
            continue
        if key in NATIONAL or any(key.endswith(n) or key.startswith(n) for n in _NOT):
            continue
        out.append(Span(m.start(), m.start() + len(name), "ORG", name, 0.6, "rule"))
    return out


# (a house "Ty Enfys" is found elsewhere, and "Ty Campbell" is a person; in capitals "TŶ GLAN LLYN" is the house)
_WELSH_HEADS = ("Caffi|Gwesty|Tafarn|Bwyty|Siop|Canolfan|Neuadd|Clwb|Ysgol|Meddygfa|Cartref|Capel|Prosiect|Menter|"
                "Cymdeithas|Bun-sgoil|Àrd-sgoil|Ard-sgoil|Sgoil|Ionad|Comann|Taigh|Tigh")  # and Gaelic: "Bun-sgoil Gàidhlig"
_WELSH_WORD = r"[A-ZŴŶÂÊÎÔÛ][\wŵŷâêîôû'’-]+"
_WELSH_HEAD_FIRST = re.compile(
    rf"(?<![\w'’-])(?:(?:{_WELSH_HEADS})(?:['’]r)?|(?:{_WELSH_HEADS.upper()}|TŶ)(?:['’]R)?)"
    rf"(?:[ \t]+(?:(?:y|yr|ar|a|ac|o|na|nan|an|a['’]|Y|YR|AR)[ \t]+)?{_WELSH_WORD}){{1,4}}")
# (session 14) a Welsh firm of partners: "Tudur a Jones Cyfreithwyr" (solicitors)
_WELSH_FIRM = re.compile(rf"(?<![\w'’-]){_WELSH_WORD}(?:[ \t]+(?:a|ac|&)[ \t]+{_WELSH_WORD})+[ \t]+Cyfreithwyr\b")
_HEALTH_LETTERS = re.compile(r"(?<![\w-])(?:[A-Z]{1,3}HSCT|[A-Z]{2,4}UHB)(?![\w-])")
_NOT_WELSH_NEXT = frozenset(["and", "the", "of", "for", "in", "on", "to", "but", "or"])


def welsh_head_first(text: str) -> list[Span]:
    out = [Span(m.start(), m.end(), "ORG", m.group(), 0.8, "shape") for m in _HEALTH_LETTERS.finditer(text)]
    out += [Span(m.start(), m.end(), "ORG", m.group(), 0.8, "rule") for m in _WELSH_FIRM.finditer(text)]
    for m in _WELSH_HEAD_FIRST.finditer(text):
        words = m.group().split()
        while len(words) > 1 and (fold(words[-1]) in _NOT_WELSH_NEXT or words[-1].endswith(("'S", "’S", "'s", "’s"))):
            words.pop()
        if len(words) < 2:
            continue
        name = text[m.start():m.start() + len(" ".join(words))] if "\t" not in m.group() else m.group()
        out.append(Span(m.start(), m.start() + len(name), "ORG", name, 0.7, "rule"))
    return out
