"""Shared pieces of REFI-QDA export, import and merge: namespaces, GUID forms, the schemas, the error type.

No Qt, no storage: plain helpers used by ``refi.py`` (export), ``refi_import.py`` and ``merge.py``.
"""

from __future__ import annotations

import json
import re
import uuid
from collections.abc import Callable
from functools import lru_cache

from ..core.errors import ProjectError
from ..paths import resources_dir

PROJECT_NS = "urn:QDA-XML:project:1.0"
CODEBOOK_NS = "urn:QDA-XML:codebook:1.0"

# Our own namespace for GUIDs derived from other GUIDs (a selection from its coding, a note from a link...),
# so that a re-export of an unchanged project is byte-identical.
_DERIVED_NS = uuid.UUID("a2117c79-0527-4854-8537-b0fb68738312")

# A Variable's Description starting with this marker carries what REFI has no field for (attribute scope,
# category choices, the document kind); other tools show it as an ordinary description.
META_MARKER = "QualCoder-CSE:"

_GUID = re.compile(r"^\{?([0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12})\}?$")

# progress(done, total, stage): stage is a short label ("sources", "codings"), never transcript text; it may
# return False to ask for a stop (see tick).
Progress = Callable[[int, int, str], None]


class RefiError(ProjectError):
    """A REFI-QDA file could not be written, read or merged; the message says why in one sentence."""

    exit_code = 14


class RefiCancelled(RefiError):
    """The user cancelled; the operation was rolled back (or its partial file removed)."""


def tick(progress: Progress | None, done: int, total: int, stage: str) -> None:
    """Report progress; a progress callback returning False asks to stop."""
    if progress is not None and progress(done, total, stage) is False:
        raise RefiCancelled("Cancelled by the user; nothing was changed.")


def norm_guid(value: str | None) -> str | None:
    """A GUID in our stored form (lower case, no braces), or None when ``value`` is not a GUID."""
    if not value:
        return None
    m = _GUID.match(value.strip())
    return m.group(1).lower() if m else None


def new_guid_if_taken(used: set[str], guid: str | None) -> str | None:
    """``guid`` the first time it is met in ``used`` (and records it); None (make a new one) after that, or
    when there was none. Files do repeat GUIDs (NVivo gives a code and a case the same one)."""
    if not guid or guid in used:
        return None
    used.add(guid)
    return guid


def out_guid(stored: str) -> str:
    """The GUID we write: upper case (as ATLAS.ti and MAXQDA write). A malformed stored value (never made
    by us) is replaced by a stable GUID derived from it, so the file still validates."""
    g = norm_guid(stored)
    if g is None:
        g = str(uuid.uuid5(_DERIVED_NS, f"raw:{stored}"))
    return g.upper()


def derived_guid(kind: str, base: str) -> str:
    """A stable upper-case GUID for an element that has no row of its own (e.g. a coding's selection)."""
    return str(uuid.uuid5(_DERIVED_NS, f"{kind}:{(norm_guid(base) or base)}")).upper()


def xml_datetime(stamp: str | None) -> str | None:
    """Our ISO timestamps as xsd:dateTime with ``Z`` for UTC; None when the value is unusable."""
    if not stamp:
        return None
    s = stamp.strip().replace(" ", "T", 1)
    if s.endswith("+00:00"):
        s = s[:-6] + "Z"
    if re.fullmatch(r"\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d+)?(Z|[+-]\d{2}:\d{2})?", s):
        return s
    return None


def encode_meta(data: dict) -> str:
    return f"{META_MARKER} {json.dumps(data, sort_keys=True, ensure_ascii=False)}"


def decode_meta(description: str | None) -> dict | None:
    if not description or not description.startswith(META_MARKER):
        return None
    try:
        data = json.loads(description[len(META_MARKER) :].strip())
    except ValueError:
        return None
    return data if isinstance(data, dict) else None


@lru_cache(maxsize=2)
def schema(kind: str):
    """The compiled XSD ('project' or 'codebook') bundled in resources/refi."""
    from lxml import etree

    name = {"project": "Project.xsd", "codebook": "Codebook.xsd"}[kind]
    path = resources_dir() / "refi" / name
    try:
        return etree.XMLSchema(etree.parse(str(path)))
    except (OSError, etree.XMLSchemaParseError, etree.XMLSyntaxError):
        raise RefiError(f"The REFI-QDA schema {name} is missing or damaged in this installation.") from None


def validation_errors(root, kind: str) -> list[str]:
    """Schema errors of an element tree (empty when valid). Messages name elements, never content."""
    xsd = schema(kind)
    if xsd.validate(root):
        return []
    return [f"line {e.line}: {e.message}" for e in list(xsd.error_log)[:10]]
