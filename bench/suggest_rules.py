"""The hand coding rules of suggest_corpus/RULES.md as code: ``codes_for(sentence)`` gives the framework
code paths a sentence is coded with. Applied to the generated text only."""

from __future__ import annotations

import re

RULES: list[tuple[str, str, str | None]] = [  # (code path, pattern, exception pattern)
    ("Disruption/Child Abduction Warning Notices", r"abduction|\bCAWNs?\b|warning notices?", r"warning sign"),
    ("Disruption/Premises, hotels and licensed venues",
     r"hotels?|B&B|guest house|takeaway|shisha|licensed premises", r"conference"),
    ("Disruption/Taxi and private hire licensing", r"taxis?|private hire|drivers?'? licen|rank\b", None),
    ("Identification, intelligence and detection/Missing episodes and return home interviews",
     r"went missing|missing (episode|children|from)|return (home )?interview|on the nights she was missing",
     r"missing page|missing from the return"),
    ("Identification, intelligence and detection/Digital, communications and vehicle intelligence",
     r"phone|snapchat|instagram|whatsapp|number plate|\bANPR\b|downloaded", None),
    ("Identification, intelligence and detection/Intelligence gathering and soft intelligence",
     r"intelligence", None),
    ("Investigation and evidence/Achieving Best Evidence interviews", r"\bABE\b|video[- ]?(recorded|interview)",
     None),
    ("Investigation and evidence/Timeliness, drift and attrition before charge",
     r"drift|dragged|before charge|took (months|like two years)|eighteen months|two years and", None),
    ("Prosecution and court/Court experience and cross-examination",
     r"\bcourt\b|giving evidence|gave evidence|cross-examin|barrister", r"courtyard"),
    ("Child-centred and victim-focused practice/Relationships, trust and continuity",
     r"trust|same worker|worker (left|leaves|stayed)|social workers in a year", None),
    ("Child-centred and victim-focused practice/Respect, empathy and non-judgement",
     r"criminal|believed|judge|slag|blame|as if they chose", None),
    ("Multi-agency working/Information sharing",
     r"information sharing|\bMASH\b|each other's systems|social care data", None),
    ("Policing models and organisational arrangements/Capacity, demand and resourcing",
     r"cuts?\b|caseloads?|vacancies|budgets?|staffing|too many", None),
]
_COMPILED = [(p, re.compile(r, re.IGNORECASE), re.compile(x, re.IGNORECASE) if x else None) for p, r, x in RULES]


def codes_for(sentence: str) -> set[str]:
    return {p for p, rx, ex in _COMPILED if rx.search(sentence) and not (ex and ex.search(sentence))}
