"""Numbers that a word before them says are identifiers (issue 15, session 13).

- an officer's collar number after the name: "officer PC Órla McCrossan 7213";
- a register, certificate, card or account number after what it is: "GMC 7712045", "His DBS certificate is
  001784329912", "paid by card ending 4471";
- exhibit labels: "(police label AB-1 to AB-4)", "exhibit KM/3";
- a police URN written with spaces or slashes: "URN: 50 DJ 0412 26", "URN: 47 / 2A / 01187 / 26";
- the letters of a plate said to be in it: "a grey Passat with KCZ in the registration";
- a phone number with a country code other than the UK's: "+48 512 778 310".
"""

from __future__ import annotations

import re

from .spans import Span

_NAME = r"[A-ZÀ-ÖØ-Þ][^\W\d_]*(?:['’-][A-ZÀ-ÖØ-Þ]?[^\W\d_]+)*"
_COLLAR_AFTER_NAME = re.compile(
    rf"\b(?:PC|DC|PS|DS|Sgt|PCSO|Const\.?|Constable|Sergeant)[ \t]+{_NAME}(?:[ \t]+{_NAME}){{0,2}}[ \t]+"
    r"(?P<n>\d{3,5})(?![\w/:]|[.,]\d|[ \t]+(?:metres|meters|m|yards|yds|miles|feet|ft|times|people|hours|hrs|"
    r"mins|minutes|days|weeks|months|years|pounds|quid|calls)\b)")
_REGISTER = re.compile(
    r"\b(?:GMC|NMC|HCPC|GPhC|SWE|DBS|certificate|card|account|membership|warrant|payroll|SIA)"
    r"(?:[ \t]+(?:number|no\.?|num|ending|ending in|ends in|is|was|reference|ref)){0,3}[ \t]*[:#]?[ \t]*"
    r"(?P<n>\d{4,14})(?![\w/]|[.,]\d)")
_LABEL = r"[A-Z]{1,4}[-/]\d{1,3}"
_EXHIBIT = re.compile(rf"\b(?i:labels?|exhibits?|productions?|bags?)[ \t]+(?:(?i:no\.?|number)[ \t]+)?(?P<a>{_LABEL})"
                      rf"(?:[ \t]*(?:to|and|-|–|,)[ \t]*(?P<b>{_LABEL}))?(?![\w/])")
_URN = re.compile(r"\bURN\b[ \t]*[:#]?[ \t]*(?P<n>[0-9][0-9A-Z /-]{4,26}[0-9A-Z])(?=[ \t]*(?:$|[.,;)\n]))", re.MULTILINE)
_PLATE_LETTERS = re.compile(r"(?<![\w/-])(?P<p>[A-Z]{2,3}\d{0,2})[ \t]+in[ \t]+the[ \t]+(?:reg|registration|plate|number[ \t]plate)\b")
_FOREIGN_PHONE = re.compile(r"(?<![\w+])\+(?!44)\d{1,3}(?:[ -]?\d{2,4}){2,5}(?![\w/])")


def number_cues(text: str) -> list[Span]:
    out = []
    for rx in (_COLLAR_AFTER_NAME, _REGISTER, _URN):
        for m in rx.finditer(text):
            n = m.group("n")
            if rx is _URN and sum(c.isdigit() for c in n) < 6:
                continue
            if rx is not _URN and len(n) == 4 and n[:2] in ("19", "20"):
                continue  # "PC Sutton 2019", "DBS certificate 2023": a year
            out.append(Span(m.start("n"), m.end("n"), "ID", n, 0.7, "context"))
    for m in _EXHIBIT.finditer(text):
        out += [Span(m.start(g), m.end(g), "ID", m.group(g), 0.6, "context") for g in ("a", "b") if m.group(g)]
    out += [Span(m.start("p"), m.end("p"), "ID", m.group("p"), 0.6, "context") for m in _PLATE_LETTERS.finditer(text)]
    for m in _FOREIGN_PHONE.finditer(text):
        if 9 <= sum(c.isdigit() for c in m.group()) <= 15:
            out.append(Span(m.start(), m.end(), "CONTACT", m.group(), 0.85, "pattern"))
    return out
