"""Built-in codebooks (frameworks) shipped in ``resources/frameworks/`` and loaded into new projects."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

from ..paths import resources_dir
from .errors import InvalidValue

if TYPE_CHECKING:
    from .project import Project

FRAMEWORKS = {"policing-cse": "policing_cse.json"}


def framework_data(framework_id: str) -> dict:
    if framework_id not in FRAMEWORKS:
        raise InvalidValue(f"Unknown framework '{framework_id}'; use one of: {', '.join(FRAMEWORKS)}, none.")
    with open(resources_dir() / "frameworks" / FRAMEWORKS[framework_id], encoding="utf-8") as fh:
        return json.load(fh)


def describe(node: dict) -> str:
    text = node.get("definition", "")
    if node.get("inclusion_hint"):
        text += "\n\nCode here when: " + node["inclusion_hint"]
    if node.get("sources"):
        text += "\n\nSources: " + ", ".join(node["sources"])
    return text.strip()


def load_framework(project: Project, framework_id: str) -> int:
    """Add the framework's codes to the project (in one transaction); returns how many were added."""
    data = framework_data(framework_id)
    origin = f"framework:{data['id']}@{data.get('version', '')}"
    added = 0
    with project.transaction():
        def walk(nodes: list[dict], parent_id: int | None, colour: str | None) -> None:
            nonlocal added
            for node in nodes:
                own = node.get("colour", colour)
                code = project.codes.add(node["name"], parent_id, description=describe(node), colour=own,
                                         origin=origin)
                added += 1
                walk(node.get("children", []), code.id, own)

        walk(data["codes"], None, None)
    return added
