"""Placeholder text: which kind of placeholder a span gets ("[Person 3]", "[School 1]", "[Date]") and its
format, configurable per project (``meta.anonymise_format``, JSON) or per run.

Kinds are the numbering groups: people, places and organisations are numbered per kind ("[School 2]" is the
second school), dates, phone numbers and identifiers are not numbered by default.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from .spans import entity_key

if TYPE_CHECKING:
    from ..core.project import Project

DEFAULT_NAMES = {
    "PERSON": "Person",
    "LOCATION": "Place",
    "ORG": "Organisation",
    "ORG:School": "School",
    "ORG:Hotel": "Hotel",
    "ORG:Police": "Police force",
    "ORG:Station": "Police station",
    "ORG:Council": "Council",
    "ORG:Taxi": "Taxi firm",
    "ORG:Takeaway": "Takeaway",
    "ORG:Home": "Children's home",
    "DATE": "Date",
    "CONTACT": "Contact",
    "CONTACT:Phone": "Phone",
    "CONTACT:Email": "Email",
    "CONTACT:Handle": "Username",
    "ID": "ID",
    "ID:Vehicle": "Vehicle reg",
    "ID:NHS": "NHS number",
    "ID:NI": "NI number",
    "ID:Reference": "Reference",
    "LOCATION:Postcode": "Postcode",
}
NUMBERED = frozenset({"PERSON", "LOCATION", "ORG"})
NUMBERED_KINDS = frozenset({"CONTACT:Handle"})  # each chat handle its own speaker: "[Username 2]"

_ORG_KINDS = (
    ("ORG:School", re.compile(r"\b(school|academy|college|primary|high|grammar|sixth form|infants|juniors)\b", re.IGNORECASE)),
    ("ORG:Hotel", re.compile(r"\b(hotel|inn|lodge|motel|travelodge|b&b|guest house)\b", re.IGNORECASE)),
    # (session 14) "Rochdale police station" is a building, not a force
    ("ORG:Station", re.compile(r"\bpolice (?:station|office|custody suite)\b|\bcustody suite\b", re.IGNORECASE)),
    ("ORG:Police", re.compile(r"\b(police|constabulary|gmp|wmp|wyp|syp|psni|btp|tvp|mps)\b", re.IGNORECASE)),
    ("ORG:Council", re.compile(r"\bcouncil\b", re.IGNORECASE)),
    ("ORG:Taxi", re.compile(r"\b(taxis?|cars|cabs|minicabs|private hire)\b", re.IGNORECASE)),
    ("ORG:Takeaway", re.compile(r"\b(kebabs?|pizzas?|pizzeria|chicken|takeaway|chippy|grill|fry)\b", re.IGNORECASE)),
    ("ORG:Home", re.compile(r"\b(children'?s home|care home|residential)\b", re.IGNORECASE)),
)
_POSTCODE = re.compile(r"^[A-Za-z]{1,2}\d[A-Za-z0-9]?\s?\d[A-Za-z]{2}$")
_REG = re.compile(r"^[A-Za-z]{2}\s?\d{2}\s?[A-Za-z]{3}$|^[A-Z]\d{1,3}\s?[A-Z]{3}$|^[A-Z]{3}\s?\d{1,3}[A-Z]$")
_NI = re.compile(r"^[A-Za-z]{2}\s?\d{2}\s?\d{2}\s?\d{2}\s?[A-Da-d]$")
_SPELT_AT = re.compile(r"\s(?:at|AT)\s|[\[(]at[\])]")  # an email spelt out: "k.morgan at gmail dot com"
_NHS = re.compile(r"^\d{3}[\s-]?\d{3}[\s-]?\d{4}$")


_SAID_NUMBER = re.compile(r"(?i:(?:zero|oh|one|two|three|four|five|six|seven|eight|nine|double|triple|hundred|"
                          r"thousand|\d)[\s,-]*)+")


def kind_of(label: str, text: str) -> str:
    """The numbering group of a span: its label, refined for ORG, CONTACT, ID and postcodes."""
    t = text.strip()
    if label == "ORG":
        for kind, rx in _ORG_KINDS:
            if rx.search(t):
                return kind
        return "ORG"
    if label == "CONTACT":
        if "@" in t and not t.startswith("@") or _SPELT_AT.search(t):
            return "CONTACT:Email"
        if sum(c.isdigit() for c in t) >= 9 and not re.search(r"[A-Za-z_]", t):
            return "CONTACT:Phone"
        if _SAID_NUMBER.fullmatch(t):  # (session 13) "oh seven seven hundred, nine hundred, five one three"
            return "CONTACT:Phone"
        return "CONTACT:Handle"
    if label == "ID":
        if _REG.match(t):
            return "ID:Vehicle"
        if _NI.match(t):
            return "ID:NI"
        if _NHS.match(t):
            return "ID:NHS"
        return "ID:Reference"
    if label == "LOCATION" and _POSTCODE.match(t):
        return "LOCATION:Postcode"
    return label


@dataclass
class PlaceholderFormat:
    """``numbered`` and ``plain`` are str.format templates with ``{name}`` and ``{n}``."""

    numbered: str = "[{name} {n}]"
    plain: str = "[{name}]"
    names: dict[str, str] = field(default_factory=lambda: dict(DEFAULT_NAMES))
    number_all: bool = False  # also number dates, phones and IDs ("[Phone 2]")

    def name(self, kind: str) -> str:
        return self.names.get(kind) or self.names.get(kind.split(":")[0]) or DEFAULT_NAMES.get(kind, kind.title())

    def is_numbered(self, kind: str) -> bool:
        return self.number_all or kind.split(":")[0] in NUMBERED or kind in NUMBERED_KINDS

    def render(self, kind: str, number: int | None) -> str:
        if number is not None and self.is_numbered(kind):
            return self.numbered.format(name=self.name(kind), n=number)
        return self.plain.format(name=self.name(kind), n="")

    def to_json(self) -> str:
        return json.dumps({"numbered": self.numbered, "plain": self.plain, "names": self.names,
                           "number_all": self.number_all})

    @classmethod
    def from_json(cls, raw: str | None) -> PlaceholderFormat:
        fmt = cls()
        if not raw:
            return fmt
        try:
            data = json.loads(raw)
        except ValueError:
            return fmt
        fmt.numbered = str(data.get("numbered", fmt.numbered))
        fmt.plain = str(data.get("plain", fmt.plain))
        fmt.names.update({str(k): str(v) for k, v in (data.get("names") or {}).items()})
        fmt.number_all = bool(data.get("number_all", False))
        return fmt

    @classmethod
    def for_project(cls, project: Project) -> PlaceholderFormat:
        return cls.from_json(project.meta("anonymise_format"))

    def save(self, project: Project) -> None:
        with project.transaction():
            project.set_meta("anonymise_format", self.to_json())


class Numbering:
    """Placeholder assignment: through the project's pseudonyms when there is a project (consistent across
    documents, HMAC-keyed), else a numbering for this run only (the ``anonymise`` command)."""

    def __init__(self, project: Project=None, fmt: PlaceholderFormat | None = None) -> None:
        self.project = project
        self.fmt = fmt or (PlaceholderFormat.for_project(project) if project is not None else PlaceholderFormat())
        self._local: dict[tuple[str, str], str] = {}
        self._counts: dict[str, int] = {}
        self._aliases: set[tuple[str, str]] = set()
        self._ambiguous: set[tuple[str, str]] = set()
        self._project_aliased: set[tuple[str, str]] = set()  # full names whose parts the project already links

    def placeholder(self, label: str, text: str, *, key: str | None = None) -> str:
        kind = kind_of(label, text)
        key = key or entity_key(text)
        if not self.fmt.is_numbered(kind):
            return self.fmt.render(kind, None)
        if self.project is not None:
            p = self.project.pseudonyms.get_or_create(
                kind, key, lambda n: self.fmt.render(kind, n), original=text.strip()
            )
            return p.placeholder
        got = self._local.get((kind, key))
        if got is None:
            n = self._counts.get(kind, 0) + 1
            self._counts[kind] = n
            got = self._local[(kind, key)] = self.fmt.render(kind, n)
        return got

    def alias_parts(self, label: str, text: str, key: str) -> None:
        """After a full name got its placeholder, let its parts ("jodie", "smith") map to the same one in later
        documents, unless a part is already an entity of its own."""
        kind = kind_of(label, text)
        parts = [p for p in key.split() if len(p) > 2]
        if label != "PERSON" or len(parts) < 2:
            return
        if self.project is not None:
            if (kind, key) in self._project_aliased:
                return  # the same name again (a long transcript says it hundreds of times): linked already
            target = self.project.pseudonyms.find(kind, key)
            if target is not None:
                for part in parts:
                    self.project.pseudonyms.alias(kind, part, target)
                self._project_aliased.add((kind, key))
            return
        placeholder = self._local.get((kind, key))
        if placeholder:
            for part in parts:
                k = (kind, part)
                if k in self._ambiguous:
                    continue
                if k not in self._local:
                    self._local[k] = placeholder
                    self._aliases.add(k)
                elif k in self._aliases and self._local[k] != placeholder:
                    # (session 9) a second "Karen" with another surname: a bare "Karen" is neither of them
                    del self._local[k]
                    self._aliases.discard(k)
                    self._ambiguous.add(k)


PLACEHOLDER_RX = re.compile(r"\[[A-Z][A-Za-z' ]{0,30}(?: \d{1,6})?\]")
