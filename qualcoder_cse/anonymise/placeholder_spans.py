"""Placeholders already in a text are not identifiers: "DS [Person 1]" must not propose "Person" as a name
(text anonymised before, by this app or in a REFI-QDA file written from an anonymised project, passes the
anonymiser again on import, rescan or ``anonymise``). A proposal inside a placeholder is dropped; one that
reaches over a placeholder keeps only what lies outside it, when that is more than a title or punctuation
("[Person 1] Okafor" keeps "Okafor", "Mrs [Person 8]" keeps nothing).

What counts as a placeholder: this app's own forms (the project's format, default "[Person 3]", "[Date]"),
and the bracketed words researchers and other tools use for the same ("[Town 1]", "[Force 2]", "[name]",
"[Young person 3]", "[redacted]"), made of the words below only. A transcriber's "[Jade enters]" or "she
[Jade] said" is not a placeholder and is read as any other text."""

from __future__ import annotations

import re
from functools import lru_cache

from .lexicon import TITLES
from .placeholders import DEFAULT_NAMES, PlaceholderFormat
from .spans import Span

# Words that name a kind of thing, never a person or place: a bracketed run of them (with a number or not)
# is a placeholder, whoever wrote it.
PLACEHOLDER_WORDS = frozenset("""
    name names person people individual participant interviewee interviewer respondent speaker p
    child young yp youth girl boy woman man adult victim survivor suspect offender perpetrator perp
    officer worker practitioner professional manager lead colleague staff teacher carer parent mother
    father mum dad sibling brother sister friend boyfriend girlfriend partner relative family member
    place location area town city village county borough region district ward estate street road address
    postcode neighbourhood site venue premises building
    organisation organization org company business firm agency charity service force police constabulary
    council authority school college academy university hospital clinic practice hotel takeaway shop
    restaurant cafe pub bar club taxi home team unit department
    date day time year age number phone email username handle contact id reference ref vehicle reg
    nationality ethnicity religion language redacted removed anonymised anonymized withheld omitted
    inaudible
""".split())  # noqa: SIM905 - a readable block of words
_WORD = r"[A-Za-z]+"
_GENERIC = re.compile(r"\[(" + _WORD + r"(?:[ -]" + _WORD + r"){0,2})(?: \d{1,6})?\]")

_EDGE = " \t\r\n.,;:!?'\"()[]{}-–—/&"


def _template(template: str, names: str) -> str:
    out, rest = [], template
    while rest:
        m = re.search(r"\{(name|n)\}", rest)
        if m is None:
            out.append(re.escape(rest))
            break
        out.append(re.escape(rest[: m.start()]))
        out.append(f"(?:{names})" if m.group(1) == "name" else r"\d{1,6}")
        rest = rest[m.end():]
    return "".join(out)


@lru_cache(maxsize=32)
def _regex(numbered: str, plain: str, names: tuple[str, ...]) -> re.Pattern[str]:
    alt = "|".join(re.escape(n) for n in sorted(set(names), key=len, reverse=True) if n)
    parts = {_template(numbered, alt), _template(plain, alt)}
    return re.compile("|".join(f"(?:{p})" for p in sorted(parts, key=len, reverse=True)))


def placeholder_regex(fmt: PlaceholderFormat | None = None) -> re.Pattern[str]:
    fmt = fmt or PlaceholderFormat()
    names = tuple(sorted(set(DEFAULT_NAMES.values()) | set(fmt.names.values())))
    return _regex(fmt.numbered, fmt.plain, names)


def placeholder_ranges(text: str, fmt: PlaceholderFormat | None = None) -> list[tuple[int, int]]:
    """Where the placeholders of ``text`` are, in order."""
    found = []
    if "[" in text:
        for m in _GENERIC.finditer(text):
            if all(w.casefold() in PLACEHOLDER_WORDS for w in re.split(r"[ -]", m.group(1))):
                found.append((m.start(), m.end()))
    if "[" in text or (fmt is not None and not fmt.numbered.startswith("[")):
        found += [(m.start(), m.end()) for m in placeholder_regex(fmt).finditer(text)]
    return sorted(set(found))


def _worth_keeping(part: str) -> bool:
    core = part.strip(_EDGE)
    return len(core) >= 2 and core.casefold().rstrip(".") not in TITLES


def outside_placeholders(text: str, spans: list[Span], fmt: PlaceholderFormat | None = None) -> list[Span]:
    """``spans`` without what falls on a placeholder of this app (see the module docstring)."""
    ranges = placeholder_ranges(text, fmt)
    if not ranges:
        return list(spans)
    out = []
    for s in spans:
        hits = [(a, b) for a, b in ranges if a < s.end and s.start < b]
        if not hits:
            out.append(s)
            continue
        pieces, cur = [], s.start
        for a, b in hits:
            if a > cur:
                pieces.append((cur, a))
            cur = max(cur, b)
        if cur < s.end:
            pieces.append((cur, s.end))
        for a, b in pieces:
            if _worth_keeping(text[a:b]):
                lead = len(text[a:b]) - len(text[a:b].lstrip(_EDGE))
                trail = len(text[a:b]) - len(text[a:b].rstrip(_EDGE))
                a, b = a + lead, b - trail
                out.append(Span(a, b, s.label, text[a:b], s.confidence, s.source))
    return out
