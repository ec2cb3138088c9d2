"""Bringing a codebook (.qdc, or a project file's codebook) into an OPEN project: codes are matched by path,
missing ones added with their colour, description and category flag, differences reported and this
project's values kept."""

from __future__ import annotations

import os
import re
from pathlib import Path

from ..core import Project
from .refi_model import ImportReport, RCode
from .refi_read import read_refi

_COLOUR6 = re.compile(r"^#[0-9a-fA-F]{6}$")
_COLOUR3 = re.compile(r"^#[0-9a-fA-F]{3}$")


def colour(value: str | None) -> str | None:
    """``#rrggbb`` in lower case (``#rgb`` expanded), or None for any other form."""
    c = (value or "").strip()
    if _COLOUR3.match(c):
        c = "#" + "".join(ch * 2 for ch in c[1:])
    return c.lower() if _COLOUR6.match(c) else None


def import_codebook(project: Project, in_path: str | os.PathLike) -> ImportReport:
    """Bring the codes of a .qdc (or of a project file's codebook) into an OPEN project: codes are matched
    by path; missing ones are added with their colour and description; differences are reported and this
    project's values kept. One transaction."""
    data = read_refi(in_path)
    report = ImportReport(source=Path(in_path).name, kind="codebook", origin=data.origin)
    report.tolerated += data.messages
    if data.kind == "codebook":
        report.not_carried += data.lost
    elif data.sources or data.cases or data.notes:
        report.not_carried.append("everything but the codebook: use import-refi to make a project of it")
    guids = {c.guid for c in project.codes.list()}
    added = matched = 0

    def walk(codes: list[RCode], parent_id: int | None) -> None:
        nonlocal added, matched
        for code in codes:
            name = code.name or "(unnamed code)"
            colour_ = colour(code.colour)
            mine = project.codes.child_named(parent_id, name)
            if mine is not None:
                matched += 1
                if colour_ and colour_ != mine.colour.lower():
                    report.not_carried.append(f"the colour {colour_} of '{mine.path}' (this project's kept)")
                if code.description.strip() and code.description.strip() != mine.description.strip():
                    report.not_carried.append(f"the description of '{mine.path}' (this project's kept)")
            else:
                guid = code.guid if code.guid and code.guid not in guids else None
                mine = project.codes.add(
                    name, parent_id, description=code.description, colour=colour_, origin="refi", guid=guid,
                    codable=code.codable,
                )
                guids.add(mine.guid)
                added += 1
            walk(code.children, mine.id)

    with project.transaction():
        walk(data.codes, None)
        project.audit.record("import codebook", "project", None, f"added={added} matched={matched}")
    report.counts = {"codes added": added, "codes already here": matched}
    return report
