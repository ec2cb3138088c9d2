"""Case-attribute presets for the policing-and-CSE research, and the pseudonymised display of police forces.

``project.presets.add_research()`` adds (or completes) five case attributes: participant group, police force
(the 43 territorial forces of England and Wales), policing model (the four models of the framework), role
and area type. Values are stored under the real force name; when the project setting
``pseudonymise_forces`` is on, every view and export shows "Force A", "Force B", ... instead. The letters
follow a keyed hash of the force name under the project's own secret, so the order is stable within a
project (and its copies) but is neither alphabetical nor guessable from this source code.
"""

from __future__ import annotations

import hashlib
import hmac
import json
import re
from typing import TYPE_CHECKING

from .changes import Change
from .models import Attribute

if TYPE_CHECKING:
    from .project import Project

PSEUDONYMISE_FORCES = "pseudonymise_forces"

PARTICIPANT_GROUP = "Participant group"
POLICE_FORCE = "Police force"
POLICING_MODEL = "Policing model"
ROLE = "Role"
AREA_TYPE = "Area type"

PARTICIPANT_GROUPS = ("Police", "LSCB/partner", "Young person", "Researcher")

# The 43 territorial police forces: 39 in England (including the City of London Police and the Metropolitan
# Police Service) and 4 in Wales. Not included: British Transport Police, the Ministry of Defence Police and
# the Civil Nuclear Constabulary (special forces), and Police Scotland / PSNI (other jurisdictions).
ENGLAND_FORCES = (
    "Avon and Somerset Constabulary",
    "Bedfordshire Police",
    "Cambridgeshire Constabulary",
    "Cheshire Constabulary",
    "City of London Police",
    "Cleveland Police",
    "Cumbria Constabulary",
    "Derbyshire Constabulary",
    "Devon and Cornwall Police",
    "Dorset Police",
    "Durham Constabulary",
    "Essex Police",
    "Gloucestershire Constabulary",
    "Greater Manchester Police",
    "Hampshire and Isle of Wight Constabulary",  # "Hampshire Constabulary" until 2022; accepted as an alias
    "Hertfordshire Constabulary",
    "Humberside Police",
    "Kent Police",
    "Lancashire Constabulary",
    "Leicestershire Police",
    "Lincolnshire Police",
    "Merseyside Police",
    "Metropolitan Police Service",
    "Norfolk Constabulary",
    "North Yorkshire Police",
    "Northamptonshire Police",
    "Northumbria Police",
    "Nottinghamshire Police",
    "South Yorkshire Police",
    "Staffordshire Police",
    "Suffolk Constabulary",
    "Surrey Police",
    "Sussex Police",
    "Thames Valley Police",
    "Warwickshire Police",
    "West Mercia Police",
    "West Midlands Police",
    "West Yorkshire Police",
    "Wiltshire Police",
)
WALES_FORCES = ("Dyfed-Powys Police", "Gwent Police", "North Wales Police", "South Wales Police")
POLICE_FORCES = ENGLAND_FORCES + WALES_FORCES

# Short and former names researchers type, mapped to the force (compared after _force_key()).
FORCE_ALIASES = {
    "hampshire": "Hampshire and Isle of Wight Constabulary",
    "met": "Metropolitan Police Service",
    "metropolitan": "Metropolitan Police Service",
    "mps": "Metropolitan Police Service",
    "gmp": "Greater Manchester Police",
    "city of london": "City of London Police",
    "wmp": "West Midlands Police",
    "wyp": "West Yorkshire Police",
    "syp": "South Yorkshire Police",
    "tvp": "Thames Valley Police",
}

# The four policing models of the framework (Allnock, Lloyd & Pearce 2017), named as the framework's codes.
POLICING_MODELS = (
    "Integrated specialist CSE team",
    "Victim-focused specialist team with separate investigation",
    "Intelligence-focused specialist team",
    "No specialist team / generic public protection",
)
AREA_TYPES = ("Urban", "Rural", "Mixed urban and rural")

PRESETS: tuple[tuple[str, str, tuple[str, ...]], ...] = (
    (PARTICIPANT_GROUP, "category", PARTICIPANT_GROUPS),
    (POLICE_FORCE, "category", POLICE_FORCES),
    (POLICING_MODEL, "category", POLICING_MODELS),
    (ROLE, "text", ()),
    (AREA_TYPE, "category", AREA_TYPES),
)


def _choice_key(text: str) -> str:
    """Choices that mean the same ("LSCB / partner agency" and "LSCB/partner", "Young people" and "Young
    person") compare equal, so presets do not add near-duplicates to a project's own list."""
    key = re.sub(r"\bpeople\b", "person", text.casefold())
    key = re.sub(r"\bagenc(y|ies)\b", "", key)
    return re.sub(r"\W+", "", key)


def _force_key(text: str) -> str:
    key = text.casefold().replace("&", " and ").replace("-", " ")
    key = re.sub(r"\b(police service|police|constabulary|service|force)\b", " ", key)
    return " ".join(key.split())


_BY_KEY = {_force_key(f): f for f in POLICE_FORCES}


def canonical_force(text: str) -> str | None:
    """The force a researcher meant by "GMP", "Devon & Cornwall", "Hampshire Constabulary"...; None if unknown."""
    key = _force_key(text or "")
    if not key:
        return None
    return _BY_KEY.get(key) or FORCE_ALIASES.get(key)


def _letters(n: int) -> str:
    """0 -> A, 25 -> Z, 26 -> AA, 27 -> AB ..."""
    out = ""
    n += 1
    while n:
        n, r = divmod(n - 1, 26)
        out = chr(65 + r) + out
    return out


def force_order(secret: bytes) -> list[str]:
    """The 43 forces in the order a secret gives them (Force A first)."""

    def rank(force: str) -> bytes:
        return hmac.new(secret, b"force:" + force.encode("utf-8"), hashlib.sha256).digest()

    return sorted(POLICE_FORCES, key=rank)


class PresetManager:
    """``project.presets``: the research presets and how a police force is shown (pseudonymised or not)."""

    def __init__(self, project: Project) -> None:
        self.project = project

    def add_research(self) -> list[Attribute]:
        """Add the preset case attributes, in one transaction. An attribute that already exists keeps its
        type and values; a category gains any preset choices it lacks. Returns the five attributes."""
        project = self.project
        out = []
        with project.transaction():
            for name, type_, choices in PRESETS:
                attr = project.attributes.by_name(name, "case")
                if attr is None:
                    attr = project.attributes.add(name, scope="case", type=type_, choices=choices)
                elif attr.type == "category":
                    have = {_choice_key(x) for x in attr.choices}
                    missing = [c for c in choices if _choice_key(c) not in have]
                    if missing:
                        attr = project.attributes.set_choices(attr.id, list(attr.choices) + missing)
                out.append(attr)
            project.audit.record("add attribute presets", "attribute", None)
        return out

    def forces_pseudonymised(self) -> bool:
        return (self.project.meta(PSEUDONYMISE_FORCES, "0") or "0") == "1"

    def set_forces_pseudonymised(self, on: bool) -> None:
        project = self.project
        with project.transaction():
            project.set_meta(PSEUDONYMISE_FORCES, "1" if on else "0")
            project.audit.record("pseudonymise forces", "project", None, "on" if on else "off")
        project.publish(Change(attributes=True, attribute_ids=None))

    def force_pseudonyms(self) -> dict[str, str]:
        """{real force name: "Force X"} for the 43 forces, in an order keyed by the project's own random
        secret (``force_order_secret``; a project made before schema 2 keeps the order of ``force_order``)."""
        project = self.project
        kept = json.loads(project.meta("force_order", "[]") or "[]")
        secret = project.meta("force_order_secret", "") or project.meta("pseudonym_secret", "") or ""
        secret = secret.encode()
        ordered = [f for f in kept if f in POLICE_FORCES]
        ordered += [f for f in force_order(secret) if f not in ordered]
        return {force: f"Force {_letters(i)}" for i, force in enumerate(ordered)}

    def display_value(self, attribute: Attribute, value: str,
                      mapping: dict[str, str] | None = None) -> str:
        """What views and exports show for a stored value: the force pseudonym when the project says so.
        Pass ``mapping`` (from ``force_pseudonyms()``) when converting many values."""
        if not value or attribute.name.casefold() != POLICE_FORCE.casefold():
            return value
        if not self.forces_pseudonymised():
            return value
        mapping = mapping if mapping is not None else self.force_pseudonyms()
        return mapping.get(value, value)

    def stored_value(self, attribute: Attribute, shown: str) -> str:
        """The inverse of ``display_value``: "Force C" typed in a pseudonymised view, back to the real
        force."""
        if not shown or attribute.name.casefold() != POLICE_FORCE.casefold():
            return shown
        if self.forces_pseudonymised():
            for real, pseudo in self.force_pseudonyms().items():
                if pseudo.casefold() == shown.strip().casefold():
                    return real
        return canonical_force(shown) or shown
